"""Results extraction, session 11: metric phrases the gold writes in their usual name. Every sentence here is our own."""

from __future__ import annotations

from paperlab.compare import extract_results


def _metrics(text: str) -> dict[float, object]:
    return {r["value"]: r["metric"] for r in extract_results(text).to_dict("records")}


def test_a_bare_success_is_a_success_rate():
    got = _metrics("Our gripper policy reaches 91.5% success on the shelf tasks.")
    assert got[91.5] == "success rate"
    got = _metrics("Glare lowers RoboArm success from 64% to 22% in the kitchen scenes.")
    assert got[64] == "success rate" and got[22] == "success rate"


def test_success_with_a_word_of_its_own_keeps_it():
    """Since session 19 the metric is the conventions' canonical name, "success rate" (v20/v21: "Target success",
    "semantic success" are success rates); the words the paper wrote stay in ``metric_as_written``."""
    df = extract_results("The tutor raises referential success to 77% on the map game.")
    assert list(zip(df["value"], df["metric"], df["metric_as_written"], strict=True)) == [
        (77.0, "success rate", "referential success")
    ]


def test_precision_recall_areas_are_aupr():
    got = _metrics("The fraud probe reaches AUROC 0.93 and AUPRC 0.41 on the bank logs.")
    assert got == {0.93: "AUROC", 0.41: "AUPR"}
    assert _metrics("Our tagger improves PR-AUC by 12.5% over the rule set.")[12.5] == "AUPR"
    assert _metrics("The detector has an AUC-PR of 0.66 on the night images.")[0.66] == "AUPR"


def test_chrf_is_its_own_metric_not_bleu():
    got = _metrics("The Breton-to-Welsh model scores 11.2 BLEU and 38.4 chrF++ on the story set.")
    assert got == {11.2: "BLEU", 38.4: "chrF++"}
    assert _metrics("Adding the glossary lifts chrF from 40.1 to 43.9.")[43.9] == "chrF"


def test_a_change_in_brackets_is_the_change_of_the_value_before_it():
    rows = extract_results(
        "The summariser raises faithfulness to 71.2% (5.3% absolute improvement), and its SWE-lite F1 to 60.4."
    ).to_dict("records")
    got = {r["value"]: (r["metric"], r["kind"]) for r in rows}
    assert got[71.2] == ("faithfulness", "absolute")
    assert got[5.3] == ("faithfulness", "delta")


def test_the_noun_whose_change_a_pair_gives_is_their_metric():
    got = _metrics("Recall holds at 64% to 66% accuracy while coherence climbs sharply from 0.310 to 0.772 on essays.")
    assert got[0.31] == "coherence" and got[0.772] == "coherence"
    got = _metrics("The tutor lifts accuracy to 93% with legibility staying stable (0.480 to 0.470).")
    assert got[0.48] == "legibility" and got[0.47] == "legibility"
    got = _metrics("Our ranking model improves from 70% to 75% accuracy on the news set.")
    assert got[70] == "accuracy" and got[75] == "accuracy"


def test_spearman_rho_ppl_and_a_percent_success_have_their_usual_names():
    got = _metrics("Judges agree with the panel (Spearman rho of 0.64), and pruning cuts PPL by 18.5% on the wiki set.")
    assert got == {0.64: "Spearman correlation", 18.5: "perplexity"}
    assert _metrics("The arm keeps 96.1% to 97.4% success and a 2.2 cm drift.")[97.4] == "success rate"


def test_the_noun_between_a_change_and_its_value_is_the_metric():
    got = _metrics(
        "The planner keeps accuracy at 88.2% with a 4.5x query reduction and 31.5% memory traffic reduction."
    )
    assert got == {88.2: "accuracy", 4.5: "query", 31.5: "memory traffic"}
    assert _metrics("The probe gives a 12.5% relative improvement in recall.")[12.5] == "recall"


def test_dice_and_iou_spellings():
    got = _metrics("The segmenter reaches Dice similarity coefficients of 0.87 and an IOU score of 0.79 on the scans.")
    assert got == {0.87: "Dice", 0.79: "IoU"}


def test_the_value_of_a_named_metric_is_that_metric():
    got = _metrics("The sleep stager reaches an accuracy of 81.2% with a Kappa value of 0.71 on the night records.")
    assert got == {81.2: "accuracy", 0.71: "Kappa"}


def test_every_multiple_of_a_list_after_by_is_kept():
    rows = extract_results("The cache cuts cold-start latency by 4.2x and 2.7x compared to the two disk stores.")
    assert [(r["value"], r["unit"], r["kind"]) for r in rows.to_dict("records")] == [
        (4.2, "x", "delta"),
        (2.7, "x", "delta"),
    ]


def test_both_ends_of_a_range_of_multiples_written_with_x_twice():
    rows = extract_results("The indexer gives a 2.4x-3.1x query speedup on the log shards.").to_dict("records")
    assert [(r["value"], r["unit"]) for r in rows] == [(2.4, "x"), (3.1, "x")]


def test_n_times_the_metric_of_a_baseline_is_a_multiple():
    rows = extract_results("The batched decoder reaches 1.85 times the throughput of the eager one.").to_dict("records")
    assert [(r["value"], r["unit"], r["kind"], r["metric"]) for r in rows] == [(1.85, "x", "delta", "throughput")]
    assert extract_results("We repeat each run 5 times the night before the audit.").empty


def test_a_word_about_the_size_of_a_value_names_no_metric():
    got = _metrics(
        "We also see an impressive 7.4% improvement on the noisy receipts and a minor 1.2% drop on clean ones."
    )
    assert got == {7.4: None, 1.2: None}


def test_training_acceleration_is_a_speedup_and_smaller_by_a_multiple_is_model_size():
    assert _metrics("The renderer gives a 4.6x training acceleration on the city scenes.")[4.6] == "speedup"
    assert _metrics("It matches the teacher on the quiz set while being about 5.5x smaller.")[5.5] == "model size"
    assert _metrics("The codec needs a 2.5x smaller memory footprint.")[2.5] == "memory footprint"
