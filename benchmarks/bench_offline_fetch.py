"""Offline, a whole library's citation fetch and the morning feed: how long until the user hears why.

A walkthrough saw ``lib.fetch_citations()`` on 32 papers take 58.7 s with the services unreachable and return
``FetchReport(failed=64)`` without a word. Offline three ways, on this machine only: a closed port on 127.0.0.1
(connection refused), the unresolvable name ``nonexistent.invalid`` (RFC 2606), and a local server that takes
the request and never answers. For each, the time until the call returns or raises, for

* **every paper asked** (baseline, same run): what ``fetch_citations`` did before, each paper and direction asked
  with the client Semantic Scholar had by default then (``HttpClient(min_interval=1.0)``: 1 s between requests,
  30 s per socket operation, a 60 s deadline), each failure caught; not run for the silent server (64 requests
  of up to 60 s each: about an hour);
* **paperlab fetch_citations** (its default client, pointed at the address by ``PAPERLAB_SEMANTIC_SCHOLAR_URL``):
  stops at the first failed connection with ``ServiceUnreachable``;
* **paperlab.feed()** with arXiv and Hugging Face at that address (``Feed.problem()`` says they were unreachable).

    python benchmarks/bench_offline_fetch.py [--papers 32] [--trials 3]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from paperlab import Library, Paper
from paperlab.citations.fetch import links
from paperlab.errors import FetchError, ServiceUnreachable
from paperlab.feed import feed
from paperlab.feed.profile import InterestProfile
from paperlab.sources._http import HttpClient
from paperlab.sources.semantic_scholar import SemanticScholarClient
from paperlab.store import Store


def _closed_port() -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    yield f"http://127.0.0.1:{port}"


def _unresolvable() -> Iterator[str]:
    yield "http://nonexistent.invalid"


def _silent() -> Iterator[str]:
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            release.wait(120)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()


CASES = {"closed port": _closed_port, "unresolvable host": _unresolvable, "server never answers": _silent}


def _papers(n: int) -> Library:
    return Library([Paper(f"Offline benchmark paper {i}", arxiv_id=f"2401.{i:05d}") for i in range(n)])


def every_paper(lib: Library, base: str, store: Store) -> str:
    client = SemanticScholarClient(base_url=f"{base}/graph/v1", http=HttpClient(min_interval=1.0), api_key="")
    failed = 0
    for paper in lib:
        for direction in ("references", "citations"):
            try:
                links(paper, direction, store=store, client=client)
            except FetchError:
                failed += 1
    client.http.close()
    return f"{failed} failed, no message"


def paperlab_fetch(lib: Library, base: str, store: Store) -> str:
    os.environ["PAPERLAB_SEMANTIC_SCHOLAR_URL"] = f"{base}/graph/v1"
    try:
        lib.fetch_citations(store=store)
    except ServiceUnreachable as exc:
        return str(exc).split(" is unreachable")[0].replace("|", "/") + " is unreachable …"
    return "no error"


def paperlab_feed(lib: Library, base: str, store: Store) -> str:
    os.environ["PAPERLAB_ARXIV_LISTING_URL"] = f"{base}/atom"
    os.environ["PAPERLAB_HF_URL"] = base
    day = feed(profile=InterestProfile(categories=["cs.LG"], hf_daily=True), store=store, remember=False)
    return day.problem().split(":")[0]


SYSTEMS: dict[str, Callable[[Library, str, Store], str]] = {
    "every paper asked (baseline)": every_paper,
    "paperlab fetch_citations": paperlab_fetch,
    "paperlab.feed()": paperlab_feed,
}


def run(system: str, case: str, lib: Library, trials: int) -> tuple[list[float], str]:
    times, said = [], ""
    for _ in range(trials):
        with tempfile.TemporaryDirectory() as home, contextmanager(CASES[case])() as base:
            store = Store(os.path.join(home, "s.sqlite3"))
            os.environ["PAPERLAB_HOME"] = home
            start = time.perf_counter()
            said = SYSTEMS[system](lib, base, store)
            times.append(time.perf_counter() - start)
    return times, said


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--papers", type=int, default=32)
    ap.add_argument("--trials", type=int, default=3)
    args = ap.parse_args()
    lib = _papers(args.papers)
    print(f"{args.papers} papers; load average {os.getloadavg()[0]:.1f}")
    print("| system | offline as | trials | median s | max s | what the user hears |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for case in CASES:
        for system in SYSTEMS:
            if system.endswith("(baseline)") and case == "server never answers":
                print(f"| {system} | {case} | 0 | not run | ≈ {args.papers * 2} × 60 | (each request's deadline) |")
                continue
            trials = 1 if system.endswith("(baseline)") or case == "server never answers" else args.trials
            times, said = run(system, case, lib, trials)
            print(f"| {system} | {case} | {trials} | {statistics.median(times):.2f} | {max(times):.2f} | {said[:70]} |")


if __name__ == "__main__":
    main()
