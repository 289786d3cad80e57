"""The live arXiv API client: :class:`ArxivQuery` describes a search, :class:`ArxivClient` pages, paces
(one request per 3 s, as arXiv asks) and retries it, :func:`search_arxiv` is the one-call shortcut.

arXiv's error feed becomes :class:`~paperlab.errors.ArxivAPIError` (never retried: the request
itself is wrong); a page that still fails after the retries is a :class:`~paperlab.errors.FetchError`
whose ``status`` is the last HTTP status. A client closes the HTTP connection pool it created
when used as a context manager (``with ArxivClient() as client: ...``) or on :meth:`ArxivClient.close`;
an ``http`` client passed in stays open (its owner closes it).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ArxivAPIError, FetchError, ParseError
from ...library import Library
from ...paper import Paper
from .._http import HttpClient, HTTPStatusError, Response, RetryableResponse
from .atom import ArxivErrorFeed, AtomPage, parse_atom

__all__ = ["ARXIV_API_URL", "ArxivClient", "ArxivQuery", "search_arxiv"]

ARXIV_API_URL = "https://export.arxiv.org/api/query"

_SORT_BY = ("relevance", "lastUpdatedDate", "submittedDate")
_SORT_ORDER = ("descending", "ascending")


@dataclass
class ArxivQuery:
    """What to ask the arXiv API (the client decides how to page, pace and retry).

    Parameters
    ----------
    search : str
        arXiv query syntax, e.g. ``'ti:"diffusion" AND cat:cs.LG'`` or plain words.
    id_list : list of str
        arXiv ids to fetch (with or without version); combined with ``search`` the
        API returns only those ids that also match.
    categories : list of str
        Category filter, ANDed with ``search`` (a paper in any of them matches).
    sort_by : {"relevance", "lastUpdatedDate", "submittedDate"}
    sort_order : {"descending", "ascending"}
    max_results : int or None
        Stop after this many papers; ``None`` for all (mind arXiv's limits).
    """

    search: str = ""
    id_list: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    sort_by: str = "relevance"
    sort_order: str = "descending"
    max_results: int | None = 10

    def __post_init__(self) -> None:
        if isinstance(self.id_list, str):
            self.id_list = [self.id_list]
        if isinstance(self.categories, str):
            self.categories = [self.categories]
        self.id_list = [str(i).strip() for i in self.id_list if str(i).strip()]
        self.categories = [str(c).strip() for c in self.categories if str(c).strip()]
        if self.sort_by not in _SORT_BY:
            raise ValueError(f"sort_by={self.sort_by!r}: expected one of {list(_SORT_BY)}")
        if self.sort_order not in _SORT_ORDER:
            raise ValueError(f"sort_order={self.sort_order!r}: expected one of {list(_SORT_ORDER)}")
        if self.max_results is not None and self.max_results < 0:
            raise ValueError(f"max_results={self.max_results}: expected a count >= 0 or None")
        if not self.search.strip() and not self.id_list and not self.categories:
            raise ValueError("an ArxivQuery needs a search, an id_list or categories")

    def search_query(self) -> str:
        """The ``search_query`` parameter: ``search`` ANDed with the category filter."""
        search = self.search.strip()
        if not self.categories:
            return search
        cats = " OR ".join(f"cat:{c}" for c in self.categories)
        cats = f"({cats})" if len(self.categories) > 1 else cats
        return f"({search}) AND {cats}" if search else cats

    def params(self, start: int, max_results: int) -> dict[str, Any]:
        """Query parameters for one page."""
        return {
            "search_query": self.search_query(),
            "id_list": ",".join(self.id_list),
            "sortBy": self.sort_by,
            "sortOrder": self.sort_order,
            "start": start,
            "max_results": max_results,
        }


class ArxivClient:
    """Pages through arXiv API results, one request per ``delay`` seconds, with retries.

    Parameters
    ----------
    base_url : str, optional
        The API endpoint; default ``$PAPERLAB_ARXIV_URL``, else the public arXiv API
        (tests point either at a local fake server).
    page_size : int
        Results asked for per request.
    delay : float
        Seconds between two requests to the same host (arXiv asks for 3).
    retries : int
        Retries per page on 429/5xx, timeouts, broken bodies and unexpectedly empty pages.
    http : HttpClient, optional
        Use this client instead (its own pacing, retries and cache then apply); it is not closed
        by :meth:`close`: whoever created it closes it.
    backoff, timeout : float
        First retry wait (doubling) and request timeout, in seconds.
    deadline : float
        Seconds one page may take in all, retries and their waits included (arXiv's 3 s backoff doubles
        four times, so longer than the HTTP layer's default 60 s).
    cache_dir : path, optional
        Cache successful responses here.

    Examples
    --------
    >>> with ArxivClient() as client:  # doctest: +SKIP
    ...     for paper in client.results(ArxivQuery("ti:transformer", max_results=5)):
    ...         print(paper.title)
    """

    def __init__(
        self,
        base_url: str | None = None,
        page_size: int = 100,
        delay: float = 3.0,
        retries: int = 4,
        http: HttpClient | None = None,
        *,
        backoff: float = 3.0,
        timeout: float = 30.0,
        deadline: float = 120.0,
        cache_dir: str | Path | None = None,
    ) -> None:
        if page_size < 1:
            raise ValueError(f"page_size={page_size}: expected at least 1")
        self.base_url = base_url or os.environ.get("PAPERLAB_ARXIV_URL") or ARXIV_API_URL
        self.page_size = page_size
        self.delay = delay
        self.retries = retries
        self._owns_http = http is None
        self.http = http or HttpClient(
            min_interval=delay,
            retries=retries,
            backoff=backoff,
            timeout=timeout,
            deadline=deadline,
            cache_dir=cache_dir,
        )

    def __repr__(self) -> str:
        return (
            f"ArxivClient(base_url={self.base_url!r}, page_size={self.page_size}, "
            f"delay={self.delay}, retries={self.retries})"
        )

    def close(self) -> None:
        """Close the HTTP client if this client created it (an ``http`` passed in is left to its owner)."""
        if self._owns_http:
            self.http.close()

    def __enter__(self) -> ArxivClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _page(self, query: ArxivQuery, start: int, size: int) -> AtomPage:
        parsed: dict[int, AtomPage] = {}

        def validate(resp: Response) -> None:
            try:
                page = parse_atom(resp.content, source=resp.url, retrieved=resp.retrieved)
            except ArxivErrorFeed as exc:  # a real answer: ArxivAPIError is never retried
                raise _rejected(exc, resp) from None
            except ParseError as exc:
                raise RetryableResponse(f"unreadable feed: {exc.message}") from None
            if not page.papers and page.total_results > start:
                raise RetryableResponse(f"empty page at start={start} although totalResults={page.total_results}")
            parsed[id(resp)] = page

        resp = self.http.get(
            self.base_url, query.params(start, size), validate=validate, ok_statuses=frozenset({200, 400})
        )
        page = parsed.get(id(resp))
        return page if page is not None else _unvalidated_page(resp)

    def results(self, query: ArxivQuery) -> Iterator[Paper]:
        """Papers matching ``query``, page by page, each paper once.

        Parameters
        ----------
        query : ArxivQuery

        Yields
        ------
        Paper
            In the API's order; a paper repeated by an overlapping page is skipped.

        Raises
        ------
        ArxivAPIError
            When arXiv rejects the query with its error feed (e.g. a malformed id).
        FetchError
            When a page still fails after all retries (naming the URL and the last status).
        """
        limit = query.max_results
        if limit == 0:
            return
        seen: set[str] = set()
        yielded = 0
        start = 0
        while True:
            size = self.page_size if limit is None else min(self.page_size, limit - yielded)
            page = self._page(query, start, size)
            fresh = 0
            for paper in page.papers:
                if paper.id in seen:
                    continue
                seen.add(paper.id)
                fresh += 1
                yield paper
                yielded += 1
                if limit is not None and yielded >= limit:
                    return
            start += len(page.papers)
            # A page of nothing but repeats means arXiv is serving a stale window: paging on would
            # only repeat it (possibly for thousands of requests), so stop.
            if not page.papers or not fresh or start >= page.total_results:
                return

    def fetch(self, ids: Iterable[str]) -> list[Paper]:
        """Papers for arXiv ids (with or without version); unknown ids are simply absent.

        Raises
        ------
        FetchError
            If arXiv rejects an id as malformed, or the request fails.
        """
        id_list = [str(i) for i in ids]
        if not id_list:
            return []
        # max_results=None: the id list bounds the results; pages stay at page_size
        return list(self.results(ArxivQuery(id_list=id_list, max_results=None)))


def _rejected(exc: ArxivErrorFeed, resp: Response) -> ArxivAPIError:
    return ArxivAPIError(f"arXiv rejected the query: {exc.said}", url=resp.url, status=resp.status)


def _unvalidated_page(resp: Response) -> AtomPage:
    """The page of a response ``validate`` did not see: a cached one, or arXiv's HTTP 400."""
    try:
        page = parse_atom(resp.content, source=resp.url, retrieved=resp.retrieved)
    except ArxivErrorFeed as exc:
        raise _rejected(exc, resp) from None
    except ParseError as exc:
        if resp.status == 400:
            raise HTTPStatusError(f"arXiv rejected the query: {exc.message}", url=resp.url, status=400) from None
        raise FetchError(f"unreadable arXiv response: {exc.message}", url=resp.url, status=resp.status) from None
    if resp.status != 200:
        raise HTTPStatusError(f"HTTP {resp.status} from arXiv", url=resp.url, status=resp.status)
    return page


_QUERY_FIELDS = ("id_list", "categories", "sort_by", "sort_order")


def search_arxiv(
    query_or_keywords: ArxivQuery | str | Sequence[str], max_results: int | None = 10, **kw: Any
) -> Library:
    """Search arXiv and return a :class:`~paperlab.library.Library`.

    Parameters
    ----------
    query_or_keywords : ArxivQuery, str or list of str
        An :class:`ArxivQuery`, a query in arXiv syntax (``'abs:"graph neural" AND
        cat:cs.LG'``), or keywords that must all appear (``["diffusion", "protein folding"]``).
    max_results : int or None
        Papers to return (ignored when an ArxivQuery is given).
    **kw
        ``id_list``, ``categories``, ``sort_by``, ``sort_order`` go into the query;
        the rest (``base_url``, ``delay``, ``page_size``, ``retries``, ``http``,
        ``backoff``, ``timeout``, ``deadline``, ``cache_dir``) into :class:`ArxivClient`.

    Raises
    ------
    FetchError
        If arXiv cannot be reached after retries or rejects the query.
    """
    query_kw = {k: kw.pop(k) for k in _QUERY_FIELDS if k in kw}
    if isinstance(query_or_keywords, ArxivQuery):
        query = query_or_keywords
    elif isinstance(query_or_keywords, str):
        query = ArxivQuery(search=query_or_keywords, max_results=max_results, **query_kw)
    else:
        words = [w.strip() for w in query_or_keywords if w and w.strip()]
        search = " AND ".join(f'all:"{w}"' if " " in w else f"all:{w}" for w in words)
        query = ArxivQuery(search=search, max_results=max_results, **query_kw)
    with ArxivClient(**kw) as client:  # closes the HTTP client it made; an ``http`` passed in stays open
        papers = list(client.results(query))
    label = query.search_query() or ",".join(query.id_list)
    return Library(papers, name=f"arXiv: {label}")
