"""Schedules (session 22, helper GF6): weeks that did not take place are kept as skipped meetings with their note,
and schedules written in other containers are read as schedules. Own made-up files written here, in the shapes of
real pages (a heading per week with a 'Presenter:' bullet)."""

from __future__ import annotations

from pathlib import Path

from paperlab import Schedule

WEEKS = """# Tentative schedule

## Week1 (September 4)

- Presenter: Ada Quill

Quill, Ada, et al. “Widget Routing at Scale.” Proceedings of the Widget Conference, 2021. https://doi.org/10.1234/widget.2021.7

## Week2 (September 11)

- Presenter: No Meeting (Fall Break)

## Week3 (September 18)

-Presenter: Bo Renn

## Week4 (September 25)

- Presenter: TBD
"""


def test_a_presenter_line_saying_no_meeting_marks_the_week_skipped(tmp_path: Path) -> None:
    path = tmp_path / "about.md"
    path.write_text(WEEKS, encoding="utf-8")
    meetings = list(Schedule.from_file(path))
    assert [m.date_text for m in meetings] == ["September 4", "September 11", "September 18", "September 25"]
    assert [m.skipped for m in meetings] == [False, True, False, False]
    assert meetings[1].note == "No Meeting (Fall Break)" and meetings[1].presenters == []
    assert [m.presenters for m in meetings] == [["Ada Quill"], [], ["Bo Renn"], []]


TIMETABLE = """# Monday Lab Meetings

| Date | Time | Type of meeting | Presentor/Topic/Paper | Comment |
| :--- | :---: | :---: | :---: | :--- |
| Monday,<br>March 2 | 14:30 | `General` | / | |
| Monday,<br>March 9 | 14:30 | `Journal Discussion` | [Widget routing in sparse meshes](https://doi.org/10.1234/wr.2024.5) | Moderator: Ada |
| <span style="color:grey">Tuesday,<br>March 10</span> | <span style="color:grey">12:30</span> | <span style="color:grey">Other club</span> | <span style="color:grey">Bo</span> | |
| Monday,<br>March 16 | **15:00** | `Individual Presenter` | **Cai Lune** | first supervisor meeting |
| Monday,<br>March 23 | 14:30 | `Ask Me Anything` | Widget DRS | |
"""


def test_a_timetable_with_weekday_dates_over_a_line_break_is_a_schedule(tmp_path: Path) -> None:
    path = tmp_path / "monday_meeting.md"
    path.write_text(TIMETABLE, encoding="utf-8")
    meetings = list(Schedule.from_file(path))
    assert [m.date_text.split()[-1] for m in meetings] == ["2", "9", "10", "16", "23"]  # all five rows, greyed too
    assert [m.date and (m.date.month, m.date.day, m.date.weekday()) for m in meetings] == [
        (3, 2, 0), (3, 9, 0), (3, 10, 1), (3, 16, 0), (3, 23, 0)
    ]  # fmt: skip
    assert [[p.title for p in m.papers] for m in meetings] == [[], ["Widget routing in sparse meshes"], [], [], []]
    assert [m.presenters for m in meetings] == [[], [], ["Bo"], ["Cai Lune"], []]  # a name is no paper's title
    assert meetings[4].note == "Widget DRS" and not any(m.skipped for m in meetings)
