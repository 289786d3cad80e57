"""A paper known by a new-style arXiv id (YYMM.NNNNN) and no first-publication date is dated to the id's month,
at month precision and marked inferred: a DailyArXiv table's date is the latest version's (``updated``), so before
this its rows had no year in cards, filters, frames, BibTeX and the CLI. A date a source gave always wins."""

from __future__ import annotations

import datetime as dt

import pytest

from paperlab import Library, Paper
from paperlab.cli import main
from paperlab.date_precision import arxiv_id_month, dated_by_arxiv_id
from paperlab.sources.dailyarxiv import parse_dailyarxiv, to_dailyarxiv_markdown

# our own two-row DailyArXiv README: the Date column is when each row's latest version appeared
README = """# Daily Papers
Last update: 2025-03-04

## Signals
| **Title** | **Date** | **Abstract** | **Comment** |
| --- | --- | --- | --- |
| **[Folding Spectra into Saliency Masks](http://arxiv.org/abs/2411.05841v2)** | 2025-03-03 | Masks over bands. |  |
| **[A Hierarchy of Forecasts Reconciled](http://arxiv.org/abs/2212.13706v3)** | 2025-03-02 | Flows reconcile. |  |
"""


def _rows() -> Library:
    return Library(parse_dailyarxiv(README).papers)


def test_a_new_style_id_gives_the_month_marked_inferred() -> None:
    p = Paper("Some Paper About Things", arxiv_id="2406.12275v2")
    assert (p.published, p.date_text, p.date_precision, p.date_inferred) == (
        dt.date(2024, 6, 1),
        "2024-06",
        "month",
        True,
    )
    assert p.year == 2024 and p.extra["date_note"] == "month of arXiv id 2406.12275"
    assert dated_by_arxiv_id(p.extra)
    assert Paper.from_dict(p.to_dict()) == p  # the inferred date survives the wire format as it is
    assert "2024-06 (month of its arXiv id)" in p.to_markdown() and "2024-06 (month of its arXiv id)" in p.to_html()


@pytest.mark.parametrize(
    ("arxiv_id", "month"), [("hep-th/9901001", dt.date(1999, 1, 1)), ("math.GT/0309136", dt.date(2003, 9, 1))]
)
def test_old_style_ids_give_their_month_marked_inferred_too(arxiv_id: str, month: dt.date) -> None:
    """Old-style ids (archive/YYMMNNN, 1991-2007) are read as arXiv ids since session 16 and name their month as
    new-style ids do; before, such a paper had no date at all."""
    p = Paper("Some Paper About Things", arxiv_id=arxiv_id)
    assert (p.published, p.date_precision, p.date_inferred) == (month, "month", True)
    assert p.extra["date_note"] == f"month of arXiv id {arxiv_id}"
    assert arxiv_id_month(None) is None and arxiv_id_month("cs/9912999")[0] == dt.date(1999, 12, 1)


def test_a_given_date_is_kept_and_wins_a_merge() -> None:
    given = Paper("Some Paper About Things", arxiv_id="2406.12275", published="2024-06-17")
    assert (given.date_text, given.date_inferred, given.extra) == ("2024-06-17", False, {})
    bare = Paper("Some Paper About Things", arxiv_id="2406.12275", updated="2025-01-02")
    for merged in (bare.merge(given), given.merge(bare)):
        assert (merged.date_text, merged.date_inferred, "date_note" in merged.extra) == ("2024-06-17", False, False)


def test_dailyarxiv_rows_have_a_year_everywhere(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    lib = _rows()
    first, second = lib
    assert (first.date_text, first.updated, first.year) == ("2024-11", dt.date(2025, 3, 3), 2024)
    assert [p.arxiv_id for p in lib.filter(since="2024-01-01")] == ["2411.05841"]  # no longer dropped
    assert [p.arxiv_id for p in lib.filter(until="2023-01-01")] == ["2212.13706"]
    frame = lib.to_dataframe()
    assert list(frame["date_precision"]) == ["month", "month"] and list(frame["date_inferred"]) == [True, True]
    bib = first.to_bibtex()
    assert "year = {2024}" in bib and "month = nov" in bib
    path = tmp_path / "rows.md"
    path.write_text(README, encoding="utf-8")
    assert main(["show", "2411.05841", "--corpus", str(path)]) == 0
    assert "date:    2024-11?" in capsys.readouterr().out  # "?": inferred


def test_the_dailyarxiv_writer_invents_no_day() -> None:
    bare = Paper("Some Paper About Things", arxiv_id="1703.06870")  # no date of any kind
    row = next(line for line in to_dailyarxiv_markdown([bare]).splitlines() if "1703.06870" in line)
    assert "2017-03-01" not in row and row.split("|")[2].strip() == ""
    again = parse_dailyarxiv(to_dailyarxiv_markdown([bare])).papers[0]
    assert (again.updated, again.date_text, again.date_inferred) == (None, "2017-03", True)


def test_an_inferred_month_does_not_keep_a_published_version_apart() -> None:
    # a DailyArXiv row (no authors) and the same work's BibTeX record two years later without its arXiv id
    row = _rows()[0]
    published = Paper(
        "Folding Spectra into Saliency Masks", published=dt.date(2026, 1, 1), extra={"date_precision": "year"}
    )
    lib = Library([row, published])
    assert len(lib) == 1 and lib[0].date_text == "2026" and not lib[0].date_inferred


def test_the_compare_table_shows_each_date_as_precise_as_given() -> None:
    from paperlab.compare import compare

    papers = [
        Paper("Sparse Tables Counted", published=dt.date(2017, 1, 1), extra={"date_precision": "year"}),
        Paper("Known By Its Id Only", arxiv_id="2411.05841"),
        Paper("A Paper With A Day", published="2025-03-10"),
    ]
    df = compare(papers, fields=["title", "date"])
    assert df["date"].tolist()[1] == dt.datetime(2024, 11, 1)  # the frame keeps a typed date
    rows = [line.split(" | ")[-1] for line in df.paperlab.to_markdown().splitlines()[2:]]
    assert rows == ["2017 |", "2024-11? |", "2025-03-10 |"]
    html = df.paperlab.style().to_html()
    assert ">2024-11?<" in html and ">2017<" in html and "2017-01-01" not in html
    assert "2024-11?" in df.paperlab.to_latex()


@pytest.mark.parametrize(
    "arxiv_id",
    [
        "9912.12345",  # "99" is no year of new-style ids: not 2099-12
        "0701.1234",  # new-style ids began in April 2007 (0704)
        "0703.12345",
        "0704.12345",  # a four-digit number in 2007-2014
        "1412.12345",
        "1501.1234",  # five digits from January 2015
        "2406.1227",
    ],
)
def test_no_month_from_what_is_no_new_style_id(arxiv_id: str) -> None:
    assert arxiv_id_month(arxiv_id) is None
    assert Paper("Some Paper About Things", arxiv_id=arxiv_id).published is None


def test_ids_at_the_edges_of_each_period_are_dated() -> None:
    firsts = [arxiv_id_month(i) for i in ("0704.0001", "1412.8999", "1501.00001")]
    assert [hit[0] if hit else None for hit in firsts] == [
        dt.date(2007, 4, 1),
        dt.date(2014, 12, 1),
        dt.date(2015, 1, 1),
    ]
    this_month = dt.date.today().replace(day=1)
    next_month = (this_month + dt.timedelta(days=31)).replace(day=1)
    now = arxiv_id_month(this_month.strftime("%y%m") + ".00001")
    assert now is not None and now[0] == this_month
    assert arxiv_id_month(next_month.strftime("%y%m") + ".00001") is None  # not given yet
