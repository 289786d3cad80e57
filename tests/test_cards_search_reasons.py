"""A kernel search from the cards answers with its hits and the reasons of the first screenful in one message
(the cards do not jump when reasons come), explains the rest in the background, and never lets the reasons of
an earlier search overwrite the current ones. Real demo corpus, real search (lexical: no model to load)."""

from __future__ import annotations

import time
from typing import Any

from paperlab.data import demo_library
from paperlab.widget import WHY_AT_MOST, WHY_AT_ONCE, PaperCards


def _cards() -> PaperCards:
    return PaperCards(demo_library(), activate=False, search_mode="lexical")


def test_the_first_reasons_come_with_the_hits_and_the_rest_follow() -> None:
    w = _cards()
    seen: list[int] = []
    w.observe(lambda change: seen.append(len(w.why)) if change["new"] else None, names="scores")
    reply = w._search({"query": "contrastive learning negative samples", "mode": "lexical", "k": 50})
    assert reply["n"] > WHY_AT_ONCE
    assert seen == [WHY_AT_ONCE]  # when the hits arrive, the first screen's reasons are already there
    w.wait_for_reasons()
    ranked = list(w.scores)
    assert list(w.why) == ranked[:WHY_AT_MOST] and len(w.why) > WHY_AT_ONCE
    top = w.why[ranked[0]]
    assert top["terms"] and "contrastive" in top["sentence"].lower()


def test_reasons_of_an_earlier_search_never_replace_the_current_ones() -> None:
    w = _cards()
    w._search({"query": "contrastive learning negative samples", "mode": "lexical", "k": 50})
    w._search({"query": "hallucination in vision language models", "mode": "lexical", "k": 50})
    w.wait_for_reasons()
    assert set(w.why) <= set(w.scores) and len(w.why) == min(WHY_AT_MOST, len(w.scores))
    w._search({"query": "reward model", "mode": "lexical", "k": 50})
    cleared: dict[str, Any] = w._search({"query": "", "mode": "lexical"})
    w.wait_for_reasons()
    assert cleared == {"n": 0} and w.why == {} and w.scores == {}


class _RecordingEncoder:
    """Our own tiny encoder (hashed words, unit vectors) that records when it is asked to load its model."""

    name = "recording-encoder"

    def __init__(self) -> None:
        self.texts_embedded = 0
        self.loads: list[bool] = []

    def load(self, export: bool = True) -> None:
        self.loads.append(export)

    def encode(self, texts: Any) -> Any:
        import numpy as np

        out = np.zeros((len(texts), 16), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in str(text).lower().split():
                out[i, sum(map(ord, word)) % 16] += 1.0
        self.texts_embedded += len(texts)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)


def test_once_the_library_is_embedded_the_model_is_loaded_before_the_first_search() -> None:
    enc = _RecordingEncoder()
    papers = list(demo_library())[:40]
    w = PaperCards(papers, activate=False, encoder=enc)  # type: ignore[arg-type]
    for _ in range(300):
        if w.embedding_progress.get("state") == "done" and w._warm_thread is not None:
            break
        time.sleep(0.05)
    assert w.embedding_progress["state"] == "done"
    assert w._warm_thread is not None
    w._warm_thread.join(30)
    assert enc.loads == [False]  # loaded once, in the background; a model never exported is left alone


def test_cards_made_from_a_search_say_why_each_hit_matched() -> None:
    """``%papers QUERY`` and ``results.cards()`` build the cards from a search: its hits come with their reasons,
    as for a search typed in the cards, and the static fallback (nbconvert, GitHub) shows them under the cards."""
    from paperlab.search import search_library

    results = search_library(demo_library(), "object hallucination", k=WHY_AT_ONCE + 4, mode="lexical")
    w = PaperCards(results, search_mode="lexical")
    assert w.query == "object hallucination" and len(w.scores) == WHY_AT_ONCE + 4
    assert list(w.why)[:WHY_AT_ONCE] == list(w.scores)[:WHY_AT_ONCE]  # the first screen's, at once
    w.wait_for_reasons()
    assert list(w.why) == list(w.scores)  # and the rest
    assert all(r["sentence"] and "hallucination" in r["terms"] for r in w.why.values())
    data, _ = w._repr_mimebundle_()
    top = w.why[next(iter(w.scores))]["sentence"]
    assert data["text/markdown"].count("Matched: ") == len(w.scores)
    assert top[:40] in data["text/html"].replace("&#x27;", "'").replace("&quot;", '"')


def test_a_matched_sentence_is_escaped_in_the_static_fallback() -> None:
    from paperlab import Library, Paper
    from paperlab.search import search_library

    bad = "Object hallucination <img src=x onerror=alert(1)> is [bad](javascript:alert(2)) here."
    papers = [Paper("Object hallucination", abstract=bad, arxiv_id="2501.00001"), *list(demo_library())[:50]]
    found = search_library(Library(papers), "object hallucination", k=3, mode="lexical")
    w = PaperCards(found, search_mode="lexical")
    w.wait_for_reasons()
    assert "<img" in w.why[papers[0].id]["sentence"]  # the hostile sentence is the one shown
    data, _ = w._repr_mimebundle_()
    assert "<img" not in data["text/html"] and "&lt;img src=x" in data["text/html"]
    markdown = data["text/markdown"]
    assert "<img" not in markdown and "Matched: Object hallucination &lt;img" in markdown
    assert "is \\[bad\\](javascript:" in markdown  # brackets escaped: no link


def test_cards_carry_the_related_terms_of_a_hit_whose_matched_words_say_little() -> None:
    """A hybrid search's weakly matched hits ("matched: language, model") come with their related terms in the
    ``why`` trait (the cards show them in the reason line) and in the static fallback's line."""
    from paperlab.search import search_library

    question = "why do language models make things up, and how can we detect it"
    results = search_library(demo_library(), question, k=10)
    w = PaperCards(results)
    w.wait_for_reasons()
    expected = {pid: r["related"] for pid, r in results.reasons.items() if r.get("related")}
    related = {pid: r["related"] for pid, r in w.why.items() if "related" in r}
    assert related and related == {pid: terms for pid, terms in expected.items() if pid in w.why}
    assert any("hallucinat" in t for terms in related.values() for t in terms), related
    assert all(set(r) == {"terms", "sentence"} for pid, r in w.why.items() if pid not in related)
    markdown = w._repr_mimebundle_()[0]["text/markdown"]
    for terms in related.values():
        assert f" · related: {', '.join(terms)}" in markdown


def test_a_related_term_is_escaped_in_the_static_fallback() -> None:
    papers = list(demo_library())[:3]
    w = PaperCards(papers, activate=False)
    w.scores = {papers[0].id: 0.5}
    w.why = {
        papers[0].id: {"terms": ["x"], "sentence": "", "related": ["<img src=x onerror=alert(1)>", "[a](javascript:b)"]}
    }
    data, _ = w._repr_mimebundle_()
    assert "<img" not in data["text/html"] and "related: &lt;img src=x onerror=alert(1)&gt;" in data["text/html"]
    assert "<img" not in data["text/markdown"] and "\\[a\\](javascript:b)" in data["text/markdown"]
