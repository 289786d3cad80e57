"""The year of an upcoming term's days written without one (session 15, helper SC3), on our own small files: the
weekday the page says it meets on, or the weekday written in the cells, picks the year nearest the page's dated
terms (an upcoming table above "## Fall 2020" on a page that meets on Fridays is 2021's), in words or in numbers
(DD/MM); a page whose days already fit its year, or that states no weekday, keeps it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from paperlab.dates import weekday_year
from paperlab.services.sessions import Schedule


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


UPCOMING = """# Imaging journal club

We meet on Fridays at 4pm. Upcoming presenters and past papers:

| Date | Presenter | Title |
|---|---|---|
| April 2nd | Ada Quill | |
| April 16th | Bo Renn | |

## Fall 2020

| Date | Presenter | Title |
|---|---|---|
| September 4th | Cara Diaz | Lantern Microscopy in Deep Tissue |
| September 11th | Dan Moss | Widget Optics for Fast Light-Sheet Imaging |
"""

NUMBERS = """# Lantern reading group

The group meets every Tuesday at noon.

## Next term

| Date | Presenter | Paper |
|---|---|---|
| 09/01 | Ada Quill | Sparse Lanterns for Night Vision |
| 16/01 | Bo Renn | Widget Routing at Scale |

## Autumn 2023

| Date | Presenter | Paper |
|---|---|---|
| 03/10/2023 | Cara Diaz | Folded Kernels for Tissue Clearing |
| 10/10/2023 | Dan Moss | Soot Prediction for Glass Chimneys |
"""

WRITTEN_WEEKDAYS = """# Lantern reading group

## Spring term

| Date | Presenter | Paper |
|---|---|---|
| Tue, Jan 9 | Ada Quill | Sparse Lanterns for Night Vision |
| Tue, Jan 16 | Bo Renn | Widget Routing at Scale |

## Fall 2023

| Date | Presenter | Paper |
|---|---|---|
| 2023-10-03 | Cara Diaz | Folded Kernels for Tissue Clearing |
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (UPCOMING, ["2021-04-02", "2021-04-16", "2020-09-04", "2020-09-11"]),
        (NUMBERS, ["2024-01-09", "2024-01-16", "2023-10-03", "2023-10-10"]),
        (WRITTEN_WEEKDAYS, ["2024-01-09", "2024-01-16", "2023-10-03"]),
    ],
)
def test_an_upcoming_term_is_dated_in_the_year_its_weekday_fits(tmp_path: Path, text: str, expected: list[str]) -> None:
    schedule = Schedule.from_file(_write(tmp_path, "club.md", text))
    assert [m.date.isoformat() if m.date else None for m in schedule.meetings] == expected


def test_days_that_fit_the_page_year_keep_it(tmp_path: Path) -> None:
    text = UPCOMING.replace("April 2nd", "April 3rd").replace("April 16th", "April 17th")  # Fridays in 2020
    schedule = Schedule.from_file(_write(tmp_path, "club.md", text))
    assert schedule.meetings[0].date == dt.date(2020, 4, 3)


def test_without_a_stated_weekday_the_page_year_stands(tmp_path: Path) -> None:
    text = UPCOMING.replace("We meet on Fridays at 4pm. ", "")
    schedule = Schedule.from_file(_write(tmp_path, "club.md", text))
    assert schedule.meetings[0].date == dt.date(2020, 4, 2)


def test_weekday_year_near_a_year() -> None:
    assert weekday_year(["Friday, April 2"], 2030, near=2020) == 2021
    assert weekday_year(["04/02"], 2030, near=2020, weekday=4, order="mdy") == 2021
    assert weekday_year(["02/04"], 2030, near=2020, weekday=4, order="dmy") == 2021
    assert weekday_year(["April 2"], 2030, near=2020) is None  # no weekday: nothing to fit
