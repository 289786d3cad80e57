"""Results extraction, session 6: which metric a value gets and which numbers are settings, on sentences written for
these tests (no gold sentence). Each case failed before its rule."""

from __future__ import annotations

from paperlab.compare import extract_results


def _rows(text: str) -> list[tuple]:
    return [(r.value, r.unit, r.kind, r.metric) for r in extract_results(text).itertuples()]


def test_a_multiple_followed_by_faster_or_speedup_is_a_speedup_whatever_metric_is_near():
    rows = _rows("Our kernels cut memory by 30% in training and give a $2.8\\times$ faster decoding on long inputs.")
    assert rows == [(30.0, "%", "delta", "memory"), (2.8, "x", "delta", "speedup")]
    rows = _rows("The compiler brings a 4X speed-up in compilation efficiency over the interpreter.")
    assert rows == [(4.0, "x", "delta", "speedup")]


def test_a_unit_written_once_after_two_listed_values_belongs_to_both():
    rows = _rows("Our summarizer beats the strongest baseline by 2.7 and 1.9 points in ROUGE-L on the two corpora.")
    assert rows == [(2.7, "pp", "delta", "ROUGE-L"), (1.9, "pp", "delta", "ROUGE-L")]


def test_with_a_value_on_a_named_set_is_a_result_not_a_setting():
    rows = _rows("The tagger is strong, with 93.4% on PennTB and 88.0% on Weibo.")
    assert [(v, u) for v, u, _, _ in rows] == [(93.4, "%"), (88.0, "%")]
    assert _rows("We fine-tune with 10% of the labels on every corpus.") == []  # a setting stays out


def test_a_metric_that_changes_from_one_value_to_another_names_both():
    rows = _rows("The macro F1 rises from 0.64 to 0.79 once the lexicon is added.")
    assert rows == [(0.64, None, "absolute", "F1"), (0.79, None, "absolute", "F1")]


def test_a_version_number_in_a_name_is_not_a_result():
    rows = _rows("Our assistant wins 64.2% of duels on ArenaBench 2.0 against the base model.")
    assert [v for v, *_ in rows] == [64.2]


def test_a_system_name_is_never_the_metric():
    rows = _rows("Mixtral-8x7B reaches 71.5 on our legal benchmark, ahead of all open models.")
    assert [m for *_, m in rows if m is not None] == [] or all("Mixtral" not in str(m) for *_, m in rows)
    rows = _rows("On the hardest split our planner exceeds Qwen2-VL-7B by 12.4%.")
    assert [(v, k) for v, _, k, _ in rows] == [(12.4, "delta")] and rows[0][3] != "Qwen2-VL-7B"


def test_hyperparameters_set_or_used_are_not_results():
    assert _rows("We use a dropout rate of 0.3 and a label smoothing of 0.1 in all runs.") == []
    assert _rows("We set the sampling temperature to 0.7 for every model.") == []
    rows = _rows("Using a threshold of 0.5, the detector reaches an F1 of 0.88 on the test pages.")
    assert rows == [(0.88, None, "absolute", "F1")]


def test_a_value_at_an_operating_point_is_a_condition_and_names_no_metric():
    rows = _rows("At a 5% false alarm rate, the monitor reaches 91.0% recall on the replayed traffic.")
    assert rows == [(91.0, "%", "absolute", "recall")]
