"""A schedule table's date cell broken over lines by '<br>' ('Monday,<br>January 20') keeps its date text on one
line ('Monday, January 20'), as a user sees it in the table and in the meeting's repr; before, the line break was
kept inside the date text. Our own made-up file in the shape of a lab wiki's timetable (session 21's blind round,
now dev)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab

TABLE = """# Widget lab meetings 2025

| Date | Presenter | Paper |
|------|-----------|-------|
| Monday,<br>January 20, 2025 | Ada Quill | [Sparse widget rings](https://arxiv.org/abs/2401.01234) |
| Monday,<br/>January 27, 2025 | Bo Renn | [Gadget graphs at scale](https://arxiv.org/abs/2401.04321) |
"""


def test_a_date_cell_broken_by_br_reads_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "lab.md"
    path.write_text(TABLE, encoding="utf-8")
    meetings = list(paperlab.Schedule.from_file(path))
    assert [m.date_text for m in meetings] == ["Monday, January 20, 2025", "Monday, January 27, 2025"]
    assert [m.date for m in meetings] == [dt.date(2025, 1, 20), dt.date(2025, 1, 27)]
    assert [m.presenters for m in meetings] == [["Ada Quill"], ["Bo Renn"]]
