"""Quirks of real BibTeX, RIS and CSL-JSON exports that the importers had not been tuned for.

Each was found by benchmarks/bench_import_sweep.py on public files of the development split (reference
managers, databases, personal web sites); the test files in tests/data/ reproduce each quirk with made-up
records. What a user sees: every author a separate person, the month the file gives, a DOI that is a DOI (or
none), and an error that says why a record or a file gave no paper.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import DATA

import paperlab
from paperlab.dates import month_number
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.identifiers import find_doi
from paperlab.sources import detect_format
from paperlab.sources.bibtex import parse_bibtex, read_bibtex
from paperlab.sources.bibtex.fields import split_name_list
from paperlab.sources.csl import parse_csl
from paperlab.sources.openalex import parse_openalex
from paperlab.sources.ris import parse_ris, read_ris
from paperlab.sources.wos import parse_wos
from paperlab.sources.zotero_json import parse_zotero_json

BIB = DATA / "bibtex"


def _bib_papers() -> dict[str, paperlab.Paper]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = read_bibtex(BIB / "sweep-quirks.bib")
    skipped = [w.message for w in caught if isinstance(w.message, PartialImportWarning)]
    assert len(skipped) == 1 and len(skipped[0].problems) == 1  # the orphan: no title, its parent missing
    return {p.extra["bibtex_key"]: p for p in papers}


def test_authors_separated_by_commas_are_each_a_person() -> None:
    papers = _bib_papers()
    assert papers["commas2019"].authors == ["Ada Quill", "Bruno de Vries", "Chen Mei Ling", "Dora Okafor"]
    assert papers["suffix1950"].authors == ["Martin Oakes Jr."]  # "Family, Jr, Given" is one name
    assert split_name_list("Lovelace, Ada") == ["Lovelace, Ada"]  # "Family, Given" is one name


def test_names_after_and_that_start_with_an_accent_or_a_language_macro_keep_it() -> None:
    authors = _bib_papers()["accents2018"].authors
    assert authors == ["Dora Okafor", "Élodie Marchand", "Šimon Novak", "Анна Петрова"]


def test_text_in_an_mbox_is_kept() -> None:
    assert _bib_papers()["mbox2004"].title == "Evaluation for lambda^-2 and Friends"  # was "lambda^ and Friends"


def test_bib_files_in_windows_1252_utf16_or_a_declared_encoding_read_their_accents(tmp_path: Path) -> None:
    entry = "@book{k, title = {\u201cQuoted\u201d Caf\u00e9 \u2013 Notes}, author = {M\u00fcller, J\u00fcrgen}, year = {1999}}\n"
    want = ("\u201cQuoted\u201d Caf\u00e9 \u2013 Notes", ["J\u00fcrgen M\u00fcller"])
    files = {
        "windows.bib": entry.encode("cp1252"),  # an editor on Windows, no header
        "jabref.bib": ("% This file was created with JabRef 2.6.\n% Encoding: Cp1252\n\n" + entry).encode("cp1252"),
        "utf16.bib": entry.encode("utf-16"),  # with its byte-order mark
        "latin1.bib": ("% Encoding: ISO8859_1\n" + entry.replace("\u201c", '"').replace("\u201d", '"'))
        .replace("\u2013", "-")
        .encode("latin-1"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        (paper,) = read_bibtex(tmp_path / name)
        expected = want if name != "latin1.bib" else ('"Quoted" Caf\u00e9 - Notes', want[1])
        assert (paper.title, paper.authors) == expected, name


def test_month_names_without_a_bibtex_macro_keep_the_month() -> None:
    paper = _bib_papers()["september2008"]
    assert paper.published == dt.date(2008, 9, 1)
    assert paper.extra["date_precision"] == "month"
    assert [month_number(v) for v in ("Sept", "June", "aug.", "12", 7, "Spring", "")] == [9, 6, 8, 12, 7, None, None]
    assert [month_number(v) for v in ("oct-nov", "October--November", "March 15")] == [None, None, 3]


def test_doi_fields_give_the_doi_they_hold_or_none() -> None:
    papers = _bib_papers()
    assert papers["publisherurl2004"].doi == "10.5555/RES.2004.47"
    assert papers["citationdoi2019"].doi == "10.5555/3314221.3314600"
    assert papers["nodoi2001"].doi is None
    assert papers["sici1999"].doi == "10.5555/(SICI)1234-5678(199903)29:3<219::AID-XYZ230>3.0.CO;2-0"
    assert find_doi("see https://doi.org/10.1234/abc.5.") == "10.1234/abc.5"


def test_self_defined_ordinal_macros_read_as_ordinals() -> None:
    venue = _bib_papers()["ordinal2021"].journal_ref
    assert venue == "Proceedings of the 9th Workshop on Odd Macros and the 22nd Meeting"


def test_entry_whose_crossref_parent_is_missing_says_so() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        read_bibtex(BIB / "sweep-quirks.bib")
    (problem,) = caught[0].message.problems  # type: ignore[union-attr]
    assert problem.where.startswith("entry 'orphan2020'")
    assert "expected a 'title' field (its crossref 'proceedings-not-here' is not in this file" in problem.message
    with pytest.raises(ParseError, match="crossref 'gone' is not in this file"):
        parse_bibtex("@inproceedings{k, crossref = {gone}}")


def test_file_of_string_abbreviations_only_is_an_error_that_says_so(tmp_path: Path) -> None:
    path = tmp_path / "abbrev.bib"  # journal abbreviations kept apart from the entries that use them
    path.write_text('@String{j-odd = "Journal of Odd Months"}\n@STRING{inst = {Example Institute}}\n')
    with pytest.raises(ParseError, match=r"only 2 @string abbreviation\(s\)") as err:
        paperlab.load(path)
    assert "abbrev.bib" in str(err.value)


# -- RIS and Web of Science -------------------------------------------------------------------

RIS = DATA / "ris"


def test_conference_papers_and_chapters_take_their_venue_from_the_book_title() -> None:
    papers = read_ris(RIS / "conference-bt.ris")
    assert [p.journal_ref for p in papers] == [
        "Proceedings of the Imaginary Conference on Tagged Formats",
        "Advances in Made-Up Research",
        None,  # a whole book has no venue
    ]


def _check_wos(papers: list[paperlab.Paper]) -> None:
    first, second = papers
    assert first.title == "Tagged Records From a Citation Index, With a Title That Runs Over Two Lines"
    assert first.authors == ["Ada Quill", "Bruno de Vries"]  # the full names (AF), given name first
    assert first.journal_ref == "JOURNAL OF MADE-UP INDEXES"
    assert (first.published, first.doi) == (dt.date(2015, 11, 15), "10.5555/jmi.2015.0101")
    assert first.abstract == "A made-up abstract of one sentence."
    assert first.keywords == ["citation index", "tagged export"]
    assert first.extra["wos"] == {
        "volume": "12",
        "issue": "3",
        "start_page": "101",
        "end_page": "117",
        "accession_number": "WOS:000000000000001",
    }
    assert (second.published, second.extra["date_precision"]) == (dt.date(2012, 1, 1), "year")
    assert second.authors == ["D Okafor"]


def test_web_of_science_plain_text_export_is_read_and_names_the_record_it_skips(tmp_path: Path) -> None:
    path = RIS / "wos-plain.txt"
    assert detect_format(path) == "wos"
    with pytest.warns(PartialImportWarning) as caught:
        papers = list(paperlab.load(path))
    (problem,) = caught[0].message.problems  # type: ignore[union-attr]
    assert (problem.where, problem.message) == ("record 3, line 38", "expected a title ('TI ')")
    _check_wos(papers)
    # the same export saved as .ris (a common mistake) is read as what it is
    named_ris = tmp_path / "savedrecs.ris"
    named_ris.write_bytes(path.read_bytes())
    with pytest.warns(PartialImportWarning):
        _check_wos(read_ris(named_ris))


def test_text_that_is_neither_ris_nor_web_of_science_is_still_refused() -> None:
    with pytest.raises(ParseError, match="no RIS records found"):
        parse_ris("AU Someone\nTI Not a record\n")
    with pytest.raises(ParseError, match="no Web of Science records found"):
        parse_wos("FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="PTAUIERFNSOYDBE \n\t-0123456789,.abc\u00e9", max_size=400))
def test_web_of_science_reader_raises_only_parse_errors(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        try:
            papers = parse_wos("PT J\n" + text)
        except ParseError:
            return
    assert all(p.title for p in papers)


# -- CSL-JSON ---------------------------------------------------------------------------------


def test_csl_names_written_as_family_comma_given_strings_are_turned_round() -> None:
    papers = paperlab.load(DATA / "csl" / "string-names.json")
    assert [p.authors for p in papers] == [["Ada Quill", "Bruno de Vries"], ["Dora Okafor Jr."], ["Example Institute"]]


def test_bibtex_entry_with_a_field_given_twice_is_read_with_the_first_value() -> None:
    # Scopus writes one funding_details field per funder; BibTeX keeps the first of a repeated field
    text = """@ARTICLE{Quill2020,
author={Quill, A. and Okafor, D.},
title={A Made-up Article with Two Funders},
journal={Journal of Examples},
year={2020},
funding_details={First Example Foundation, 123},
funding_details={Second Example Council},
funding_text 1={Funded by both.},
source={Scopus},
}
@ARTICLE{Vale2021, title={Another}, year={2021}, note={a}, note={b}}
"""
    with warnings.catch_warnings():
        warnings.simplefilter("error", PartialImportWarning)  # nothing is skipped
        first, second = parse_bibtex(text)
    assert (first.title, first.authors, first.journal_ref) == (
        "A Made-up Article with Two Funders",
        ["A. Quill", "D. Okafor"],
        "Journal of Examples",
    )
    assert first.extra["bibtex_fields"]["funding_details"] == "First Example Foundation, 123"
    assert (second.title, second.comment) == ("Another", "a")


# -- markup in titles; Zotero's own JSON --------------------------------------------------------


def test_crossref_markup_in_openalex_and_ris_titles_is_made_plain() -> None:
    work = {
        "id": "https://openalex.org/W1",
        "display_name": "Lung cancer with <i>EGFR</i> mutations",
        "authorships": [],
    }
    assert parse_openalex(work)[0].title == "Lung cancer with EGFR mutations"
    ris = (
        "TY  - JOUR\nTI  - Thin films on In <sub>0.18</sub> Ga <sub>0.82</sub> As and a <scp>Bold</scp> word\nER  - \n"
    )
    assert parse_ris(ris)[0].title == "Thin films on In 0.18 Ga 0.82 As and a Bold word"
    # a '<' that opens no tag stays
    assert parse_ris("TY  - JOUR\nTI  - When p < 0.05 and q > 1\nER  - \n")[0].title == "When p < 0.05 and q > 1"


def test_better_bibtex_json_export_is_read_as_papers() -> None:
    path = DATA / "zotero" / "bbt-export.json"
    assert detect_format(path) == "zotero_json"
    with pytest.warns(PartialImportWarning) as caught:
        papers = list(paperlab.load(path))
    (problem,) = caught[0].message.problems  # type: ignore[union-attr]
    assert problem.where == "record 4 ('EEEE5555')" and "title" in problem.message  # the note is no record at all
    by_key = {p.extra["csl"]["id"]: p for p in papers}  # the citation key, else Zotero's item key
    tidal, workshop, preprint = by_key["okafor2021tidal"], by_key["lind2019"], by_key["CCCC3333"]
    assert tidal.title == "Tidal mixing in shallow estuaries"
    assert tidal.authors == ["Ada N. Okafor", "Piet van der Berg"]  # the translator is not an author
    assert (tidal.published, tidal.date_precision) == (dt.date(2021, 3, 15), "day")
    assert (tidal.journal_ref, tidal.doi, tidal.keywords) == (
        "Journal of Made-up Oceanography",
        "10.5555/jmo.2021.0012",
        ["estuaries", "mixing"],
    )
    assert tidal.sources[0].name == "zotero"
    csl = tidal.to_csl()
    assert (csl["id"], csl["type"], csl["volume"], csl["issue"], csl["page"]) == (
        "okafor2021tidal",
        "article-journal",
        "12",
        "3",
        "101–118",
    )
    assert workshop.authors == ["The Estuary Consortium"]  # the editor is kept in the CSL item, not as an author
    assert (workshop.published, workshop.date_precision) == (dt.date(2019, 3, 1), "month")  # "March 2019"
    assert workshop.journal_ref == "Proceedings of the Imaginary Workshop"
    assert workshop.extra["csl"]["editor"] == [{"family": "Lind", "given": "Mia"}]
    assert (preprint.arxiv_id, preprint.doi) == ("2401.01234", "10.48550/arXiv.2401.01234")


def test_zotero_web_api_items_are_read_and_attachments_left_out() -> None:
    (chapter,) = paperlab.load(DATA / "zotero" / "web-api-items.json")
    assert (chapter.title, chapter.authors, chapter.journal_ref) == (
        "A chapter from the web API",
        ["Sam Rivera"],
        "An Edited Volume",
    )
    assert (chapter.published, chapter.date_precision) == (dt.date(2018, 11, 1), "month")
    assert chapter.to_csl()["publisher"] == "Nowhere Press"
    with pytest.raises(ParseError, match="no Zotero items other than notes and attachments"):
        parse_zotero_json([{"itemType": "note", "creators": []}])
    with pytest.raises(ParseError, match="expected Zotero JSON"):
        parse_zotero_json({"items": [{"title": "not Zotero"}]})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["title", "date", "creators", "tags", "DOI", "extra", "pages", "publicationTitle", "data"]),
        st.one_of(
            st.none(),
            st.integers(),
            st.text(max_size=20),
            st.lists(
                st.one_of(st.text(max_size=5), st.dictionaries(st.text(max_size=9), st.text(max_size=9))), max_size=3
            ),
        ),
    )
)
def test_zotero_reader_raises_only_parse_errors(fields: dict[str, object]) -> None:
    item = {"itemType": "journalArticle", "creators": [], **fields}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        try:
            papers = parse_zotero_json([item])
        except ParseError:
            return
    assert all(p.title for p in papers)


def test_mendeley_ris_month_name_and_crossref_work_dates_are_read() -> None:
    ris = "TY  - JOUR\nAU  - Quill, Ada\nPY  - 1991/aug/\nTI  - A made-up record dated as Mendeley writes it\nER  - \n"
    (paper,) = parse_ris(ris)
    assert (paper.published, paper.date_precision) == (dt.date(1991, 8, 1), "month")
    (paper,) = parse_ris(ris.replace("1991/aug/", "1991/Spring/"))
    assert (paper.published, paper.date_precision) == (dt.date(1991, 1, 1), "year")
    # a work saved from the Crossref API: no 'issued', its print date instead
    work = {
        "type": "journal-article",
        "title": "A Made-up Work from Crossref",
        "DOI": "10.5555/made-up",
        "published-print": {"date-parts": [[1964, 10]]},
        "author": [{"given": "Ada", "family": "Quill", "sequence": "first", "affiliation": []}],
        "URL": None,
    }
    (paper,) = parse_csl(work)
    assert (paper.published, paper.date_precision, paper.authors) == (dt.date(1964, 10, 1), "month", ["Ada Quill"])
    assert paper.to_csl()["published-print"] == {"date-parts": [[1964, 10]]}


def test_ris_abstract_markup_from_web_pages_and_crossref_is_made_plain() -> None:
    ris = (
        "TY  - ELEC\nTI  - A made-up documentation page\nAB  - <p>Trains made-up networks,\n"
        "without weights (Quill, 1994).</p>\nER  - \n"
        "TY  - JOUR\nTI  - A made-up article\nAB  - <jats:title>Abstract</jats:title><jats:p>We show that "
        "<jats:italic>x</jats:italic> < 3 in 12% of cases.</jats:p>\nER  - \n"
    )
    page, article = parse_ris(ris)
    assert page.abstract == "Trains made-up networks, without weights (Quill, 1994)."
    assert article.abstract == "We show that x < 3 in 12% of cases."  # the leading "Abstract" heading dropped
