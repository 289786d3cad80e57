"""The cards' search message handler (``PaperCards._search``, what an Enter in the search box runs): where the time
goes, and the time until the cards can show the hits.

For each query (the demo corpus, our own queries, hybrid, warm model, a fresh store cache so every hit's sentences
are new, as in a first session), in this process:

* ``demo.search(q)`` — the kernel search alone (**baseline** the walkthrough compared with: 0.1 s);
* reasons of 20 hits — what the handler did before answering until now (search + 20 hits' best sentences);
* the handler now — the answer carries the hits and the reasons of the first ``WHY_AT_ONCE`` hits (one message);
  the other reasons follow in a background thread ("all reasons" column: until they are in).

Usage: python benchmarks/bench_cards_search.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

QUERIES = (
    "why do vision-language models describe objects that are not there",
    "contrastive learning without negative pairs",
    "reward models trained on human preference comparisons",
    "estimating the direction a radio signal arrives from with an antenna array",
    "detecting inputs unlike the training data",
    "graph neural networks for molecules",
)


def _fresh_cache() -> None:
    """A new empty store (sentence vectors not cached), the exported model kept."""
    os.environ["PAPERLAB_STORE"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")


def main() -> None:
    from paperlab.data import demo_library
    from paperlab.widget import WHY_AT_ONCE, PaperCards

    demo = demo_library()
    demo.search("warm up the model", k=5)  # load (or export once) the ONNX model: not measured
    rows: dict[str, list[float]] = {"search": [], "old": [], "answer": [], "all": []}
    for q in QUERIES:
        t = time.perf_counter()
        demo.search(q, k=50)
        rows["search"].append(time.perf_counter() - t)
        _fresh_cache()
        t = time.perf_counter()
        demo.search(q, k=50).first_reasons(20)
        rows["old"].append(time.perf_counter() - t)
        _fresh_cache()
        cards = PaperCards(demo, activate=False)
        t = time.perf_counter()
        cards._search({"query": q, "mode": "hybrid", "k": 50})
        rows["answer"].append(time.perf_counter() - t)
        cards.wait_for_reasons()
        rows["all"].append(time.perf_counter() - t)
    print(f"{len(QUERIES)} queries, demo corpus ({len(demo)} papers), hybrid, warm model, no cached sentences")
    print("| step | median s | max s |\n| --- | ---: | ---: |")
    labels = {
        "search": "`demo.search(q)` alone (**baseline**)",
        "old": "search + reasons of 20 hits (the handler until now)",
        "answer": f"handler now: answer with hits + reasons of the first {WHY_AT_ONCE}",
        "all": "handler now: until all 20 reasons are in (background)",
    }
    for key, label in labels.items():
        print(f"| {label} | {statistics.median(rows[key]):.2f} | {max(rows[key]):.2f} |")


if __name__ == "__main__":
    main()
