"""Numbers the labelling conventions never count as results (session 17, helper X17): spreads, p-values, confidence
levels and bounds, bracketed intervals, ordinals, model sizes, versions, ids, odds ratios, listed settings — before,
extraction reported them as values. Our own sentences of those shapes."""

from __future__ import annotations

import pytest

from paperlab.compare import extract_results
from paperlab.comparison import result_classifier


def _values(text: str) -> list[float]:
    return [float(v) for v in extract_results(text)["value"]]


@pytest.fixture
def no_classifier(tmp_path, monkeypatch):
    """The rules alone: the learned results classifier's model file is missing."""
    monkeypatch.setattr(result_classifier, "MODEL_PATH", tmp_path / "missing.json")
    result_classifier._model.cache_clear()
    yield
    result_classifier._model.cache_clear()


def test_a_spread_written_plus_minus_is_not_a_value() -> None:
    """Before, "0.912 +- 0.021" gave 0.021 as a second SSIM value ("±" and "+/-" were read, "+-" was not)."""
    text = "The denoiser reaches an SSIM of 0.912 +- 0.021 and a PSNR of 31.4 +/- 0.6 dB on the phantom scans."
    assert _values(text) == [0.912, 31.4]


def test_p_and_q_values_are_not_values() -> None:
    """Before, "Wilcoxon p 0.003" and "q < 0.05" were kept as F1 values."""
    text = (
        "Retrieval lifts answer F1 by 4.1 points (Wilcoxon p 0.003), and the q < 0.05 threshold holds for every task."
    )
    assert _values(text) == [4.1]


def test_a_confidence_level_and_its_bounds_are_not_values() -> None:
    """Before, "95% CI" and the bound 66.5 were kept (metric "CI")."""
    text = "The tuned model raises exact match to 64.2% (95% CI 61.8-66.5) on the held-out split."
    assert _values(text) == [64.2]


def test_the_bounds_of_a_bracketed_interval_are_not_values() -> None:
    """Before, both bounds of "[6.1%, 8.9%]" and of "[0.15, 0.27]" were kept as values of their own."""
    text = "Calibration lowers the error to 7.4% [6.1%, 8.9%] and the gap shrinks by 0.21 [0.15, 0.27]."
    assert _values(text) == [7.4, 0.21]
    assert _values("It reaches 81.2% accuracy [79.1%, 83.0%] on the test set.") == [81.2]


def test_an_ordinal_is_not_a_value() -> None:
    """Before, "99.9th-percentile" and "95th percentile" gave the values 99.9 and 95."""
    text = "Our cache cuts the 99.9th-percentile latency by 41% and the 95th percentile latency by 23%."
    rows = extract_results(text)
    assert [(float(r.value), r.unit, r.kind) for r in rows.itertuples()] == [(41.0, "%", "delta"), (23.0, "%", "delta")]


def test_model_sizes_glued_to_b_are_not_values() -> None:
    """Before, "from 0.5B to 14B" gave 0.5 as a result of "fine-tune models"."""
    text = "We fine-tune models from 0.5B to 14B (Qwen2.5-7B among them) and our recipe gains 3.6% accuracy."
    assert _values(text) == [3.6]


def test_versions_and_ids_are_not_values() -> None:
    """Before, "(Lumen 2.1)" and "Borealis~3.5" were F1 values, and so was the arXiv id "2401.01234"."""
    assert _values("Compared with (Lumen 2.1) and Borealis~3.5, our tagger reaches 0.87 F1 with LibFoo 1.4.2.") == [
        0.87
    ]
    assert _values("Trained on 2.4 million captions, the tagger (see arXiv:2401.01234v3) reaches 0.87 F1.") == [0.87]


def test_the_rules_alone_drop_statistics_and_counts(no_classifier) -> None:
    """Without the learned model the rules kept an odds ratio, an exponent, a count in millions and a year."""
    text = "Errors were more frequent for long inputs (OR 2.31), while our checker flags 92% of them."
    assert _values(text) == [92.0]
    assert _values("The bound tightens by κ^0.5 and the solver reaches 94.1% accuracy.") == [94.1]
    text = "On 2.4 million captions of the 2023 crawl, the tagger reaches 0.87 F1."
    assert _values(text) == [0.87]


def test_settings_listed_after_use_are_not_values() -> None:
    """Before, the second of two settings after "We use" ("a weight decay of 0.01") was kept as a result."""
    text = "We use a warmup ratio of 0.05 and a weight decay of 0.01, and the model reaches 78.3% accuracy."
    assert _values(text) == [78.3]


def test_a_bare_number_takes_no_metric_from_another_clause() -> None:
    """Before, "0.02 per move" took "success rate" from the clause after "while"."""
    rows = extract_results("The step penalty is 0.02 per move while the agent's success rate reaches 87%.")
    assert ("success rate", 87.0) in [(r.metric, float(r.value)) for r in rows.itertuples()]
    assert all(r.metric != "success rate" for r in rows.itertuples() if float(r.value) == 0.02)


def test_results_next_to_statistics_are_kept() -> None:
    """What must not change (passes before too): a change before its p-value, a score after a capitalised name."""
    assert _values("The method improves recall from 0.71 to 0.74 (p<0.001).") == [0.71, 0.74]
    assert _values("Our model scores 27.3 BLEU, 2.1 points above the baseline.") == [27.3, 2.1]


def test_the_first_end_of_a_size_range_is_a_size_too() -> None:
    """'a 0.5-3B model family': the 0.5 is half a billion parameters like the 3, a setting, never a result (session
    17's refitted metric ranker named it 'accuracy' from later in the sentence)."""
    rows = extract_results("We release a compact 0.5-3B model family that reaches 64.2% accuracy.")
    assert list(rows["value"]) == [64.2]
    rows = extract_results("Models from 1 to 8B parameters reach 71.3% accuracy on the held-out split.")
    assert list(rows["value"]) == [71.3]
