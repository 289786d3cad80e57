"""Fetching a digest: each source through its own HTTP client, with its own retry settings.

arXiv and Hugging Face each get a :class:`_RecordingHttp` built from their own ``retries`` and
``backoff`` (they share the per-host pacing table and the list of responses); nothing changes a
client's settings while it is in use, and both are closed when the fetch is over.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from ..errors import FetchError, ImportProblem, PaperlabError, ParseError, PartialImportWarning, ServiceUnreachable
from ..paper import Paper
from ..sources import HttpClient, Response
from ._match import arxiv_search, in_categories, phrase
from .config import DigestConfig, parse_date

__all__ = ["Fetched", "fetch"]

_EMPTY_ANSWER = (
    "arXiv returned no papers (it sometimes answers an empty page under load; a rare keyword may truly have none)"
)


class _RecordingHttp(HttpClient):
    """HttpClient that keeps every response it returns, and refetches (while still caching) when live."""

    def __init__(self, responses: list[Response], **kw: Any) -> None:
        super().__init__(**kw)
        self.responses = responses

    def request(self, method: str, url: str, params: dict[str, Any] | None = None, **kw: Any) -> Response:
        # Live runs always ask the service (a digest wants today's papers) and overwrite the cache;
        # offline runs read only the cache.
        kw["use_cache"] = self.offline
        resp = super().request(method, url, params, **kw)
        self.responses.append(resp)
        return resp


@dataclass
class Fetched:
    """What the sources answered: papers per keyword, Hugging Face papers, what failed."""

    found: dict[str, list[Paper]]
    hf_papers: list[Paper] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    answered: int = 0
    #: "arXiv (export.arxiv.org)" -> the first connection that failed there, in the order asked
    unreachable: dict[str, ServiceUnreachable] = field(default_factory=dict)

    def failure(self, service: str, url: str, exc: PaperlabError) -> str:
        """The words for a failed request: the service's name and host instead of the request's URL."""
        if isinstance(exc, ServiceUnreachable):
            self.unreachable.setdefault(f"{service} ({urlsplit(url).netloc})", exc)
        return exc.reason if isinstance(exc, FetchError) else str(exc)


def _hosts(config: DigestConfig) -> dict[str, float]:
    """Seconds between two requests per host (the larger delay when both sources share a host)."""
    hosts: dict[str, float] = {}
    for name, url, delay in (("arxiv", config.arxiv_url, config.arxiv_delay), ("hf", config.hf_url, config.hf_delay)):
        if name in config.sources:
            host = urlsplit(url).netloc
            hosts[host] = max(hosts.get(host, 0.0), delay)
    return hosts


def _http(
    config: DigestConfig, source: str, fetched: Fetched, offline: bool, transport: httpx.BaseTransport | None
) -> _RecordingHttp:
    """A new HTTP client with the retry settings of ``source`` ("arxiv" or "hf")."""
    retries, backoff = (
        (config.arxiv_retries, config.arxiv_backoff) if source == "arxiv" else (config.hf_retries, config.hf_backoff)
    )
    return _RecordingHttp(
        fetched.responses,
        min_interval=_hosts(config),
        retries=retries,
        backoff=backoff,
        timeout=config.timeout,
        cache_dir=config.cache_dir,
        offline=offline,
        transport=transport,
    )


def _collect_warnings(caught: list[warnings.WarningMessage], where: str, problems: list[ImportProblem]) -> None:
    for w in caught:
        if isinstance(w.message, PartialImportWarning):
            for p in w.message.problems:
                problems.append(ImportProblem(p.source, f"{where}, {p.where}", f"skipped: {p.message}"))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def _fetch_arxiv(config: DigestConfig, http: HttpClient, fetched: Fetched) -> None:
    from ..sources.arxiv import ArxivClient, ArxivQuery

    client = ArxivClient(base_url=config.arxiv_url, page_size=min(100, config.max_per_keyword), http=http)
    for keyword in config.keywords:
        query = ArxivQuery(
            arxiv_search(keyword),
            sort_by="lastUpdatedDate",
            sort_order="descending",
            max_results=config.max_per_keyword,
        )
        where = f"arXiv, keyword {keyword!r}"
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", PartialImportWarning)
                papers = list(client.results(query))
        except FetchError as exc:
            fetched.problems.append(
                ImportProblem(where, "", f"query failed: {fetched.failure('arXiv', config.arxiv_url, exc)}")
            )
            fetched.failed.append(keyword)
            continue
        _collect_warnings(caught, where, fetched.problems)
        fetched.answered += 1
        if not papers:
            fetched.problems.append(ImportProblem(where, "", _EMPTY_ANSWER))
            fetched.failed.append(keyword)
        if config.categories:
            papers = [p for p in papers if in_categories(p, config.categories)]
        fetched.found[keyword].extend(papers)


def hf_days(config: DigestConfig, reference: dt.date | None) -> list[dt.date]:
    """The Hugging Face days of a digest, oldest first."""
    until = config.hf_until
    since = config.hf_since or config.since
    if until is None:
        if reference is None:
            raise ParseError(
                "an offline digest with Hugging Face needs a date: give date=/--date, "
                "[hf] until, or run it once online so the state file records one",
                source=config.source,
            )
        until = reference
    if since is None:
        since = until - dt.timedelta(days=config.hf_days - 1)
    if since > until:
        raise ParseError(f"Hugging Face range is empty: since {since} is after until {until}", source=config.source)
    return [since + dt.timedelta(days=i) for i in range((until - since).days + 1)]


def _fetch_hf(config: DigestConfig, http: HttpClient, reference: dt.date | None, fetched: Fetched) -> None:
    from ..sources.hf import HfDailyPapersClient

    hf = HfDailyPapersClient(base_url=config.hf_url, http=http)
    for day in hf_days(config, reference):
        where = f"Hugging Face, daily papers of {day.isoformat()}"
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", PartialImportWarning)
                got = hf.daily(day)
        except (FetchError, ParseError) as exc:
            fetched.problems.append(
                ImportProblem(where, "", f"failed: {fetched.failure('Hugging Face', config.hf_url, exc)}")
            )
            continue
        _collect_warnings(caught, where, fetched.problems)
        fetched.answered += 1
        fetched.hf_papers.extend(p for p in got if (p.upvotes or 0) >= config.hf_min_upvotes)
    for keyword in config.keywords:
        pattern = phrase(keyword)
        matched = [p for p in fetched.hf_papers if pattern.search(p.title) or pattern.search(p.abstract or "")]
        fetched.found[keyword].extend(matched[: config.max_per_keyword])


def fetch(
    config: DigestConfig,
    *,
    offline: bool,
    reference: dt.date | None,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """Ask every source of ``config``; failures are recorded in :attr:`Fetched.problems`, not raised.

    ``reference`` is the last Hugging Face day when the config names none.
    """
    fetched = Fetched(found={k: [] for k in config.keywords})
    if "arxiv" in config.sources:
        with _http(config, "arxiv", fetched, offline, transport) as http:
            _fetch_arxiv(config, http, fetched)
    if "hf" in config.sources:
        with _http(config, "hf", fetched, offline, transport) as http:
            _fetch_hf(config, http, reference, fetched)
    return fetched


def reference_day(
    config: DigestConfig, old_state: Mapping[str, Any] | None, offline: bool, source: str
) -> dt.date | None:
    """The digest's Hugging Face reference day: the config's date, else today (online) or the last state's date."""
    if config.date is not None:
        return config.date
    if offline:
        return parse_date(old_state["date"], "date", source) if old_state else None
    return dt.datetime.now(dt.timezone.utc).date()
