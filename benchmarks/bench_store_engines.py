"""The store on PostgreSQL against the embedded SQLite store (the baseline, same run): bulk import of new papers,
re-import (every record merges with its stored one), and ``search_text`` (the panel's paper search).

Papers are generated (distinct arXiv ids, two authors, a 900-character abstract); PostgreSQL is a throwaway
cluster on 127.0.0.1 (tests/pgserver.py: fsync off, as in the tests), started and stopped here.

    python benchmarks/bench_store_engines.py [--papers 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the throwaway PostgreSQL cluster of the tests

from pgserver import PostgresServer, postgres_missing  # noqa: E402

from paperlab import Paper  # noqa: E402
from paperlab.store import Store  # noqa: E402

QUERIES = ["topic 5 words", "synthetic paper number 1234", "b77 topic", "no such word anywhere"]


def _papers(n: int) -> list[Paper]:
    return [
        Paper(
            f"Synthetic paper number {i} about topic {i % 97}",
            arxiv_id=f"2{i // 100000:01d}01.{i % 100000:05d}",
            authors=[f"A{i}", f"B{i}"],
            abstract="words " * 150,
        )
        for i in range(n)
    ]


def run(location: str, papers: list[Paper], repeat: int) -> tuple[float, float, float, float | None]:
    """(new records/s, re-import records/s, median search ms, PostgreSQL: median ms of the search parsing each
    row's JSON, as before the generated column) on a fresh store at ``location``."""
    store = Store(location)
    t = time.perf_counter()
    store.bulk_import(papers)
    new = len(papers) / (time.perf_counter() - t)
    again = papers[: len(papers) // 4]
    t = time.perf_counter()
    store.bulk_import(again)
    merged = len(again) / (time.perf_counter() - t)
    times = _search_ms(lambda q: store.search_text(q, limit=50), repeat)
    before = None
    if store.dialect.name == "postgresql":  # the search as it was before the generated column: JSON parsed per row
        before = _search_ms(lambda q: _json_search(store, q), repeat)
    store.close()
    return new, merged, times, before


def _search_ms(search: Callable[[str], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        for q in QUERIES:
            t = time.perf_counter()
            search(q)
            times.append(1000 * (time.perf_counter() - t))
    return statistics.median(times)


def _json_search(store: Store, query: str) -> list[tuple[str]]:
    text = (
        "(title || ' ' || coalesce(data::jsonb ->> 'abstract', '') || ' ' || coalesce(data::jsonb ->> 'authors', ''))"
    )
    conds = " AND ".join(f"{text} ILIKE ?" for _ in query.split())
    sql = f"SELECT data FROM papers WHERE {conds} ORDER BY published DESC NULLS LAST, id LIMIT 50"
    return list(store._conn().execute(sql, [f"%{w}%" for w in query.lower().split()]).fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    why = postgres_missing()
    if why:
        raise SystemExit(f"needs PostgreSQL: {why}")
    papers = _papers(args.papers)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, PostgresServer() as pg:
        for name, location in (("SQLite file (baseline)", str(Path(tmp) / "s.sqlite3")), ("PostgreSQL", pg.new_url())):
            rows.append((name, *run(location, papers, args.repeat)))
    print(f"\n{args.papers} papers; search: median of {args.repeat} x {len(QUERIES)} queries, limit 50")
    print(
        f"| {'store':<24} | {'import new rec/s':>16} | {'re-import rec/s':>15} | {'search ms':>9} | {'search ms, JSON per row':>23} |"
    )
    print(f"|{'-' * 26}|{'-' * 18}|{'-' * 17}|{'-' * 11}|{'-' * 25}|")
    for name, new, merged, search, before in rows:
        shown = "" if before is None else f"{before:.1f}"
        print(f"| {name:<24} | {new:16,.0f} | {merged:15,.0f} | {search:9.1f} | {shown:>23} |")


if __name__ == "__main__":
    main()
