"""Importer field faults seen on the burned fresh rounds of sessions 7-9 (issue 12, session 10 helper IM2).

Each test reads one of our own small files in tests/data/ (invented records, written for these tests) and
checks what a user sees: the authors, the venue, and what the BibTeX, RIS and CSL exports write.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab import Paper
from paperlab.names import first_author, is_placeholder_name
from paperlab.sources.bibtex import parse_bibtex
from paperlab.sources.csl import write_csl
from paperlab.sources.ris import read_ris, write_ris
from paperlab.venues import parse_venue

DATA = Path(__file__).parent / "data"
BIB = DATA / "bibtex" / "s10-name-macros-venues.bib"
RIS = DATA / "ris" / "s10-sponsor-and-groups.ris"
ZOTERO = DATA / "zotero" / "s10-unknown-creators.json"


def _load(path: Path) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {p.title: p for p in paperlab.load(path)}


# -- 4. LaTeX letters in BibTeX names ---------------------------------------------------------------------------


def test_a_bare_dotless_i_is_an_i_unless_the_word_is_turkish() -> None:
    """Google Scholar writes ``C{\\i}cero`` for an i whose accent it lost; Turkish writes ``Y{\\i}lmaz``."""
    paper = _load(BIB)["Counting Lantern Flickers with Small Recurrent Nets"]
    assert paper.authors == [
        "Maira Lobo",  # Ma{\i}ra: two vowels in a row, no Turkish word
        "Javier Santíago",  # Jav{\i}er: a front vowel beside it; Sant{\'\i}ago: an accented i
        "Cicero Prado",
        "Deniz Yılmaz",  # Y{\i}lmaz: back vowels only, Turkish
        "Ozan Kınalı",
        "Barış Aksoy",  # Bar{\i}{\c{s}}: ş is a Turkish letter
        "Lucía García",
        "Piotr Łowicz",
        "Ingør Sørby",
        "Greta Weiß",
        "Nils Åberg",
    ]


def test_dotless_i_in_a_title_and_an_accented_dotless_i() -> None:
    (paper,) = parse_bibtex(
        "@article{k, title = {Mar{\\'\\i}a and the {\\i}nlet of K{\\i}z{\\i}lada}, author = {Ru{\\'{\\i}}z, In{\\^\\i}s},"
        " year = 2020}"
    )
    assert paper.title == "María and the inlet of Kızılada"
    assert paper.authors == ["Inîs Ruíz"]


# -- 5. venues that name a preprint server or a date -------------------------------------------------------------


@pytest.mark.parametrize(
    ("journal", "venue"),
    [
        ("arXiv, NeurIPS", "NeurIPS"),  # the server named before the venue
        ("medRxiv; The Lancet", "The Lancet"),
        ("bioRxiv, 2023", "bioRxiv"),  # a year is no part of the venue; the server alone is where it is
        ("SSRN, Oct. 2020", "SSRN"),
        ("arXiv: Computation and Language", None),  # the server's subject, no venue
        ("arXiv: NeurIPS 2023", "NeurIPS 2023"),
        ("Forbes, October", "Forbes"),
        ("Nature, March 2020", "Nature"),
        ("Phys.Rev.D76:013009,2007", "Phys.Rev.D76:013009,2007"),  # a citation with its numbers stays as given
        ("Proceedings of A, Harbour Town, 2019", "Proceedings of A, Harbour Town, 2019"),
    ],
)
def test_a_venue_without_the_preprint_server_or_the_date_beside_it(journal: str, venue: str | None) -> None:
    assert parse_venue(None, journal) == venue


def test_venues_read_from_bibtex() -> None:
    papers = _load(BIB)
    assert papers["Counting Lantern Flickers with Small Recurrent Nets"].venue == "NeurIPS"
    assert papers["Tide Gauges Read by Hand: A Century of Logbooks"].venue == "bioRxiv"
    assert papers["Grammar Induction for Ship Manifests"].venue is None
    assert papers["What the Harbour Ledger Forgot"].venue == "Forbes"
    # the journal field itself is kept as written, for the export
    assert papers["What the Harbour Ledger Forgot"].journal_ref == "Forbes, October"


# -- 3. placeholder authors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Unknown", "Unknown Unknown", "[No author name available]", "[Anonymous]", "Anonymous", "Anon.", "N/A"]
)
def test_placeholders_are_no_names(name: str) -> None:
    assert is_placeholder_name(name)


@pytest.mark.parametrize("name", ["Ada Unknown", "Anon Quill", "Na", "Nathalie Anonymus", "Unknownson, Ivo"])
def test_names_are_no_placeholders(name: str) -> None:
    assert not is_placeholder_name(name)


def test_a_placeholder_author_is_no_author_in_bibtex_ris_and_zotero() -> None:
    bib = _load(BIB)
    assert bib["Field Notes on Grey Seals at Low Water"].authors == []
    assert bib["Painting Buoys for Winter"].authors == ["Ivo Fenwick"]
    assert _load(RIS)["Harbour Dues Revised for the New Season"].authors == []
    zotero = _load(ZOTERO)
    assert zotero["Rope Knots a Deckhand Should Know"].authors == []
    assert zotero["Tide Tables for the Northern Quay"].authors == []
    assert zotero["Gull Counts over Ten Winters"].authors == ["Ada Quill"]


def test_a_placeholder_author_is_no_author_in_csl_and_web_of_science(tmp_path: Path) -> None:
    csl = tmp_path / "items.json"
    csl.write_text(
        json.dumps([{"type": "book", "title": "Knots", "author": [{"literal": "Unknown"}, {"family": "Dale"}]}]),
        encoding="utf-8",
    )
    assert [p.authors for p in paperlab.load(csl)] == [["Dale"]]
    wos = tmp_path / "savedrecs.txt"
    wos.write_text(
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU [Anonymous]\nTI Harbour lights\nSO HARBOUR NOTES\n"
        "PY 1999\nER\n\nEF\n",
        encoding="utf-8",
    )
    assert [p.authors for p in paperlab.load(wos)] == [[]]


# -- 1. a sponsor or group beside the authors of a RIS record ---------------------------------------------------


def test_a_ris_sponsor_is_no_co_author_and_is_written_back(tmp_path: Path) -> None:
    papers = {p.title: p for p in read_ris(RIS)}
    mooring = papers["Mooring Line Tension Estimated from Buoy Video"]
    assert mooring.authors == ["A Quill", "DM Okafor"]
    assert mooring.extra["ris"]["groups"] == ["IEEE"]
    assert papers["Workshop on Quiet Harbours"].authors == ["O Dale", "R Penhallow"]
    # authors written under A1 alone (Mendeley) stay authors, and so do organisations under AU
    assert papers["Salt Crust on Bollards"].authors == ["Tilda Marsh", "Ivo Fenwick"]
    assert papers["A Report on Lantern Fuel"].authors == ["Lantern Team", "Harbour Trust"]
    out = write_ris(list(papers.values()), tmp_path / "back.ris").read_text(encoding="utf-8")
    assert "AU  - Quill, A\nAU  - Okafor, DM\nA1  - IEEE\n" in out
    back = {p.title: p for p in read_ris(tmp_path / "back.ris")}
    assert [(p.authors, p.extra["ris"].get("groups")) for p in back.values()] == [
        (p.authors, p.extra["ris"].get("groups")) for p in papers.values()
    ]


# -- 2. a corporate author among people -------------------------------------------------------------------------


def test_a_braced_corporate_author_stays_one_name_in_every_export(tmp_path: Path) -> None:
    paper = _load(BIB)["Tide Gauges Read by Hand: A Century of Logbooks"]
    assert paper.authors == ["Ada Quill", "Nordhavn Tide Watch", "Dora Okafor"]
    assert "author = {Ada Quill and {Nordhavn Tide Watch} and Dora Okafor}" in paper.to_bibtex()
    ris = write_ris([paper], tmp_path / "out.ris").read_text(encoding="utf-8")
    assert "AU  - Nordhavn Tide Watch\n" in ris  # not "Watch, Nordhavn Tide", a person
    item = json.loads(write_csl([paper], tmp_path / "out.json").read_text(encoding="utf-8"))[0]
    assert item["author"][1] == {"literal": "Nordhavn Tide Watch"}
    for path in (tmp_path / "out.ris", tmp_path / "out.json"):
        assert [p.authors for p in paperlab.load(path)] == [paper.authors]
    assert [p.extra["names_whole"] for p in parse_bibtex(paper.to_bibtex())] == [["Nordhavn Tide Watch"]]


def test_an_organisation_is_a_csl_literal() -> None:
    item = Paper(title="Atlas of harbour tides", authors=["GTEx Consortium", "Ada Quill"]).to_csl()
    assert item["author"] == [{"literal": "GTEx Consortium"}, {"family": "Quill", "given": "Ada"}]


# -- 6. a catalogue's closing full stop on a title --------------------------------------------------------------


def test_a_titles_closing_full_stop_is_dropped_in_every_reader(tmp_path: Path) -> None:
    """MEDLINE, Embase and Ovid close every title with a full stop; an abbreviation's dot stays."""
    ris = tmp_path / "ovid.ris"
    ris.write_text(
        "TY  - JOUR\nTI  - Gull counts over ten winters: a cohort study.\nAU  - Quill, Ada\nPY  - 2019\nER  - \n\n"
        "TY  - JOUR\nTI  - Harbour dues in the U.S.\nAU  - Dale, Omar\nPY  - 2018\nER  - \n",
        encoding="utf-8",
    )
    assert [p.title for p in read_ris(ris)] == [
        "Gull counts over ten winters: a cohort study",
        "Harbour dues in the U.S.",
    ]
    csl = tmp_path / "pubmed.json"
    item = {
        "id": "q1",
        "type": "article-journal",
        "title": "Salt crust on <i>bollards</i>.",
        "issued": {"date-parts": [[2020]]},
    }
    csl.write_text(json.dumps([item]), encoding="utf-8")
    (paper,) = paperlab.load(csl)
    assert paper.title == "Salt crust on bollards"
    assert paper.to_csl()["title"] == "Salt crust on <i>bollards</i>."  # the item written back as read
    (entry,) = parse_bibtex("@article{k, title = {Buoys painted by Quill et al.}, year = 2017}")
    assert entry.title == "Buoys painted by Quill et al."
    (entry,) = parse_bibtex("@article{k, title = {Painting buoys for winter.}, year = 2017}")
    assert entry.title == "Painting buoys for winter"


def test_an_organisation_first_is_named_whole_where_a_byline_names_the_first_author() -> None:
    assert first_author(["GTEx Consortium", "Ada Quill"]) == "GTEx Consortium"  # was "Consortium"
    assert first_author(["Lantern Team"]) == "Lantern Team"
    assert first_author(["Ada Quill", "GTEx Consortium"]) == "Quill"
