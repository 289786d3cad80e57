"""A second, learned look at the metric of every kept result: keep the rules' name, take another phrase, or none.

The rules of :mod:`.sentences` and the metric ranker name a metric for each kept number. This step lists, for each
number, the rules' name, every candidate phrase of :func:`.metric_ranker.candidates` (noun chunks, "<chunk> of
<chunk>", lexicon and generic metric hits) and "no metric", and scores them with a conditional logit over general
features: the ranker's own features and its score, whether the phrase is the rules' choice, and how close the phrase's
sentence embedding (all-MiniLM-L6-v2) is to the lexicon's metric names. No metric name is a feature.

The encoder lives in :mod:`paperlab.search`, which this package may not import: :mod:`paperlab.compare` installs it
with :func:`set_phrase_encoder`. Without an encoder, without the model file (``metric_reviser.json``, trained by
``benchmarks/train_metric_reviser.py`` on development gold only) or without the metric ranker's model, nothing is
revised: the rules' and the ranker's names stand. The phrases of one abstract are embedded in one batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .lexicons import METRICS
from .metric_ranker import Candidate, candidates, metric_key, none_features, tidy_metric
from .metric_ranker import _model as _ranker_model
from .model_file import read_model

__all__ = ["MODEL_PATH", "option_features", "revise_metrics", "set_phrase_encoder"]

MODEL_PATH = Path(__file__).with_name("metric_reviser.json")

Encoder = Callable[[Sequence[str]], Any]  # texts -> an (n, d) array of embeddings
_ENCODER: list[Encoder | None] = [None]
_CACHE: dict[str, Any] = {}  # unit vectors of phrases seen in this process (lexicon names included)
_SIMILARITY: dict[str, float] = {}  # each cached phrase's highest cosine to a lexicon metric name


def set_phrase_encoder(encoder: Encoder | None) -> None:
    """Install the phrase encoder (None: revise nothing)."""
    _ENCODER[0] = encoder
    _CACHE.clear()
    _SIMILARITY.clear()


@lru_cache(maxsize=1)
def _model() -> dict | None:
    return read_model(MODEL_PATH)


def _embed(phrases: Sequence[str]) -> bool:
    """Embed the phrases not cached yet, in one batch; False when no encoder is installed or it fails."""
    encoder = _ENCODER[0]
    if encoder is None:
        return False
    todo = list(dict.fromkeys(p for p in phrases if p not in _CACHE))
    if not todo:
        return True
    import numpy as np  # numpy only once an abstract has a result to revise (``import paperlab`` stays light)

    try:
        vectors = np.asarray(encoder(todo), dtype=np.float32)
    except Exception:  # noqa: BLE001 - any failure of the optional encoder: fall back to the ranker's names
        set_phrase_encoder(None)
        return False
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    _CACHE.update(zip(todo, vectors, strict=True))
    lexicon = np.stack([_CACHE[name] for name, _ in METRICS])
    _SIMILARITY.update(zip(todo, (vectors @ lexicon.T).max(axis=1).tolist(), strict=True))
    return True


def _lexicon_similarity(phrase: str) -> float:
    return _SIMILARITY[phrase]


def option_features(
    current: str | None, cands: list[Candidate], unit: str, kind: str, ranker: dict[str, float]
) -> list[tuple[str | None, dict[str, float]]]:
    """The options of one number (name, features): each candidate, the rules' name when no candidate spells it, and
    "no metric" (None) last. Every phrase must have been embedded (:func:`_embed`)."""
    zs = [sum(ranker.get(k, 0.0) * v for k, v in c.features.items()) for c in cands]
    top = max(range(len(zs)), key=zs.__getitem__) if zs else -1
    cur = metric_key(current)
    out: list[tuple[str | None, dict[str, float]]] = []
    for i, c in enumerate(cands):
        f = {**c.features, "z": zs[i], "sim_lex": _lexicon_similarity(c.name)}
        if i == top:
            f["top"] = 1.0
        if metric_key(c.name) == cur:
            f["cur"] = 1.0
        out.append((c.name, f))
    if current is not None and not any(metric_key(c.name) == cur for c in cands):
        out.append((current, {"cur": 1.0, "cur_only": 1.0, "sim_lex": _lexicon_similarity(current)}))
    none = dict(none_features(unit, kind))
    if cur is None:
        none.update(cur=1.0, none_cur=1.0)
    out.append((None, none))
    return out


Item = tuple[str, list[dict[str, Any]], list[tuple[int, int]], list[tuple[int, int, str]]]


def phrases_of(items: list[Item]) -> tuple[list[list[list[Candidate]]], list[str]]:
    """The candidates of every row of ``items`` (text, rows, spans, metric hits) and every phrase to embed."""
    cands = [
        [candidates(text, s, e, r["unit"] or "", r["kind"], hits) for r, (s, e) in zip(rows, spans, strict=True)]
        for text, rows, spans, hits in items
    ]
    phrases = [name for name, _ in METRICS]
    phrases += [c.name for per_item in cands for per_row in per_item for c in per_row]
    phrases += [r["metric"] for _, rows, _, _ in items for r in rows if isinstance(r["metric"], str)]
    return cands, phrases


def revise_metrics(items: list[Item]) -> None:
    """Set each row's ``metric`` to the best-scored option of its number (items: the kept rows of each sentence of one
    abstract, with their spans and the sentence's metric hits); nothing changes without encoder or models."""
    if _ENCODER[0] is None or not any(rows for _, rows, _, _ in items):
        return  # off (the default: paperlab.compare.use_metric_reviser), or nothing to revise: no model read
    model, ranker = _model(), _ranker_model()
    if model is None or ranker is None:
        return
    cands, phrases = phrases_of(items)
    if not _embed(phrases):
        return
    w = model["weights"]
    for (_, rows, _, _), per_item in zip(items, cands, strict=True):
        for r, cs in zip(rows, per_item, strict=True):
            if r.get("_fixed"):
                continue  # a shape or a structural rule named it ("an F1 of", "respectively", slash lists)
            options = option_features(r["metric"], cs, r["unit"] or "", r["kind"], ranker["weights"])
            scores = [sum(w.get(k, 0.0) * v for k, v in f.items()) for _, f in options]
            r["metric"] = tidy_metric(options[max(range(len(scores)), key=scores.__getitem__)][0])
