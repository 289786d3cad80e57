"""CSL-JSON import (paperlab.sources.csl) and its round trip through ``Paper.to_csl()``: our own samples in
tests/data/csl reproduce Zotero and Better BibTeX exports (rich-text titles, particles and literal names,
dates as strings, to the month or year, with seasons, circa, ranges, literals and years BC, arXiv DOIs, one
item on its own, items without a title or of the wrong type); the realdata tests check four real exports."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from paths import DATA, FIXTURES

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.csl import parse_csl, read_csl, write_csl

CSL = DATA / "csl"
ITEMS = CSL / "items.csl.json"


def _quiet(path: Path) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        return read_csl(path)


def test_items_and_the_skipped_ones() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_csl(ITEMS)
    assert [p.extra["csl"]["id"] for p in papers] == [
        "okafor2021",
        "lee2023",
        "hart-season",
        "ancient",
        "undated",
        "range",
    ]
    problems = caught[0].message.problems  # type: ignore[union-attr]
    assert [(p.where, p.message) for p in problems] == [
        ("record 7 ('no-title')", "expected a 'title'"),
        ("record 8", "expected a CSL item (a JSON object), got str"),
        ("record 9 ('bad-author')", "field 'author': expected a list of name objects, got int"),
    ]


def test_rich_text_title_names_and_month_date() -> None:
    paper = _quiet(ITEMS)[0]
    assert paper.title == "Sleep and memory in shift workers: a H2O-free cohort"
    assert paper.authors == ["Ada B. Okafor", "Pieter van der Berg", "The Sleep Study Group"]
    assert paper.published == dt.date(2021, 3, 1) and paper.extra["date_precision"] == "month"
    assert paper.journal_ref == "Journal of Sleep Studies" and paper.doi == "10.5555/jss.2021.014"
    assert paper.keywords == ["sleep", "memory", "shift work"]
    assert paper.sources[0].record == "record 1 ('okafor2021')"


def test_arxiv_doi_and_dates_the_model_cannot_hold() -> None:
    _, arxiv, season, ancient, undated, ranged = _quiet(ITEMS)
    assert arxiv.arxiv_id == "2305.01234" and arxiv.url is None  # the URL is its abs page
    assert arxiv.comment == "version: 2" and arxiv.published == dt.date(2023, 5, 2)
    assert season.published == dt.date(2018, 1, 1) and season.extra["date_precision"] == "year"
    assert ancient.published is None and undated.published is None  # a year BC, a literal date
    assert ranged.published == dt.date(2014, 12, 31)  # the first date of a range


def test_to_csl_gives_back_every_item_as_read() -> None:
    items = [i for i in json.loads(ITEMS.read_text(encoding="utf-8"))[:6]]
    for item, paper in zip(items, _quiet(ITEMS), strict=True):
        out = paper.to_csl()
        assert {k: out.get(k) for k in item} == item
    arxiv = _quiet(ITEMS)[1].to_csl()
    assert arxiv["number"] == "arXiv:2305.01234"  # added from the arXiv id


def test_to_csl_after_an_edit_writes_the_paper_fields() -> None:
    paper = _quiet(ITEMS)[0]
    paper.title = "A New Title"
    paper.authors = ["Ada B. Okafor"]
    paper.published = dt.date(2022, 1, 1)
    out = paper.to_csl()
    assert out["title"] == "A New Title" and out["author"] == [{"family": "Okafor", "given": "Ada B."}]
    assert out["issued"] == {"date-parts": [[2022, 1]]}  # still to the month
    assert out["id"] == "okafor2021" and out["volume"] == "14"


def test_lenient_with_what_other_tools_write() -> None:
    (plato,) = read_csl(CSL / "pandoc.json")
    assert plato.authors == ["Plato"]  # a given name only; an empty name object is dropped
    assert plato.journal_ref == "Oxford World's Classics"  # rich text made plain
    assert plato.keywords == ["philosophy", "politics"]  # a list, not CSL's comma-separated string
    assert plato.published == dt.date(2008, 6, 1) and plato.extra["date_precision"] == "month"  # {"raw": ...}
    out = plato.to_csl()
    assert out["container-title"] == "Oxford <i>World's</i> Classics" and out["issued"] == {"raw": "2008-06"}
    assert out["author"] == [{"given": "Plato"}, {}] and out["keyword"] == "philosophy, politics"


def test_crossref_style_lists_and_name_keys() -> None:
    item = {
        "type": "journal-article",
        "title": ["A Crossref Title"],
        "container-title": ["J. Things"],
        "author": [{"given": "A", "family": "B", "sequence": "first", "affiliation": []}],
        "issued": {"date-parts": [[2019, 5]]},
        "DOI": "10.1/x",
    }
    (paper,) = parse_csl(item)
    assert (paper.title, paper.journal_ref, paper.authors) == ("A Crossref Title", "J. Things", ["A B"])
    assert paper.published == dt.date(2019, 5, 1) and paper.to_csl()["author"] == item["author"]


@pytest.mark.parametrize("name", ["items.csl.json", "zotero_export.json", "single_item.json", "pandoc.json"])
def test_write_csl_reads_back_the_same_papers(tmp_path: Path, name: str) -> None:
    papers = _quiet(CSL / name)
    back = read_csl(write_csl(papers, tmp_path / "out.csl.json"))
    assert [_fields(p) for p in back] == [_fields(p) for p in papers]


def test_detection_of_csl_shaped_json() -> None:
    assert detect_format(ITEMS) == "csl"
    assert detect_format(CSL / "zotero_export.json") == "csl"  # by its shape: type + id/title
    assert detect_format(CSL / "single_item.json") == "csl"
    (paper,) = paperlab.load(CSL / "single_item.json")
    assert paper.published == dt.date(2020, 4, 1) and paper.extra["date_precision"] == "month"
    (zotero,) = paperlab.load(CSL / "zotero_export.json")
    assert zotero.authors == ["Ken Ito", "Giulia Rossi"] and zotero.doi == "10.5555/gl.2019.3"


def test_paperlab_exports_are_not_taken_for_csl(tmp_path: Path) -> None:
    path = tmp_path / "papers.json"
    paper = {"id": "x", "title": "A Paper", "type": "preprint", "authors": ["A B"], "arxiv_id": "2401.00001"}
    path.write_text(json.dumps([paper]), encoding="utf-8")
    # a key paperlab does not write ("type") makes it a home-made list, read leniently (session 19); never CSL
    assert detect_format(path) == "json_list"
    [read] = paperlab.load(path)
    assert (read.title, read.authors, read.arxiv_id) == ("A Paper", ["A B"], "2401.00001")


@pytest.mark.parametrize(
    ("data", "expected"),
    [([], "no CSL items found"), ("text", "expected CSL-JSON"), ([1, 2], "no usable CSL items")],
)
def test_unusable_data_raises_parse_error(data: Any, expected: str) -> None:
    with pytest.raises(ParseError, match=expected):
        parse_csl(data, source="x.json")


def test_invalid_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csl.json"
    path.write_text('[{"type": "book", "title": "x"', encoding="utf-8")
    with pytest.raises(ParseError) as info:
        paperlab.load(path)
    assert info.value.source == str(path)


def _fields(paper: paperlab.Paper) -> dict[str, object]:
    data = paper.to_dict()
    data.pop("sources")
    return data


# -- the recorded real corpus --------------------------------------------------------------------------------
REAL = FIXTURES / "csljson"
DATES = "zotero-better-bibtex_Date export to Better CSL-JSON #360 #811.csl.json"
RICH = "zotero-better-bibtex_Pandoc-LaTeX-SCHOMD Citation Export.csl.json"
ORDERING = "zotero-better-bibtex_Deterministic ordering for CSL #1178 #1400.csl.json"
ZOTERO = "EarlOld_zotero-dstu-8302-2015_Exported Items.json"


@pytest.mark.realdata
def test_real_plain_zotero_export_of_an_arxiv_paper() -> None:
    assert detect_format(REAL / ZOTERO) == "csl"
    (paper,) = paperlab.load(REAL / ZOTERO)
    assert paper.title == "Google Quantum AI's Quest for Error-Corrected Quantum Computers"
    assert paper.authors == ["M. AbuGhanem"] and paper.arxiv_id == "2410.00917"
    assert paper.doi == "10.48550/ARXIV.2410.00917" and paper.comment == "version: 1"
    assert paper.published == dt.date(2024, 1, 1) and paper.extra["date_precision"] == "year"


@pytest.mark.realdata
def test_real_odd_dates() -> None:
    papers = read_csl(REAL / DATES)
    got = {p.extra["csl"]["id"]: (p.published, p.extra.get("date_precision")) for p in papers}
    day, year, none = dt.date, "year", (None, None)
    assert got == {
        "doe10_edtf_2011": (day(2011, 5, 25), None),  # circa range: its first date
        "doe11_edtf_2011": (day(2011, 5, 25), None),
        "doe12_edtf_2011": (day(2011, 5, 1), "month"),
        "doe13_season_2017": (day(2017, 1, 1), year),  # season 4, circa
        "doe14_date2010_2010": (day(2011, 1, 1), year),
        "doe15_multiple_2017": (day(2017, 1, 1), year),
        "doe7_politics_1985": (day(1985, 1, 1), year),
        "doe8_title_2017": (day(2017, 1, 1), year),
        "doe9_edtf_2011": (day(2011, 5, 25), None),
        "t1": (day(2014, 12, 31), None),
        "t2": none,  # no issued date
        "t3": (day(2014, 12, 31), None),  # open-ended range
        "t4": (day(2014, 12, 31), None),
        "t5": none,  # -334
        "t6": none,  # -100 .. -44
    }


@pytest.mark.realdata
def test_real_rich_text_titles() -> None:
    papers = read_csl(REAL / RICH)
    assert [p.title for p in papers] == [
        "The physical volcanology of the 1600 eruption of Huaynaputina, southern Peru",
        "Skizze zur Auslegungsgeschichte der Bücher Prouerbia und Ecclesiastes in der abendländischen Kirche",
        "Samuel Presbiter: Notes from the school of William de Montibus. Collecta ex diuersis auditis in scola "
        "magistri Willelmi de Monte",
        "The Gospel according to St. Matthew, from the St. Germain ms. (g1), now numbered Lat. 11553 in the "
        "National Library at Paris",
    ]
    assert [len(p.authors) for p in papers] == [7, 1, 1, 0]  # the last has only an editor


@pytest.mark.realdata
def test_real_ordering_export() -> None:
    papers = read_csl(REAL / ORDERING)
    assert len(papers) == 26 and all(p.published and p.authors for p in papers)
    assert sum(1 for p in papers if p.doi) == 15
    assert papers[3].authors == ["Court of Arbitration for Sport"]  # a literal name


@pytest.mark.realdata
@pytest.mark.parametrize("name", [ZOTERO, DATES, RICH, ORDERING])
def test_real_items_come_back_from_to_csl(name: str) -> None:
    items = json.loads((REAL / name).read_text(encoding="utf-8"))
    papers = read_csl(REAL / name)
    assert len(papers) == len(items)
    for item, paper in zip(items, papers, strict=True):
        out = paper.to_csl()
        assert {k: out.get(k) for k in item} == item


def test_author_given_as_one_string_keeps_the_record() -> None:
    """Hand-written CSL-JSON puts all authors in one string; the record is read, not skipped (walkthrough)."""
    items = [
        {"id": "one", "type": "article", "title": "One Author", "author": "Müller, Zoë"},
        {"id": "two", "type": "article", "title": "Two Authors", "author": "Müller, Zoë; Okafor, Ada B."},
        {"id": "and", "type": "article", "title": "Joined With And", "author": "Zoë Müller and Ada Okafor"},
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing skipped, nothing to warn about
        papers = parse_csl(items)
    assert [p.authors for p in papers] == [
        ["Zoë Müller"],
        ["Zoë Müller", "Ada B. Okafor"],
        ["Zoë Müller", "Ada Okafor"],
    ]


def test_items_keyed_by_id_are_detected_and_read_with_their_keys(tmp_path: Path) -> None:
    path = CSL / "keyed-by-id.json"
    assert detect_format(path) == "csl"
    with pytest.warns(PartialImportWarning, match=r"record 3 \('vale2020untitled'\): expected a 'title'"):
        papers = paperlab.load(path)
    assert [(p.title, p.authors, p.extra["csl"]["id"]) for p in papers] == [
        ("Items Keyed by Their Own Ids", ["Ada Quill", "Dora Okafor"], "quill2019tagged"),
        ("An Item That Names Its Id Twice", ["Saga Lund"], "lund2021inside"),
    ]
    first, second = papers
    assert (first.doi, first.journal_ref, first.published) == (
        "10.5555/keyed.2019.1",
        "Journal of Imaginary Exports",
        dt.date(2019, 6, 1),
    )
    assert second.arxiv_id == "2101.00001" and second.extra["date_precision"] == "year"
    back = read_csl(write_csl(list(papers), tmp_path / "out.csl.json"))
    assert [p.to_csl()["id"] for p in back] == ["quill2019tagged", "lund2021inside"]
