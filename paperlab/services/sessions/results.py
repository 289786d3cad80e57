"""A presentation's results tables, and which of their problems lost data.

Tables are found and parsed by :func:`paperlab.comparison.find_tables`; its problems mix repairs (a split cell,
dropped empty cells, a merged label) with data that could not be kept (a block without numbers, a row whose cells
were lost, a value that could not be placed). :func:`lost_data` tells them apart by what was kept, never by the
wording of a message: a problem lost data when its table was skipped, or when a number on the lines it names is not
among the values kept from those lines.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ...comparison import ResultsTable, find_tables, parse_table
from ...comparison.table_text import table_blocks
from ...comparison.tables import TIDY_COLUMNS
from ...errors import ParseError
from .fields import heading_level, plain

if TYPE_CHECKING:
    from ...errors import ImportProblem

__all__ = ["lost_data", "slide_tables"]

_WHERE_LINES = re.compile(r"^lines?\s+(\d+)(?:\s*-\s*(\d+))?$")
_CELL_SEPARATOR = re.compile(r"<[^>]*>|\[\d+(?:,\s*\d+)*\]|[\t|\s]+")  # cells, HTML tags, citation marks "[9]"
_NUMBER_SHAPED = re.compile(r"[^A-Za-z]*\d[^A-Za-z]*")  # "90.6", "(65.2)", "85.3†", "41.4%"; not "ViT-B/16"


def slide_tables(
    lines: list[str], start: int, end: int, source: str, paper: str, floor: int | None = None
) -> tuple[list[ResultsTable], list[ImportProblem]]:
    """The results tables of ``lines[start:end]`` (0-based) and every problem found reading them. A table without
    a "Table N" caption is named by the slide heading or the line right above it (never above ``floor``, the
    presentation's header): "Slide 7 — Results: ImageNet 256x256" names the table "ImageNet 256x256", its dataset
    ImageNet and its setting "resolution=256x256"."""
    block = lines[start:end]
    tables, problems = find_tables("\n".join(block), source=source, paper=paper, first_line=start + 1)
    spans = {start + b + 1: (b, e, fmt) for b, e, fmt in table_blocks(block)}
    for n, t in enumerate(tables):
        span = spans.get(t.first_line)
        caption = None if t.caption or span is None else _heading_above(lines, t.first_line - 1, max(start, floor or 0))
        if caption is None or span is None or _table_name(caption) is None:
            continue  # no heading, or one that only says "Results": the table as read
        b, e, fmt = span
        try:
            named = parse_table(
                "\n".join(block[b:e]),
                format=fmt,
                caption=caption,
                source=source,
                first_line=t.first_line,
                paper=paper,
                name=_table_name(caption),
            )
        except ParseError:  # read without a caption, it was a table: keep that reading
            continue
        _with_caption(named, caption)
        problems = [p for p in problems if not any(p is q for q in t.problems)] + named.problems
        tables[n] = named
    return tables, problems


# the heading of a slide or a caption line right above a table: a markdown heading, a "Slide 7 — …" line, or a short
# line that is no bullet and no sentence ("Results on ImageNet 256x256:")
_SLIDE_PREFIX = re.compile(r"^(?:slide|page|part)\s*\d+\s*(?:[—–:.|-]+\s*|$)", re.I)
_GENERIC = re.compile(
    r"^(?:(?:main|more|key|our|the)\s+)?(?:results?|experiments?|evaluation|tables?|numbers|comparison|benchmarks?)"
    r"(?:\s*\(cont(?:inued|\.|'d)?\))?\s*(?:[:—–|-]+\s*|$)",
    re.I,
)
_BULLET_LINE = re.compile(r"^\s*(?:[-•*+]\s|\d+[.)]\s)")
_RESOLUTION = re.compile(r"(?<![\w.])(\d{2,4})\s*[x×]\s*(\d{2,4})(?![\w.])|(?<![\w.])(\d{2,4})\s*px\b", re.I)


def _heading_above(lines: list[str], at: int, floor: int) -> str | None:
    """The caption a slide gives the table starting at line ``at`` (0-based): the heading or line right above it,
    past a blank line or a list of bullets; None when a table, a sentence or the presentation's header comes
    first."""
    passed_bullets = False
    for k in range(at - 1, max(floor, at - 12) - 1, -1):
        raw = lines[k]
        text = plain(raw)
        if not text:
            continue
        if "\t" in raw or raw.lstrip().startswith("|"):
            return None
        if _BULLET_LINE.match(raw) and not heading_level(raw):
            passed_bullets = True
            continue
        shaped = heading_level(raw) or _SLIDE_PREFIX.match(text) or (not passed_bullets or text.endswith(":"))
        worded = re.search(r"[^\W\d_]", text) is not None  # never a code fence or a rule
        if shaped and worded and len(text.split()) <= 16 and not text.endswith((".", "?", "!", ";", ",")):
            return text.rstrip(":").strip()
        return None
    return None


def _table_name(caption: str) -> str | None:
    """The name a heading gives its table, without the slide's number and a generic "Results:" ("Slide 7 —
    Results: ImageNet 256x256" -> "ImageNet 256x256"); None for a heading that only says "Results"."""
    name = _SLIDE_PREFIX.sub("", caption).strip()
    name = _GENERIC.sub("", name).strip(" —–:|-") if _GENERIC.match(name) else name
    return name or None


# a dataset a heading names that the lexicon does not know: after "on" / "for" ("Results on PebbleSet", "on
# MMLU-Pro") or before a resolution ("ToyBench 128x128", "FFHQ 1024×1024"); a name with a capital or digit inside
_DATASET_NAME = r"(?P<name>[A-Z][\w.-]*[A-Z\d][\w.-]*|[A-Z]{2,}[\w.-]*)"
_NAMED_DATASET = re.compile(
    rf"\b(?:on|for)\s+(?:the\s+)?{_DATASET_NAME}\b|(?<![\w.-]){_DATASET_NAME.replace('name', 'res')}\s+\d{{2,4}}\s*[x×]\s*\d"
)


def _with_caption(table: ResultsTable, caption: str) -> None:
    """What a heading says of every value of its table that the caption reading left open: the dataset it names
    after "on" ("Results on PebbleSet"), the resolution ("ImageNet 512x512", "256px") as a setting."""
    if table.data.empty:
        return
    data = table.data
    named = _NAMED_DATASET.search(caption)
    if named is not None and data["dataset"].isna().all():
        data["dataset"] = (named.group("name") or named.group("res")).rstrip(".-")
    m = _RESOLUTION.search(caption)
    if m is not None:
        value = f"resolution={m.group(1)}x{m.group(2)}" if m.group(1) else f"resolution={m.group(3)}px"
        data["setting"] = [f"{s}, {value}" if isinstance(s, str) and s else value for s in data["setting"]]


def _numbers(text: str) -> Counter[str]:
    """The number-shaped words of ``text`` (a word with digits and no letters), counted."""
    return Counter(tok for tok in _CELL_SEPARATOR.split(text) if _NUMBER_SHAPED.fullmatch(tok))


def _line_numbers(where: str) -> range | None:
    """The 1-based lines a problem names ("line 12", "lines 3-5"); None when it names no lines."""
    m = _WHERE_LINES.match(where.strip())
    if not m:
        return None
    first = int(m.group(1))
    return range(first, int(m.group(2) or first) + 1)


def _values_lost(problem: ImportProblem, table: ResultsTable, lines: list[str]) -> bool:
    """Whether a number on the transcript lines ``problem`` names is missing from the values ``table`` kept."""
    named = _line_numbers(problem.where)
    if named is None:
        return True  # nowhere to check: report it rather than hide it
    found = _numbers("\n".join(lines[n - 1] for n in named if 0 < n <= len(lines)))
    rows = table.data[table.data["line"].isin(list(named))]
    labels = ["method"] + [c for c in rows.columns if c not in TIDY_COLUMNS]  # a row's labels may hold numbers
    kept = _numbers("\n".join(str(c) for c in rows["cell"]))
    kept += _numbers("\n".join({v for col in labels for v in rows[col].dropna().astype(str)}))
    return bool(found - kept)


def lost_data(problems: list[ImportProblem], tables: list[ResultsTable], lines: list[str]) -> list[ImportProblem]:
    """The problems of :func:`slide_tables` that lost data (``lines`` is the whole transcript)."""
    table_of = {id(p): t for t in tables for p in t.problems}
    lost: list[ImportProblem] = []
    for p in problems:
        table = table_of.get(id(p))
        if table is None or _values_lost(p, table, lines):  # a problem of no table: its block was skipped
            lost.append(p)
    return lost
