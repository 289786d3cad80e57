"""The list's name as a query (a screen): a candidate holding every word of the list's name gains ``w`` z-score units,
when each of those words occurs in at least two saved papers. Measured on the recorded history groups (all burned:
dev) on two halves fixed before running (``sha1(name + ":half") % 2``), the weight picked on one half from
{0.25, 0.5, 1} and scored on the other; ΔP@10 against the shipped ranking with a 95% paired bootstrap interval.

This flatters the idea: a recorded group's name IS the query its README searched with, while a user's reading list
is named as its owner pleases ("thesis", "to read"); the figures say what the name could add at best.
The added amount is applied to the shipped ranking's final scores (as a keyword boost is, without its effect on
pseudo-relevance feedback).

Usage: python benchmarks/bench_feed_listname.py [--realdata PATH] [--min-group 15]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import add_realdata_argument, realdata_or_exit  # noqa: E402
from bench_feed import load_groups, one_day, vectors_for  # noqa: E402
from bench_feed_ceiling import Capture, word_pattern  # noqa: E402

from paperlab.feed.evaluate import evaluate_recommendations  # noqa: E402
from paperlab.search.personal import RankingOptions, rank_personal  # noqa: E402

WEIGHTS = (0.25, 0.5, 1.0)


def half(name: str) -> str:
    return "A" if int(hashlib.sha1(f"{name}:half".encode()).hexdigest(), 16) % 2 == 0 else "B"


def name_words(name: str, saved: list[Any]) -> list[Any]:
    """The name's words (letters and digits) as patterns, if each occurs in at least two saved papers; else none."""
    words = [w for w in name.split(": ", 1)[1].replace("(", " ").replace(")", " ").split() if len(w) > 1]
    pats = [word_pattern([w]) for w in words]
    texts = [f"{p.title or ''} {p.abstract or ''}" for p in saved]
    ok = pats and all(sum(bool(p.search(t)) for t in texts) >= 2 for p in pats)
    return pats if ok else []


def replay(name: str, papers: list[Any], corpus: list[Any], vectors: Any) -> dict[str, Any]:
    cap = Capture()
    evaluate_recommendations(papers, corpus, ranker=cap)
    assert cap.inputs is not None
    saved, cands, background = cap.inputs
    relevant = {p.id for p in papers} & {p.id for p in cands}
    ranking = rank_personal(saved, cands, background, RankingOptions(), vectors=vectors)
    pats = name_words(name, list(saved))
    by_id = {p.id: p for p in cands}
    hit = np.array(
        [
            bool(pats) and all(p.search(f"{by_id[i].title or ''} {by_id[i].abstract or ''}") for p in pats)
            for i in ranking.ids
        ]
    )
    scores = np.array(ranking.scores)
    p10 = {}
    for w in (0.0, *WEIGHTS):
        order = np.argsort(-(scores + w * hit), kind="stable")[:10]
        p10[w] = sum(ranking.ids[i] in relevant for i in order) / 10
    return {"name": name, "half": half(name), "used": bool(pats), "p10": p10}


def paired(d: np.ndarray) -> tuple[float, float, float]:
    draws = np.random.default_rng(0).integers(0, len(d), size=(2000, len(d)))
    m = d[draws].mean(axis=1)
    return float(d.mean()), float(np.percentile(m, 2.5)), float(np.percentile(m, 97.5))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_realdata_argument(ap, required=True)
    ap.add_argument("--min-group", type=int, default=15)
    args = ap.parse_args()
    corpus, groups = load_groups(realdata_or_exit(args.realdata), args.min_group)
    history = {g: ps for g, ps in groups.items() if not one_day(ps)}
    vectors = vectors_for(corpus)
    rows = [replay(g, ps, corpus, vectors) for g, ps in history.items()]
    for h in ("A", "B"):
        part = [r for r in rows if r["half"] == h]
        other = [r for r in rows if r["half"] != h]
        pick = max(WEIGHTS, key=lambda w: np.mean([r["p10"][w] - r["p10"][0.0] for r in other]))
        d = np.array([r["p10"][pick] - r["p10"][0.0] for r in part])
        shipped = np.mean([r["p10"][0.0] for r in part])
        print(
            f"half {h}: {len(part)} groups ({sum(r['used'] for r in part)} whose name's words occur in the saved "
            f"papers), shipped P@10 {shipped:.3f}; weight {pick} (picked on the other half): "
            "ΔP@10 {:+.3f} [{:+.3f}, {:+.3f}]".format(*paired(d))
        )
        for w in WEIGHTS:
            dw = np.array([r["p10"][w] - r["p10"][0.0] for r in part])
            print("    weight {}: ΔP@10 {:+.3f} [{:+.3f}, {:+.3f}]".format(w, *paired(dw)))


if __name__ == "__main__":
    main()
