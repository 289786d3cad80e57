"""Search at scale on a real-like corpus (sentences of the real abstracts in /work/shared, recombined).

1. Time to first search of N papers (default 100k) in a fresh store: the default encoder choice
   switches to the model2vec static encoder (distilled from the packaged MiniLM) when more than
   2,000 texts would need embedding. Baseline in the same run: the full-quality MiniLM rate.
2. Re-opening the same library (new Paper objects): texts re-embedded (target 0) and time (target <= 3 s).
3. ANN at --n-ann vectors (default 1M; model2vec embeddings of recombined texts): usearch HNSW int8
   (+ exact re-scoring of 4k candidates) vs exact numpy search (the baseline): query p50/p99,
   recall@10, index memory (target <= 10 ms p50, recall >= 0.95, <= 0.5 GB).
4. `import paperlab` time.

Usage: python benchmarks/bench_search_scale.py [--n 100000] [--n-ann 1000000] [--skip-ann]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import paperlab  # noqa: E402


def real_sentences(shared: Path) -> tuple[list[str], list[str]]:
    files = [shared / "seeds/daily-arxiv-readme.md", *sorted((shared / "fixtures/dailyarxiv_readme").glob("*.md")),
             *sorted((shared / "seeds").glob("hf-papers-*.txt")),
             *sorted((shared / "fixtures/arxiv_kaggle_metadata").glob("*.jsonl"))]
    lib = paperlab.load(*files)
    sents = [s for p in lib for s in re.split(r"(?<=[.!?])\s+", " ".join((p.abstract or "").split())) if len(s) > 30]
    return [p.title for p in lib], sents


def recombined(n: int, titles: list[str], sents: list[str], seed: int = 0) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(f"{rng.choice(titles)} ({i})", " ".join(rng.choice(sents) for _ in range(rng.randint(5, 9))))
            for i in range(n)]


def papers_of(records: list[tuple[str, str]]) -> paperlab.Library:
    return paperlab.Library(paperlab.Paper(t, abstract=a) for t, a in records)


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def bench_first_search(n: int, titles: list[str], sents: list[str], home: Path) -> None:
    from paperlab.search import PaperIndex, StaticEncoder, get_encoder

    print(f"\n## {n:,} papers: time to first search (fresh store, 2 cores)\n")
    # keep a distilled static model across runs (the one-off distillation is reported separately)
    user_models = Path(os.environ.get("PAPERLAB_BENCH_MODELS", Path(tempfile.gettempdir()) / "paperlab-bench-models"))
    os.environ["PAPERLAB_HOME"] = str(user_models)
    static = StaticEncoder()
    distil = 0.0
    if not (static.path / "config.json").exists():
        _, distil = timed(static._load)
    shutil.copytree(static.path.parent, home / "models", dirs_exist_ok=True)
    os.environ["PAPERLAB_HOME"] = str(home)

    records = recombined(n, titles, sents)
    lib, t_lib = timed(papers_of, records)
    index, t_fit = timed(PaperIndex(progress=False).fit, lib)
    query = "contrastive learning of representations for time series forecasting"
    res, t_q1 = timed(index.search, query, 10)
    _, t_q2 = timed(index.search, "reducing hallucinations of vision-language models", 10)
    print("| step | seconds |\n| --- | --- |")
    print(f"| one-off: distil model2vec from MiniLM (cached in $PAPERLAB_HOME/models) | {distil:.1f} |")
    print(f"| build {n:,} Papers + Library | {t_lib:.1f} |")
    print(f"| fit (encoder chosen: {index.encoder_.name}; {index.n_embedded_:,} texts embedded, "
          f"{'ANN' if index.uses_ann_ else 'exact'}) | {t_fit:.1f} |")
    print(f"| first hybrid search (builds BM25 on first use) | {t_q1:.1f} |")
    print(f"| **time to first search** (library + fit + first query) | **{t_lib + t_fit + t_q1:.1f}** |")
    print(f"| next hybrid search | {t_q2 * 1000:.0f} ms |")
    rate_static = index.n_embedded_ / t_fit if t_fit else float("nan")

    minilm = get_encoder(None)
    sample = [f"{t}. {a}" for t, a in records[:64]]
    minilm.encode(sample[:4])  # load the model first
    _, t_full = timed(minilm.encode, sample)
    full_rate = len(sample) / t_full
    print(f"\nEmbedding rate: model2vec static fit {rate_static:,.0f} texts/s (incl. caching and indexing) vs "
          f"full-quality MiniLM {full_rate:.1f} texts/s (baseline; {n / full_rate / 3600:.1f} h for {n:,} texts)")

    print(f"\n## Re-opening the {n:,}-paper library\n")
    lib2, t_lib2 = timed(papers_of, records)
    index2, t_fit2 = timed(PaperIndex(progress=False).fit, lib2)
    _, t_q = timed(index2.search, query, 10, "semantic")
    print("| step | value |\n| --- | --- |")
    print(f"| texts re-embedded | {index2.n_embedded_} |")
    print(f"| fit (cache read + exact index) | {t_fit2:.1f} s |")
    print(f"| first semantic search | {t_q * 1000:.0f} ms |")
    print(f"| (building the Papers/Library itself, for reference) | {t_lib2:.1f} s |")


def bench_ann(n: int, titles: list[str], sents: list[str], n_queries: int = 300) -> None:
    from paperlab.search import AnnVectorIndex, ExactVectorIndex, get_encoder

    print(f"\n## ANN on {n:,} real-like vectors (model2vec embeddings of recombined abstracts)\n")
    enc = get_encoder("static")
    records = recombined(n + n_queries, titles, sents, seed=1)
    texts = [f"{t}. {a}" for t, a in records]
    X, t_enc = timed(lambda: np.vstack([enc.encode(texts[i:i + 20000]) for i in range(0, len(texts), 20000)]))
    base, queries = X[:n], X[n:]
    print(f"encoded {len(texts):,} texts in {t_enc:.0f} s")
    exact = ExactVectorIndex().fit(base)
    truth = [set(exact.search(q, 10)[0].tolist()) for q in queries]

    def measure(name: str, index, build_s: float, memory: int) -> None:
        lat, rec = [], []
        for q, t in zip(queries, truth, strict=True):
            t0 = time.perf_counter()
            rows, _ = index.search(q, 10)
            lat.append(time.perf_counter() - t0)
            rec.append(len(set(rows.tolist()) & t) / 10)
        print(f"| {name} | {build_s:.0f} | {np.percentile(lat, 50) * 1000:.2f} | {np.percentile(lat, 99) * 1000:.2f} | "
              f"{np.mean(rec):.3f} | {memory / 2**30:.2f} |")

    print("| index | build s | p50 ms | p99 ms | recall@10 | memory GB |\n| --- | --- | --- | --- | --- | --- |")
    measure("exact numpy float32 (baseline)", exact, 0, exact.nbytes)
    for rerank in (4, 1):
        ann, t_build = timed(AnnVectorIndex(rerank=rerank).fit, base)
        label = "usearch HNSW int8 + exact re-scoring of 4k" if rerank > 1 else "usearch HNSW int8, no re-scoring"
        measure(label, ann, t_build, ann.nbytes)
        if rerank > 1:
            print(f"|   (re-scoring reads the float vectors the PaperIndex keeps anyway: "
                  f"{base.nbytes / 2**30:.2f} GB, not counted) | | | | | |")


def bench_import() -> None:
    code = "import time; t = time.perf_counter(); import paperlab; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(5)]
    print(f"\n`import paperlab`: best of 5 {min(times):.2f} s, median {sorted(times)[2]:.2f} s (target <= 0.5 s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="papers for time-to-first-search and re-open")
    ap.add_argument("--n-ann", type=int, default=1_000_000, help="vectors for the ANN benchmark")
    ap.add_argument("--skip-ann", action="store_true")
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("PAPERLAB_SHARED", ROOT.parent / "shared")))
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    titles, sents = real_sentences(args.shared)
    print(f"real material: {len(titles)} titles, {len(sents)} abstract sentences")
    bench_import()
    with tempfile.TemporaryDirectory() as tmp:
        bench_first_search(args.n, titles, sents, Path(tmp))
    if not args.skip_ann:
        bench_ann(args.n_ann, titles, sents)
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
