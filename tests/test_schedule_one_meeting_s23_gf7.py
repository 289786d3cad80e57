"""A YAML file that is one meeting's agenda (its day with the year, time slots naming speakers; or its time and
place with one or two papers) is a schedule of one meeting; before, detect_format refused it ('expected a
reading-group schedule …'). Our own made-up files in the shape of a lab's next-meeting YAML (session 22's blind
round, now dev); a YAML paper list with a date of its own stays no schedule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab
from paperlab.sources import detect_format

AGENDA = """enabled: true
date: "2026-05-22"
start: "09:00"
end: "12:00"
title_en: Next Lab Meeting
summary_en: The next lab meeting is on Friday, May 22, 2026. Speaking order is randomized within each group.
rules:
  - eight minutes each
agenda:
  - time: "09:00-09:05"
    item: Opening
  - time: "09:05-09:21"
    item: "Group A: widget sensing"
    speakers:
      - time: "09:05-09:13"
        name: Ada Quill
      - time: "09:13-09:21"
        name: Bo Renn
  - time: "09:21-09:29"
    item: "Group B: gadget inference"
    speakers:
      - time: "09:21-09:29"
        name: Cai Lune
"""

TWO_PAPERS = """date: 2026-03-05
time: "15:00"
location: Room 2.14
papers:
  - title: Sparse widget rings for gadget graphs
    url: https://arxiv.org/abs/2403.01234
  - title: Gadget attention is all you need
    url: https://arxiv.org/abs/2403.04321
"""

PAPER_LIST = """updated: 2026-03-05
papers:
  - title: Sparse widget rings for gadget graphs
    authors: [Ada Quill, Bo Renn]
    year: 2024
  - title: Gadget attention is all you need
    authors: [Cai Lune]
    year: 2024
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_meetings_agenda_with_speaker_slots_is_one_meeting(tmp_path: Path) -> None:
    path = _write(tmp_path, "lab_meeting.yml", AGENDA)
    assert detect_format(path) == "schedule"
    meetings = list(paperlab.Schedule.from_file(path))
    assert len(meetings) == 1
    assert meetings[0].date == dt.date(2026, 5, 22)
    assert meetings[0].presenters == ["Ada Quill", "Bo Renn", "Cai Lune"]
    assert meetings[0].papers == []


def test_one_meeting_with_its_time_place_and_two_papers(tmp_path: Path) -> None:
    path = _write(tmp_path, "next_meeting.yaml", TWO_PAPERS)
    assert detect_format(path) == "schedule"
    meetings = list(paperlab.Schedule.from_file(path))
    assert [m.date for m in meetings] == [dt.date(2026, 3, 5)]
    assert sorted(p.arxiv_id for p in meetings[0].papers) == ["2403.01234", "2403.04321"]


def test_a_yaml_paper_list_with_a_date_stays_a_paper_list(tmp_path: Path) -> None:
    path = _write(tmp_path, "papers.yml", PAPER_LIST)
    assert detect_format(path) != "schedule"
