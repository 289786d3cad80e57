"""An ``@incollection``/``@inbook`` with no ``title`` but a ``booktitle`` cites the whole book (a handbook): it is kept,
titled by its booktitle, with ``extra["title_from"] = "booktitle"`` and no venue (the book is the work), and the
BibTeX export writes the entry as it was, without a title (R4's finding 11). An article with no title is still
reported and skipped. Our own file, tests/data/export_s12_im6/whole-books.bib."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab import Library
from paperlab.errors import PartialImportWarning
from paperlab.sources.bibtex import parse_bibtex

BIB = Path(__file__).parent / "data" / "export_s12_im6" / "whole-books.bib"


def _load() -> list[paperlab.Paper]:
    with pytest.warns(PartialImportWarning) as caught:
        papers = paperlab.load(BIB)
    messages = [str(w.message) for w in caught if issubclass(w.category, PartialImportWarning)]
    assert len(messages) == 1 and "lin13" in messages[0] and "expected a 'title' field" in messages[0]
    assert "dale11" not in messages[0] and "quill09" not in messages[0]
    return papers


def test_a_whole_book_cited_by_its_booktitle_is_kept() -> None:
    papers = {p.extra["bibtex_key"]: p for p in _load()}
    assert sorted(papers) == ["dale11", "fox12", "quill09"]
    book = papers["dale11"]
    assert (book.title, book.authors, book.journal_ref) == (
        "Handbook of Pebble Counting",
        ["Bo Dale", "Cy Moss", "Di Rowe"],
        None,
    )
    assert book.extra["title_from"] == "booktitle" and book.date_text == "2011"
    assert papers["quill09"].title == "The Stone Sorter's Companion" and papers["quill09"].byline() == "Ada Quill (ed.)"
    chapter = papers["fox12"]  # a chapter with its own title is read as before
    assert (chapter.title, chapter.journal_ref) == ("Counting Pebbles by Weight", "Handbook of Pebble Counting")
    assert "title_from" not in chapter.extra


def test_the_export_writes_the_entry_as_it_was() -> None:
    papers = _load()
    text = Library(papers).to_bibtex()
    dale = text[text.index("@incollection{dale11,") :].split("\n}\n")[0]
    assert "title =" not in dale.replace("booktitle =", "") and "booktitle = {Handbook of Pebble Counting}," in dale
    again = {p.extra["bibtex_key"]: p for p in parse_bibtex(text)}
    for p in papers:
        back = again[p.extra["bibtex_key"]]
        assert (back.title, back.journal_ref, back.extra.get("title_from")) == (
            p.title,
            p.journal_ref,
            p.extra.get("title_from"),
        )


def test_csl_and_ris_call_it_a_book() -> None:
    book = next(p for p in _load() if p.extra["bibtex_key"] == "dale11")
    assert book.to_csl()["type"] == "book" and "container-title" not in book.to_csl()
    assert Library([book]).to_ris().startswith("TY  - BOOK\nTI  - Handbook of Pebble Counting\n")
