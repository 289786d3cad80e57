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


def test_v9_test_pools_every_labellers_file_with_texts_merged_from_several_files(tmp_path, monkeypatch):
    import gold_texts

    first = "We study tiny parsers. Our parser reaches 91.5% accuracy on the forms."
    second = "A toy tagger. It scores 0.82 F1 on the notes."
    (tmp_path / "L1").mkdir()
    (tmp_path / "L2").mkdir()
    (tmp_path / "L1" / "abstracts.jsonl").write_text(json.dumps({"record": "r1", "abstract": first}) + "\n")
    (tmp_path / "L2" / "abstracts.jsonl").write_text(json.dumps({"record": "r2", "abstract": second}) + "\n")
    (tmp_path / "L2" / "listing.jsonl").write_text("not an abstracts file\n")  # a folder's other JSONL is not read
    data = tmp_path / "data"
    data.mkdir()

    def bare(record: str, abstract: str, value: float, unit: str | None, metric: str) -> dict:
        text = gold_texts.split_sentences(abstract)[1]
        tup = {"value": value, "unit": unit, "kind": "absolute", "metric": metric, "dataset": None}
        return {"record": record, "sentence": 1, "sha1": gold_texts.sentence_sha1(text), "tuples": [tup]}

    _write(data / "extraction_gold_v9_L1_test.json", [bare("r1", first, 91.5, "%", "accuracy")])
    _write(data / "extraction_gold_v9_L2_test.json", [bare("r2", second, 0.82, None, "F1")])
    _write(data / "extraction_gold_v9_L2_dev.json", [])  # not a test file: never read as v9-test
    # a v8 gold whose abstracts are not in --texts is skipped (the lead passes only the v9 labellers' files)
    other = {"record": "zz", "sentence": 0, "sha1": "ab", "tuples": []}
    monkeypatch.setattr(bench_extraction, "GOLD_V8_DEV", _write(data / "v8_dev.json", [other]))
    monkeypatch.setattr(bench_extraction, "GOLD_V8_TEST", data / "absent_test.json")
    assert bench_extraction.fresh_sets([tmp_path / "L1"], None, False) == {}  # v9 only when asked for
    with pytest.raises(SystemExit, match="--texts"):
        bench_extraction.fresh_sets(None, None, False, True)
    with pytest.raises(gold_texts.GoldTextError, match="r2"):  # one labeller's abstracts alone do not cover both
        bench_extraction.fresh_sets([tmp_path / "L1" / "abstracts.jsonl"], None, False, True)
    # --texts repeated (a file and a folder) merges the abstracts; both files are pooled as v9-test
    fresh = bench_extraction.fresh_sets([tmp_path / "L1" / "abstracts.jsonl", tmp_path / "L2"], None, False, True)
    assert list(fresh) == ["v9-test"] and len(fresh["v9-test"]) == 2
    rows = bench_extraction.held_out_rows(("v5-dev",), fresh)
    ours = {r["match"]: r for r in rows if r["system"] == "paperlab" and r["part"].startswith("v9-test")}
    assert ours["metric"]["gold"] == 2 and ours["metric"]["recall"] == 1.0
    # the held-out files are found by name in the gold folder, never elsewhere
    assert [p.name for p in bench_extraction.v9_test_files()] == [
        "extraction_gold_v9_L1_test.json",
        "extraction_gold_v9_L2_test.json",
    ]


def test_v8_test_is_a_dev_set_read_with_the_texts(tmp_path, monkeypatch):
    import gold_texts

    abstract = "We study tiny parsers. Our parser reaches 91.5% accuracy on the forms."
    (tmp_path / "abstracts.jsonl").write_text(json.dumps({"record": "r1", "abstract": abstract}) + "\n")
    sentence = gold_texts.split_sentences(abstract)[1]
    bare = {"record": "r1", "sentence": 1, "sha1": gold_texts.sentence_sha1(sentence), "tuples": []}
    monkeypatch.setattr(bench_extraction, "GOLD_V8_DEV", tmp_path / "absent.json")
    monkeypatch.setattr(bench_extraction, "GOLD_V8_TEST", _write(tmp_path / "v8_test.json", [bare]))
    fresh = bench_extraction.fresh_sets([tmp_path / "abstracts.jsonl"], None, False)
    assert list(fresh) == ["v8-test"] and fresh["v8-test"][0]["text"] == sentence


def test_v10_labellers_are_dev_sets_and_v11_test_is_pooled_only_when_asked_for(tmp_path, monkeypatch):
    import gold_texts

    abstracts = {
        "a1": "We build a toy router. It drops 12% fewer packets than the default.",
        "b1": "A small cache for notes. The cache answers 3.5x more queries per second.",
        "c1": "We test a tiny planner. It solves 41 of 50 puzzles with 82% success rate.",
    }
    texts = tmp_path / "abstracts.jsonl"
    texts.write_text("".join(json.dumps({"record": r, "abstract": a}) + "\n" for r, a in abstracts.items()))
    data = tmp_path / "data"
    data.mkdir()

    def bare(record: str) -> list[dict]:
        text = gold_texts.split_sentences(abstracts[record])[1]
        return [{"record": record, "sentence": 1, "sha1": gold_texts.sentence_sha1(text), "tuples": []}]

    _write(data / "extraction_gold_v10a_test.json", bare("a1"))
    _write(data / "extraction_gold_v10b_test.json", bare("b1"))
    _write(data / "extraction_gold_v11_L1_test.json", bare("c1"))
    _write(data / "extraction_gold_v1_test.json", bare("c1"))  # a "v1" set is neither v10 nor v11
    monkeypatch.setattr(bench_extraction, "GOLD_V8_DEV", data / "absent_dev.json")
    monkeypatch.setattr(bench_extraction, "GOLD_V8_TEST", data / "absent_test.json")
    assert bench_extraction.fresh_sets([texts], None, False) == {}  # neither v10 nor v11 unless asked for
    fresh = bench_extraction.fresh_sets([texts], None, False, v10_dev=True)
    assert {k: [s["record"] for s in v] for k, v in fresh.items()} == {"v10a": ["a1"], "v10b": ["b1"]}
    assert fresh["v10a"][0]["split"] == "v10a" and fresh["v10a"][0]["text"].startswith("It drops 12%")
    held = bench_extraction.fresh_sets([texts], None, False, v11=True)
    assert list(held) == ["v11-test"] and [s["record"] for s in held["v11-test"]] == ["c1"]
    assert [p.name for p in bench_extraction.test_files("v1")] == ["extraction_gold_v1_test.json"]
    with pytest.raises(SystemExit, match="--v11-test needs --texts"):
        bench_extraction.fresh_sets(None, None, False, v11=True)
