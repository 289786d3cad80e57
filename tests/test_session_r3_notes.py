"""R3's one-paper notes read as a session (session 11): section headings are no presenters, the heading's "[[pdf]]"
link is no part of the session's title, a field heading ("## Title") is no title; own files in tests/data/md7_r3/."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "md7_r3"


def _session(name: str) -> paperlab.Session:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.Session.from_file(DATA / name)


def test_a_note_with_section_headings_and_a_bibtex_entry_is_one_presentation_of_its_paper() -> None:
    session = _session("note_with_bibtex.md")  # "#### Research Question" was taken for a presenter: a ParseError
    (entry,) = session.entries
    assert entry.paper.title == "Lantern Graphs for Moth Tracking"
    assert entry.paper.doi == "10.5555/lantern.2019.12"
    assert not entry.presenter
    assert session.theme == "Lantern Graphs for Moth Tracking"  # not "Title", the first heading's field label


def test_the_markdown_heading_of_a_note_titled_with_a_pdf_link_is_the_title_alone() -> None:
    session = _session("heading_pdf_link.md")
    assert session.theme == "Ratchet Pooling for Tiny Boards"
    heading = session.to_markdown().splitlines()[0]
    assert heading == "# Ratchet Pooling for Tiny Boards"  # was "# … \\[\\[pdf\\]\\](https://…)"


def test_a_one_paper_notes_top_level_bullets_are_its_takeaways() -> None:
    (entry,) = _session("heading_pdf_link.md").entries
    assert entry.takeaways[:2] == ["Runs at 12 FPS on a small board.", "Beats the plain pooling baseline by 2 points."]
    assert "Only one board was tried." in entry.takeaways  # the "**Note:**" paragraph, as before
