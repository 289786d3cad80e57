"""The general fallback of the schedule tables: a delimited table (CSV, TSV, a text file of tab-separated columns)
whose header names no presenter or paper column, but whose rows carry a date -- in one column ("05/21/2026",
"9/4"), or split into day, month and year columns ("21 | 25 | September | 2015") -- is a schedule: one meeting per
row, its other cells kept by column name.

Used by :mod:`paperlab.sources._schedule_tables` when no header names a schedule's columns (a module of its own so
that both stay small).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ._schedule_cells import clean_cell, is_placeholder, parse_day

__all__ = ["DATE_COLUMN", "dated_layout", "described_day", "row_note"]

# the column a date split into day, month and year columns is joined into
DATE_COLUMN = "date"
# columns of a list of papers (a reference manager's export, a README of papers by date): never a schedule
_PAPER_LIST = frozenset({"abstract", "authors", "author", "publish date", "pdf", "item type", "key", "doi", "arxiv"})
# words of a header cell naming the papers read ("Paper name", "Publication", "Title", "Work"): that column is the
# table's paper column (a reading log), whatever else its name says
_PAPER_WORDS = frozenset(
    "paper papers publication publications article articles title titles reading readings work works".split()
)
_PAPER_COLUMN = "Paper"  # the name a schedule's paper column is known by
_DATE_NAMES = frozenset({"date", "dates", "day", "when", "datum", "fecha", "datetime", "date time"})
_PART = {"day": re.compile(r"(?:^|\w)day$"), "month": re.compile(r"month"), "year": re.compile(r"^(?:\w+ )?year$")}
_WORDS = re.compile(r"[^\W\d_]{3,}")
# a cell that only numbers a row ("Week 3", "370J", "12")
_NUMBERING = re.compile(r"^(?:[a-z]{1,8}\.?\s*)?#?\s*\d{1,4}[a-z]?\.?$", re.I)
_MOST = 0.6  # the share of a column's filled cells that must be dates
_HEADER_ROWS = 4  # a header may stand below a row of column groups ("| | 6-7 | | 7-8 |")


def _key(name: object) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", clean_cell(name).lower()).replace("_", " ").split())


def _is_day(value: str) -> bool:
    return bool(re.search(r"\d", value)) and len(value) <= 40 and parse_day(value, "mdy", 2000) is not None


def _column(rows: Sequence[Sequence[Any]], n: int) -> list[str]:
    return [clean_cell(r[n]) if n < len(r) else "" for r in rows]


def _date_column(header: list[str], rows: Sequence[Sequence[Any]]) -> int | None:
    """The column most of whose filled cells are days (one named as a date first), None for none."""
    order = sorted(range(len(header)), key=lambda n: _key(header[n]) not in _DATE_NAMES)
    for n in order:
        filled = [v for v in _column(rows, n) if not is_placeholder(v)]
        if len(filled) >= 2 and sum(map(_is_day, filled)) >= _MOST * len(filled):
            return n
    return None


def _parts(header: list[str]) -> dict[str, int]:
    """The day, month and year columns of a date written in three ("startday", "startmonth", "year"): the first of
    each; {} unless a month and a year column are named."""
    found: dict[str, int] = {}
    for n, name in enumerate(header):
        key = _key(name).replace(" ", "")
        for part, pattern in _PART.items():
            if part not in found and pattern.search(key) and not (part == "day" and "month" in key):
                found[part] = n
    return found if {"month", "year"} <= found.keys() else {}


def _joined(cells: Sequence[Any], parts: dict[str, int]) -> str:
    values = [
        clean_cell(cells[parts[p]]) if p in parts and parts[p] < len(cells) else "" for p in ("day", "month", "year")
    ]
    return " ".join(v for v in values if v)


def _worded(header: list[str], rows: Sequence[Sequence[Any]]) -> bool:
    """Whether a column says in words what most rows are (a topic, a place, a paper), not only numbers or days."""
    for n in range(len(header)):
        cells = _column(rows, n)
        words = [v for v in cells if _WORDS.search(v) and not _is_day(v) and not _NUMBERING.match(v)]
        if len(words) >= _MOST * len(cells):
            return True
    return False


def _header_like(cells: Sequence[Any]) -> bool:
    """A row that can name columns: most cells filled, none a day."""
    filled = [clean_cell(c) for c in cells if clean_cell(c)]
    return 2 * len(filled) >= len(cells) >= 2 and not any(_is_day(c) for c in filled)


def _paper_named(header: list[str]) -> list[str]:
    """``header`` with its first column naming the papers read (:data:`_PAPER_WORDS`) named as a schedule's paper
    column, so that its cells are read as papers, not notes."""
    for n, name in enumerate(header):
        if set(_key(name).split()) & _PAPER_WORDS:
            return [*header[:n], _PAPER_COLUMN, *header[n + 1 :]]
    return header


def dated_layout(
    records: Sequence[tuple[str, list[Any]]],
) -> tuple[list[str], list[tuple[str, list[Any]]]] | None:
    """(header, rows) of a table of ``records`` (each ``(where, cells)``, the header among the first rows) whose rows
    carry a date: a date column, or day, month and year columns joined into a first ``date`` column; None for a
    table of no dated rows, or a list of papers (Authors, Abstract, DOI columns)."""
    for h in range(min(_HEADER_ROWS, len(records))):
        header = [clean_cell(c) for c in records[h][1]]
        if not _header_like(header):
            continue
        if {_key(c) for c in header} & _PAPER_LIST:
            return None
        header = _paper_named(header)
        rows = [(w, cells) for w, cells in records[h + 1 :] if any(clean_cell(c) for c in cells)]
        if not rows:
            return None
        if not _worded(header, [cells for _, cells in rows]):
            return None  # readings of numbers by the hour or day (a sensor's log): no meetings
        if parts := _parts(header):
            dated = [(w, [_joined(cells, parts), *cells]) for w, cells in rows]
            if sum(1 for _, cells in dated if cells[0]) >= _MOST * len(dated):
                return [DATE_COLUMN, *header], dated
        if _date_column(header, [cells for _, cells in rows]) is not None:
            return header, rows
        return None
    return None


def row_note(columns: Sequence[Any], roles: Sequence[str | None], cells: Sequence[Any]) -> str | None:
    """What a dated row says beside its date: its first cell of words in a column of no role (not a number, a
    link or a placeholder), None for none."""
    for name, role, cell in zip(columns, roles, cells, strict=False):
        value = " ".join(clean_cell(cell).split())
        if any(p.search(_key(name).replace(" ", "")) for p in _PART.values()):
            continue  # the day, month or year of the date
        if role is None and _WORDS.search(value) and not _NUMBERING.match(value) and "://" not in value:
            return value if not is_placeholder(value) else None
    return None


def described_day(with_presenters: bool, note_cell: Any, found: Sequence[Any], day: Any) -> str | None:
    """What a dated meeting without readings is about, in a table without presenters: its summary or description
    ("date: 2022-09-15", "summary: We learn some ways to manipulate text", an activity in place of readings) -- a
    course's lab or practice session is a meeting too. None beside papers, without a date or a description."""
    if found or day is None or with_presenters:
        return None
    return clean_cell(note_cell) or None
