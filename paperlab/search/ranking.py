"""Scores that mean the same across queries: hit features, their calibrated fusion, and the relevance cut-off.

For every candidate of a query the index computes a few features whose scale does not depend on the
query (the raw cosine of the query, and of the feedback-expanded query, with the paper; the share of the
query's words, weighted by idf, that the paper contains) and some that are relative to the query's best
hit (BM25 and cosine, min-max scaled; their blend; BM25 of words the best first-pass hits share but the
query lacks, a lexical pseudo-relevance feedback; the mean blend of a paper's nearest neighbours among the
best candidates, a smoothing over the kNN graph). A logistic model over them, fitted on the **dev** queries of
``benchmarks/bench_search_quality.py`` and stored in ``calibration.json`` beside this module, turns them
into the probability that the paper belongs to what was asked for: the score shown for a hit. Hits below
the fitted cut-off are not listed. Each model's weights are non-negative, so a score never falls when a
feature rises.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..text import fold
from .lexical import BM25Ranker

__all__ = [
    "CALIBRATION_FILE",
    "FEATURES",
    "QUERY_STOP",
    "Calibration",
    "ModeCalibration",
    "expansion_terms",
    "load_calibration",
    "neighbourhood",
    "query_match",
    "query_terms",
]

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
#: Words of a question that say nothing about its topic ("why do models make things up, and how can we ..."):
#: never shown as matched words.
QUERY_STOP = frozenset(
    """we our us you your i me my he she its his her they them their those which who whom whose what when where
why how can could may might must shall should would will has have had having been being were was is are be do
does did done doing also than from about over under between both each more most other some any all only very
so too just via using use used up out get gets got make makes made making thing things way ways there here
paper propose proposed present show shows results method approach new""".split()
)
_WORD = re.compile(r"(?u)\b\w\w+\b")
#: Features of a hit, by search mode (see the module docstring).
FEATURES = {
    "hybrid": ("cos", "cos_prf", "coverage", "lex_rel", "sem_rel", "blend", "lex_prf_rel", "nbr"),
    "semantic": ("cos", "sem_rel"),
    "lexical": ("coverage", "lex_rel"),
}


@dataclass(frozen=True)
class ModeCalibration:
    """A logistic model of P(relevant | features) for one search mode, and the cut-off below which hits are dropped.

    Parameters
    ----------
    weights : mapping of str to float
        Weight of each feature (missing features weigh 0).
    bias : float
    cutoff : float
        Minimum probability of a listed hit (0 lists every candidate).
    rank_by : {"probability", "blend"}
        Hybrid mode: order hits by the calibrated probability, or by the min-max blend (the probability is
        then only the shown score).
    """

    weights: Mapping[str, float]
    bias: float
    cutoff: float = 0.0
    rank_by: str = "probability"

    def logit(self, features: Mapping[str, np.ndarray]) -> np.ndarray:
        """The model's log-odds for each candidate."""
        n = len(next(iter(features.values())))
        out = np.full(n, self.bias, dtype=np.float64)
        for name, w in self.weights.items():
            if w and name in features:
                out += w * np.asarray(features[name], dtype=np.float64)
        return out

    def probability(self, features: Mapping[str, np.ndarray]) -> np.ndarray:
        """Calibrated probability of relevance, in (0, 1)."""
        return (1.0 / (1.0 + np.exp(-self.logit(features)))).astype(np.float32)


# before any fit: order by the blend (hybrid), cosine or BM25, scores squashed by a fixed logistic, no cut-off
_FALLBACK = {
    "hybrid": ModeCalibration({"blend": 4.0, "cos": 4.0}, -5.0, 0.0, "blend"),
    "semantic": ModeCalibration({"cos": 8.0}, -4.0, 0.0),
    "lexical": ModeCalibration({"coverage": 5.0, "lex_rel": 1.0}, -4.0, 0.0),
}


@dataclass(frozen=True)
class Calibration:
    """Fitted :class:`ModeCalibration` by encoder name and mode (``calibration.json``)."""

    models: Mapping[str, Mapping[str, ModeCalibration]] = field(default_factory=dict)
    default_encoder: str = "all-MiniLM-L6-v2"

    def for_mode(self, encoder: str | None, mode: str) -> ModeCalibration:
        """The model of ``mode`` fitted with ``encoder`` (the default encoder's for an encoder never fitted)."""
        if mode == "lexical":
            for by_mode in self.models.values():  # lexical features do not depend on the encoder
                if "lexical" in by_mode:
                    return by_mode["lexical"]
            return _FALLBACK["lexical"]
        by_mode = self.models.get(encoder or "", self.models.get(self.default_encoder, {}))
        return by_mode.get(mode, _FALLBACK[mode])

    def to_json(self) -> str:
        """The JSON text of ``calibration.json``."""
        data: dict[str, Any] = {"default_encoder": self.default_encoder, "models": {}}
        for enc, by_mode in self.models.items():
            data["models"][enc] = {
                mode: {
                    "weights": {k: round(float(v), 5) for k, v in m.weights.items()},
                    "bias": round(float(m.bias), 5),
                    "cutoff": round(float(m.cutoff), 4),
                    "rank_by": m.rank_by,
                }
                for mode, m in by_mode.items()
            }
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Calibration:
        """Read the text written by :meth:`to_json`."""
        data = json.loads(text)
        models = {
            enc: {
                mode: ModeCalibration(
                    dict(m["weights"]), float(m["bias"]), float(m.get("cutoff", 0.0)), m.get("rank_by", "probability")
                )
                for mode, m in by_mode.items()
            }
            for enc, by_mode in data.get("models", {}).items()
        }
        return cls(models, data.get("default_encoder", "all-MiniLM-L6-v2"))


@lru_cache(maxsize=1)
def load_calibration() -> Calibration:
    """The calibration shipped with paperlab (an uncalibrated fallback when the file is missing)."""
    try:
        return Calibration.from_json(CALIBRATION_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return Calibration()


def query_match(ranker: BM25Ranker, query: str) -> tuple[np.ndarray, np.ndarray]:
    """BM25 score of every document and the idf-weighted share of the query's words it contains.

    Words of the query found in no document count in the share's denominator at the highest idf, so
    a query about something the library never mentions covers little of any paper.
    """
    n = ranker.n_docs_
    lex = np.zeros(n, dtype=np.float32)
    covered = np.zeros(n, dtype=np.float32)
    terms = ranker.tokenizer_(query)  # question words stay: dropping them (query_terms) lost P@10 on dev
    if not terms or n == 0:
        return lex, covered
    top_idf = math.log(1 + (n + 0.5) / 0.5)
    total = 0.0
    for term in dict.fromkeys(terms):
        if not ranker.has_term(term):
            total += top_idf
            continue
        idf = ranker.idf(term)
        total += idf
        s = ranker.term_scores([term])
        lex += s * terms.count(term)
        covered += np.float32(idf) * (s > 0)
    return lex, covered / np.float32(total or 1.0)


def query_terms(ranker: BM25Ranker, query: str) -> list[str]:
    """The query's stems that say what it is about: without :data:`QUERY_STOP` words (all of them if nothing else)."""
    words = [w for w in _WORD.findall(fold(query)) if w not in QUERY_STOP]
    return ranker.tokenizer_(" ".join(words)) or ranker.tokenizer_(query)


def expansion_terms(ranker: BM25Ranker, query: str, texts: list[str], n: int = 10) -> list[str]:
    """Stems the best first-pass hits share but the query lacks (weight: length-normalised tf times idf, summed)."""
    tok = ranker.tokenizer_
    asked = set(tok(query))
    weight: dict[str, float] = {}
    for text in texts:
        terms = tok(text)
        for t in set(terms) - asked:
            weight[t] = weight.get(t, 0.0) + terms.count(t) / len(terms) * ranker.idf(t)
    return [t for t, _ in sorted(weight.items(), key=lambda kv: -kv[1])[:n] if ranker.has_term(t)]


def neighbourhood(vectors: np.ndarray, score: np.ndarray, pool: int = 200, k: int = 5) -> np.ndarray:
    """Mean ``score`` of each candidate's ``k`` nearest candidates, among the ``pool`` best by score (0 elsewhere).

    ``vectors`` are the candidates' unit embeddings (a callable-free array indexed like ``score``).
    """
    out = np.zeros(len(score), dtype=np.float32)
    if len(score) < 2:
        return out
    best = np.argsort(-score, kind="stable")[:pool]
    emb = np.asarray(vectors[best], dtype=np.float32)
    sims = emb @ emb.T
    np.fill_diagonal(sims, -np.inf)
    k = min(k, len(best) - 1)
    near = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    out[best] = score[best][near].mean(axis=1)
    return out
