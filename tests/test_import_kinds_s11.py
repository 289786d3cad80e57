"""Importer faults the session 10 test round left (issue 12, session 11 helper IM3).

Each test reads one of our own small files in tests/data/import_s11/ (invented records, written for these tests)
and checks what a user sees: the venue and link, the date and its precision, the authors, which records are one
work, and the warnings ``paperlab.load`` gives.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab import MergedRecordsWarning, Paper
from paperlab.identity import same_work
from paperlab.names import csl_name_text, family_name, first_author, name_parts, shown_name, written_name
from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex
from paperlab.sources.ris import read_ris, write_ris

DATA = Path(__file__).parent / "data" / "import_s11"


def _load(path: Path) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {p.title: p for p in paperlab.load(path)}


# -- 4. a venue that is only a link ----------------------------------------------------------------------------------


def test_a_journal_that_is_only_a_link_is_no_venue_and_is_kept_as_the_link() -> None:
    papers = _load(DATA / "web_venues.bib")
    lanterns = papers["Lantern Flicker Counts on a Budget"]
    assert (lanterns.venue, lanterns.journal_ref) == (None, None)
    assert lanterns.url == "https://blog.example.org/lanterns"  # the record gave no URL: the link is kept
    notes = papers["Field Notes on Seed Counting"]
    assert notes.venue is None and notes.url == "https://notes.example.org/seeds/2022"  # its own URL stays
    transects = papers["Meadow Transects Revisited"]
    assert transects.venue == "Journal of Meadow Studies, https://jms.example.org"  # more than a link: as written
    (post,) = _load(DATA / "web_venues.csl.json").values()
    assert (post.venue, post.url) == (None, "https://blog.example.org")


def test_a_journal_reference_that_is_only_a_link_names_no_venue() -> None:
    paper = Paper("A Paper", journal_ref="https://example.org/journal", comment="Accepted at ICML 2023")
    assert paper.venue == "ICML 2023"  # the comment's venue, not the link
    assert Paper("Another", journal_ref="www.example.org").venue is None


# -- 5. the day and month a source gave ------------------------------------------------------------------------------


def test_web_of_science_bibtex_keeps_the_day_written_in_its_month() -> None:
    papers = _load(DATA / "wos_days.bib")
    beetles = papers["Seasonal Counts of Ground Beetles in Upland Meadows"]
    assert (beetles.published, beetles.date_text) == (dt.date(2019, 11, 1), "2019-11-01")  # Month = {NOV 1}
    assert "date_precision" not in beetles.extra  # a whole date
    sedge = papers["Sedge Cover after Late Frost"]
    assert (sedge.published, sedge.extra["date_precision"]) == (dt.date(2020, 2, 1), "month")
    again = {p.title: p for p in parse_bibtex(library_to_bibtex(list(papers.values())))}
    assert again[beetles.title].date_text == "2019-11-01" and again[sedge.title].date_text == "2020-02"


def test_endnote_ris_dates_keep_the_month_and_day_they_give() -> None:
    papers = _load(DATA / "endnote_days.ris")
    shown = {title: p.date_text for title, p in papers.items()}
    assert shown == {
        "Lantern Flicker as a Proxy for Wind Speed": "2019-02-19",  # DA "Feb 19" with PY 2019
        "Calibrating Kites against Anemometers": "2019-02-19",  # DA "2019/02/19/"
        "A Year of Wind on the Ridge": "2018",  # PY "2018///": the year only
        "Gusts and Their Shadows": "2021-03-03",  # PubMed's "2021 Mar 3"
    }


# -- 6. two entries of one work merged: said from Python too -----------------------------------------------------------


def test_load_warns_when_it_merges_two_entries_naming_both_keys_and_the_file() -> None:
    path = DATA / "two_keys.bib"
    with pytest.warns(MergedRecordsWarning) as caught:
        lib = paperlab.load(path)
    assert len(lib) == 2 and len(lib.merges) == 1
    (warning,) = [w for w in caught if issubclass(w.category, MergedRecordsWarning)]
    message = str(warning.message)
    assert message.startswith(f"{path}: 1 record of a work read already, merged: ")
    assert "okafor2022ranking, Okafor_Ranking_2022" in message and "two_keys.bib, okafor2022ranking" in message
    assert warning.filename == __file__  # the user's line, as PartialImportWarning points at it
    assert warning.message.merges == lib.merges  # type: ignore[union-attr]
    paper = lib["okafor2022ranking"]
    assert lib["Okafor_Ranking_2022"] is paper  # one paper, under both keys


def test_a_paper_named_twice_in_a_readme_merges_without_a_warning(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Reading\n\n## Ranking\n\n- [Ranking Field Observations](https://arxiv.org/abs/2203.04567)\n\n"
        "## Again\n\n- [Ranking Field Observations](https://arxiv.org/abs/2203.04567)\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", MergedRecordsWarning)
        paperlab.load(readme)


# -- 2. a book and an article quoting its title ----------------------------------------------------------------------


def test_a_ris_book_is_never_one_work_with_an_article_quoting_its_title() -> None:
    with pytest.warns(MergedRecordsWarning, match="record 2, line 10 and book_and_article.ris, record 3, line 21"):
        lib = paperlab.load(DATA / "book_and_article.ris")
    book, article = lib  # the two articles (one of them twice) are one work; the book stays its own
    assert (book.extra["ris"]["type"], article.extra["ris"]["type"]) == ("BOOK", "JOUR")
    assert article.venue == "Journal of Coastal Folklore" and book.venue is None
    assert [s.record for s in book.sources] == ["record 1, line 1"]


def test_csl_types_count_as_kinds_of_work() -> None:
    book = Paper("Lantern Keeping", authors=["Farida Rahman"], extra={"csl": {"type": "book"}})
    article = Paper("Lantern Keeping", authors=["Farida Rahman"], extra={"csl": {"type": "article-journal"}})
    preprint = Paper("Lantern Keeping", authors=["Farida Rahman"], extra={"csl": {"type": "article"}})
    assert not same_work(book, article) and same_work(article, preprint)  # "article" says no kind


# -- 3. two surnames -------------------------------------------------------------------------------------------------


def test_two_surnames_written_family_first_keep_their_split() -> None:
    bib, ris = (_load(DATA / name)["Letters from the Coastal Villages"] for name in ("surnames.bib", "surnames.ris"))
    for paper in (bib, ris):
        assert paper.authors[:3] == ["Gabriel García Márquez", "Santiago Ramón y Cajal", "Ana Maria Silva Santos"]
        assert first_author(paper.authors, paper.extra) == "García Márquez"
        assert [(a.get("family"), a.get("given")) for a in paper.to_csl()["author"][:3]] == [
            ("García Márquez", "Gabriel"),
            ("Ramón y Cajal", "Santiago"),
            ("Silva Santos", "Ana Maria"),
        ]
    assert "author = {García Márquez, Gabriel and Ramón y Cajal, Santiago and Silva Santos, Ana Maria" in (
        library_to_bibtex([bib])
    )
    (again,) = parse_bibtex(library_to_bibtex([bib]))
    assert again.authors == bib.authors and first_author(again.authors, again.extra) == "García Márquez"
    assert bib.authors[3] == "Jan van der Berg"  # a particle: shown as before, exported "van der Berg, Jan"
    assert "van der Berg, Jan" in library_to_bibtex([bib])


def test_a_connector_joins_two_surnames_in_a_name_written_given_name_first() -> None:
    assert name_parts("Santiago Ramón y Cajal") == ("Ramón y Cajal", "Santiago", "")
    assert name_parts("Josep Puig i Cadafalch") == ("Puig i Cadafalch", "Josep", "")
    assert name_parts("Ana y") == ("y", "Ana", "")  # no surname before the word: nothing joined
    assert family_name("Santiago Ramón y Cajal") == "Ramón y Cajal"


# -- 7. names in Chinese, Japanese and Korean script -------------------------------------------------------------------


def test_han_and_hangul_names_are_shown_without_a_space_and_exported_family_comma_given(tmp_path: Path) -> None:
    (paper,) = _load(DATA / "han_names.bib").values()
    assert paper.authors == ["蔡雪斌", "김민준", "Daniel Lee"]
    assert "蔡雪斌, 김민준, Daniel Lee" in paper.to_html() and "蔡雪斌, 김민준, Daniel Lee" in paper.to_markdown()
    assert first_author(paper.authors, paper.extra) == "蔡"
    assert "author = {蔡, 雪斌 and 김, 민준 and Daniel Lee}" in library_to_bibtex([paper])
    assert [(a["family"], a["given"]) for a in paper.to_csl()["author"][:2]] == [("蔡", "雪斌"), ("김", "민준")]
    ris = write_ris([paper], tmp_path / "out.ris").read_text(encoding="utf-8")
    assert "AU  - 蔡, 雪斌" in ris and "AU  - 김, 민준" in ris
    (back,) = read_ris(tmp_path / "out.ris")
    assert back.authors == paper.authors and first_author(back.authors, back.extra) == "蔡"
    csl = Paper("灯笼", extra={"csl": {"author": [{"family": "蔡", "given": "雪斌"}]}})
    assert csl_name_text({"family": "蔡", "given": "雪斌"}) == "蔡雪斌" and shown_name("蔡", "雪斌") == "蔡雪斌"
    assert written_name(csl.extra, "蔡雪斌") == ("蔡", "雪斌", "")  # a CSL import's name objects keep the split
    assert shown_name("Lovelace", "Ada") == "Ada Lovelace"


# -- found on the recorded corpus by helper CLI2 (the RIS export read back) ------------------------------------------


def test_a_ris_doi_holding_angle_brackets_is_read_whole(tmp_path: Path) -> None:
    sici, marked = _load(DATA / "sici_doi.ris").values()
    assert sici.doi == "10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P"  # it was cut at "<"
    assert marked.doi == "10.5555/glass.1999.2"  # a DOI with a note after it: the DOI
    (back,) = read_ris(write_ris([sici], tmp_path / "out.ris"))
    assert (back.id, back.doi) == (sici.id, sici.doi)
