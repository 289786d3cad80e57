"""Schedule headings that only date the rows below them ("## 2021", "## Fall 2019") are no tags; a topic heading is.

Our own file ``tests/data/session/schedule-year-headings.md``: meetings under "## 2021" and "## Fall 2019" (one row
dated "17th Oct" without a year) and one under "## Robotics".
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from paths import DATA

import paperlab
from paperlab import DoubtfulIdWarning, Schedule
from paperlab.dates import is_period_heading
from paperlab.widget import PaperCards

SCHEDULE = DATA / "session" / "schedule-year-headings.md"


def _load() -> paperlab.Library:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DoubtfulIdWarning)  # the file's copied link: tests/test_identity_doubts.py
        return paperlab.load(SCHEDULE)


def test_year_and_term_headings_date_the_rows_and_tag_nothing() -> None:
    lib = _load()
    assert {p.title: p.tags for p in lib} == {
        "Crease Patterns for Rigid Origami Robots": [],
        "Learning to Fold Paper Cranes from Demonstrations": [],
        "Tension Models of Corrugated Sheets": [],
        "Kirigami Lattices with Tunable Stiffness": [],
        "Self-Folding Sheets with Shape Memory Polymers": ["Robotics"],
    }


def test_the_schedule_keeps_each_heading_as_its_meetings_section() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DoubtfulIdWarning)
        schedule = Schedule.from_file(SCHEDULE)
    assert [m.section for m in schedule] == ["2021", "2021", "Fall 2019", "Fall 2019", "Robotics"]
    assert schedule.meetings[3].date == dt.date(2019, 10, 17)  # "17th Oct" under "Fall 2019"


def test_the_cards_offer_no_year_tag() -> None:
    cards = PaperCards(_load())
    tags = {t for p in cards.papers for t in p["tags"]}
    assert tags == {"Robotics"}  # the Tag facet is drawn from these: no "2021 (2)"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("2020", True),
        ("**Fall 2021**:", True),
        ("Spring Semester 2022", True),
        ("2019-20", True),
        ("WS 2020/21", True),
        ("2021 Winter", True),
        ("Robotics", False),
        ("Papers of 2020", False),
        ("Week 3", False),
        ("NeurIPS 2020", False),
    ],
)
def test_is_period_heading(heading: str, expected: bool) -> None:
    assert is_period_heading(heading) is expected
