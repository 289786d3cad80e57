"""Hugging Face Daily Papers: the JSON of ``GET /api/daily_papers`` and a live client.

One item of the daily list looks like ``{"paper": {...}, "title", "summary", "publishedAt",
"organization", "submittedBy", ...}``; older dumps and ``/api/papers`` give the paper fields at
the top level. Both shapes are read; fields inside ``paper`` win over top-level copies.

Field mapping (verified on the fixtures in ``shared/fixtures/hf_daily_papers``):

- ``paper.id`` is the arXiv id; ``url`` is the Hugging Face paper page, ``pdf_url`` the arXiv PDF.
- ``title`` and ``summary`` keep arXiv's 80-column line wraps (``"...Self-supervised\\n  Pre-training"``);
  both are unwrapped (paragraph breaks in the abstract are kept).
- ``authors[].name`` in order. An author with ``"hidden": true`` is still listed: ``hidden`` is
  Hugging Face's flag on the author *entry* (its link to a Hub account is hidden), the person
  is still an author of the arXiv paper and the name is shown on the paper page.
- ``summary`` -> abstract, ``ai_summary``, ``ai_keywords`` -> keywords, ``githubRepo`` -> code_url,
  ``githubStars`` -> github_stars, ``projectPage`` -> project_url, ``organization.fullname``
  (else ``.name``) -> organization, ``upvotes``.
- ``paper.publishedAt`` (the arXiv submission) -> published. The top-level ``publishedAt`` is the
  same instant shifted by -4 h in every real item (not a listing date), so it is only a fallback.
  The day the paper was on the daily list is ``paper.submittedOnDailyAt``, kept as
  ``extra["daily_date"]`` (ISO date; falls back to the top-level ``publishedAt`` when absent).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from ..dates import as_date
from ..errors import ParseError
from ..paper import Paper, SourceRecord
from ._files import as_count, check_paper, parse_json, read_bytes, read_records
from ._http import HttpClient, Response, RetryableResponse

__all__ = ["HfDailyPapersClient", "parse_daily_papers", "read_daily_papers"]

HF_PAPER_URL = "https://huggingface.co/papers/{id}"
ARXIV_PDF_URL = "https://arxiv.org/pdf/{id}"


def _unwrap(text: str | None) -> str | None:
    """Join hard line wraps; keep blank-line paragraph breaks."""
    if not text or not isinstance(text, str):
        return None
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    out = "\n\n".join(p for p in paragraphs if p)
    return out or None


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _iso_date(value: Any, name: str) -> dt.date | None:
    """The date of an ISO timestamp the API gives; None for anything that does not start like one."""
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return as_date(value, name)
    return None


def _organization(value: Any) -> str | None:
    if isinstance(value, dict):
        return _str(value.get("fullname")) or _str(value.get("name"))
    return _str(value)


def _item_to_paper(item: Any, source: str, where: str, retrieved: dt.datetime) -> Paper:
    if not isinstance(item, dict):
        raise ParseError(f"expected a JSON object for a daily paper, got {type(item).__name__}")
    inner = item.get("paper")
    paper: dict[str, Any] = inner if isinstance(inner, dict) else item

    def field(name: str) -> Any:
        value = paper.get(name)
        return item.get(name) if value is None or value == "" else value

    arxiv_id = _str(paper.get("id"))
    if not arxiv_id:
        raise ParseError("missing 'paper.id' (the arXiv id)")
    title = field("title")
    if not isinstance(title, str) or not title.strip():
        raise ParseError(f"paper {arxiv_id}: missing 'title'")
    authors: list[str] = []
    raw_authors = paper.get("authors") or []
    if not isinstance(raw_authors, list):
        raise ParseError(f"paper {arxiv_id}: 'authors': expected a list, got {type(raw_authors).__name__}")
    for a in raw_authors:
        name = a.get("name") if isinstance(a, dict) else a
        if isinstance(name, str) and name.strip():
            authors.append(" ".join(name.split()))
    keywords = field("ai_keywords")
    if not isinstance(keywords, list):
        keywords = []
    submitted_by = item.get("submittedBy") or paper.get("submittedOnDailyBy")
    extra: dict[str, Any] = {}
    daily = _iso_date(paper.get("submittedOnDailyAt"), "'submittedOnDailyAt'") or _iso_date(
        item.get("publishedAt"), "'publishedAt'"
    )
    if daily:
        extra["daily_date"] = daily.isoformat()
    if isinstance(item.get("numComments"), int):
        extra["num_comments"] = item["numComments"]
    if isinstance(submitted_by, dict) and _str(submitted_by.get("user") or submitted_by.get("name")):
        extra["submitted_by"] = _str(submitted_by.get("user") or submitted_by.get("name"))
    try:
        return Paper(
            title=title,
            arxiv_id=arxiv_id,
            authors=authors,
            organization=_organization(field("organization")),
            abstract=_unwrap(field("summary")),
            published=_iso_date(paper.get("publishedAt"), "'publishedAt'")
            or _iso_date(item.get("publishedAt"), "'publishedAt'"),
            url=HF_PAPER_URL.format(id=arxiv_id),
            pdf_url=ARXIV_PDF_URL.format(id=arxiv_id),
            code_url=_str(field("githubRepo")),
            project_url=_str(field("projectPage")),
            upvotes=as_count(field("upvotes"), "upvotes"),
            github_stars=as_count(field("githubStars"), "githubStars"),
            ai_summary=_unwrap(field("ai_summary")),
            keywords=[k for k in keywords if isinstance(k, str)],
            sources=[SourceRecord("hf", source, retrieved, where)],
            extra=extra,
        )
    except ParseError as exc:
        raise ParseError(f"paper {arxiv_id}: {exc}") from None


def parse_daily_papers(data: bytes | str | list[Any] | dict[str, Any], source: str = "<string>") -> list[Paper]:
    """Read Hugging Face ``/api/daily_papers`` JSON.

    Parameters
    ----------
    data : bytes, str, list or dict
        The response body, or already decoded JSON (a list of items, or one item).
    source : str
        File name or URL, used in messages and in each paper's :class:`SourceRecord`.

    Returns
    -------
    list of Paper
        In the order of the list, one per good item.

    Raises
    ------
    ParseError
        If the data is not JSON, not a list of items, or no item is usable. Bad items are
        skipped with a :class:`~paperlab.errors.PartialImportWarning` naming ``record N``
        (1-based position in the list).
    """
    if isinstance(data, (bytes, str)):
        data = parse_json(data, source, expected="a JSON list of Hugging Face daily papers")
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ParseError(f"expected a JSON list of Hugging Face daily papers, got {type(data).__name__}", source=source)
    retrieved = dt.datetime.now(dt.timezone.utc)
    return read_records(
        ((f"record {i}", item) for i, item in enumerate(data, start=1)),
        lambda item, where: check_paper(_item_to_paper(item, source, where, retrieved)),
        source,
        unreadable="expected a Hugging Face daily paper object ({error})",
        expected="Hugging Face daily papers",
    )


def read_daily_papers(path: str | Path) -> list[Paper]:
    """Read a saved ``/api/daily_papers`` JSON file; see :func:`parse_daily_papers`."""
    path = Path(path)
    data = read_bytes(path)
    return parse_daily_papers(data, source=str(path))


def _validate_list(resp: Response) -> None:
    """A 200 whose body is not a JSON list (e.g. cut short) is fetched again."""
    try:
        data = parse_json(resp.content, resp.url)
    except ParseError as exc:
        raise RetryableResponse(f"invalid JSON: {exc}") from None
    if not isinstance(data, list):
        raise RetryableResponse(f"expected a JSON list, got {type(data).__name__}")


class HfDailyPapersClient:
    """Live client for Hugging Face Daily Papers (``GET /api/daily_papers``).

    Query parameters, as documented for the Hub API (https://huggingface.co/docs/hub/en/api,
    section ``GET /api/daily_papers``, linked from huggingface/huggingface_hub#3566) and used by
    ``HfApi.list_daily_papers(date=..., sort="trending", limit=...)``: ``date`` (``YYYY-MM-DD``),
    ``week`` (``YYYY-Www``), ``month`` (``YYYY-MM``), ``sort`` (``publishedAt`` or ``trending``),
    ``limit`` (items per page, at most 100) and ``p`` (page number, from 0).

    Parameters
    ----------
    base_url : str, optional
        Hub address; default ``$PAPERLAB_HF_URL``, else https://huggingface.co
        (tests point either at a local fake server).
    http : HttpClient, optional
        The HTTP layer (retries, pacing, cache); a polite default when omitted. One passed in is
        not closed by :meth:`close` (its owner closes it); the default one is, so use the client
        as a context manager: ``with HfDailyPapersClient() as hf: hf.daily("2025-10-14")``.
    page_size : int
        ``limit`` sent per request (the Hub caps it at 100).
    max_pages : int
        Safety stop when paging a week or a month.
    """

    def __init__(
        self, base_url: str | None = None, http: HttpClient | None = None, *, page_size: int = 100, max_pages: int = 20
    ) -> None:
        self.base_url = (base_url or os.environ.get("PAPERLAB_HF_URL") or "https://huggingface.co").rstrip("/")
        self._owns_http = http is None
        self.http = http if http is not None else HttpClient(min_interval=0.5)
        self.page_size = page_size
        self.max_pages = max_pages

    def close(self) -> None:
        """Close the HTTP client if this client created it (an ``http`` passed in is left to its owner)."""
        if self._owns_http:
            self.http.close()

    def __enter__(self) -> HfDailyPapersClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"HfDailyPapersClient(base_url={self.base_url!r}, http={self.http!r})"

    @property
    def endpoint(self) -> str:
        """URL of the daily papers API."""
        return f"{self.base_url}/api/daily_papers"

    def _fetch(self, params: dict[str, Any], limit: int | None = None) -> list[Paper]:
        """Page with ``p`` until a short page, ``limit`` papers, or a page with nothing new."""
        papers: list[Paper] = []
        seen: set[str] = set()
        size = min(self.page_size, limit) if limit else self.page_size
        for page in range(self.max_pages):
            query = {**params, "limit": size, "p": page}
            resp = self.http.get(self.endpoint, query, validate=_validate_list)
            items = parse_json(resp.content, resp.url)  # valid: checked by _validate_list
            got = parse_daily_papers(items, source=resp.url) if items else []
            new = [p for p in got if p.id not in seen]
            seen.update(p.id for p in new)
            papers.extend(new)
            if len(items) < size or not new or (limit and len(papers) >= limit):
                break
        return papers[:limit] if limit else papers

    def daily(self, date: str | dt.date | None = None, *, limit: int | None = None) -> list[Paper]:
        """Papers on the daily list of ``date`` (``YYYY-MM-DD`` or a date; today's list when omitted)."""
        params: dict[str, Any] = {}
        if date is not None:
            day = as_date(date, "date")  # a ParseError (a ValueError) says YYYY-MM-DD
            if day is not None:
                params["date"] = day.isoformat()
        return self._fetch(params, limit)

    def week(self, week: str, *, limit: int | None = None) -> list[Paper]:
        """Papers of an ISO week, e.g. ``"2025-W42"``."""
        if not re.fullmatch(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])", week):
            raise ValueError(f"expected an ISO week YYYY-Www (e.g. 2025-W42), got {week!r}")
        return self._fetch({"week": week}, limit)

    def month(self, month: str, *, limit: int | None = None) -> list[Paper]:
        """Papers of a month, e.g. ``"2025-10"``."""
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
            raise ValueError(f"expected a month YYYY-MM (e.g. 2025-10), got {month!r}")
        return self._fetch({"month": month}, limit)

    def trending(self, limit: int = 50) -> list[Paper]:
        """The currently trending papers (``sort=trending``), at most ``limit``."""
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        return self._fetch({"sort": "trending"}, limit)
