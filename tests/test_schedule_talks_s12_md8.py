"""A seminar's YAML of invited talks (title, speaker, affiliation or bio, date): the session 11 test round read the
talks' titles as papers (6 and 3 "papers" in two department seminars) and merged two talks of one day into one
meeting. A title beside who the speaker is (an affiliation, a bio) is the talk's: a meeting with its note, a paper
only when linked or referenced (issue 12; our own files, made-up text)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning

TALKS = """- title: Predicting widget features of multiprincipal gadget alloys for superior structural properties
  Name: Dr Ada Quill
  aff: Assistant Professor of Widget Engineering, Example University
  date: 06-10-2020
  Abstract:

- title: Composition, Structure and Strain relations in ferroic widgets
  Name: Dr. B. Renn
  aff: Widget Department, Example Institute
  date: 03-04-2019
  Abstract:

- title: Precession Widget Diffraction - Principles and Applications
  Name: Dr. C. Lune
  aff: Head of the Widget Microscopy group
  date: 03-04-2019
  Abstract: tbd
"""

LINKED = """- speaker: Dara Marr (Example University)
  date: 10/11/2024
  title: "[Relational Widget Programming](https://arxiv.org/abs/2401.01234)"
  bio: "Dara is a final year PhD student working on widgets."
- speaker: Eve Oakes (Example College)
  date: 4/11/2024
  title: Can Large Widget Models Reason About Gadgets?
  bio: "Eve is a first-year PhD student."
"""


def test_invited_talks_are_meetings_without_papers(tmp_path: Path) -> None:
    path = tmp_path / "seminar.yml"
    path.write_text(TALKS, encoding="utf-8")
    schedule = paperlab.Schedule.from_file(path)
    got = [(m.date, m.presenters, len(m.papers), (m.note or "")[:30]) for m in schedule.meetings]
    assert got == [
        (dt.date(2020, 10, 6), ["Dr Ada Quill"], 0, "Predicting widget features of "),
        (dt.date(2019, 4, 3), ["Dr. B. Renn"], 0, "Composition, Structure and Str"),
        (dt.date(2019, 4, 3), ["Dr. C. Lune"], 0, "Precession Widget Diffraction "),
    ]  # two talks of one day stay two meetings
    with pytest.warns(MeetingsOnlyWarning, match="names no paper"):
        assert len(paperlab.load(path)) == 0


def test_a_talk_linking_its_paper_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "talks.yml"
    path.write_text(LINKED, encoding="utf-8")
    papers = list(paperlab.load(path))
    assert [(p.title, p.arxiv_id) for p in papers] == [("Relational Widget Programming", "2401.01234")]
    assert len(paperlab.Schedule.from_file(path).meetings) == 2


PRESENTERS = """- date: 11/10/2019
  presenter: Ada Quill

- date: 18/10/2019
  presenter: Bo Renn

- date: 20/12/2019  Cai Lune
  presenter:
"""


def test_a_presenter_typed_into_the_date_field(tmp_path: Path) -> None:
    """A YAML list of dates and presenters whose last entry has the name after the date and an empty presenter:
    the round's journal club lost that meeting (14 of 15 read)."""
    path = tmp_path / "journal_club.yml"
    path.write_text(PRESENTERS, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date_text, m.presenters) for m in meetings] == [
        ("11/10/2019", ["Ada Quill"]),
        ("18/10/2019", ["Bo Renn"]),
        ("20/12/2019", ["Cai Lune"]),
    ]
