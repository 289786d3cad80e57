"""``lib.results()`` and ``compare()`` share one "result rows of a paper" function (``views.result_rows``): results
no longer builds a whole ``compare`` frame (every paper's task, datasets and metrics extracted and thrown away) to
unpack its ``result_values``. Same rows as before, no facet read. Papers: our own abstracts, and a session's
slides' table carried by a paper (``extra["session_results"]``).
Measured on ``paperlab.demo()`` (325 papers, 232 rows), one process: the old path 3.03 s, results_of 1.84 s."""

from __future__ import annotations

import pytest

from paperlab import Library, Paper
from paperlab.comparison import library_results, views
from paperlab.comparison.views import compare, result_rows

FAST = Paper(
    title="Drafting Tokens Cheaply",
    id="2401.00001",
    abstract="A small drafter proposes tokens that a large model checks. We obtain a 2.4x speedup in decoding."
    " On XSum the drafted summaries reach 41.2 ROUGE-L.",
)
SLIDES = Paper(
    title="Slides With A Table",
    id="2401.00004",
    abstract="We quantize weights to four bits and keep 63.5% accuracy on MMLU.",
    extra={"session_results": [{"metric": "perplexity", "value": 5.8, "method": "ours", "dataset": "WikiText"}]},
)


def test_results_are_the_rows_compare_holds_and_read_no_facet(monkeypatch: pytest.MonkeyPatch) -> None:
    lib = Library([FAST, SLIDES, Paper(title="Nothing Measured", id="2401.00003", abstract="We argue.")])
    frame = compare(lib, fields=["title"])
    expected = [(pid, row["metric"], row["value"]) for pid, rows in frame["result_values"].items() for row in rows]
    calls: list[str] = []
    real = views.extract_facets
    monkeypatch.setattr(views, "extract_facets", lambda p: calls.append(p.id) or real(p))
    out = library_results.results_of(lib)
    assert calls == []  # no task/datasets/metrics extracted for a table of results
    assert list(zip(out["paper"], out["metric"], out["value"], strict=True)) == expected
    assert ("2401.00004", "perplexity", 5.8) in expected  # the slides' table, as compare reads it
    assert set(out["title"]) == {FAST.title, SLIDES.title}
    compare(lib, fields=["title"])
    assert len(calls) == 3  # compare still reads every paper's facets


def test_result_rows_is_one_papers_result_values() -> None:
    frame = compare([FAST], fields=["title"])
    assert result_rows(FAST) == frame.loc[FAST.id, "result_values"]
    assert [r["value"] for r in result_rows(FAST)] == [2.4, 41.2]
