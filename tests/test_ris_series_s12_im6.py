"""RIS ``CY`` (place of publication), ``T3`` (series) and ``A3`` (series editor) are kept on import and written back by
``to_ris()``; BibTeX writes them as ``address`` and ``series``, CSL-JSON as ``publisher-place``, ``collection-title``
and ``collection-editor`` (R4's finding 9). A book that names no author and no ``A2`` keeps its ``A3`` persons as
its editors (helper IM5's rule), not as series editors. Our own file, tests/data/export_s12_im6/chapter-in-series.ris."""

from __future__ import annotations

from pathlib import Path

import paperlab
from paperlab import Library
from paperlab.sources.bibtex import parse_bibtex
from paperlab.sources.ris import parse_ris

RIS = Path(__file__).parent / "data" / "export_s12_im6" / "chapter-in-series.ris"


def _chapter_and_book() -> tuple[paperlab.Paper, paperlab.Paper]:
    chapter, book = paperlab.load(RIS)
    return chapter, book


def test_place_series_and_series_editor_are_kept() -> None:
    chapter, book = _chapter_and_book()
    ris = chapter.extra["ris"]
    assert (ris["place"], ris["series"], ris["series_editors"]) == (
        "Bergen",
        "Lecture Notes in Stone Counting",
        ["Ilse Brandt"],
    )
    assert ris["editors"] == ["Maren Solheim"] and chapter.authors == ["Dora Okafor", "Oskar Lindqvist"]
    assert chapter.journal_ref == "Handbook of Pebble Statistics"
    assert book.extra["ris"]["place"] == "Trondheim" and book.extra["editors"] == ["Maren Solheim"]
    assert "series_editors" not in book.extra["ris"]  # the A3 persons of an unauthored book are its editors


def test_to_ris_writes_them_back_and_reads_the_same() -> None:
    chapter, book = _chapter_and_book()
    text = Library([chapter, book]).to_ris()
    for line in ("CY  - Bergen", "T3  - Lecture Notes in Stone Counting", "A3  - Brandt, Ilse", "CY  - Trondheim"):
        assert line in text
    again = parse_ris(text)
    assert [p.extra["ris"] for p in again] == [chapter.extra["ris"], book.extra["ris"]]
    assert again[1].extra["editors"] == ["Maren Solheim"]


def test_bibtex_and_csl_exports_name_the_place_and_series() -> None:
    chapter, _ = _chapter_and_book()
    bib = Library([chapter]).to_bibtex()
    assert "address = {Bergen}," in bib and "series = {Lecture Notes in Stone Counting}," in bib
    back = parse_bibtex(bib)[0].extra["bibtex_fields"]
    assert (back["address"], back["series"]) == ("Bergen", "Lecture Notes in Stone Counting")
    item = chapter.to_csl()
    assert item["publisher-place"] == "Bergen" and item["collection-title"] == "Lecture Notes in Stone Counting"
    assert item["collection-editor"] == [{"family": "Brandt", "given": "Ilse"}]
    assert item["editor"] == [{"family": "Solheim", "given": "Maren"}]  # the book's editor, where CSL lost it
    assert parse_bibtex(bib)[0].to_csl()["publisher-place"] == "Bergen"  # from BibTeX's address too
