"""What a home-made JSON paper list (:mod:`paperlab.sources.json_list`) says outside a record's own fields.

* A record's key in an object of records (``{"https://doi.org/10.…": {"title": …}}``, ``{"2101.00001": {…}}``,
  ``{"A Title of Several Words": {"year": …}}``) read as the field it is, a DOI, an arXiv id, a link or a title, when
  the record lacks that field; any other key as the citation key (:func:`key_fields`).
* An object whose keys are the papers and whose values are one value each (a daily-arXiv tool's
  ``{"Title of a paper": "2023-04-02"}``): each key a record, its value the date when it reads as one
  (:func:`scalar_keyed`).
* A DOI or arXiv id under a key whose name says so (``doiLink``, ``arxiv_url``), or a resolver's link under any
  link key (:func:`named_ids`).
* A BibTeX entry written out as one string of a record (``bib``, ``bibtex``, ``citations.bibtex``) read by the
  project's BibTeX reader to fill the fields the record lacks (:func:`with_embedded_bibtex`).
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from ..errors import warn_partial
from ..identifiers import find_doi, normalize_arxiv_id
from ..paper import Paper
from ..urls import is_http_url
from ._json_roles import folded_key
from ._schedule_venues import split_venue

__all__ = [
    "changelog_keys",
    "key_fields",
    "named_ids",
    "numbered_authors",
    "scalar_keyed",
    "title_like_key",
    "venue_numbers",
    "whole_doi",
    "with_embedded_bibtex",
]

# a key that is a DOI and nothing else, with or without a resolver in front ("https://doi.org/10.1175/…%3C…%3E…")
_DOI_KEY = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.I)
# a value that is a date: "2023-04-02", "2023/04", "2023", "2023-04-02T10:00:00Z"
_DATE_VALUE = re.compile(r"(?:1[5-9]|20)\d\d(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?(?:[T ][\d:.]+Z?)?")
_WORD = re.compile(r"[^\W\d_]{2,}")
# a BibTeX entry written out as a string: "@article{key," at its start
_BIBTEX_ENTRY = re.compile(r"\s*@[A-Za-z]+\s*[{(]")


def whole_doi(text: str) -> str | None:
    """The DOI ``text`` is and nothing else, with or without a resolver in front and percent-escapes, whole: an old
    SICI DOI's ``<…>`` (``10.1175/1520-0450(1977)016<0100:AAPFTC>2.0.CO;2``) kept; None for any other text."""
    m = _DOI_KEY.fullmatch(unquote(text.strip()))
    return m.group(1).rstrip(".,;") if m else None


_key_doi = whole_doi


def numbered_authors(items: list[Any], field_of: Callable[[Any], str | None], source: str) -> None:
    """Warn once when records give their authors as numbers (``"authors": [1, 2]``: ids into a file of people the
    list does not hold): they are no names and are left out, and the user is told why those papers show none."""
    where = [
        f"item {n}"
        for n, item in enumerate(items, 1)
        if isinstance(item, dict)
        for key, value in item.items()
        if field_of(key) == "authors"
        and isinstance(value, list)
        and value
        and any(isinstance(v, int) and not isinstance(v, bool) for v in value)  # [3, true], ["Ada Quill", 7] too
    ]
    if where:
        shown = ", ".join(where[:5]) + (f" (+{len(where) - 5} more)" if len(where) > 5 else "")
        warn_partial(
            UserWarning(
                f"{source}: {shown}: authors given as numbers (ids into another file, not names) were left out; "
                "expected names, or name objects"
            )
        )


def title_like_key(key: Any) -> bool:
    """Whether a key reads as a paper's title: three words or more, most of them words of letters, no line breaks,
    not a link and not longer than titles are."""
    if not isinstance(key, str) or "\n" in key or is_http_url(key.strip()) or not 10 <= len(key.strip()) <= 400:
        return False
    words = key.split()
    return len(words) >= 3 and 2 * len([w for w in words if _WORD.search(w)]) > len(words)


# the fields that make a record keyed by a phrase a paper's, its key the title (``{"A Title": {"year": 2021}}``)
_PAPER_FIELDS = frozenset({"authors", "year", "date", "venue", "doi", "arxiv", "url", "abstract"})


def key_fields(key: Any, record: dict[str, Any], field_of: Callable[[Any], str | None]) -> dict[str, Any]:
    """The fields a record's key gives it when the record lacks them: a DOI (a resolver's link or a bare DOI), an
    arXiv id, a link, a title (a key of several words, when the record has none and holds a paper's fields: authors, a
    year, a venue, a DOI, a link...); any other key is its citation key,
    unless the record names one. The keys are written as no paperlab paper writes them ("DOI", "Title"), so the
    records read as a home-made list (:func:`.json_list.is_paper_list`)."""
    if not isinstance(key, str):
        return {}
    fields = {field_of(k) for k in record}
    if doi := _key_doi(key):
        return {} if "doi" in fields else {"DOI": doi}
    if " " not in key.strip() and normalize_arxiv_id(key):
        return {} if "arxiv" in fields else {"arXiv": key}
    if is_http_url(key.strip()):
        return {} if "url" in fields else {"URL": key}
    if title_like_key(key) and "title" not in fields and fields & _PAPER_FIELDS:
        return {"Title": key}  # a record of a paper's fields; a CI job's or a person's record keyed by a phrase is none
    return {} if "key" in fields else {"citation key": key}


# a changelog entry's opening: a change's verb (Keep a Changelog's Added, Changed, Deprecated, Removed, Fixed,
# Security; Updated, Improved, Bumped ...) or a release's version ("v1.2.0", "Version 3")
_CHANGE = re.compile(
    r"^\W*(?:(?:add|chang|deprecat|remov|fix|updat|improv|bump|releas|upgrad|refactor|renam|introduc|drop)(?:ed|e|s)?\b|"
    r"security\b|v?\d+\.\d+(?:\.\d+)?\b|version\s+\d)",
    re.I,
)


def changelog_keys(obj: dict[str, Any]) -> bool:
    """Whether half the keys of an object or more open as a changelog's entries do ("Added a dark theme", "Fixed a
    crash when …", "v1.2.0"): its records keyed by those phrases are changes, no papers."""
    return bool(obj) and 2 * sum(bool(_CHANGE.match(str(k))) for k in obj) >= len(obj)


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _dated_values(obj: dict[str, Any]) -> bool:
    """Whether (nearly) every value of an object keyed by phrases is a date or a year, as a daily-arXiv tool's
    ``{"Title of a paper": "2023-04-02"}`` gives them: nine in ten of the values given, at least one."""
    given = [v for v in obj.values() if v is not None]
    dated = [
        v
        for v in given
        if isinstance(v, (str, int)) and not isinstance(v, bool) and _DATE_VALUE.fullmatch(str(v).strip())
    ]
    return bool(dated) and 10 * len(dated) >= 9 * len(given)


def scalar_keyed(obj: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The records of an object keyed by the papers themselves, one value each (``{"Title of a paper":
    "2023-04-02"}``, ``{"10.1234/x": 2021}``): every key a title, a DOI or an arXiv id, and every value one value,
    no sentence (a dictionary of translations or descriptions is no paper list); keys read as titles only when
    (nearly) every value is a date or a year (:func:`_dated_values`). A value that reads as a date is the
    record's date; any other is kept as written. None for any other object."""
    if not obj or not all(_scalar(v) for v in obj.values()):
        return None
    if any(isinstance(v, str) and len(v.split()) > 3 for v in obj.values()):
        return None
    if any(title_like_key(k) for k in obj) and not _dated_values(obj):
        return None  # phrases with short values (settings, translations, a glossary, word counts): no paper list
    records = []
    for key, value in obj.items():
        if title_like_key(key):
            record: dict[str, Any] = {"Title": " ".join(key.split())}
        elif isinstance(key, str) and (doi := _key_doi(key)):
            record = {"DOI": doi}
        elif isinstance(key, str) and " " not in key.strip() and normalize_arxiv_id(key):
            record = {"arXiv": key}
        else:
            return None
        text = str(value).strip() if value is not None and not isinstance(value, bool) else ""
        if _DATE_VALUE.fullmatch(text):
            record["date"] = text
        elif text:
            record["value"] = value
        records.append(record)
    return records if any("Title" in r for r in records) else None


# keys of a record's links ("paperLink", "pdf_url", "href"): a resolver's link among them names the record's DOI
_LINK_WORDS = ("link", "url", "href", "uri")


def named_ids(rest: dict[str, Any]) -> tuple[str | None, str | None]:
    """(DOI, arXiv id) a record gives under keys of no known field: a key whose name says DOI (``doiLink``,
    ``doi_url``) or arXiv (``arxivLink``) holding one, or a link key (``paperLink``) holding a doi.org or arxiv.org
    address."""
    doi = arxiv = None
    for key, value in rest.items():
        if not isinstance(value, str) or len(value) > 300:
            continue
        name = folded_key(key)
        linked = any(name.endswith(word) for word in _LINK_WORDS)
        if doi is None and ("doi" in name or linked and "doi.org/" in value.lower()):
            doi = _key_doi(value) or find_doi(value)
        if arxiv is None and ("arxiv" in name or linked and "arxiv.org/" in value.lower()):
            found = normalize_arxiv_id(value)
            arxiv = found[0] if found else None
    return doi, arxiv


def _bibtex_strings(item: dict[str, Any]) -> list[str]:
    """The BibTeX entries a record holds as strings: its own values, and those of an object it holds (a
    ``citations`` object of APA, MLA and BibTeX strings)."""
    values = list(item.values())
    values += [v for x in item.values() if isinstance(x, dict) for v in x.values()]
    return [v for v in values if isinstance(v, str) and _BIBTEX_ENTRY.match(v)]


def with_embedded_bibtex(paper: Paper, item: dict[str, Any], source: str) -> Paper:
    """``paper`` with the fields it lacks (authors, venue, DOI, arXiv id, date, link) filled from a BibTeX entry the
    record holds as a string, read by the project's BibTeX reader; what the record gives itself stands."""
    from .bibtex import parse_bibtex

    for text in _bibtex_strings(item):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the record is read; a flaw in its copy of the entry is no problem
            try:
                found = parse_bibtex(text, source)
            except Exception:  # noqa: BLE001 - a broken copy of the entry fills nothing
                continue
        if found:
            return _filled(paper, found[0])
    return paper


def _self_only(authors: list[str]) -> bool:
    """Whether a record's authors are only its site's owner, named as "me" (a Hugo Blox page's ``authors: [me]``)."""
    return all(a.strip().lower() in ("me", "myself", "self") for a in authors)


def _filled(paper: Paper, bib: Paper) -> Paper:
    changes: dict[str, Any] = {}
    if (not paper.authors or _self_only(paper.authors)) and bib.authors:  # "authors": ["me"] beside the entry
        changes["authors"] = bib.authors
    for name in ("journal_ref", "doi"):
        if not getattr(paper, name) and getattr(bib, name):
            changes[name] = getattr(bib, name)
    # a web page's link only: a resolver's link is the DOI, and a "javascript:" one no link (as the JSON reader's)
    if not paper.url and bib.url and is_http_url(bib.url) and "doi.org/" not in bib.url.lower():
        changes["url"] = bib.url
    if not paper.arxiv_id and bib.arxiv_id:
        changes["arxiv_id"], changes["version"] = bib.arxiv_id, bib.version
    if paper.published is None and bib.published is not None:
        changes["published"] = bib.published
        if precision := (bib.extra or {}).get("date_precision"):
            changes["extra"] = {**paper.extra, "date_precision": precision}
    return dataclasses.replace(paper, **changes) if changes else paper


_YEARLIKE = re.compile(r"1[5-9]\d\d|20\d\d")


def venue_numbers(venue: str | None) -> tuple[str | None, dict[str, str]]:
    """(the journal's name, its volume / issue / page) of a venue written with its numbers after it, APA's "The
    Journal of Widgets, 933, 47" or MLA's "Journal of Widgets 98.2 (2016): 392-393" (:func:`._schedule_venues.split_venue`);
    the venue as it is when its first number is a year ("NeurIPS, 2026", "Complexity, 2026, 5511110")."""
    if not venue:
        return venue, {}
    name, numbers = split_venue(venue)
    if not numbers or _YEARLIKE.fullmatch(numbers.get("volume", "")):
        return venue, {}
    return name, numbers
