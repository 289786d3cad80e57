"""arXiv's daily listing feeds (``rss.arxiv.org``): :func:`parse_arxiv_rss` and :func:`read_arxiv_rss`.

Both serialisations arXiv has served since 2024 are read: Atom (``rss.arxiv.org/atom/cs.AI``, ``<entry>``
with ``<id>oai:arXiv.org:2508.13426v1</id>``) and RSS 2.0 (``rss.arxiv.org/rss/cs.AI``, ``<item>`` with
``<guid>``), and the RSS 1.0 (RDF) feeds of ``export.arxiv.org/rss`` before 2024 (titles ending
``(arXiv:1901.00001v2 [cs.AI] UPDATED)``, HTML abstracts and author links). Each entry carries ``arxiv:announce_type`` (``new``, ``cross``, ``replace``,
``replace-cross``; the day it was announced is ``published``, or ``updated`` for replacements), its authors in one ``dc:creator`` (``A, B and C``) and a summary that starts
``arXiv:2508.13426v1 Announce Type: new`` then ``Abstract: …`` (the prefix is dropped). The announce
type goes to ``extra["announce_type"]``; the license (``dc:rights``) to ``extra["license"]``.
A day without announcements is a feed without entries and gives no papers.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from lxml import etree

from ...errors import ParseError
from ...identifiers import normalize_arxiv_id
from ...paper import Paper, SourceRecord
from .._files import read_bytes, read_records
from ._feed_dates import feed_date
from ._text import one_line, unwrap
from ._xml import local_name as _local
from ._xml import xml_root

__all__ = ["parse_arxiv_rss", "read_arxiv_rss"]

_PREFIX = re.compile(r"^\s*(?:arXiv:\S+\s+)?(?:Announce Type:\s*(?P<type>[\w-]+)\s*)?(?:Abstract:\s*)?", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# the pre-2024 RSS 1.0 title: "Title. (arXiv:1901.00001v2 [cs.AI] UPDATED)"
_OLD_TITLE = re.compile(r"\.?\s*\(arXiv:(?P<id>\S+?)\s*\[(?P<cat>[^\]]*)\]\s*(?P<kind>[A-Z ]*)\)\s*$")
_OLD_KINDS = {"": "new", "UPDATED": "replace", "CROSS LISTED": "cross"}
_TAG = re.compile(r"<[^>]*>")


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    """Children called ``name`` in any namespace (feeds mix Atom, RSS, dc and arxiv names)."""
    return [c for c in el if _local(c) == name]


def _child_text(el: etree._Element, *names: str) -> str | None:
    for name in names:
        for child in _children(el, name):
            text = "".join(child.itertext())
            if text.strip():
                return text
    return None


def _plain(text: str | None) -> str | None:
    """Text without the HTML markup of pre-2024 feeds (``<p>`` abstracts, ``<a>`` author links)."""
    if text is None or "<" not in text and "&" not in text:
        return text
    return html.unescape(_TAG.sub(" ", text))


def _authors(entry: etree._Element) -> list[str]:
    names: list[str] = []
    for creator in _children(entry, "creator"):
        text = one_line(_plain("".join(creator.itertext()))) or ""
        names += [n for n in _AUTHOR_SPLIT.split(text) if n]
    for author in _children(entry, "author"):  # an Atom <author><name> or an RSS <author>
        name = one_line(_child_text(author, "name") or "".join(author.itertext()))
        if name and name not in names:
            names.append(name)
    return names


def _summary(entry: etree._Element) -> tuple[str | None, str | None]:
    """(abstract without the ``arXiv:… Announce Type: … Abstract:`` prefix, the announce type it names)."""
    raw = _plain(_child_text(entry, "summary", "description")) or ""
    match = _PREFIX.match(raw)
    kind = match.group("type") if match else None
    return unwrap(raw[match.end() :] if match else raw), kind


def _entry_id(entry: etree._Element) -> tuple[str, int | None]:
    for text in (_child_text(entry, "id", "guid"), _child_text(entry, "link")):
        found = normalize_arxiv_id(text.strip()) if text else None
        if found:
            return found
    for link in _children(entry, "link"):
        found = normalize_arxiv_id(link.get("href") or "")
        if found:
            return found
    raise ParseError("expected an <id> or <guid> with an arXiv identifier (oai:arXiv.org:…)")


def _entry_to_paper(entry: etree._Element, record: SourceRecord) -> Paper:
    arxiv_id, version = _entry_id(entry)
    title = one_line(_child_text(entry, "title")) or ""
    old = _OLD_TITLE.search(title)
    title = title[: old.start()] if old else title
    if not title:
        raise ParseError(f"entry {arxiv_id}: expected a non-empty <title>")
    abstract, prefix_type = _summary(entry)
    announce = one_line(_child_text(entry, "announce_type")) or prefix_type
    if old and not announce:
        announce = _OLD_KINDS.get(old.group("kind").strip(), old.group("kind").strip().lower() or None)
    categories = [c.get("term") or one_line("".join(c.itertext())) for c in _children(entry, "category")]
    if old and not categories:
        categories = [old.group("cat").strip()]
    if old and version is None:
        named = normalize_arxiv_id(old.group("id"))
        version = named[1] if named and named[0] == arxiv_id else None
    extra = {"announce_type": announce} if announce else {}
    rights = one_line(_child_text(entry, "rights"))
    if rights:
        extra["license"] = rights
    announced_text = _child_text(entry, "published", "pubDate", "date")
    announced = feed_date(announced_text, "<published>")
    replaced = bool(announce and announce.startswith("replace"))  # the day of a new version, not of the paper
    return Paper(
        title=title,
        arxiv_id=arxiv_id,
        version=version,
        authors=_authors(entry),
        abstract=abstract,
        published=None if replaced else announced,
        updated=announced if replaced else None,
        categories=[c for c in categories if c],
        primary_category=next((c for c in categories if c), None),
        doi=one_line(_child_text(entry, "DOI", "doi")),
        journal_ref=one_line(_child_text(entry, "journal_reference", "journal_ref")),
        url=f"https://arxiv.org/abs/{arxiv_id}",
        pdf_url=f"https://arxiv.org/pdf/{arxiv_id}" + (f"v{version}" if version else ""),
        sources=[record],
        extra=extra,
    )


def _root(data: bytes, source: str) -> etree._Element:
    return xml_root(
        data,
        source,
        expected="an arXiv listing feed (Atom or RSS)",
        roots=("feed", "rss", "RDF"),
        root_text="an Atom <feed> or RSS <rss>",
    )


def parse_arxiv_rss(data: bytes, source: str = "<string>", *, retrieved: dt.datetime | None = None) -> list[Paper]:
    """Parse one ``rss.arxiv.org`` listing (Atom or RSS 2.0).

    Returns
    -------
    list of Paper
        The entries in feed order (``[]`` for a day without announcements).

    Raises
    ------
    ParseError
        Not XML, or not a feed. Single bad entries are skipped with a
        :class:`~paperlab.errors.PartialImportWarning` naming ``entry N (line L)``.
    """
    root = _root(data, source)
    # Atom entries and RSS 2.0 items sit in the feed / channel; RSS 1.0 items beside the channel
    entries = [e for c in (root, *_children(root, "channel")) for e in c if _local(e) in ("entry", "item")]
    when = retrieved or dt.datetime.now(dt.timezone.utc)
    records = [(entry, SourceRecord("arxiv_rss", source, when, f"entry {i}")) for i, entry in enumerate(entries, 1)]
    return read_records(
        ((f"{record.record} (line {entry.sourceline})", (entry, record)) for entry, record in records),
        lambda pair, _: _entry_to_paper(*pair),
        source,
        unreadable="expected an arXiv listing entry ({error})",
        expected="arXiv listing entries",
    )


def read_arxiv_rss(path: str | Path) -> list[Paper]:
    """Read a saved ``rss.arxiv.org`` listing; see :func:`parse_arxiv_rss`."""
    path = Path(path)
    return parse_arxiv_rss(read_bytes(path), source=str(path))
