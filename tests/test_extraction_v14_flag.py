"""The extraction bench's session-11 flags: ``--v13-dev`` scores each v13 labeller's file as a dev set, ``--v14-test``
pools every v14 labeller's file with texts read from several abstracts files. Every gold and abstract file here is
our own, written in a temporary folder (the real v14 files are never read)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_extraction  # noqa: E402
import gold_texts  # noqa: E402

ABSTRACTS = {
    "p1": "We sort socks by colour. The sorter pairs 88% of socks on the first pass.",
    "p2": "A kettle that learns. It boils water 2.5x faster than a stove.",
    "q1": "We count birds from a window. The counter misses 7 of 60 sparrows.",
    "q2": "A bread timer for small ovens. Loaves burn 30% less often with it.",
    "r1": "Umbrellas that fold twice. They dry 40% faster than one-fold ones.",
}


def _gold(path: Path, records: list[str]) -> None:
    def one(record: str) -> dict:
        text = gold_texts.split_sentences(ABSTRACTS[record])[1]
        return {"record": record, "sentence": 1, "sha1": gold_texts.sentence_sha1(text), "tuples": []}

    path.write_text(json.dumps({"description": "ours", "sentences": [one(r) for r in records]}), encoding="utf-8")


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    _gold(folder / "extraction_gold_v13a_test.json", ["p1"])
    _gold(folder / "extraction_gold_v13b_test.json", ["p2"])
    _gold(folder / "extraction_gold_v14a_test.json", ["q1"])
    _gold(folder / "extraction_gold_v14b_test.json", ["q2"])
    _gold(folder / "extraction_gold_v15a_test.json", ["r1"])
    monkeypatch.setattr(bench_extraction, "GOLD_V8_DEV", folder / "absent_dev.json")
    monkeypatch.setattr(bench_extraction, "GOLD_V8_TEST", folder / "absent_test.json")
    return tmp_path


def _texts(folder: Path, name: str, records: list[str]) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps({"record": r, "abstract": ABSTRACTS[r]}) + "\n" for r in records))
    return path


def test_v13_labellers_are_dev_sets_only_when_asked_for(data):
    texts = [_texts(data, "abstracts_v13.jsonl", ["p1", "p2"])]
    assert bench_extraction.fresh_sets(texts, None, False) == {}
    fresh = bench_extraction.fresh_sets(texts, None, False, v13_dev=True)
    assert {k: [s["record"] for s in v] for k, v in fresh.items()} == {"v13a": ["p1"], "v13b": ["p2"]}
    assert fresh["v13b"][0]["split"] == "v13b" and fresh["v13b"][0]["text"].startswith("It boils water 2.5x")


def test_v14_test_pools_both_labellers_with_texts_from_several_files(data):
    texts = [_texts(data, "one.jsonl", ["q1"]), _texts(data, "two.jsonl", ["q2"])]
    held = bench_extraction.fresh_sets(texts, None, False, v14=True)
    assert list(held) == ["v14-test"]
    assert [(s["record"], s["split"]) for s in held["v14-test"]] == [("q1", "v14-test"), ("q2", "v14-test")]
    assert held["v14-test"][1]["text"].startswith("Loaves burn 30% less")
    with pytest.raises(SystemExit, match="--v14-test needs --texts"):
        bench_extraction.fresh_sets(None, None, False, v14=True)


def test_v14_labellers_are_dev_sets_and_v15_test_is_held_out_apart(data):
    texts = [_texts(data, "all.jsonl", ["q1", "q2", "r1"])]
    fresh = bench_extraction.fresh_sets(texts, None, False, v14_dev=True)
    assert {k: [s["record"] for s in v] for k, v in fresh.items()} == {"v14a": ["q1"], "v14b": ["q2"]}
    held = bench_extraction.fresh_sets(texts, None, False, v15=True)
    assert list(held) == ["v15-test"] and [s["record"] for s in held["v15-test"]] == ["r1"]
    assert held["v15-test"][0]["text"].startswith("They dry 40% faster")
