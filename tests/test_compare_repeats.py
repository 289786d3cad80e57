"""The results cell of ``paperlab.compare`` shows each result once.

An abstract that states one baseline twice ("cuts the error from 40% to 12% on the easy split and from 40% to 25% on
the hard split") yields two identical results (value, unit, metric, dataset, kind); the table shows that result once
(the walkthrough's demo paper showed "100% held-out preference violation on ClawArena" twice), while
``result_values`` keeps every sentence's row as evidence. Our own abstract, then the bundled demo paper.
"""

from __future__ import annotations

import html

import paperlab
from paperlab import Paper

ABSTRACT = (
    "We study label noise in bird-song classification. On the Warbler benchmark, our relabelling step cuts the "
    "error rate from 40% to 12% on the easy split. On the Warbler benchmark, it cuts the error rate from 40% to "
    "25% on the hard split. Training takes 3 hours on one GPU."
)


def _cell(df: object, row: int = 0) -> list[str]:
    return list(df.iloc[row]["results"])  # type: ignore[attr-defined]


def test_own_repeated_baseline_is_shown_once() -> None:
    paper = Paper(title="Relabelling Noisy Bird Songs", abstract=ABSTRACT, arxiv_id="2501.00999")
    df = paperlab.compare([paper])
    cell = _cell(df)
    assert cell, "the abstract's results were found"
    assert len(cell) == len(set(cell)), cell  # no result twice in one cell
    forty = [c for c in cell if c.startswith("40%")]
    assert len(forty) == 1, cell
    assert any(c.startswith("12%") for c in cell) and any(c.startswith("25%") for c in cell)
    shown = html.unescape(df._repr_html_() or "")
    assert shown.count(forty[0]) == 1  # the notebook's table too
    values = df.iloc[0]["result_values"]
    assert sum(v["value"] == 40 for v in values) == 2  # both sentences kept as evidence


def test_demo_paper_with_a_repeated_baseline() -> None:
    paper = next(p for p in paperlab.demo() if p.arxiv_id == "2606.13174")
    cell = _cell(paperlab.compare([paper]))
    assert cell.count("100% held-out preference violation on ClawArena") == 1, cell
    assert (
        "37.6% held-out preference violation on ClawArena" in cell
        and "2% held-out preference violation on ClawArena" in cell
    )


def test_demo_papers_with_percentages_repeat_no_result() -> None:
    papers = [p for p in paperlab.demo() if "%" in (p.abstract or "")]
    df = paperlab.compare(papers)
    repeated = {pid: cell for pid, cell in zip(df.index, df["results"], strict=True) if len(cell) != len(set(cell))}
    assert len(papers) > 20 and not repeated
