"""Schedules in any delimited layout are read, not refused (session 19, helper GF1), on our own small files in the
shapes real groups use: a club's meetings CSV without talks (date, location, address, time), a class's TSV with a
row of column groups above its header and quoted cells over several lines, a series of events whose dates are split
into day, month and year columns (a day range, one undated row), and a seminar's talks CSV that names no paper.
A table whose rows carry a date is a schedule, one meeting per dated row; ``paperlab.load`` of a schedule naming no
paper gives no paper and says how many meetings ``Schedule.from_file`` reads, instead of failing."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning, PartialImportWarning
from paperlab.sources import detect_format

DATA = Path(__file__).parent / "data" / "schedules_s19"


def _meetings(name: str) -> list[paperlab.services.sessions.Meeting]:  # type: ignore[name-defined]
    return paperlab.Schedule.from_file(DATA / name).meetings


def test_a_club_meetings_csv_without_talks_is_a_schedule_of_dated_meetings() -> None:
    path = DATA / "club_meetings.csv"
    assert detect_format(path) == "schedule"  # was "csv": expected a CSV header with a 'title' column
    meetings = _meetings("club_meetings.csv")
    assert [m.date for m in meetings] == [dt.date(2026, 3, 5), dt.date(2026, 3, 12), dt.date(2026, 3, 19)]
    assert [m.papers for m in meetings] == [[], [], []]
    assert meetings[2].note == "Sprocket Library"  # what the row says beside its date
    assert meetings[2].extra["address"] == "4 Cog Road, Springfield, ZZ 00002"
    assert meetings[2].extra["time"] == "6-8pm"


def test_a_tsv_class_schedule_with_a_group_row_above_its_header() -> None:
    path = DATA / "class_schedule.tsv"
    assert detect_format(path) == "schedule"  # was: unrecognised file format
    meetings = _meetings("class_schedule.tsv")
    assert [m.date_text for m in meetings] == ["1/14", "1/21", "1/28"]
    assert meetings[1].extra["Homework"] == "Draft your outline.\nBring questions"  # a quoted cell over two lines
    assert meetings[1].extra["column"] == "Week 2"
    assert all(not m.papers and not m.skipped for m in meetings)


def test_dates_split_into_day_month_and_year_columns() -> None:
    with pytest.warns(PartialImportWarning, match=r"line 2: date 'October 2021' reads as no day"):
        meetings = _meetings("events_split_dates.csv")
    assert [(m.date, m.date_text) for m in meetings] == [
        (None, "October 2021"),  # a month and a year: no day
        (dt.date(2020, 9, 13), "13 September 2020"),  # the first day of a range
        (dt.date(2020, 5, 7), "7 May 2020"),
        (None, ""),  # an undated event is a meeting of its own, not a continuation of the one above
    ]
    assert meetings[1].extra["event"] == "Gadget Summer School"
    assert meetings[3].extra["event"] == "Widget Research Kitchen"


def test_load_of_a_schedule_naming_no_paper_gives_none_and_says_so() -> None:
    """A seminar's talks name no paper: load() gives an empty Library and a MeetingsOnlyWarning naming the meetings
    read and how to get them (it raised 'the schedule names no paper' before)."""
    path = DATA / "seminar_talks.csv"
    with pytest.warns(MeetingsOnlyWarning, match=r"only 2 meetings \(2 with a speaker.*Schedule\.from_file") as w:
        lib = paperlab.load(path)
    assert len(lib) == 0
    assert w[0].message.meetings == 2 and w[0].message.source == str(path)  # type: ignore[union-attr]
    meetings = _meetings("seminar_talks.csv")
    assert [(m.date, m.presenters) for m in meetings] == [
        (dt.date(2025, 3, 4), ["Ada Quill"]),
        (dt.date(2025, 3, 11), ["Bo Renn"]),
    ]


def test_load_of_several_files_keeps_the_papers_of_the_others(tmp_path: Path) -> None:
    bib = tmp_path / "a.bib"
    bib.write_text("@article{quill2020, title={Widget Flows}, author={Quill, Ada}, year={2020}}\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(bib, DATA / "club_meetings.csv")
    assert [p.title for p in lib] == ["Widget Flows"]
    assert any(isinstance(w.message, MeetingsOnlyWarning) for w in caught)
    assert not any(isinstance(w.message, PartialImportWarning) for w in caught)  # the schedule is no failed file


def test_a_csv_of_papers_with_dates_stays_a_list_of_papers(tmp_path: Path) -> None:
    path = tmp_path / "papers.csv"
    path.write_text("date,title,authors\n2020-01-02,Widget Flows,Ada Quill\n2021-03-04,Gadget Rings,Bo Renn\n")
    assert detect_format(path) != "schedule"


def test_a_readings_table_keys_each_meeting_by_the_session_that_reads_it() -> None:
    """'Handed out | Read by | Paper | Focus on': a meeting per session read (two papers read on Sep 10 are one
    meeting), dated by 'Read by', the hand-out date kept by name; it was a meeting per paper keyed by 'Handed out'."""
    meetings = _meetings("readings_by_date.md")
    assert [(m.date_text, len(m.papers)) for m in meetings] == [("S2 · Tue Sep 1", 1), ("S5 · Thu Sep 10", 2)]
    assert meetings[1].extra["Handed out"] == "end of S4 · Tue Sep 8"
    assert meetings[1].extra["day"] == "--09-10"  # no year named: the day and month only


def test_setext_meeting_headings_read_as_atx_ones() -> None:
    """'Meeting 1 (2025-09-02): Flows' underlined by '-----' heads a meeting as '## Meeting 1 …' does: its day and
    the reading's presenter; it was read as a table-less section with no day and no presenter."""
    meetings = _meetings("setext_meetings.md")
    assert [(m.date, m.presenters, [p.title for p in m.papers]) for m in meetings] == [
        (dt.date(2025, 9, 2), ["Ada Quill"], ["Widget Flows in Thin Sheets"]),
        (dt.date(2025, 9, 9), ["Bo Renn"], ["Gadget Rings and Their Folds"]),
    ]


def test_a_talk_pages_front_matter_names_its_talk_and_speaker() -> None:
    """A seminar post whose YAML front matter gives author, title and video (no presenter line in the text): one
    presentation, the talk by its speaker, on the front matter's date; it was 'expected presenter lines'."""
    session = paperlab.Session.from_file(DATA / "talk_post.md")
    (entry,) = session.entries
    assert entry.presenter == "Ada Quill"
    assert entry.paper.title == "Sparse Gadget Rings for Variational Widgets"
    assert entry.paper.extra["video"] == "https://www.example.org/watch?v=abc123"
    assert session.date == dt.date(2024, 5, 6)


def test_a_seminar_series_csv_names_talks_not_papers() -> None:
    """'Date,Name,Title,Abstract' in a file named seminars.csv: the titles are the talks' (the meeting's note), no
    paper, whatever the speaker column is called; two talk titles were read as papers."""
    meetings = _meetings("seminars.csv")
    assert [(m.date, m.presenters, m.papers) for m in meetings] == [
        (dt.date(2024, 2, 10), ["Ada Quill"], []),
        (dt.date(2024, 2, 17), ["Bo Renn"], []),
        (dt.date(2024, 2, 24), ["Cy Lune"], []),
    ]
    assert meetings[0].note == "Orchestrating widgets in the gadget continuum"
    with pytest.warns(MeetingsOnlyWarning, match=r"only 3 meetings \(3 with a speaker"):
        assert len(paperlab.load(DATA / "seminars.csv")) == 0


def test_a_colloquiums_venue_is_the_talks_room_not_a_journal() -> None:
    """A colloquium YAML of talks (title, speaker, affiliation, venue: 'Lecture Hall'): the venue is where the talk
    is held, so the talk titles stay notes; they were read as papers published in 'Lecture Hall'."""
    meetings = _meetings("colloquium.yml")
    assert [(m.date, m.presenters, m.papers) for m in meetings] == [
        (dt.date(2026, 10, 21), ["Ada Quill"], []),
        (dt.date(2026, 2, 20), ["Cy Lune"], []),
    ]
    assert meetings[1].note == "New organizational principle for gadget phases in widget materials"


def test_a_date_field_under_a_session_heading_dates_the_meeting() -> None:
    """'### Session 1: Widgets' over '- **Date:** 2025-03-04': the field dates the meeting ('Date: TBD' leaves it
    undated); the date was kept only as a note."""
    meetings = _meetings("session_fields.md")
    assert [(m.date, m.presenters, [p.title for p in m.papers]) for m in meetings] == [
        (dt.date(2025, 3, 4), ["Ada Quill"], ["Widget Flows in Thin Sheets"]),
        (None, ["Bo Renn"], ["Gadget Rings and Their Folds"]),
    ]
