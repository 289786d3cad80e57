"""arXiv's OAI-PMH interface (``export.arxiv.org/oai2``): :func:`parse_oai` and :func:`read_oai`.

``ListRecords`` and ``GetRecord`` answers are read in the three metadata formats arXiv serves:

- ``arXivRaw``: ``<id>``, one ``<version version="vN"><date>`` (RFC 822) per version, ``<authors>`` as one
  string (``A, B, and C``; parenthesised affiliations dropped), ``<categories>`` space separated (the
  first is primary), ``<doi>`` possibly several space separated (the first is kept, all in
  ``extra["dois"]``), ``<comments>``, ``<journal-ref>``, ``<license>``, ``<submitter>``;
- ``arXiv``: ``<created>`` / ``<updated>``, ``<authors><author><keyname>/<forenames>/<suffix>``;
- ``oai_dc``: ``dc:title``, ``dc:creator`` (``Last, First``), ``dc:description`` (``Comment: …`` -> comment), ``dc:date``,
  ``dc:identifier`` (abstract URL, ``doi:``).

v1's date is ``published``, the last version's ``updated``; the versions go to ``extra["versions"]``.
Deleted records (``<header status="deleted">``) are skipped. ``<error code="noRecordsMatch">`` is an
empty answer (no papers); any other OAI error raises :class:`OAIError` quoting the server.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ...errors import ParseError
from ...identifiers import normalize_arxiv_id
from ...paper import Paper, SourceRecord
from .._files import read_bytes, read_records
from ._feed_dates import feed_date
from ._text import one_line, unwrap
from ._xml import local_name as _local
from ._xml import xml_root

__all__ = ["OAIError", "OAIPage", "parse_oai", "read_oai"]

_OAI = "{http://www.openarchives.org/OAI/2.0/}"
_PARENS = re.compile(r"\([^()]*\)")
_AUTHOR_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*")


class OAIError(ParseError):
    """An OAI-PMH ``<error>`` answer other than ``noRecordsMatch``; ``code`` is its code (e.g. ``badArgument``)."""

    def __init__(self, code: str, said: str, source: str | None = None) -> None:
        self.code = code
        self.said = said
        super().__init__(f"OAI-PMH error {code}: {said}", source=source)


@dataclass
class OAIPage:
    """One OAI-PMH answer: its papers and, for ``ListRecords``, where the list continues.

    Parameters
    ----------
    papers : list of Paper
    resumption_token : str or None
        The token asking for the next page (None on the last page).
    complete_list_size : int or None
        ``completeListSize`` of the token: records of the whole list.
    """

    papers: list[Paper] = field(default_factory=list)
    resumption_token: str | None = None
    complete_list_size: int | None = None


def _kids(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _local(c) == name]


def _text(el: etree._Element, name: str) -> str | None:
    for child in _kids(el, name):
        text = "".join(child.itertext())
        if text.strip():
            return text
    return None


def _split_authors(text: str | None) -> list[str]:
    text = one_line(text) or ""
    for _ in range(5):  # nested affiliations: "A ((1) MIT, (2) CERN)"
        text = _PARENS.sub(" ", text)
    return [n for n in (one_line(a) for a in _AUTHOR_SPLIT.split(text)) if n]


def _versions(meta: etree._Element) -> list[tuple[str, dt.date | None, str | None]]:
    """(label, date, size) of each ``<version>`` (arXivRaw), in order."""
    out: list[tuple[str, dt.date | None, str | None]] = []
    for i, ver in enumerate(_kids(meta, "version"), 1):
        label = ver.get("version") or f"v{i}"
        out.append((label, feed_date(_text(ver, "date"), f"<version {label}> <date>"), one_line(_text(ver, "size"))))
    return out


def _version_number(label: str) -> int | None:
    digits = label.lstrip("vV")
    return int(digits) if digits.isdigit() and len(digits) < 6 else None


def _arxiv_authors(meta: etree._Element) -> list[str]:
    """``<authors>`` text (arXivRaw) or ``<authors><author><keyname>…`` (arXiv format)."""
    holders = _kids(meta, "authors")
    structured = [a for h in holders for a in _kids(h, "author")]
    if not structured:
        return _split_authors(_text(meta, "authors"))
    names = []
    for author in structured:
        parts = [one_line(_text(author, k)) for k in ("forenames", "keyname", "suffix")]
        name = " ".join(p for p in parts if p)
        if name:
            names.append(name)
    return names


def _dc_fields(meta: etree._Element) -> dict[str, Any]:
    """Title, authors, abstract, dates and ids of an ``oai_dc`` record."""
    creators = [one_line("".join(c.itertext())) or "" for c in _kids(meta, "creator")]
    authors = [" ".join(reversed([p.strip() for p in c.split(",", 1)])) if "," in c else c for c in creators if c]
    dates = [d for d in (feed_date(one_line("".join(x.itertext())), "<dc:date>") for x in _kids(meta, "date")) if d]
    idents = [one_line("".join(x.itertext())) or "" for x in _kids(meta, "identifier")]
    doi = next((i[4:] for i in idents if i.lower().startswith("doi:")), None)
    texts = [unwrap("".join(x.itertext())) or "" for x in _kids(meta, "description")]
    comment = next((one_line(t[8:]) for t in texts if t.startswith("Comment:")), None)
    return {
        "comment": comment,
        "authors": authors,
        "published": min(dates) if dates else None,
        "updated": max(dates) if len(dates) > 1 else None,
        "doi": doi,
        "ids": idents,
        "abstract": next((t for t in texts if t and not t.startswith("Comment:")), None),
    }


def _record_id(header: etree._Element | None, meta: etree._Element) -> tuple[str, int | None]:
    candidates = [_text(meta, "id")] + [one_line("".join(x.itertext())) for x in _kids(meta, "identifier")]
    if header is not None:
        candidates.append(_text(header, "identifier"))
    for text in candidates:
        found = normalize_arxiv_id(text.strip()) if text else None
        if found:
            return found
    raise ParseError("expected an arXiv identifier in <id> or the header's <identifier> (oai:arXiv.org:…)")


def _meta_to_paper(header: etree._Element | None, meta: etree._Element, record: SourceRecord) -> Paper:
    arxiv_id, id_version = _record_id(header, meta)
    title = one_line(_text(meta, "title"))
    if not title:
        raise ParseError(f"record {arxiv_id}: expected a non-empty <title>")
    versions = _versions(meta)
    dois = (one_line(_text(meta, "doi")) or "").split()
    categories = (one_line(_text(meta, "categories")) or "").split()
    dc = _dc_fields(meta) if _local(meta) == "dc" else None
    published = feed_date(_text(meta, "created"), "<created>") or (versions[0][1] if versions else None)
    updated = feed_date(_text(meta, "updated"), "<updated>")
    if len(versions) > 1 and versions[-1][1]:
        updated = versions[-1][1]
    extra: dict[str, Any] = {}
    if versions:
        extra["versions"] = [{"version": v, "date": d.isoformat() if d else None, "size": z} for v, d, z in versions]
    if len(dois) > 1:
        extra["dois"] = dois
    for key in ("submitter", "license", "report-no", "msc-class", "acm-class", "proxy"):
        value = one_line(_text(meta, key))
        if value:
            extra[key.replace("-", "_")] = value
    if header is not None and _text(header, "datestamp"):
        extra["oai_datestamp"] = one_line(_text(header, "datestamp"))
    version = _version_number(versions[-1][0]) if versions else id_version
    return Paper(
        title=title,
        arxiv_id=arxiv_id,
        version=version,
        authors=dc["authors"] if dc else _arxiv_authors(meta),
        abstract=dc["abstract"] if dc else unwrap(_text(meta, "abstract")),
        published=dc["published"] if dc else published,
        updated=dc["updated"] if dc else updated,
        categories=categories,
        primary_category=categories[0] if categories else None,
        comment=dc["comment"] if dc else one_line(_text(meta, "comments")),
        journal_ref=one_line(_text(meta, "journal-ref")),
        doi=(dc["doi"] if dc else None) or (dois[0] if dois else None),
        url=f"https://arxiv.org/abs/{arxiv_id}",
        pdf_url=f"https://arxiv.org/pdf/{arxiv_id}",
        sources=[record],
        extra=extra,
    )


def _root(data: bytes, source: str) -> etree._Element:
    return xml_root(data, source, expected="an OAI-PMH XML answer", roots=("OAI-PMH",), root_text="an <OAI-PMH>")


def _resumption(root: etree._Element, source: str) -> tuple[str | None, int | None]:
    token = next(root.iter(_OAI + "resumptionToken"), None)
    if token is None:
        return None, None
    size_text = (token.get("completeListSize") or "").strip()
    size = int(size_text) if size_text.isdigit() and len(size_text) < 19 else None
    return one_line(token.text), size


def _records(root: etree._Element, source: str) -> list[etree._Element]:
    """The ``<record>`` elements, or [] for ``noRecordsMatch``; other errors raise :class:`OAIError`."""
    for error in root.iterfind(_OAI + "error"):
        code = error.get("code") or "unknown"
        if code != "noRecordsMatch":
            raise OAIError(code, one_line("".join(error.itertext())) or "", source=source)
        return []
    verbs = [c for c in root if _local(c) in ("ListRecords", "GetRecord")]
    if not verbs:
        found = [_local(c) for c in root if _local(c) not in ("responseDate", "request")]
        raise ParseError(f"expected a ListRecords or GetRecord answer, got {found[:3] or 'nothing'}", source=source)
    return [r for v in verbs for r in v if _local(r) == "record"]


def _header(rec: etree._Element) -> etree._Element | None:
    return next(iter(_kids(rec, "header")), None)


def _deleted(rec: etree._Element) -> bool:
    """Whether the record is a deletion notice (no record: nothing to read, nothing wrong)."""
    header = _header(rec)
    return header is not None and header.get("status") == "deleted"


def parse_oai(data: bytes, source: str = "<string>", *, retrieved: dt.datetime | None = None) -> OAIPage:
    """Parse one OAI-PMH ``ListRecords`` or ``GetRecord`` answer of arXiv (arXivRaw, arXiv or oai_dc).

    Raises
    ------
    ParseError
        Not XML or not an OAI-PMH answer; :class:`OAIError` (a ParseError) for an OAI error other than
        ``noRecordsMatch``. Single bad records are skipped with a
        :class:`~paperlab.errors.PartialImportWarning` naming ``record N (line L)``.
    """
    root = _root(data, source)
    records = _records(root, source)
    when = retrieved or dt.datetime.now(dt.timezone.utc)

    def to_paper(numbered: tuple[int, etree._Element], _: str) -> Paper:
        i, rec = numbered
        metadata = next(iter(_kids(rec, "metadata")), None)
        meta = next((c for c in metadata if isinstance(c.tag, str)), None) if metadata is not None else None
        if meta is None:
            raise ParseError("expected a <metadata> element with arXivRaw, arXiv or oai_dc metadata")
        return _meta_to_paper(_header(rec), meta, SourceRecord("arxiv_oai", source, when, f"record {i}"))

    papers = read_records(
        ((f"record {i} (line {rec.sourceline})", (i, rec)) for i, rec in enumerate(records, 1) if not _deleted(rec)),
        to_paper,
        source,
        unreadable="expected an arXiv OAI record ({error})",
        expected="arXiv OAI records",
    )
    token, size = _resumption(root, source)
    return OAIPage(papers, token, size)


def read_oai(path: str | Path) -> list[Paper]:
    """Read a saved arXiv OAI-PMH answer; see :func:`parse_oai`."""
    path = Path(path)
    return parse_oai(read_bytes(path), source=str(path)).papers
