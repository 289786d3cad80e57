"""The extraction bench's fresh gold sets (v8): texts filled from an abstracts file, the held-out file read only when
asked for. Gold files written here are our own."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_extraction  # noqa: E402


def _write(path: Path, sentences: list[dict]) -> Path:
    path.write_text(json.dumps({"description": "ours", "sentences": sentences}), encoding="utf-8")
    return path


def test_a_with_text_v8_dev_copy_is_scored_as_v8_dev_and_v8_test_stays_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(bench_extraction, "GOLD_V8_TEST", tmp_path / "absent.json")  # reading it would raise
    dev = _write(tmp_path / "dev.json", [{"text": "Our tagger reaches 90.5% F1.", "tuples": [], "split": "x"}])
    fresh = bench_extraction.fresh_sets(None, dev, False)
    assert list(fresh) == ["v8-dev"] and fresh["v8-dev"][0]["split"] == "v8-dev"
    by_split = bench_extraction._split_sentences(("v5-dev",), fresh)
    assert [s["text"] for s in by_split["v8-dev"]] == ["Our tagger reaches 90.5% F1."] and by_split["v5-dev"]


def test_gold_without_texts_asks_for_the_abstracts_file(tmp_path, monkeypatch):
    bare = _write(tmp_path / "v8.json", [{"record": "2601.00001", "sentence": 0, "sha1": "ab", "tuples": []}])
    monkeypatch.setattr(bench_extraction, "GOLD_V8_TEST", bare)
    with pytest.raises(SystemExit, match="--texts"):
        bench_extraction.fresh_sets(None, None, True)
    with pytest.raises(SystemExit, match="--texts"):
        bench_extraction.gold_sentences(bare, None)
    assert bench_extraction.fresh_sets(None, None, False) == {}  # no v8 set unless asked for


def test_texts_fill_a_gold_file_that_holds_none_and_the_sentences_are_scored(tmp_path, monkeypatch):
    import gold_texts

    abstract = "We study tiny parsers. Our parser reaches 91.5% accuracy on the forms. It is fast."
    sentence = gold_texts.split_sentences(abstract)[1]
    (tmp_path / "abstracts.jsonl").write_text(json.dumps({"record": "2601.00002", "abstract": abstract}) + "\n")
    tuples = [{"value": 91.5, "unit": "%", "kind": "absolute", "metric": "accuracy", "dataset": None}]
    bare = {"record": "2601.00002", "sentence": 1, "sha1": gold_texts.sentence_sha1(sentence), "tuples": tuples}
    monkeypatch.setattr(bench_extraction, "GOLD_V8_DEV", _write(tmp_path / "v8_dev.json", [bare]))
    monkeypatch.setattr(bench_extraction, "GOLD_V8_TEST", tmp_path / "absent.json")  # reading it would raise
    fresh = bench_extraction.fresh_sets(tmp_path / "abstracts.jsonl", None, False)
    assert [s["text"] for s in fresh["v8-dev"]] == ["Our parser reaches 91.5% accuracy on the forms."]
    rows = bench_extraction.held_out_rows(("v5-dev",), fresh)
    ours = {r["match"]: r for r in rows if r["system"] == "paperlab" and r["part"].startswith("v8-dev")}
    assert ours["metric"]["gold"] == 1 and ours["metric"]["recall"] == 1.0
    (tmp_path / "abstracts.jsonl").write_text(json.dumps({"record": "2601.00002", "abstract": "Other text."}) + "\n")
    with pytest.raises(gold_texts.GoldTextError, match="2601.00002"):
        bench_extraction.fresh_sets(tmp_path / "abstracts.jsonl", None, False)
