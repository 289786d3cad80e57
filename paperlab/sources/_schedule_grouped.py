"""A header-less delimited file of meetings written as groups of lines: a line of a day and a place opens each
meeting ("2018-03-22<TAB>Hall B"), the lines after it are its talks ("Widget routing at scale<TAB>Ada Quill"), up
to the next day. A user group's or a seminar's log of its evenings: one meeting per group, its speakers the
presenters, its talks' titles its topic (talks are no papers), its place kept beside.

Used by :mod:`paperlab.sources._schedule_tables` when a delimited file has no schedule header and no date column
(a module of its own so that both stay small).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ._schedule_cells import clean_cell, parse_day

__all__ = ["GROUPED_COLUMNS", "grouped_layout"]

# the columns of the table a grouped file is read into
GROUPED_COLUMNS = ["Date", "Place", "Topic", "Speaker"]
# a cell that names people: one to five words, each opening with a capital or a particle, no digits or sentence marks
_NAME = re.compile(
    r"^(?:(?:[A-Z\u00c0-\u024f][\w'’.\-\u00c0-\u024f]*|(?:d|de|da|van|von|der|den|del|di|du|la|le)\b)\.?\s*){1,5}"
    r"(?:\([^()]{1,30}\))?$"
)
_MOST = 0.7  # the share of a column's talk lines that must name people for it to be the speakers'
_FEW = 2  # at least this many meetings, and at least as many talk lines


def _is_day(value: str) -> bool:
    return bool(re.search(r"\d", value)) and len(value) <= 40 and parse_day(value, "mdy", 2000) is not None


def _cells(record: Sequence[Any]) -> list[str]:
    cells = [" ".join(clean_cell(c).split()) for c in record]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _speaker_column(talks: list[list[str]]) -> int | None:
    """The column of the talk lines that names the speakers: most of its cells are names, clearly more than any
    other column's; None when no column is, or two are alike."""
    width = max(len(t) for t in talks)
    if width < 2:
        return None
    shares = []
    for n in range(width):
        filled = [t[n] for t in talks if n < len(t) and t[n]]
        shares.append(sum(1 for v in filled if _NAME.match(v)) / len(filled) if filled else 0.0)
    best = max(range(width), key=lambda n: shares[n])
    rest = [s for n, s in enumerate(shares) if n != best]
    return best if shares[best] >= _MOST and shares[best] - max(rest) >= 0.25 else None


def grouped_layout(records: Sequence[tuple[str, list[Any]]]) -> list[tuple[str, list[str]]] | None:
    """The meetings (``(where, [date, place, talks, speakers])``, in :data:`GROUPED_COLUMNS`) of ``records`` (each
    ``(where, cells)``) written as groups under a line of a day; None unless the first line opens a meeting, no talk
    line holds a day, and one column of the talk lines names the speakers."""
    lines = [(where, cells) for where, record in records if (cells := _cells(record))]
    opens = [len(c) <= 3 and _is_day(c[0]) for _, c in lines]
    talks = [c for (_, c), opening in zip(lines, opens, strict=True) if not opening]
    if not lines or not opens[0] or sum(opens) < _FEW or len(talks) < sum(opens):
        return None
    if any(_is_day(v) for t in talks for v in t) or (speaker := _speaker_column(talks)) is None:
        return None
    meetings: list[tuple[str, list[str]]] = []
    groups: list[list[list[str]]] = []
    for (where, cells), opening in zip(lines, opens, strict=True):
        if opening:
            meetings.append((where, [cells[0], " ".join(cells[1:])]))
            groups.append([])
        else:
            groups[-1].append(cells)
    rows = []
    for (where, head), group in zip(meetings, groups, strict=True):
        said = [" ".join(v for n, v in enumerate(t) if n != speaker and v) for t in group]
        people = [t[speaker] for t in group if speaker < len(t) and t[speaker]]
        rows.append((where, [*head, "; ".join(s for s in said if s), "; ".join(dict.fromkeys(people))]))
    return rows
