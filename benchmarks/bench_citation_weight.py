"""Does the "citations" signal (co-citation + bibliographic coupling) improve ``Library.similar``, and at what weight?

Data (real): the citation graph of notebook 06 (notebooks/data/citations-graph.json: paperlab's cache made from
recorded Semantic Scholar answers) -- the papers citing Turing 1950, the papers citing CorpusID:14514057 and the
references of an SSRN economics paper -- loaded as the default store's citation cache; the corpus is every paper
of that graph (2,960). Labels (independent of the graph): the Semantic Scholar ``fieldsOfStudy`` of the papers
citing Turing, from the recorded full-details answer (``--realdata``); their abstracts too.

Queries: the Turing-citing papers with a field of study, split into DEV and TEST by a hash of their id. A hit is
relevant when it also cites Turing and shares a field of study with the query. Baseline: text-only
``similar(mode="lexical")`` in the same run; the weight is chosen on DEV (ties: the smaller weight), TEST reported once.

    python benchmarks/bench_citation_weight.py --realdata PATH [--queries 40]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "notebooks" / "data" / "citations-graph.json"
TURING = "fixtures/semantic_scholar/danielnsilva_semanticscholar/Paper_full_details_turing1950_at_eea1c0b.json"
WEIGHTS = (0.1, 0.25, 0.5, 1.0, 2.0)


def _split(pid: str) -> str:
    return "dev" if int(hashlib.sha1(pid.encode()).hexdigest(), 16) % 2 == 0 else "test"


def load(realdata: Path) -> tuple[Any, dict[str, set[str]], str]:
    """The corpus (a Library of the graph's papers, Turing-citers with their abstracts), the fields of study of
    the Turing-citing papers by id, and Turing's id; the cache goes into the (temporary) default store."""
    from paperlab import Library, Paper
    from paperlab.store import open_store
    from paperlab.store.citations import CitationCache

    graph = json.loads(GRAPH.read_text(encoding="utf-8"))
    CitationCache(open_store()).load(graph["cache"], source=str(GRAPH))
    turing_id = next(s["id"] for s in graph["seeds"] if s["title"] == "Computing Machinery and Intelligence")
    citing = {e[0] for e in graph["cache"]["edges"] if e[1] == turing_id}
    raw = json.loads((realdata / TURING).read_text(encoding="utf-8"))["citations"]
    by_s2 = {item["paperId"]: item for item in raw if item.get("paperId")}
    papers, fields = [], {}
    for pid, data in graph["cache"]["papers"].items():
        item = by_s2.get(data.get("extra", {}).get("paperId")) if pid in citing else None
        if item is not None:
            data = {**data, "abstract": item.get("abstract")}
            if item.get("fieldsOfStudy"):
                fields[pid] = set(item["fieldsOfStudy"])
        papers.append(Paper.from_dict(data))
    papers += [Paper.from_dict(seed) for seed in graph["seeds"]]  # the fetched papers are the graph's hubs
    return Library(papers, name="recorded citation graph"), fields, turing_id


def precision(
    corpus: Any, queries: list[str], fields: dict[str, set[str]], weight: float, k: int = 10
) -> tuple[float, list[list[str]]]:
    """Mean P@k of ``similar`` over ``queries`` (``weight`` 0: text only), and each query's hits."""
    per_query, lists = [], []
    for qid in queries:
        hits = corpus.similar(qid, k=k, mode="lexical", citations=weight if weight else False)
        per_query.append(sum(1 for h in hits.ids if fields.get(h, set()) & fields[qid]) / k)
        lists.append(hits.ids)
    PER_QUERY[weight] = per_query
    return sum(per_query) / len(queries), lists


#: the last run's P@k per query, by weight (for the paired bootstrap of the TEST difference)
PER_QUERY: dict[float, list[float]] = {}


def paired_ci(a: list[float], b: list[float], rounds: int = 2000) -> tuple[float, float]:
    """95% paired bootstrap interval of mean(b - a) over queries (seeded)."""
    import numpy as np

    diff = np.array(b) - np.array(a)
    rng = np.random.default_rng(0)
    means = diff[rng.integers(0, len(diff), size=(rounds, len(diff)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def _changed(lists: list[list[str]], baseline: list[list[str]]) -> str:
    return f"{sum(a != b for a, b in zip(lists, baseline, strict=True))}/{len(lists)}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--realdata", type=Path, default=os.environ.get("PAPERLAB_REALDATA"))
    parser.add_argument("--queries", type=int, default=40, help="queries per split (the first by id hash)")
    args = parser.parse_args(argv)
    if not args.realdata or not (Path(args.realdata) / TURING).is_file():
        parser.error("--realdata: the recorded real corpus (a folder holding fixtures/), or set PAPERLAB_REALDATA")
    os.environ["PAPERLAB_STORE"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    corpus, fields, _ = load(Path(args.realdata))
    ordered = sorted(fields, key=lambda pid: hashlib.sha1(pid.encode()).hexdigest())
    split = {s: [pid for pid in ordered if _split(pid) == s][: args.queries] for s in ("dev", "test")}
    base_rate = sum(
        len([o for o in fields if o != q and fields[o] & fields[q]]) / (len(corpus) - 1) for q in split["dev"]
    ) / len(split["dev"])
    print(f"corpus {len(corpus)} papers; labelled {len(fields)}; DEV {len(split['dev'])} / TEST {len(split['test'])}")
    print(f"DEV base rate (a random hit is relevant): {base_rate:.3f}")
    from paperlab.search.signals import get_signal

    signal = get_signal("citations")
    seen = sorted({round(v, 3) for q in split["dev"][:5] for v in signal(corpus, corpus[q]).values()})
    print(f"citation signal values of 5 DEV queries (to {len(corpus)} papers): {seen}\n")
    print("| split | weight | P@10 | top-10 changed vs baseline | seconds |\n| --- | ---: | ---: | ---: | ---: |")
    dev: dict[float, float] = {}
    baseline: dict[str, list[list[str]]] = {}

    def row(name: str, weight: float, label: str) -> float:
        start = time.perf_counter()
        score, lists = precision(corpus, split[name.lower()], fields, weight)
        baseline.setdefault(name, lists)
        print(
            f"| {name} | {label} | {score:.3f} | {_changed(lists, baseline[name])} | {time.perf_counter() - start:.1f} |"
        )
        sys.stdout.flush()
        return score

    for weight in (0.0, *WEIGHTS):
        dev[weight] = row("DEV", weight, "0 (text only, baseline)" if weight == 0 else f"{weight:g}")
    best = max(WEIGHTS, key=lambda w: (round(dev[w], 4), -w))
    base = row("TEST", 0.0, "0 (text only, baseline)")
    base_per_query = PER_QUERY[0.0]
    chosen = row("TEST", best, f"{best:g} (chosen on DEV)")
    low, high = paired_ci(base_per_query, PER_QUERY[best])
    print(f"\nTEST difference {chosen - base:+.3f}, 95% paired bootstrap interval [{low:+.3f}, {high:+.3f}]")


if __name__ == "__main__":
    main()
