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
