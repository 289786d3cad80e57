"""Exports a new user met with unseen real files (issue 12, session 10 review, helper M1): what an import read
comes back in the BibTeX and CSL-JSON exports. Own files in tests/data/import_s10."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest
from paths import DATA

import paperlab
from paperlab.cli import main
from paperlab.sources.ris import write_ris

HERE = DATA / "import_s10"
CASE = HERE / "case_protected.bib"

PROTECTED = {
    "quill2019": "Crane-{BERT}: Folding Embeddings with Siamese {BERT}-Networks",
    "fold2020": "{MiniFold}: Deep Self-Attention for Crease Patterns",
    "whole2001": "{The Whole Title Kept As Written}",
    "plain2003": "A plain title with nothing kept",
}


def _titles(text: str) -> dict[str, str]:
    out = {}
    for entry in text.split("\n@"):
        key = entry.split("{", 1)[1].split(",", 1)[0]
        (line,) = [x for x in entry.splitlines() if x.strip().startswith("title = ")]
        out[key] = line.strip()[len("title = {") : -len("},")]
    return out


def test_bibtex_export_keeps_the_braces_that_protect_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = paperlab.load(CASE)
    assert [p.title for p in lib][:2] == [
        "Crane-BERT: Folding Embeddings with Siamese BERT-Networks",  # the text shown, braces gone
        "MiniFold: Deep Self-Attention for Crease Patterns",
    ]
    text = lib.to_bibtex()
    assert _titles(text) == PROTECTED  # was 'Crane-BERT: ...', '{MiniFold}' and '{{...}}' lost
    again = tmp_path / "again.bib"
    again.write_text(text, encoding="utf-8")
    back = paperlab.load(again)
    assert [p.title for p in back] == [p.title for p in lib]
    assert _titles(back.to_bibtex()) == PROTECTED  # import -> export -> import: the same raw title
    assert main(["import", str(CASE)]) == 0  # through the store and the CLI alike
    out = tmp_path / "out.bib"
    assert main(["export", "bibtex", "-o", str(out)]) == 0
    assert _titles(out.read_text(encoding="utf-8")) == PROTECTED


def test_an_edited_title_is_written_as_its_text() -> None:
    (paper,) = [p for p in paperlab.load(CASE) if p.title.startswith("Crane")]
    paper.title = "Crane-BERT, revised"
    assert "title = {Crane-BERT, revised}," in paperlab.Library([paper]).to_bibtex()


KINDS = {  # citation key -> (CSL type, publisher) of tests/data/import_s10/kinds.bib
    "Quill2010": ("paper-conference", "Craft Society"),
    "Page2001": ("book", "Widget Press"),
    "Fold1998": ("thesis", "University of Folding"),  # the school
    "Edge2015": ("chapter", "Widget Press"),
    "Note2012": ("report", "Paper Lab"),  # the institution
    "Misc2020": ("article", None),
}


def _kinds(items: list[dict[str, object]]) -> dict[str, tuple[object, object]]:
    assert all(item["id"] == item["citation-key"] for item in items)  # pandoc's [@Quill2010] finds the item
    return {str(item["citation-key"]): (item["type"], item.get("publisher")) for item in items}


def test_csl_export_keeps_the_entry_type_publisher_and_citation_key(tmp_path: Path) -> None:
    lib = paperlab.load(HERE / "kinds.bib")
    items = [p.to_csl() for p in lib]
    assert _kinds(items) == KINDS  # every one was article(-journal), no publisher, the paperlab id as id
    assert items[0]["container-title"] == "Proceedings of the Paper Craft Conference"
    exported = tmp_path / "kinds.json"
    exported.write_text(json.dumps(items), encoding="utf-8")
    back = paperlab.load(exported)  # CSL import -> export -> import keeps them
    assert _kinds([p.to_csl() for p in back]) == KINDS
    assert [p.title for p in back] == [p.title for p in lib]


def test_ris_reference_types_become_csl_types() -> None:
    chapter, thesis = (p.to_csl() for p in paperlab.load(HERE / "kinds.ris"))
    assert (chapter["type"], chapter["publisher"], chapter["container-title"]) == (
        "chapter",
        "Widget Press",
        "The Handbook of Paper",
    )
    assert (thesis["type"], thesis["publisher"]) == ("thesis", "University of Folding")
    assert "citation-key" not in thesis  # RIS names no citation key


def test_cli_csl_export_names_each_item_by_its_key(tmp_path: Path) -> None:
    assert main(["import", str(HERE / "kinds.bib")]) == 0
    out = tmp_path / "out.json"
    assert main(["export", "csljson", "-o", str(out)]) == 0
    assert _kinds(json.loads(out.read_text(encoding="utf-8"))) == KINDS


def test_a_field_after_a_missing_comma_is_read() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing skipped: both fields are read
        thesis, poster = paperlab.load(HERE / "missing_comma.bib")
    assert thesis.published == dt.date(1998, 1, 1) and thesis.extra["date_precision"] == "year"
    assert thesis.extra["bibtex_fields"] == {"school": "University of Folding", "type": "Bachelor thesis"}
    assert thesis.comment == "read after the missing comma"  # the type was lost silently
    assert poster.published == dt.date(2001, 3, 1) and poster.extra["date_precision"] == "month"
    assert poster.extra["bibtex_fields"] == {"howpublished": "Poster, Paper Craft Fair"}
    assert "  type = {Bachelor thesis},\n" in paperlab.Library([thesis]).to_bibtex()


def test_ris_book_series_notes_and_glued_latex(tmp_path: Path) -> None:
    book, article, page, twice = paperlab.load(HERE / "glued.ris")
    assert book.journal_ref == "Studies in Paper Play"  # JO on a TY BOOK: its series (it was dropped)
    assert twice.journal_ref is None  # a T2 that is the book's own title again is no venue
    assert page.comment == "Approved at the fifth widget workshop, Lyon, April 2014; revised 2018."  # N1, was lost
    assert article.title_text == "Late hinge failure in a Crane–Kite fold"  # \textendashKite: one unknown macro
    assert article.authors == ["M T V’lčkova Hinge", "Bo Fold"]
    text = paperlab.Library([book, article, page]).to_bibtex()
    assert "textbackslash" not in text
    assert "  title = {Late hinge failure in a Crane\\textendash{}Kite fold},\n" in text
    assert "@book{" in text and "  series = {Studies in Paper Play},\n" in text
    again = tmp_path / "again.bib"
    again.write_text(text, encoding="utf-8")
    back = paperlab.load(again)
    assert back[1].title == "Late hinge failure in a Crane–Kite fold" and back[1].authors == article.authors
    assert back[2].comment == page.comment
    written = tmp_path / "again.ris"
    write_ris([book, page], written)
    assert [(p.journal_ref, p.comment) for p in paperlab.load(written)] == [
        (book.journal_ref, None),
        (None, page.comment),
    ]


def test_jats_superscript_citation_numbers_are_no_text(tmp_path: Path) -> None:
    (paper,) = paperlab.load(HERE / "jats_sup.json")
    assert paper.abstract == (
        "Paper widgets fold into many shapes. Through an enormous experimental effort, the creases of around 1,000 "
        "widgets have been measured, a small fraction of the known designs. Our model won the 9th Crease Prediction "
        "Challenge (CPC9) with a median error of 0.9 mm and folds sheets of 106 creases and 2 m2."
    )  # was "effort 1–4 , the", "designs 6,7 ." and "(CPC9) 8 with"; a power after a digit or a unit stays
    exported = tmp_path / "again.json"
    exported.write_text(json.dumps([paper.to_csl()]), encoding="utf-8")
    (back,) = paperlab.load(exported)
    assert back.abstract == paper.abstract and "<jats:sup>1–4</jats:sup>" in back.to_csl()["abstract"]


def test_compare_prints_dates_as_precise_as_the_source_gave_them() -> None:
    lib = paperlab.load(HERE / "kinds.bib", HERE / "jats_sup.json")
    df = paperlab.compare(lib)
    printed = repr(df[["title", "date"]])
    assert "1998-01-01" not in printed and "2010-01-01" not in printed  # year-only BibTeX dates
    rows = {line.split()[0]: line.split()[-1] for line in printed.splitlines()[2:]}
    assert sorted(rows.values()) == ["1998", "2001", "2010", "2012", "2015", "2020", "2021-07-15"]
    assert str(df["date"].dtype).startswith("datetime64")  # the column itself stays timestamps for analysis
