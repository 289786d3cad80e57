"""Session 14 (helper IM9): importer kinds fresh files still read wrong, each fixed as its format defines it.

Our own small files in ``tests/data/import_s14_im9/`` vary each kind (producer, order, spacing, line ends,
encoding). BibTeX separates persons by ``and`` and reads ``Family, Given`` around one comma; a file that writes
people separated by commas (``Quill K, Marrow M``) or names in Vancouver's ``Family INITIALS`` is read one way for
the whole list when its shape leaves no doubt. BibDesk writes ``Date = {2015/03/05/print}`` beside numeric
``Month``/``Day``: a day. A workshop keeps its own words beside its main venue's name. A name braced whole with one
comma is a person in ``Family, Given`` order; an organisation's stays whole. RIS ``T2  - arXiv (note)`` is no venue.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError
from paperlab.sources.arxiv.kaggle import iter_kaggle
from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex, read_bibtex
from paperlab.sources.ris import read_ris
from paperlab.venues import parse_venue

DATA = Path(__file__).parent / "data" / "import_s14_im9"


def _by_key(papers: list) -> dict:
    return {p.extra["bibtex_key"]: p for p in papers}


def test_people_separated_by_commas_are_one_person_each() -> None:
    papers = _by_key(read_bibtex(DATA / "comma_people.bib"))
    # Vancouver "Family INITIALS" separated by commas and by "and": four persons, none merged or turned
    assert papers["quill2020harbour"].authors == ["K Quill", "M Marrow", "P Penhallow", "R. Ashdown"]
    # given name first: the entry's other name ("Halcyon Brightwater.") says so; the field's closing stop dropped
    assert papers["dale2019"].authors == ["Tamsin Dale", "Orrin Vexley", "Halcyon Brightwater"]
    assert papers["wadie2022"].authors == ["Pellam H. Stroud", "Corvin R. Ashby"]
    # four capitalised words before the comma are no family name: two persons
    assert papers["mossop2021"].authors == ["Ferris Ambrose Hollin Mossop", "Yestin Pardoe"]
    assert papers["three"].authors == ["K Quill", "M Marrow", "PJ Penhallow"]
    # undotted Vancouver names joined by "and", and BibTeX's own "Family, Given" unchanged
    assert papers["land1971retinex"].authors == ["EH Gorse", "JJ Thackeray"]
    assert papers["joo2015"].authors == ["Hanbyul Quill", "Hao Marrow"]


def test_vancouver_names_with_spaces_crlf_and_names_in_capitals() -> None:
    papers = _by_key(read_bibtex(DATA / "vancouver_crlf.bib"))
    assert papers["spaced"].authors == ["E H Gorse", "J J Thackeray", "A C Ormsby"]
    assert papers["alone"].authors == ["Andrew NG"]  # one name alone: "NG" may be a family name in capitals
    assert papers["capitals"].authors == ["Jun ZHU", "Andrew NG"]  # given first, family in capitals


def test_a_person_braced_whole_is_family_then_given_an_organisation_stays_whole() -> None:
    papers = _by_key(read_bibtex(DATA / "braced_people.bib"))
    assert papers["calvo2017"].authors == ["Pedro L. Luque Calvo"]
    assert papers["calvo2019"].authors == ["Tamsin J. Marrow Ashdown", "World Harbour Organization"]
    assert papers["berg2001"].authors == ["Jan van der Berg", "Harbour Trust, Northern Office"]
    # a place after an organisation's name has a person's shape, but no initial: kept whole
    assert papers["corp"].authors == ["Tide Tables Bureau, Inc.", "Northern Tide Services, Seattle"]
    # words alone on both sides may be two persons given name first: never merged into one turned name
    assert papers["twopeople"].authors == ["Orrin Vexley, Tamsin Dale"]
    # the export writes the person's family name as the file gave it
    again = parse_bibtex(library_to_bibtex([papers["calvo2017"]]))
    assert again[0].authors == ["Pedro L. Luque Calvo"]


def test_bibdesk_dates_keep_the_day_they_give() -> None:
    papers = _by_key(read_bibtex(DATA / "dates_latin1.bib"))
    day = papers["Peña2015"]
    assert day.published == dt.date(2015, 3, 5) and day.date_precision == "day"
    assert "date_note" not in day.extra  # "2015/03/05/print" is no range
    assert day.authors == ["Amparo Peña", "Clive Ormsby"]
    assert papers["slashonly"].published == dt.date(2016, 11, 23) and papers["slashonly"].date_precision == "day"
    assert papers["medium"].published == dt.date(2017, 4, 9) and papers["medium"].date_precision == "day"
    assert papers["yearonly"].published == dt.date(2018, 6, 1) and papers["yearonly"].date_precision == "month"
    # a biblatex range and a two-part slash stay what they were: the start year, as written
    assert papers["range"].published == dt.date(1984, 1, 1) and papers["range"].date_precision == "year"
    assert papers["academic"].published == dt.date(2011, 1, 1) and papers["academic"].date_precision == "year"
    # the export writes the day back
    back = parse_bibtex(library_to_bibtex([day]))[0]
    assert back.published == dt.date(2015, 3, 5) and back.date_precision == "day"


def test_a_workshop_keeps_its_own_words() -> None:
    papers = _by_key(read_bibtex(DATA / "workshops.bib"))
    assert papers["quill2016tide"].venue == "NeurIPS 2016 Time Series Workshop"
    assert papers["quill2021"].venue == "ICML 2021 Workshop"  # "Workshop on ...": the short form, as before
    assert papers["quill2019"].venue == "CVPR 2019 Workshop"
    assert parse_venue("Accepted at the NeurIPS 2023 Climate Change AI Workshop") == (
        "NeurIPS 2023 Climate Change AI Workshop"
    )
    assert parse_venue("Published at ICLR 2025 Workshop on Reasoning") == "ICLR 2025 Workshop"


def test_ris_arxiv_with_a_note_is_no_venue_and_han_names_written_whole() -> None:
    papers = {p.title: p for p in read_ris(DATA / "notes_han.ris")}
    assert papers["Running lanterns on many harbours"].venue is None  # full-width brackets
    assert papers["Accelerated tide tables"].venue is None
    assert papers["Harbour nets, workshop version"].venue == "NeurIPS 2023"  # a venue in the brackets is one
    # the record writes its other name whole ("李明"): the comma separates two persons
    assert papers["海港潮汐的测量"].authors == ["王奎", "黄福珍", "李明"]
    assert papers["三位作者写在一行"].authors == ["王奎", "黄福珍", "李桐"]
    assert papers["一位作者按姓名分开"].authors == ["星野美咲"]  # RIS's own "Family, Given"


def test_gost_references_in_title_and_note_are_read_into_their_parts() -> None:
    papers = _by_key(read_bibtex(DATA / "gost_strings.bib"))
    first = papers["harbour2015"]
    assert first.title == "Измерение приливов в северных гаванях"  # the heading's author out of the title
    assert first.authors == ["К. В. Ормсби", "А. Д. Квилл"]  # the statement of responsibility names them all
    assert first.venue == "Вестник гаваней" and first.published == dt.date(2015, 1, 1)
    assert first.date_precision == "year"
    online = papers["lanterns"]
    assert online.title == "Lantern networks: choosing the appropriate light"  # "[Электронный ресурс]" dropped
    assert online.venue == "Harbour Engineering" and online.published == dt.date(2009, 6, 21)
    # the day the page was read is no date of the work
    assert papers["accessonly"].published is None and papers["accessonly"].title == "Buoy datasheet"
    latin = papers["latin"]
    assert latin.authors == ["A. D. Quill", "T. Marrow"] and latin.published == dt.date(2012, 1, 1)
    assert papers["plain"].title == "A note on tides" and papers["plain"].authors == []
    assert papers["authored"].title == "Tide tables" and papers["authored"].authors == ["Clive Ormsby"]


def test_a_json_file_written_as_json_lines_is_read() -> None:
    papers = paperlab.load(DATA / "papers_lines.json")
    assert [p.title for p in papers] == ["Tides by the day", "Lantern signals", "Buoys"]
    assert papers[1].authors == ["Tamsin Dale", "Orrin Vexley"] and papers[1].doi == "10.1234/lantern.1"


def test_a_kaggle_file_with_no_good_record_says_how_many_more_were_bad() -> None:
    for read in (paperlab.load, lambda path: list(iter_kaggle(path))):  # the streaming reader says it too
        with pytest.raises(ParseError, match=r"no usable Kaggle arXiv records; first problem: .*\(\+2 more\)"):
            read(DATA / "kaggle_all_bad.jsonl")


def test_a_title_quoted_whole_loses_the_style_quotes_a_quotation_in_it_stays() -> None:
    papers = _by_key(read_bibtex(DATA / "quoted_titles.bib"))
    assert papers["Tidepedia"].title == "Definition - What does a tide table (TT) mean?"
    assert papers["curly"].title == "Lanterns at dusk"
    assert papers["quill2016why"].title.startswith("“Why Should I Trust the Tide?”: ")
    assert papers["two"].title == '"Ebb" and "flow" compared'


def test_an_apa_source_in_a_ris_title_gives_the_journal_volume_issue_and_pages() -> None:
    papers = read_ris(DATA / "apa_sources.ris")
    assert [p.venue for p in papers] == ["Journal of Imaginary Harbours", "Harbour Letters", "Gordon and Breach"]
    assert papers[0].extra["ris"]["volume"] == "12" and papers[0].extra["ris"]["issue"] == "3"
    assert (papers[0].extra["ris"]["start_page"], papers[0].extra["ris"]["end_page"]) == ("45", "60")
    assert papers[1].extra["ris"]["start_page"] == "437"  # "Article 437"
    assert papers[0].doi == "10.1234/harbour.2019.12"


def test_a_book_whose_booktitle_repeats_its_title_has_no_venue() -> None:
    papers = _by_key(read_bibtex(DATA / "book_booktitle.bib"))
    assert papers["agileHarbours"].venue is None
    assert papers["chapter"].venue == "Agile harbours: A practical guide for keepers"  # a part of the book: its venue
    again = parse_bibtex(library_to_bibtex([papers["agileHarbours"]]))[0]  # the booktitle is written back
    assert again.title == papers["agileHarbours"].title and again.venue is None
