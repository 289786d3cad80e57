"""BibTeX/biblatex as reference managers write it (session 13, helper IM8): biblatex's extended name format,
editor-only books, a DOI Zotero writes into a note or Extra, Zotero's web ``abstractNote``.

Each test reads one of our own small files in tests/data/import_s13_im8/ and checks what a user sees.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab import Paper
from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex

DATA = Path(__file__).parent / "data" / "import_s13_im8"


def _load(name: str) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no entry of these files is bad: nothing may be reported lost
        return {p.title: p for p in paperlab.load(DATA / name)}


def test_biblatex_extended_names_are_persons() -> None:
    papers = _load("biblatex_extended_names.bib")
    assert papers["Ontologies for Knowledge Work"].authors == ["Andreas Abecker", "Ludger van Elst"]
    # braced values, any order, spaces around "=", initials (giveni) and a suffix
    assert papers["Names in Many Parts"].authors == ["Ana María De la Cruz", "Martin King Jr."]


def test_an_extended_name_is_written_back_as_a_plain_bibtex_name() -> None:
    paper = _load("biblatex_extended_names.bib")["Names in Many Parts"]
    text = library_to_bibtex([paper])
    assert "De la Cruz, Ana María" in text and "family=" not in text
    assert parse_bibtex(text)[0].authors == paper.authors


def test_an_editor_only_book_names_its_editors_as_editors() -> None:
    book = _load("biblatex_extended_names.bib")["Agent-Based Social Simulation"]
    assert book.authors == []  # nobody wrote it: the editors are not made its authors
    assert book.extra["editors"] == ["Diana Francisca Adamatti", "Graçaliz Pereira Dimuro", "Helder Coelho"]
    assert "Diana Francisca Adamatti, Graçaliz Pereira Dimuro, Helder Coelho (eds.)" in book.to_markdown()


def test_a_doi_labelled_in_a_note_or_extra_is_the_doi() -> None:
    papers = _load("zotero_note_doi.bib")
    assert papers["Affective Interfaces: Fundamentals"].doi == "10.5555/9781118.ch13"
    assert papers["Counting Birds by Sound"].doi == "10.5555/birds.2021.4"
    assert papers["A Reply"].doi is None  # a DOI without the label may be another paper's


def test_zotero_web_abstract_note_is_the_abstract() -> None:
    paper = _load("zotero_web_abstractnote.bib")["Comparing Load Testing Tools"]
    assert paper.abstract == "We compare four tools & report their costs."
    assert paper.doi == "10.5555/jcs.2020.9"
    again = parse_bibtex(library_to_bibtex([paper]))[0]  # written back once, as the abstract
    assert again.abstract == paper.abstract
    assert "abstractnote" not in library_to_bibtex([paper]).lower()


def test_a_csl_note_labelling_the_doi_gives_it_and_a_preprint_doi_does_not() -> None:
    papers = _load("csl_note_doi.json")
    assert papers["Counting Birds by Sound"].doi == "10.5555/birds.2021.4"
    assert papers["Seeds and their colours"].doi is None  # "Preprint DOI: …" names another work


def test_a_family_name_followed_by_initials_is_turned_round() -> None:
    papers = _load("family_then_initials.bib")  # "Balakrishnan H.": BibTeX alone would make "H." the family name
    assert papers["Flooding the Marsh"].authors == ["L. Zhao", "G. Liu", "J. Chen", "H. Balakrishnan", "A.B. Quill"]
    assert papers["Names That Stay"].authors == ["Malcolm X", "Harbour Trust B.", "Ada Quill"]


def test_han_names_in_three_comma_parts_or_more_are_one_person_each() -> None:
    papers = _load("han_names_bibtex.bib")
    assert papers["低照度图像增强算法"].authors == ["贾洪博", "石蕴玉", "刘翔", "赵静文"]
    # "Family, Given" and "Family Given" stay one person each
    assert papers["家族名と名前"].authors == ["星野美咲", "山本一郎"]
    assert papers["家族名と名前"].doi == "10.5555/names.2020.1"  # labelled in howpublished


def test_an_abstract_field_saying_there_is_none_is_no_abstract() -> None:
    text = (
        "@techreport{a, title={Graph Metrics}, author={Quill, Ada}, year={2019}, abstractNote={Abstract not provided.}}\n"
        "@misc{b, title={Tide Tables}, author={Okafor, Dora}, abstract={No abstract available}}\n"
        "@misc{c, title={Abstract Classes}, author={Berg, Hanna}, abstract={No abstract methods are needed here.}}\n"
    )
    papers = {p.title: p for p in parse_bibtex(text)}
    assert papers["Graph Metrics"].abstract is None and papers["Tide Tables"].abstract is None
    assert papers["Abstract Classes"].abstract == "No abstract methods are needed here."
