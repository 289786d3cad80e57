"""benchmarks/bench_labeller_agreement.py: two labellers' files compared on the sentences both list, with the
extraction bench's matching, and the census of metric disagreements. Every abstract and label file here is our own,
made up and written in a temporary folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_labeller_agreement as agreement  # noqa: E402
import gold_texts  # noqa: E402

ABSTRACTS = {
    "r1": "A lamp that dims itself. It cuts power use by 12% and keeps brightness at 0.93. Its light is 2x softer.",
    "r2": "Spoons weighed by sound. The mean absolute error is 0.4 grams on SpoonSet. We used version 2.1 of it.",
    "r3": "A robot for cups. It grasps 90% of cups, with a relative error of 0.2 and a speed of 1.5.",
}

# (record, sentence index) -> tuples as (value, unit, kind, metric, dataset)
FIRST = {
    ("r1", 1): [(12, "%", "delta", "power use", None), (0.93, None, "absolute", "brightness", None)],
    ("r1", 2): [(2, "x", "delta", "softness", None)],  # labeller 1 alone lists this sentence
    ("r2", 1): [(0.4, None, "absolute", "MAE", "SpoonSet")],
    ("r3", 1): [
        (90, "%", "absolute", "grasp success", None),
        (0.2, None, "absolute", "error", None),
        (1.5, None, "absolute", "speed", None),
    ],
}
SECOND = {
    # the same metric written with a capital and a plural: the bench counts it as agreement
    ("r1", 1): [(12.0, "%", "delta", "Power Uses", None), (0.93, None, "absolute", None, None)],
    ("r2", 1): [(0.4, None, "absolute", "mean absolute error", "SpoonSet")],
    ("r2", 2): [],  # labeller 2 alone lists this sentence (a version, no result)
    ("r3", 1): [
        (90, "%", "absolute", "success rate", None),
        (0.2, None, "absolute", "relative error", None),
        (1.5, None, "absolute", "velocity", None),
    ],
}


def _write(path: Path, labels: dict) -> Path:
    fields = ("value", "unit", "kind", "metric", "dataset")
    sentences = [
        {
            "record": record,
            "sentence": index,
            "sha1": gold_texts.sentence_sha1(gold_texts.split_sentences(ABSTRACTS[record])[index]),
            "tuples": [dict(zip(fields, t, strict=True)) for t in tuples],
        }
        for (record, index), tuples in labels.items()
    ]
    path.write_text(json.dumps({"description": "ours", "sentences": sentences}), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    texts = tmp_path / "abstracts.jsonl"
    texts.write_text("\n".join(json.dumps({"record": r, "abstract": a}) for r, a in ABSTRACTS.items()), "utf-8")
    return _write(tmp_path / "one.json", FIRST), _write(tmp_path / "two.json", SECOND), texts


def _row(result: dict, comparison: str, match: str) -> dict:
    return next(r for r in result["rows"] if r["comparison"] == comparison and r["match"] == match)


def test_agreement_on_the_sentences_both_list_with_the_bench_matching(files) -> None:
    one, two, texts = files
    first = agreement.labelled_sentences(one, [texts])
    second = agreement.labelled_sentences(two, [texts])
    result = agreement.agreement(first, second, extractor=False)
    assert (result["both"], result["first only"], result["second only"]) == (3, 1, 1)
    value = _row(result, "labeller 2 vs labeller 1", "value")
    assert (value["reference"], value["compared"], value["precision"], value["recall"]) == (6, 6, 1.0, 1.0)
    metric = _row(result, "labeller 2 vs labeller 1", "metric")  # only 'power use' is named alike
    assert (metric["precision"], metric["recall"]) == (round(1 / 6, 3), round(1 / 6, 3))
    assert result["census"] == {
        "same": 1,
        "one gives none": 1,
        "granularity": 1,  # 'error' / 'relative error'
        "canonical vs written form": 2,  # 'MAE' / 'mean absolute error', 'grasp success' / 'success rate'
        "different metric": 1,  # 'speed' / 'velocity'
    }


def test_the_extractor_is_scored_on_the_shared_sentences_only(files, capsys) -> None:
    one, two, texts = files
    result = agreement.main(["--texts", str(texts), "--first", str(one), "--second", str(two)])
    shared = [gold_texts.split_sentences(ABSTRACTS[r])[i] for r, i in (("r1", 1), ("r2", 1), ("r3", 1))]
    predicted = sum(len(agreement.extract_results(text)) for text in shared)
    for who in ("extractor vs labeller 1", "extractor vs labeller 2"):
        assert _row(result, who, "value")["compared"] == predicted  # not the '2x softer' of r1's lone sentence
    assert _row(result, "extractor vs labeller 1", "value")["reference"] == 6
    assert "labeller 1 alone: 1; labeller 2 alone: 1" in capsys.readouterr().out


def test_a_value_given_with_another_kind_is_not_paired() -> None:
    first = {"text": "", "tuples": [{"value": 5, "unit": "%", "kind": "delta", "metric": "cost"}]}
    other = [{"value": 5.0, "unit": "%", "kind": "absolute", "metric": "price"}]
    assert agreement.value_pairs(first, other) == []


def test_missing_texts_exit_with_a_clear_message(files, tmp_path) -> None:
    one, _, _ = files
    with pytest.raises(SystemExit, match="--texts ABSTRACTS.jsonl"):
        agreement.labelled_sentences(one, [tmp_path / "nowhere.jsonl"])
    with pytest.raises(SystemExit, match="--texts ABSTRACTS.jsonl"):
        agreement.main(["--first", str(one), "--second", str(one)])
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"record": "zz", "abstract": "Nothing here."}), encoding="utf-8")
    with pytest.raises(SystemExit, match="do not hold its sentences"):
        agreement.labelled_sentences(one, [other])
