"""Result shapes that fresh arXiv abstracts write and extraction misread before session 7 (our own sentences of the
same shapes): points as differences, multiples written in words or before the number, changes with physical units,
values in parentheses after names, and a metric named once after several values."""

from __future__ import annotations

from paperlab import Paper
from paperlab.compare import compare, extract_results


def _rows(text: str) -> list[tuple[object, ...]]:
    df = extract_results(text).astype(object)
    return [(r.metric, r.value, r.unit, r.kind, r.dataset) for r in df.where(df.notna(), None).itertuples(index=False)]


def test_score_points_have_no_unit_and_percentage_points_are_pp() -> None:
    """Session 10: every fresh gold set's convention (v8-test ... v12b) writes "points" with no unit (points of a
    score, a rating or BLEU are no percentage points); "percentage points", "percentage-point" and "% points" are pp.
    Before, bare points were "pp" and a hyphenated "percentage-point" was no unit at all."""
    rows = _rows("Judges rate the drafts 0.42 points above the editors on a five-point scale.")
    assert [(v, u, k) for _, v, u, k, _ in rows] == [(0.42, None, "delta")]
    rows = _rows("Our tagger adds a 4.1-point gain in BLEU and a 2.6 percentage-point gain in exact match.")
    assert [(v, u, k) for _, v, u, k, _ in rows] == [(4.1, None, "delta"), (2.6, "pp", "delta")]


def test_percentage_points_are_a_difference_however_they_are_written() -> None:
    rows = _rows(
        "The tagger brings a +2.15 percentage point improvement, and gaps of up to 7 percentage points (p.p.) on"
        " TabQA and 4 p.p. on CodeEval."
    )
    assert [(v, u, k) for _, v, u, k, _ in rows] == [(2.15, "pp", "delta"), (7.0, "pp", "delta"), (4.0, "pp", "delta")]
    assert [d for *_, d in rows][1:] == ["TabQA", "CodeEval"]
    # a bare "points" after a score is still a difference, of score points: no unit (session 10)
    assert _rows("Our planner beats the heuristic by 12 points.")[0][2:4] == (None, "delta")


def test_a_multiple_in_words_or_before_the_number_is_a_multiple() -> None:
    assert _rows("Caching yields up to a 45 times throughput improvement.") == [
        ("throughput", 45.0, "x", "delta", None)
    ]
    # "$\times$2.3 higher": LaTeX puts the sign before the number
    assert _rows("The drafter gives a $\\times$2.3 higher acceptance length.")[0][1:4] == (2.3, "x", "delta")
    assert _rows("The loop ran 45 times during warm-up.") == []  # a count, not a multiple


def test_a_change_with_a_physical_unit_keeps_both_ends_and_the_phrase_before_from() -> None:
    rows = _rows(
        "Overheads were small: response time rose from 40 ms to 65 ms and memory use from 20 percent to 35 percent."
    )
    assert [(m, v, u, k) for m, v, u, k, _ in rows] == [
        ("response time", 40.0, None, "absolute"),
        ("response time", 65.0, None, "absolute"),
        ("memory use", 20.0, "%", "absolute"),
        ("memory use", 35.0, "%", "absolute"),
    ]
    # "use ... from" is a change, not a setting ("we use a dropout rate of 0.1" still is one)
    assert _rows("We use a dropout rate of 0.1 and reach 81.2% accuracy.") == [
        ("accuracy", 81.2, "%", "absolute", None)
    ]
    # a lexicon metric before the verb wins; a name after "of"/"on" is not the measured phrase
    assert [str(r[0]).lower() for r in _rows("Recall ranges from 61% to 70% on the audits.")] == ["recall"] * 2
    assert {r[0] for r in _rows("It improves the pass@1 of Owl-7B-chat from 60.5 to 71.25.")} == {"pass@1"}


def test_a_level_from_a_to_b_stays_a_level_before_a_gerund_of_change() -> None:
    rows = _rows("The agent lifts the task success rate from 14% to 52% and boosting the goal recall from 30% to 61%.")
    assert [(m, v, k) for m, v, _, k, _ in rows] == [
        ("success rate", 14.0, "absolute"),
        ("success rate", 52.0, "absolute"),
        ("goal recall", 30.0, "absolute"),
        ("goal recall", 61.0, "absolute"),
    ]


def test_values_in_parentheses_after_names_and_a_metric_named_once_after_them() -> None:
    rows = _rows("On Near-OOD (91.5%) and Far-OOD (96.2%), our detector reaches the best AUROC.")
    assert rows == [
        ("AUROC", 91.5, "%", "absolute", "Near-OOD"),
        ("AUROC", 96.2, "%", "absolute", "Far-OOD"),
    ]
    # a value far from the next one does not borrow its metric across a clause that names its own
    rows = _rows(
        "It lifts tone agreement gains reaching up to 19.3% and content overlap improving by as much as 8.25%."
    )
    assert rows[1][0] != rows[0][0] or rows[0][0] is None


def test_a_reduction_of_something_counted_reads_fewer() -> None:
    shown = compare(
        [Paper(title="t", abstract="Our model needs 4x fewer parameters than the baseline and cuts latency by 3x.")]
    )["results"].iloc[0]
    assert "4x fewer parameters" in shown and "3x lower latency" in shown


def test_a_gain_over_one_baseline_and_a_value_over_the_next_are_both_gains() -> None:
    rows = _rows("Our parser reaches 91.2% accuracy, a 6.1% gain over rule-based parsers and 12.4% over prompted LLMs.")
    assert [(m, v, k) for m, v, _, k, _ in rows] == [
        ("accuracy", 91.2, "absolute"),
        ("accuracy", 6.1, "delta"),
        ("accuracy", 12.4, "delta"),
    ]
    # "improvements in <metric> of up to N%" is a gain, like "improvements of up to N%"
    rows = _rows("We see improvements in balanced accuracy of up to 9.5% on small images and up to 14.25% on volumes.")
    assert [(v, k) for _, v, _, k, _ in rows] == [(9.5, "delta"), (14.25, "delta")]


def test_top_k_and_mean_per_class_iou_are_metrics() -> None:
    rows = _rows("From a baseline at 31.5% Top-1 on Welsh dev, tuning reaches 58.0% Top-1 (0.71 NDCG@5) on Welsh.")
    assert [(m, v) for m, v, *_ in rows] == [("Top-1", 31.5), ("Top-1", 58.0), ("nDCG", 0.71)]
    assert {r[0] for r in _rows("The mapper's mean per-class IoU is 0.611 vs. 0.204 for the old one.")} == {"mIoU"}


def test_a_list_of_measured_phrases_zips_with_the_values_respectively() -> None:
    rows = _rows(
        "Against the strongest baseline, it achieves 3.1%, 2.2%, 4.9% improvements in in-domain accuracy, task"
        " transfer, and shift robustness, respectively."
    )
    # session 18: "in-domain accuracy" is the canonical accuracy (the phrase stays in metric_as_written)
    assert [(m, v) for m, v, *_ in rows] == [
        ("accuracy", 3.1),
        ("task transfer", 2.2),
        ("shift robustness", 4.9),
    ]
    # capitalised names are datasets, not metrics
    rows = _rows("Our model reaches 81.2%, 79.5% and 90.1% on Birds-10, Birds-100 and Owls-5, respectively.")
    assert [d for *_, d in rows] == ["Birds-10", "Birds-100", "Owls-5"]


def test_above_is_not_the_metric_of_a_value() -> None:
    rows = _rows("The best systems (Foo-2, Bar-5) reach scores above 0.97, while others vary widely.")
    assert all(r[0] != "above" for r in rows)


def test_slash_lists_pair_each_value_with_the_name_of_its_place() -> None:
    rows = _rows("Our rankers reach mean Hit/MRR scores of 0.41/0.28 on Set A and 0.39/0.25 on Set B.")
    assert [(str(m).lower(), v) for m, v, *_ in rows] == [("hit", 0.41), ("mrr", 0.28), ("hit", 0.39), ("mrr", 0.25)]
    rows = _rows("The tagger reaches P/R/F1 of 81.5/74.2/77.6 on the notes.")
    assert [(m, v) for m, v, *_ in rows] == [("P", 81.5), ("R", 74.2), ("F1", 77.6)]


def test_a_decimal_rating_on_a_five_or_ten_point_scale_is_a_result() -> None:
    rows = _rows("Judges rate the summaries as faithful (4.41/5.0) and fluent (3.9/5).")
    assert [v for _, v, *_ in rows] == [4.41, 3.9]
    # a count of participants is not a rating
    assert [v for _, v, *_ in _rows("Most participants (19/22, 86%) agreed that the tool helps.")] != [19.0]


def test_a_named_metric_is_kept_over_a_respectively_list_of_tasks_and_dates_are_not_values() -> None:
    rows = _rows("The features reach an F1 of about 84% and 71% for the port route and arrival guess, respectively.")
    assert [(m, v) for m, v, *_ in rows] == [("F1", 84.0), ("F1", 71.0)]
    rows = _rows("Runs with Owl-Mini-2024-07-18 show better results (32-43% yes answers) than Owl-2023-11-06 (9.5%).")
    assert 18.0 not in [v for _, v, *_ in rows] and 6.0 not in [v for _, v, *_ in rows]


def test_both_sides_of_a_versus_are_results_or_neither() -> None:
    rows = _rows("Pruned prompts give cleaner groups than random ones (mean Purity@3 = 0.412 vs. 0.233).")
    assert [(m, v) for m, v, *_ in rows] == [("Purity@3", 0.412), ("Purity@3", 0.233)]


def test_a_signed_time_in_parentheses_is_a_change_and_a_plain_count_of_seconds_is_not() -> None:
    rows = _rows("Our router introduces a negligible latency overhead (+0.64s).")
    assert [(v, u, k) for _, v, u, k, _ in rows] == [(0.64, None, "delta")]
    assert _rows("We train for 30 s with a 5 s window.") == []


def test_a_second_range_after_compared_to_is_a_gain_too_and_a_degradation_is_a_change() -> None:
    rows = _rows("Our planner reduced review times by 12% to 30% compared to Team A and 9% to 15% compared to Team B.")
    assert [k for *_, k, _ in rows] == ["delta"] * 4
    rows = _rows("We see up to 11.5% ADE improvement in the simulated set and 6.2% ADE in the real set.")
    assert [(m, v, k) for m, v, _, k, _ in rows] == [("ADE", 11.5, "delta"), ("ADE", 6.2, "delta")]
    assert _rows("Accuracy falls from 61.3 to 55.0, a 10.3% degradation.")[-1][1:4] == (10.3, "%", "delta")


def test_accelerating_by_a_multiple_is_a_speedup_whatever_metric_follows() -> None:
    rows = _rows("The scheduler accelerates training by up to 2.7x and improves sample efficiency on all tasks.")
    assert [(m, v, u) for m, v, u, *_ in rows] == [("speedup", 2.7, "x")]
