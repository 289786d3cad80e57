"""Importer faults the session 11 test round left (issue 12, session 12 helper IM5).

Each test reads one of our own small files in tests/data/import_s12_im5/ (invented records in the shapes the round's
files showed) and checks what a user sees: one person per author, the DOI, nothing else of the record lost.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab import Paper
from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex
from paperlab.sources.ris import parse_ris, read_ris, ris_text

DATA = Path(__file__).parent / "data" / "import_s12_im5"


def _load(name: str) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # none of these files holds a bad record
        return {p.title: p for p in paperlab.load(DATA / name)}


# -- RIS: a PubMed-style line holding several persons -----------------------------------------------------------------


def test_a_vancouver_line_holding_several_persons_gives_one_author_each() -> None:
    papers = _load("pubmed_script.ris")
    assert papers["Lantern flicker in coastal fog: a field survey"].authors == ["DA Okafor", "A Quill", "HJ Brandt"]
    assert papers["Seed counts of the lesser meadow vetch"].authors == ["T Marlow", "JC Ferreira"]
    # a group named first, then its persons: the group as written, each person read
    assert papers["Position statement on rowing in cold water"].authors == [
        "Northern Society of Rowing Medicine",
        "KE Halvorsen",
        "M Lindqvist",
    ]
    assert papers["A single author written in the Vancouver style"].authors == ["AB Quill"]


def test_a_family_given_line_with_a_comma_stays_one_person() -> None:
    text = "TY  - JOUR\nTI  - One person\nAU  - Okafor, Dora\nAU  - Quill, A. B.\nAU  - Brandt, Hanna J.\nER  - \n"
    [paper] = parse_ris(text)
    assert paper.authors == ["Dora Okafor", "A. B. Quill", "Hanna J. Brandt"]


def test_the_persons_of_one_line_are_written_back_one_per_line() -> None:
    papers = read_ris(DATA / "pubmed_script.ris")
    written = ris_text(papers[:1])
    assert [line for line in written.splitlines() if line.startswith("AU")] == [
        "AU  - Okafor, DA",
        "AU  - Quill, A",
        "AU  - Brandt, HJ",
    ]


# -- RIS: a DOI in M3 -------------------------------------------------------------------------------------------------


def test_a_doi_in_m3_is_the_doi_when_the_record_has_no_do() -> None:
    papers = _load("refworks_m3.ris")
    harbour = papers["Harbour walls and tidal memory"]
    assert harbour.doi == "10.5555/j.coast.2006.00211.x"
    assert "type_of_work" not in harbour.extra["ris"]  # not written back twice (DO and M3)
    kind = papers["A record whose M3 is its type of work"]
    assert (kind.doi, kind.extra["ris"]["type_of_work"]) == (None, "Research article")
    both = papers["A record with both a DO and a different M3 DOI"]
    assert both.doi == "10.5555/first.2012.1"  # DO wins; M3 kept as written
    assert both.extra["ris"]["type_of_work"] == "10.5555/second.2012.2"
    assert "DO  - 10.5555/j.coast.2006.00211.x" in ris_text([harbour])


# -- BibTeX: two persons written with a comma instead of "and" -------------------------------------------------------


def test_two_given_first_names_separated_by_a_comma_are_two_persons() -> None:
    papers = _load("comma_bylines.bib")  # the file writes its names given name first
    assert papers["A Guide to Invented Intrusion Detection"].authors == ["Karin Scarfell", "Peter Mellor"]
    assert papers["Invented Network Security"].authors == ["Christos Douglass", "Dimitrios N. Serpanou"]
    assert papers["Two authors written with initials and a comma"].authors == ["A. Smithson", "B. Jonas"]
    assert papers["Comma and and together"].authors == ["A. Smithson", "B. Jonas", "C. Lee"]
    assert papers["An organisation written with a comma"].authors == ["Google Research, Brain Team"]
    assert papers["An Invented Intrusion Model"].authors == ["Dorothea Elisabeth Denning"]


def test_a_family_given_name_stays_one_person() -> None:
    papers = _load("family_first.bib")  # the file writes its names family name first
    assert papers["One person written family name first"].authors == ["Ada Lovelace", "Dora Okafor"]
    assert papers["A double family name with one given name"].authors == ["Gabriela García Marqués"]
    assert papers["A double family name with two given names"].authors == ["Ana Maria Silva Santos"]
    assert papers["A double family name with initials"].authors == ["J. C. Ferreira Santos"]
    assert papers["A family name with particles and two given names"].authors == ["Jan Pieter van der Berg"]
    assert papers["Initials first show two persons in any file"].authors == ["A. Smithson", "B. Jonas"]


def test_the_two_persons_are_written_back_with_and() -> None:
    papers = parse_bibtex((DATA / "comma_bylines.bib").read_text(encoding="utf-8"))
    text = library_to_bibtex([p for p in papers if p.title.startswith("A Guide")])
    assert "author = {Karin Scarfell and Peter Mellor}" in " ".join(text.split())


# -- home-made JSON: name objects and a French byline ----------------------------------------------------------------


def test_name_objects_under_the_usual_keys_give_their_persons() -> None:
    papers = _load("name_objects.json")
    assert papers["A real-time seed counter"].authors == ["Dora Okafor", "Ada B. Quill"]
    assert papers["Names under every usual key"].authors == [
        "Tobias Marlow",
        "Hanna Brandt",
        "João Ferreira",
        "Maja Lindqvist",
    ]
    assert papers["Lantern flicker standards"].authors == [
        "Working Group of the Invented Society of Optics and the Society of Fog"
    ]


def test_a_french_byline_joined_by_et_gives_one_person_each() -> None:
    papers = _load("name_objects.json")
    assert papers["Chroniques des îles inventées"].authors == ["Damien Benali", "Georgette Boulin", "Paul Ottavi"]
    assert papers["Anthologie inventée"].authors == ["Damien Benali", "Mona Cheikha"]
    assert papers["Rapport inventé"].authors == ["Ministère de l'Éducation et de la Recherche"]  # one body
    assert papers["Note du laboratoire"].authors == ["Laboratoire Brouillards et Lanternes"]


def test_an_organisation_named_with_and_in_one_string_stays_one_author() -> None:
    papers = _load("name_objects.json")
    assert papers["Guidance on invented lanterns"].authors == ["Department of Fog and Lantern Care"]


def test_an_anonymous_author_in_french_is_no_author() -> None:
    assert _load("name_objects.json")["Chronique sans auteur"].authors == []


# -- BibTeX: macros defined for sorting ------------------------------------------------------------------------------


def test_macros_for_sorting_print_what_latex_prints() -> None:
    [paper] = _load("sort_macros.bib").values()
    assert paper.authors == ["Zoe L. de Beurs", "Ada Quill", "D. Okafor"]


# -- BibTeX: a JabRef encoding header over UTF-8 text ----------------------------------------------------------------


def test_a_cp1252_header_over_utf8_text_reads_the_utf8(tmp_path: Path) -> None:
    entry = (
        "% This file was created with JabRef 2.10.\n% Encoding: Cp1252\n\n@book{k, title = {Brückenkurs für Ärzte}}\n"
    )
    saved_again = tmp_path / "utf8.bib"
    saved_again.write_bytes(entry.encode("utf-8"))  # the header stayed, the editor wrote UTF-8
    as_declared = tmp_path / "cp1252.bib"
    as_declared.write_bytes(entry.encode("cp1252"))
    for path in (saved_again, as_declared):
        [paper] = paperlab.load(path)
        assert paper.title == "Brückenkurs für Ärzte"


# -- RIS: a book's editors under A3 (Zotero) -------------------------------------------------------------------------


def test_a_book_naming_only_a3_persons_shows_them_as_its_editors() -> None:
    papers = _load("zotero_book_editors.ris")
    reader = papers["An invented reader on coastal fog"]
    assert (reader.authors, reader.extra["editors"]) == ([], ["Dora Okafor", "Ada Quill"])
    assert reader.byline() == "Dora Okafor, Ada Quill (eds.)"
    monograph = papers["An invented monograph with its series editor"]
    assert monograph.byline() == "Tobias Marlow" and "editors" not in monograph.extra
