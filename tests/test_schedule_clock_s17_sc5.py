"""A schedule whose days name no year is read as of a reference day, never the machine's clock: the same page read
with two reference dates gives the two years a user expects (the latest year, up to the one after the reference,
in which each day falls on its weekday). ``paperlab.load(..., reference_date=)`` and
``Schedule.from_file(..., reference_date=)`` both take it. Our own small files (session 17, helper SC5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError

TABLE = """# Widget reading group

We meet on Thursdays.

| Date | Presenter | Paper |
|---|---|---|
| Thu, Sep 5 | Ada Quill | [Widget rings for sparse gadgets](https://arxiv.org/abs/2401.01234) |
| Thu, Sep 12 | Bo Renn | [Gadget routing in widget graphs](https://arxiv.org/abs/2402.04321) |
"""

BLOCKS = """# Gadget seminar
### Wednesdays at 2pm

[Cy Moss](https://example.org/cy), Gadget University <br>
_03/26, Room 2_

**Sparse widget rings and their gadgets**<br>
An abstract.

Di Vale, Widget Institute <br>
_04/02, Room 2_

**Gadget algebras over widget fields**<br>
Another abstract.
"""


@pytest.mark.parametrize(("reference", "year"), [("2026-11-30", 2024), (dt.date(2031, 6, 1), 2030)])
def test_a_year_less_table_is_dated_relative_to_the_reference_day(tmp_path: Path, reference: object, year: int) -> None:
    path = tmp_path / "schedule.md"
    path.write_text(TABLE, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path, reference_date=reference).meetings
    assert [(m.date, m.presenters) for m in meetings] == [
        (dt.date(year, 9, 5), ["Ada Quill"]),  # a Thursday in 2024 and in 2030
        (dt.date(year, 9, 12), ["Bo Renn"]),
    ]
    lib = paperlab.load(path, reference_date=reference)
    assert sorted(p.extra["meeting_date"] for p in lib) == [f"{year}-09-05", f"{year}-09-12"]


@pytest.mark.parametrize(("reference", "year"), [("2026-11-30", 2025), ("2032-01-15", 2031)])
def test_speaker_blocks_dated_relative_to_the_reference_day(tmp_path: Path, reference: str, year: int) -> None:
    path = tmp_path / "seminar.md"
    path.write_text(BLOCKS, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path, reference_date=reference).meetings
    assert [(m.date, m.presenters) for m in meetings] == [
        (dt.date(year, 3, 26), ["Cy Moss"]),  # Wednesdays in 2025 and in 2031
        (dt.date(year, 4, 2), ["Di Vale"]),
    ]


def test_a_reference_day_that_is_no_date_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "schedule.md"
    path.write_text(TABLE, encoding="utf-8")
    with pytest.raises(ParseError, match="reference_date"):
        paperlab.Schedule.from_file(path, reference_date="next spring")
