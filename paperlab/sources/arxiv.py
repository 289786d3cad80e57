"""arXiv: the Atom API feed, the Kaggle arXiv metadata snapshot, and a live API client.

* :func:`parse_atom` / :func:`read_atom` read Atom feeds of ``export.arxiv.org/api/query``,
  both the 2025/26 serialisation and the older one (per-element namespace
  declarations, 80-column wrapped titles and abstracts).
* :func:`iter_kaggle` / :func:`read_kaggle` stream the JSON-lines
  ``arxiv-metadata-oai-snapshot`` published on Kaggle.
* :class:`ArxivQuery` describes a search; :class:`ArxivClient` pages, paces (one request
  per 3 s, as arXiv asks) and retries it; :func:`search_arxiv` is the one-call shortcut.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson
from lxml import etree

from ..errors import FetchError, ParseError, PartialImportWarning, ProblemCollector
from ..library import Library
from ..paper import Paper, SourceRecord
from ._files import read_bytes
from ._http import HttpClient, Response, RetryableResponse

__all__ = [
    "ARXIV_API_URL",
    "ArxivClient",
    "ArxivQuery",
    "AtomPage",
    "iter_kaggle",
    "parse_atom",
    "read_atom",
    "read_kaggle",
    "search_arxiv",
]

ARXIV_API_URL = "https://export.arxiv.org/api/query"

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
# arXiv marks a new paragraph by indenting the next line; a bare newline is only a wrap.
_PARAGRAPH = re.compile(r"\n[ \t]+")
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def _one_line(text: Any) -> str | None:
    """Collapse all whitespace (wrapped titles, comments); None for empty or non-text."""
    if not text or not isinstance(text, str):
        return None
    return " ".join(text.split()) or None


def _unwrap(text: str | None) -> str | None:
    """Unwrap an arXiv abstract: drop leading spaces and line wraps, keep paragraph breaks."""
    if not text:
        return None
    text = text.strip()
    # Fast path (most abstracts): wrapped with bare newlines only. If joining the lines leaves
    # no double space and no unprintable character (every whitespace but the space is one; an
    # indented line, i.e. a new paragraph, gives a double space or a tab), it is the answer.
    joined = text.replace("\n", " ")
    if "  " not in joined and (
        not joined.encode("ascii").translate(None, _PRINTABLE_ASCII) if joined.isascii() else joined.isprintable()
    ):
        return joined or None
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH.split(text))
    return "\n".join(p for p in paragraphs if p) or None


def _iso_date(text: Any, name: str) -> dt.date | None:
    """'2022-02-24T15:05:19Z' or '2008-11-26' -> date; None when absent."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise ParseError(f"{name}: expected an ISO date, got {text.strip()!r}") from None


# -- Atom --------------------------------------------------------------------------------------


@dataclass
class AtomPage:
    """One page of an arXiv Atom feed.

    Parameters
    ----------
    papers : list of Paper
        The entries of the page, in feed order.
    total_results : int
        ``opensearch:totalResults``: matches of the whole query.
    start_index : int
        ``opensearch:startIndex``: offset of the first entry.
    items_per_page : int
        ``opensearch:itemsPerPage``: the page size asked for.
    """

    papers: list[Paper] = field(default_factory=list)
    total_results: int = 0
    start_index: int = 0
    items_per_page: int = 0

    def __repr__(self) -> str:
        return (
            f"AtomPage({len(self.papers)} papers, total_results={self.total_results}, "
            f"start_index={self.start_index}, items_per_page={self.items_per_page})"
        )


_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    return "".join(el.itertext())


def _int_child(root: etree._Element, tag: str, default: int, source: str) -> int:
    text = _text(root.find(_OPENSEARCH + tag))
    if text is None or not text.strip():
        return default
    try:
        return int(text.strip())
    except ValueError:
        raise ParseError(f"opensearch:{tag}: expected an integer, got {text.strip()!r}", source=source) from None


def _is_error_entry(entry: etree._Element) -> bool:
    entry_id = _text(entry.find(_ATOM + "id")) or ""
    return "/api/errors" in entry_id or (
        (_text(entry.find(_ATOM + "title")) or "").strip() == "Error" and "arxiv.org/api" in entry_id
    )


def _entry_to_paper(entry: etree._Element, source: SourceRecord) -> Paper:
    entry_id = (_text(entry.find(_ATOM + "id")) or "").strip()
    if not entry_id:
        raise ParseError("expected an <id> with the arXiv abstract URL")
    title = _one_line(_text(entry.find(_ATOM + "title")))
    if not title:
        raise ParseError(f"entry {entry_id}: expected a non-empty <title>")
    authors: list[str] = []
    affiliations: dict[str, list[str]] = {}
    for author in entry.iterfind(_ATOM + "author"):
        name = _one_line(_text(author.find(_ATOM + "name")))
        if not name:
            continue
        authors.append(name)
        affs = [a for a in (_one_line(_text(x)) for x in author.iterfind(_ARXIV + "affiliation")) if a]
        if affs:
            affiliations[name] = affs
    url = pdf_url = link_doi = None
    for link in entry.iterfind(_ATOM + "link"):
        href = link.get("href")
        if link.get("title") == "pdf":
            pdf_url = href
        elif link.get("title") == "doi":
            link_doi = href
        elif link.get("rel") == "alternate":
            url = href
    primary = entry.find(_ARXIV + "primary_category")
    published = _text(entry.find(_ATOM + "published"))
    updated = _text(entry.find(_ATOM + "updated"))
    return Paper(
        title=title,
        arxiv_id=entry_id,
        authors=authors,
        abstract=_unwrap(_text(entry.find(_ATOM + "summary"))),
        published=_iso_date(published, "<published>"),
        updated=_iso_date(updated, "<updated>"),
        categories=[t for t in (c.get("term") for c in entry.iterfind(_ATOM + "category")) if t],
        primary_category=primary.get("term") if primary is not None else None,
        comment=_one_line(_text(entry.find(_ARXIV + "comment"))),
        journal_ref=_one_line(_text(entry.find(_ARXIV + "journal_ref"))),
        doi=_one_line(_text(entry.find(_ARXIV + "doi"))) or link_doi,
        url=url or entry_id,
        pdf_url=pdf_url,
        sources=[source],
        extra={"affiliations": affiliations} if affiliations else {},
    )


def parse_atom(data: bytes, source: str = "<string>", *, retrieved: dt.datetime | None = None) -> AtomPage:
    """Parse one arXiv API Atom feed.

    Parameters
    ----------
    data : bytes
        The feed as received (UTF-8 XML).
    source : str
        File name or URL, used in error messages and in each paper's
        :class:`~paperlab.paper.SourceRecord`.
    retrieved : datetime, optional
        When the feed was fetched (default: now).

    Returns
    -------
    AtomPage
        Papers plus the feed's paging numbers; an empty result gives no papers and
        ``total_results == 0``.

    Raises
    ------
    ParseError
        If the data is not an Atom feed, or if arXiv answered with its error entry
        (the message then quotes what arXiv said, e.g. ``incorrect id format for abc``).
        Single bad entries are skipped with a
        :class:`~paperlab.errors.PartialImportWarning`.
    """
    try:
        root = etree.fromstring(data, _XML_PARSER)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise ParseError(
            f"expected an arXiv Atom XML feed, but the XML is broken: {exc.msg}",
            source=source,
            where=f"line {line}" if line else None,
        ) from None
    if root is None or root.tag != _ATOM + "feed":
        tag = etree.QName(root).localname if root is not None else "nothing"
        raise ParseError(f"expected an Atom <feed> root element, got <{tag}>", source=source)
    entries = root.findall(_ATOM + "entry")
    for entry in entries:
        if _is_error_entry(entry):
            said = _one_line(_text(entry.find(_ATOM + "summary"))) or _text(entry.find(_ATOM + "id"))
            raise ParseError(f"arXiv API error: {said}", source=source)
    when = retrieved or dt.datetime.now(dt.timezone.utc)
    problems = ProblemCollector(source)
    papers: list[Paper] = []
    for i, entry in enumerate(entries, 1):
        record = SourceRecord("arxiv", source, when, f"entry {i}")
        try:
            papers.append(_entry_to_paper(entry, record))
        except ParseError as exc:
            problems.add(f"entry {i} (line {entry.sourceline})", str(exc))
    papers = problems.finish(papers, expected="arXiv entries")
    return AtomPage(
        papers=papers,
        total_results=_int_child(root, "totalResults", len(papers), source),
        start_index=_int_child(root, "startIndex", 0, source),
        items_per_page=_int_child(root, "itemsPerPage", len(papers), source),
    )


def read_atom(path: str | Path) -> list[Paper]:
    """Read a saved arXiv API Atom feed (``.xml`` / ``.atom``).

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    list of Paper

    Raises
    ------
    ParseError
        Not an Atom feed, or an arXiv error feed (see :func:`parse_atom`).
    """
    path = Path(path)
    data = read_bytes(path)
    return parse_atom(data, source=str(path)).papers


# -- Kaggle arXiv metadata (OAI snapshot, JSON lines) ---------------------------------------------

_MONTHS = {
    m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)
}
_latex_converter: Any = None


def _delatex(text: str) -> str:
    """LaTeX accents and macros in a name -> Unicode (pylatexenc only when needed, for speed)."""
    if "\\" not in text and "{" not in text:
        return text
    global _latex_converter
    if _latex_converter is None:
        from pylatexenc.latex2text import LatexNodes2Text

        _latex_converter = LatexNodes2Text()
    try:
        return " ".join(_latex_converter.latex_to_text(text).split())
    except Exception:  # pylatexenc is lenient, but never let one odd name sink a record
        return text


def _rfc2822_date(value: str) -> dt.date | None:
    """'Mon, 2 Apr 2007 19:18:42 GMT' -> date(2007, 4, 2), fast path first."""
    parts = value.split()
    try:
        return dt.date(int(parts[3]), _MONTHS[parts[2]], int(parts[1]))
    except (IndexError, KeyError, ValueError):
        try:
            return email.utils.parsedate_to_datetime(value).date()
        except (TypeError, ValueError):
            return None


def _kaggle_authors(record: dict[str, Any]) -> tuple[list[str], dict[str, list[str]]]:
    parsed = record.get("authors_parsed")
    names: list[str] = []
    affiliations: dict[str, list[str]] = {}
    if isinstance(parsed, list) and parsed:
        for item in parsed:
            if not isinstance(item, list) or not item:
                continue
            # [last, first, suffix, affiliation...]
            if len(item) >= 3 and type(item[0]) is str and type(item[1]) is str and type(item[2]) is str:
                last, first, suffix = item[0], item[1], item[2]  # the usual shape: no str() calls
                name = (f"{first} {last}" if last else first) if first else last
                if suffix:
                    name = f"{name} {suffix}" if name else suffix
            else:
                name = " ".join(str(p) for p in (item[1:2] + item[0:1] + item[2:3]) if p)
            if "\\" in name or "{" in name:
                name = _delatex(name)
            elif "\n" in name or "  " in name:
                name = " ".join(name.split())
            if not name:
                continue
            names.append(name)
            if len(item) > 3:
                affs = [" ".join(str(a).split()) for a in item[3:] if a]
                if affs:
                    affiliations[name] = affs
        return names, affiliations
    raw = record.get("authors")
    if isinstance(raw, str) and raw.strip():
        # "A. One, B. Two and C. Three" (with LaTeX accents)
        text = _delatex(" ".join(raw.split()))
        names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if n.strip()]
    return names, affiliations


def _kaggle_paper(record: Any, source: SourceRecord) -> Paper:
    if not isinstance(record, dict):
        raise ParseError(f"expected a JSON object, got {type(record).__name__}")
    arxiv_id = record.get("id")
    if not isinstance(arxiv_id, str) or not arxiv_id.strip():
        raise ParseError("expected an 'id' (arXiv id)")
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ParseError(f"paper {arxiv_id}: expected a non-empty 'title'")
    categories = str(record.get("categories") or "").split()
    versions = record.get("versions")
    published = None
    n_versions = None
    if isinstance(versions, list) and versions:
        n_versions = len(versions)
        first = versions[0]
        if isinstance(first, dict) and isinstance(first.get("created"), str):
            published = _rfc2822_date(first["created"])
    authors, affiliations = _kaggle_authors(record)
    abstract = record.get("abstract")
    return Paper(
        title=title,
        arxiv_id=arxiv_id,
        version=n_versions,
        authors=authors,
        abstract=_unwrap(abstract) if isinstance(abstract, str) else None,
        published=published,
        updated=_iso_date(record.get("update_date"), "update_date"),
        categories=categories,
        primary_category=categories[0] if categories else None,
        comment=_one_line(record.get("comments")),
        journal_ref=_one_line(record.get("journal-ref")),
        doi=_one_line(record.get("doi")),
        pdf_url=f"https://arxiv.org/pdf/{arxiv_id.strip()}",
        sources=[source],
        extra={"affiliations": affiliations} if affiliations else {},
    )


def iter_kaggle(
    path_or_file: str | Path | IO[str] | IO[bytes], problems: ProblemCollector | None = None
) -> Iterator[Paper]:
    """Stream papers from the Kaggle arXiv metadata snapshot (JSON lines), one line at a time.

    Memory stays flat however long the file is.

    Parameters
    ----------
    path_or_file : str, Path or file object
        ``arxiv-metadata-oai-snapshot.json`` (or a slice of it), or an open text/binary file.
    problems : ProblemCollector, optional
        Receives bad lines; the caller then reports them. Without it, bad lines are
        reported at the end with a :class:`~paperlab.errors.PartialImportWarning`.

    Yields
    ------
    Paper
        Source kind ``"kaggle"``, record ``"line N"``. Bad lines (invalid JSON, no id or
        title) are skipped and reported with their line number.
    """
    own = problems is None
    if isinstance(path_or_file, (str, Path)):
        name = str(path_or_file)
        try:
            fh: Any = open(path_or_file, "rb")
        except OSError as exc:
            raise ParseError(f"cannot read file: {exc.strerror}", source=name) from None
        close = True
    else:
        fh = path_or_file
        name = str(getattr(fh, "name", "<stream>"))
        close = False
    collector = problems if problems is not None else ProblemCollector(name)
    when = dt.datetime.now(dt.timezone.utc)
    kept = 0
    _loads = orjson.loads
    try:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = _loads(line)
            except ValueError:
                try:  # orjson is stricter (NaN, big integers, BOM, lone surrogates): ask json
                    record = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    msg = getattr(exc, "msg", str(exc))
                    collector.add(f"line {lineno}", f"expected a JSON object per line: {msg}")
                    continue
            try:
                paper = _kaggle_paper(record, SourceRecord("kaggle", name, when, f"line {lineno}"))
            except ParseError as exc:
                collector.add(f"line {lineno}", str(exc))
                continue
            kept += 1
            yield paper
    finally:
        if close:
            fh.close()
    if own and collector.problems:
        if not kept:
            raise ParseError(
                f"no usable Kaggle arXiv records; first problem: {collector.problems[0].message}",
                source=name,
                where=collector.problems[0].where,
                problems=collector.problems,
            )
        warnings.warn(PartialImportWarning(name, collector.problems, kept), stacklevel=2)


def read_kaggle(path: str | Path) -> list[Paper]:
    """Read the Kaggle arXiv metadata snapshot (JSON lines) into a list.

    See :func:`iter_kaggle` (prefer it for the multi-GB full snapshot).

    Raises
    ------
    ParseError
        If no line could be read as a paper. Bad lines among good ones warn with
        :class:`~paperlab.errors.PartialImportWarning` naming each line number.
    """
    problems = ProblemCollector(str(path))
    papers = list(iter_kaggle(path, problems))
    return problems.finish(papers, expected="Kaggle arXiv records")


# -- live client ------------------------------------------------------------------------------

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
        Use this client instead (its own pacing, retries and cache then apply).
    backoff, timeout : float
        First retry wait (doubling) and request timeout, in seconds.
    cache_dir : path, optional
        Cache successful responses here.

    Examples
    --------
    >>> client = ArxivClient()
    >>> for paper in client.results(ArxivQuery("ti:transformer", max_results=5)):  # doctest: +SKIP
    ...     print(paper.title)
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
        cache_dir: str | Path | None = None,
    ) -> None:
        if page_size < 1:
            raise ValueError(f"page_size={page_size}: expected at least 1")
        self.base_url = base_url or os.environ.get("PAPERLAB_ARXIV_URL") or ARXIV_API_URL
        self.page_size = page_size
        self.delay = delay
        self.retries = retries
        self.http = http or HttpClient(
            min_interval=delay, retries=retries, backoff=backoff, timeout=timeout, cache_dir=cache_dir
        )

    def __repr__(self) -> str:
        return (
            f"ArxivClient(base_url={self.base_url!r}, page_size={self.page_size}, "
            f"delay={self.delay}, retries={self.retries})"
        )

    def _page(self, query: ArxivQuery, start: int, size: int) -> tuple[Response, AtomPage]:
        parsed: dict[int, AtomPage] = {}

        def validate(resp: Response) -> None:
            try:
                page = parse_atom(resp.content, source=resp.url, retrieved=resp.retrieved)
            except ParseError as exc:
                if "arXiv API error" in exc.message:
                    raise  # a real answer: do not retry
                raise RetryableResponse(f"unreadable feed: {exc.message}") from None
            if not page.papers and page.total_results > start:
                raise RetryableResponse(f"empty page at start={start} although totalResults={page.total_results}")
            parsed[id(resp)] = page

        try:
            resp = self.http.get(
                self.base_url, query.params(start, size), validate=validate, ok_statuses=frozenset({200, 400})
            )
        except ParseError as exc:
            raise FetchError(
                f"arXiv rejected the query: {exc.message.removeprefix('arXiv API error: ')}", url=exc.source, status=200
            ) from None
        page = parsed.get(id(resp))
        if page is None:
            try:
                page = parse_atom(resp.content, source=resp.url, retrieved=resp.retrieved)
            except ParseError as exc:
                what = exc.message.removeprefix("arXiv API error: ")
                if resp.status == 400 or "arXiv API error" in exc.message:
                    raise FetchError(f"arXiv rejected the query: {what}", url=resp.url, status=resp.status) from None
                raise FetchError(f"unreadable arXiv response: {what}", url=resp.url, status=resp.status) from None
            if resp.status != 200:
                raise FetchError(f"HTTP {resp.status} from arXiv", url=resp.url, status=resp.status)
        return resp, page

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
        FetchError
            When a page still fails after all retries (naming the URL), or arXiv
            rejects the query (e.g. a malformed id).
        """
        limit = query.max_results
        if limit == 0:
            return
        seen: set[str] = set()
        yielded = 0
        start = 0
        while True:
            size = self.page_size if limit is None else min(self.page_size, limit - yielded)
            _, page = self._page(query, start, size)
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
        ``backoff``, ``timeout``, ``cache_dir``) into :class:`ArxivClient`.

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
    client = ArxivClient(**kw)
    try:
        papers = list(client.results(query))
    finally:
        if "http" not in kw:
            client.http.close()
    label = query.search_query() or ",".join(query.id_list)
    return Library(papers, name=f"arXiv: {label}")
