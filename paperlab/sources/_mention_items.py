"""Awesome lists whose papers are nested bullets: a bullet titles the paper, its sub-bullets give its authors and
its address::

    * Counting Widgets with Convolutions. WIDGCONF 2016, Springfield.
      * Quill, A., & Dale, B. (2016).
      * https://arxiv.org/abs/2101.00033 or http://www.widget-journal.org/content/1/2/3

The address line titles nothing (an address, a ``doi:`` id, "or" between two addresses): the paper is the bullet
above it, its title cut before a venue with a year after its first full stop ("WIDGCONF 2016, Springfield"); a
sub-bullet of people's names gives the authors, written "Ada Quill, Bo Dale" or the APA way "Quill, A., & Dale,
B. (2016)." (then also the year).

Used by :mod:`._mentions` (the title) and :mod:`._mention_details` (authors, year, venue).
"""

from __future__ import annotations

import re

from ..identifiers import DOI_IN_TEXT
from ._mention_lines import ARXIV_LABELLED, BARE_URL, LINK, Line, plain

__all__ = ["address_only", "addresses_below", "apa_byline", "labelled_address", "parent_item", "title_and_venue"]

# what may stand beside the addresses of a line that only gives them: "or", "and", "see", "also", "via"
_CONNECTIVES = re.compile(r"^[\W_]*(?:(?:or|and|see|also|via|at)[\W_]+)*(?:or|and|see|also|via|at)?[\W_]*$", re.I)
_DOI_WRITTEN = re.compile(rf"\bdoi\s*[:：]?\s*(?:{DOI_IN_TEXT.pattern})|{DOI_IN_TEXT.pattern}", re.I)
_INITIALS = r"(?:[A-Z\u00c0-\u024f]\.\s*(?:-\s*)?){1,3}"
_FAMILY = r"[A-Z\u00c0-\u024f][\w'’\u00c0-\u024f-]*(?:\s+(?:[A-Z\u00c0-\u024f][\w'’\u00c0-\u024f-]*|de|van|von|der))*"
_APA_NAME = re.compile(rf"(?P<family>{_FAMILY}),\s+(?P<initials>{_INITIALS})")
_APA_YEAR = re.compile(r"^\s*\(\s*(?P<year>(?:19|20)\d{2})[a-z]?\s*\)\s*\.?\s*$")
# "Title. VENUE 2016, Place." : the venue after the title's first full stop, an acronym or capital word with a year
_VENUE_AFTER = re.compile(
    r"^(?P<title>.{8,}?[^\s.A-Z])\.\s+(?P<venue>[A-Z][\w/&'’-]*(?:\s+[\w/&'’,-]+)*?\s(?:19|20)\d{2}\b.*)$"
)


def address_only(text: str) -> bool:
    """Whether a line's text holds addresses or ids and no words of its own but connectives ("… or …")."""
    shown = plain(LINK.sub(lambda m: f" {m.group(2)} ", text))
    rest = _DOI_WRITTEN.sub(" ", ARXIV_LABELLED.sub(" ", BARE_URL.sub(" ", shown)))
    return rest != shown and bool(_CONNECTIVES.match(rest))


def labelled_address(text: str) -> bool:
    """Whether a line is only addresses, or a short label and addresses ("Code: https://…", "Dataset: …")."""
    label = re.match(r"^\W*[^\W\d_][\w-]*(?:\s+[\w-]+){0,2}\s*[:：](?!//)\s*(?=\S)", plain(text))
    return address_only(text[label.end() :] if label else text)


def parent_item(lines: list[Line], i: int) -> int | None:
    """The list item right above item ``i`` when ``i`` is its sub-item giving only addresses (the paper is the
    parent's), else None."""
    line = lines[i]
    if line.kind != "item" or not line.parents or not address_only(line.text):
        return None
    return line.parents[-1]


def addresses_below(lines: list[Line], i: int) -> bool:
    """Whether list item ``i`` has sub-items and each is only an address: a tool's or a site's name over its home
    page ("* Widget Annotator (WA)" / "  * https://github.com/…"), no paper's title (a paper's bullet has a byline)."""
    below = [line for line in lines[i + 1 : i + 12] if line.kind == "item" and line.parents[-1:] == [i]]
    return bool(below) and all(address_only(line.text) for line in below)


def apa_byline(text: str) -> tuple[list[str], int | None] | None:
    """The authors (given initials first: "A. Quill") and year of a byline written the APA way ("Quill, A., Dale,
    B. R., & Moss, C. (2016)."), or None for any other text."""
    text = plain(text).strip()
    names: list[str] = []
    at = 0
    while m := _APA_NAME.match(text, at):
        names.append(f"{' '.join(m.group('initials').split())} {m.group('family')}")
        at = m.end()
        sep = re.match(r"\s*,?\s*(?:&|and)?\s*", text[at:])
        at += sep.end() if sep else 0
    if not names:
        return None
    tail = text[at:]
    year = _APA_YEAR.match(tail)
    if tail.strip(" .") and year is None:
        return None
    return names, int(year.group("year")) if year else None


def title_and_venue(title: str) -> tuple[str, str | None]:
    """A bullet's title cut before the venue written after its first full stop ("Title. WIDGCONF 2016,
    Springfield." -> ("Title", "WIDGCONF 2016, Springfield")); the text itself when none follows."""
    m = _VENUE_AFTER.match(title.strip())
    if m is None:
        return title.strip().rstrip("."), None
    return m.group("title").strip(), m.group("venue").strip().rstrip(".").strip() or None
