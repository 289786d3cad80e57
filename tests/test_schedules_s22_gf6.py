"""Schedules (session 22, helper GF6): weeks that did not take place are kept as skipped meetings with their note,
and schedules written in other containers are read as schedules. Own made-up files written here, in the shapes of
real pages (a heading per week with a 'Presenter:' bullet)."""

from __future__ import annotations

from pathlib import Path

import paperlab
from paperlab import Schedule
from paperlab.sources import detect_format

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


MEETUPS = """- cx: '01'
  title: Widgetworks 01
  date: '2021-02-06'
  url: https://widgetworks.example.org/2021/02/06/ww01.html
  venue:
    name: Widget Hall, room one
  talks:
  - speakers:
    - name: Ada Quill
      nickname: aquill
    company: Widget Co
    title: Routing widgets
    keywords: [widgets, routing]
  - speakers:
    - name: Bo Renn
    - name: Cai Lune
    title: Sparse meshes in practice
- cx: '02'
  title: Widgetworks 02
  date: '2021-03-13'
  url: https://widgetworks.example.org/2021/03/13/ww02.html
  talks:
  - speakers:
    - name: Dee Marsh
    title: A year of widgets
- cx: '03'
  title: Widgetworks.hack 03
  date: '2021-04-17'
  talks: []
"""


def test_a_meetup_series_with_nested_talks_is_one_meeting_per_event(tmp_path: Path) -> None:
    path = tmp_path / "series.yaml"
    path.write_text(MEETUPS, encoding="utf-8")
    meetings = list(Schedule.from_file(path))
    assert [m.date.isoformat() for m in meetings if m.date] == ["2021-02-06", "2021-03-13", "2021-04-17"]
    assert [m.presenters for m in meetings] == [["Ada Quill", "Bo Renn", "Cai Lune"], ["Dee Marsh"], []]
    assert [m.note for m in meetings] == ["Widgetworks 01", "Widgetworks 02", "Widgetworks.hack 03"]
    assert meetings[0].extra["talks"] == "Routing widgets\nSparse meshes in practice"
    assert not any(m.papers for m in meetings)  # an event's page is no paper's address
    assert detect_format(path) == "schedule"


CLUB = """{
\t"meetings": [
\t\t{
\t\t\t"date": "October 9th, 2018",
\t\t\t"title": "Widget Security",
\t\t\t"summary": "An officer will be giving a presentation on widget exploits.",
\t\t\t"links": []
\t\t},
\t\t{
\t\t\t"date": "October 23rd, 2018",
\t\t\t"title": "Widget Exploitation",
\t\t\t"summary": "<li>Start of practice</li><li>Teams formed</li>",
\t\t\t"links": [{"url": "https://news.example.com/2018/10/widgets-hacked", "name": "Widgets hacked"}]
\t\t},
\t\t{
\t\t\t"date": "March 1st, 2019",
\t\t\t"title": "Reading: Widget routing",
\t\t\t"links": [{"url": "https://arxiv.org/abs/1905.10434", "name": "paper"}]
\t\t}
\t]
}
"""


def test_a_json_object_of_meetings_with_ordinal_dates_is_a_schedule(tmp_path: Path) -> None:
    path = tmp_path / "club.json"
    path.write_text(CLUB, encoding="utf-8")
    assert detect_format(path) == "schedule"
    meetings = list(Schedule.from_file(path))
    assert [m.date.isoformat() for m in meetings if m.date] == ["2018-10-09", "2018-10-23", "2019-03-01"]
    assert [m.note for m in meetings][:2] == ["Widget Security", "Widget Exploitation"]  # a news link: no paper
    assert [[p.arxiv_id for p in m.papers] for m in meetings] == [[], [], ["1905.10434"]]
    assert [p.arxiv_id for p in paperlab.load(path)] == ["1905.10434"]


def test_a_json_list_of_dated_papers_is_still_a_paper_list(tmp_path: Path) -> None:
    path = tmp_path / "reading.json"
    path.write_text(
        '{"papers": [{"title": "Session types for widgets", "date": "2019-03-01", "url": "https://example.org/a"},'
        ' {"title": "Widget meetings at scale", "date": "2020-05-02", "url": "https://example.org/b"}]}',
        encoding="utf-8",
    )
    assert detect_format(path) == "json_list"
    assert [p.title for p in paperlab.load(path)] == ["Session types for widgets", "Widget meetings at scale"]


SEMINAR = """# Widget correctness seminar

{: .schedule }
- **10 Jan** Organization meeting
- **17 Jan** *Ada* on [Widget routing](https://example.org/papers/widget-routing.pdf)
-  **24 Jan** *Bo Renn* on [Sparse meshes](https://arxiv.org/abs/1905.10434)
- **31 Jan** Cancelled
"""


def test_a_presenter_before_on_and_a_linked_short_name_is_no_part_of_the_title(tmp_path: Path) -> None:
    path = tmp_path / "seminar.md"
    path.write_text(SEMINAR, encoding="utf-8")
    meetings = list(Schedule.from_file(path))
    assert [[p.title for p in m.papers] for m in meetings] == [[], ["Widget routing"], ["Sparse meshes"], []]
    assert [m.presenters for m in meetings] == [[], ["Ada"], ["Bo Renn"], []]
    assert [m.skipped for m in meetings] == [False, False, False, True]
