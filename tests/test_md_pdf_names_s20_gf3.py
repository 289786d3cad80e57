"""A paper-notes index that names each paper by a link "Family et al - YYYY" to its PDF, the file named the way
reference managers name theirs ("Family et al. - 2019 - Title.pdf"), gave no paper for such a row: only the row
with a DOI was read (1 of 7 on a blind round's file, session 19). The file's name gives the title, the authors and
the year. Our own made-up file in the same shape."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "md_s20_gf3"


def _load(name: str) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(DATA / name))


def test_rows_linking_manager_named_pdfs_are_papers() -> None:
    papers = {p.title: p for p in _load("notes_index.md")}
    assert set(papers) == {
        "Sparse Widgets in a Warmer World",
        "Routing Lanterns Through Dense Fog wi",  # cut short as the reference manager cut the name
        "Counting Hedges from Orbit",
    }  # the group's slides.pdf names no paper
    widgets = papers["Sparse Widgets in a Warmer World"]
    assert widgets.authors == ["Quill", "Okafor"] and widgets.published == dt.date(2021, 1, 1)
    hedges = papers["Counting Hedges from Orbit"]
    assert hedges.authors == ["Brook"] and hedges.published == dt.date(2023, 1, 1)
    assert hedges.extra.get("date_precision") == "year"


def test_notes_index_as_a_session_presents_each_paper() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = paperlab.Session.from_file(DATA / "notes_index.md")
    assert [e.paper.title for e in session.entries] == [
        "Sparse Widgets in a Warmer World",
        "Routing Lanterns Through Dense Fog wi",
        "Counting Hedges from Orbit",
    ]
