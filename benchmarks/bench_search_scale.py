"""Search at scale on a real-like corpus (sentences of real abstracts, recombined).

The sentences come from the bundled demo corpus by default; ``--realdata PATH`` (default ``$PAPERLAB_REALDATA``)
draws them from the recorded real corpus instead (its DailyArXiv READMEs, saved HF pages and Kaggle sample), as
the figures in benchmarks/README.md did.

1. Time to first search of N papers (default 100k) in a fresh store: ``PaperIndex().fit(library)`` + the
   first hybrid query. The default encoder choice switches to the model2vec static encoder (distilled from
   the packaged MiniLM) when more than 2,000 texts would need embedding; BM25 is built in a thread while
   the encoder runs. Building the Papers is the importer's cost and is timed separately. Baseline in the
   same run: the full-quality MiniLM embedding rate (what the first search would cost without model2vec).
2. Re-opening the same library (new Paper objects): texts re-embedded (target 0) and time (target <= 3 s),
   from the index saved under $PAPERLAB_HOME/indexes; for reference also from the SQLite embedding
   cache alone (saved index deleted).
3. ANN at --n-ann vectors (default 1M; model2vec embeddings of recombined texts, cached under
   --vector-cache between runs): usearch HNSW int8 + exact re-scoring vs exact numpy search (the
   baseline): query p50/p99, recall@10, index memory (target <= 10 ms p50, recall >= 0.95, <= 0.5 GB).
4. `import paperlab` time.

Usage: python benchmarks/bench_search_scale.py [--n 100000] [--n-ann 1000000] [--skip-ann]
       [--vector-cache DIR | --no-vector-cache]
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
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from _data import add_realdata_argument, realdata_or_exit  # noqa: E402

import paperlab  # noqa: E402


def real_sentences(realdata: Path | None) -> tuple[list[str], list[str]]:
    if realdata is None:
        lib = paperlab.demo()
    else:
        files = [
            realdata / "seeds/daily-arxiv-readme.md",
            *sorted((realdata / "fixtures/dailyarxiv_readme").glob("*.md")),
            *sorted((realdata / "seeds").glob("hf-papers-*.txt")),
            *sorted((realdata / "fixtures/arxiv_kaggle_metadata").glob("*.jsonl")),
        ]
        lib = paperlab.load(*files)
    sents = [s for p in lib for s in re.split(r"(?<=[.!?])\s+", " ".join((p.abstract or "").split())) if len(s) > 30]
    return [p.title for p in lib], sents


def recombined(n: int, titles: list[str], sents: list[str], seed: int = 0) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [
        (f"{rng.choice(titles)} ({i})", " ".join(rng.choice(sents) for _ in range(rng.randint(5, 9)))) for i in range(n)
    ]


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
    get_encoder("static")._load()  # loading the 30 MB static model (~0.2 s) is not part of the library's cost

    records = recombined(n, titles, sents)
    lib, t_lib = timed(papers_of, records)
    query = "contrastive learning of representations for time series forecasting"
    load0 = os.getloadavg()[0]
    index, t_fit = timed(PaperIndex(progress=False).fit, lib)
    res, t_q1 = timed(index.search, query, 10)
    _, t_q2 = timed(index.search, "reducing hallucinations of vision-language models", 10)
    print(f"load average before the fit: {load0:.1f}, after the first search: {os.getloadavg()[0]:.1f}\n")
    print("| step | seconds |\n| --- | --- |")
    print(f"| one-off: distil model2vec from MiniLM (cached in $PAPERLAB_HOME/models) | {distil:.1f} |")
    print(f"| (importer's cost, not counted) build {n:,} Papers + Library | {t_lib:.1f} |")
    print(
        f"| fit: {index.n_embedded_:,} texts embedded with {index.encoder_.name} and cached, BM25 built "
        f"alongside, {'ANN' if index.uses_ann_ else 'exact'} index, saved to disk | {t_fit:.1f} |"
    )
    print(f"| first hybrid search | {t_q1:.2f} |")
    print(f"| **time to first search** (fit + first query) | **{t_fit + t_q1:.1f}** |")
    print(f"| next hybrid search | {t_q2 * 1000:.0f} ms |")
    rate_static = index.n_embedded_ / t_fit if t_fit else float("nan")

    minilm = get_encoder(None)
    sample = [f"{t}. {a}" for t, a in records[:64]]
    minilm.encode(sample[:4])  # load the model first
    _, t_full = timed(minilm.encode, sample)
    full_rate = len(sample) / t_full
    print(
        f"\nEmbedding rate: model2vec static fit {rate_static:,.0f} texts/s (incl. caching, BM25 and indexing) vs "
        f"full-quality MiniLM {full_rate:.1f} texts/s (baseline; {n / full_rate / 3600:.1f} h for {n:,} texts)"
    )

    print(f"\n## Re-opening the {n:,}-paper library\n")
    lib2, t_lib2 = timed(papers_of, records)
    before = get_encoder("static").texts_embedded
    index2, t_fit2 = timed(PaperIndex(progress=False).fit, lib2)
    _, t_q = timed(index2.search, query, 10)
    same = index2.search(query, 10).ids == res.ids
    print("| step | value |\n| --- | --- |")
    print(
        f"| texts re-embedded | {index2.n_embedded_} (texts through the encoder since: {get_encoder('static').texts_embedded - before}, the 2 queries) |"
    )
    print(f"| fit (saved index loaded: {index2.loaded_from_ is not None}) | {t_fit2:.2f} s |")
    print(f"| first hybrid search | {t_q * 1000:.0f} ms (same top 10 as before: {same}) |")
    print(f"| **re-open: fit + first search** | **{t_fit2 + t_q:.2f} s** |")
    print(
        f"| texts held by the re-opened index (str lists {', '.join(held_texts(index2))}) | {held_mb(index2):.0f} MB |"
    )
    edited = list(papers_of(records))
    edited[7].keywords = ["zebrafish"]  # one paper's keywords edited: BM25 reads them, the vectors do not
    lib3 = paperlab.Library(edited)
    before = get_encoder("static").texts_embedded
    index4, t_fit4 = timed(PaperIndex(progress=False).fit, lib3)
    found = index4.search("zebrafish", 1, mode="lexical").ids == [edited[7].id]
    print(
        f"| re-open after one paper's keywords edited: fit (texts through the encoder: "
        f"{get_encoder('static').texts_embedded - before}, saved vectors loaded: {index4.loaded_from_ is not None}, "
        f"keyword found: {found}) | {t_fit4:.2f} s |"
    )
    shutil.rmtree(home / "indexes")
    index3, t_fit3 = timed(PaperIndex(progress=False, index_dir=None).fit, lib2)
    _, t_q3 = timed(index3.search, query, 10)
    print(
        f"| for reference, without the saved index: SQLite cache read + exact index + BM25 rebuilt "
        f"({index3.n_embedded_} embedded) | {t_fit3 + t_q3:.1f} s |"
    )
    print(f"| (importer's cost, not counted) building the Papers/Library again | {t_lib2:.1f} s |")


def held_texts(index) -> list[str]:
    """The index's attributes that are lists of strings (a text per paper)."""
    return sorted(k for k, v in vars(index).items() if isinstance(v, list) and v and isinstance(v[0], str))


def held_mb(index) -> float:
    """Memory of the index's lists of strings (the list and its str objects), MB."""
    lists = [getattr(index, k) for k in held_texts(index)]
    return sum(sys.getsizeof(v) + sum(sys.getsizeof(t) for t in v) for v in lists) / 2**20


def ann_vectors(n: int, titles: list[str], sents: list[str], cache_dir: Path | None) -> tuple[np.ndarray, float]:
    """model2vec vectors of ``n`` recombined texts (seed 1), float16, cached under ``cache_dir`` between runs.

    Returns the vectors and the seconds spent encoding (0 when read from the cache).
    """
    from paperlab.search import get_encoder

    enc = get_encoder("static")
    path = None
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        path = cache_dir / f"{enc.name.replace(':', '_')}-{n}-seed1.npy"
        if path.exists():
            return np.load(path), 0.0
    t = time.perf_counter()
    X = np.empty((n, 256), dtype=np.float16)
    step = 50_000
    for start in range(0, n, step):  # generate in slices: 1M texts at once would hold ~1.3 GB of strings
        records = recombined_slice(start, min(n, start + step), titles, sents, seed=1)
        X[start : start + len(records)] = enc.encode([f"{t}. {a}" for t, a in records])
    seconds = time.perf_counter() - t
    if path is not None:
        np.save(path.with_suffix(".tmp.npy"), X)
        path.with_suffix(".tmp.npy").rename(path)
    return X, seconds


def recombined_slice(start: int, stop: int, titles: list[str], sents: list[str], seed: int) -> list[tuple[str, str]]:
    """Papers ``start:stop`` of a recombined corpus (each slice seeded on its own, so slices are reproducible)."""
    rng = random.Random(seed * 1_000_003 + start)
    return [
        (f"{rng.choice(titles)} ({i})", " ".join(rng.choice(sents) for _ in range(rng.randint(5, 9))))
        for i in range(start, stop)
    ]


def bench_ann(n: int, titles: list[str], sents: list[str], cache_dir: Path | None, n_queries: int = 300) -> None:
    from paperlab.search import AnnVectorIndex, ExactVectorIndex

    print(f"\n## ANN on {n:,} real-like vectors (model2vec embeddings of recombined abstracts)\n")
    X, t_enc = ann_vectors(n + n_queries, titles, sents, cache_dir)
    base, queries = X[:n], np.asarray(X[n:], dtype=np.float32)
    print(
        f"vectors: {'read from cache' if not t_enc else f'encoded {len(X):,} texts in {t_enc:.0f} s'}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    exact = ExactVectorIndex().fit(base)  # float32 copy: the baseline
    sims = np.hstack([queries @ exact.vectors_[i : i + 100_000].T for i in range(0, n, 100_000)])
    truth = [set(np.argpartition(-row, 9)[:10].tolist()) for row in sims]
    del sims

    def measure(name: str, index, build_s: float, memory: str, limit: int | None = None) -> None:
        lat, rec = [], []
        for q, t in list(zip(queries, truth, strict=True))[:limit]:
            t0 = time.perf_counter()
            rows, _ = index.search(q, 10)
            lat.append(time.perf_counter() - t0)
            rec.append(len(set(rows.tolist()) & t) / 10)
        print(
            f"| {name} | {build_s:.0f} | {np.percentile(lat, 50) * 1000:.2f} | {np.percentile(lat, 99) * 1000:.2f} | "
            f"{np.mean(rec):.3f} | {memory} | {os.getloadavg()[0]:.1f} |",
            flush=True,
        )

    print(
        "| index | build s | p50 ms | p99 ms | recall@10 | memory GB | load avg |\n"
        "| --- | --- | --- | --- | --- | --- | --- |"
    )
    measure("exact numpy float32 (baseline; 100 queries)", exact, 0, f"{exact.nbytes / 2**30:.2f}", limit=100)
    del exact
    ann, t_build = timed(AnnVectorIndex().fit, base)
    rows16 = f"{base.nbytes / 2**30:.2f} float16 rows for re-scoring, memory-mapped once saved"
    default = ann.settings()
    measure(f"usearch HNSW int8 (default: {default})", ann, t_build, f"{ann.nbytes / 2**30:.2f} (+{rows16})")
    for ef, rerank in ((default["expansion_search"], 1), (128, 10), (512, 10), (512, 20)):
        ann.index_.expansion_search, ann.rerank = ef, rerank
        ann.vectors_ = base if rerank > 1 else None
        measure(f"  same graph, expansion_search={ef}, rerank={rerank}", ann, 0, f"{ann.nbytes / 2**30:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ann.usearch"
        ann.save(path)
        np.save(Path(tmp) / "rows.npy", base)
        del ann
        rows = np.load(Path(tmp) / "rows.npy", mmap_mode="r")
        viewed, t_view = timed(AnnVectorIndex.load, path, rows, **default)
        measure(
            f"default, re-opened: graph viewed (mmap), float16 rows mmapped (opened in {t_view:.2f} s)",
            viewed,
            0,
            f"{path.stat().st_size / 2**30:.2f} mapped file (+{rows16})",
        )
        del viewed


def bench_import() -> None:
    code = "import time; t = time.perf_counter(); import paperlab; print(time.perf_counter() - t)"
    times = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    print(f"\n`import paperlab`: best of 5 {min(times):.2f} s, median {sorted(times)[2]:.2f} s (target <= 0.5 s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="papers for time-to-first-search and re-open")
    ap.add_argument("--n-ann", type=int, default=1_000_000, help="vectors for the ANN benchmark")
    ap.add_argument("--skip-ann", action="store_true")
    ap.add_argument("--skip-first-search", action="store_true")
    ap.add_argument(
        "--vector-cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "paperlab-bench-vectors",
        help="keep the generated ANN vectors here between runs",
    )
    ap.add_argument("--no-vector-cache", action="store_true", help="generate the ANN vectors from scratch")
    add_realdata_argument(ap, required=False)
    args = ap.parse_args()
    if args.realdata is not None:
        realdata_or_exit(args.realdata)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    titles, sents = real_sentences(args.realdata)
    print(f"real material: {len(titles)} titles, {len(sents)} abstract sentences")
    bench_import()
    if not args.skip_first_search:
        with tempfile.TemporaryDirectory() as tmp:
            bench_first_search(args.n, titles, sents, Path(tmp))
    if not args.skip_ann:
        bench_ann(args.n_ann, titles, sents, None if args.no_vector_cache else args.vector_cache)
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
