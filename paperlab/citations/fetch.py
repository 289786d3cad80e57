"""Fetching references and citations into the store's citation cache, and reading them back.

``paper.references()`` / ``paper.citations()`` and ``Library.fetch_citations(hops=1)`` land here. A paper's
references or citations are read from the cache when they were fetched before (so the graph works offline),
else from Semantic Scholar (paged, paced, retried; the API key of :func:`~paperlab.sources.semantic_scholar.s2_api_key`)
and, when asked, OpenAlex's ``referenced_works`` as a second source of references.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from ..errors import FetchError, ServiceUnreachable, UsageError
from ..library import Library
from ..paper import Paper
from ..sources import HttpClient
from ..sources.s2_graph import Direction, Link, OpenAlexGraphClient, drop_dates_after, fetch_links, s2_lookup_id
from ..sources.semantic_scholar import SemanticScholarClient
from ..store.citations import CitationCache
from ..store.core import Store, open_store
from .graph import _Aliases

__all__ = ["FetchReport", "citations", "fetch_citations", "fetch_note", "links", "references"]

SOURCES = ("semantic_scholar", "openalex")
SERVICE_NAMES = {"semantic_scholar": "Semantic Scholar", "openalex": "OpenAlex"}
#: The default clients' bounds: a socket operation, and one whole request with its retries. A host that cannot
#: be resolved or refuses the connection fails at once; one that never answers fails after ``_DEADLINE`` s, and
#: :func:`fetch_citations` then stops asking that service for the rest of the run.
_TIMEOUT, _DEADLINE = 10.0, 30.0
_Client = TypeVar("_Client")


@dataclass
class FetchReport:
    """What :func:`fetch_citations` did.

    Attributes
    ----------
    fetched : list of str
        ``"<paper id> references"`` / ``"… citations"`` read from a service now.
    cached : list of str
        The same, found in the cache (nothing sent).
    failed : dict
        ``"<paper id> <direction>"`` -> why it could not be fetched (no id a service knows, HTTP errors).
    papers : int
        Distinct papers at the other end of all links.
    skipped : int
        Papers found before the last hop whose own links were not fetched (over ``max_papers``).
    unreachable : dict
        Service name -> why it could not be reached at all (no connection, no answer); it was not asked again
        in this run, and the papers not asked yet are not in ``failed``.
    """

    fetched: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    papers: int = 0
    skipped: int = 0
    unreachable: dict[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        skipped = f", skipped={self.skipped}" if self.skipped else ""
        unreachable = f", unreachable={sorted(self.unreachable)}" if self.unreachable else ""
        return (
            f"FetchReport(fetched={len(self.fetched)}, cached={len(self.cached)}, failed={len(self.failed)}, "
            f"papers={self.papers}{skipped}{unreachable})"
        )


class _Services:
    """The clients a fetch uses, created on first need and closed at the end if we created them."""

    def __init__(self, s2: SemanticScholarClient | None, openalex: OpenAlexGraphClient | None) -> None:
        self._s2, self._openalex = s2, openalex
        self._made: list[Any] = []
        #: source -> the error that showed it unreachable; such a source is not asked again in this run
        self.unreachable: dict[str, ServiceUnreachable] = {}

    @property
    def s2(self) -> SemanticScholarClient:
        if self._s2 is None:
            self._s2 = self._new(SemanticScholarClient, 1.0)
        return self._s2

    @property
    def openalex(self) -> OpenAlexGraphClient:
        if self._openalex is None:
            self._openalex = self._new(OpenAlexGraphClient, 0.1)
        return self._openalex

    def _new(self, make: Callable[..., _Client], interval: float) -> _Client:
        """A client made on its own HTTP client paced at ``interval`` s; both are closed by :meth:`close`."""
        http = HttpClient(min_interval=interval, timeout=_TIMEOUT, deadline=_DEADLINE)
        self._made.append(http)
        client = make(http=http)
        self._made.append(client)
        return client

    def address(self, source: str) -> str:
        """Where ``source`` is asked (its API root), for messages."""
        return self.s2.base_url if source == "semantic_scholar" else self.openalex.base_url

    def close(self) -> None:
        for client in self._made:
            client.close()


@contextmanager
def _services(s2: SemanticScholarClient | None, openalex: OpenAlexGraphClient | None) -> Iterator[_Services]:
    services = _Services(s2, openalex)
    try:
        yield services
    finally:
        services.close()


def _check_sources(sources: Sequence[str]) -> None:
    unknown = [s for s in sources if s not in SOURCES]
    if unknown or not sources:
        raise UsageError(f"sources: expected some of {list(SOURCES)}, got {list(sources)}")


def _from_service(
    paper: Paper, direction: Direction, source: str, services: _Services, limit: int | None
) -> list[Link]:
    found = _links_from_service(paper, direction, source, services, limit)
    return drop_dates_after(found, paper) if direction == "references" else found


def _links_from_service(
    paper: Paper, direction: Direction, source: str, services: _Services, limit: int | None
) -> list[Link]:
    if source == "semantic_scholar":
        ident = s2_lookup_id(paper)
        if ident is None:
            raise FetchError(f"{paper.id}: no Semantic Scholar id, arXiv id or DOI to look it up by")
        return fetch_links(services.s2, ident, direction, limit=limit)
    if direction == "citations":
        return []  # OpenAlex gives references only (cited_by needs a search of every work)
    oa_id = paper.extra.get("openalex", {}).get("id") if isinstance(paper.extra.get("openalex"), dict) else None
    ident = oa_id or (f"doi:{paper.doi}" if paper.doi else None)
    if not ident:
        raise FetchError(f"{paper.id}: no OpenAlex id or DOI to look it up by")
    return services.openalex.references(str(ident))[:limit]


def _fetch_one(
    paper: Paper,
    direction: Direction,
    cache: CitationCache,
    services: _Services,
    *,
    sources: Sequence[str],
    refresh: bool,
    limit: int | None,
    report: FetchReport,
) -> None:
    done = set(cache.fetched(paper.id, direction))
    what = f"{paper.id} {direction}"
    wanted = [s for s in sources if refresh or s not in done]
    if not wanted:
        report.cached.append(what)
        return
    errors = []
    for source in wanted:
        if source in services.unreachable:
            errors.append(f"{source}: unreachable")
            continue
        try:
            found = _from_service(paper, direction, source, services, limit)
            cache.save(paper.id, direction, source, found, paper=paper)
        except ServiceUnreachable as exc:  # no connection or no answer: not asked again in this run
            services.unreachable[source] = exc
            errors.append(f"{source}: {exc}")
        except FetchError as exc:
            errors.append(f"{source}: {exc}")
    if len(errors) == len(wanted) and not done:
        report.failed[what] = "; ".join(errors)
    else:
        report.fetched.append(what)


def _cache(store: Store | None) -> CitationCache:
    return CitationCache(store if store is not None else open_store())


def links(
    paper: Paper,
    direction: Direction,
    *,
    store: Store | None = None,
    client: SemanticScholarClient | None = None,
    openalex: OpenAlexGraphClient | None = None,
    sources: Sequence[str] = ("semantic_scholar",),
    refresh: bool = False,
    limit: int | None = 1000,
) -> list[Link]:
    """The references or citations of ``paper`` with their contexts: from the cache, else fetched and cached.

    Raises
    ------
    FetchError
        When no source could give them and they were never fetched before.
    """
    _check_sources(sources)
    cache = _cache(store)
    report = FetchReport()
    with _services(client, openalex) as services:
        _fetch_one(paper, direction, cache, services, sources=sources, refresh=refresh, limit=limit, report=report)
    if report.failed:
        raise FetchError(f"{direction} of {paper.shown_title!r}: {report.failed[f'{paper.id} {direction}']}")
    return cache.links(paper.id, direction)


def _library(found: list[Link], name: str) -> Library:
    return Library([link.paper for link in found], name=name)


def references(paper: Paper, **kwargs: Any) -> Library:
    """``paper.references()``: the papers it cites, as a :class:`Library` (see :func:`links` for the options)."""
    return _library(links(paper, "references", **kwargs), f"references of {paper.id}")


def citations(paper: Paper, **kwargs: Any) -> Library:
    """``paper.citations()``: the papers that cite it, as a :class:`Library` (see :func:`links` for the options)."""
    return _library(links(paper, "citations", **kwargs), f"citations of {paper.id}")


def _times_cited(paper: Paper) -> int:
    count = paper.extra.get("citationCount")
    return count if isinstance(count, int) and not isinstance(count, bool) else 0


def _next_frontier(others: dict[str, Paper], seen: set[str], budget: int | None) -> tuple[list[Paper], int]:
    """The papers to expand at the next hop, most cited first, at most ``budget``; and how many were left out."""
    found = sorted((p for pid, p in others.items() if pid not in seen), key=lambda p: -_times_cited(p))
    if budget is None or len(found) <= budget:
        return found, 0
    return found[:budget], len(found) - budget


def _bar(total: int, hop: int, show: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=f"citations, hop {hop}", unit="paper", disable=not show, leave=False)


@dataclass
class _Run:
    """One :func:`fetch_citations` run: its options, what it found and its report."""

    cache: CitationCache
    services: _Services
    directions: Sequence[Direction]
    sources: Sequence[str]
    refresh: bool
    limit: int | None
    aliases: _Aliases
    report: FetchReport = field(default_factory=FetchReport)
    others: dict[str, Paper] = field(default_factory=dict)
    done: int = 0

    def stopped(self) -> bool:
        """Every source asked for is unreachable: nothing more can be fetched in this run."""
        return all(s in self.services.unreachable for s in self.sources)

    def hop(self, frontier: list[Paper], bar: Any) -> None:
        for paper in frontier:
            for direction in self.directions:
                _fetch_one(
                    paper,
                    direction,
                    self.cache,
                    self.services,
                    sources=self.sources,
                    refresh=self.refresh,
                    limit=self.limit,
                    report=self.report,
                )
                for link in self.cache.links(paper.id, direction):
                    if self.aliases.find(link.paper) is None:  # a library paper as S2 returned it is that paper
                        self.others.setdefault(link.paper.id, link.paper)
            self.done += 1
            bar.update(1)
            if self.stopped():
                return


#: The last run's library paper ids and what it said, for the graph view's note (this process only).
_LAST_RUN: dict[str, Any] = {}


def _unreachable_message(run: _Run, total: int) -> str:
    services = run.services
    names = [f"{SERVICE_NAMES[s]} ({services.address(s)})" for s in run.sources if s in services.unreachable]
    reasons = "; ".join(services.unreachable[s].reason for s in run.sources if s in services.unreachable)
    report = run.report
    return (
        f"{' and '.join(names)} {'is' if len(names) == 1 else 'are'} unreachable: {reasons}. "
        f"Stopped at the first failed connection after {run.done} of {total} papers "
        f"({len(report.fetched)} fetched, {len(report.cached)} from the cache); what was fetched is kept. "
        "Run fetch_citations() again once the service can be reached."
    )


def _store_key(cache: CitationCache) -> str:
    return str(getattr(cache.db, "path", None) or repr(cache.db))


def _finish(run: _Run, library_ids: list[str], total: int) -> FetchReport:
    """Remember the outcome for :func:`fetch_note`; raise :class:`ServiceUnreachable` when no source answered."""
    report = run.report
    report.papers = len(run.others)
    when = dt.datetime.now(dt.timezone.utc).strftime("%H:%M UTC")
    _LAST_RUN.clear()
    _LAST_RUN.update(ids=frozenset(library_ids), store=_store_key(run.cache), report=report, when=when)
    if not run.services.unreachable:
        return report
    message = _unreachable_message(run, total)
    hosts = [urlsplit(run.services.address(s)).netloc for s in run.services.unreachable]
    names = [SERVICE_NAMES[s] for s in run.services.unreachable]
    report.unreachable = {SERVICE_NAMES[s]: str(exc) for s, exc in run.services.unreachable.items()}
    _LAST_RUN["unreachable"] = ", ".join(f"{n} ({h})" for n, h in zip(names, hosts, strict=True))
    if run.stopped():
        error = ServiceUnreachable(message)
        error.report = report  # type: ignore[attr-defined]
        raise error
    warnings.warn(message, UserWarning, stacklevel=3)
    return report


def fetch_citations(
    library: Library | Iterable[Paper],
    hops: int = 1,
    *,
    directions: Sequence[Direction] = ("references", "citations"),
    store: Store | None = None,
    client: SemanticScholarClient | None = None,
    openalex: OpenAlexGraphClient | None = None,
    sources: Sequence[str] = ("semantic_scholar",),
    refresh: bool = False,
    limit: int | None = 1000,
    max_papers: int | None = 200,
    progress: bool | None = None,
) -> FetchReport:
    """``Library.fetch_citations(hops=1)``: fetch (or find cached) the references and citations of every paper,
    and with ``hops=2`` those of the papers found, and so on.

    Beyond the library, the links of at most ``max_papers`` papers are fetched in all (the most cited first; None:
    no bound); the others found are counted in :attr:`FetchReport.skipped`. ``progress`` shows a progress bar per
    hop (by default when ``hops`` > 1). A paper that cannot be fetched (no id a service knows, an HTTP error after
    the retries) is named in :attr:`FetchReport.failed`; the others are kept. Everything fetched is cached in the
    store, so :func:`~paperlab.citations.graph.citation_graph` works offline afterwards.

    A service that cannot be reached at all (offline, an unknown host, a refused connection, no answer within
    30 s) is not asked again in the run: with no other source left the run stops at once.

    Raises
    ------
    ServiceUnreachable
        Every source is unreachable: the message names the service, its address and the reason; ``.report``
        holds what was done before (all of it kept in the cache). With another source left, a warning says so
        and :attr:`FetchReport.unreachable` names it.
    UsageError
        ``hops`` < 1, ``max_papers`` < 0, or an unknown source.
    """
    if hops < 1:
        raise UsageError(f"hops: expected 1 or more, got {hops}")
    if max_papers is not None and max_papers < 0:
        raise UsageError(f"max_papers: expected 0 or more (or None: no bound), got {max_papers}")
    _check_sources(sources)
    frontier = list(library)
    library_ids = [p.id for p in frontier]
    seen = set(library_ids)
    budget = max_papers
    show = hops > 1 if progress is None else progress
    with _services(client, openalex) as services:
        run = _Run(_cache(store), services, directions, sources, refresh, limit, _Aliases(Library(frontier)))
        total = len(frontier)
        for hop in range(hops):
            with _bar(len(frontier), hop + 1, show) as bar:
                run.hop(frontier, bar)
            if hop + 1 == hops or run.stopped():
                break
            frontier, left_out = _next_frontier(run.others, seen, budget)
            run.report.skipped += left_out
            budget = None if budget is None else budget - len(frontier)
            seen.update(p.id for p in frontier)
            total += len(frontier)
        return _finish(run, library_ids, total)


def fetch_note(library: Library | Iterable[Paper], store: Store | None = None, name: str = "") -> str:
    """What the citation graph of ``library`` can say when it has no citation: ``""`` when nothing is known, else
    why (the last :func:`fetch_citations` of these papers in this process found a service unreachable, or every
    paper failed), or that the papers' links were fetched and none were found. ``name``: the user's name of the
    library, for the advice ("run lib.fetch_citations() again")."""
    again = f"run {name or '<library>'}.fetch_citations() again"
    papers = list(library)
    ids = {p.id for p in papers}
    cache = _cache(store)
    same = ids and ids <= _LAST_RUN.get("ids", frozenset()) and _LAST_RUN.get("store") == _store_key(cache)
    last = _LAST_RUN if same else {}
    if last.get("unreachable"):
        return (
            f"Citations could not be fetched: {last['unreachable']} unreachable at {last['when']} (offline?) — "
            f"{again} once it can be reached"
        )
    report = last.get("report")
    if report is not None and report.failed and not report.fetched and not report.cached:
        first = next(iter(report.failed.values()))
        return f"Citations could not be fetched: all {len(report.failed)} requests failed (first: {first}) — {again}"
    fetched = sum(1 for p in papers if cache.fetched(p.id, "references") or cache.fetched(p.id, "citations"))
    if fetched:
        return f"Citations fetched for {fetched} of {len(papers)} papers: no references or citations found for them"
    return ""
