"""A whole APA reference written into a record's title, read into its parts.

Some exports (a Mendeley library filled by pasting a reference list) write each reference whole as the title of a
record naming no author and no date: ``TI  - Turner, N. J., & Ignace, M. B. (2000). Title of the work. Journal, 10(5),
1275–1287. https://doi.org/…``. APA 7 (the American Psychological Association's reference style) writes a reference
as *authors* ``(``\\ *year*\\ ``).`` *title*\\ ``.`` *source*: the authors ``Family, I. I.`` joined by commas with
``&`` before the last, or one group author; the year, ``n.d.`` for no date, may carry a month and day
(``(2020, March 3)``). A title is split only when it has that shape whole; anything else stays the title as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["ApaReference", "apa_reference", "read_apa_title"]

# authors, "(year)" or "(n.d.)", then the rest
_SHAPE = re.compile(r"(?P<authors>.+?)\s*\((?P<year>(?:1[5-9]|20)\d\d)[a-z]?(?:,[^()]*)?\)\.\s+(?P<rest>.+)", re.S)
_NO_DATE = re.compile(r"(?P<authors>.+?)\s*\(n\.\s?d\.\)\.\s+(?P<rest>.+)", re.S)
# one person as APA writes it: a family name (particles, hyphens, apostrophes allowed), a comma, initials with dots
_PERSON = re.compile(
    r"(?P<family>(?:(?:de|del|der|van|von|da|di|la|le|du|dos|ten|ter)\s+){0,2}[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})"
    r",\s+(?P<initials>(?:[^\W\d_]\.\s?-?\s?){1,4})(?:,\s+(?P<suffix>Jr\.|Sr\.|I{2,3}|IV))?"
)
# a title's end: a full stop, "?" or "!" (kept: the title's own; a space before it allowed, as pasted text has)
# before a capital or digit
_TITLE_END = re.compile(r"\s*(?:\.|([?!]))\s+(?=[^\W_a-z])")
_LINK = re.compile(r"\s*(?:https?://\S+\s*)+$")


@dataclass(frozen=True)
class ApaReference:
    """The parts of one reference: authors as written (``Family, I. I.``), year (None for ``n.d.``), title, source."""

    authors: list[str]
    year: int | None
    title: str
    source: str | None
    link: str | None


def read_apa_title(record: dict[str, Any]) -> None:
    """A rispy record naming no author and no date whose title is one whole APA reference, given the reference's
    authors (``AU``), year (``PY``), title, source (``T2``, unless the record names one) and link (a doi.org link
    as the ``DO``, another as the ``UR``, unless the record names one); any other record is left as it is."""
    keys = ("authors", "first_authors", "year", "date", "publication_year")
    title_key = next((k for k in ("title", "primary_title") if isinstance(record.get(k), str)), None)
    if title_key is None or any(record.get(k) for k in keys):
        return
    ref = apa_reference(record[title_key])
    if ref is None:
        return
    record[title_key], record["authors"] = ref.title, ref.authors
    if ref.year:
        record["year"] = str(ref.year)
    if ref.source and not any(record.get(k) for k in ("secondary_title", "journal_name", "alternate_title3")):
        record["secondary_title"] = ref.source
        if located := _LOCATOR.fullmatch(ref.source):  # "Molecules, 18(10), 1–9": the journal, volume, issue, pages
            record["secondary_title"] = located.group("name")
            parts = {"volume": "volume", "number": "issue", "start_page": "start", "end_page": "end"}
            record.update({k: located.group(g) for k, g in parts.items() if located.group(g) and not record.get(k)})
    if ref.link and "doi.org/" in ref.link.lower():  # the DOI's address: the DOI, unless the record names one
        record["doi"] = record.get("doi") or ref.link
    elif ref.link and not record.get("urls"):
        record["urls"] = [ref.link]


def apa_reference(text: str) -> ApaReference | None:
    """The parts of ``text`` when it is one whole APA reference (authors, ``(year).``, title, source), else None."""
    text = " ".join(text.split())
    m = _SHAPE.fullmatch(text) or _NO_DATE.fullmatch(text)
    if not m:
        return None
    authors = _authors(m.group("authors"))
    if not authors:
        return None
    rest = m.group("rest")
    links = _LINK.search(rest)
    link = links.group(0).split()[-1] if links else None
    rest = rest[: links.start()] if links else rest
    end = _TITLE_END.search(rest)
    title = (rest[: end.start()] + (end.group(1) or "") if end else rest).strip().rstrip(".").strip()
    source = rest[end.end() :].strip().rstrip(".").strip() or None if end else None
    if len(title.split()) < 2 and source is None:
        return None
    year = int(m.group("year")) if "year" in m.groupdict() and m.group("year") else None
    return ApaReference(authors, year, title, _spaced(source) if source else None, link)


# APA's source of an article: the journal, its volume, the issue in brackets, the pages or "Article 437"
_LOCATOR = re.compile(
    r"(?P<name>[^\d,][^,]*?),\s*(?P<volume>\d+)(?:\((?P<issue>[^()]+)\))?"
    r"(?:,\s*(?:[Aa]rticle\s+)?(?P<start>[A-Za-z]?\d+)(?:\s*[–-]\s*(?P<end>[A-Za-z]?\d+))?)?"
)


def _spaced(source: str) -> str:
    """A source as pasted text spaces it ("Molecules , 18 (10), 1–9") with APA's own spacing ("Molecules, 18(10), 1–9")."""
    return re.sub(r"\s+\(", "(", re.sub(r"\s+,", ",", source))


def _authors(text: str) -> list[str] | None:
    """The persons of an APA author list (``A, B., C, D., & E, F.``), or one group author (words, no comma, a full
    stop after them); None when the text is neither."""
    text = text.strip()
    if "," not in text:  # a group author, closed by a full stop as APA writes it: "Splitrock Environmental."
        words = text.rstrip(".").split()
        return [text.rstrip(".")] if text.endswith(".") and 0 < len(words) <= 15 and text[0].isupper() else None
    persons = []
    rest = re.sub(r",?\s+(?:&|and)\s+", ", ", text)
    while rest:
        m = _PERSON.match(rest)
        if not m:
            return None
        initials = " ".join(m.group("initials").split())
        suffix = f", {m.group('suffix')}" if m.group("suffix") else ""
        persons.append(f"{m.group('family')}, {initials}{suffix}")
        rest = rest[m.end() :].lstrip()
        if rest.startswith(","):
            rest = rest[1:].lstrip()
        elif rest:
            return None
    return persons or None
