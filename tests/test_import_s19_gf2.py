"""Session 19 (GF2): importers read what a file gives rather than refuse it (issue 12).

Our own made-up files under tests/data/import_s19/, in the shapes the session-18 blind round found read wrong: a JSON
object keyed by paper titles (values: listing dates), one keyed by DOI links, authors given as integer ids beside a
BibTeX string in a ``citations`` object, a DOI under ``doiLink``, a venue and DOI only inside a ``bib`` string, CSL
``{"family": "o.V."}`` (no author) and ``{"family": "Quill, A."}``, and a BibTeX accent that lost its backslash.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError

DATA = Path(__file__).parent / "data" / "import_s19"


def _load(name: str) -> tuple[list[paperlab.Paper], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = list(paperlab.load(DATA / name))
    return papers, [str(w.message) for w in caught]


def test_an_object_keyed_by_paper_titles_reads_each_key_as_a_paper_dated_by_its_value() -> None:
    papers, _ = _load("title_keyed_dates.json")
    assert [(p.title, str(p.published)) for p in papers] == [
        ("Folding Widgets for Sparse Paper Actuators", "2024-03-02"),
        ("Crease Memory in Thin Sheets: a Survey", "2024-03-02"),
        ("Learning to Fold with Few Examples", "2024-03-03"),
    ]
    assert all(not p.authors for p in papers)  # nothing invented


def test_an_object_whose_keys_and_values_read_as_no_paper_is_still_refused_with_what_was_expected() -> None:
    with pytest.raises(ParseError) as caught:
        paperlab.load(DATA / "not_papers_phrasebook.json")
    message = str(caught.value)
    assert "not_papers_phrasebook.json" in message and "expected" in message and "title" in message


def test_an_object_keyed_by_doi_links_gives_each_record_its_doi_whole() -> None:
    papers, _ = _load("doi_keyed_labels.json")
    assert {p.title: p.doi for p in papers} == {
        "Folding Widgets in Paper Sheets": "10.5555/1520-0469(1999)056<4100:FWPS>2.0.CO;2",
        "Crease Memory of Thin Sheets": "10.5555/crease.2021.7",
    }


def test_integer_author_ids_are_no_names_and_a_bibtex_string_fills_what_the_record_lacks() -> None:
    papers, messages = _load("integer_author_ids_bibtex.json")
    first, second = papers
    assert [str(a) for a in first.authors] == ["Ada Quill", "Dele Okafor"]  # from the BibTeX string, not "1", "7"
    assert first.doi == "10.5555/jws.2025.12" and first.journal_ref == "Journal of Widget Studies"
    assert not second.authors
    said = [m for m in messages if "as numbers" in m]
    assert len(said) == 1 and "item 1, item 2" in said[0] and "integer_author_ids_bibtex.json" in said[0]


def test_a_doi_under_a_key_naming_it_and_a_venue_inside_a_bib_string_are_read() -> None:
    papers, _ = _load("survey_links_and_bib.json")
    survey, crease = papers
    assert survey.doi == "10.5555/jws.933.47"
    assert survey.journal_ref == "Journal of Widget Studies"  # "…, 933, 47": its volume and page kept apart
    assert survey.extra["csl"] == {"volume": "933", "page": "47"}
    assert [str(a) for a in survey.authors] == ["Ada Quill", "Bo Dale", "Cy Renn"]
    assert crease.journal_ref == "Proceedings of the Widget Conference"
    assert crease.doi == "10.5555/wc.2019.1"
    assert crease.url == "https://widgets.example.org/okafor2019"  # the record's own link stands


def test_csl_no_author_placeholders_are_dropped_and_a_family_holding_initials_is_one_person() -> None:
    papers, _ = _load("german_placeholder_authors.csl.json")
    assert {p.title: [str(a) for a in p.authors] for p in papers} == {
        "Verordnung über gefaltete Papierwaren": [],
        "Faltungen im Papierhandwerk": ["A. Quill"],
        "Aktuelles zur Faltverordnung": [],
    }
    assert str(papers[0].published) == "2017-01-01"


def test_a_bibtex_accent_that_lost_its_backslash_reads_as_the_accent() -> None:
    (paper,), _ = _load("broken_accents.bib")
    assert [str(a) for a in paper.authors] == ["Stéfan Quill", "Dele Río", "José Renn"]
    assert paper.published is not None and paper.published.year == 2006
