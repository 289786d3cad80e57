"""Dates and text of DailyArXiv-style table cells (split from :mod:`._dailyarxiv_rows`): a cell's HTML as text, a
whole date ("2025-06-12", "Jun 12, 2025"), or a month or a year kept at its precision ("2024-01", "May 2025",
"2022"); a two-digit year ("'22") is of the century that puts it no later than the year after the read's reference
day (``paperlab.load(path, reference_date=...)``, else today), so a page reads the same whatever the clock says.

Used by :mod:`._dailyarxiv_rows`, :mod:`._dailyarxiv_divs` and :mod:`._dailyarxiv_html`.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import Any

from ..dates import named_date
from ..text import shown_text
from ._schedule_clock import this_year

__all__ = ["NO_VALUE", "cell_date", "date_hint", "html_to_text", "parse_date", "unwrap"]

NO_VALUE = frozenset({"", "null", "none", "n/a", "na", "-", "--", "—", "nan"})  # an empty cell, as written

# partial dates of curated lists; any hyphen ("2026\u201110") reads as "-"
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-"})
_YEAR_MONTH = re.compile(r"^(?P<y>(?:19|20)\d{2})[-./](?P<m>\d{1,2})$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_SHORT_YEAR = re.compile(r"^['\u2018\u2019](?P<y>\d{2})$")
_MONTH_DAY = re.compile(r"^(?P<m>\d{1,2})[-./](?P<d>\d{1,2})$")
_HEADING_MONTH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?:\s*(?:年|[-./])\s*(?P<m>\d{1,2})(?!\d))?")
_DATE = re.compile(r"^(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?:[T ].*)?$")

# emphasis around a whole cell, perhaps followed by a decoration ("**Title** ⚓", "**Title** 🔥")
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_|`)(?P<inner>.*)\1(?:\s*[^\w\s\\|\[\]()])*$", re.S)

# Markup tags whose text is kept and whose tag is dropped; any other "<word ...>" is kept literally,
# since abstracts are written raw and may hold things like "$a<b>$".
_HTML_TAGS = frozenset(
    "a abbr b br cite code del details div em i ins kbd mark p s small span strong sub summary sup tt u".split()
)


class _TextExtractor(HTMLParser):
    """Text of an HTML fragment: markup tags dropped, ``<br>`` as a newline, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag not in _HTML_TAGS:
            self.parts.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _HTML_TAGS:
            self.parts.append(f"</{tag}>")


def html_to_text(fragment: str) -> str:
    """Text of a cell: HTML markup removed, entities decoded, control characters and bidirectional overrides
    dropped (as the writer drops them), surrounding whitespace dropped."""
    parser = _TextExtractor()
    try:
        parser.feed(fragment)
        parser.close()
    except AssertionError:  # html.parser on a broken declaration ("<![0"): the cell's text as written
        return shown_text(fragment).strip()
    return shown_text("".join(parser.parts)).strip()


def parse_date(text: str) -> dt.date | None:
    """A date cell: ``YYYY-MM-DD`` (also ``.`` or ``/`` between the parts, a time after it) or ``Jun 12, 2025`` /
    ``12 June 2025``; None when empty.

    Raises
    ------
    ValueError
        For anything else.
    """
    text = unwrap(html_to_text(text))
    if text.lower() in NO_VALUE:
        return None
    m = _DATE.match(text)
    if m is not None:
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    named = named_date(text)  # "Jun 12, 2025", "12 June 2025"
    if named is None or named[2] is None:
        raise ValueError(text)
    return dt.date(named[0], named[1], named[2])


def cell_date(text: str, hint: tuple[int, int | None] | None = None) -> tuple[dt.date | None, dict[str, Any]]:
    """A date cell to the precision it gives, as (date, ``extra`` entries): a whole date (see :func:`parse_date`),
    or a month ("2024-01", "2024.06", "2026‑10" with any hyphen, "May 2025") or a year ("2022") kept with
    ``{"date_precision": "month"|"year"}``; "06-08" (month-day) only under a heading naming that year and month
    (``hint``, see :func:`date_hint`).

    Raises
    ------
    ValueError
        For anything else (the cell's text as shown).
    """
    try:
        return parse_date(text), {}
    except ValueError:
        pass
    value = " ".join(unwrap(html_to_text(text)).translate(_DASHES).split())
    m = _YEAR_MONTH.match(value)
    if m and 1 <= int(m.group("m")) <= 12:
        return dt.date(int(m.group("y")), int(m.group("m")), 1), {"date_precision": "month"}
    if _YEAR.match(value):
        return dt.date(int(value), 1, 1), {"date_precision": "year"}
    if m := _SHORT_YEAR.match(value):  # "'22": this century unless that is in the future
        year = 2000 + int(m.group("y"))
        year = year if year <= this_year() + 1 else year - 100  # as of the read's reference day
        return dt.date(year, 1, 1), {
            "date_precision": "year",
            "date_inferred": True,
            "date_note": f"century of {value}",
        }
    if (named := named_date(value)) is not None:  # "Sept 2025", "May 2025" (a day was read above)
        return dt.date(named[0], named[1], 1), {"date_precision": "month"}
    m = _MONTH_DAY.match(value)
    if m and hint and hint[1] == int(m.group("m")):
        try:
            return dt.date(hint[0], int(m.group("m")), int(m.group("d"))), {}
        except ValueError:
            pass
    raise ValueError(value)


def date_hint(headings: list[str]) -> tuple[int, int | None] | None:
    """(year, month or None) named by the nearest heading that names one ("2026年06月", "June 2026", "2025")."""
    for heading in reversed(headings):
        m = _HEADING_MONTH.search(heading)
        if m:
            month = int(m.group("m")) if m.group("m") else None
            return int(m.group("y")), month if month and 1 <= month <= 12 else None
    return None


def unwrap(text: str) -> str:
    """``text`` without the emphasis (``**…**``, ``_…_``, backticks) wrapped around all of it."""
    text = text.strip()
    while m := _EMPHASIS.match(text):
        text = m.group("inner").strip()
    return text
