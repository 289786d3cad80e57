"""The arXiv API's Atom feed (``export.arxiv.org/api/query``): :func:`parse_atom` and :func:`read_atom`.

Both the 2025/26 serialisation and the older one (per-element namespace declarations, 80-column
wrapped titles and abstracts) are read. arXiv's error feed (an entry whose id is
``http://arxiv.org/api/errors#...``) raises :class:`ArxivErrorFeed`, a :class:`ParseError`
the live client turns into :class:`~paperlab.errors.ArxivAPIError` by its type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ...dates import as_date
from ...errors import ParseError
from ...paper import Paper, SourceRecord
from .._files import read_bytes, read_records
from ._text import one_line, unwrap

__all__ = ["ArxivErrorFeed", "AtomPage", "parse_atom", "read_atom"]

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


class ArxivErrorFeed(ParseError):
    """The feed is arXiv's error answer (e.g. ``incorrect id format for abc``): ``said`` is arXiv's text.

    A :class:`~paperlab.errors.ParseError` for file readers; the live client raises
    :class:`~paperlab.errors.ArxivAPIError` for it and never retries.
    """

    def __init__(self, said: str, source: str | None = None) -> None:
        self.said = said
        super().__init__(f"arXiv API error: {said}", source=source)


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


def _raise_error_entry(entries: list[etree._Element], source: str) -> None:
    for entry in entries:
        if _is_error_entry(entry):
            said = one_line(_text(entry.find(_ATOM + "summary"))) or _text(entry.find(_ATOM + "id")) or ""
            raise ArxivErrorFeed(said, source=source)


def _links(entry: etree._Element) -> tuple[str | None, str | None, str | None]:
    """(abstract page, PDF, DOI link) of an entry."""
    url = pdf_url = link_doi = None
    for link in entry.iterfind(_ATOM + "link"):
        href = link.get("href")
        if link.get("title") == "pdf":
            pdf_url = href
        elif link.get("title") == "doi":
            link_doi = href
        elif link.get("rel") == "alternate":
            url = href
    return url, pdf_url, link_doi


def _authors(entry: etree._Element) -> tuple[list[str], dict[str, list[str]]]:
    authors: list[str] = []
    affiliations: dict[str, list[str]] = {}
    for author in entry.iterfind(_ATOM + "author"):
        name = one_line(_text(author.find(_ATOM + "name")))
        if not name:
            continue
        authors.append(name)
        affs = [a for a in (one_line(_text(x)) for x in author.iterfind(_ARXIV + "affiliation")) if a]
        if affs:
            affiliations[name] = affs
    return authors, affiliations


def _entry_to_paper(entry: etree._Element, source: SourceRecord) -> Paper:
    entry_id = (_text(entry.find(_ATOM + "id")) or "").strip()
    if not entry_id:
        raise ParseError("expected an <id> with the arXiv abstract URL")
    title = one_line(_text(entry.find(_ATOM + "title")))
    if not title:
        raise ParseError(f"entry {entry_id}: expected a non-empty <title>")
    authors, affiliations = _authors(entry)
    url, pdf_url, link_doi = _links(entry)
    primary = entry.find(_ARXIV + "primary_category")
    return Paper(
        title=title,
        arxiv_id=entry_id,
        authors=authors,
        abstract=unwrap(_text(entry.find(_ATOM + "summary"))),
        published=as_date(_text(entry.find(_ATOM + "published")), "<published>"),
        updated=as_date(_text(entry.find(_ATOM + "updated")), "<updated>"),
        categories=[t for t in (c.get("term") for c in entry.iterfind(_ATOM + "category")) if t],
        primary_category=primary.get("term") if primary is not None else None,
        comment=one_line(_text(entry.find(_ARXIV + "comment"))),
        journal_ref=one_line(_text(entry.find(_ARXIV + "journal_ref"))),
        doi=one_line(_text(entry.find(_ARXIV + "doi"))) or link_doi,
        url=url or entry_id,
        pdf_url=pdf_url,
        sources=[source],
        extra={"affiliations": affiliations} if affiliations else {},
    )


def _feed_root(data: bytes, source: str) -> etree._Element:
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
    return root


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
        If the data is not an Atom feed; :class:`ArxivErrorFeed` (a ParseError) if arXiv answered
        with its error entry (the message then quotes what arXiv said, e.g. ``incorrect id format for abc``).
        Single bad entries are skipped with a
        :class:`~paperlab.errors.PartialImportWarning`.
    """
    root = _feed_root(data, source)
    entries = root.findall(_ATOM + "entry")
    _raise_error_entry(entries, source)
    when = retrieved or dt.datetime.now(dt.timezone.utc)
    papers = read_records(
        ((f"entry {i} (line {entry.sourceline})", (i, entry)) for i, entry in enumerate(entries, 1)),
        lambda item, _: _entry_to_paper(item[1], SourceRecord("arxiv", source, when, f"entry {item[0]}")),
        source,
        unreadable="expected an arXiv entry ({error})",
        expected="arXiv entries",
    )
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
