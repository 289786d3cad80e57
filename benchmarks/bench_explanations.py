"""Per-hit explanations (the abstract sentence closest to the query): one encoder call per hit (before) vs one call
for all listed hits, and vs sentence vectors kept in the store's embedding cache (a search explaining hits it has
explained before encodes only the query).

1. In this process, warm model, the bundled demo corpus (325 papers), our own queries, 10 hits each: milliseconds
   for the search itself and for its hits' reasons (a) one encoder call per hit, no cache (**baseline**: every
   search before), (b) one call for all hits, no cache (a first search), (c) from the cache (a repeated search);
   checking all three pick the same sentences.
2. ``paperlab search Q --corpus demo`` (hybrid, ONNX, hits with reasons) in a NEW process, median and fastest of
   ``--runs``, for the same three cases (switched in that process; (c) is what ships, after the first run).

3. Which sentence: over our own queries (dev: the 8 above; test: 8 more, written with their topic words before any
   run), how many of the top-10 hits' chosen sentences hold a word of the query's topic (hand-listed word starts),
   and how many are the abstract's opening sentence, for opening margins of :func:`paperlab.search.explain.
   best_sentence` (0 = the plain closest sentence, the **baseline**); the margin is chosen on dev only. Also how many
   hits get "related:" terms and how many of those hold a topic word.

Usage: python benchmarks/bench_explanations.py [--runs 5] [--quality-only]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

QUERIES = (
    "contrastive learning without negative pairs",
    "why do language models make things up, and how can we detect it",
    "object hallucination in vision-language models",
    "reward models trained on human preference comparisons",
    "estimating the direction a radio signal arrives from with an antenna array",
    "forecasting electricity load from past measurements",
    "detecting inputs unlike the training data",
    "graph neural networks for molecules",
)

TOPIC = {  # query -> word starts that say its topic (dev: QUERIES)
    QUERIES[0]: ("contrastive", "negative", "positive", "pair"),
    QUERIES[1]: ("hallucinat", "fabricat", "factual", "truthful", "faithful", "detect"),
    QUERIES[2]: ("hallucinat", "object"),
    QUERIES[3]: ("reward", "preferen", "human"),
    QUERIES[4]: ("direction", "arrival", "doa", "antenna", "array"),
    QUERIES[5]: ("forecast", "load", "electric", "time series", "time-series"),
    QUERIES[6]: ("out-of-distribution", "ood", "distribution", "detect", "anomal", "novel"),
    QUERIES[7]: ("graph", "molecul", "gnn"),
}
TEST_TOPIC = {  # held out: never used to choose anything
    "target speaker extraction in noisy multi-talker audio": (
        "speaker",
        "extract",
        "speech",
        "talker",
        "nois",
        "audio",
    ),
    "subspace methods like MUSIC for finding source directions": ("subspace", "music", "direction", "doa", "arrival"),
    "reasoning step by step in multimodal models": ("reason", "chain", "step", "multimodal", "mllm"),
    "positive pairs and data augmentation in self-supervised learning": (
        "positive",
        "augment",
        "self-supervised",
        "contrastive",
        "pair",
    ),
    "reward hacking in reinforcement learning from human feedback": (
        "reward",
        "hack",
        "rlhf",
        "human feedback",
        "preferen",
    ),
    "do models invent objects that are not in the image": ("hallucinat", "object", "image", "visual"),
    "uncertainty estimates for spotting wrong answers of LLMs": (
        "uncertain",
        "confiden",
        "wrong",
        "error",
        "hallucinat",
        "incorrect",
    ),
    "sparse Bayesian learning for sensor arrays": ("sparse", "bayesian", "sbl", "array", "sensor"),
}
MARGINS = (0.0, 0.02, 0.04, 0.06, 0.1)

_CLI = """
import sys
from paperlab.search import explain, results
from paperlab.search.encoders import embed
if {per_hit!r}:  # before: every hit explained by its own encoder call
    init = results.SearchResults.__init__
    def per_hit(self, *args, explain_many=None, **kwargs):
        init(self, *args, **kwargs)
    results.SearchResults.__init__ = per_hit
if {per_hit!r}:  # before: the query's encoder call, no cache
    explain.sentence_vectors = lambda encoder, store, sentences: encoder.encode(sentences)
elif not {cached!r}:  # the shipped encoder path without the cache
    explain.sentence_vectors = lambda encoder, store, sentences: embed(encoder, sentences, batch_size=len(sentences))[0]
from paperlab.cli import main
sys.exit(main(["search", {query!r}, "--corpus", "demo"]))
"""
CASES = (  # label, per hit, cached
    ("one encoder call per hit, no cache (**baseline**: before)", True, False),
    ("one call for all hits, no cache (a first search)", False, False),
    ("one call for all hits, cached sentence vectors (a repeated search)", False, True),
)


def _one_hit(index: Any, paper: Any, query: str, qvec: Any) -> dict[str, Any]:
    """The reason of one hit as before: its sentences encoded by their own full-precision call."""
    from paperlab.search import explain

    saved = explain.sentence_vectors
    explain.sentence_vectors = lambda encoder, store, sentences: encoder.encode(sentences)
    try:
        return index._explain(paper, query, qvec, "hybrid")
    finally:
        explain.sentence_vectors = saved


def in_process() -> None:
    from paperlab.data import demo_library
    from paperlab.search import PaperIndex

    lib = demo_library()
    plain, cached = PaperIndex(store=None).fit(lib), PaperIndex().fit(lib)
    for ix in (plain, cached):  # warm: model loaded; the cached index's sentences stored
        for query in QUERIES:
            assert ix.search(query, k=10, min_score=0).reasons
    ms: dict[str, list[float]] = {"search": [], "one": [], "batch": [], "cached": []}
    same = 0
    for query in QUERIES:
        t0 = time.perf_counter()
        res = plain.search(query, k=10, min_score=0)
        ms["search"].append((time.perf_counter() - t0) * 1e3)
        qvec = plain.encoder_.encode([query])[0]  # what the search's explainer holds
        picked = []
        for key, ix, per_hit in (("one", plain, True), ("batch", plain, False), ("cached", cached, False)):
            t0 = time.perf_counter()
            if per_hit:  # before: one encoder.encode call per hit
                found = [_one_hit(ix, p, query, qvec) for p in res]
            else:
                found = ix._explain_many(list(res), query, qvec, "hybrid")
            ms[key].append((time.perf_counter() - t0) * 1e3)
            picked.append([r["sentence"] for r in found])
        same += sum(a == b == c for a, b, c in zip(*picked, strict=True))
    print(f"\n{len(QUERIES)} queries x 10 hits, warm model, demo corpus ({len(lib)} papers); ms per query\n")
    print("| step | median ms | total ms |\n| --- | ---: | ---: |")
    labels = {"search": "search (ranking, no reasons)", "one": CASES[0][0], "batch": CASES[1][0], "cached": CASES[2][0]}
    for key, label in labels.items():
        print(f"| {label} | {statistics.median(ms[key]):.0f} | {sum(ms[key]):.0f} |")
    print(f"(the same best sentence in all three for {same} of {10 * len(QUERIES)} hits; documents and sentences are")
    print(" encoded by the encoder's document path, int8 where the ONNX model has it, queries in full precision)")


def _quality(index: Any, topic: dict[str, tuple[str, ...]], margin: float) -> tuple[int, int, int, int, int]:
    """Hits, chosen sentences holding a topic word, opening sentences chosen, hits with related terms, and those
    related terms holding a topic word, over the top 10 of each query."""
    from paperlab.search import explain

    explain.OPENING_MARGIN, saved = margin, explain.OPENING_MARGIN
    try:
        n = on_topic = opening = with_related = related_on_topic = 0
        for query, words in topic.items():
            hits = list(index.search(query, k=10, min_score=0))
            qvec = index.encoder_.encode([query])[0]
            for p, r in zip(hits, index._explain_many(hits, query, qvec, "hybrid"), strict=True):
                sentence = r["sentence"].lower()
                n += 1
                on_topic += any(w in sentence for w in words)
                opening += bool(sentence) and (p.shown_abstract or "").lower().lstrip().startswith(sentence[:40])
                related = " ".join(r.get("related", [])).lower()
                with_related += bool(related)
                related_on_topic += bool(related) and any(w in related for w in words)
        return n, on_topic, opening, with_related, related_on_topic
    finally:
        explain.OPENING_MARGIN = saved


def sentence_quality() -> None:
    from paperlab.data import demo_library
    from paperlab.search import PaperIndex

    index = PaperIndex(store=None).fit(demo_library())
    print("\nChosen sentence holds a word of the query's topic (top 10 of each query; demo corpus)\n")
    print("| opening margin | dev: on topic | dev: opening | test: on topic | test: opening |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    related = {}
    for margin in MARGINS:
        dev, test = _quality(index, TOPIC, margin), _quality(index, TEST_TOPIC, margin)
        related = {"dev": dev, "test": test}
        base = " (**baseline**)" if margin == 0 else ""
        print(f"| {margin}{base} | {dev[1]}/{dev[0]} | {dev[2]} | {test[1]}/{test[0]} | {test[2]} |")
    for split, q in related.items():
        print(f"{split}: {q[3]} of {q[0]} hits get related terms, {q[4]} of them holding a topic word")


def new_process(runs: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rows = {}
    for label, per_hit, cached in CASES:
        code = _CLI.format(per_hit=per_hit, cached=cached, query=QUERIES[1])
        subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)  # warm-up
        walls = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True, timeout=600)
            walls.append(time.perf_counter() - t0)
        rows[label] = walls
    print(f"\n`paperlab search {QUERIES[1]!r} --corpus demo` (hybrid, hits with reasons), a new process each run\n")
    print("| explanations | median s | fastest s |\n| --- | ---: | ---: |")
    for label, walls in rows.items():
        print(f"| {label} | {statistics.median(walls):.2f} | {min(walls):.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="new processes per CLI case (default 5)")
    ap.add_argument("--quality-only", action="store_true", help="only the sentence-choice table (3.)")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    sentence_quality()
    if args.quality_only:
        return
    in_process()
    new_process(args.runs)
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
