"""Benchmark: how long a thumb on a feed card takes in the kernel, from the command to the new order.

A thumb pressed on a card of ``paperlab.feed()`` (``FeedCards._cmd_thumb``) stores the thumb in the store's feed
memory, re-ranks the day's papers with it (``Feed.rate``: the personal ranking fitted again with the liked and
disliked papers) and sends the new order, reasons and thumbs to the front end (traits). Measured here: that
kernel time, for thumbs up, down and cleared on different cards, on a real SQLite store.

Baseline, same run: **re-running the cell**: ``paperlab.feed(...)`` built again from the store (which reads the
thumbs and ranks) and its cards made, which is what a user would do without thumbs that re-rank at once.

Data: the bundled demo corpus (real papers): the six first papers of the contrastive-learning list saved, every
other demo paper with an abstract arriving; ``--k`` papers shown.

Usage::

    python benchmarks/bench_feed_thumbs.py [--k 20] [--thumbs 12]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=20, help="papers shown in the feed")
    parser.add_argument("--thumbs", type=int, default=12, help="thumbs pressed (and re-runs of the baseline)")
    args = parser.parse_args()
    os.environ["PAPERLAB_HOME"] = tempfile.mkdtemp(prefix="bench-feed-thumbs-")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    import paperlab
    from paperlab.data import demo_library
    from paperlab.store import Store

    demo = [p for p in demo_library() if p.abstract]
    saved = [p for p in demo if any(s.location.endswith("hf-papers-contrastive.txt") for s in p.sources)][:6]
    store = Store(Path(os.environ["PAPERLAB_HOME"]) / "bench.sqlite3")
    for p in saved:
        store.reading_list("default").add(p)
    arrivals = [p for p in demo if p not in saved]
    profile = paperlab.InterestProfile(categories=[], hf_daily=False, k=args.k)

    def build() -> object:
        return paperlab.feed(candidates=arrivals, profile=profile, store=store, today="2026-03-04").cards()

    cards = build()  # warm: embeddings of the demo ship with paperlab, the ranking code is imported
    thumb_times = []
    for n in range(args.thumbs):
        pid = cards.papers[n % len(cards.papers)]["id"]
        value = (1, -1, 0)[n % 3]
        start = time.perf_counter()
        answer, _ = cards._cmd_thumb({"id": pid, "thumb": value}, [])
        thumb_times.append(time.perf_counter() - start)
        assert answer["ok"], answer
    rebuild_times = []
    for _ in range(args.thumbs):
        start = time.perf_counter()
        build()
        rebuild_times.append(time.perf_counter() - start)

    print(f"feed of {len(arrivals)} new papers, {len(saved)} saved, {args.k} shown; {args.thumbs} runs each\n")
    print(f"{'':42} {'median ms':>10} {'max ms':>10}")
    for name, times in (
        ("thumb on a card: stored + re-ranked + sent", thumb_times),
        ("baseline: re-run the cell (feed + cards)", rebuild_times),
    ):
        print(f"{name:42} {statistics.median(times) * 1000:10.0f} {max(times) * 1000:10.0f}")


if __name__ == "__main__":
    main()
