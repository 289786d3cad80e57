"""Errors in seconds: how long until an add by arXiv id says it cannot reach the service, when offline.

Two ways of being offline, both on this machine only: a closed port on 127.0.0.1 (connection refused) and
the unresolvable name ``nonexistent.invalid`` (RFC 2606: name resolution fails). For each, the time from the
request to the error, for

* **one bare httpx request** (floor: how long the operating system takes to fail);
* **retrying every failure** (baseline, same run): tenacity around httpx, 5 tries with a backoff of 1 s
  doubling, as paperlab did before (issue 15 saw 45 s); run once per case, it takes seconds by design;
* **paperlab's HttpClient** (default settings: 4 retries, 1 s backoff; a failed connection is not retried);
* **the server's add** (``Fetcher.fetch("1706.03762")`` with the server's settings, message in words), first
  and second add (the second is answered from the memory of the failure).

Target: the message within 2 s.

    python benchmarks/bench_offline_errors.py [--trials 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import time
from collections.abc import Callable

import httpx
import tenacity

from paperlab.errors import FetchError
from paperlab.server.fetching import Fetcher, FetchSettings
from paperlab.sources._http import HttpClient


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/api/query"


CASES = {"closed port": closed_port_url, "unresolvable host": lambda: "http://nonexistent.invalid/api/query"}


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    try:
        fn()
    except (httpx.HTTPError, FetchError, tenacity.RetryError):
        pass
    else:
        raise AssertionError("expected the request to fail")
    return (time.perf_counter() - start) * 1000


def bare(url: str) -> None:
    httpx.get(url, timeout=10)


def retry_everything(url: str) -> None:
    for attempt in tenacity.Retrying(
        stop=tenacity.stop_after_attempt(5), wait=tenacity.wait_exponential(multiplier=1, max=60), reraise=True
    ):
        with attempt:
            httpx.get(url, timeout=10)


def paperlab_client(url: str) -> None:
    with HttpClient() as http:
        http.get(url)


def server_adds(url: str) -> tuple[float, float]:
    os.environ["PAPERLAB_ARXIV_URL"] = url
    fetcher = Fetcher(FetchSettings())
    try:
        first = timed(lambda: asyncio.run(fetcher.fetch("1706.03762")))
        second = timed(lambda: asyncio.run(fetcher.fetch("1706.03762")))
    finally:
        fetcher.close()
    return first, second


def trials(request: Callable[[str], None], make: Callable[[], str], n: int) -> list[float]:
    """Milliseconds until ``request`` fails, ``n`` times, each on a fresh offline URL from ``make``."""
    out = []
    for _ in range(n):
        url = make()
        out.append(timed(lambda: request(url)))  # noqa: B023 - called before the loop moves on
    return out


def row(name: str, case: str, times: list[float]) -> str:
    return f"| {name} | {case} | {len(times)} | {statistics.median(times):.1f} | {max(times):.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10)
    args = parser.parse_args()
    print("| system | offline as | trials | p50 ms | max ms |\n| --- | --- | ---: | ---: | ---: |")
    for case, make in CASES.items():
        print(row("one bare httpx request (floor)", case, trials(bare, make, args.trials)))
        print(row("retry every failure, 5 tries (baseline)", case, trials(retry_everything, make, 1)))
        print(row("**paperlab HttpClient**", case, trials(paperlab_client, make, args.trials)))
        adds = [server_adds(make()) for _ in range(args.trials)]
        print(row("**server add, first**", case, [a for a, _ in adds]))
        print(row("**server add, again**", case, [b for _, b in adds]))


if __name__ == "__main__":
    main()
