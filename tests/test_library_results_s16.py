"""lib.results(): every result read from a library's abstracts as one tidy table, filtered by metric or dataset."""

from __future__ import annotations

import pytest

import paperlab
from paperlab import Library, Paper

FAST = Paper(
    title="Drafting Tokens Cheaply",
    id="2401.00001",
    abstract="A small drafter proposes tokens that a large model checks. We obtain a 2.4x speedup in decoding."
    " On XSum the drafted summaries reach 41.2 ROUGE-L.",
)
QUANT = Paper(
    title="Four-Bit Weights Without Tears",
    id="2401.00002",
    abstract="We quantize weights to four bits. Inference is 3.1x faster and accuracy on MMLU stays at 63.5%.",
)
NOTHING = Paper(title="A Position Paper", id="2401.00003", abstract="We argue that evaluation needs care.")


def lib() -> Library:
    return Library([FAST, QUANT, NOTHING])


def test_every_result_of_the_library_is_a_row_with_its_paper_and_sentence():
    df = lib().results()
    assert list(df.columns)[:6] == ["paper", "title", "metric", "value", "unit", "kind"]
    assert set(df["paper"]) == {FAST.id, QUANT.id}  # the position paper reports nothing
    row = df[(df["paper"] == QUANT.id) & (df["value"] == 63.5)].iloc[0]
    assert (row["title"], row["unit"], row["kind"]) == (QUANT.title, "%", "absolute")
    assert "63.5%" in row["evidence"]


def test_a_metric_filter_ignores_case_and_plurals_and_finds_it_inside_longer_names():
    speed = lib().results(metric="Speedups")
    assert sorted(speed["value"]) == [2.4, 3.1]  # "3.1x faster" is a speedup too
    assert set(lib().results(metric="accuracy")["value"]) == {63.5}


def test_a_dataset_filter_keeps_the_results_on_that_dataset():
    df = lib().results(dataset="xsum")
    assert list(df["value"]) == [41.2]
    assert df.attrs["filters"] == {"dataset": "xsum"}


def test_nothing_matching_is_an_empty_table_with_the_same_columns():
    df = lib().results(metric="BLEU")
    assert df.empty
    assert list(df.columns) == list(lib().results().columns)


@pytest.mark.parametrize("bad", ["", "  ", 3])
def test_a_blank_or_non_text_filter_is_refused_by_name(bad):
    with pytest.raises(ValueError, match="metric must be a non-empty string"):
        lib().results(metric=bad)


def test_the_library_method_and_the_function_agree():
    from paperlab.comparison.library_results import results_of

    assert results_of(lib()).equals(paperlab.Library([FAST, QUANT, NOTHING]).results())
