"""Benchmark: stream Kaggle-format arXiv metadata into the paperlab store.

A sample of Kaggle-format records (by default the arXiv papers of the bundled demo corpus, written as
Kaggle ``arxiv-metadata-oai-snapshot`` records; ``--sample FILE`` takes a real snapshot excerpt such as
``$PAPERLAB_REALDATA/fixtures/arxiv_kaggle_metadata/*.jsonl``, which the figures in benchmarks/README.md used) is
scaled up to ``--n`` records by rewriting each copy's id (and suffixing its title and DOI
with the copy number, so copies are distinct papers, as in the real dump), written to a
temporary JSON-lines file, then imported two ways, each in its own fresh process:

* ``paperlab``: :func:`paperlab.sources.arxiv.iter_kaggle` -> :meth:`paperlab.store.Store.bulk_import`
  (full parsing into ``Paper`` objects, merging, indexed columns, search text, wire-format JSON);
* ``baseline``: ``json.loads`` per line + ``sqlite3`` ``executemany`` of ``(id, title, raw line)``
  in transactions of the same size (the floor: no parsing beyond JSON, no merging).

For each it reports records/s by wall clock and by CPU time (the CPU figure is steadier on a
shared machine), peak RSS (growth over the process's RSS after imports) and the tracemalloc
peak (a separate traced run, since tracing slows Python down), at ``--check-n`` and at ``--n``
records, to check that memory stays flat as the stream grows. A third process times
``iter_kaggle`` alone (``parse``), so the paperlab row can also give the CPU rate of
``bulk_import`` alone (paperlab CPU minus parse CPU). Each untraced run is repeated
``--repeat`` times and the run with the median CPU time is shown, with the range of CPU rates.

Usage::

    python benchmarks/bench_import.py            # 200k records, check at 50k, 3 repeats
    python benchmarks/bench_import.py --sample "$PAPERLAB_REALDATA/fixtures/arxiv_kaggle_metadata/<file>.jsonl"
    python benchmarks/bench_import.py --n 20000 --check-n 5000 --no-trace --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = 5000


def load_sample(sample: Path | None) -> list[dict]:
    """The Kaggle-format records to scale up: ``sample`` (a JSON-lines file) or the demo corpus's arXiv papers."""
    if sample is None:
        sys.path.insert(0, str(HERE))
        from _data import kaggle_records_from_demo

        return kaggle_records_from_demo()
    return [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_input(n: int, path: Path, lines: list[dict]) -> None:
    """Write ``n`` Kaggle-format records built from the sample records ``lines``."""
    with open(path, "w", encoding="utf-8") as out:
        for k in range(n):
            rec = dict(lines[k % len(lines)])
            copy = k // len(lines)
            # unique new-style ids: YYMM.NNNNN with YYMM from 1501 upwards
            yymm = f"{15 + k // 1_200_000:02d}{1 + (k // 100_000) % 12:02d}"
            rec["id"] = f"{yymm}.{k % 100_000:05d}"
            if copy:
                rec["title"] = f"{rec['title']} [copy {copy}]"
                if rec.get("doi"):
                    rec["doi"] = f"{rec['doi']}.copy{copy}"
            out.write(json.dumps(rec) + "\n")


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_paperlab(src: Path, db: Path, batch: int) -> int:
    from paperlab.sources.arxiv import iter_kaggle
    from paperlab.store import Store

    store = Store(db)
    n = store.bulk_import(iter_kaggle(src), batch_size=batch)
    assert store.count() == n, (store.count(), n)
    store.close()
    return n


def run_parse(src: Path, db: Path, batch: int) -> int:
    """``iter_kaggle`` alone: the parsing part of the paperlab import (nothing is stored)."""
    from paperlab.sources.arxiv import iter_kaggle

    n = 0
    for _ in iter_kaggle(src):
        n += 1
    return n


def run_baseline(src: Path, db: Path, batch: int) -> int:
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("CREATE TABLE papers (id TEXT PRIMARY KEY, title TEXT NOT NULL, data TEXT NOT NULL)")
    n = 0
    rows: list[tuple[str, str, str]] = []

    def flush() -> None:
        con.execute("BEGIN IMMEDIATE")
        con.executemany("INSERT OR REPLACE INTO papers VALUES (?, ?, ?)", rows)
        con.execute("COMMIT")
        rows.clear()

    with open(src, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            rows.append((rec["id"], rec["title"], line))
            n += 1
            if len(rows) >= batch:
                flush()
    if rows:
        flush()
    assert con.execute("SELECT count(*) FROM papers").fetchone()[0] == n
    con.close()
    return n


RUNNERS = {"baseline": run_baseline, "paperlab": run_paperlab, "parse": run_parse}


def worker(variant: str, src: Path, batch: int, trace: bool) -> dict[str, float]:
    """Run one import in this process and measure it."""
    import paperlab.sources.arxiv  # noqa: F401  (imports are not part of the measurement)
    import paperlab.store  # noqa: F401

    if trace:
        import tracemalloc

        tracemalloc.start()
    rss0 = _rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        t0, c0 = time.perf_counter(), time.process_time()
        n = RUNNERS[variant](src, db, batch)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        db_mb = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "records": n,
        "seconds": seconds,
        "rate": n / seconds,
        "peak_rss_mb": peak_rss,
        "cpu_seconds": cpu,
        "cpu_rate": n / cpu,
        "rss_growth_mb": peak_rss - rss0,
        "db_mb": db_mb,
    }
    if trace:
        result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    return result


def measure(variant: str, src: Path, batch: int, trace: bool) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--worker", variant, "--input", str(src), "--batch-size", str(batch)]
    if trace:
        cmd.append("--trace")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200_000, help="records to import (default 200000)")
    ap.add_argument("--check-n", type=int, default=50_000, help="smaller size for the flat-memory check")
    ap.add_argument("--batch-size", type=int, default=BATCH)
    ap.add_argument("--repeat", type=int, default=3, help="untraced runs per variant and size (default 3)")
    ap.add_argument("--no-trace", action="store_true", help="skip the tracemalloc runs")
    ap.add_argument(
        "--sample", type=Path, default=None, help="Kaggle-format JSON-lines records to scale up (default: demo corpus)"
    )
    ap.add_argument("--worker", choices=sorted(RUNNERS), help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker, args.input, args.batch_size, args.trace)))
        return 0

    sample = load_sample(args.sample)
    print(
        f"sample: {len(sample)} records from {args.sample.name if args.sample else 'the demo corpus'}", file=sys.stderr
    )
    sizes = sorted({min(args.check_n, args.n), args.n})
    results: dict[tuple[str, int], dict[str, float]] = {}
    print(f"load average (1/5/15 min) at start: {_load()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            src = Path(tmp) / f"kaggle_{n}.jsonl"
            t0 = time.perf_counter()
            make_input(n, src, sample)
            print(
                f"wrote {n} records ({src.stat().st_size / 2**20:.0f} MiB) in {time.perf_counter() - t0:.1f} s",
                file=sys.stderr,
            )
            for variant in ("baseline", "parse", "paperlab"):
                runs = sorted(
                    (measure(variant, src, args.batch_size, trace=False) for _ in range(max(1, args.repeat))),
                    key=lambda r: r["cpu_seconds"],
                )
                res = dict(runs[len(runs) // 2])  # the median run by CPU time
                res["cpu_rate_min"], res["cpu_rate_max"] = runs[-1]["cpu_rate"], runs[0]["cpu_rate"]
                res["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
                res["rss_growth_mb"] = max(r["rss_growth_mb"] for r in runs)
                if not args.no_trace and variant != "parse":
                    res["tracemalloc_peak_mb"] = measure(variant, src, args.batch_size, trace=True)[
                        "tracemalloc_peak_mb"
                    ]
                results[(variant, n)] = res
                print(
                    f"  {variant:8s} n={n}: {res['cpu_rate']:,.0f} records/s (CPU), "
                    f"{res['rate']:,.0f} records/s (wall); load {_load()}",
                    file=sys.stderr,
                )
            src.unlink()
    print(f"load average (1/5/15 min) at end: {_load()}", file=sys.stderr)

    head = (
        "| variant | records | wall s | records/s (wall) | CPU s | records/s (CPU), median [range] "
        "| bulk_import alone, records/s (CPU) | peak RSS MiB (growth) | tracemalloc peak MiB | DB MiB |"
    )
    print(head)
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    order = {"baseline": 0, "parse": 1, "paperlab": 2}
    for (variant, n), r in sorted(results.items(), key=lambda kv: (kv[0][1], order[kv[0][0]])):
        tm = f"{r['tracemalloc_peak_mb']:.1f}" if "tracemalloc_peak_mb" in r else "-"
        store = "-"
        if variant == "paperlab":
            r["store_cpu_rate"] = n / max(r["cpu_seconds"] - results[("parse", n)]["cpu_seconds"], 1e-9)
            store = f"{r['store_cpu_rate']:,.0f}"
        db = f"{r['db_mb']:.0f}" if variant != "parse" else "-"
        print(
            f"| {variant} | {n:,} | {r['seconds']:.1f} | {r['rate']:,.0f} | {r['cpu_seconds']:.1f} | "
            f"{r['cpu_rate']:,.0f} [{r['cpu_rate_min']:,.0f}–{r['cpu_rate_max']:,.0f}] | {store} | "
            f"{r['peak_rss_mb']:.0f} ({r['rss_growth_mb']:+.0f}) | {tm} | {db} |"
        )
    big = sizes[-1]
    if len(sizes) == 2:
        small = sizes[0]
        print()
        for variant in ("baseline", "paperlab"):
            a, b = results[(variant, small)], results[(variant, big)]
            key = "tracemalloc_peak_mb" if "tracemalloc_peak_mb" in a else "rss_growth_mb"
            ratio = b[key] / a[key] if a[key] > 0 else float("nan")
            verdict = "flat" if ratio < 1.5 else "GROWS"
            print(
                f"memory {variant}: {key} {a[key]:.1f} MiB at {small:,} vs {b[key]:.1f} MiB at {big:,} "
                f"records -> x{ratio:.2f} ({verdict})"
            )
    r, base = results[("paperlab", big)], results[("baseline", big)]
    print()
    for what, rate in (
        ("iter_kaggle + bulk_import, wall clock", r["rate"]),
        ("iter_kaggle + bulk_import, CPU time", r["cpu_rate"]),
        ("bulk_import alone, CPU time", r["store_cpu_rate"]),
    ):
        print(
            f"paperlab {what} at {big:,} records: {rate:,.0f} records/s "
            f"({'meets' if rate >= 20_000 else 'BELOW'} the 20,000 records/s target)"
        )
    print(
        f"paperlab / baseline, CPU time at {big:,} records: {r['cpu_seconds'] / base['cpu_seconds']:.1f}x "
        f"the baseline's CPU seconds"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
