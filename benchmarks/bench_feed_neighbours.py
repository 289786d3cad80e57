"""The arrivals' neighbourhoods bounded: quality on the recorded histories and speed at 10,000 candidates, one run.

``paperlab.search.arrivals.neighbour_signal`` re-ranks only the best ``RankingOptions.neighbour_pool`` candidates
(500) by their neighbourhoods, where session 10 shipped all pairs (``neighbour_pool=None``). This script scores both
in the same run:

- **quality**: every recorded history group of ``bench_feed.py`` (all burned: "dev") and its one-day sections,
  replayed after the 10th paper, the bounded and the exact ranking side by side: nDCG@10, P@10, recall@50 with 95%
  bootstrap intervals over groups, and the paired difference of P@10 and nDCG@10 with its interval;
- **speed**: ``rank_personal`` on 10,000 candidates (the recorded corpus's real papers, repeated under new ids with
  their vectors jittered, 10 of them saved) and the neighbour step alone, bounded and exact, interleaved, median
  of ``--repeats`` runs.

Usage: python benchmarks/bench_feed_neighbours.py [--realdata PATH] [--min-group 15] [--repeats 3] [--speed-only]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import add_realdata_argument, realdata_or_exit  # noqa: E402
from bench_feed import load_groups, mean_interval, one_day, replay_all, vectors_for  # noqa: E402

import paperlab  # noqa: E402
from paperlab.feed.evaluate import personal_ranker  # noqa: E402
from paperlab.search.arrivals import neighbour_signal  # noqa: E402
from paperlab.search.personal import RankingOptions, rank_personal  # noqa: E402

SYSTEMS = {"exact (all pairs, before)": None, "bounded (pool 500, shipped)": RankingOptions().neighbour_pool}


def paired(a: dict[str, Any], b: dict[str, Any], attr: str) -> tuple[float, float, float]:
    """Mean of ``a - b`` over the groups both scored, with a 95% bootstrap interval over groups."""
    names = sorted(set(a) & set(b))
    d = np.array([getattr(a[n], attr) - getattr(b[n], attr) for n in names])
    draws = np.random.default_rng(0).integers(0, len(d), size=(2000, len(d)))
    means = d[draws].mean(axis=1)
    return float(d.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def quality(realdata: Path, min_group: int, vectors: dict[str, np.ndarray], corpus: list[Any], groups: Any) -> None:
    parts = {
        "dev (recorded history groups)": {g: ps for g, ps in groups.items() if not one_day(ps)},
        "one-day sections": {g: ps for g, ps in groups.items() if one_day(ps)},
    }
    print("\n| ranking | split | groups | nDCG@10 | P@10 | recall@50 | seconds |\n|---|---|---|---|---|---|---|")
    results: dict[tuple[str, str], Any] = {}
    for label, part in parts.items():
        for name, pool in SYSTEMS.items():
            t = time.perf_counter()
            res = replay_all(part, corpus, personal_ranker(RankingOptions(neighbour_pool=pool), vectors=vectors))
            results[(name, label)] = res
            cells = " | ".join(
                "{:.3f} [{:.2f}, {:.2f}]".format(*mean_interval(res, a)) for a in ("ndcg10", "p10", "recall50")
            )
            print(f"| {name} | {label} | {len(res)} | {cells} | {time.perf_counter() - t:.0f} |", flush=True)
    exact, bounded = SYSTEMS
    for label in parts:
        a, b = results[(bounded, label)], results[(exact, label)]
        same = sum(a[n].ranked[:10] == b[n].ranked[:10] for n in a)
        diffs = ", ".join("Δ{} {:+.3f} [{:+.3f}, {:+.3f}]".format(m, *paired(a, b, m)) for m in ("p10", "ndcg10"))
        print(f"  {label}: bounded - exact: {diffs}; the same top 10 in {same} of {len(a)} groups")


def big_candidates(corpus: list[paperlab.Paper], vectors: dict[str, np.ndarray], n: int) -> tuple[list, dict]:
    """``n`` candidates: the corpus's papers repeated under new ids, each copy's vector jittered (fixed seed)."""
    rng = np.random.default_rng(0)
    out, vecs = [], {}
    for i in range(n):
        p = corpus[i % len(corpus)]
        copy = dataclasses.replace(p, id=f"{p.id}#{i}")
        v = vectors[p.id] + rng.normal(0, 0.01, size=vectors[p.id].shape)
        out.append(copy)
        vecs[copy.id] = v / np.linalg.norm(v)
    return out, vecs


def speed(corpus: list[paperlab.Paper], groups: Any, vectors: dict[str, np.ndarray], repeats: int) -> None:
    saved = sorted(groups["zezhishao: Time Series"], key=lambda p: (p.published, p.id))[:10]
    cands, vecs = big_candidates([p for p in corpus if p.id not in {s.id for s in saved}], vectors, 10_000)
    vecs |= {p.id: vectors[p.id] for p in saved}
    unit = np.vstack([vecs[p.id] for p in cands]).astype(np.float32)
    fused = np.random.default_rng(1).normal(size=len(cands))
    times: dict[str, list[float]] = {
        f"{s} | {what}": [] for s in SYSTEMS for what in ("neighbour step", "rank_personal")
    }
    for _ in range(repeats):
        for name, pool in SYSTEMS.items():
            t = time.perf_counter()
            neighbour_signal(fused, unit, pool=pool)
            times[f"{name} | neighbour step"].append(time.perf_counter() - t)
            t = time.perf_counter()
            rank_personal(saved, cands, (), RankingOptions(neighbour_pool=pool), vectors=vecs)
            times[f"{name} | rank_personal"].append(time.perf_counter() - t)
    print(f"\nspeed, 10,000 candidates, load average {os.getloadavg()[0]:.1f}: median [min, max] of {repeats} runs")
    print("| ranking | what | seconds |\n|---|---|---|")
    for key, ts in times.items():
        print(f"| {key} | {np.median(ts):.2f} [{min(ts):.2f}, {max(ts):.2f}] |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_realdata_argument(ap, required=True)
    ap.add_argument("--min-group", type=int, default=15)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--speed-only", action="store_true")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    realdata = realdata_or_exit(args.realdata)
    corpus, groups = load_groups(realdata, args.min_group)
    vectors = vectors_for(corpus)
    if not args.speed_only:
        quality(realdata, args.min_group, vectors, corpus, groups)
    speed(corpus, groups, vectors, args.repeats)


if __name__ == "__main__":
    main()
