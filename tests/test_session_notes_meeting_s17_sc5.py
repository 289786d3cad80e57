"""Notes that open with a title over a list of names are a paper's page only when the page says so under them (a
DOI, "Published", "Abstract", a venue line); a meeting's notes and who came ("Meeting notes 12 March / Ada Quill, Bo
Dale") name no paper. Our own small files (session 17, helper SC5)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError

MEETINGS = [
    "Meeting notes 12 March\nAda Quill, Bo Dale\n\nWe discussed the new grant.\n",
    "# Lab meeting of the widget group\nAda Quill, Bo Dale, Cy Moss\n\n- budget for the gadget rig\n- next retreat\n",
    "Minutes of the steering committee meeting\nAda Quill and Bo Dale (apologies: Cy Moss)\n\nActions: book a room.\n",
]


@pytest.mark.parametrize("text", MEETINGS)
def test_meeting_notes_with_attendees_name_no_paper(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            session = paperlab.Session.from_file(path)
        except ParseError:
            return  # refused: no paper, said so
    assert [e.paper.title for e in session.entries if e.paper is not None] == []


PAGES = [
    ("Sparse widget rings for gadget routing\nAda Quill, Bo Dale\n\nAbstract\nWe route gadgets.\n", None),
    (
        "Sparse widget rings for gadget routing\nAda Quill1, Bo Dale2\nhttps://doi.org/10.1234/wr.2021.5\n",
        "10.1234/wr.2021.5",
    ),
    (
        "Sparse widget rings for gadget routing\nAda Quill, Bo Dale\nJournal of Widget Studies, vol. 12, pp. 1-20\n",
        None,
    ),
    ("Sparse widget rings for gadget routing\nAda Quill, Bo Dale\nFirst published: 10 September 2022\n", None),
]


@pytest.mark.parametrize(("text", "doi"), PAGES)
def test_a_pasted_paper_page_is_still_its_paper(tmp_path: Path, text: str, doi: str | None) -> None:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = paperlab.Session.from_file(path)
    papers = [e.paper for e in session.entries if e.paper is not None]
    assert [(p.title, p.authors, p.doi) for p in papers] == [
        ("Sparse widget rings for gadget routing", ["Ada Quill", "Bo Dale"], doi)
    ]
