"""Months written as names are read by one parser, :func:`paperlab.dates.month_number` (via
:func:`paperlab.dates.named_date`), in every importer: "Sept 2025" in a curated list's Date column was dropped with
its row, a Zotero date "March 2019" kept only the year, and a Web of Science "MAY-JUN 2024" (a range) became May.
All the records below are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from paperlab.dates import named_date
from paperlab.sources.dailyarxiv import parse_dailyarxiv
from paperlab.sources.wos import parse_wos
from paperlab.sources.zotero_json import parse_zotero_json

CURATED = """# Made-Up Reading List

| Date | Title | Paper |
| --- | --- | --- |
| Sept 2025 | Counting Moths by Lamplight | [arXiv](https://arxiv.org/abs/2509.01234) |
| Jun. 12, 2025 | Folding Maps Along Rivers | [arXiv](https://arxiv.org/abs/2506.04321) |
| 3 Sept 2024 | Weighing Clouds With Kites | [arXiv](https://arxiv.org/abs/2409.05555) |
"""

WOS = """FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Moth, A
TI An Issue Spanning Two Months
SO JOURNAL OF MADE-UP RANGES
PD MAY-JUN 2024
PY 2024
ER

PT J
AU Moth, B
TI An Issue of One Month
SO JOURNAL OF MADE-UP RANGES
PD SEPT 2023
PY 2023
ER

EF
"""


def _zotero(date: str) -> dict:
    return {"itemType": "journalArticle", "title": f"A Paper Dated {date}", "creators": [], "date": date}


def test_a_curated_list_reads_sept_and_dotted_month_names() -> None:
    moths, maps, clouds = parse_dailyarxiv(CURATED).papers
    assert (moths.date_text, moths.date_precision, moths.date_inferred) == ("2025-09", "month", False)
    assert "month = sep" in moths.to_bibtex() and "year = {2025}" in moths.to_bibtex()
    # a whole date in such a table is the latest version's, as in a DailyArXiv digest
    assert (maps.updated, clouds.updated) == (dt.date(2025, 6, 12), dt.date(2024, 9, 3))


def test_web_of_science_month_ranges_give_the_year_only() -> None:
    span, one = parse_wos(WOS)
    assert (span.date_text, span.date_precision) == ("2024", "year")  # not May
    assert (one.date_text, one.date_precision) == ("2023-09", "month")


@pytest.mark.parametrize(
    ("date", "shown", "precision"),
    [
        ("March 2019", "2019-03", "month"),
        ("Sept. 2021", "2021-09", "month"),
        ("March 12, 2019", "2019-03-12", "day"),
        ("Spring 2019", "2019", "year"),  # a season names no month
        ("Oct-Nov 2020", "2020", "year"),  # nor does a range
    ],
)
def test_zotero_dates_keep_their_month(date: str, shown: str, precision: str) -> None:
    (paper,) = parse_zotero_json([_zotero(date)])
    assert (paper.date_text, paper.date_precision) == (shown, precision)


def test_named_dates() -> None:
    assert named_date("sept 2025") == (2025, 9, None)
    assert named_date("Jun 12, 2025") == named_date("12 June 2025") == (2025, 6, 12)
    for text in ("MAY-JUN 2024", "Feb 30 2024", "Ju 2024", "2024", "", None, "Smarch 2024"):
        assert named_date(text) is None, text
