"""A pasted paper page whose title holds a meeting-like word or a number beside a month-like word ("Notes on the
Convergence of ...", "Call Graph Construction ...", "Learning to Present ...", "... on 3 May Graphs ...", "Decision 2
Vec ...") over a byline is still its paper; a meeting's notes headed by a meeting word or a day still name none. Our
own small files (session 17, helper FX1)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError

PAPER_TITLES = [
    "Notes on the Convergence of Widget Gradients and Beyond",
    "Call Graph Construction for Dynamic Gadget Languages",
    "Learning to Present Slides with Large Widget Models",
    "Gradient Descent on 3 May Graphs for Sparse Learning",
    "Decision 2 Vec: Embedding Choices in Gadget Ranking",
    "Sync Networks for Widget Clocks",
]


@pytest.mark.parametrize("title", PAPER_TITLES)
def test_a_paper_title_with_a_meeting_like_word_over_a_byline_is_its_paper(tmp_path: Path, title: str) -> None:
    path = tmp_path / "notes.md"
    path.write_text(f"{title}\nAda Quill, Bo Dale\n\nWe discussed the proof.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = paperlab.Session.from_file(path)
    papers = [e.paper for e in session.entries if e.paper is not None]
    assert [(p.title, p.authors) for p in papers] == [(title, ["Ada Quill", "Bo Dale"])]


MEETING_TITLES = [
    "Meeting notes 12 March",
    "Reading notes, 3 May",
    "Weekly sync, March 12th",
    "Group call 2024-03-12",
    "Minutes of the widget committee",
    "Agenda for the gadget group",
    "Lab retreat planning",
    "Stand-up of the widget team",
    "Catch-up with the gadget lab",
    "Notes 12/03/2024",
]


@pytest.mark.parametrize("title", MEETING_TITLES)
def test_meeting_notes_with_attendees_still_name_no_paper(tmp_path: Path, title: str) -> None:
    path = tmp_path / "notes.md"
    path.write_text(f"{title}\nAda Quill, Bo Dale\n\nWe talked about the budget.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            session = paperlab.Session.from_file(path)
        except ParseError:
            return  # refused: no paper, said so
    assert [e.paper.title for e in session.entries if e.paper is not None] == []
