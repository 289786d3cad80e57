"""RIS as exporters write it beside the specification (session 13, helper IM8): records with no ``TY`` line, a tag
glued onto another tag's line, tags after spaces, numbered records, a DOI only in a Scopus record link.

Each test reads one of our own small files in tests/data/import_s13_im8/ and checks what a user sees.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab import Paper
from paperlab.sources.ris import parse_ris, ris_text

DATA = Path(__file__).parent / "data" / "import_s13_im8"


def _load(name: str) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no record of these files is bad: nothing may be reported lost
        return {p.title: p for p in paperlab.load(DATA / name)}


def test_records_without_a_type_line_are_read_whole() -> None:
    papers = _load("scopus_no_type.ris")  # Scopus: TI first, no TY at all, CRLF line ends
    assert list(papers) == ["Heat pumps in old terraced houses", "Ventilation without ducts"]
    heat = papers["Heat pumps in old terraced houses"]
    assert heat.authors == ["A. Quill", "D.M. Okafor"]
    assert heat.published is not None and heat.published.year == 2021
    assert heat.abstract == "We measure heat pumps."
    assert heat.extra["ris"]["type"] == "GEN"  # the type the record did not name: RIS's generic one
    assert papers["Ventilation without ducts"].authors == ["B. Lindqvist"]


def test_a_doi_only_in_a_scopus_record_link_is_the_doi() -> None:
    heat = _load("scopus_no_type.ris")["Heat pumps in old terraced houses"]
    assert heat.doi == "10.5555/heat.2021.7"  # "&doi=10.5555%2fheat.2021.7&" decoded


def test_an_untyped_record_after_a_typed_one_is_read_too() -> None:
    papers = _load("mixed_type_lines.ris")
    assert sorted(papers) == ["A record its exporter left untyped", "Sorting seeds by colour"]
    assert papers["A record its exporter left untyped"].keywords == ["untyped"]
    assert papers["Sorting seeds by colour"].extra["ris"]["type"] == "JOUR"


def test_a_tag_glued_onto_another_line_is_its_own_value() -> None:
    papers = _load("ebsco_glued.ris")
    bees = papers["Beekeeping on city roofs"]
    assert bees.url == "http://search.example.org/login.aspx?direct=true&db=x&AN=123"
    assert bees.extra["ris"]["volume"] == "12"
    assert bees.extra["ris"]["issue"] == "2"
    assert bees.extra["ris"]["original_publication"].startswith("Urban Ecology Review")
    lines = ris_text([bees]).splitlines()  # written back on its own line, the link without it
    assert "OP  - Urban Ecology Review. Mar 2016, Vol. 12, p40, 6 p." in lines
    assert not any(" OP  - " in line for line in lines)
    assert "Dash - a title with a spaced hyphen" in papers  # no known tag after "  - ": the title's words kept


def test_indented_tags_and_numbered_records_are_read() -> None:
    papers = _load("numbered_indented.ris")  # a byte-order mark, "1." before each record, tags after spaces
    assert sorted(papers) == ["A second numbered record", "Indented tags from a copied page"]
    first = papers["Indented tags from a copied page"]
    assert first.authors == ["Paola Rossi"]
    assert first.published is not None and first.published.isoformat() == "2022-11-03"  # "2022/11/03/undefined"
    assert first.keywords == ["spaced keyword"]


def test_records_with_neither_type_nor_end_lines_are_read_between_blank_lines() -> None:
    import pytest

    from paperlab.errors import ParseError

    text = "TI  - A title\r\nAU  - Quill, Ada\r\n\r\n\r\nT1  - Another\r\nA1  - Okafor, D\r\nPY  - 2020\r\n"
    papers = parse_ris(text)
    assert [(p.title, p.authors) for p in papers] == [("A title", ["Ada Quill"]), ("Another", ["D Okafor"])]
    with pytest.raises(ParseError, match="no RIS records"):  # tag lines naming no title: no record
        parse_ris("AU  - Quill, Ada\nPY  - 2020\n")
    medline = "PMID- 30000001\nTI  - A title\nFAU - Quill, Ada\nAU  - Quill A\nAID - 10.5555/x.1 [doi]\n"
    with pytest.raises(ParseError, match="no RIS records"):  # PubMed's MEDLINE format: not read as RIS
        parse_ris(medline)


def test_a_whole_apa_reference_in_a_title_is_read_into_its_parts() -> None:
    papers = _load("apa_in_title.ris")
    moths = papers["Counting moths by lamplight: A field method"]
    assert moths.authors == ["A. B. Quill", "D. Okafor", "J.-P. van der Berg"]
    assert moths.published is not None and moths.published.year == 2018
    assert moths.journal_ref == "Journal of Night Studies"  # volume, issue and pages in their own fields (IM9, s14)
    ris = moths.extra["ris"]
    assert (ris["volume"], ris["issue"], ris["start_page"], ris["end_page"]) == ("12", "3", "45", "67")
    assert moths.doi == "10.5555/moths.2018.12"
    rivers = papers["Do rivers remember?"]  # a date with its day, a title ending in "?", a publisher
    assert rivers.authors == ["B. Lindqvist"] and rivers.published is not None and rivers.published.year == 2020
    tides = papers["Tide tables for small boats"]  # a group author, no date, a link
    assert tides.authors == ["Harbour Trust"] and tides.published is None
    assert tides.url == "https://example.org/tides"


def test_a_title_not_shaped_as_a_whole_reference_stays_as_written() -> None:
    papers = _load("apa_in_title.ris")
    assert "Reading notes (2019). Things to read next. Our group" in papers  # "Reading notes" is no author list
    assert papers["Achebe, N. (2021). A title that only looks like a reference"].authors == ["Ngozi Achebe"]
    assert "Keep clear of the nettles – Causes rashes, itching, swelling" in papers


def test_vancouver_names_with_dotted_initials_are_turned() -> None:
    papers = _load("embase_dotted.ris")  # Embase: "Adler D.G."
    assert papers["Cysts of the marsh heron"].authors == ["D.A. Okafor", "A. Quill", "B.C. Lindqvist-Berg"]
    assert papers["Herons in capitals"].authors == ["Ada B. Quill", "D. Okafor"]
    assert "AU  - Okafor, D.A." in ris_text([papers["Cysts of the marsh heron"]]).splitlines()
