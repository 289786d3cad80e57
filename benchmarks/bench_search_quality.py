"""Search quality on a labeled evaluation built from the recorded real corpus (``--realdata PATH``, default
``$PAPERLAB_REALDATA``: a folder with fixtures/ and seeds/).

Groups are DailyArXiv keyword sections and saved Hugging Face search pages; queries
(benchmarks/data/search_queries.json) describe each group without its keyword. Also
paper-as-query: every paper of a group of >= 10 papers asks for similar papers, and
papers sharing one of its groups are relevant.

Reports P@10 and nDCG@10 per mode against a tf-idf baseline with arxiv-sanity's
settings (word 1-2 grams, 20k features, sublinear tf), in the same run.

The default's fusion weight and pseudo-relevance feedback were chosen on these same 30 queries;
``--heldout`` also reports a 2-fold estimate: settings are picked on one half of the queries (odd/even)
and scored on the other.

Usage: python benchmarks/bench_search_quality.py [--realdata PATH] [--no-static] [--heldout]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from _data import add_realdata_argument, realdata_or_exit  # noqa: E402

import paperlab  # noqa: E402
from paperlab.search import PaperIndex, paper_text, tfidf_vectorizer  # noqa: E402

K = 10


def load_eval(realdata: Path) -> tuple[paperlab.Library, dict[str, set[str]], list[dict[str, str]]]:
    spec = json.loads((ROOT / "benchmarks/data/search_queries.json").read_text())
    lib = paperlab.load(*[realdata / f for f in spec["corpus"]])
    groups: dict[str, set[str]] = {}
    for name, g in spec["groups"].items():
        if "tag" in g:
            groups[name] = {p.id for p in lib if g["tag"] in p.tags}
        else:
            groups[name] = {p.id for p in lib if any(s.location.endswith(g["source_file"]) for s in p.sources)}
    for q in spec["queries"]:
        for word in spec["groups"][q["group"]]["forbidden"]:
            assert word not in q["query"].lower(), f"query for {q['group']} uses its keyword: {q['query']!r}"
    return lib, groups, spec["queries"]


def precision_ndcg(ranked: list[str], relevant: set[str]) -> tuple[float, float]:
    ranked = ranked[:K]
    hits = [1.0 if r in relevant else 0.0 for r in ranked]
    p = sum(hits) / K
    dcg = sum(h / np.log2(i + 2) for i, h in enumerate(hits))
    ideal = sum(1 / np.log2(i + 2) for i in range(min(K, len(relevant))))
    return p, (dcg / ideal if ideal else 0.0)


class TfidfBaseline:
    """arxiv-sanity: tf-idf (1-2 grams, 20k features, sublinear tf), cosine similarity."""

    def fit(self, lib: paperlab.Library) -> TfidfBaseline:
        self.ids = lib.ids
        self.vec = tfidf_vectorizer()
        self.X = self.vec.fit_transform([paper_text(p) for p in lib])
        return self

    def search(self, query: str) -> list[str]:
        s = (self.X @ self.vec.transform([query]).T).toarray().ravel()
        return [self.ids[i] for i in np.argsort(-s, kind="stable")[:K]]

    def similar(self, pid: str) -> list[str]:
        row = self.ids.index(pid)
        s = (self.X @ self.X[row].T).toarray().ravel()
        s[row] = -np.inf
        return [self.ids[i] for i in np.argsort(-s, kind="stable")[:K]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_realdata_argument(ap, required=True)
    ap.add_argument("--no-static", action="store_true", help="skip the model2vec static encoder rows")
    ap.add_argument("--heldout", action="store_true", help="2-fold held-out estimate of the default's tuning")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")

    lib, groups, queries = load_eval(realdata_or_exit(args.realdata))
    member = {pid: {g for g, ids in groups.items() if pid in ids} for pid in lib.ids}
    paper_queries = [pid for pid in lib.ids if any(len(groups[g]) >= 10 for g in member[pid])]
    print(
        f"corpus: {len(lib)} papers, {len(groups)} groups, {len(queries)} text queries, "
        f"{len(paper_queries)} paper-as-query"
    )

    systems: dict[str, object] = {}
    t = time.perf_counter()
    systems["tf-idf (arxiv-sanity baseline)"] = TfidfBaseline().fit(lib)
    timings = {"tf-idf (arxiv-sanity baseline)": time.perf_counter() - t}
    configs = [
        ("lexical (BM25)", dict(encoder=None, mode="lexical")),
        ("semantic (MiniLM)", dict(encoder="all-MiniLM-L6-v2", mode="semantic")),
        ("hybrid-rrf (MiniLM)", dict(encoder="all-MiniLM-L6-v2", mode="hybrid", fusion="rrf", feedback=0)),
        ("hybrid-blend (MiniLM)", dict(encoder="all-MiniLM-L6-v2", mode="hybrid", feedback=0)),
        ("hybrid-blend+feedback (MiniLM) = default", dict(encoder="all-MiniLM-L6-v2", mode="hybrid")),
    ]
    if not args.no_static:
        configs += [
            ("semantic (model2vec static)", dict(encoder="static", mode="semantic")),
            ("hybrid-blend+feedback (model2vec static)", dict(encoder="static", mode="hybrid")),
        ]
    for name, params in configs:
        t = time.perf_counter()
        systems[name] = PaperIndex(**params).fit(lib)
        timings[name] = time.perf_counter() - t
        print(f"  fitted {name} in {timings[name]:.1f}s", file=sys.stderr)

    rows = []
    for name, system in systems.items():
        tq = []
        for q in queries:
            if isinstance(system, PaperIndex):
                ranked = system.search(q["query"], k=K).ids
            else:
                ranked = system.search(q["query"])
            tq.append(precision_ndcg(ranked, groups[q["group"]]))
        pq = []
        for pid in paper_queries:
            rel = set().union(*(groups[g] for g in member[pid])) - {pid}
            ranked = system.similar(pid, k=K).ids if isinstance(system, PaperIndex) else system.similar(pid)
            pq.append(precision_ndcg(ranked, rel))
        rows.append((name, *np.mean(tq, axis=0), *np.mean(pq, axis=0), timings[name]))

    base = rows[0]
    print()
    print("| system | text P@10 | text nDCG@10 | P@10 vs tf-idf | paper P@10 | paper nDCG@10 | fit s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, p, n, pp, pn, secs in rows:
        print(f"| {name} | {p:.3f} | {n:.3f} | {p / base[1]:.2f}x | {pp:.3f} | {pn:.3f} | {secs:.1f} |")
    if args.heldout:
        heldout(lib, groups, queries)
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")


def heldout(lib: paperlab.Library, groups: dict[str, set[str]], queries: list[dict[str, str]]) -> None:
    """Pick (semantic_weight, feedback) on half the queries, score the pick on the other half; both ways."""
    grid = [(w, f) for w in (0.5, 0.6, 0.7, 0.8, 0.9) for f in (0, 10)]
    per_query: dict[tuple[float, int], list[float]] = {}
    for w, f in grid:
        index = PaperIndex(encoder="all-MiniLM-L6-v2", semantic_weight=w, feedback=f).fit(lib)
        per_query[(w, f)] = [precision_ndcg(index.search(q["query"], k=K).ids, groups[q["group"]])[0] for q in queries]
    base = TfidfBaseline().fit(lib)
    tfidf = [precision_ndcg(base.search(q["query"]), groups[q["group"]])[0] for q in queries]
    halves = [list(range(0, len(queries), 2)), list(range(1, len(queries), 2))]
    print("\n| tuned on | picked (weight, feedback) | P@10 on the other half | tf-idf there | ratio |")
    print("| --- | --- | --- | --- | --- |")
    total, total_base = 0.0, 0.0
    for tune, test in (halves, halves[::-1]):
        pick = max(grid, key=lambda c: (np.mean([per_query[c][i] for i in tune]), c == (0.7, 10)))
        p = float(np.mean([per_query[pick][i] for i in test]))
        b = float(np.mean([tfidf[i] for i in test]))
        total, total_base = total + p * len(test), total_base + b * len(test)
        print(f"| {'even' if tune[0] == 0 else 'odd'} queries | {pick} | {p:.3f} | {b:.3f} | {p / b:.2f}x |")
    print(
        f"| 2-fold held-out, all {len(queries)} queries | | {total / len(queries):.3f} | "
        f"{total_base / len(queries):.3f} | {total / total_base:.2f}x |"
    )


if __name__ == "__main__":
    main()
