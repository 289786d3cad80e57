"""Reading-group schedules in the layouts the reviewer R2 found misread (session 11): a "To Read" column beside an
"Authors" column, a list of bold date bullets with the presenter after the date and the links underneath, a table
of a book's numbered chapters, a pipe table with counts and notes in its person column and a timetable below it,
and an MLA reference in a paper cell. Our own files in tests/data/md_r2_s11/."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning
from paperlab.sources.bibtex import paper_to_bibtex

DATA = Path(__file__).parent / "data" / "md_r2_s11"


def _load(path: Path) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_a_to_read_column_names_the_papers_and_the_authors_column_their_authors() -> None:
    """The "To Read" column is the paper column: its titles are papers (the year in parentheses their year, not part of the
    title), the "Authors" cell their authors; the book's sections and chapter are readings, no papers."""
    schedule = paperlab.Schedule.from_file(DATA / "toread_authors.md")
    assert [(m.date, len(m.papers), m.note) for m in schedule.meetings] == [
        (dt.date(2020, 5, 4), 0, "Lanterns (2020), Sections 2.1 - 2.4"),
        (dt.date(2020, 5, 11), 0, "Lanterns (2020), Chapter 3"),
        (dt.date(2020, 10, 5), 1, None),
        (dt.date(2020, 10, 19), 1, None),
    ]
    papers = _load(DATA / "toread_authors.md")  # was "the schedule names no paper"
    assert [(p.title, p.authors, p.published, p.extra["presenters"]) for p in papers] == [
        ("Wick Trimming with Recurrent Flame Models", ["Sato", "Penn", "Marr"], dt.date(2015, 1, 1), ["Rue Sato"]),
        ("Soot Prediction for Glass Chimneys", ["Marr", "Sato"], dt.date(2018, 1, 1), ["Tam Marr"]),
    ]


def test_bold_date_bullets_are_meetings_with_presenters_and_a_year_inferred_from_the_readings() -> None:
    """'  - **May 4**: Ora Penn, flame shape models' with links under it: a dated meeting with its presenter and
    topic; the page names no year, so it is the year of the newest reading's arXiv id, and the meeting says so. A
    link labelled "Original paper" or "Penn & Wick paper" is titled by its id; what follows a link is no title; a
    link to a magazine's piece or to the book is no paper."""
    schedule = paperlab.Schedule.from_file(DATA / "bullet_dates.md")
    assert [(m.date, m.presenters, len(m.papers)) for m in schedule.meetings] == [
        (dt.date(2019, 5, 4), ["Ora Penn"], 2),
        (dt.date(2019, 5, 18), ["Ilo Wick"], 3),
        (dt.date(2019, 6, 1), ["Rue Sato-Lind"], 0),
    ]
    assert schedule.meetings[0].extra["topic"] == "flame shape models"
    assert all("arXiv id" in m.extra["date_inferred"] for m in schedule.meetings)
    papers = _load(DATA / "bullet_dates.md")
    assert [(p.title, p.arxiv_id, p.extra["meeting_date"]) for p in papers] == [
        ("arXiv:1903.00011", "1903.00011", "2019-05-04"),
        ("Soot prediction for glass chimneys", "1903.00012", "2019-05-04"),
        ("arXiv:1903.00013", "1903.00013", "2019-05-18"),
        ("Glass Chimneys", None, "2019-05-18"),
        ("Oil Lamps Revisited", None, "2019-05-18"),
    ]
    assert all(p.extra["meeting_date_inferred"] is True for p in papers)


def test_date_bullets_take_their_year_from_the_page_heading() -> None:
    schedule = paperlab.Schedule.from_file(DATA / "bullet_dates_year.md")
    assert [(m.date, m.presenters) for m in schedule.meetings] == [
        (dt.date(2019, 3, 7), ["Ora Penn"]),
        (dt.date(2019, 3, 21), ["Ilo Wick", "Tam Marr"]),
        (dt.date(2019, 4, 4), ["Rue Sato"]),  # "Graph Neural Networks" is the topic, no presenter
    ]
    assert schedule.meetings[2].extra["topic"] == "Graph Neural Networks"
    assert not any("date_inferred" in m.extra for m in schedule.meetings)


def test_a_book_s_numbered_chapters_are_no_papers() -> None:
    """'3: Wicks and Oils', '4 (up to ~4.5): …', '4.6-5: …' in a Topic column with Leaders: chapters of the book,
    the meetings' notes; the schedule names no paper."""
    schedule = paperlab.Schedule.from_file(DATA / "book_chapters.md")
    assert [(m.presenters, m.papers, m.note) for m in schedule.meetings][1:4] == [
        (["Ilo", "Rue"], [], "3: Wicks and Oils"),
        (["Tam"], [], "4 (up to ~4.5): Glass Chimneys"),
        (["Ora", "Tam"], [], "4.6-5: Soot, Smoke"),
    ]
    with pytest.warns(MeetingsOnlyWarning, match="the schedule names no paper"):
        assert len(paperlab.load(DATA / "book_chapters.md")) == 0


def test_a_pipe_table_s_person_cells_give_names_only_and_a_timetable_is_no_meetings() -> None:
    """'Rue (1)/1' is Rue, '?Tam' is Tam, '[Lamp cleaning day]' is the week's note, no name; the 'When | What'
    timetable of one day under the table gives no meetings; 'Future meetings' is no tag of the papers. The rows
    dated '.' (the rotation's queue) and '202?-??-??' (a date not known yet) are no meetings (session 14: they were
    meetings without a day); the paper of the '202?' row is still one of the file's papers."""
    schedule = paperlab.Schedule.from_file(DATA / "pipe_club.md")
    assert [(m.date_text, m.presenters) for m in schedule.meetings] == [
        ("2022-03-03", ["Ora"]),
        ("2022-03-10", []),
        ("2022-03-17", []),
        ("2022-03-24", ["Ilo"]),
    ]
    assert schedule.meetings[2].note == "Lamp cleaning day"
    assert [(p.title, p.tags, p.extra["presenters"]) for p in _load(DATA / "pipe_club.md")] == [
        ("Wick trimming, faster and brighter", [], ["Ora"]),
        ("Soot and smoke in open lamps", [], ["Tam"]),
    ]


def test_an_mla_reference_in_a_cell_keeps_its_cut_short_authors_and_the_journal_name_as_venue() -> None:
    papers = _load(DATA / "mla_cell.md")
    lamp = papers[1]
    assert (lamp.title, lamp.authors, lamp.extra["more_authors"]) == (
        "A careful example of soot bias in a lamp survey",
        ["Ora J. Penn"],
        True,
    )
    assert (lamp.journal_ref, lamp.published) == ("The Journal of Lamps", dt.date(2017, 1, 1))
    assert lamp.extra["csl"] == {"volume": "41", "issue": "3", "page": "210-215"}
    bib = paper_to_bibtex(lamp)  # the export keeps them, and the cut-short byline
    assert all(f in bib for f in ("volume = {41}", "number = {3}", "pages = {210-215}", "Ora J. Penn and others"))
