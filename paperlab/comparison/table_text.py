"""Reading a table's text (tab-separated, markdown, HTML or a DataFrame) into header rows and cell rows."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ParseError
from .lexicons import to_float

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FLAGS",
    "MISSING",
    "MIXED",
    "Grid",
    "cell_spread",
    "cell_unit",
    "cell_value",
    "clean_cell",
    "find_caption",
    "is_num",
    "numeric_share",
    "read_grid",
    "table_blocks",
]

# "41.4 %", "2.5x", and a footnote or significance mark after the number: "85.3†", "81.2*", "0.91‡"
_CELL_NUM = re.compile(r"^[(]?[-+−]?\d+(?:[.,]\d+)?[)]?\s*(?:%|[x×](?!\w))?\s*[*†‡§¶]{0,3}$")
_MARKS = "*†‡§¶"
# a mean and its spread: "81.2 ± 0.3", "81.2±0.3", "81.2 +- 0.3", "81.2 +/- 0.3 %", "81.2% $\pm$ 0.3"
_SPREAD_NUM = re.compile(
    r"^(?P<mean>[-+−]?\d+(?:[.,]\d+)?)\s*(?P<u1>%)?\s*(?:±|\+\s*/?\s*-|\$?\\pm\$?)\s*"
    r"(?P<spread>\d+(?:[.,]\d+)?)\s*(?P<u2>%)?$"
)
# emphasis around a cell or a number in it: "**81.2**", "__81.2__", "*81.2*", "<b>81.2</b>", "\textbf{81.2}"
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<![\w_])_(?=\S))(?P<inner>[^*_]*?[^*_\s])\1(?![\w*])")
_EMPHASIS_TAG = re.compile(r"</?(?:b|strong|em|i|u)>", re.I)
_LATEX_EMPHASIS = re.compile(r"\\(?:textbf|underline|emph|textit|mathbf)\{(?P<inner>[^{}]*)\}")
# cells of a yes/no column ("250 labels: yes", "Pretrained ✓"): a setting of the row, not a value
FLAGS = {"yes", "no", "y", "n", "true", "false", "✓", "✔", "✔️", "✗", "✘", "☑", "☐", "✅", "❌"}
# cells that mean "no value"
MISSING = {"-", "_", "–", "—", "n/a", "N/A", "NA", "--", "×", "x", "?"}
# a label and values run together in one cell ("SimCLR 90.6 65.2")
MIXED = re.compile(r"^(?P<label>.*?[A-Za-z].*?)\s+(?P<nums>(?:[-+−]?\d+(?:\.\d+)?%?\s*)+)$")


def clean_cell(cell: str) -> str:
    """A text cell without the emphasis that marks the best result: "**81.2**" -> "81.2", "<b>Ours</b>" -> "Ours"
    (the cells of an HTML table are text as shown: a "<b>" there is no markup)."""
    if not any(ch in cell for ch in "*_<\\"):
        return cell
    out = _LATEX_EMPHASIS.sub(lambda m: m.group("inner"), _EMPHASIS_TAG.sub("", cell))
    return _EMPHASIS.sub(lambda m: m.group("inner"), out).strip()


def is_num(cell: str) -> bool:
    """A numeric cell: "90.6", "(65.2)", "-1,5", "41.4 %", "0.5x", a mean and its spread "81.2 ± 0.3"."""
    return bool(_CELL_NUM.match(cell.strip()) or _SPREAD_NUM.match(cell.strip()))


def cell_value(cell: str) -> float:
    """The number in a numeric cell (a decimal comma is read as a point); the mean of "81.2 ± 0.3"."""
    spread = _SPREAD_NUM.match(cell.strip())
    if spread:
        return to_float(spread.group("mean").replace(",", "."))
    return to_float(cell.strip().rstrip(_MARKS).strip().rstrip("x×").strip("()%").strip().replace(",", "."))


def cell_spread(cell: str) -> float | None:
    """The spread of a "mean ± spread" cell ("81.2 ± 0.3" -> 0.3), None for any other cell."""
    spread = _SPREAD_NUM.match(cell.strip())
    return to_float(spread.group("spread").replace(",", ".")) if spread else None


def cell_unit(cell: str) -> str | None:
    """The unit a numeric cell writes: "%" ("41.4%", "81.2% ± 0.3"), "x" ("2.5x"), else None."""
    s = cell.strip().rstrip(_MARKS).strip()
    if s.endswith("%") or (_SPREAD_NUM.match(s) and "%" in s):
        return "%"
    return "x" if s.endswith(("x", "×")) else None


@dataclass
class Grid:
    """A table as cells: header rows, data rows and each data row's line number in the source."""

    header: list[list[str]]
    rows: list[list[str]]
    lines: list[int]
    spans_expanded: bool  # spanning header cells are repeated in every column they cover (pandas.read_html)


def read_grid(text: str | pd.DataFrame, fmt: str | None, source: str, first_line: int) -> Grid:
    """The cells of a table given as text (format detected when ``fmt`` is None) or as a DataFrame."""
    import pandas as pd

    where = f"line {first_line}"
    if isinstance(text, pd.DataFrame):
        return _frame_grid(text, first_line)
    if not isinstance(text, str) or not text.strip():
        raise ParseError("expected a table (tab-separated, markdown or HTML), got empty text", source, where)
    fmt = fmt or _detect_table_format(text)
    if fmt == "html":
        try:
            frames = pd.read_html(io.StringIO(text), flavor="lxml")
        except ValueError as exc:
            raise ParseError(f"expected an HTML <table>: {exc}", source, where) from None
        return _frame_grid(frames[0], first_line)
    raw, lines = _read_rows(text, fmt, source, first_line)
    header, rows, lines = _split_header(raw, lines)
    return Grid(header, rows, lines, spans_expanded=False)


def _frame_grid(df: pd.DataFrame, first_line: int) -> Grid:
    header, rows = _grid_from_frame(df)
    return Grid(header, rows, [first_line + len(header) + i for i in range(len(rows))], spans_expanded=True)


_ALIGNED_GAP = re.compile(r"\s{2,}")
_RULE_LINE = re.compile(r"^[\s=:+-]*-{3,}[\s=:+-]*$|^[\s=]*={3,}[\s=]*$")  # "-----  -----" under a header


def _aligned_cells(line: str) -> list[str] | None:
    """The cells of a space-aligned table row (two or more spaces between cells), None for any other line."""
    s = line.strip()
    if not s or "\t" in line or s.startswith(("|", "-", "*", "•", "#", ">")) and not _RULE_LINE.match(s):
        return None
    if _RULE_LINE.match(s):
        return []
    cells = _ALIGNED_GAP.split(s)
    return cells if len(cells) >= 2 and max(len(c) for c in cells) <= 80 else None


def _aligned_end(lines: list[str], i: int) -> int:
    """The end (exclusive) of the run of space-aligned rows starting at ``i``."""
    j = i
    while j < len(lines) and _aligned_cells(lines[j]) is not None:
        j += 1
    return j


def _is_aligned_table(lines: list[str]) -> bool:
    """Space-aligned rows that hold numbers: two or more rows, one of them mostly numeric, widths that agree."""
    rows = [c for c in (_aligned_cells(ln) for ln in lines) if c]
    if len(rows) < 2:
        return False
    widths = [len(r) for r in rows]
    return max(numeric_share(r) for r in rows[1:]) >= 0.5 and widths.count(max(widths)) >= max(2, len(rows) // 2)


def _tab_row(line: str) -> bool:
    """A tab-separated row: a line with a tab, but not a bullet the tabs only indent ("\t- Segment: …")."""
    body = line.strip()
    return "\t" in line and ("\t" in body or not re.match(r"(?:[-*+•]|\d+[.)])\s", body))


def _block_format(line: str) -> str | None:
    if _tab_row(line):
        return "tsv"
    if line.lstrip().startswith("|") and line.count("|") >= 3:
        return "markdown"
    return None


def table_blocks(lines: list[str]) -> list[tuple[int, int, str]]:
    """(start, end exclusive, format) of every table-like block: an HTML table, tab-separated, markdown or
    space-aligned lines (columns separated by two or more spaces, some rows numeric)."""
    blocks: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if "<table" in ln.lower():
            j = i
            while j < len(lines) and "</table>" not in lines[j].lower():
                j += 1
            blocks.append((i, min(j + 1, len(lines)), "html"))
            i = j + 1
            continue
        fmt = _block_format(ln)
        if fmt is None:
            j = _aligned_end(lines, i)
            if j - i >= 2 and _is_aligned_table(lines[i:j]):
                blocks.append((i, j, "aligned"))
            i = max(j, i + 1)
            continue
        j = i
        while j < len(lines) and (
            (fmt == "tsv" and _tab_row(lines[j])) or (fmt == "markdown" and lines[j].lstrip().startswith("|"))
        ):
            j += 1
        if j - i >= 2:
            blocks.append((i, j, fmt))
        i = j
    return blocks


def _detect_table_format(text: str) -> str:
    s = text.lstrip()
    if s.lower().startswith("<table") or "<table" in s.lower()[:2000]:
        return "html"
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and sum(ln.lstrip().startswith("|") for ln in lines) >= max(2, len(lines) // 2):
        return "markdown"
    if any("\t" in ln for ln in lines):
        return "tsv"
    if _is_aligned_table(lines):
        return "aligned"
    raise ParseError(
        "expected a table: tab-separated lines, a markdown table (| a | b |), space-aligned columns or an HTML <table>"
    )


def _read_rows(text: str, fmt: str, source: str, first_line: int) -> tuple[list[list[str]], list[int]]:
    import pandas as pd

    lines_in = text.split("\n")
    keep: list[tuple[int, str]] = []
    for i, ln in enumerate(lines_in):
        if not ln.strip():
            continue
        if fmt == "markdown":
            body = ln.strip()
            if re.fullmatch(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?", body):
                continue  # the |---|---| separator
            body = body.replace("\\|", "\x00")
            body = body[1:] if body.startswith("|") else body
            body = body[:-1] if body.endswith("|") else body
            keep.append((first_line + i, body))
        elif fmt == "aligned":
            cells = _aligned_cells(ln)
            if cells:  # a rule line under the header has no cells
                keep.append((first_line + i, "\t".join(cells)))
        else:
            keep.append((first_line + i, ln.rstrip("\r")))
    if not keep:
        raise ParseError("expected table rows, found only blank lines", source, f"line {first_line}")
    sep = "|" if fmt == "markdown" else "\t"
    width = max(ln.count(sep) for _, ln in keep) + 1
    frame = pd.read_csv(
        io.StringIO("\n".join(ln for _, ln in keep)),
        sep=sep,
        header=None,
        names=range(width),
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
        quoting=csv.QUOTE_NONE,
        engine="python",
    )
    # ragged rows come back with missing fields as NaN even with keep_default_na=False
    rows = [
        ["" if pd.isna(c) else clean_cell(str(c).replace("\x00", "|").strip()) for c in r]
        for r in frame.itertuples(index=False)
    ]
    return rows, [n for n, _ in keep]


def numeric_share(row: Sequence[str]) -> float:
    """The share of a row's cells that hold numbers (empty, missing and yes/no cells not counted)."""
    cells = [c for c in row if c.strip() and c.strip() not in MISSING and c.strip().lower() not in FLAGS]
    if not cells:
        return 0.0
    nums = sum(
        is_num(c) or bool(MIXED.match(c)) or bool(re.fullmatch(r"(?:[-+]?\d+(?:\.\d+)?\s+)+[-+]?\d+(?:\.\d+)?", c))
        for c in cells
    )
    return nums / len(cells)


def _split_header(raw: list[list[str]], lines: list[int]) -> tuple[list[list[str]], list[list[str]], list[int]]:
    n_header = 0
    while n_header < len(raw) and numeric_share(raw[n_header]) < 0.5:
        n_header += 1
    if n_header == len(raw):  # no data rows: treat the first row as header, the rest as data to report later
        n_header = 1 if len(raw) > 1 else 0
    return raw[:n_header], raw[n_header:], lines[n_header:]


def _grid_from_frame(df: pd.DataFrame) -> tuple[list[list[str]], list[list[str]]]:
    import pandas as pd

    cols = list(df.columns)
    if isinstance(df.columns, pd.MultiIndex):
        levels = [[_clean_header(str(c[i])) for c in cols] for i in range(df.columns.nlevels)]
    else:
        levels = [[_clean_header(str(c)) for c in cols]]
    rows = [
        ["" if (isinstance(v, float) and math.isnan(v)) or v is None else str(v).strip() for v in r]
        for r in df.itertuples(index=False)
    ]
    return levels, rows


def _clean_header(name: str) -> str:
    return "" if re.fullmatch(r"Unnamed: \d+(?:_level_\d+)?", name) else name.strip()


def find_caption(lines: list[str], start: int, end: int) -> str | None:
    cap_re = re.compile(r"^\s*Table\s+\d+[.:]")
    for k in range(end, min(end + 6, len(lines))):
        if cap_re.match(lines[k]):
            return lines[k].strip()
        if "\t" in lines[k]:
            break
    for k in range(start - 1, max(start - 8, -1), -1):
        if cap_re.match(lines[k]):
            return lines[k].strip()
        if "\t" in lines[k]:
            break
    return None
