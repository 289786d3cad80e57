"""benchmarks/gold_texts.py: the sentence splitter of the v8 gold sets and filling their texts back in."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from gold_texts import GoldTextError, attach_texts, sentence_sha1, split_sentences  # noqa: E402

# our own made-up abstracts
ABSTRACT_A = (
    "We study toy parsers (e.g. Foo and Bar) on two corpora.\n  Our parser reaches 91.5\\% accuracy vs. 88.0\\% "
    "for the baseline, see Fig. 2 for details. It is $2.5\\times$ faster than Smith et al. report. "
    '"Fast" parsers still fail on long inputs! 12 of 40 runs timed out.'
)
ABSTRACT_B = "A short abstract. It has no numbers at all."


def _write_abstracts(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _gold(*sentences: tuple[str, int, str]) -> dict:
    return {
        "description": "toy",
        "split": "toy",
        "sentences": [
            {
                "source": {"repo": "o/r", "path": "p", "commit": "c"},
                "record": rec,
                "sentence": i,
                "sha1": sha,
                "tuples": [],
            }
            for rec, i, sha in sentences
        ],
    }


def test_split_sentences_keeps_abbreviations_decimals_and_latex_inside_a_sentence():
    assert split_sentences(ABSTRACT_A) == [
        "We study toy parsers (e.g. Foo and Bar) on two corpora.",
        "Our parser reaches 91.5\\% accuracy vs. 88.0\\% for the baseline, see Fig. 2 for details.",
        "It is $2.5\\times$ faster than Smith et al. report.",
        '"Fast" parsers still fail on long inputs!',
        "12 of 40 runs timed out.",
    ]
    assert split_sentences("") == []


def test_sentence_sha1_ignores_runs_of_white_space():
    assert sentence_sha1("It is  fast.\n") == sentence_sha1("It is fast.")
    assert sentence_sha1("It is fast.") != sentence_sha1("It is slow.")


def test_attach_texts_fills_each_sentence_from_the_abstracts_file(tmp_path):
    path = _write_abstracts(
        tmp_path / "abs.jsonl", [{"record": "1", "abstract": ABSTRACT_A}, {"record": "2", "abstract": ABSTRACT_B}]
    )
    second = split_sentences(ABSTRACT_A)[1]
    gold = _gold(("1", 1, sentence_sha1(second)), ("2", 0, sentence_sha1("A short abstract.")))
    filled = attach_texts(gold, path)
    assert [s["text"] for s in filled["sentences"]] == [second, "A short abstract."]
    assert "text" not in gold["sentences"][0]  # the input is left as it was


def test_attach_texts_names_every_sentence_it_cannot_find(tmp_path):
    path = _write_abstracts(tmp_path / "abs.jsonl", [{"record": "1", "abstract": ABSTRACT_A}])
    gold = _gold(
        ("1", 0, sentence_sha1("We study toy parsers (e.g. Foo and Bar) on two corpora.")),
        ("9", 0, "aaaa"),  # no such record
        ("1", 7, "bbbb"),  # past the end of the abstract
        ("1", 2, "cccc"),  # the text changed
    )
    with pytest.raises(GoldTextError) as err:
        attach_texts(gold, path)
    message = str(err.value)
    assert "3 gold sentence(s) not found" in message
    assert "record '9' sentence 0 sha1 aaaa: no abstract for this record" in message
    assert "record '1' sentence 7 sha1 bbbb: the abstract has 5 sentences" in message
    assert "record '1' sentence 2 sha1 cccc: sentence 2 of the abstract has sha1 " in message


def test_attach_texts_names_the_line_of_a_broken_abstracts_file(tmp_path):
    path = tmp_path / "abs.jsonl"
    path.write_text('{"record": "1", "abstract": "Fine."}\n{"record": "2"}\n', encoding="utf-8")
    with pytest.raises(GoldTextError, match=r"abs\.jsonl:2: not a JSON object with 'record' and 'abstract'"):
        attach_texts(_gold(), path)


def test_the_committed_v8_gold_sets_hold_no_text():
    for name in ("extraction_gold_v8_dev.json", "extraction_gold_v8_test.json"):
        path = ROOT / "benchmarks" / "data" / name
        if not path.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["sentences"], name
        for sentence in gold["sentences"]:
            assert "text" not in sentence
            assert set(sentence["source"]) == {"repo", "path", "commit"}
            assert len(sentence["sha1"]) == 40 and isinstance(sentence["sentence"], int)
