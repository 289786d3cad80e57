"""Score arrays of a search: min-max scaling, the top k rows, and shown scores that fall down the list."""

from __future__ import annotations

import numpy as np

__all__ = ["falling", "minmax", "top_k"]


def minmax(x: np.ndarray) -> np.ndarray:
    if not len(x):
        return x
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / ((hi - lo) or 1.0)


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    k = min(k, scores.shape[0])
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    best = np.argpartition(-scores, k - 1)[:k]
    return best[np.argsort(-scores[best], kind="stable")]


def falling(prob: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Shown scores of hits listed by ``order`` (highest first): each hit's probability, but never more than the
    hit above it times the ratio of their ``order`` values, so scores fall down the list and ties stay rare."""
    out = np.asarray(prob, dtype=np.float64).copy()
    for i in range(1, len(out)):
        ratio = min(max(order[i] / order[i - 1], 0.0), 1.0) if order[i - 1] > 0 else 1.0
        out[i] = min(out[i], out[i - 1] * ratio)
    return out.astype(np.float32)
