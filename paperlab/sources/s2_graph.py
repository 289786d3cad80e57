"""References and citations of one paper: Semantic Scholar's graph pages and OpenAlex's ``referenced_works``.

Semantic Scholar (``GET /paper/{id}/references`` and ``/paper/{id}/citations``): pages
``{"offset", "next", "data": [...]}``; each item wraps the other paper in ``citedPaper`` (references) or
``citingPaper`` (citations) next to the edge's ``contexts`` (sentences of the citing paper), ``intents`` and
``isInfluential``. A page without ``next`` is the last. A paper without arXiv id or DOI gets the id
``s2:<paperId>`` when S2 knows it (titles like "Introduction" name many works). Items that are ``null``, wrap ``null`` or a paper
without a title (S2 could not read the reference) are skipped and named in a
:class:`~paperlab.errors.PartialImportWarning`.

OpenAlex (``GET /works/{id}``): the work's ``referenced_works`` (ids only), then the works themselves with
``GET /works?filter=openalex_id:W1|W2…`` (50 per request). OpenAlex gives no citation contexts.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote

from ..errors import FetchError, ParseError, PartialImportWarning, ProblemCollector, warn_partial
from ..paper import Paper
from ._files import check_paper, each_record, parse_json
from ._http import HttpClient, Response, RetryableResponse
from .openalex import parse_openalex
from .semantic_scholar import SemanticScholarClient, _paper, s2_paper_id

__all__ = [
    "Direction",
    "Link",
    "OpenAlexGraphClient",
    "drop_dates_after",
    "fetch_links",
    "parse_link_page",
    "s2_lookup_id",
]

#: ``"references"``: the papers a paper cites; ``"citations"``: the papers that cite it.
Direction = Literal["references", "citations"]
_WRAPPER = {"references": "citedPaper", "citations": "citingPaper"}
LINK_FIELDS = (
    "title,externalIds,authors,venue,journal,year,publicationDate,url,citationCount,referenceCount,"
    "contexts,intents,isInfluential"
)


@dataclass
class Link:
    """One edge seen from a paper: the paper at its other end and what the source says about the citation.

    Parameters
    ----------
    paper : Paper
        The cited paper (for references) or the citing paper (for citations).
    contexts : list of str
        Sentences of the citing paper around the citation (Semantic Scholar only).
    intents : list of str
        Semantic Scholar's citation intents (``background``, ``methodology``, ``result``).
    influential : bool, optional
        Semantic Scholar's ``isInfluential``.
    source : str
        ``"semantic_scholar"`` or ``"openalex"``.
    """

    paper: Paper
    contexts: list[str] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)
    influential: bool | None = None
    source: str = "semantic_scholar"


def _strings(value: Any) -> list[str]:
    return [" ".join(v.split()) for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


def _link(item: Any, wrapper: str, source: str, where: str, retrieved: dt.datetime) -> Link:
    if not isinstance(item, dict):
        raise ParseError(f"expected a JSON object, got {type(item).__name__}")
    inner = item.get(wrapper)
    if not isinstance(inner, dict):
        raise ParseError(f"expected {wrapper!r} to be a paper object, got {type(inner).__name__}")
    paper = check_paper(_paper(item, source, where, retrieved))
    pid = paper.extra.get("paperId")
    if paper.id.startswith("title:") and isinstance(pid, str) and pid:
        # without an arXiv id or DOI, S2's id tells apart the many works called "Introduction" or "Index"
        paper.id = f"s2:{pid}"
    influential = item.get("isInfluential")
    return Link(
        paper,
        contexts=_strings(item.get("contexts")),
        intents=_strings(item.get("intents")),
        influential=influential if isinstance(influential, bool) else None,
    )


def parse_link_page(data: Any, direction: Direction, source: str = "<string>") -> tuple[list[Link], int | None]:
    """One page of ``/paper/{id}/references`` or ``/citations``: its links and the offset of the next page.

    Raises
    ------
    ParseError
        Not a page (no ``data`` list), or an S2 error object. Unusable items are skipped with a
        :class:`~paperlab.errors.PartialImportWarning` naming ``item N`` (1-based, within the page).
    """
    if isinstance(data, (bytes, str)):
        data = parse_json(data, source, expected="a Semantic Scholar page")
    if not isinstance(data, dict):
        raise ParseError(f"expected a Semantic Scholar page object, got {type(data).__name__}", source=source)
    message = data.get("error") or data.get("message")
    if isinstance(message, str) and "data" not in data:
        raise ParseError(f"Semantic Scholar error response: {message}", source=source)
    items = data.get("data", [])
    if not isinstance(items, list):
        raise ParseError(f"'data': expected a list, got {type(items).__name__}", source=source)
    retrieved = dt.datetime.now(dt.timezone.utc)
    problems = ProblemCollector(source)
    links = list(
        each_record(
            ((f"item {i}", item) for i, item in enumerate(items, start=1)),
            lambda item, where: _link(item, _WRAPPER[direction], source, where, retrieved),
            problems,
            unreadable="expected a Semantic Scholar citation item ({error})",
        )
    )
    if problems.problems:
        warn_partial(PartialImportWarning(source, problems.problems, len(links)))
    nxt = data.get("next")
    return links, nxt if isinstance(nxt, int) and not isinstance(nxt, bool) else None


def drop_dates_after(links: list[Link], citing: Paper) -> list[Link]:
    """``links`` (references of ``citing``) with every date more than a year after ``citing``'s own removed: a
    work cannot be cited before it exists, so such a date is a reprint's (S2 gives some old works the year they were
    digitised). The paper keeps ``extra["date_note"]`` naming the date dropped; ``links`` is changed in place."""
    year = citing.year
    if year is None:
        return links
    for link in links:
        paper = link.paper
        if paper.published is not None and paper.published.year > year + 1:
            note = f"dropped {paper.date_text}: after the citing paper ({year})"
            paper.extra = {k: v for k, v in paper.extra.items() if k not in ("date_precision", "date_inferred")}
            paper.extra["date_note"] = note
            paper.published = None
    return links


def s2_lookup_id(paper: Paper) -> str | None:
    """The id under which Semantic Scholar finds ``paper``: its S2 ``paperId``, else ``ARXIV:…``, else ``DOI:…``."""
    pid = paper.extra.get("paperId")
    if isinstance(pid, str) and pid:
        return pid
    if paper.arxiv_id:
        return s2_paper_id(f"arXiv:{paper.arxiv_id}")
    if paper.doi:
        return s2_paper_id(f"DOI:{paper.doi}")
    return None


def fetch_links(
    client: SemanticScholarClient,
    paper_id: str,
    direction: Direction,
    *,
    limit: int | None = 1000,
    page_size: int = 1000,
) -> list[Link]:
    """All references or citations of one paper, page after page (``offset`` / ``next``).

    Parameters
    ----------
    client : SemanticScholarClient
        Paced and retried; its API key is sent.
    paper_id : str
        Any id :func:`~paperlab.sources.semantic_scholar.s2_paper_id` understands.
    direction : {"references", "citations"}
    limit : int, optional
        Most links to read (a much-cited paper has tens of thousands of citations); None for all.
    page_size : int
        ``limit`` of each request (S2 serves at most 1000).

    Raises
    ------
    FetchError
        S2 answered with an error (e.g. HTTP 404 for an unknown paper) or not with a page.
    """
    ident = quote(s2_paper_id(paper_id), safe="/:")
    path = f"/paper/{ident}/{direction}"
    links: list[Link] = []
    offset = 0
    while limit is None or len(links) < limit:
        size = page_size if limit is None else min(page_size, limit - len(links))
        page, url = client._call("GET", path, {"fields": LINK_FIELDS, "offset": offset, "limit": size})
        try:
            found, nxt = parse_link_page(page, direction, source=url)
        except ParseError as exc:
            raise FetchError(f"Semantic Scholar {direction} of {paper_id}: {exc.message}", url=url) from None
        links.extend(found)
        if nxt is None or nxt <= offset:
            break
        offset = nxt
    return links if limit is None else links[:limit]


def _validate_json(resp: Response) -> None:
    try:
        parse_json(resp.content, resp.url)
    except ParseError as exc:
        raise RetryableResponse(f"invalid JSON: {exc}") from None


class OpenAlexGraphClient:
    """The references of a work from OpenAlex (``referenced_works``), as papers.

    Parameters
    ----------
    base_url : str, optional
        API root; default ``$PAPERLAB_OPENALEX_URL``, else ``https://api.openalex.org``.
    mailto : str, optional
        Sent as ``mailto`` (OpenAlex's polite pool).
    http : HttpClient, optional
        Default: ten requests per second at most, retrying 429/5xx. One passed in is not closed by :meth:`close`.
    """

    BATCH = 50

    def __init__(self, base_url: str | None = None, mailto: str | None = None, http: HttpClient | None = None) -> None:
        self.base_url = (base_url or os.environ.get("PAPERLAB_OPENALEX_URL") or "https://api.openalex.org").rstrip("/")
        self.mailto = mailto
        self._owns_http = http is None
        self.http = http if http is not None else HttpClient(min_interval=0.1)

    def close(self) -> None:
        """Close the HTTP client if this client created it."""
        if self._owns_http:
            self.http.close()

    def __repr__(self) -> str:
        return f"OpenAlexGraphClient(base_url={self.base_url!r})"

    def _get(self, path: str, params: dict[str, Any]) -> tuple[Any, str]:
        if self.mailto:
            params = {**params, "mailto": self.mailto}
        resp = self.http.get(f"{self.base_url}{path}", params, validate=_validate_json)
        return parse_json(resp.content, resp.url), resp.url

    def work(self, ident: str) -> Paper:
        """One work by OpenAlex id (``W…``) or ``doi:10.…``."""
        data, url = self._get(f"/works/{quote(ident, safe=':/')}", {})
        papers = parse_openalex(data, source=url)
        if not papers:
            raise FetchError(f"OpenAlex returned no work for {ident!r}", url=url)
        return papers[0]

    def references(self, ident: str) -> list[Link]:
        """The works ``ident`` cites, in the order of its ``referenced_works`` (ids OpenAlex cannot serve are
        left out and named in a :class:`~paperlab.errors.PartialImportWarning`)."""
        work = self.work(ident)
        refs = [r for r in work.extra.get("openalex", {}).get("referenced_works", []) if isinstance(r, str)]
        found: dict[str, Paper] = {}
        url = self.base_url
        for start in range(0, len(refs), self.BATCH):
            chunk = refs[start : start + self.BATCH]
            data, url = self._get("/works", {"filter": "openalex_id:" + "|".join(chunk), "per-page": self.BATCH})
            for paper in parse_openalex(data, source=url) if isinstance(data, dict) and data.get("results") else []:
                found[str(paper.extra.get("openalex", {}).get("id"))] = paper
        missing = [r for r in refs if r not in found]
        if missing:
            problems = ProblemCollector(url)
            for ref in missing:
                problems.add(f"id {ref}", "referenced work not served by OpenAlex")
            warn_partial(PartialImportWarning(url, problems.problems, len(found)))
        return [Link(found[r], source="openalex") for r in refs if r in found]
