"""Course schedules in YAML whose meetings carry many fields of their own (objectives, module, questions, due,
guides) and readings but no presenter were refused whole ("expected a schedule ..."): a header of more than ten
keys was taken for a paper list's. Three of five schedules of a blind round (session 19) had this shape. Now the
meetings are read: a dated lab day without readings is a meeting (its summary its note), a course's own pages
("syllabus.qmd", lecture notes) are no papers, and readings given as slugs into another file stay the meeting's
note, not papers. Our own made-up files in the same shape."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab
from paperlab import Schedule
from paperlab.sources import detect_format

DATA = Path(__file__).parent / "data" / "schedule_s20_gf3"


def test_dated_course_schedule_with_many_fields_is_read() -> None:
    path = DATA / "course_schedule.yml"
    assert detect_format(path) == "schedule"
    schedule = Schedule.from_file(path)
    assert [m.date for m in schedule.meetings] == [dt.date(2025, 2, 3), dt.date(2025, 2, 5), dt.date(2025, 2, 7)]
    lab = schedule.meetings[1]
    assert lab.papers == [] and lab.note == "We build a raised bed in pairs and log what grows."
    assert not lab.skipped


def test_course_pages_are_no_papers_but_linked_articles_are() -> None:
    schedule = Schedule.from_file(DATA / "course_schedule.yml")
    assert schedule.meetings[0].papers == []  # the syllabus page and a lecture's notes
    titles = [(p.title, p.arxiv_id) for p in schedule.meetings[2].papers]
    assert titles == [("Thermal Layers in Backyard Compost Heaps", None), ("Worm Migration Under Shade", "2101.01234")]
    lib = paperlab.load(DATA / "course_schedule.yml")
    assert sorted(p.title for p in lib) == ["Thermal Layers in Backyard Compost Heaps", "Worm Migration Under Shade"]


def test_undated_week_day_meetings_with_reading_slugs() -> None:
    path = DATA / "course_meetings.yml"
    schedule = Schedule.from_file(path)
    assert len(schedule.meetings) == 3
    assert all(m.papers == [] and m.date is None for m in schedule.meetings)
    assert [m.date_text for m in schedule.meetings] == ["tue", "thu", "tue"]
    assert "quill-2019-thermal" in (schedule.meetings[2].note or "")  # kept, as the meeting's note
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(paperlab.load(path)) == 0
    assert any("3 meetings" in str(w.message) for w in caught)


def test_a_roster_of_talk_topics_names_no_paper() -> None:
    """A class seminar's roster ("Sr No., Name, Topic, Subject"): its longer topics ("Map, Filter and Reduce") were
    read as papers (8 of 30 on a blind round's file); a topic is a paper only when a link, an id or a reference
    names one. A reading group's "Date, Presenter, Topic" of paper titles keeps its papers."""
    roster = Schedule.from_file(DATA / "roster.csv")
    assert len(roster.meetings) == 10 and roster.meetings[2].presenters == ["PIET OKAFOR"]
    assert [p.title for m in roster.meetings for p in m.papers] == []
    assert roster.meetings[2].note is not None and "Map ,Filter and Reduce" in roster.meetings[2].note
    group = Schedule.from_file(DATA / "group_topics.csv")
    assert [len(m.papers) for m in group.meetings] == [1, 1, 1, 1]


def test_words_beside_a_reading_link_are_its_authors_or_its_part() -> None:
    """'<a …>Title</a> by Ada Quill' was titled 'by Ada Quill Title' and '<a …>Book</a> 3.1-3.7' '3.1-3.7 Book' (the
    blind round's course schedule): the words after the link are the reading's authors or the part to read."""
    meetings = Schedule.from_file(DATA / "course_readings_by.yml").meetings
    first = [(p.title, p.authors) for p in meetings[0].papers]
    assert first == [("How Pair Gardening Really Works", ["Ada Quill"]), ("ThinkGarden", [])]
    assert [p.title for p in meetings[1].papers] == ["ThinkGarden"]
