"""Learning to rank across groups (a screen): a logistic regression over each candidate's signals, fitted on one half
of the recorded history groups and scored on the other (halves fixed before running: ``sha1(name + ":half") % 2``).

Features per candidate: the shipped ranking's z-scored signals (svm, knn, profile, phrases, decay, neighbours, as
``PersonalRanking.components`` gives them after pseudo-relevance feedback), its final fused score, and the
arxiv-sanity SVM's margin z-scored over the candidates. Label: relevant (a later paper of the group). Each group's
candidates weigh the same in the fit (balanced classes per group). ΔP@10 against the shipped ranking, 95% paired
bootstrap interval over groups, per half; all groups are burned (dev).

Usage: python benchmarks/bench_feed_ltr.py [--realdata PATH] [--min-group 15]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import add_realdata_argument, realdata_or_exit  # noqa: E402
from bench_feed import load_groups, one_day, vectors_for  # noqa: E402
from bench_feed_ceiling import Capture  # noqa: E402
from bench_feed_listname import half, paired  # noqa: E402

from paperlab.feed.evaluate import evaluate_recommendations  # noqa: E402
from paperlab.search.analysis import tfidf_vectorizer  # noqa: E402
from paperlab.search.index import paper_text  # noqa: E402
from paperlab.search.personal import RankingOptions, rank_personal  # noqa: E402

SIGNALS = ("svm", "knn", "profile", "phrases", "decay", "neighbours")


def svm_margin(saved: Any, cands: Any, background: Any) -> dict[str, float]:
    """The arxiv-sanity SVM's margin of each candidate, z-scored over the candidates."""
    from sklearn.svm import LinearSVC

    rows = list(cands) + list(saved) + list(background)
    X = tfidf_vectorizer().fit_transform([paper_text(p) for p in rows])
    y = np.zeros(len(rows), dtype=np.int8)
    y[len(cands) : len(cands) + len(saved)] = 1
    s = (
        LinearSVC(class_weight="balanced", C=0.01, max_iter=10_000, tol=1e-5)
        .fit(X, y)
        .decision_function(X[: len(cands)])
    )
    s = (s - s.mean()) / (s.std() or 1.0)
    return {p.id: float(v) for p, v in zip(cands, s, strict=True)}


def features(name: str, papers: list[Any], corpus: list[Any], vectors: Any) -> dict[str, Any]:
    cap = Capture()
    evaluate_recommendations(papers, corpus, ranker=cap)
    assert cap.inputs is not None
    saved, cands, background = cap.inputs
    relevant = {p.id for p in papers} & {p.id for p in cands}
    ranking = rank_personal(saved, cands, background, RankingOptions(), vectors=vectors)
    margin = svm_margin(saved, cands, background)
    cols = [ranking.components.get(s, np.zeros(len(ranking.ids))) for s in SIGNALS]
    X = np.column_stack([*cols, np.array(ranking.scores), [margin[i] for i in ranking.ids]])
    y = np.array([i in relevant for i in ranking.ids])
    return {"name": name, "half": half(name), "X": X, "y": y, "shipped": y[:10].mean()}


def fit(rows: list[dict[str, Any]]) -> Any:
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([r["X"] for r in rows])
    y = np.concatenate([r["y"] for r in rows])
    w = np.concatenate([np.where(r["y"], 0.5 / max(r["y"].sum(), 1), 0.5 / max((~r["y"]).sum(), 1)) for r in rows])
    return LogisticRegression(C=1.0, max_iter=2000).fit(X, y, sample_weight=w * len(rows))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_realdata_argument(ap, required=True)
    ap.add_argument("--min-group", type=int, default=15)
    args = ap.parse_args()
    corpus, groups = load_groups(realdata_or_exit(args.realdata), args.min_group)
    vectors = vectors_for(corpus)
    rows = [features(g, ps, corpus, vectors) for g, ps in groups.items() if not one_day(ps)]
    for h in ("A", "B"):
        test = [r for r in rows if r["half"] == h]
        model = fit([r for r in rows if r["half"] != h])
        p10 = np.array([r["y"][np.argsort(-model.decision_function(r["X"]), kind="stable")[:10]].mean() for r in test])
        shipped = np.array([r["shipped"] for r in test])
        coef = ", ".join(
            f"{n} {c:+.2f}" for n, c in zip([*SIGNALS, "fused", "arxiv-sanity"], model.coef_[0], strict=True)
        )
        print(
            f"half {h}: {len(test)} groups, shipped P@10 {shipped.mean():.3f}, learned {p10.mean():.3f}, "
            "ΔP@10 {:+.3f} [{:+.3f}, {:+.3f}]".format(*paired(p10 - shipped))
        )
        print(f"    fitted on the other half: {coef}")


if __name__ == "__main__":
    main()
