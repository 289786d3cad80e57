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
    assert rows == [(2.7, None, "delta", "ROUGE-L"), (1.9, None, "delta", "ROUGE-L")]  # score points: no unit


def test_with_a_value_on_a_named_set_is_a_result_not_a_setting():
    rows = _rows("The tagger is strong, with 93.4% on PennTB and 88.0% on Weibo.")
    assert [(v, u) for v, u, _, _ in rows] == [(93.4, "%"), (88.0, "%")]
    assert _rows("We fine-tune with 10% of the labels on every corpus.") == []  # a setting stays out


def test_a_metric_that_changes_from_one_value_to_another_names_both():
    rows = _rows("The macro F1 rises from 0.64 to 0.79 once the lexicon is added.")
    assert rows == [(0.64, None, "absolute", "F1"), (0.79, None, "absolute", "F1")]


def test_a_version_number_in_a_name_is_not_a_result():
    rows = _rows("It reaches a win rate of 64.2% against the base model on ArenaBench 2.0.")
    assert [(v, m) for v, _, _, m in rows] == [(64.2, "win rate")]


def test_a_system_name_is_never_the_metric():
    rows = _rows("Mixtral-8x7B reaches 71.5 on our legal benchmark, ahead of all open models.")
    assert all("Mixtral" not in str(m) for *_, m in rows)
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


def test_a_range_of_percentages_written_with_a_dash_gives_two_positive_ends():
    rows = _rows("Across the twelve tasks, our tagger's accuracy spans 41.5%-87.5%.")
    assert [(v, u) for v, u, _, _ in rows] == [(41.5, "%"), (87.5, "%")]


def test_percent_points_written_after_the_sign_are_points():
    assert _rows("The filter raised precision by only 1.7% points on the forum data.") == [
        (1.7, "pp", "delta", "precision")
    ]


def test_reaching_up_to_is_a_level_unless_a_gain_reaches_it():
    rows = _rows("Leakage stays high, reaching up to 38.2% and 9% for the two assistants, respectively.")
    assert [(v, k) for v, _, k, _ in rows] == [(38.2, "absolute"), (9.0, "absolute")]
    rows = _rows("Our planner wins, with recall gains reaching up to 11.3% on the hardest maps.")
    assert [(v, k) for v, _, k, _ in rows] == [(11.3, "delta")]


def test_an_improvement_exceeding_a_value_and_a_comparative_after_it_are_gains():
    rows = _rows("The cache shows a throughput improvement exceeding 60\\% against the plain server.")
    assert rows == [(60.0, "%", "delta", "throughput")]
    rows = _rows("The solver finds 10 to 14% stronger packings than the greedy rule.")
    assert [(v, k) for v, _, k, _ in rows] == [(10.0, "delta"), (14.0, "delta")]
    rows = _rows("Our agent scores 71.0%, a substantial improvement over the prompting baseline at 52.5%.")
    assert [(v, k) for v, _, k, _ in rows] == [(71.0, "absolute"), (52.5, "absolute")]


def test_a_percentage_of_the_training_data_set_with_an_article_is_a_setting():
    rows = _rows("When trained with a 75% training share, the tagger reaches an accuracy of 93.1%.")
    assert rows == [(93.1, "%", "absolute", "accuracy")]


def test_a_metric_written_at_k_is_a_metric_and_accuracies_is_accuracy():
    assert _rows("Our retriever reaches Hit@10 = 0.62 on the archive queries.") == [(0.62, None, "absolute", "Hit@10")]
    rows = _rows("The probe reaches classification accuracies of 81.5% on the first corpus and 77.0% on the second.")
    assert [(v, m) for v, _, _, m in rows] == [(81.5, "accuracy"), (77.0, "accuracy")]


def test_a_value_versus_another_shares_its_metric():
    rows = _rows("Short prompts make our reviewer more efficient (42.0% versus 30.5% approval, a 12% efficiency gain).")
    assert [(v, m) for v, _, _, m in rows][:2] == [(42.0, "approval"), (30.5, "approval")]
    rows = _rows("Our reviewer outperforms the baseline, with 42.0% versus 30.5% approval on the fixes.")
    assert [(v, m) for v, _, _, m in rows] == [(42.0, "approval"), (30.5, "approval")]


def test_a_k_fold_protocol_is_not_a_gain():
    rows = _rows(
        "The encoder reaches a macro F1 of 0.91, with 10-fold cross validation F1 improving from 0.84 to 0.90."
    )
    assert [v for v, *_ in rows] == [0.91, 0.84, 0.90]


def test_a_phrase_of_a_value_names_it_but_not_a_count_or_a_measured_span():
    text = "The audit reports no leaks and a mean faithfulness of 0.82 under greedy decoding."
    assert _rows(text) == [(0.82, None, "absolute", "faithfulness")]  # session 18: canonical, "mean" dropped
    assert list(extract_results(text)["metric_as_written"]) == ["mean faithfulness"]
    assert _rows("The study draws on a sample of 40 clinics in three regions.") == []
    rows = _rows("The tracker reaches an accuracy within 3 meters of 91% on the rooftop runs.")
    assert [(v, m) for v, _, _, m in rows] == [(91.0, "accuracy")]


def test_a_gain_word_inside_another_word_makes_no_gain():
    rows = _rows("Our probe flags the model as biased against as much as 64% of the queried subgroups.")
    assert [(v, k) for v, _, k, _ in rows] == [(64.0, "absolute")]  # "against" holds "gain", "again" too
    rows = _rows("The tuned filter reaches an accuracy of 91.0%, again as much as 91.0% on the noisy split.")
    assert [k for _, _, k, _ in rows] == ["absolute", "absolute"]


def test_a_word_after_an_article_names_the_value_even_when_it_looks_like_a_verb():
    rows = _rows("On the open leaderboard, our agent reaches a score of 63.5% against 41.0% for crowd workers.")
    assert [(v, m) for v, _, _, m in rows][:1] == [(63.5, "score")]
