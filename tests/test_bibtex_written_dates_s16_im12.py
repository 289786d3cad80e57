"""BibTeX dates as people, web pages and reference managers write them (session 16, helper IM12): biblatex ``date``
written out ("September 25, 2031", "3 Feb. 2030", "March 2029", an RFC 2822 feed date), a web page's ``year`` with its
weekday and time ("Thu, 10/12/2028 - 12:53"), EDTF circa and ranges, Paperpile's day and month macro joined
(``"31~" # jan``) and a numeric ``month = {03}``; the precision is what the file gives.

Each test reads one of our own small files in tests/data/import_s16_im12/ and checks what a user sees.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab
from paperlab import Paper

DATA = Path(__file__).parent / "data" / "import_s16_im12"


def _load(name: str) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return {p.shown_title: p for p in paperlab.load(DATA / name)}


def _date(p: Paper) -> tuple[dt.date | None, str]:
    return p.published, (p.extra or {}).get("date_precision", "day")


def test_written_out_biblatex_dates_keep_their_day_or_month() -> None:
    papers = _load("written_dates_biblatex.bib")
    assert _date(papers["Quiet lanterns in the city"]) == (dt.date(2031, 9, 25), "day")
    assert _date(papers["Moths that count"]) == (dt.date(2030, 2, 3), "day")
    assert _date(papers["A page on rivers"]) == (dt.date(2029, 3, 1), "month")
    assert _date(papers["A feed item"]) == (dt.date(2030, 3, 12), "day")


def test_a_web_pages_weekday_and_time_date_is_its_day() -> None:
    papers = _load("written_dates_biblatex.bib")
    assert _date(papers["Rooms report | Example Agency"]) == (dt.date(2028, 10, 12), "day")  # a Thursday


def test_edtf_circa_and_ranges_are_their_start() -> None:
    papers = _load("written_dates_biblatex.bib")
    assert _date(papers["Circa a year"]) == (dt.date(2026, 1, 1), "year")
    assert _date(papers["A season of moths"]) == (dt.date(2025, 5, 1), "month")


def test_paperpiles_day_and_month_macro_and_numeric_months() -> None:
    papers = _load("paperpile_day_months.bib")
    assert _date(papers["Lanterns of the clinical stage"]) == (dt.date(2017, 1, 31), "day")
    assert _date(papers["Format and geometries of lanterns"]) == (dt.date(2020, 3, 3), "day")
    assert _date(papers["Parasitic moths in display screens"]) == (dt.date(2014, 2, 1), "month")
    assert _date(papers["Numeric months by hand"]) == (dt.date(2021, 3, 1), "month")
