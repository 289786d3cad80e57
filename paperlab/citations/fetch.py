"""Fetching references and citations into the store's citation cache, and reading them back.

``paper.references()`` / ``paper.citations()`` and ``Library.fetch_citations(hops=1)`` land here. A paper's
references or citations are read from the cache when they were fetched before (so the graph works offline),
else from Semantic Scholar (paged, paced, retried; the API key of :func:`~paperlab.sources.semantic_scholar.s2_api_key`)
and, when asked, OpenAlex's ``referenced_works`` as a second source of references.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import FetchError, UsageError
from ..library import Library
from ..paper import Paper
from ..sources.s2_graph import Direction, Link, OpenAlexGraphClient, drop_dates_after, fetch_links, s2_lookup_id
from ..sources.semantic_scholar import SemanticScholarClient
from ..store.citations import CitationCache
from ..store.core import Store, open_store
from .graph import _Aliases

__all__ = ["FetchReport", "citations", "fetch_citations", "links", "references"]

SOURCES = ("semantic_scholar", "openalex")


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
    """

    fetched: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    papers: int = 0
    skipped: int = 0

    def __repr__(self) -> str:
        skipped = f", skipped={self.skipped}" if self.skipped else ""
        return (
            f"FetchReport(fetched={len(self.fetched)}, cached={len(self.cached)}, failed={len(self.failed)}, "
            f"papers={self.papers}{skipped})"
        )


class _Services:
    """The clients a fetch uses, created on first need and closed at the end if we created them."""

    def __init__(self, s2: SemanticScholarClient | None, openalex: OpenAlexGraphClient | None) -> None:
        self._s2, self._openalex = s2, openalex
        self._made: list[Any] = []

    @property
    def s2(self) -> SemanticScholarClient:
        if self._s2 is None:
            self._s2 = SemanticScholarClient()
            self._made.append(self._s2)
        return self._s2

    @property
    def openalex(self) -> OpenAlexGraphClient:
        if self._openalex is None:
            self._openalex = OpenAlexGraphClient()
            self._made.append(self._openalex)
        return self._openalex

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
        try:
            found = _from_service(paper, direction, source, services, limit)
            cache.save(paper.id, direction, source, found, paper=paper)
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

    Raises
    ------
    UsageError
        ``hops`` < 1, ``max_papers`` < 0, or an unknown source.
    """
    if hops < 1:
        raise UsageError(f"hops: expected 1 or more, got {hops}")
    if max_papers is not None and max_papers < 0:
        raise UsageError(f"max_papers: expected 0 or more (or None: no bound), got {max_papers}")
    _check_sources(sources)
    cache = _cache(store)
    report = FetchReport()
    frontier = list(library)
    seen = {p.id for p in frontier}
    aliases = _Aliases(Library(frontier))
    others: dict[str, Paper] = {}
    budget = max_papers
    show = hops > 1 if progress is None else progress
    with _services(client, openalex) as services:
        for hop in range(hops):
            with _bar(len(frontier), hop + 1, show) as bar:
                for paper in frontier:
                    for direction in directions:
                        _fetch_one(
                            paper,
                            direction,
                            cache,
                            services,
                            sources=sources,
                            refresh=refresh,
                            limit=limit,
                            report=report,
                        )
                        for link in cache.links(paper.id, direction):
                            if aliases.find(link.paper) is None:  # a library paper as S2 returned it is that paper
                                others.setdefault(link.paper.id, link.paper)
                    bar.update(1)
            if hop + 1 == hops:
                break
            frontier, left_out = _next_frontier(others, seen, budget)
            report.skipped += left_out
            budget = None if budget is None else budget - len(frontier)
            seen.update(p.id for p in frontier)
    report.papers = len(others)
    return report
