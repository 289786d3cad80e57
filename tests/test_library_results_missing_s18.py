"""lib.results() marks a missing dataset, method or setting one way: a column no sentence filled showed "None" beside
a partly filled column's "NaN" (session 18, the lead's notebook day); an empty result keeps a numeric value column."""

from __future__ import annotations

import pandas as pd

from paperlab import Library, Paper

SPEEDUPS = Paper(
    title="Kernels That Read Less",
    id="2402.00011",
    abstract="Our kernel gives a 15% speedup on BERT-large, a 3x speedup on GPT-2 and a 2.4x speedup overall.",
)


def test_every_text_column_marks_a_missing_value_the_same_way():
    df = Library([SPEEDUPS]).results()
    assert len(df) == 3
    assert df["dataset"].isna().all() and df["method"].isna().all()  # no sentence names one
    assert df["setting"].isna().any()  # the last speedup has no setting
    assert df["dataset"].dtype == df["setting"].dtype == df["metric"].dtype
    shown = df[["dataset", "method", "setting"]].to_string()
    assert "None" not in shown


def test_an_empty_result_keeps_its_columns_and_a_numeric_value():
    df = Library([SPEEDUPS]).results(metric="perplexity")
    assert df.empty and pd.api.types.is_float_dtype(df["value"])
