"""Importer gaps found on session 7's fresh round of real files (benchmarks/bench_import_sweep.py), each made a
general rule and tested here on our own small files in tests/data/ (made-up records written for these tests):

- a CSL-JSON array whose items carry Crossref/CouchDB keys (``_id``, ``_rev``, ``indexed``, ``published`` as a
  date object) is read as CSL, told by what its items are (name objects, ``date-parts``), not refused as
  paperlab's own JSON; paperlab's own export is still paperlab's;
- Better CSL JSON: a one-part date of a season ([[7]]) is no year 7; ``literal`` names written ``Family, Given``
  read as ``Given Family`` (an organisation's name with a comma stays as written); a particle given as both kinds
  is written once; "others" / "12 other contributors" are no authors but "more authors";
- Web of Science BibTeX (``{{...}}`` values): the DOI without a trailing brace and the month kept;
- names: al-folio ``*``/``^``/``$^\\dagger$`` marks, ``Family, Given, Ph.D.`` and ``Family, Given, Jr.``,
  ``van der Berg et al.`` / ``and others`` (more authors, not a person), ``Pe\\~{n}a`` (an accent, not a tie);
- OpenAlex: an arXiv id given only in a location's ``raw_source_name``;
- from the field dump: an arXiv paper whose venue is "ArXiv"/"CoRR" with the id as its volume (``abs/2104.01234``,
  as Semantic Scholar and DBLP write it) gets its arXiv id and no venue (CSL and BibTeX); "with contributions from"
  is no part of a name; BibTeX hyphenation hints (``Na\\-tur``) and ``\\hyp{}`` are no characters / a hyphen;
  an OpenAlex date of 1 January (how OpenAlex writes a work known by its year) or a ``publication_year`` alone is
  read at year precision;
- IEEE RIS: ``Y1  - 16-18 Oct. 2014`` keeps October (month precision: the record does not say on which day of the
  range the paper was given), ``5 June 2019`` its day, ``Jan. 2009`` its month; a range across two months its
  year only, as a range of months does elsewhere.

Each import -> export -> import round trip of these files keeps every field read.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import DATA

import paperlab
from paperlab.paper import Paper
from paperlab.sources import detect_format
from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex, read_bibtex
from paperlab.sources.csl import read_csl, write_csl
from paperlab.sources.native import save_library
from paperlab.sources.openalex import read_openalex
from paperlab.sources.ris import parse_ris, read_ris, write_ris

CROSSREF_COUCHDB = DATA / "csl" / "crossref-couchdb.json"
BETTER_CSL = DATA / "csl" / "better-csl-quirks.json"
WOS_BIB = DATA / "bibtex" / "wos-braces.bib"
NAME_MARKS = DATA / "bibtex" / "name-marks.bib"
IEEE_RIS = DATA / "ris" / "ieee-day-ranges.ris"
ET_AL_RIS = DATA / "ris" / "et-al-marks.ris"
OPENALEX = DATA / "openalex" / "arxiv-in-location.json"
ARXIV_CSL = DATA / "csl" / "arxiv-volume.json"
LITERAL_DATES = DATA / "csl" / "literal-dates.json"
HINTS_BIB = DATA / "bibtex" / "hyphen-hints.bib"
OPENALEX_YEARS = DATA / "openalex" / "year-only-dates.json"

FIELDS = ("title", "authors", "published", "arxiv_id", "doi", "url", "journal_ref", "keywords")


def _fields(paper: Paper) -> dict[str, Any]:
    out = {name: getattr(paper, name) for name in FIELDS}
    out["precision"] = paper.extra.get("date_precision")
    out["more_authors"] = paper.extra.get("more_authors")
    return out


def _strict(read: Any, path: Path) -> list[Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every record of our files is read, without a warning
        return list(read(path))


# -- CSL-JSON -----------------------------------------------------------------------------------------------


def test_crossref_couchdb_items_are_read_as_csl() -> None:
    assert detect_format(CROSSREF_COUCHDB) == "csl"
    first, second = _strict(read_csl, CROSSREF_COUCHDB)
    assert first.title == "A New Carabus Ground Beetle from Upland Meadows"
    assert first.authors == ["Marta J. Kowalczyk", "Tomas Lindqvist"]  # in capitals in the item (session 9: cased)
    assert (first.published, first.extra["date_precision"]) == (dt.date(2003, 9, 1), "month")
    assert (first.doi, first.journal_ref) == ("10.5555/beetles.2003.17", "Journal of Meadow Entomology")
    assert first.extra["csl"]["_rev"] == "3-0a1b2c3d4e5f60718293a4b5c6d7e8f9"  # the rest of the item is kept
    # the second item has no 'type': its name objects and date-parts say it is CSL all the same
    assert (second.title, second.authors) == ("Notes on the ground beetles of upland meadows", ["Tomas Lindqvist"])
    assert (second.published, second.extra["date_precision"]) == (dt.date(1998, 1, 1), "year")
    assert len(paperlab.load(CROSSREF_COUCHDB)) == 2


def test_paperlab_own_json_with_a_published_date_is_still_paperlab(tmp_path: Path) -> None:
    paper = Paper("A Paper of Ours", authors=["Ada Lovelace"], published=dt.date(2020, 5, 1), doi="10.5555/own.1")
    path = save_library([paper], tmp_path / "ours.json")
    assert detect_format(path) == "json"
    (back,) = paperlab.load(path)
    assert back.to_dict() == paper.to_dict()


def test_better_csl_dates_names_particles_and_cut_short_bylines() -> None:
    season, literal, particles, software, handbook = _strict(read_csl, BETTER_CSL)
    assert season.published is None and "date_precision" not in season.extra  # [[7]] with a season: no year 7
    assert season.extra["csl"]["issued"] == {"season": 4, "date-parts": [[7]]}  # kept as written
    assert literal.authors == [
        "Peter Mwangi",
        "Anna Maria van Dijk",
        "Northern Valleys Seed Council, Field Office",  # an organisation's name, not "Family, Given"
        "Hill Ecology Team",
    ]
    assert particles.authors == ["Jean-Luc la Fontaine"]
    assert software.authors == ["Lucia Rivera", "[plotbot]"] and software.extra["more_authors"] is True
    assert handbook.authors == ["Samir Haddad"] and handbook.extra["more_authors"] is True
    assert handbook.byline() == "Samir Haddad et al."


def test_better_csl_round_trip_keeps_the_items(tmp_path: Path) -> None:
    papers = _strict(read_csl, BETTER_CSL) + _strict(read_csl, CROSSREF_COUCHDB)
    back = _strict(read_csl, write_csl(papers, tmp_path / "out.json"))
    assert [_fields(p) for p in back] == [_fields(p) for p in papers]
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    original = json.loads(BETTER_CSL.read_text(encoding="utf-8"))
    for item, written in zip(original, items[: len(original)], strict=True):
        assert written["author"] == item["author"]  # names written back as read, "others" and literals too
    assert items[0]["issued"] == {"season": 4, "date-parts": [[7]]}


def test_csl_literal_dates_give_their_year(tmp_path: Path) -> None:
    """A ``literal`` date is free text: its first year is read, at year precision ("2004-01-0001", as a Zotero
    export wrote one, is 2004 and no more); one naming no year ("13th century") gives no date."""
    garbled, worded, yearless = _strict(read_csl, LITERAL_DATES)
    assert (garbled.published, garbled.extra["date_precision"]) == (dt.date(2004, 1, 1), "year")
    assert (worded.published, worded.extra["date_precision"]) == (dt.date(2016, 1, 1), "year")
    assert yearless.published is None
    path = write_csl([garbled, worded, yearless], tmp_path / "out.json")
    items = json.loads(path.read_text(encoding="utf-8"))
    assert [i["issued"] for i in items] == [i["issued"] for i in json.loads(LITERAL_DATES.read_text(encoding="utf-8"))]
    assert [_fields(p) for p in _strict(read_csl, path)] == [_fields(p) for p in (garbled, worded, yearless)]


# -- BibTeX -------------------------------------------------------------------------------------------------


def test_web_of_science_double_braced_values() -> None:
    first, second = _strict(read_bibtex, WOS_BIB)
    assert (first.doi, first.published, first.extra["date_precision"]) == (
        "10.5555/meadow.4412",
        dt.date(2019, 6, 1),
        "month",
    )
    assert first.extra["bibtex_fields"]["pages"] == "101-110" and first.extra["bibtex_fields"]["volume"] == "12"
    # Month = {{OCT 3}}: the day is kept since session 11 (IM3; it was dropped, 2018-10 by month)
    assert (second.doi, second.published, second.date_text) == ("10.5555/hill.77", dt.date(2018, 10, 3), "2018-10-03")
    assert first.title == "Ground beetles follow the snow line"


def test_author_marks_degrees_suffixes_and_cut_short_bylines() -> None:
    marks, degree, etal, others, tilde = _strict(read_bibtex, NAME_MARKS)
    assert marks.authors == ["Ngozi Okafor", "Lucia Rivera", "Ji Won Park", "Samir Haddad", "Min Lee"]
    assert degree.authors == ["Peter Mwangi", "Amanda Case", "Jean Fontaine Jr.", "Elena Ortiz"]
    assert etal.authors == ["van der Berg"] and etal.extra["more_authors"] is True
    assert others.authors == ["Min Lee"] and others.extra["more_authors"] is True
    assert tilde.authors == ["Rosa García-Peña", "Luis Muñoz", "Carmen Ibáñez"]
    assert "more_authors" not in marks.extra


@pytest.mark.parametrize("path", [WOS_BIB, NAME_MARKS], ids=lambda p: p.name)
def test_bibtex_round_trip_of_these_files(path: Path) -> None:
    papers = _strict(read_bibtex, path)
    text = library_to_bibtex(papers)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = parse_bibtex(text)
    assert [_fields(p) for p in back] == [_fields(p) for p in papers]
    assert [p.extra.get("bibtex_fields") for p in back] == [p.extra.get("bibtex_fields") for p in papers]
    assert library_to_bibtex(back) == text
    assert "author = {van der Berg and others}" in text or path != NAME_MARKS  # "et al." written as BibTeX's


def test_bibtex_export_writes_a_date_without_precision_whole() -> None:
    """Every reader records a coarser precision when its source gave one, so a date without one is a day: a
    BibTeX ``date = {1998-04-01}`` or a paper dated 1 January comes back with its day (it was written as a year or
    a month, and read back coarser)."""
    (dated,) = parse_bibtex("@misc{rfc, title = {Coffee Pots Over HTTP}, date = {1998-04-01}}")
    new_year = Paper("A New Year Paper", published=dt.date(2020, 1, 1))
    text = library_to_bibtex([dated, new_year])
    assert "date = {1998-04-01}" in text and "date = {2020-01-01}" in text
    again = parse_bibtex(text)
    assert [(p.published, p.extra.get("date_precision")) for p in again] == [
        (dt.date(1998, 4, 1), None),
        (dt.date(2020, 1, 1), None),
    ]


# -- OpenAlex, RIS -------------------------------------------------------------------------------------------


def test_openalex_arxiv_id_from_a_location_source_name() -> None:
    (paper,) = _strict(read_openalex, OPENALEX)
    assert paper.arxiv_id == "1205.1234"
    assert paper.url == "https://repo.example.org/handle/55"  # the primary landing page stays the link


def test_ieee_ris_day_ranges_keep_the_month() -> None:
    ranges, us_style, month, one_day, two_months = _strict(read_ris, IEEE_RIS)
    assert (ranges.published, ranges.extra["date_precision"]) == (dt.date(2014, 10, 1), "month")
    assert (us_style.published, us_style.extra["date_precision"]) == (dt.date(2011, 9, 1), "month")
    assert (month.published, month.extra["date_precision"]) == (dt.date(2009, 1, 1), "month")
    assert one_day.published == dt.date(2019, 6, 5) and "date_precision" not in one_day.extra  # a day
    assert (two_months.published, two_months.extra["date_precision"]) == (dt.date(2015, 1, 1), "year")


def test_openalex_first_of_january_is_a_year() -> None:
    january, year_only, a_day = _strict(read_openalex, OPENALEX_YEARS)
    assert (january.published, january.extra["date_precision"]) == (dt.date(2015, 1, 1), "year")
    assert (year_only.published, year_only.extra["date_precision"]) == (dt.date(2016, 1, 1), "year")
    assert a_day.published == dt.date(2017, 3, 4) and "date_precision" not in a_day.extra


def test_arxiv_as_venue_with_the_id_as_volume(tmp_path: Path) -> None:
    preprint, journal = _strict(read_csl, ARXIV_CSL)
    assert (preprint.arxiv_id, preprint.journal_ref) == ("2104.01234", None)
    assert preprint.authors == ["Ngozi Okafor", "Marc Dupont"]  # "with contributions from" is no name
    assert (journal.arxiv_id, journal.journal_ref) == (None, "Journal of Meadow Studies")
    back = _strict(read_csl, write_csl([preprint, journal], tmp_path / "out.json"))
    assert [_fields(p) for p in back] == [_fields(p) for p in [preprint, journal]]
    hints, s2 = _strict(read_bibtex, HINTS_BIB)
    assert (s2.arxiv_id, s2.journal_ref) == ("2104.01234", None)
    assert hints.title == "Seed-bank Dynamics of Upland Meadows" and hints.journal_ref == "Meadow Studies"
    again = parse_bibtex(library_to_bibtex([hints, s2]))
    assert [_fields(p) for p in again] == [_fields(p) for p in [hints, s2]]


def test_ris_bylines_cut_short_marks_and_degrees(tmp_path: Path) -> None:
    winter, spring = _strict(read_ris, ET_AL_RIS)
    assert winter.authors == ["Ngozi Okafor", "Lucia Rivera", "Amanda Case", "Henry Ford Jr."]
    assert winter.extra["more_authors"] is True and winter.byline() == "Ngozi Okafor, Lucia Rivera, Amanda Case +1 more"
    assert spring.authors == ["Tomas Lindqvist"] and spring.byline() == "Tomas Lindqvist et al."
    text = write_ris([winter, spring], tmp_path / "out.ris").read_text(encoding="utf-8")
    assert text.count("AU  - et al.") == 2  # written back as the file wrote it
    back = _strict(read_ris, tmp_path / "out.ris")
    assert [_fields(p) for p in back] == [_fields(p) for p in (winter, spring)]
    (other,) = _strict(read_csl, BETTER_CSL)[4:]  # a byline another format cut short is cut short in RIS too (R2)
    assert other.extra["more_authors"] is True
    assert "AU  - et al." in write_ris([other], tmp_path / "csl.ris").read_text(encoding="utf-8")
    (again,) = _strict(read_ris, tmp_path / "csl.ris")
    assert again.extra["more_authors"] is True and again.authors == other.authors


def test_ieee_ris_round_trip(tmp_path: Path) -> None:
    papers = _strict(read_ris, IEEE_RIS)
    back = _strict(read_ris, write_ris(papers, tmp_path / "out.ris"))
    assert [_fields(p) for p in back] == [_fields(p) for p in papers]


_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    year=st.integers(1950, 2030),
    month=st.integers(1, 12),
    first=st.integers(1, 27),
    length=st.integers(0, 3),
    day_first=st.booleans(),
)
def test_fuzz_written_ris_dates_keep_month_and_only_a_single_day(
    year: int, month: int, first: int, length: int, day_first: bool
) -> None:
    """A day, or a range of days in one month, written either way round ("16-18 Oct. 2014", "Oct. 16-18, 2014"):
    the month always, the day only when one day is given."""
    days = f"{first}" if length == 0 else f"{first}-{first + length}"
    written = f"{days} {_MONTHS[month - 1]} {year}" if day_first else f"{_MONTHS[month - 1]} {days}, {year}"
    text = f"TY  - CONF\nTI  - A Talk\nPY  - {year}\nY1  - {written}\nER  - \n"
    (paper,) = parse_ris(text)
    if length == 0:
        assert paper.published == dt.date(year, month, first) and "date_precision" not in paper.extra, written
    else:
        assert paper.published == dt.date(year, month, 1) and paper.extra["date_precision"] == "month", written
