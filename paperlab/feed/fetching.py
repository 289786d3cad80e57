"""The newest papers: arXiv's daily listings (``rss.arxiv.org``) and Hugging Face daily papers.

Every answer is written to the feed's cache folder; an offline run reads only that cache, so the same feed
is rebuilt from the same answers. arXiv's announce types are handled: ``new`` and ``cross`` (a paper listed
from another category) are kept, ``replace`` / ``replace-cross`` (a new version of an older paper) only when
asked; a paper listed in two of the user's categories, or on arXiv and Hugging Face, is one paper.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from ..date_precision import dated_by_arxiv_id
from ..errors import FetchError, ParseError, ServiceUnreachable
from ..library import Library
from ..paper import Paper
from ..sources import HttpClient, Response
from ..sources.arxiv import parse_arxiv_rss
from ..sources.hf import HfDailyPapersClient

__all__ = ["ARXIV_LISTING_URL", "Arrivals", "default_cache_dir", "fetch_arrivals"]

ARXIV_LISTING_URL = "https://rss.arxiv.org/atom"
_MAX_HF_DAYS = 7


def default_cache_dir() -> Path:
    """``feed-cache`` in ``$PAPERLAB_HOME`` (default ``~/.paperlab``)."""
    return Path(os.environ.get("PAPERLAB_HOME") or Path.home() / ".paperlab") / "feed-cache"


class _CachingHttp(HttpClient):
    """Live: always asks the service and overwrites the cache. Offline: reads only the cache."""

    def request(self, method: str, url: str, params: dict[str, Any] | None = None, **kw: Any) -> Response:
        kw["use_cache"] = self.offline
        return super().request(method, url, params, **kw)


@dataclass
class Arrivals:
    """New papers from the sources, and what could not be read.

    Attributes
    ----------
    papers : list of Paper
        One per work, arXiv listing order first.
    replaced : list of Paper
        Papers re-announced as a new version (left out unless asked for).
    failed : list of str
        One message per source that failed (the feed is built from the others).
    unreachable : list of str
        The sources among them that could not be reached at all (``"arXiv"``, ``"Hugging Face"``: offline, an
        unknown host, no answer).
    """

    papers: list[Paper]
    replaced: list[Paper] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)


def _announced(p: Paper) -> dt.date | None:
    """The day a listing announced ``p``: its first version's, else (a replacement) its update's."""
    return p.updated if p.updated and (p.published is None or dated_by_arxiv_id(p.extra)) else p.published


def _arxiv(http: HttpClient, base: str, categories: Sequence[str], since: dt.date) -> tuple[list[Paper], list[Paper]]:
    """New and cross-listed papers of each category's listing, and the replaced ones, announced since ``since``."""
    fresh: list[Paper] = []
    replaced: list[Paper] = []
    for cat in categories:
        resp = http.get(f"{base.rstrip('/')}/{cat}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a single bad entry is skipped; the rest is the listing
            listing = parse_arxiv_rss(resp.content, source=resp.url, retrieved=resp.retrieved)
        for p in listing:
            day = _announced(p)
            if day is not None and day < since:
                continue
            kind = str(p.extra.get("announce_type") or "new")
            (replaced if kind.startswith("replace") else fresh).append(p)
    return fresh, replaced


def _hf(http: HttpClient, base: str | None, since: dt.date, today: dt.date) -> list[Paper]:
    """Hugging Face daily papers of each day from ``since`` to ``today`` (at most a week back)."""
    start = max(since, today - dt.timedelta(days=_MAX_HF_DAYS - 1))
    client = HfDailyPapersClient(base_url=base, http=http)
    papers: list[Paper] = []
    day = start
    while day <= today:
        papers.extend(client.daily(day))
        day += dt.timedelta(days=1)
    return papers


def fetch_arrivals(
    categories: Sequence[str],
    since: dt.date,
    today: dt.date,
    *,
    hf_daily: bool = True,
    include_replaced: bool = False,
    cache_dir: str | Path | None = None,
    offline: bool = False,
    arxiv_url: str | None = None,
    hf_url: str | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Arrivals:
    """Fetch (or, offline, re-read from the cache) the papers announced from ``since`` to ``today``.

    Parameters
    ----------
    categories : sequence of str
        arXiv categories (``cs.LG``...).
    since, today : datetime.date
    hf_daily : bool
        Also read Hugging Face daily papers.
    include_replaced : bool
        Keep papers re-announced as a new version.
    cache_dir : path, optional
        Where answers are kept (default :func:`default_cache_dir`).
    offline : bool
        Read only the cache; a missing answer is reported in ``failed``.
    arxiv_url, hf_url : str, optional
        Service addresses (default ``$PAPERLAB_ARXIV_LISTING_URL`` / ``$PAPERLAB_HF_URL``, else the real ones).
    """
    base = arxiv_url or os.environ.get("PAPERLAB_ARXIV_LISTING_URL") or ARXIV_LISTING_URL
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    failed: list[str] = []
    unreachable: list[str] = []
    fresh: list[Paper] = []
    replaced: list[Paper] = []
    pace = {urlsplit(base).netloc: 3.0}  # arXiv asks for one request per 3 s
    # a source that never answers is given up after 30 s (not the default 60 s), so an offline feed says so sooner
    with _CachingHttp(
        min_interval=pace,
        retries=2,
        timeout=10.0,
        deadline=30.0,
        cache_dir=cache,
        offline=offline,
        transport=transport,
    ) as http:
        if categories:
            try:
                fresh, replaced = _arxiv(http, base, categories, since)
            except (FetchError, ParseError) as exc:
                failed.append(f"arXiv listing: {exc}")
                unreachable += ["arXiv"] if isinstance(exc, ServiceUnreachable) else []
        if hf_daily:
            try:
                fresh.extend(_hf(http, hf_url, since, today))
            except (FetchError, ParseError) as exc:
                failed.append(f"Hugging Face daily papers: {exc}")
                unreachable += ["Hugging Face"] if isinstance(exc, ServiceUnreachable) else []
    if include_replaced:
        fresh.extend(replaced)
    return Arrivals(list(Library(fresh)), replaced, failed, unreachable)
