"""The extraction bench's session-13 flags: ``--v15-dev`` scores each v15 labeller's file as a dev set, ``--v16-dev``
reads the new dev label files (``extraction_gold_v16*_dev.json``) and ``--v16-test`` pools only the held-out v16
files, never the dev ones. Every gold and abstract file here is our own, written in a temporary folder."""

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
    "a1": "Lamps that dim themselves. They save 12% of the power a plain lamp uses.",
    "b1": "A chair that counts sits. It misses 3 of 50 sits in a day.",
    "c1": "Spoons weighed by sound. The error is 0.4 grams on 90% of spoons.",
    "d1": "Kites steered by a phone. Flights last 2x longer with it.",
    "e1": "A faster toaster. Toast is ready in 41% less time.",
}


def _gold(path: Path, records: list[str]) -> None:
    def one(record: str) -> dict:
        text = gold_texts.split_sentences(ABSTRACTS[record])[1]
        return {"record": record, "sentence": 1, "sha1": gold_texts.sentence_sha1(text), "tuples": []}

    path.write_text(json.dumps({"description": "ours", "sentences": [one(r) for r in records]}), encoding="utf-8")


@pytest.fixture
def texts(tmp_path, monkeypatch) -> list[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    _gold(folder / "extraction_gold_v15a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v15b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v16c_dev.json", ["c1"])
    _gold(folder / "extraction_gold_v16d_dev.json", ["d1"])
    _gold(folder / "extraction_gold_v16a_test.json", ["e1"])
    monkeypatch.setattr(bench_extraction, "GOLD_V8_DEV", folder / "absent_dev.json")
    monkeypatch.setattr(bench_extraction, "GOLD_V8_TEST", folder / "absent_test.json")
    path = tmp_path / "abstracts.jsonl"
    path.write_text("".join(json.dumps({"record": r, "abstract": a}) + "\n" for r, a in ABSTRACTS.items()))
    return [path]


def _records(fresh: dict) -> dict:
    return {k: [s["record"] for s in v] for k, v in fresh.items()}


def test_v15_labellers_are_dev_sets_only_when_asked_for(texts):
    assert bench_extraction.fresh_sets(texts, None, False) == {}
    assert _records(bench_extraction.fresh_sets(texts, None, False, v15_dev=True)) == {"v15a": ["a1"], "v15b": ["b1"]}


def test_v16_dev_files_are_dev_sets_and_never_in_the_held_out_pool(texts):
    fresh = bench_extraction.fresh_sets(texts, None, False, v16_dev=True)
    # since session 14 the burned v16 test labeller's file is a dev set of its own as well
    assert _records(fresh) == {"v16a": ["e1"], "v16c": ["c1"], "v16d": ["d1"]}
    assert fresh["v16d"][0]["split"] == "v16d" and fresh["v16d"][0]["text"].startswith("Flights last 2x")
    held = bench_extraction.fresh_sets(texts, None, False, v16=True)
    assert _records(held) == {"v16-test": ["e1"]}
    assert held["v16-test"][0]["split"] == "v16-test"


def test_every_split_has_a_label_for_the_table():
    for split in ("v15a", "v15b", "v16a", "v16b", "v16c", "v16d", "v16-test", "v17-test"):
        assert split in bench_extraction._HELD_OUT


def test_v17_test_pools_only_the_v17_held_out_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v17a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v17b_test.json", ["d1"])
    held = bench_extraction.fresh_sets(texts, None, False, v17=True)
    assert _records(held) == {"v17-test": ["a1", "d1"]}
    assert {s["split"] for s in held["v17-test"]} == {"v17-test"}
    assert "v17-test" not in bench_extraction.fresh_sets(texts, None, False, v16_dev=True)


def test_v17_labellers_are_dev_sets_and_v18_test_pools_only_the_v18_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v17a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v17b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v18a_test.json", ["c1"])
    _gold(folder / "extraction_gold_v18b_test.json", ["e1"])
    dev = bench_extraction.fresh_sets(texts, None, False, v17_dev=True)
    assert _records(dev) == {"v17a": ["a1"], "v17b": ["b1"]}
    assert dev["v17b"][0]["split"] == "v17b"
    held = bench_extraction.fresh_sets(texts, None, False, v18=True)
    assert _records(held) == {"v18-test": ["c1", "e1"]}
    assert {s["split"] for s in held["v18-test"]} == {"v18-test"}
    assert "v18-test" not in bench_extraction.fresh_sets(texts, None, False, v17_dev=True, v17=True)
    for split in ("v17a", "v17b", "v18-test"):
        assert split in bench_extraction._HELD_OUT


def test_v18_labellers_are_dev_sets_and_v19_test_pools_only_the_v19_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v18a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v18b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v19a_test.json", ["c1"])
    _gold(folder / "extraction_gold_v19b_test.json", ["e1"])
    dev = bench_extraction.fresh_sets(texts, None, False, v18_dev=True)
    assert _records(dev) == {"v18a": ["a1"], "v18b": ["b1"]}
    assert dev["v18a"][0]["split"] == "v18a"
    held = bench_extraction.fresh_sets(texts, None, False, v19=True)
    assert _records(held) == {"v19-test": ["c1", "e1"]}
    assert {s["split"] for s in held["v19-test"]} == {"v19-test"}
    assert "v19-test" not in bench_extraction.fresh_sets(texts, None, False, v18_dev=True, v18=True)
    for split in ("v18a", "v18b", "v19-test"):
        assert split in bench_extraction._HELD_OUT


def test_v19_labellers_are_dev_sets_and_v20_test_pools_only_the_v20_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v19a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v19b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v20a_test.json", ["c1"])
    _gold(folder / "extraction_gold_v20b_test.json", ["e1"])
    dev = bench_extraction.fresh_sets(texts, None, False, v19_dev=True)
    assert _records(dev) == {"v19a": ["a1"], "v19b": ["b1"]}
    assert dev["v19b"][0]["split"] == "v19b"
    held = bench_extraction.fresh_sets(texts, None, False, v20=True)
    assert _records(held) == {"v20-test": ["c1", "e1"]}
    assert {s["split"] for s in held["v20-test"]} == {"v20-test"}
    assert "v20-test" not in bench_extraction.fresh_sets(texts, None, False, v19_dev=True, v19=True)
    for split in ("v19a", "v19b", "v20-test"):
        assert split in bench_extraction._HELD_OUT


def test_v20_labellers_are_dev_sets_and_v21_test_pools_only_the_v21_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v20a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v20b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v21a_test.json", ["c1"])
    _gold(folder / "extraction_gold_v21b_test.json", ["e1"])
    dev = bench_extraction.fresh_sets(texts, None, False, v20_dev=True)
    assert _records(dev) == {"v20a": ["a1"], "v20b": ["b1"]}
    assert dev["v20a"][0]["split"] == "v20a"
    held = bench_extraction.fresh_sets(texts, None, False, v21=True)
    assert _records(held) == {"v21-test": ["c1", "e1"]}
    assert {s["split"] for s in held["v21-test"]} == {"v21-test"}
    assert "v21-test" not in bench_extraction.fresh_sets(texts, None, False, v20_dev=True, v20=True)
    for split in ("v20a", "v20b", "v21-test"):
        assert split in bench_extraction._HELD_OUT


def test_an_abstract_two_labellers_chose_counts_once_in_the_pool_with_the_first_labels(texts, capsys):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v20a_test.json", ["a1", "c1"])
    _gold(folder / "extraction_gold_v20b_test.json", ["c1", "e1"])
    held = bench_extraction.fresh_sets(texts, None, False, v20=True)
    assert _records(held) == {"v20-test": ["a1", "c1", "e1"]}
    assert (
        "1 abstracts of extraction_gold_v20b_test.json were labelled by an earlier file too" in capsys.readouterr().err
    )
    dev = bench_extraction._per_labeller("v20", texts)  # each labeller's own file keeps all it labelled
    assert _records(dev) == {"v20a": ["a1", "c1"], "v20b": ["c1", "e1"]}


def test_v21_labellers_are_dev_sets_and_v22_test_pools_only_the_v22_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v21a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v21b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v22a_test.json", ["c1"])
    _gold(folder / "extraction_gold_v22b_test.json", ["e1"])
    dev = bench_extraction.fresh_sets(texts, None, False, v21_dev=True)
    assert _records(dev) == {"v21a": ["a1"], "v21b": ["b1"]}
    assert dev["v21b"][0]["split"] == "v21b" and dev["v21b"][0]["text"].startswith("It misses 3 of 50")
    held = bench_extraction.fresh_sets(texts, None, False, v22=True)
    assert _records(held) == {"v22-test": ["c1", "e1"]}
    assert {s["split"] for s in held["v22-test"]} == {"v22-test"}
    assert "v22-test" not in bench_extraction.fresh_sets(texts, None, False, v21_dev=True, v21=True)
    for split in ("v21a", "v21b", "v22-test"):
        assert split in bench_extraction._HELD_OUT


def test_v21_dev_skips_a_labellers_file_whose_abstracts_are_not_given(texts, capsys):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v21a_test.json", ["a1"])
    (folder / "extraction_gold_v21b_test.json").write_text(
        json.dumps({"description": "ours", "sentences": [{"record": "zz9", "sentence": 0, "sha1": "0", "tuples": []}]}),
        encoding="utf-8",
    )
    assert _records(bench_extraction.fresh_sets(texts, None, False, v21_dev=True)) == {"v21a": ["a1"]}
    assert "holds no abstract of extraction_gold_v21b_test.json: not scored" in capsys.readouterr().err


def test_v22_labellers_are_dev_sets_and_v23_test_pools_only_the_v23_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v22a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v22b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v22c_test.json", ["d1"])
    _gold(folder / "extraction_gold_v23a_test.json", ["c1"])
    _gold(folder / "extraction_gold_v23b_test.json", ["e1"])
    dev = bench_extraction.fresh_sets(texts, None, False, v22_dev=True)
    assert _records(dev) == {"v22a": ["a1"], "v22b": ["b1"], "v22c": ["d1"]}
    assert dev["v22c"][0]["split"] == "v22c" and dev["v22c"][0]["text"].startswith("Flights last 2x")
    held = bench_extraction.fresh_sets(texts, None, False, v23=True)
    assert _records(held) == {"v23-test": ["c1", "e1"]}
    assert {s["split"] for s in held["v23-test"]} == {"v23-test"}
    assert "v23-test" not in bench_extraction.fresh_sets(texts, None, False, v22_dev=True, v22=True)
    for split in ("v22a", "v22b", "v22c", "v23-test"):
        assert split in bench_extraction._HELD_OUT


def test_v22_dev_skips_a_labellers_file_whose_abstracts_are_not_given(texts, capsys):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v22a_test.json", ["a1"])
    (folder / "extraction_gold_v22c_test.json").write_text(
        json.dumps({"description": "ours", "sentences": [{"record": "zz9", "sentence": 0, "sha1": "0", "tuples": []}]}),
        encoding="utf-8",
    )
    assert _records(bench_extraction.fresh_sets(texts, None, False, v22_dev=True)) == {"v22a": ["a1"]}
    assert "holds no abstract of extraction_gold_v22c_test.json: not scored" in capsys.readouterr().err


def test_v23_labellers_are_dev_sets_and_v24_test_pools_only_the_v24_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v23a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v23b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v23c_test.json", ["d1"])
    _gold(folder / "extraction_gold_v24a_test.json", ["c1"])
    _gold(folder / "extraction_gold_v24b_test.json", ["e1"])
    _gold(folder / "extraction_gold_v24c_test.json", ["a1"])  # an abstract an earlier file labelled counts once
    dev = bench_extraction.fresh_sets(texts, None, False, v23_dev=True)
    assert _records(dev) == {"v23a": ["a1"], "v23b": ["b1"], "v23c": ["d1"]}
    assert dev["v23b"][0]["split"] == "v23b" and dev["v23b"][0]["text"].startswith("It misses 3 of 50")
    held = bench_extraction.fresh_sets(texts, None, False, v24=True)
    assert _records(held) == {"v24-test": ["c1", "e1", "a1"]}
    assert {s["split"] for s in held["v24-test"]} == {"v24-test"}
    assert "v24-test" not in bench_extraction.fresh_sets(texts, None, False, v23_dev=True, v23=True)
    for split in ("v23a", "v23b", "v23c", "v24-test"):
        assert split in bench_extraction._HELD_OUT


def test_v23_dev_skips_a_labellers_file_whose_abstracts_are_not_given(texts, capsys):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v23b_test.json", ["b1"])
    (folder / "extraction_gold_v23c_test.json").write_text(
        json.dumps({"description": "ours", "sentences": [{"record": "zz9", "sentence": 0, "sha1": "0", "tuples": []}]}),
        encoding="utf-8",
    )
    assert _records(bench_extraction.fresh_sets(texts, None, False, v23_dev=True)) == {"v23b": ["b1"]}
    assert "holds no abstract of extraction_gold_v23c_test.json: not scored" in capsys.readouterr().err


def test_v24_labellers_are_dev_sets_and_v25_test_pools_only_the_v25_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v24a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v24b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v24c_test.json", ["d1"])
    _gold(folder / "extraction_gold_v25a_test.json", ["c1"])
    _gold(folder / "extraction_gold_v25b_test.json", ["e1"])
    _gold(folder / "extraction_gold_v25c_test.json", ["a1"])  # an abstract an earlier file labelled counts once
    dev = bench_extraction.fresh_sets(texts, None, False, v24_dev=True)
    assert _records(dev) == {"v24a": ["a1"], "v24b": ["b1"], "v24c": ["d1"]}
    assert dev["v24c"][0]["split"] == "v24c" and dev["v24c"][0]["text"].startswith("Flights last 2x")
    held = bench_extraction.fresh_sets(texts, None, False, v25=True)
    assert _records(held) == {"v25-test": ["c1", "e1", "a1"]}
    assert {s["split"] for s in held["v25-test"]} == {"v25-test"}
    assert "v25-test" not in bench_extraction.fresh_sets(texts, None, False, v24_dev=True, v24=True)
    for split in ("v24a", "v24b", "v24c", "v25-test"):
        assert split in bench_extraction._HELD_OUT


def test_v24_dev_skips_a_labellers_file_whose_abstracts_are_not_given(texts, capsys):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v24a_test.json", ["a1"])
    (folder / "extraction_gold_v24b_test.json").write_text(
        json.dumps({"description": "ours", "sentences": [{"record": "zz9", "sentence": 0, "sha1": "0", "tuples": []}]}),
        encoding="utf-8",
    )
    assert _records(bench_extraction.fresh_sets(texts, None, False, v24_dev=True)) == {"v24a": ["a1"]}
    assert "holds no abstract of extraction_gold_v24b_test.json: not scored" in capsys.readouterr().err


def test_v25_labellers_are_dev_sets_and_v26_test_pools_only_the_v26_files(texts):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v25a_test.json", ["a1"])
    _gold(folder / "extraction_gold_v25b_test.json", ["b1"])
    _gold(folder / "extraction_gold_v25c_test.json", ["d1"])
    _gold(folder / "extraction_gold_v26a_test.json", ["c1"])
    _gold(folder / "extraction_gold_v26b_test.json", ["e1"])
    _gold(folder / "extraction_gold_v26c_test.json", ["a1"])  # an abstract an earlier file labelled counts once
    dev = bench_extraction.fresh_sets(texts, None, False, v25_dev=True)
    assert _records(dev) == {"v25a": ["a1"], "v25b": ["b1"], "v25c": ["d1"]}
    assert dev["v25c"][0]["split"] == "v25c" and dev["v25c"][0]["text"].startswith("Flights last 2x")
    held = bench_extraction.fresh_sets(texts, None, False, v26=True)
    assert _records(held) == {"v26-test": ["c1", "e1", "a1"]}
    assert {s["split"] for s in held["v26-test"]} == {"v26-test"}
    assert "v26-test" not in bench_extraction.fresh_sets(texts, None, False, v25_dev=True, v25=True)
    for split in ("v25a", "v25b", "v25c", "v26-test"):
        assert split in bench_extraction._HELD_OUT


def test_v25_dev_skips_a_labellers_file_whose_abstracts_are_not_given(texts, capsys):
    folder = texts[0].parent / "data"
    _gold(folder / "extraction_gold_v25a_test.json", ["a1"])
    (folder / "extraction_gold_v25b_test.json").write_text(
        json.dumps({"description": "ours", "sentences": [{"record": "zz9", "sentence": 0, "sha1": "0", "tuples": []}]}),
        encoding="utf-8",
    )
    assert _records(bench_extraction.fresh_sets(texts, None, False, v25_dev=True)) == {"v25a": ["a1"]}
    assert "holds no abstract of extraction_gold_v25b_test.json: not scored" in capsys.readouterr().err
