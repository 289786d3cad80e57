"""A page of past meetings kept as links under year headings: each link a meeting of the year above it.

::

    ## 2024
    - [Widget rings revisited](https://example.org/rings) (Mar 5, Ada Quill)
    - <a href="{{ '/2024/04/09/spring-meeting.html' | relative_url }}">Spring Meeting 2024</a>

    ## 2023
    - [Gadget graphs](https://arxiv.org/abs/2301.01234) (Nov 14, Bo Renn)

A top-level item under a heading that is only a year ("## 2024"), opened by a link (markdown or HTML) and followed
by nothing or by its day and presenters in parentheses, is one meeting: its day the one in parentheses, with the
heading's year, or the day a dated post's address names ("/2024/04/09/…"); its link's text the meeting's topic, or
its paper when the link is a paper's address (arXiv, DOI, a paper's PDF). A page is read so when two items or more
stand under year headings, every one of them is such a link, most of them carry a day, and the page speaks of
meetings (its title, its headings or the links' texts: "Past meetings", "Annual Meeting 2024", "Seminar"); an
archive of papers or blog posts by year is none.

Used by :mod:`._schedule_headings`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..dates import month_of_name
from ._schedule_cells import cell_papers, presenters
from ._schedule_linktext import paper_address

__all__ = ["year_link_meetings"]

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_YEAR_ONLY = re.compile(r"^[*_\s]*((?:19|20)\d\d)[*_\s]*$")
_ITEM = re.compile(r"^ {0,3}[-*+]\s+(?P<body>\S.*?)\s*$")
_MD_LINK = re.compile(r"^\[(?P<text>[^\[\]]{3,300})\]\((?P<url>[^()\s]+)\)(?P<rest>.*)$")
_HTML_LINK = re.compile(
    r"^<a\s[^>]*?href\s*=\s*(?P<q>[\"'])(?P<url>.*?)(?P=q)[^>]*>(?P<text>[^<]{3,300})</a>(?P<rest>.*)$", re.I
)
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|[-_]|$)")  # a dated post's address
_SAID = re.compile(r"^[\s,;:–—-]*\((?P<said>[^()]{3,120})\)\s*\.?$")
# "(Mar 5, Ada Quill)", "(5 March; Ada)", "(3/5 - Ada)": the day (a month's name or month/day) and who presented
_DAY_THEN_WHO = re.compile(
    r"^(?P<day>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?|\d{1,2}/\d{1,2})"
    r"(?:\s*[,;:–—-]\s*(?P<who>\S.*))?$"
)
_MEETING_WORDS = re.compile(
    r"(?i)\b(?:meetings?|seminars?|sessions?|talks?|journal\s+club|reading\s+group|colloqui\w*|gatherings?|"
    r"lectures?|symposi\w*|workshops?|events?)\b"
)
_TITLE_FIELD = re.compile(r"^title\s*:\s*(.+)$", re.I)


def _link(body: str) -> tuple[str, str, str] | None:
    """(text, address, what follows) of an item opened by a link, None for another item."""
    m = _MD_LINK.match(body) or _HTML_LINK.match(body)
    if m is None:
        return None
    return " ".join(m.group("text").split()), m.group("url"), m.group("rest").strip()


def _day(rest: str, url: str, year: int) -> tuple[str, list[str]] | None:
    """(the meeting's day as written with its year, who presented) of what follows its link, or of its address;
    ("", []) for an item that names no day; None for an item that says more than a day and presenters."""
    said = _SAID.match(rest) if rest else None
    if rest and said is None:
        return None
    found = _DAY_THEN_WHO.match(said.group("said").strip()) if said else None
    if said and found is None:
        return None
    if found is not None:
        words = re.findall(r"[A-Za-z]{3,9}", found.group("day"))
        if not all(month_of_name(w) for w in words):
            return None
        day = found.group("day")
        return (f"{day}/{year}" if "/" in day else f"{day} {year}"), presenters(found.group("who") or "")
    posted = _URL_DAY.search(url)
    if posted is not None and int(posted.group(1)) in (year, year + 1):
        return f"{posted.group(1)}-{int(posted.group(2)):02d}-{int(posted.group(3)):02d}", []
    return "", []


def _items(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line number, year, item) of each top-level item under a heading that is only a year."""
    found: list[tuple[int, int, str]] = []
    year: int | None = None
    for k, line in enumerate(lines):
        if heading := _HEADING.match(line):
            only = _YEAR_ONLY.match(heading.group(2))
            year = int(only.group(1)) if only else None
            continue
        item = _ITEM.match(line)
        if year is not None and item is not None:
            found.append((k + 1, year, item.group("body")))
    return found


def _speaks_of_meetings(lines: list[str], texts: list[str]) -> bool:
    """Whether a page's title, headings or links' texts speak of meetings."""
    said = [m.group(1) for ln in lines[:15] if (m := _TITLE_FIELD.match(ln.strip()))]
    said += [m.group(2) for ln in lines if (m := _HEADING.match(ln))]
    return any(_MEETING_WORDS.search(t) for t in said + texts)


def year_link_meetings(text: str, meeting: Callable[..., Any]) -> list[Any]:
    """The meetings of a page of past meetings kept as links under year headings (see the module's docstring),
    each made by ``meeting(date_text, topic, where, papers=…, presenters=…)``; [] for any other page."""
    lines = text.split("\n")
    read = [(n, year, link) for n, year, body in _items(lines) if (link := _link(body)) is not None]
    if len(read) < 2 or len(read) < len(_items(lines)):  # an item under a year heading that is no link: no such page
        return []
    found = []
    for n, year, (said, url, rest) in read:
        day = _day(rest, url, year)
        if day is None:
            return []
        address = paper_address(url)
        papers = cell_papers(f"[{said}]({url})")[0] if address else []
        found.append(meeting(day[0], None if papers else said, f"line {n}", papers=papers, presenters=day[1]))
    dated = sum(1 for m in found if m.date_text)
    if 2 * dated < len(found) or not _speaks_of_meetings(lines, [link[0] for _, _, link in read]):
        return []
    return found
