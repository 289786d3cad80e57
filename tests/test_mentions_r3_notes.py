"""R3's one-paper notes (session 11): a heading whose link is labelled "[pdf]" keeps the words before it as the
paper's title; own small files in tests/data/md7_r3/."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "md7_r3"


def _load(name: str) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(DATA / name))


def test_a_heading_with_a_pdf_link_is_titled_by_its_words_not_by_the_link_label() -> None:
    (paper,) = _load("heading_pdf_link.md")
    assert paper.title == "Ratchet Pooling for Tiny Boards"
    assert paper.arxiv_id == "2102.00042"


def test_a_fenced_bibtex_entry_gives_the_note_its_title_and_a_doi_without_the_closing_brace() -> None:
    (paper,) = _load("note_with_bibtex.md")
    assert paper.title == "Lantern Graphs for Moth Tracking"  # not the "##### Cite" heading above the block
    assert paper.doi == "10.5555/lantern.2019.12"
    assert paper.id == "doi:10.5555/lantern.2019.12"


def test_a_doi_in_text_never_takes_the_brace_or_bracket_around_it() -> None:
    from paperlab.identifiers import find_doi

    assert find_doi("doi = {10.5555/lantern.2019.12},") == "10.5555/lantern.2019.12"
    assert find_doi("[10.5555/x.1]") == "10.5555/x.1"
