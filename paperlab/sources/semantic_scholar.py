"""Semantic Scholar Academic Graph API: its JSON and a live client.

Accepted shapes (all seen in real responses, see ``shared/fixtures/semantic_scholar``):

- search / match / citations / references pages: ``{"total", "offset", "next", "data": [...]}``;
  an empty search is ``{"total": 0, "offset": 0}`` without ``data`` and gives ``[]``;
- a batch (``POST /paper/batch``): a list whose items are ``null`` for ids S2 does not know;
  those positions are skipped silently (the client, which knows the ids, names them);
- one paper (``GET /paper/{id}``);
- citations / references: items wrapping the paper in ``citingPaper`` / ``citedPaper``;
- recommendations (``/recommendations/v1/papers/…``): ``{"recommendedPapers": [...]}``;
- author papers pages (``/author/{id}/papers``): ``{"offset", "next", "data": [papers]}``;
- an Author object (``/author/{id}?fields=papers…``) or author search/batch items: their ``papers``;
- a vcrpy YAML cassette of recorded answers: every interaction's body (:func:`parse_s2_cassette`).

Field mapping: ``externalIds.ArXiv`` -> arxiv_id, ``externalIds.DOI`` -> doi, ``authors[].name``,
``abstract``, ``tldr.text`` -> ai_summary, ``journal`` (name, volume, pages; else a non-arXiv
``venue``) -> journal_ref, ``publicationDate`` (else 1 January of ``year``; an earlier year in the DBLP key
wins, see :mod:`paperlab.sources._s2_dates`) -> published,
``openAccessPdf.url`` (else the arXiv PDF) -> pdf_url, ``url`` -> url.
``paperId`` and ``externalIds`` (CorpusId, DBLP, ACL, MAG, PubMed, PubMedCentral) also go to ``external_ids``.
``paperId``, ``corpusId``, ``citationCount``, ``referenceCount``, ``influentialCitationCount``,
``venue``, ``year``, ``fieldsOfStudy``, ``publicationTypes``, ``externalIds`` and, for
citation items, ``isInfluential`` / ``intents`` go to ``extra`` under S2's own names.
The SPECTER ``embedding``, nested ``citations`` / ``references`` and ``citationStyles`` are not kept.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import FetchError, ImportProblem, ParseError, PartialImportWarning, warn_partial
from ..paper import Paper, SourceRecord, normalize_arxiv_id
from ._cassette import Interaction, cassette_records, is_cassette
from ._files import check_paper, parse_json, read_bytes, read_records
from ._http import HttpClient, HTTPStatusError, Response, RetryableResponse
from ._s2_dates import s2_date

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "SemanticScholarClient",
    "is_cassette",
    "parse_s2_cassette",
    "parse_semantic_scholar",
    "read_semantic_scholar",
    "s2_api_key",
]

S2_PAPER_URL = "https://www.semanticscholar.org/paper/{id}"
_EXTRA_KEYS = (
    "paperId",
    "corpusId",
    "citationCount",
    "referenceCount",
    "influentialCitationCount",
    "venue",
    "year",
    "fieldsOfStudy",
    "publicationTypes",
    "externalIds",
    "matchScore",
)
_WRAPPERS = ("citingPaper", "citedPaper")
# externalIds -> Paper.external_ids (ArXiv and DOI have fields of their own)
_S2_IDS = {"CorpusId": "corpus", "DBLP": "dblp", "ACL": "acl", "MAG": "mag", "PubMed": "pmid", "PubMedCentral": "pmcid"}


def _str(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _journal_ref(paper: dict[str, Any]) -> str | None:
    journal = paper.get("journal")
    if isinstance(journal, dict) and _str(journal.get("name")):
        ref = _str(journal["name"]) or ""
        if _str(journal.get("volume")):
            ref += f" {_str(journal['volume'])}"
        if _str(journal.get("pages")):
            ref += f", {_str(journal['pages'])}"
        return ref
    venue = _str(paper.get("venue"))
    if venue and venue.lower() not in ("arxiv", "arxiv.org"):
        return venue
    return None


def _paper(obj: dict[str, Any], source: str, where: str, retrieved: dt.datetime) -> Paper:
    """One S2 paper object (or a citation wrapping one) -> Paper."""
    wrapper: dict[str, Any] = {}
    for key in _WRAPPERS:
        if isinstance(obj.get(key), dict):
            wrapper, obj = obj, obj[key]
            break
    title = obj.get("title")
    if not isinstance(title, str) or not title.strip():
        ident = obj.get("paperId") or obj.get("authorId")
        what = "an author" if "authorId" in obj else "a paper"
        raise ParseError(
            f"expected a paper with a 'title' (request fields=title), got {what}"
            + (f" {ident}" if ident else "")
            + f" with keys {sorted(obj)[:6]}"
        )
    ext = obj.get("externalIds")
    external: dict[str, Any] = ext if isinstance(ext, dict) else {}
    found = normalize_arxiv_id(str(external.get("ArXiv") or "")) if external.get("ArXiv") else None
    arxiv_id = found[0] if found else None
    raw_authors = obj.get("authors") or []
    if not isinstance(raw_authors, list):
        raise ParseError(f"'authors': expected a list of author objects, got {type(raw_authors).__name__}")
    authors = [_str(a.get("name")) for a in raw_authors if isinstance(a, dict)]
    tldr = obj.get("tldr")
    oa_pdf = obj.get("openAccessPdf")
    pdf_url = _str(oa_pdf.get("url")) if isinstance(oa_pdf, dict) else None
    if not pdf_url and arxiv_id:
        pdf_url = f"https://arxiv.org/pdf/{arxiv_id}"
    paper_id = _str(obj.get("paperId"))
    extra: dict[str, Any] = {k: obj[k] for k in _EXTRA_KEYS if obj.get(k) not in (None, "", [], {})}
    if "corpusId" not in extra and isinstance(external.get("CorpusId"), int):
        extra["corpusId"] = external["CorpusId"]
    for key in ("isInfluential", "intents"):
        if wrapper.get(key) not in (None, []):
            extra[key] = wrapper[key]
    if wrapper:
        extra["relation"] = "citing" if "citingPaper" in wrapper else "cited"
    ids = {name: str(external[k]) for k, name in _S2_IDS.items() if isinstance(external.get(k), (str, int))}
    if paper_id:
        ids["s2"] = paper_id
    published, dated = s2_date(obj)
    extra.update(dated)
    return Paper(
        title=title,
        arxiv_id=arxiv_id,
        doi=_str(external.get("DOI")),
        authors=[a for a in authors if a],
        abstract=_str(obj.get("abstract")),
        ai_summary=_str(tldr.get("text")) if isinstance(tldr, dict) else None,
        journal_ref=_journal_ref(obj),
        published=published,
        url=_str(obj.get("url")) or (S2_PAPER_URL.format(id=paper_id) if paper_id else None),
        pdf_url=pdf_url,
        sources=[SourceRecord("semantic_scholar", source, retrieved, where)],
        extra=extra,
        external_ids={k: v for k, v in ids.items() if v.strip()},
    )


def _expand(label: str, item: Any) -> list[tuple[str, Any]]:
    """An author object with embedded ``papers`` (author search, author batch) stands for its papers."""
    if isinstance(item, dict) and "authorId" in item and "title" not in item and isinstance(item.get("papers"), list):
        return [(f"{label}, paper {j}", p) for j, p in enumerate(item["papers"], start=1)]
    return [(label, item)]


def _listed(items: list[Any], label: str = "record") -> list[tuple[str, Any]]:
    return [pair for i, x in enumerate(items, start=1) for pair in _expand(f"{label} {i}", x)]


def _items(data: Any, source: str) -> list[tuple[str, Any]]:
    """The records of any accepted shape, each with its position label."""
    if isinstance(data, list):
        return _listed(data)
    if not isinstance(data, dict):
        raise ParseError(f"expected a Semantic Scholar JSON object or list, got {type(data).__name__}", source=source)
    for key in ("data", "recommendedPapers"):
        if key in data:
            if not isinstance(data[key], list):
                raise ParseError(f"{key!r}: expected a list, got {type(data[key]).__name__}", source=source)
            return _listed(data[key])
    if "title" in data or "paperId" in data or any(k in data for k in _WRAPPERS):
        return [("paper", data)]
    if "authorId" in data and isinstance(data.get("papers"), list):
        return _listed(data["papers"], "paper")  # an Author object with its papers
    if {"total", "offset"} <= set(data) or set(data) <= {"total", "offset", "next"}:
        return []  # an empty result page has no 'data' key at all
    message = data.get("error") or data.get("message")
    if isinstance(message, str):
        raise ParseError(f"Semantic Scholar error response: {message}", source=source)
    raise ParseError(
        "expected a Semantic Scholar paper, search page, batch, citation, recommendation or author papers list, "
        f"got an object with keys {sorted(data)[:8]}",
        source=source,
    )


def _read(items: Iterable[tuple[str, Any]], source: str) -> list[Paper]:
    """The papers of ``items`` (a paper object, or the ParseError of an answer that gave none), one record loop;
    ``null`` (a batch position of an id S2 does not know) is no record."""
    retrieved = dt.datetime.now(dt.timezone.utc)

    def to_paper(item: Any, where: str) -> Paper:
        if not isinstance(item, dict):
            raise ParseError(f"expected a JSON object, got {type(item).__name__}")
        return check_paper(_paper(item, source, where, retrieved))

    return read_records(
        ((where, item) for where, item in items if item is not None),
        to_paper,
        source,
        unreadable="expected a Semantic Scholar paper object ({error})",
        expected="Semantic Scholar papers",
    )


def parse_semantic_scholar(data: bytes | str | list[Any] | dict[str, Any], source: str = "<string>") -> list[Paper]:
    """Read Semantic Scholar Graph API JSON (search page, batch, one paper, citations/references,
    recommendations, author papers, an Author object with its ``papers``).

    Parameters
    ----------
    data : bytes, str, list or dict
        A response body, or already decoded JSON.
    source : str
        File name or URL, used in messages and each paper's :class:`SourceRecord`.

    Returns
    -------
    list of Paper
        One per paper, in order; ``null`` batch entries are skipped; an empty result gives ``[]``.

    Raises
    ------
    ParseError
        If the data is not JSON, is an S2 error object, or no record is usable. Unusable records
        (e.g. without a title) are skipped with a :class:`~paperlab.errors.PartialImportWarning`
        naming ``record N`` (1-based).
    """
    if isinstance(data, (bytes, str)):
        data = parse_json(data, source, expected="a Semantic Scholar response")
    return _read(_items(data, source), source)


def parse_s2_cassette(data: bytes, source: str = "<string>") -> list[Paper]:
    """Read the Semantic Scholar answers recorded in a vcrpy YAML cassette, every interaction in order.

    Each 2xx JSON body is read as by :func:`parse_semantic_scholar` (records are named
    ``interaction N, record M``); error answers (404, 403, an ``{"error": …}`` body) are problems of their
    interaction, so a cassette of paginated citations gives every page's papers.

    Raises
    ------
    ParseError
        Not a cassette, or no usable paper in any interaction (an empty search alone gives ``[]``).
    """
    return _read(_cassette_items(data, source), source)


def _cassette_items(data: bytes, source: str) -> Iterator[tuple[str, Any]]:
    """Every 2xx answer's papers named ``interaction N, record M``; an answer that gives none is its ParseError."""

    def papers(ix: Interaction) -> list[tuple[str, Any]]:
        body = parse_json(ix.body or "", source, ix.where, expected="a Semantic Scholar response")
        if ix.status is not None and not 200 <= ix.status < 300:
            said = body.get("error") or body.get("message") if isinstance(body, dict) else None
            raise ParseError(f"HTTP {ix.status} answer: {said or 'no papers'} ({ix.method} {ix.uri[:200]})")
        return _items(body, source)

    return cassette_records(data, source, papers)


def read_semantic_scholar(path: str | Path) -> list[Paper]:
    """Read a saved Semantic Scholar JSON response (see :func:`parse_semantic_scholar`) or a YAML cassette of
    recorded answers (see :func:`parse_s2_cassette`)."""
    path = Path(path)
    data = read_bytes(path)
    if path.suffix.lower() in (".yaml", ".yml") or is_cassette(data):
        return parse_s2_cassette(data, source=str(path))
    return parse_semantic_scholar(data, source=str(path))


def _validate_json(resp: Response) -> None:
    try:
        parse_json(resp.content, resp.url)
    except ParseError as exc:
        raise RetryableResponse(f"invalid JSON: {exc}") from None


def s2_paper_id(identifier: str) -> str:
    """An identifier in the form the Graph API expects in ``/paper/{id}``.

    ``"arXiv:2106.15928"``, ``"2106.15928"`` and arXiv URLs become ``ARXIV:2106.15928``; a bare DOI
    (``10.…``) or a doi.org URL becomes ``DOI:10.…``; S2 ids, ``CorpusId:…``, ``DOI:…`` and other
    prefixed ids pass through.
    """
    text = identifier.strip()
    if not text:
        raise ValueError("empty paper id")
    m = re.match(r"(?i)(arxiv|doi):(.+)$", text)
    if m:
        return f"{m.group(1).upper()}:{m.group(2).strip()}"
    doi = re.match(r"(?i)^(?:https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", text)
    if doi:
        return f"DOI:{doi.group(1)}"
    if re.fullmatch(r"[0-9a-f]{40}", text) or ":" in text and not text.lower().startswith("http"):
        return text
    found = normalize_arxiv_id(text)
    if found:
        return f"ARXIV:{found[0]}"
    return text


S2_KEY_VARIABLES = ("PAPERLAB_S2_API_KEY", "SEMANTIC_SCHOLAR_API_KEY")


def s2_api_key() -> str | None:
    """The Semantic Scholar API key of this user, or None.

    The first non-empty of ``$PAPERLAB_S2_API_KEY``, ``$SEMANTIC_SCHOLAR_API_KEY`` and ``api_key`` in the
    ``[semantic_scholar]`` table of ``$PAPERLAB_HOME/config.toml`` (read at call time). A config file that
    cannot be read gives a warning naming it, and no key.
    """
    for name in S2_KEY_VARIABLES:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    path = _config_path()
    if not path.is_file():
        return None
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("semantic_scholar", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        warnings.warn(f"{path}: cannot read the config file ({exc}); no Semantic Scholar API key", stacklevel=3)
        return None
    found: Any = table.get("api_key") if isinstance(table, dict) else None
    if found is not None and not isinstance(found, str):
        warnings.warn(f"{path}: [semantic_scholar] api_key must be a string; ignored", stacklevel=3)
        return None
    return found.strip() or None if found else None


def _config_path() -> Path:
    """``$PAPERLAB_HOME/config.toml`` (the per-user data folder when ``PAPERLAB_HOME`` is unset)."""
    home = os.environ.get("PAPERLAB_HOME")
    if not home:
        import platformdirs

        home = platformdirs.user_data_dir("paperlab", appauthor=False)
    return Path(home).expanduser() / "config.toml"


class SemanticScholarClient:
    """Live client for the Semantic Scholar Academic Graph API.

    Endpoints (https://api.semanticscholar.org/api-docs/graph): ``GET /paper/search`` (pages of at
    most 100 with ``offset``/``limit``; the response's ``next`` is the following offset),
    ``GET /paper/{id}``, ``POST /paper/batch`` with ``{"ids": [...]}`` (at most 500 ids).
    An API key goes in the ``x-api-key`` header. ``tldr`` is requested only for single papers:
    search and batch are asked for the same fields as danielnsilva/semanticscholar's
    ``Paper.SEARCH_FIELDS`` (no ``tldr``/``embedding``).

    Parameters
    ----------
    base_url : str, optional
        API root; default ``$PAPERLAB_SEMANTIC_SCHOLAR_URL``, else the public Graph API
        (tests point either at a local fake server).
    api_key : str, optional
        Sent as ``x-api-key`` (never to another host, even on a redirect); without a key requests share
        S2's public rate-limit pool. Default: :func:`s2_api_key` (``$PAPERLAB_S2_API_KEY``,
        ``$SEMANTIC_SCHOLAR_API_KEY``, or ``api_key`` in ``[semantic_scholar]`` of ``$PAPERLAB_HOME/config.toml``),
        which keeps the key out of the command line and the process list.
    http : HttpClient, optional
        The HTTP layer; by default one request per second (S2's rate for a key), retrying 429/5xx.
        One passed in is not closed by :meth:`close` (its owner closes it); the default one is, so use
        the client as a context manager: ``with SemanticScholarClient() as s2: s2.paper("arXiv:1706.03762")``.
    """

    SEARCH_FIELDS = (
        "title,externalIds,authors,abstract,venue,journal,year,publicationDate,openAccessPdf,"
        "url,citationCount,referenceCount,influentialCitationCount,fieldsOfStudy,publicationTypes"
    )
    PAPER_FIELDS = SEARCH_FIELDS + ",corpusId,tldr"
    BATCH_SIZE = 500
    PAGE_SIZE = 100

    def __init__(self, base_url: str | None = None, api_key: str | None = None, http: HttpClient | None = None) -> None:
        self.base_url = (
            base_url or os.environ.get("PAPERLAB_SEMANTIC_SCHOLAR_URL") or "https://api.semanticscholar.org/graph/v1"
        ).rstrip("/")
        self.api_key = api_key if api_key is not None else s2_api_key()
        self._owns_http = http is None
        self.http = http if http is not None else HttpClient(min_interval=1.0)

    def close(self) -> None:
        """Close the HTTP client if this client created it (an ``http`` passed in is left to its owner)."""
        if self._owns_http:
            self.http.close()

    def __enter__(self) -> SemanticScholarClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        key = "set" if self.api_key else None
        return f"SemanticScholarClient(base_url={self.base_url!r}, api_key={key!r}, http={self.http!r})"

    @property
    def _headers(self) -> dict[str, str] | None:
        return {"x-api-key": self.api_key} if self.api_key else None

    def _call(self, method: str, path: str, params: dict[str, Any], body: Any = None) -> tuple[Any, str]:
        """One request; S2's error objects (``{"error": ...}`` / ``{"message": ...}``) become
        :class:`~paperlab.sources._http.HTTPStatusError` (a FetchError carrying the status)."""
        url = f"{self.base_url}{path}"
        resp = self.http.request(
            method,
            url,
            params,
            json=body,
            headers=self._headers,
            validate=_validate_json,
            ok_statuses=frozenset({200, 400, 403, 404}),
        )
        if resp.status != 200:
            try:
                err = parse_json(resp.content, resp.url)
                said = err.get("error") or err.get("message") if isinstance(err, dict) else None
                message = said if isinstance(said, str) else None
            except ParseError:
                message = None
            raise HTTPStatusError(
                f"Semantic Scholar HTTP {resp.status}: {message or resp.text[:200]}", url=resp.url, status=resp.status
            )
        return parse_json(resp.content, resp.url), resp.url  # valid: checked by _validate_json

    def search(
        self, query: str, *, limit: int = 100, fields: str | Iterable[str] | None = None, **filters: Any
    ) -> list[Paper]:
        """Relevance search; pages with ``offset`` until ``limit`` papers or no ``next`` page.

        Parameters
        ----------
        query : str
            Plain-text query.
        limit : int
            Most papers to return (S2 serves at most 1000 per query this way).
        fields : str or iterable of str, optional
            Fields to request; ``title`` is always added. Defaults to :attr:`SEARCH_FIELDS`.
        **filters
            Other S2 parameters, e.g. ``year="2020-2023"``, ``venue="ArXiv"``, ``openAccessPdf=""``.
        """
        if not query.strip():
            raise ValueError("empty search query")
        wanted = _fields(fields, self.SEARCH_FIELDS)
        papers: list[Paper] = []
        offset = 0
        while len(papers) < limit:
            size = min(self.PAGE_SIZE, limit - len(papers))
            page, url = self._call(
                "GET", "/paper/search", {"query": query, **filters, "fields": wanted, "offset": offset, "limit": size}
            )
            papers.extend(parse_semantic_scholar(page, source=url))
            nxt = page.get("next") if isinstance(page, dict) else None
            if not isinstance(nxt, int) or nxt <= offset or not page.get("data"):
                break
            offset = nxt
        return papers[:limit]

    def paper(self, paper_id: str, *, fields: str | Iterable[str] | None = None) -> Paper:
        """One paper by S2 id, ``arXiv:…`` id, DOI or ``CorpusId:…`` (see :func:`s2_paper_id`).

        Raises
        ------
        FetchError
            With S2's message, e.g. ``Paper with id … not found`` (HTTP 404).
        """
        ident = s2_paper_id(paper_id)
        data, url = self._call(
            "GET", f"/paper/{quote(ident, safe='/:')}", {"fields": _fields(fields, self.PAPER_FIELDS)}
        )
        papers = parse_semantic_scholar(data, source=url)
        if not papers:
            raise FetchError(f"Semantic Scholar returned no paper for {paper_id!r}", url=url)
        return papers[0]

    def papers(self, ids: Iterable[str], *, fields: str | Iterable[str] | None = None) -> list[Paper]:
        """Many papers with ``POST /paper/batch`` (500 ids per request), in the order of ``ids``.

        Ids S2 does not know are left out and named in a
        :class:`~paperlab.errors.PartialImportWarning`.

        Raises
        ------
        FetchError
            If none of the ids was found, or S2 answered with an error.
        """
        idents = [s2_paper_id(i) for i in ids]
        if not idents:
            return []
        wanted = _fields(fields, self.SEARCH_FIELDS)
        out: list[Paper] = []
        missing: list[ImportProblem] = []
        url = f"{self.base_url}/paper/batch"
        for start in range(0, len(idents), self.BATCH_SIZE):
            chunk = idents[start : start + self.BATCH_SIZE]
            data, url = self._call("POST", "/paper/batch", {"fields": wanted}, {"ids": chunk})
            if not isinstance(data, list) or len(data) != len(chunk):
                raise FetchError(f"expected a JSON list of {len(chunk)} items from the batch endpoint", url=url)
            for ident, item in zip(chunk, data, strict=True):
                if item is None:
                    missing.append(ImportProblem(url, f"id {ident}", "not found by Semantic Scholar"))
            out.extend(parse_semantic_scholar(data, source=url))
        if missing and not out:
            raise FetchError(f"none of the {len(idents)} ids was found by Semantic Scholar", url=url)
        if missing:
            warn_partial(PartialImportWarning(url, missing, len(out)))
        return out


def _fields(fields: str | Iterable[str] | None, default: str) -> str:
    if fields is None:
        return default
    names = [f.strip() for f in (fields.split(",") if isinstance(fields, str) else fields) if f.strip()]
    if "title" not in names:
        names.insert(0, "title")
    return ",".join(names)
