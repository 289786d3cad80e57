"""Zotero's own JSON: Better BibTeX's "BetterBibTeX JSON" export and items of the Zotero web API.

A Better BibTeX export is an object ``{"config", "collections", "items": [...]}``; the web API answers a list of
``{"key", "version", "data": {...}}``. Either way an item is Zotero's record, not CSL: ``itemType``, ``creators``
(``firstName``/``lastName``, or a one-field ``name``, with a ``creatorType``), ``date`` as typed, ``publicationTitle``
and the like, ``abstractNote``, ``tags``. Each item with a title is turned into the CSL-JSON item Zotero itself
would export (type, author and editor names, ``issued``, ``container-title``, volume, issue, pages, publisher,
ISSN/ISBN, DOI (else one in the ``extra`` field), URL, ``keyword``, ``id`` from the citation key, an ``arXiv:``
line of ``extra`` as ``number``) and read by :func:`paperlab.sources.csl.parse_csl`,
so papers and what they keep (``extra["csl"]``) are those of a CSL-JSON export of the same library (their
source named ``"zotero"``). Notes and
attachments (item types ``note``, ``attachment``, ``annotation``) are not papers and are left out without a word.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from ..dates import named_date
from ..errors import ParseError
from ..identifiers import find_doi
from ..paper import Paper
from ._files import parse_json, read_bytes

__all__ = ["is_zotero_json", "parse_zotero_json", "read_zotero_json", "zotero_item_to_csl"]

_NOT_PAPERS = frozenset(["note", "attachment", "annotation"])
# Zotero item types whose CSL type differs from the obvious; the rest map to "article" (CSL's generic type)
_TYPES = {
    "journalArticle": "article-journal",
    "magazineArticle": "article-magazine",
    "newspaperArticle": "article-newspaper",
    "conferencePaper": "paper-conference",
    "book": "book",
    "bookSection": "chapter",
    "thesis": "thesis",
    "report": "report",
    "manuscript": "manuscript",
    "webpage": "webpage",
    "blogPost": "post-weblog",
    "preprint": "article",
    "dataset": "dataset",
    "computerProgram": "software",
    "presentation": "speech",
    "patent": "patent",
}
_VENUES = ("publicationTitle", "proceedingsTitle", "bookTitle", "conferenceName", "websiteTitle", "blogTitle")
# Zotero field -> CSL variable, copied when a string
_COPIED = {
    "volume": "volume",
    "issue": "issue",
    "pages": "page",
    "publisher": "publisher",
    "place": "publisher-place",
    "ISSN": "ISSN",
    "ISBN": "ISBN",
    "url": "URL",
    "abstractNote": "abstract",
    "language": "language",
    "shortTitle": "title-short",
    "journalAbbreviation": "container-title-short",
    "series": "collection-title",
    "edition": "edition",
    "university": "publisher",
    "institution": "publisher",
    "reportNumber": "number",
    "archiveID": "number",  # a preprint's "arXiv:2101.00001", which the CSL reader takes the arXiv id from
}
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_ISO = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")
_ARXIV_LINE = re.compile(r"(?im)^arXiv:\s*(\S+)")  # a line of Zotero's "extra" field


def _fields(item: dict[str, Any]) -> dict[str, Any]:
    """The item's fields: the web API nests them in ``data``."""
    data = item.get("data")
    return data if isinstance(data, dict) and "itemType" not in item else item


def is_zotero_json(obj: Any) -> bool:
    """Whether decoded JSON is a Better BibTeX JSON export or a list of Zotero items."""
    items = obj.get("items") if isinstance(obj, dict) else obj
    if not isinstance(items, list):
        return False
    first = next((_fields(x) for x in items if isinstance(x, dict)), None)
    return first is not None and isinstance(first.get("itemType"), str) and isinstance(first.get("creators"), list)


def _name(creator: dict[str, Any]) -> dict[str, str]:
    if isinstance(creator.get("name"), str):
        return {"literal": creator["name"]}
    parts = (("family", creator.get("lastName")), ("given", creator.get("firstName")))
    return {k: v for k, v in parts if isinstance(v, str) and v.strip()}


def _names(creators: Any) -> dict[str, list[dict[str, str]]]:
    """CSL ``author`` and ``editor`` lists from Zotero ``creators`` (other roles, such as translators, dropped)."""
    out: dict[str, list[dict[str, str]]] = {}
    for creator in creators if isinstance(creators, list) else []:
        role = creator.get("creatorType", "author") if isinstance(creator, dict) else None
        if role in ("author", "editor") and (name := _name(creator)):
            out.setdefault(role, []).append(name)
    return out


def _issued(date: Any) -> dict[str, str] | None:
    """A CSL date from Zotero's typed date: ISO as is, a month name with its year (and day) read ("March 2019" is
    2019-03), else its year ("4/1/2016", "Spring 2019")."""
    if not isinstance(date, str) or not date.strip():
        return None
    if m := _ISO.match(date.strip()):
        return {"raw": m.group(0)}
    if named := named_date(date):
        y, mo, d = named
        return {"raw": f"{y:04d}-{mo:02d}" + (f"-{d:02d}" if d else "")}
    year = _YEAR.search(date)
    return {"raw": year.group(1)} if year else {"literal": date.strip()}


def zotero_item_to_csl(item: dict[str, Any]) -> dict[str, Any]:
    """The CSL-JSON item of one Zotero item (a Better BibTeX export's or a web API answer's)."""
    fields = _fields(item)
    kind = fields.get("itemType")
    csl: dict[str, Any] = {"type": _TYPES.get(kind, "article") if isinstance(kind, str) else "article"}
    key = fields.get("citationKey") or fields.get("citekey") or fields.get("key") or item.get("key")
    if isinstance(key, str) and key:
        csl["id"] = key
    if isinstance(fields.get("title"), str):
        csl["title"] = fields["title"]
    csl.update(_names(fields.get("creators")))
    if issued := _issued(fields.get("date")):
        csl["issued"] = issued
    venue = next((fields[k] for k in _VENUES if isinstance(fields.get(k), str) and fields[k].strip()), None)
    if venue:
        csl["container-title"] = venue
    for zotero, variable in _COPIED.items():
        if isinstance(fields.get(zotero), str) and fields[zotero].strip() and variable not in csl:
            csl[variable] = fields[zotero]
    doi = fields.get("DOI") if isinstance(fields.get("DOI"), str) else None
    doi = doi or (find_doi(fields["extra"]) if isinstance(fields.get("extra"), str) else None)
    if doi:
        csl["DOI"] = doi
    arxiv = _ARXIV_LINE.search(fields["extra"]) if isinstance(fields.get("extra"), str) else None
    if arxiv and "number" not in csl:
        csl["number"] = f"arXiv:{arxiv.group(1)}"
    tags = fields.get("tags")
    tags = [t.get("tag") for t in tags if isinstance(t, dict)] if isinstance(tags, list) else []
    if words := [t for t in tags if isinstance(t, str) and t.strip()]:
        csl["keyword"] = ", ".join(words)
    return csl


def parse_zotero_json(data: Any, source: str = "<string>") -> list[Paper]:
    """Papers from a decoded Better BibTeX JSON export or list of Zotero items (see the module docstring).

    Raises
    ------
    ParseError
        If ``data`` holds no Zotero items, or none with a title.

    Warns
    -----
    PartialImportWarning
        For items skipped (no title, a value of the wrong type), each named by its number among the papers.
    """
    if not is_zotero_json(data):
        raise ParseError("expected Zotero JSON: a Better BibTeX export or a list of Zotero items", source=source)
    items: list[Any] = data["items"] if isinstance(data, dict) else data
    papers = [
        zotero_item_to_csl(item)
        for item in items
        if isinstance(item, dict) and _fields(item).get("itemType") not in _NOT_PAPERS
    ]
    if not papers:
        raise ParseError("no Zotero items other than notes and attachments", source=source)
    from .csl import parse_csl  # here, not above: format detection imports this module, and csl imports rispy

    read = parse_csl(papers, source=source)
    for paper in read:
        paper.sources = [dataclasses.replace(s, name="zotero") for s in paper.sources]
    return read


def read_zotero_json(path: str | Path) -> list[Paper]:
    """Read a Better BibTeX JSON export (``.json``) or a saved Zotero web API answer; see :func:`parse_zotero_json`.

    Raises
    ------
    ParseError
        If the file is missing, not JSON, or holds no Zotero item with a title.
    """
    path = Path(path)
    return parse_zotero_json(parse_json(read_bytes(path), str(path), expected="Zotero JSON"), source=str(path))
