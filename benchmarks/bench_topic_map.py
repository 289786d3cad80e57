"""Topic map: how long ``Library.topics()`` (the clustering and t-SNE behind ``lib.topic_map()``) takes once the
papers are embedded, the map's OpenMP work on one thread (the default since session 14) against every thread
(before), in interleaved rounds of the same run, and how far apart the two maps are.

Libraries: the first 16 papers of the bundled demo corpus and the whole demo corpus (325 papers); embeddings by the
default encoder, computed once before the rounds (the encoder's one-time load is not timed). The load average is
printed with the figures: the slowdown of every-thread t-SNE grows with how busy the cores are.

Usage: python benchmarks/bench_topic_map.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402

from paperlab.data import demo_library  # noqa: E402
from paperlab.search import analysis, index_for  # noqa: E402


def _timed(index: object, one_thread_up_to: int) -> tuple[float, np.ndarray]:
    analysis.ONE_THREAD_UP_TO = one_thread_up_to
    start = time.perf_counter()
    found = analysis.topics(index)  # type: ignore[arg-type]
    return time.perf_counter() - start, np.asarray(found.coords)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    demo = demo_library()
    libraries = {"16 demo papers": type(demo)(list(demo)[:16]), f"demo corpus ({len(demo)} papers)": demo}
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| library | every thread (before), median s | one thread (now), median s | max coordinate gap |")
    print("|---|---|---|---|")
    for name, lib in libraries.items():
        index = index_for(lib, None)
        analysis.topics(index)  # warm: imports, the embeddings
        before, now, gap = [], [], 0.0
        for _ in range(args.rounds):
            t_before, xy_before = _timed(index, -1)
            t_now, xy_now = _timed(index, 10**9)
            before.append(t_before)
            now.append(t_now)
            span = float(np.ptp(xy_before)) or 1.0
            gap = max(gap, float(np.abs(xy_before - xy_now).max()) / span)
        print(f"| {name} | {statistics.median(before):.2f} | {statistics.median(now):.2f} | {gap:.3f} of the span |")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
