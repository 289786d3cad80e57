"""Searching millions: a saved scale index (paperlab.scaleout) over N real-like 384-d vectors (default 2.7M).

Vectors: mixtures of two real all-MiniLM-L6-v2 abstract embeddings (the demo corpus's shipped vectors),
plus noise shaped like the real corpus's own spread (its principal components) and a little isotropic
noise, normalised; stored as float16 like paperlab's embedding cache. With these settings a random pair
has cosine ~0.25 and a query's nearest neighbour ~0.7 or more (real demo corpus: 0.28 / 0.67 among 325).
Queries are fresh draws of the same process (not in the index), split into dev (tuning
``expansion_search``) and test (reported).

Steps (each cached in --workdir, so the full run is done once):

1. generate ``vectors.npy`` (float16, written a slice at a time);
2. exact top-10 of every dev/test query over all rows (the ground truth; streamed in slices);
3. build the index with ``paperlab.scaleout.build_index`` (the configuration ``paperlab embed --index``
   gives users, ``paperlab.scaleout.settings_for(n)``: int8 HNSW of degree 8 up to 1.5M rows, above that
   degree 12 over the rows projected on 192 principal axes; re-scoring 10x candidates against the float16
   rows), in a child process (build time, its peak memory);
4. serve, in a fresh child process: ``ScaleIndex.load`` (graph read into memory), dev recall@10 for each
   ``expansion_search`` of the grid, the smallest reaching 0.96 chosen; test p50/p99 latency and recall@10
   at that setting; resident memory (VmRSS/VmHWM of that process);
5. baseline in the same run: exact search over the float16 rows (streamed), per-query latency.

Usage: python benchmarks/bench_ann_scale.py [--n 2700000] [--workdir DIR] [--queries 300]
CI-sized: python benchmarks/bench_ann_scale.py --n 50000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from paperlab.scaleout import ScaleIndex, build_index  # noqa: E402
from paperlab.search import PACKAGED_EMBEDDINGS  # noqa: E402

SIGMA, TAU, K = 0.7, 0.025, 10
GRID = (64, 128, 256, 384, 512, 768, 1024)
STEP = 100_000


class Generator:
    """Real-like unit vectors around the shipped MiniLM vectors of the demo corpus."""

    def __init__(self) -> None:
        with np.load(PACKAGED_EMBEDDINGS) as data:
            self.model = str(data["model"])
            self.real = data["vectors"].astype(np.float32)
        centred = self.real - self.real.mean(0)
        _, s, self.axes = np.linalg.svd(centred, full_matrices=False)
        self.spread = (s / np.sqrt(len(self.real))).astype(np.float32)

    def draw(self, n: int, rng: np.random.Generator) -> np.ndarray:
        i = rng.integers(0, len(self.real), n)
        j = rng.integers(0, len(self.real), n)
        a = rng.uniform(0.5, 1.0, (n, 1)).astype(np.float32)
        shaped = (rng.standard_normal((n, len(self.spread)), dtype=np.float32) * self.spread) @ self.axes
        iso = rng.standard_normal((n, self.real.shape[1]), dtype=np.float32)
        v = a * self.real[i] + (1 - a) * self.real[j] + SIGMA * shaped + TAU * iso
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def rss() -> dict[str, float]:
    """VmRSS / VmHWM / RssAnon / RssFile of this process, in GB (1e9 bytes)."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
            out[key] = int(rest.split()[0]) * 1024 / 1e9
    return out


def generate(folder: Path, n: int, gen: Generator) -> None:
    path = folder / "vectors.npy"
    if (folder / "vectors.done").exists():
        return
    t = time.perf_counter()
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float16, shape=(n, gen.real.shape[1]))
    rng = np.random.default_rng(2700)
    for start in range(0, n, STEP):
        stop = min(n, start + STEP)
        out[start:stop] = gen.draw(stop - start, rng)
    out.flush()
    del out
    (folder / "vectors.done").write_text("")
    print(f"generated {n:,} vectors in {time.perf_counter() - t:.0f} s")


def ground_truth(folder: Path, queries: np.ndarray) -> np.ndarray:
    """Exact top-K rows of each query (cosine on the float16 rows), cached in the workdir."""
    path = folder / f"truth-{len(queries)}.npy"
    if path.exists():
        return np.load(path)
    rows = np.load(folder / "vectors.npy", mmap_mode="r")
    best_s = np.full((len(queries), K), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), K), dtype=np.int64)
    t = time.perf_counter()
    for start in range(0, rows.shape[0], STEP):
        sims = queries @ np.asarray(rows[start : start + STEP], dtype=np.float32).T
        s = np.concatenate([best_s, sims], axis=1)
        idx = np.concatenate([best_i, np.arange(start, start + sims.shape[1])[None, :].repeat(len(queries), 0)], 1)
        top = np.argpartition(-s, K - 1, axis=1)[:, :K]
        best_s, best_i = np.take_along_axis(s, top, 1), np.take_along_axis(idx, top, 1)
    np.save(path, best_i)
    print(f"exact top-{K} of {len(queries)} queries over {rows.shape[0]:,} rows in {time.perf_counter() - t:.0f} s")
    return best_i


def exact_latency(folder: Path, queries: np.ndarray) -> list[float]:
    """Baseline: one query at a time, exact search streamed over the float16 rows."""
    rows = np.load(folder / "vectors.npy", mmap_mode="r")
    times = []
    for q in queries:
        t = time.perf_counter()
        best = np.full(0, 0.0, dtype=np.float32)
        for start in range(0, rows.shape[0], STEP):
            sims = np.asarray(rows[start : start + STEP], dtype=np.float32) @ q
            best = np.sort(np.concatenate([best, np.partition(sims, -K)[-K:]]))[-K:]
        times.append((time.perf_counter() - t) * 1000)
    return times


def phase_build(folder: Path, model: str) -> None:
    rows = np.load(folder / "vectors.npy", mmap_mode="r")
    t = time.perf_counter()
    build_index(folder, rows, [f"row{i}" for i in range(rows.shape[0])], model)
    print(json.dumps({"build_s": time.perf_counter() - t, **rss()}))


def recall(found: list[np.ndarray], truth: np.ndarray) -> float:
    return float(np.mean([len(set(f.tolist()) & set(t.tolist())) / K for f, t in zip(found, truth, strict=True)]))


def phase_serve(folder: Path, n_queries: int, view: bool = False, rerank: int | None = None) -> None:
    data = np.load(folder / f"queries-{n_queries}.npz")
    dev, test = data["dev"], data["test"]
    truth_dev, truth_test = data["truth_dev"], data["truth_test"]
    before = rss()
    t = time.perf_counter()
    index = ScaleIndex.load(folder, view=view)
    if rerank:  # candidates re-scored per result (projected indexes: ScaleIndex; others: the graph's index)
        index.rerank = index.ann.rerank = rerank
        index.meta["settings"]["rerank"] = rerank
    load_s = time.perf_counter() - t
    loaded = rss()
    grid = {}
    for es in GRID:
        index.ann.index_.expansion_search = es
        grid[es] = recall([index.search_rows(q, K)[0] for q in dev], truth_dev)
    chosen = next((es for es in GRID if grid[es] >= 0.96), GRID[-1])
    index.ann.index_.expansion_search = chosen
    found, times = [], []
    for q in test:
        t = time.perf_counter()
        found.append(index.search_rows(q, K)[0])
        times.append((time.perf_counter() - t) * 1000)
    result = {
        "view": view,
        "load_s": load_s,
        "rss_before": before,
        "rss_loaded": loaded,
        "rss_after": rss(),
        "graph_gb": index.ann.nbytes / 1e9,
        "settings": index.meta["settings"],
        "grid_dev_recall": grid,
        "chosen": chosen,
        "test_recall": recall(found, truth_test),
        "p50": float(np.percentile(times, 50)),
        "p99": float(np.percentile(times, 99)),
    }
    print(json.dumps(result))


def child(phase: str, folder: Path, extra: list[str]) -> dict:
    cmd = [sys.executable, __file__, "--phase", phase, "--workdir", str(folder), *extra]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def prepare(folder: Path, n: int, n_queries: int) -> tuple[Generator, np.ndarray]:
    gen = Generator()
    generate(folder, n, gen)
    saved = folder / f"queries-{n_queries}.npz"
    if saved.exists() and (folder / f"truth-{2 * n_queries}.npy").exists():
        # the cached ground truth belongs to these queries: never draw them again (the generator's seed
        # vectors, the shipped demo embeddings, can change between runs)
        with np.load(saved) as data:
            return gen, data["test"]
    queries = gen.draw(2 * n_queries, np.random.default_rng(7))
    dev, test = queries[:n_queries], queries[n_queries:]
    truth = ground_truth(folder, queries)
    np.savez(
        folder / f"queries-{n_queries}.npz",
        dev=dev,
        test=test,
        truth_dev=truth[:n_queries],
        truth_test=truth[n_queries:],
    )
    return gen, test


def report(n: int, built: dict | None, served: dict, exact_ms: list[float]) -> None:
    print(f"\nN = {n:,} vectors x 384 (float16 rows {n * 384 * 2 / 1e9:.2f} GB on disk)")
    if built:
        print(f"build: {built['build_s']:.0f} s, build process peak RSS {built['VmHWM']:.2f} GB")
    print(
        "dev recall@10 by expansion_search: " + ", ".join(f"{k}: {v:.3f}" for k, v in served["grid_dev_recall"].items())
    )
    st = served["settings"]
    graph = f"i8 HNSW over {st.get('reduce') or 384}-d rows, M={st['connectivity']}, ef_add={st['expansion_add']}"
    print(f"\n| measure | scale index ({graph}, es={served['chosen']}, re-score {st['rerank'] * K}) | exact | target |")
    print("| --- | --- | --- | --- |")
    print(
        f"| query p50 / p99 (test) | {served['p50']:.2f} / {served['p99']:.2f} ms | "
        f"{np.median(exact_ms):.0f} ms (median of {len(exact_ms)}) | p50 <= 10 ms |"
    )
    print(f"| recall@10 (test) | {served['test_recall']:.3f} | 1.000 | >= 0.95 |")
    r = served["rss_after"]
    print(
        f"| resident memory of the serving process | VmRSS {r['VmRSS']:.2f} GB (anon {r['RssAnon']:.2f}, file "
        f"{r['RssFile']:.2f}), peak {r['VmHWM']:.2f} GB; graph {served['graph_gb']:.2f} GB; "
        f"load {served['load_s']:.1f} s | float32 rows in RAM would be {n * 384 * 4 / 1e9:.2f} GB | <= 1.5 GB |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2_700_000, help="vectors in the index (default 2.7M)")
    ap.add_argument("--queries", type=int, default=300, help="dev queries and as many test queries")
    ap.add_argument("--workdir", type=Path, default=None, help="keeps vectors, truth and index between runs")
    ap.add_argument("--exact-queries", type=int, default=3, help="queries timed for the exact baseline")
    ap.add_argument("--rerank", type=int, default=None, help="re-score this many candidates per result")
    ap.add_argument("--phase", choices=("all", "build", "serve"), default="all", help=argparse.SUPPRESS)
    ap.add_argument("--view", action="store_true", help="serve with the graph memory-mapped instead of read into RAM")
    args = ap.parse_args()
    folder = args.workdir or Path(tempfile.gettempdir()) / f"paperlab-bench-ann-{args.n}"
    folder.mkdir(parents=True, exist_ok=True)
    if args.phase == "build":
        return phase_build(folder, Generator().model)
    if args.phase == "serve":
        return phase_serve(folder, args.queries, args.view, args.rerank)
    _, test = prepare(folder, args.n, args.queries)
    built = None
    if not (folder / "meta.json").exists():
        built = child("build", folder, [])
        (folder / "build.json").write_text(json.dumps(built))
    elif (folder / "build.json").exists():
        built = json.loads((folder / "build.json").read_text())
    extra = (["--view"] if args.view else []) + (["--rerank", str(args.rerank)] if args.rerank else [])
    served = child("serve", folder, ["--queries", str(args.queries), *extra])
    exact_ms = exact_latency(folder, test[: args.exact_queries])
    report(args.n, built, served, exact_ms)
    print(f"\nworkdir: {folder} (delete it to start over); machine: {os.cpu_count()} cores, load {os.getloadavg()}")


if __name__ == "__main__":
    main()
