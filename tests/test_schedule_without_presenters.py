"""Reading-group schedules without a presenter column and course syllabi (issue 12, session 6's "still not read"):
``Date | Paper | Notes`` on a page about a reading group, ``Date | Topic | Readings`` with several papers in one cell
(on separate lines, after list numbers, separated by ``;`` or as links), and a course's
``Week | Date | Topic | Required Readings | Optional Readings`` listing references as "Author et al. (Year). Title."
or links. Rows without papers (an exam, a textbook section, a holiday) are meetings without papers, never papers.

The files are our own (tests/data/session/schedule-no-presenter.md, schedule-topic-readings.csv, syllabus.csv,
syllabus.yml), written in those layouts with made-up meetings.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import DATA

import paperlab
from paperlab.errors import MeetingsOnlyWarning, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.schedule import read_meetings

SESSION = DATA / "session"


def _papers(meeting: paperlab.sources.schedule.Meeting) -> list[tuple[str, str | None, str | None]]:
    return [(p.title, p.arxiv_id, p.doi) for p in meeting.papers]


def test_a_date_paper_notes_table_on_a_reading_group_page() -> None:
    path = SESSION / "schedule-no-presenter.md"
    assert detect_format(path) == "schedule"
    s = paperlab.Schedule.from_file(path)
    days = [dt.date(2024, 1, d) for d in (9, 16, 23, 30)] + [dt.date(2024, 2, 6), dt.date(2024, 2, 13)]
    assert [m.date for m in s] == days
    assert all(m.presenters == [] for m in s)
    first, two, holiday, semicolons, planning, tba = s.meetings
    assert _papers(first) == [("Kerning Considered Harmful", "2401.00011", None)]
    assert first.papers[0].extra["note"] == "short one to start"
    # several papers in one cell: links on two lines, titles separated by "; "
    assert _papers(two) == [
        ("Ligatures at Scale", "2401.00022", None),
        ("Wide Margins Help Reading", None, "10.5555/margins.2016"),
    ]
    assert two.extra["note"] == "two papers, one evening"
    assert _papers(semicolons) == [
        ("Narrow Margins Save Paper", None, None),
        ("Footnotes Are Hyperlinks Too", None, None),
    ]
    # rows that are no paper: a holiday (skipped) and a planning evening (a note); the dated TBA row is a meeting
    # whose paper is not known yet (session 14: a real date is a meeting; it was dropped as a date alone)
    assert (holiday.note, holiday.skipped, holiday.papers) == ("No meeting: public holiday", True, [])
    assert (planning.note, planning.skipped, planning.papers) == ("Planning session for the summer", False, [])
    assert (tba.skipped, tba.papers) == (False, [])
    assert len(paperlab.load(path)) == 5


def test_a_date_paper_table_on_a_page_that_says_nothing_of_meetings_is_no_schedule(tmp_path: Path) -> None:
    # the same columns on a list of papers by publication date (a DailyArXiv-style README) stay a paper list
    path = tmp_path / "README.md"
    text = (SESSION / "schedule-no-presenter.md").read_text(encoding="utf-8").splitlines()
    path.write_text("# Papers I liked\n\n" + "\n".join(text[4:]) + "\n", encoding="utf-8")
    assert detect_format(path) == "dailyarxiv"


def test_date_topic_readings_with_several_papers_in_a_cell() -> None:
    path = SESSION / "schedule-topic-readings.csv"
    assert detect_format(path) == "schedule"
    s = paperlab.Schedule.from_file(path)
    fonts, layout, spring, hyphenation = s.meetings
    assert [p.title for p in fonts.papers] == ["Serifs and Speed", "Sans Serifs in Print"]
    assert fonts.papers[0].arxiv_id == "2403.00001" and fonts.papers[1].url == "https://example.org/sans.pdf"
    assert fonts.extra == {"topic": "Fonts"}  # the topic is the meeting's, not a paper
    assert [p.title for p in layout.papers] == ["Grid Systems for Screens", "Baselines Across Columns of Text"]
    assert (spring.note, spring.skipped, spring.papers) == ("Spring break", True, [])
    assert _papers(hyphenation) == [("doi:10.5555/hyph.2020", None, "10.5555/hyph.2020")]


def test_a_course_syllabus_csv() -> None:
    path = SESSION / "syllabus.csv"
    assert detect_format(path) == "schedule"
    s = paperlab.Schedule.from_file(path)
    # the Date column gives the day; the Week column only numbers the weeks
    assert [m.date for m in s] == [dt.date(2024, 9, 3) + dt.timedelta(weeks=k) for k in range(6)]
    assert [m.extra.get("Week") for m in s] == ["1", "2", "3", "4", "5", "6"]
    intro, vectors, attention, midterm, parsing, pretraining = s.meetings
    mikolov, quill = vectors.papers  # required, then optional readings
    assert (mikolov.title, mikolov.authors, mikolov.arxiv_id, mikolov.published) == (
        "Efficient Estimation of Word Representations in Vector Space",
        ["Mikolov"],
        "1301.03781",
        dt.date(2013, 1, 1),
    )
    assert mikolov.extra["date_precision"] == "year" and mikolov.journal_ref is None
    assert (quill.title, quill.authors, quill.doi, quill.journal_ref) == (
        "Vectors for Made-Up Words",
        ["A. Quill", "D. Okafor", "P. van der Berg"],
        "10.5555/vectors.2021",
        "Journal of Imaginary Linguistics",
    )
    assert [(p.title, p.authors, p.arxiv_id, p.url) for p in attention.papers] == [
        ("Attending to Tagged Lines", ["Lund"], "1906.01234", "https://arxiv.org/abs/1906.01234v2"),
        ("Attention Over Footnotes", ["Vale", "Ibe"], None, "https://example.org/footnotes.pdf"),
    ]  # the optional "Jurafsky & Martin Ch. 9" is a book chapter, no paper
    assert vectors.extra == {"Week": "2", "Assignments": "HW1 out", "topic": "Word vectors"}
    # rows without papers are kept out of the papers, with what they say
    assert [(m.note, m.papers) for m in (intro, midterm, parsing)] == [
        ("Introduction and course logistics", []),
        ("Midterm exam", []),
        ("Textbook sections 4.1-4.3 (no paper this week)", []),
    ]
    assert _papers(pretraining) == [("arXiv:2410.00042", "2410.00042", None)]
    assert len(paperlab.load(path)) == 5


def test_a_yaml_syllabus_keeps_good_lectures_and_names_the_bad_one() -> None:
    path = SESSION / "syllabus.yml"
    assert detect_format(path) == "schedule"
    with pytest.warns(PartialImportWarning, match=r"record 3: meeting skipped: expected a mapping"):
        papers = paperlab.load(path)
    assert [(p.title, p.authors, p.journal_ref) for p in papers] == [
        ("How to Read a Made-Up Paper", [], None),
        ("Reading Lists Considered Helpful", ["D. Okafor"], "Journal of Imaginary Pedagogy"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        s = paperlab.Schedule.from_file(path)
    assert s.title == "Made-Up Methods for Reading Papers"
    assert [(m.date, m.note) for m in s] == [
        (dt.date(2025, 1, 13), None),
        (dt.date(2025, 1, 20), None),
        (dt.date(2025, 2, 3), "Review session"),
    ]


def test_topics_of_talks_and_lectures_are_no_papers() -> None:
    # "Date | Topic | Notes" with nobody presenting: a topic is a paper only when a link, an id or a reference
    # names one; a guest talk or an introduction stays the meeting's note
    path = SESSION / "schedule-topics-no-papers.md"
    assert detect_format(path) == "schedule"
    s = paperlab.Schedule.from_file(path)
    assert [m.date for m in s] == [dt.date(2019, 9, d) for d in (2, 9, 16, 23, 30)]  # the year from the prose
    holiday, talk, intro, reading, reference = s.meetings
    assert (holiday.skipped, holiday.papers) == (True, [])
    assert (talk.note, talk.papers) == ("Guest speaker: Ada Quill talking about her tagged-format viewer", [])
    assert (intro.note, intro.papers) == ("Introduction to tagged formats: records, tags and continuation lines", [])
    assert _papers(reading) == [("Reading Lists Considered Helpful", "2501.00042", None)]
    assert [(p.title, p.authors, p.journal_ref) for p in reference.papers] == [
        ("Margins in Practice", ["D. Okafor"], "Journal of Imaginary Pedagogy")
    ]
    assert [p.title for p in paperlab.load(path)] == ["Reading Lists Considered Helpful", "Margins in Practice"]


def test_a_course_schedule_of_topics_names_no_paper() -> None:
    # "Week | Class Dates | Where | Tentative Topics": lecture topics with their slides are no papers, so loading
    # says the schedule names none (it was taken for a README without a paper table)
    path = SESSION / "course-topics.md"
    assert detect_format(path) == "schedule"
    s = paperlab.Schedule.from_file(path)
    assert [(m.date_text, m.papers, m.extra.get("Week")) for m in s] == [("Jan 8", [], "1"), ("Jan 22", [], "3")]
    assert s.meetings[1].note == "Reading lists"
    with pytest.warns(MeetingsOnlyWarning, match="the schedule names no paper"):
        assert len(paperlab.load(path)) == 0


def test_an_html_syllabus_with_spanned_cells_and_references_in_links() -> None:
    # "Week | Date | Content": rowspan/colspan followed; "Required Reading: <a>reference</a>" gives the reference's
    # title, authors, year and venue (APA, MLA and IEEE styles); a reading spanning two days is closed by the next
    # day's reading in the same column; a break spanning two columns and two rows skips both days
    path = SESSION / "syllabus-rowspan.md"
    assert detect_format(path) == "schedule"
    s = paperlab.Schedule.from_file(path)
    assert [m.date_text for m in s] == ["Jan 8", "Jan 10", "Jan 15", "Jan 17", "Jan 22", "Jan 24", "Jan 29"]
    assert s.meetings[1].extra["Week"] == "1\nIntroduction to the Course"  # spanned down from the row above
    papers = [(p.title, p.authors, p.arxiv_id, p.published, p.journal_ref) for m in s for p in m.papers]
    assert papers == [
        ("Tagged formats considered helpful", ["A. Quill", "D. Okafor"], "2401.00077", dt.date(2024, 1, 1), None),
        (
            "Margins at scale: a made-up study",
            ["Saga Lund", "Oona Vale", "Emi Nakamura"],
            None,
            dt.date(2022, 1, 1),
            "Proceedings of Imaginary Systems",  # MLA's "3 (2022): 1-9" is its volume and pages (session 11, R2)
        ),
        (
            "Footnotes as hyperlinks",
            ["D. Okafor", "T. Marsh", "C. Ibe"],
            None,
            dt.date(2021, 1, 1),
            "Imaginary Conference on Documents, 2021, pp. 1-4",
        ),
    ]
    assert [(m.note, m.skipped) for m in s.meetings[4:]] == [
        ("Winter Break (No Class)", True),
        ("Winter Break (No Class)", True),
        ("Required Reading:", False),  # a reading not yet chosen: no paper
    ]


_SPAN = st.sampled_from(
    ["", ' rowspan="2"', ' colspan="2"', ' rowspan="3" colspan="2"', ' rowspan="0"', ' rowspan="x"']
)
_CELL = st.sampled_from(["Jan 8", "Required Reading: <a href='https://arxiv.org/abs/2401.00077'>A title here</a>", ""])


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(st.lists(st.tuples(_SPAN, _CELL), max_size=6), max_size=8))
def test_hypothesis_html_tables_with_any_spans_read_or_raise_parse_error(rows: list[list[tuple[str, str]]]) -> None:
    body = "".join("<tr>" + "".join(f"<td{span}>{cell}</td>" for span, cell in row) + "</tr>" for row in rows)
    text = "<h2>Course schedule</h2><table><tr><th>Week</th><th>Date</th><th>Content</th></tr>" + body + "</table>"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "syllabus.html"
        path.write_text(text, encoding="utf-8")
        try:
            meetings, _, _ = read_meetings(path)
        except paperlab.ParseError:
            return
    assert all(p.title for m in meetings for p in m.papers)
