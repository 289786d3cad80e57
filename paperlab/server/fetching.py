"""Fetching papers for the REST API: a bounded pool of its own, short deadlines, one paced client per service.

Adding a paper by reference may have to ask arXiv or Semantic Scholar. Those calls never run on the
store's pool nor on asyncio's default executor: a :class:`Fetcher` owns

- a :class:`~concurrent.futures.ThreadPoolExecutor` of ``workers`` threads (2 by default), so however many
  adds wait on an unreachable service, the other endpoints keep their threads;
- one :class:`~paperlab.sources._http.HttpClient` per service for the server's lifetime, so pacing (one
  request per 3 s to arXiv) holds *across* requests, with a short timeout and few retries;
- a deadline per fetch (queueing included): past it the add answers 504, and a fetch still queued is
  cancelled;
- a short memory of an unreachable service: after a timeout or a refused connection, fetches from that
  service fail at once (502, saying when it failed) for ``unreachable_for`` seconds instead of queueing up.

A service that gives no answer is reported in words the person adding the paper can act on, first what
happened and what it means for them, then the detail: "Can't reach export.arxiv.org — you may be offline;
nothing was added (1706.03762). arXiv is unreachable: …". A failed connection is not retried (see
:func:`paperlab.sources._http.is_retryable`), so that message comes within a second or two.

The server closes the fetcher (pool and clients) when it shuts down.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import FetchError, NotFound, ParseError, ServiceUnreachable
from ..identifiers import normalize_arxiv_id, parse_reference
from ..paper import Paper
from ..services.resolve import fetch_arxiv, fetch_doi
from ..sources import HttpClient
from ..sources.arxiv import ArxivClient
from ..sources.semantic_scholar import SemanticScholarClient

__all__ = ["FetchSettings", "FetchTimeout", "Fetcher"]

ARXIV = "arXiv"
SEMANTIC_SCHOLAR = "Semantic Scholar"
# What the one HTTP layer (paperlab.sources._http.HttpClient._gave_up) says when no answer came at all.


class FetchTimeout(FetchError):
    """A fetch did not finish within the server's deadline (answered 504)."""


@dataclass(frozen=True)
class FetchSettings:
    """How the server fetches: pool size, per-request timeout, retries, deadline, pacing (seconds)."""

    workers: int = 2
    timeout: float = 10.0
    retries: int = 1
    deadline: float = 20.0
    arxiv_interval: float = 3.0
    s2_interval: float = 1.0
    unreachable_for: float = 30.0


class Fetcher:
    """Fetches papers named by a reference, for the server's lifetime (see the module docstring).

    Parameters
    ----------
    settings : FetchSettings, optional
    """

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = s = settings or FetchSettings()
        self.pool = ThreadPoolExecutor(max_workers=max(1, s.workers), thread_name_prefix="paperlab-fetch")
        self.arxiv_http = _client(s, s.arxiv_interval)
        self.s2_http = _client(s, s.s2_interval)
        # service -> (monotonic time of the failure, why, the URL that failed)
        self._down: dict[str, tuple[float, str, str | None]] = {}
        self._lock = threading.Lock()
        self.closed = False

    def __repr__(self) -> str:
        return f"Fetcher({self.settings!r}, closed={self.closed})"

    # -- the request side ----------------------------------------------------------------------------------
    async def fetch(self, ref: str) -> Paper:
        """The paper ``ref`` names, fetched on the fetch pool within the deadline (nothing is stored).

        Raises
        ------
        NotFound
            ``ref`` is not an arXiv id/URL or a DOI, or the service has no such paper.
        FetchTimeout
            No answer within ``settings.deadline`` seconds (queueing included).
        FetchError
            The service failed, or is known to be unreachable right now.
        """
        service, job = self._job(ref)
        self._check_reachable(service, ref)
        if self.closed:
            raise FetchError(f"{service} cannot be asked: the server is shutting down")
        future = asyncio.get_running_loop().run_in_executor(self.pool, self._run, service, job, ref)
        try:
            return await asyncio.wait_for(future, self.settings.deadline)
        except asyncio.TimeoutError:
            raise FetchTimeout(
                f"{_cant_reach(service, None, ref)} {service} is unreachable: "
                f"no answer within {self.settings.deadline:g} s for {ref!r}"
            ) from None

    def close(self) -> None:
        """Stop the pool (queued fetches are cancelled) and close the HTTP clients; idempotent."""
        self.closed = True
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.arxiv_http.close()
        self.s2_http.close()

    # -- the worker side -----------------------------------------------------------------------------------
    def _job(self, ref: str) -> tuple[str, Callable[[], Paper]]:
        parsed = parse_reference(ref)
        if parsed.arxiv_id:
            arxiv_id = parsed.arxiv_id
            return ARXIV, lambda: self._arxiv(arxiv_id)
        if parsed.doi:
            doi = parsed.doi
            return SEMANTIC_SCHOLAR, lambda: self._doi(doi)
        inside = normalize_arxiv_id(ref)
        if inside:  # said first, in the sentence the panel's notification shows: "1412.6980import os"
            shown = ref if len(ref) <= 40 else f"{ref[:39]}…"
            raise ParseError(  # bad input (400 invalid), not a missing paper: nothing was looked for
                f"{shown!r} holds the arXiv id {inside[0]} with other text around it: give the id alone. Expected "
                "e.g. '2503.14895', 'arXiv:2503.14895', 'https://arxiv.org/abs/2503.14895' or a DOI."
            )
        raise NotFound(
            f"no stored paper {ref!r}, and it is not an arXiv id/URL or a DOI that could be "
            "fetched (expected the reference alone, e.g. '2503.14895', 'arXiv:2503.14895', "
            "'https://arxiv.org/abs/2503.14895', '10.1103/PhysRevD.76.013009' or a stored id)"
        )

    def _run(self, service: str, job: Callable[[], Paper], ref: str) -> Paper:
        self._check_reachable(service, ref)  # it may have failed while this fetch was queued
        try:
            return job()
        except FetchError as exc:
            if _no_answer(exc):
                with self._lock:
                    self._down[service] = (time.monotonic(), str(exc), exc.url)
                raise FetchError(f"{_cant_reach(service, exc.url, ref)} {service} is unreachable: {exc}") from exc
            raise

    def _check_reachable(self, service: str, ref: str) -> None:
        with self._lock:
            down = self._down.get(service)
        if down is None:
            return
        ago = time.monotonic() - down[0]
        if ago >= self.settings.unreachable_for:
            with self._lock:
                self._down.pop(service, None)
            return
        raise FetchError(
            f"{_cant_reach(service, down[2], ref)} {service} is unreachable (no answer {ago:.0f} s ago: {down[1]}); "
            f"not asking again for {self.settings.unreachable_for - ago:.0f} s"
        )

    def _arxiv(self, arxiv_id: str) -> Paper:
        # the client reads $PAPERLAB_ARXIV_URL now; it shares the paced HTTP client
        return fetch_arxiv(arxiv_id, ArxivClient(http=self.arxiv_http))

    def _doi(self, doi: str) -> Paper:
        return fetch_doi(doi, SemanticScholarClient(http=self.s2_http))


def _client(s: FetchSettings, interval: float) -> HttpClient:
    return HttpClient(min_interval=interval, retries=s.retries, backoff=0.5, max_backoff=s.timeout, timeout=s.timeout)


def _cant_reach(service: str, url: str | None, ref: str) -> str:
    """The first words of an unreachable-service error: what happened and that the list is unchanged."""
    host = urlsplit(url).hostname if url else None
    return f"Can't reach {host or service} — you may be offline; nothing was added ({ref})."


def _no_answer(exc: FetchError) -> bool:
    """Whether ``exc`` means the service gave no answer at all (a timeout or a failed connection), by type."""
    return isinstance(exc, ServiceUnreachable)
