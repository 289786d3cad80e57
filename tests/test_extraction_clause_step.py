"""The clause step of results extraction (session 13): textblob's bundled tagger read without NLTK, its tag and chunk
features in the metric step's choice when weights are given, and the silent fallback when textblob is missing.

No weights ship (``metric_clause.json``: the leave-one-fold-out gain was below its rule), so by default extraction is
unchanged; these tests give the step small hand-made weights in a temporary file. Sentences are our own."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from paperlab.compare import extract_results
from paperlab.comparison import clause_tags, metric_reviser

SENTENCE = "The proposed retrieval pipeline raises recall to 91.5% on our benchmark."


@pytest.fixture
def clause_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Install clause weights (a dict) for one test; the step's caches are cleared before and after."""

    def install(weights: dict[str, float]) -> None:
        path = tmp_path / "metric_clause.json"
        path.write_text(json.dumps({"C": 0.1, "weights": weights}), encoding="utf-8")
        monkeypatch.setattr(metric_reviser, "CLAUSE_MODEL_PATH", path)
        metric_reviser._clause_model.cache_clear()

    yield install
    metric_reviser._clause_model.cache_clear()
    clause_tags._parse.cache_clear()
    clause_tags.tagged.cache_clear()


def test_no_clause_weights_ship_so_extraction_keeps_the_rules_names() -> None:
    assert not metric_reviser.CLAUSE_MODEL_PATH.exists()
    rows = extract_results(SENTENCE)
    assert rows[["value", "metric"]].values.tolist() == [[91.5, "recall"]]


def test_the_tagger_places_tags_and_chunks_on_the_sentence_without_importing_nltk() -> None:
    pytest.importorskip("textblob")
    code = (
        "import sys; from paperlab.comparison.clause_tags import tagged; "
        f"text = {SENTENCE!r}; toks = tagged(text); "
        "print(all(text[t.start:t.end] == t.word for t in toks)); "
        "print([(t.word, t.pos, t.ctype) for t in toks if t.word in ('raises', '91.5%', 'benchmark')]); "
        "print('nltk' in sys.modules, 'textblob' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "True"  # every token at its characters
    assert out[1] == "[('raises', 'VBZ', 'VP'), ('91.5%', 'CD', 'O'), ('benchmark', 'NN', 'NP')]"
    assert out[2] == "False False"  # two seconds of NLTK import saved; nothing downloaded


def test_tag_features_see_the_subject_of_the_verb_before_the_number() -> None:
    pytest.importorskip("textblob")
    toks = clause_tags.tagged(SENTENCE)
    assert toks is not None
    s = SENTENCE.index("91.5")
    e = s + len("91.5%")
    subject = clause_tags.tag_features(toks, s, e, 0, len("The proposed retrieval pipeline"))
    assert subject["subj_np"] == 1.0 and subject["first_np"] == 1.0 and subject["ph=NN|L"] == 1.0
    place = SENTENCE.index("benchmark")
    after = clause_tags.tag_features(toks, s, e, place, place + len("benchmark"))
    assert after["pnp=on|R"] == 1.0 and "subj_np" not in after


def test_given_weights_the_step_chooses_by_the_clause_features(clause_model) -> None:
    pytest.importorskip("textblob")
    clause_model({"subj_np": 5.0})  # a toy model: the subject of the verb names what the number measures
    assert extract_results(SENTENCE)["metric"].tolist() == ["proposed retrieval pipeline"]
    clause_model({"subj_np": 5.0, "cur_fixed": 8.0})  # the rules' name ("raises recall to") is flagged and wins
    assert extract_results(SENTENCE)["metric"].tolist() == ["recall"]


def test_without_textblob_the_step_falls_back_silently(clause_model, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def no_textblob(name: str, *args: object, **kwargs: object) -> object:
        if name == "textblob":
            return None
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", no_textblob)
    clause_tags._parse.cache_clear()
    clause_tags.tagged.cache_clear()
    clause_model({"subj_np": 5.0})
    assert clause_tags.tagged(SENTENCE) is None
    rows = extract_results(SENTENCE)
    assert rows[["value", "metric"]].values.tolist() == [[91.5, "recall"]]
