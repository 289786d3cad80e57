"""A course's journal-club table whose paper cells are still empty, and dates written with their weekday but no
year (issue 12; our own files): before, "Groups presenting", "First paper" and "Second paper" named no column and
the page was refused; now its weeks are meetings (with no paper yet), dated in the last year whose weekdays fit."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.dates import weekday_year
from paperlab.sources import schedule as schedule_reader

COURSE = """# Journal Club Expectations

We will have 3 days of journal club presentations. Two papers will be presented each week.

| Week | Groups presenting | First paper | Second paper |
|---|:----:|:---:|:---:|
| Friday, June 30 | 1 and 2 |  |  |
| Friday, July 7 | 3 and 4 |  |  |
| Friday, July 14 | 5 and 6 |  |  |

## Purpose
- Interpret scientific literature
"""

TEAMS = """# Reading group (widget course)

| Date | Team presenting | Main reading |
|---|---|---|
| Mon 4 March | Ada Quill, Bo Renn | [Sparse Widget Routing](https://arxiv.org/abs/2101.00033) |
| Mon 11 March | Cai Lune | |
"""


@pytest.fixture(autouse=True)
def _in_2026(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schedule_reader, "_this_year", lambda: 2026)  # the weekday's year: up to 2027


def _schedule(tmp_path: Path, name: str, text: str) -> paperlab.Schedule:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.Schedule.from_file(path)


def test_weeks_with_empty_paper_cells_are_meetings(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "journal_club.md", COURSE)
    assert [m.date_text for m in schedule] == ["Friday, June 30", "Friday, July 7", "Friday, July 14"]
    assert not schedule.papers and not any(m.skipped for m in schedule)
    # June 30 was a Friday in 2023 (and next in 2028): the page names no year
    assert [m.date for m in schedule] == [dt.date(2023, 6, 30), dt.date(2023, 7, 7), dt.date(2023, 7, 14)]


def test_ordinal_and_team_column_names(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "reading.md", TEAMS)
    assert [m.presenters for m in schedule] == [["Ada Quill", "Bo Renn"], ["Cai Lune"]]
    assert [p.arxiv_id for p in schedule.papers] == ["2101.00033"]
    assert [m.date for m in schedule] == [dt.date(2024, 3, 4), dt.date(2024, 3, 11)]


def test_weekday_year_needs_every_weekday_to_fit() -> None:
    assert weekday_year(["Friday, June 30", "Fri July 7"], 2026) == 2023
    assert weekday_year(["Friday, June 30", "Saturday, July 7"], 2026) is None  # no year agrees with both
    assert weekday_year(["June 30", "Week 3"], 2026) is None  # no weekday written
    assert weekday_year(["Thursday, Feb 29"], 2026) == 2024
