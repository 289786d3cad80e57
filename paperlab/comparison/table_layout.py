"""Repairing a table's layout: header levels, ragged rows, merged cells, and what each column measures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ImportProblem, ParseError
from .lexicons import lexicon_hits
from .table_text import FLAGS, MISSING, MIXED, Grid, cell_value, is_num, numeric_share

__all__ = [
    "Layout",
    "caption_info",
    "column_meta",
    "column_ranges",
    "column_unit",
    "fill_merged_labels",
    "join_variant_labels",
    "layout_of",
    "out_of_range",
    "unique_names",
]

_METHOD_HEADER = re.compile(r"^(?:method|methods|model|models|approach|system|metrics?|baseline)s?$", re.I)
_AGGREGATE = re.compile(r"^(?:avg\.?|average|mean|overall|total)$", re.I)


# "au" is what is left of a LaTeX \tau whose \t became a tab in a copied slide table
_METRIC_SYMBOLS = {"ρ": "Spearman ρ", "τ": "Kendall τ", "au": "Kendall τ"}


@dataclass
class Layout:
    """A table's repaired layout.

    ``rows`` have ``width`` cells each; columns before ``value_start`` hold labels (named
    ``label_names``; ``method_col`` is the one naming methods), the others values. ``levels``
    are each column's header levels (top first) and ``names`` those levels joined with " / ". ``better`` says,
    per column, whether its header marks higher or lower values as better ("Acc ↑" -> "higher"), else None;
    ``cols`` the column of the text each column was read from (yes/no columns move among the labels).
    """

    rows: list[list[str]]
    width: int
    value_start: int
    levels: list[list[str]]
    names: list[str]
    label_names: list[str]
    method_col: int | None
    better: list[str | None]
    cols: list[int]


# a header's mark of which values are better: "Acc ↑", "FID (↓)", "Error (lower is better)"
_BETTER = re.compile(
    r"\s*[(\[]?\s*(?:(?P<up>[↑⇑▲⬆])|(?P<down>[↓⇓▼⬇])|(?P<word>higher|lower)\s+(?:is\s+)?better)\s*[)\]]?\s*",
    re.I,
)


def _better_marks(levels: list[list[str]]) -> list[str | None]:
    """Each column's direction from the arrows of its header levels, which lose them ("ToyBench ↑" -> "ToyBench")."""
    better: list[str | None] = []
    for lv in levels:
        found = None
        for k, text in enumerate(lv):
            m = _BETTER.search(text)
            if m:
                word = (m.group("word") or "").lower()
                found = "higher" if m.group("up") or word == "higher" else "lower"
                lv[k] = _BETTER.sub(" ", text).strip()
        better.append(found)
    return better


def _flags_among_labels(header: list[list[str]], rows: list[list[str]], width: int) -> list[int]:
    """Move yes/no columns ("250 labels": yes, "Pretrained": ✓) that stand among the value columns to just before
    them: they are settings of the row, not values (in place). Returns where each column was."""

    def kind(j: int) -> str:
        cells = [r[j].strip() for r in rows if j < len(r) and r[j].strip() and r[j].strip() not in MISSING]
        if cells and all(c.lower() in FLAGS for c in cells):
            return "flag"
        return "value" if cells and sum(is_num(c) for c in cells) > len(cells) / 2 else "label"

    kinds = [kind(j) for j in range(width)]
    first_value = next((j for j in range(width) if kinds[j] == "value"), None)
    if first_value is None or not any(k == "flag" for k in kinds[first_value:]):
        return list(range(width))
    order = list(range(first_value)) + [j for j in range(first_value, width) if kinds[j] == "flag"]
    order += [j for j in range(first_value, width) if kinds[j] != "flag"]
    for r in [*header, *rows]:
        r[:width] = [r[j] if j < len(r) else "" for j in order]
    return order


def layout_of(grid: Grid, problems: list[ImportProblem], source: str, first_line: int) -> Layout:
    """Width, label and value columns, repaired rows and column names of a table (repairs go to ``problems``)."""
    if not grid.rows:
        raise ParseError("expected a table with data rows, found only a header", source, f"line {first_line}")
    header, rows = _drop_empty_columns(grid.header, grid.rows)
    if header:  # the header says how wide the table is; longer rows are ragged
        width = max(max((j + 1 for j, c in enumerate(h) if c), default=0) for h in header)
        width = width or max(len(r) for r in rows)
        header = [h[:width] for h in header]
    else:
        width = max(len(r) for r in rows)
    rows = [r[:width] + [c for c in r[width:] if c] for r in rows]  # trailing empty cells are not data
    cols = _flags_among_labels(header, rows, width)
    if not any(numeric_share(r) >= 0.5 for r in rows):
        raise ParseError(
            "expected a results table with numeric values; no row is mostly numbers", source, f"line {first_line}"
        )
    clean = [r for r in rows if len(r) <= width and not any(MIXED.match(c) for c in r if c and not is_num(c))]
    value_start = _classify_columns([r + [""] * (width - len(r)) for r in clean] or rows, width)
    vocab = [{r[j] for r in clean if j < len(r) and r[j]} for j in range(value_start)]
    rows = [
        _repair_row(r, width, value_start, vocab, ln, problems, source) for r, ln in zip(rows, grid.lines, strict=False)
    ]
    header = [[re.sub(r"(\w)- (\w)", r"\1-\2", c) for c in h] for h in header]  # "SDXL- Refiner"
    if grid.spans_expanded:  # pandas.read_html repeats a spanning cell in every column it covers
        levels = [list(dict.fromkeys(h[j] for h in header if j < len(h) and h[j])) or [""] for j in range(width)]
    else:
        levels = _header_levels(header, width, value_start)
    better = _better_marks(levels)
    names = [" / ".join(lv for lv in levels[j] if lv) for j in range(width)]
    label_names = [names[j] or ("group" if j == 0 else f"label{j}") for j in range(value_start)]
    method_col = _method_column(names, value_start)
    return Layout(rows, width, value_start, levels, names, label_names, method_col, better, cols)


def _method_column(names: list[str], value_start: int) -> int | None:
    """The label column that holds the methods: one headed "Method", "Model", ..., else the first named one."""
    method_col = next((j for j in range(value_start) if _METHOD_HEADER.match(names[j])), None)
    if method_col is None:
        method_col = next((j for j in range(value_start) if names[j]), 0 if value_start else None)
    return method_col


def join_variant_labels(rows: list[list[str]], method_col: int) -> None:
    """Method labels without citation marks; "- Probs" under "G-EVAL-4" becomes "G-EVAL-4 - Probs"."""
    parent = ""
    for r in rows:
        label = re.sub(r"\s*\[\d+(?:,\s*\d+)*\]", "", r[method_col]).strip()  # citation marks
        if re.match(r"^(?:-|–|w/o|\+)\s*\S", label) and parent:
            label = f"{parent} {label}"  # a variant of the row above
        elif label:
            parent = label
        r[method_col] = label


def column_ranges(rows: list[list[str]], width: int, value_start: int) -> list[tuple[float, float] | None]:
    """Per column, the typical range of its positive values (10th to 90th percentile; None under 5 values)."""
    ranges: list[tuple[float, float] | None] = []
    for j in range(width):
        vals = sorted(v for v in (cell_value(r[j]) for r in rows if j >= value_start and is_num(r[j])) if v > 0)
        if len(vals) >= 5:
            ranges.append((vals[len(vals) // 10], vals[-1 - len(vals) // 10]))
        else:
            ranges.append(None)
    return ranges


def _drop_empty_columns(header: list[list[str]], rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    width = max([len(r) for r in rows + header] or [0])
    rows = [r + [""] * (width - len(r)) for r in rows]
    header = [h + [""] * (width - len(h)) for h in header]
    keep = [j for j in range(width) if any(r[j] for r in rows + header)]
    return [[h[j] for j in keep] for h in header], [[r[j] for j in keep] for r in rows]


def _header_levels(header: list[list[str]], width: int, value_start: int) -> list[list[str]]:
    """Per column, the list of header levels (top first), merging split and spanning header cells."""
    if not header:
        return [[f"col{j}"] for j in range(width)]
    rows = [h[:width] + [""] * (width - len(h)) for h in header]
    levels: list[list[str]] = [[] for _ in range(width)]
    for k, row in enumerate(rows):
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if nxt is not None and sum(1 for c in row if c) <= width / 2:
            _spanning_labels(row, nxt, levels, value_start)
            continue
        period = _repeat_period(nxt[value_start:]) if nxt is not None else None
        if period:
            _split_labels(row, levels, value_start, period)
            continue
        if nxt is not None:
            _refined_labels(row, nxt, levels)
            return [lv or [""] for lv in levels]
        for j in range(width):
            if row[j] and (not levels[j] or levels[j][-1] != row[j]):
                levels[j].append(row[j])
    return [lv or [""] for lv in levels]


def _spanning_labels(row: list[str], nxt: list[str], levels: list[list[str]], value_start: int) -> None:
    """A sparse row of spanning group labels over the value columns: fill each label to the right."""
    current = ""
    for j in range(len(row)):
        if row[j]:
            current = row[j]
        elif j < value_start or _AGGREGATE.match(nxt[j] or ""):
            current = ""
        if current and j >= value_start:
            levels[j].append(current)
        elif row[j]:
            levels[j].append(row[j])


def _split_labels(row: list[str], levels: list[list[str]], value_start: int, period: int) -> None:
    """Cells split across columns ("Cohe" "rence" over "ρ" "τ"): join each group of ``period`` cells."""
    width = len(row)
    for j in range(value_start):
        if row[j]:
            levels[j].append(row[j])
    for g in range(value_start, width, period):
        name = _join_fragments(row[g : g + period])
        for j in range(g, min(g + period, width)):
            if name:
                levels[j].append(name)


def _refined_labels(row: list[str], nxt: list[str], levels: list[list[str]]) -> None:
    """A dense row; the next row only refines horizontal spans (a cell followed by empty cells that the
    next row fills, e.g. "EK-100" over "Action Verb Noun")."""
    width = len(row)
    j = 0
    while j < width:
        if not row[j]:
            j += 1
            continue
        end = j + 1
        while end < width and not row[end] and nxt[end]:
            end += 1
        for t in range(j, end):
            levels[t].append(row[j])
            if end - j > 1 and nxt[t]:
                levels[t].append(nxt[t])
        j = end


def _repeat_period(cells: list[str]) -> int | None:
    cells = [c for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    for p in (2, 3, 4):
        if (
            len(cells) >= 2 * p
            and all(cells[i] == cells[i % p] for i in range(len(cells)))
            and len(set(cells[:p])) == p
        ):
            return p
    return None


def _join_fragments(cells: list[str]) -> str:
    out = ""
    for c in cells:
        if not c:
            continue
        out = out + c if out and c[:1].islower() else (out + " " + c if out else c)
    return out.strip()


def _classify_columns(rows: list[list[str]], width: int) -> int:
    last_text = -1
    for j in range(width):
        vals = [r[j] for r in rows if r[j] and r[j] not in MISSING]
        if not vals:
            continue
        text = sum(1 for v in vals if not is_num(v))
        if text > len(vals) / 2:
            last_text = j
    return last_text + 1


def _repair_row(
    cells: list[str],
    width: int,
    value_start: int,
    vocab: list[set[str]],
    line: int,
    problems: list[ImportProblem],
    source: str,
) -> list[str]:
    """A row with exactly ``width`` cells: run-together cells split, surplus empty cells dropped, short rows padded.

    ``vocab`` holds the labels seen in each label column of the clean rows; every repair is reported.
    """
    cells = list(cells)
    full = len(cells) == width and all(cells[value_start:])  # every column has its cell: "DALL-E 3" is a label
    for i, c in enumerate(cells):
        if full and i < value_start:
            continue
        split = _run_together(c, i, value_start, vocab)
        if split is None:
            continue
        label, nums, target = split
        cells = _spread(cells, i, label, nums, target)
        what = f"{'a label and ' if label else ''}{len(nums)} values"
        problems.append(ImportProblem(source, f"line {line}", f"cell {c!r} holds {what}; split into separate columns"))
        break
    if len(cells) > width:
        cells, message = _drop_surplus(cells, width, value_start)
        problems.append(ImportProblem(source, f"line {line}", message))
    elif len(cells) < width:
        cells = cells + [""] * (width - len(cells))
    return cells


def _run_together(c: str, i: int, value_start: int, vocab: list[set[str]]) -> tuple[str | None, list[str], int] | None:
    """(label, values, label column) of a cell holding a label and values ("SimCLR 90.6 65.2") or several values."""
    m = MIXED.match(c) if c and not is_num(c) else None
    if m:
        label, nums = m.group("label").strip(), m.group("nums").split()
        if label in MISSING or not re.search(r"[A-Za-z]{2,}", label):
            return None
        return label, nums, next((j for j in range(value_start) if label in vocab[j]), i)
    if c and i >= value_start and re.fullmatch(r"(?:[-+]?\d+(?:\.\d+)?%?\s+)+[-+]?\d+(?:\.\d+)?%?", c):
        return None, c.split(), i - 1
    return None


def _spread(cells: list[str], i: int, label: str | None, nums: list[str], target: int) -> list[str]:
    """Cell ``i`` replaced by its label (in column ``target``) and values, taking up empty cells after it."""
    new = cells[:i]
    if label is not None:
        new += [""] * max(0, target - len(new))
        if target < len(new):
            new[target] = new[target] or label
        else:
            new.append(label)
    new += nums
    rest = cells[i + 1 :]
    consume = len(new) - (i + 1)
    while consume > 0 and rest and not rest[0]:
        rest.pop(0)
        consume -= 1
    return new + rest


def _drop_surplus(cells: list[str], width: int, value_start: int) -> tuple[list[str], str]:
    """A ragged row cut to ``width``: merged-away (empty) value cells dropped, trailing values kept right-aligned."""
    surplus = len(cells) - width
    idx = [j for j in range(value_start, len(cells)) if not cells[j]]
    if len(idx) < surplus:
        dropped = [c for c in cells[width:] if c]
        return cells[:width], (
            f"ragged row: {width + surplus} cells for {width} columns; "
            f"values {dropped} could not be placed and were dropped"
        )
    last = len(cells) - 1
    # the first value cell after which only the final cell holds anything: drop the empties nearest to it
    trailing_from = max(
        (k for k in range(value_start, len(cells)) if cells[k] and not any(cells[t] for t in range(k + 1, last))),
        default=value_start,
    )
    pos = [j for j in idx if j > trailing_from] or idx
    cells = list(cells)
    for j in sorted(pos[:surplus] if len(pos) >= surplus else idx[-surplus:], reverse=True):
        del cells[j]
    return cells, (
        f"ragged row ({width + surplus} cells for {width} columns): "
        "dropped empty cells, trailing values kept right-aligned"
    )


def fill_merged_labels(
    rows: list[list[str]], lines: list[int], j: int, problems: list[ImportProblem], source: str
) -> None:
    """Fill a sparse label column (vertically merged, centred cells): each row takes its nearest label."""
    labelled = [i for i, r in enumerate(rows) if r[j]]
    if not labelled or len(labelled) > len(rows) / 2:
        return
    anchors: list[tuple[float, str]] = []
    i = 0
    while i < len(labelled):
        run = [labelled[i]]
        while i + 1 < len(labelled) and labelled[i + 1] == run[-1] + 1:
            i += 1
            run.append(labelled[i])
        texts = [rows[k][j] for k in run]
        if len(run) > 1:
            problems.append(
                ImportProblem(
                    source,
                    f"lines {lines[run[0]]}-{lines[run[-1]]}",
                    f"adjacent labels {texts} read as one merged cell; kept {texts[-1]!r}",
                )
            )
        anchors.append(((run[0] + run[-1]) / 2, texts[-1]))
        i += 1
    for i, r in enumerate(rows):
        r[j] = min(anchors, key=lambda a: (abs(a[0] - i), a[0]))[1]


def out_of_range(cell: str, bounds: tuple[float, float] | None) -> bool:
    """A value far outside its column's typical range: the row's cells were shifted or lost."""
    if bounds is None or not is_num(cell) or cell_value(cell) <= 0:
        return False
    return cell_value(cell) > 3 * bounds[1] or cell_value(cell) < bounds[0] / 10


def unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        n = n or "col"
        if n in seen:
            seen[n] += 1
            out.append(f"{n}.{seen[n]}")
        else:
            seen[n] = 0
            out.append(n)
    return out


# a unit a column's header states: "Latency (ms)", "Params (M)", "Memory [GB]"
_HEADER_UNIT = re.compile(r"[(\[]\s*(?P<unit>%|ms|s|sec|min|h|[KMBG]|GB|MB|T?FLOPs|GFLOPs|MACs|x|fps|FPS)\s*[)\]]\s*$")


def column_unit(levels: list[str]) -> str | None:
    """The unit a column's header states ("Latency (ms)" -> "ms"), None when it states none."""
    m = next((m for lv in reversed(levels) if lv and (m := _HEADER_UNIT.search(lv))), None)
    return m.group("unit") if m else None


def column_meta(levels: list[str], cap_metric: str | None, cap_dataset: str | None) -> tuple[str | None, str]:
    """(dataset, metric) of a column from its header levels; the caption's metric and dataset fill in what the
    header leaves open, unless the header states a unit of its own ("Latency (ms)" under an accuracy caption)."""
    if column_unit(levels) not in (None, "%"):
        cap_metric = cap_dataset = None
    levels = [_HEADER_UNIT.sub("", lv).strip() for lv in levels]  # the unit is the value's, not the metric's
    dataset = None
    metric = None
    rest: list[str] = []
    for lv in levels:
        if not lv:
            continue
        d = lexicon_hits("dataset", lv)
        if d and dataset is None and d[0][0] == 0:
            dataset = d[0][2]
            leftover = lv[d[0][1] :].strip(" /-")
            if leftover:
                rest.append(leftover)
            continue
        sym = _METRIC_SYMBOLS.get(lv.strip())
        mh = lexicon_hits("metric", lv)
        if sym and metric is None:
            metric = sym
        elif mh and metric is None and mh[0][2] != "average" and len(lv) <= 30:
            metric = mh[0][2]
        else:
            rest.append(lv)
    if metric is None:
        metric = cap_metric
        if dataset is None:
            dataset = cap_dataset
    elif metric not in ("FPS", "speedup") and dataset is None:
        dataset = cap_dataset
    qualifier = rest[-1] if rest else None
    if metric is None:
        return dataset, qualifier or "value"
    return dataset, f"{metric} ({qualifier})" if qualifier else metric


def caption_info(caption: str | None) -> tuple[str | None, str | None, str | None]:
    """(metric, dataset, unit) stated by a table caption."""
    if not caption:
        return None, None, None
    metric_hits = [h for h in lexicon_hits("metric", caption) if h[2] not in ("average", "compute")]
    metric = metric_hits[0][2] if metric_hits else None
    dataset = None
    m = re.search(r"\bon\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)", caption)
    hits = lexicon_hits("dataset", caption)
    if m and lexicon_hits("dataset", m.group(1)):
        dataset = lexicon_hits("dataset", m.group(1))[0][2]
    elif hits:
        dataset = hits[0][2]
    unit = "%" if re.search(r"%|\(in percent|percentage", caption) else None
    return metric, dataset, unit
