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

from ...comparison import ResultsTable, find_tables
from ...comparison.tables import TIDY_COLUMNS

if TYPE_CHECKING:
    from ...errors import ImportProblem

__all__ = ["lost_data", "slide_tables"]

_WHERE_LINES = re.compile(r"^lines?\s+(\d+)(?:\s*-\s*(\d+))?$")
_CELL_SEPARATOR = re.compile(r"<[^>]*>|\[\d+(?:,\s*\d+)*\]|[\t|\s]+")  # cells, HTML tags, citation marks "[9]"
_NUMBER_SHAPED = re.compile(r"[^A-Za-z]*\d[^A-Za-z]*")  # "90.6", "(65.2)", "85.3†", "41.4%"; not "ViT-B/16"


def slide_tables(
    lines: list[str], start: int, end: int, source: str, paper: str
) -> tuple[list[ResultsTable], list[ImportProblem]]:
    """The results tables of ``lines[start:end]`` (0-based) and every problem found reading them."""
    block = "\n".join(lines[start:end])
    return find_tables(block, source=source, paper=paper, first_line=start + 1)


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
