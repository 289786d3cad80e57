"""Replay evaluation of recommendations: recommend from what was known before a date, score what came after.

A history is the papers a user saved, each with the date it was saved (or, lacking that, published).
By default the history is put in order (date, then paper id: arXiv ids grow with submission) and cut after
its ``n_saved``-th paper: the ranker sees those papers (positives) and every corpus paper published before the
cut's day (the background); it ranks every other corpus paper published on or after that day, so papers of
the same day after the cut are "later" too, and the papers the user saved after the cut are the relevant ones:
nDCG@10, P@10 and recall@50. Given an explicit cutoff date, the cut is that day's end instead.

Two reference rankers run on the same replay: the plain arxiv-sanity SVM (tf-idf, LinearSVC C=0.01, every
other paper a negative) and zotero-arxiv-daily's time-decayed embedding similarity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..dates import as_date
from ..errors import PaperlabError
from ..paper import Paper
from ..search import get_encoder, paper_text, tfidf_vectorizer
from ..search.personal import RankingOptions, decay_weights, rank_personal

__all__ = [
    "Ranker",
    "ReplayError",
    "ReplayResult",
    "evaluate_recommendations",
    "ndcg_at",
    "personal_ranker",
    "svm_baseline",
    "zotero_baseline",
]


class ReplayError(PaperlabError, ValueError):
    """A replay cannot be scored (too few dated saved papers, nothing relevant after the cutoff)."""


# ranker(saved newest first, candidates, background) -> candidate ids best first
Ranker = Callable[[Sequence[Paper], Sequence[Paper], Sequence[Paper]], list[str]]


@dataclass
class ReplayResult:
    """Scores of one replay.

    Attributes
    ----------
    cutoff : datetime.date
    ndcg10, p10, recall50 : float
    n_saved, n_candidates, n_relevant : int
    ranked : list of str
        Candidate ids best first (the top 50).
    """

    cutoff: dt.date
    ndcg10: float
    p10: float
    recall50: float
    n_saved: int
    n_candidates: int
    n_relevant: int
    ranked: list[str] = field(repr=False, default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The scores as plain data."""
        return {
            "cutoff": self.cutoff.isoformat(),
            "ndcg@10": self.ndcg10,
            "P@10": self.p10,
            "recall@50": self.recall50,
            "saved": self.n_saved,
            "candidates": self.n_candidates,
            "relevant": self.n_relevant,
        }


def ndcg_at(ranked: Sequence[str], relevant: set[str], k: int = 10) -> float:
    """Binary-relevance nDCG@k."""
    dcg = sum(1.0 / np.log2(i + 2) for i, r in enumerate(ranked[:k]) if r in relevant)
    ideal = sum(1.0 / np.log2(i + 2) for i in range(min(k, len(relevant))))
    return float(dcg / ideal) if ideal else 0.0


def _dated(history: Iterable[Paper | tuple[Paper, Any]]) -> list[tuple[Paper, dt.date]]:
    """(paper, saved date) pairs, newest first; a bare Paper counts as saved when published."""
    out: list[tuple[Paper, dt.date]] = []
    for item in history:
        paper, when = item if isinstance(item, tuple) else (item, item.published)
        if when is None:
            continue
        day = as_date(when, "saved date")
        if day is not None:
            out.append((paper, day))
    out.sort(key=lambda t: (t[1], t[0].id), reverse=True)
    return out


def _split(
    dated: list[tuple[Paper, dt.date]], n_saved: int, cutoff: dt.date | str | None
) -> tuple[dt.date, list[Paper], set[str], bool]:
    """The cut's day, the saved papers (newest first), the ids saved after the cut, and whether the cut's day
    itself is still to come (a cut after the ``n_saved``-th paper: that day's other papers are candidates)."""
    if cutoff is not None:
        when = as_date(cutoff, "cutoff")
        assert when is not None
        return when, [p for p, d in dated if d <= when], {p.id for p, d in dated if d > when}, False
    if len(dated) <= n_saved:
        raise ReplayError(f"the history has {len(dated)} dated papers: need more than n_saved={n_saved}")
    oldest_first = dated[::-1]
    saved = [p for p, _ in oldest_first[:n_saved]]
    return oldest_first[n_saved - 1][1], saved[::-1], {p.id for p, _ in oldest_first[n_saved:]}, True


def evaluate_recommendations(
    history: Iterable[Paper | tuple[Paper, Any]],
    corpus: Iterable[Paper],
    cutoff: dt.date | str | None = None,
    n_saved: int = 10,
    ranker: Ranker | None = None,
) -> ReplayResult:
    """Replay ``history`` against ``corpus`` at ``cutoff`` and score the ranking.

    Parameters
    ----------
    history : iterable of Paper or (Paper, date)
        What the user saved, with the date saved (a bare Paper: its ``published`` date).
    corpus : iterable of Paper
        Every paper that appeared (the history's papers may be in it); papers without a
        ``published`` date are ignored.
    cutoff : date or ISO string, optional
        Cut at the end of this day. Default: after the ``n_saved``-th oldest saved paper (by date, then id);
        the other papers of its day are still to come.
    n_saved : int
        How many papers the default cut keeps as saved.
    ranker : callable, optional
        ``ranker(saved, candidates, background) -> ids``; default: :func:`personal_ranker`.

    Returns
    -------
    ReplayResult
    """
    when, saved, later, same_day = _split(_dated(history), n_saved, cutoff)
    saved_ids = {p.id for p in saved}
    papers = [p for p in corpus if p.published is not None and p.id not in saved_ids]
    known = [p.published is not None and (p.published < when if same_day else p.published <= when) for p in papers]
    background = [p for p, k in zip(papers, known, strict=True) if k]
    candidates = [p for p, k in zip(papers, known, strict=True) if not k]
    relevant = later & {p.id for p in candidates}
    if not saved or not relevant:
        raise ReplayError(f"nothing to score at {when}: {len(saved)} saved before, {len(relevant)} relevant after")
    ranked = (ranker or personal_ranker())(saved, candidates, background)
    return ReplayResult(
        cutoff=when,
        ndcg10=ndcg_at(ranked, relevant, 10),
        p10=sum(r in relevant for r in ranked[:10]) / 10,
        recall50=sum(r in relevant for r in ranked[:50]) / len(relevant),
        n_saved=len(saved),
        n_candidates=len(candidates),
        n_relevant=len(relevant),
        ranked=list(ranked[:50]),
    )


def personal_ranker(
    options: RankingOptions | None = None, encoder: Any = None, vectors: Mapping[str, np.ndarray] | None = None
) -> Ranker:
    """Our ranking (:func:`paperlab.search.personal.rank_personal`) as a replay ranker."""

    def rank(saved: Sequence[Paper], candidates: Sequence[Paper], background: Sequence[Paper]) -> list[str]:
        return rank_personal(saved, candidates, background, options, encoder=encoder, vectors=vectors).ids

    return rank


def svm_baseline(C: float = 0.01) -> Ranker:
    """The plain arxiv-sanity SVM: tf-idf (1-2 grams), LinearSVC, the saved papers against all others."""

    def rank(saved: Sequence[Paper], candidates: Sequence[Paper], background: Sequence[Paper]) -> list[str]:
        from sklearn.svm import LinearSVC

        rows = list(candidates) + list(saved) + list(background)
        X = tfidf_vectorizer().fit_transform([paper_text(p) for p in rows])
        y = np.zeros(len(rows), dtype=np.int8)
        y[len(candidates) : len(candidates) + len(saved)] = 1
        clf = LinearSVC(class_weight="balanced", C=C, max_iter=10_000, tol=1e-5).fit(X, y)
        s = clf.decision_function(X[: len(candidates)])
        return [candidates[i].id for i in np.argsort(-s, kind="stable")]

    return rank


def zotero_baseline(encoder: Any = None, vectors: Mapping[str, np.ndarray] | None = None) -> Ranker:
    """zotero-arxiv-daily: cosine to each saved paper, weighted ``1/(1+log10(rank+1))`` newest first."""

    def rank(saved: Sequence[Paper], candidates: Sequence[Paper], background: Sequence[Paper]) -> list[str]:
        def vecs(ps: Sequence[Paper]) -> np.ndarray:
            if vectors is not None:
                return np.vstack([vectors[p.id] for p in ps])
            return get_encoder(encoder).encode([paper_text(p) for p in ps])

        s = (vecs(candidates) @ vecs(saved).T) @ decay_weights(len(saved))
        return [candidates[i].id for i in np.argsort(-s, kind="stable")]

    return rank
