"""Seminar pages that list talks, not readings: what a date bullet says of its talk and its speaker.

::

    - **11 June 2025** | **Widgets for weather prediction** — **Ada Quill** (Widget Institute)
      <details><summary>Abstract & Bio</summary><strong>Abstract:</strong> The talk "Widgets for …" shows …</details>
    - *[Sparse gadget attacks](/assets/pdf/talk.pdf)*, by **[Bo Renn](https://…)**, 16/12/2025.

A talk's title with the speaker after a dash is the meeting's topic and its presenter, not a paper; its abstract or
the speaker's bio (a line labelled "Abstract:", "Bio:", HTML tags around the label or not) is a note, never a
reading, whatever title it quotes. A bullet that ends with the day of the talk (with its year) after "by Speaker"
is a meeting too. A page whose meetings are all such talks (two or more, each dated with its year and given by a
named speaker) is a schedule that names no paper. So is a page of speaker blocks: the speaker's name (linked or
not) with an affiliation, a short line holding the day ("_03/26, Room 2_", "_2pm 04/01_"), the talk's title in
bold::

    [Ada Quill](https://…), Widget University <br>
    _03/26, Room 2_

    **Widget rings and gadget algebras**<br>
    The abstract …

Used by :mod:`._schedule_headings`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..dates import weekday_year
from ._schedule_cells import markdown_plain
from ._schedule_clock import this_year

__all__ = [
    "TOPIC_WORDS",
    "about_line",
    "block_year",
    "end_dated",
    "speaker_blocks",
    "talks_as_readings",
    "talks_only",
    "trailing_speaker",
]

_TAGS = re.compile(r"<[^>]{0,200}>")
_ABOUT = re.compile(
    r"^[*_\s]*(?:abstract|bio|biography|short\s+bio|speaker\s+bio|about\s+the\s+speaker|summary|description)"
    r"(?:\s*(?:&|and)\s*bio)?[*_\s]*[:：]",
    re.I,
)
_PERSON = r"[A-Z\u00c0-\u024f][a-z\u00c0-\u024f'’-]+(?:\s+[A-Z\u00c0-\u024f][\w\u00c0-\u024f'’.-]*){1,3}"
# "Title — **Ada Quill** (Widget Institute)", "Title – Ada Quill": the speaker after a dash, an affiliation after
# (or a first name alone after a spaced hyphen: "19 March - Ch 12 Title - Alessandro", "… Equations -Ben")
_SPEAKER_AFTER = re.compile(
    rf"^(?P<topic>.+?)\s+(?:[—–]\s+[*_]*\[?(?P<who>{_PERSON})|-\s*(?P<first>[A-Z][a-z\u00c0-\u024f]{{2,15}}))"
    r"\]?(?:\([^()\s]+\))?[*_]*\s*(?:\([^()]*\))?\s*$"
)
# "*[Talk](slides)*, by **[Ada Quill](…)**, 16/12/2025.": the talk, its speaker, its day with the year
_END_DATED = re.compile(
    rf"^(?P<topic>.+?)(?:,?\s+by\s+|\s+[—–]\s+)[*_]*\[?(?P<who>{_PERSON})\]?(?:\([^()\s]+\))?[*_]*\s*(?:,|[—–(])\s*"
    r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\)?\.?\s*$"
)
# what a speaker's name never holds: a talk's words ("Deep Learning", "Climate Models")
_TOPIC_WORDS = re.compile(
    r"(?i)\b(?:learning|models?|networks?|data|climate|prediction|analysis|methods?|theory|introduction|session|"
    r"workshop|seminar|talk|meeting|discussion|review|overview|part|chapter|intro|recap|notes|slides|continued|"
    r"cont|conclusions?|summary|tutorial|basics|exercises?|practice|lab|questions|cancelled|canceled|break|"
    r"holiday|tbd|tba|online|remote|zoom)\b"
)
TOPIC_WORDS = _TOPIC_WORDS  # also what :mod:`._schedule_talklines` keeps out of a speaker's name


def about_line(text: str) -> bool:
    """Whether a line under a talk is its abstract or the speaker's bio ("<strong>Abstract:</strong> …")."""
    return bool(_ABOUT.match(_TAGS.sub("", text).strip()))


def trailing_speaker(topic: str) -> tuple[str, list[str]] | None:
    """(the talk's title, its speaker) of a topic ending with the speaker after a dash, None for another topic."""
    m = _SPEAKER_AFTER.match(topic.strip(" |"))
    who = m.group("who") or m.group("first") if m else ""
    if m is None or _TOPIC_WORDS.search(who):
        return None
    title = m.group("topic").strip(" |*_")
    return (title, [who.strip()]) if len(title.split()) >= 2 else None


def end_dated(body: str) -> tuple[str, str, list[str]] | None:
    """(the date as written, the talk's title, its speaker) of a bullet ending with the talk's day after "by
    Speaker", None for another bullet."""
    m = _END_DATED.match(body.strip())
    if m is None or _TOPIC_WORDS.search(m.group("who")):
        return None
    title = markdown_plain(m.group("topic")).strip(" ,*_")  # "*[Talk](slides)*": the link's text
    return (m.group("date"), title, [m.group("who").strip()]) if len(title.split()) >= 2 else None


def talks_only(meetings: list[Any]) -> bool:
    """Whether a page's meetings are all talks (two or more, none naming a paper, each dated with its year and given
    by a named speaker): a seminar's schedule that names no paper."""
    return len(meetings) >= 2 and all(
        not m.papers and m.presenters and re.search(r"(?:19|20)\d\d", m.date_text) for m in meetings
    )


# a page that says it reads papers: its "Title — Presenter" bullets name readings, not talks
_READING_PAGE = re.compile(
    r"(?i)\b(?:reading[ -]group|journal[ -]club|paper[ -]club|papers?\s+(?:we\s+)?(?:read|discussed)|reading\s+list)"
)


def talks_as_readings(meetings: list[Any], text: str, paper: Callable[[str], Any]) -> None:
    """On a page that says it reads papers ("Reading group", "Journal club", "Papers we read"), meetings read as talks
    (a title and its presenter, no paper) name their title as the paper read: ``paper(title)`` makes it."""
    if not _READING_PAGE.search(text) or any(m.papers for m in meetings):
        return
    for m in meetings:
        if m.topic and m.presenters:
            m.papers, m.topic = [paper(m.topic)], None


_BR = re.compile(r"<br\s*/?>|&nbsp;", re.I)
_SPEAKER_LINE = re.compile(rf"^\[?(?P<who>{_PERSON})\]?(?:\([^()\s]+\))?\s*,\s*\S[^<>|]{{1,80}}$")
_DAY = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/(?:19|20)?\d\d)?(?![\d/])")
_BOLD_TITLE = re.compile(r"^\*\*(?P<title>[^*]{6,200})\*\*$")


_WEEKDAY = re.compile(r"(?i)\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b")
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def _weekday(text: str) -> int | None:
    names = {m.group(1).lower() for m in _WEEKDAY.finditer(text)}
    return _WEEKDAYS.index(names.pop()) if len(names) == 1 else None


def block_year(text: str, blocks: list[tuple[int, str, str, list[str]]], order: str) -> int | None:
    """The year of speaker blocks whose days name none: the latest (up to the year after the read's reference day,
    :func:`._schedule_clock.this_year`) in which each falls on the
    weekday its block names ("On Tuesday as an exception!"), else the one the page names ("### Wednesdays at
    2pm"); None when they disagree or no weekday is named."""
    lines = text.split("\n")
    heads = [ln for ln in lines if ln.lstrip().startswith("#") or ln.lstrip().lower().startswith(("we meet", "meets"))]
    page = _weekday(" ".join(heads))
    years = set()
    for k, day, _, _ in blocks:
        own = _weekday(" ".join(lines[k - 1 : k + 2]))
        on = own if own is not None else page
        year = weekday_year([day], this_year() + 1, weekday=on, order=order) if on is not None else None
        years.add(year)
    return years.pop() if len(years) == 1 else None


def speaker_blocks(text: str) -> list[tuple[int, str, str, list[str]]]:
    """(line, the day as written, the talk's title, its speaker) of each speaker block of a page (see the module's
    docstring); [] for a page with fewer than two."""
    lines = [_BR.sub(" ", line).strip() for line in text.split("\n")]
    nonblank = [k for k, line in enumerate(lines) if line]
    found = []
    for at, k in enumerate(nonblank):
        m = _SPEAKER_LINE.match(lines[k])
        if m is None or _TOPIC_WORDS.search(m.group("who")):
            continue
        near = nonblank[at + 1 : at + 5]
        day = next((d for j in near[:2] if len(lines[j]) <= 80 and (d := _DAY.search(lines[j]))), None)
        title = next((t for j in near if (t := _BOLD_TITLE.match(lines[j])) and len(t.group(1).split()) >= 3), None)
        if day is not None and title is not None:
            found.append((k + 1, day.group(0), title.group("title").strip(), [m.group("who").strip()]))
    return found if len(found) >= 2 else []
