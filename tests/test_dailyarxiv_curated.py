"""Curated paper lists in README tables (awesome lists, reading notes), as found in real READMEs nobody tuned the
reader for (benchmarks/bench_markdown_sweep.py): dates of a month or a year ("2026‑10" with a non-breaking hyphen,
"2024.06", "May 2025", "2022", "'22"), "06-08" under a "2026年06月" heading, Year and Venue columns, "[[arXiv]](…)"
links, badge images around code links, a decoration after a bold title, a summary after the title's "<br>", a
"Links & Summary" column, and a table of check marks that holds no paper.

The test file is our own (tests/data/dailyarxiv/curated-list-layout.md), written in those layouts with made-up rows.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import DATA

import paperlab
from paperlab.errors import PartialImportWarning
from paperlab.sources._dailyarxiv_dates import cell_date, date_hint

CURATED = DATA / "dailyarxiv" / "curated-list-layout.md"


def _load() -> list[paperlab.Paper]:
    with pytest.warns(PartialImportWarning) as record:
        papers = list(paperlab.load(CURATED))
    problems = [(p.where, p.message) for p in record[0].message.problems]
    assert problems == [
        ("line 31", "table row has no title: '✅'"),
        ("line 32", "table row has no title: '❌'"),
    ]  # the check-mark table is reported, not read as papers titled "✅"
    return papers


def test_month_and_year_dates_are_kept_at_their_precision() -> None:
    sheep, tiny, noisy, boats, garden, talk, plants = _load()
    assert (sheep.published, sheep.date_precision, sheep.date_text) == (dt.date(2026, 10, 1), "month", "2026-10")
    assert (tiny.date_text, noisy.date_text) == ("2024-06", "2025-05")  # "2024.06", "May 2025"
    assert sheep.updated is None  # a curated list's date is the first release, not an arXiv update
    assert (garden.date_text, garden.date_precision) == ("2021", "year")  # a "Year" column
    assert (boats.date_text, boats.date_inferred) == ("2022", True)  # "'22": the century is inferred
    assert talk.published is None  # an empty Year cell: no date, the row still read
    # "06-08" under "### 2026年06月": the heading gives the year, and the month agrees
    assert (plants.published, plants.date_precision) == (dt.date(2026, 6, 8), "day")


def test_links_titles_and_venues_of_curated_lists() -> None:
    sheep, tiny, noisy, boats, garden, talk, plants = _load()
    assert sheep.title == "Counting Sheep with Transformers"  # the HTML comment dropped
    assert sheep.arxiv_id == "2610.01234"  # from <a href><img></a>
    assert (tiny.arxiv_id, tiny.code_url) == ("2406.04321", "https://github.com/example/tiny")  # [[arXiv]](…), badge
    assert noisy.title == "Noisy Labels, Quiet Models"  # "**…** ⚓": the decoration dropped
    assert (garden.journal_ref, garden.arxiv_id, garden.url) == (
        "Journal of Made-Up Results",
        None,
        "https://doi.org/10.1000/garden",
    )
    assert talk.journal_ref is None  # a venue of "arXiv" says nothing more
    assert (plants.title, plants.arxiv_id, plants.version) == ("Agents That Water Plants", "2606.05555", 1)
    assert plants.comment == "Institute: Nowhere University\nA short summary of the plant agent."
    assert plants.tags == ["Benchmarks", "2026年06月"] and sheep.tags == ["Surveys"]


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("2026\u201110", None, (dt.date(2026, 10, 1), {"date_precision": "month"})),
        ("**2024-10-10**", None, (dt.date(2024, 10, 10), {})),
        ("2024/3", None, (dt.date(2024, 3, 1), {"date_precision": "month"})),
        ("September 2024", None, (dt.date(2024, 9, 1), {"date_precision": "month"})),
        ("06-08", (2026, 6), (dt.date(2026, 6, 8), {})),
    ],
)
def test_cell_dates(text: str, hint: tuple[int, int] | None, expected: tuple) -> None:
    assert cell_date(text, hint) == expected


@pytest.mark.parametrize(("text", "hint"), [("06-08", None), ("06-08", (2026, 7)), ("2024-13", None), ("soon", None)])
def test_cell_dates_that_are_not_dates(text: str, hint: tuple[int, int] | None) -> None:
    # no year to put a month-day in (or a heading naming another month), no month 13: reported, never guessed
    with pytest.raises(ValueError):
        cell_date(text, hint)


def test_date_hint_from_headings() -> None:
    assert date_hint(["Benchmarks", "2026年06月"]) == (2026, 6)
    assert date_hint(["Spring 2025", "Week 3"]) == (2025, None)
    assert date_hint(["Benchmarks"]) is None


def test_a_day_month_row_without_a_dated_heading_is_reported() -> None:
    text = "| Date | Paper | Link |\n|---|---|---|\n| 06-08 | A Paper | [x](https://arxiv.org/abs/2606.05555) |\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(paperlab.ParseError, match=r"date cell expected YYYY-MM-DD, got '06-08'"):
            paperlab.sources.dailyarxiv.parse_dailyarxiv(text)


def test_a_readme_opening_with_badges_is_no_json() -> None:
    # "[![Contributors][…]][…]" as the first line (cv-arxiv-daily's badges) was sniffed as JSON: "not valid JSON"
    path = DATA / "dailyarxiv" / "badges-first-layout.md"
    assert paperlab.sources.detect_format(path) == "dailyarxiv"
    (paper,) = paperlab.load(path)
    assert (paper.title, paper.arxiv_id, paper.tags) == ("Mapping a Room with One Sock", "2407.00001", ["SLAM"])


def test_ids_written_as_wiki_links() -> None:
    # an Obsidian vault's table: "[[2509.00042]]" links the paper's note by its arXiv id (was read without an id)
    text = (
        "| ID | Title | Venue | Year |\n|----|-------|-------|------|\n"
        "| [[2509.00042]] | Guidance for Quiet Speech | arXiv | 2025 |\n"
        "| [[2025.acl-long.9]] | A Dataset of Whispers | ACL | 2025 |\n"
    )
    quiet, whispers = paperlab.sources.dailyarxiv.parse_dailyarxiv(text).papers
    assert (quiet.arxiv_id, quiet.journal_ref, quiet.date_text) == ("2509.00042", None, "2025")
    assert (whispers.arxiv_id, whispers.journal_ref) == (None, "ACL")  # an ACL Anthology id is no arXiv id


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.none() | st.tuples(st.integers(1, 9999), st.none() | st.integers(-5, 20)))
def test_cell_dates_raise_only_value_errors(text: str, hint: tuple[int, int | None] | None) -> None:
    try:
        date, extra = cell_date(text, hint)
    except ValueError:
        return
    assert date is None or isinstance(date, dt.date)
    assert set(extra) <= {"date_precision", "date_inferred", "date_note"}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["<table>", "<tr>", "<th>Title</th>", "<th>Date</th>", "<td>", "</td>", "x", "2024"])))
def test_html_tables_never_crash(parts: list[str]) -> None:
    from paperlab.errors import ProblemCollector
    from paperlab.sources._dailyarxiv_html import html_tables

    found = html_tables("".join(parts), "<fuzz>", ProblemCollector("<fuzz>"))
    assert all(paper.title for paper, _ in found.papers)
