"""Days written with numbers or month words are read in one place, ``paperlab.dates`` (session 14, helper SC1):
the schedule readers, the session notes and the mention readers all go through ``dates.day_of`` / ``date_order``,
and a blank form's date ("YYYY-MM-DD", "202?-??-??", ".") is known as no day."""

from __future__ import annotations

import datetime as dt

import pytest

from paperlab import dates
from paperlab.sources import parse_day


@pytest.mark.parametrize(
    ("text", "order", "year", "day"),
    [
        ("2024-03-05", "dmy", None, dt.date(2024, 3, 5)),
        ("29/03/21", "dmy", None, dt.date(2021, 3, 29)),
        ("10/1/2022", "mdy", None, dt.date(2022, 10, 1)),
        ("10/1/2022", "dmy", None, dt.date(2022, 1, 10)),
        ("05/03", "dmy", 2024, dt.date(2024, 3, 5)),
        ("05/03", "dmy", None, None),
        ("Tue, 5 Feb 2019, 15:00", "dmy", None, dt.date(2019, 2, 5)),
        ("Mar 5", "dmy", 2019, dt.date(2019, 3, 5)),
        ("31/02/2021", "dmy", None, None),
        ("TBA", "dmy", 2024, None),
    ],
)
def test_one_reading_of_days_for_every_reader(text: str, order: str, year: int | None, day: dt.date | None) -> None:
    assert dates.day_of(text, order, year) == day
    assert parse_day(text, order, year) == day  # the schedule cell's reading is the same one


def test_a_cell_with_markup_reads_as_its_text() -> None:
    assert parse_day("<b>17/08/2022</b>") == dt.date(2022, 8, 17)
    assert parse_day(dt.datetime(2024, 3, 5, 10, 0)) == dt.date(2024, 3, 5)


def test_the_file_decides_day_or_month_first() -> None:
    assert dates.date_order(["13/01/2022", "20/01/2022"]) == "dmy"
    assert dates.date_order(["01/13/2022", "01/20/2022"]) == "mdy"
    # nothing above 12: the order that puts the meetings on one weekday (Tuesdays 1 and 8 March 2022)
    assert dates.date_order(["3/1/2022", "3/8/2022"]) == "mdy"


@pytest.mark.parametrize("text", ["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD", "202?-??-??", "??/??", ".", "?", "xx.xx.2024"])
def test_a_blank_forms_date_is_no_day(text: str) -> None:
    assert dates.is_date_template(text)
    assert dates.day_of(text) is None


@pytest.mark.parametrize("text", ["2024-03-05", "17/08/2022", "Mar 5", "TBA", "", "Week 3", "Fall 2024"])
def test_a_real_or_unknown_date_is_no_template(text: str) -> None:
    assert not dates.is_date_template(text)


def test_weekday_year_is_exported() -> None:
    assert "weekday_year" in dates.__all__
    assert dates.weekday_year(["Friday, June 30", "Friday, July 7"], 2026) == 2023
