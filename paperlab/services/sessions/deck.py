"""Slide decks written in markdown (Marp, pandoc, reveal.js): front matter, slide separators, and a deck whose title
slide names the paper presented.

* Front matter (a ``---`` fenced block of ``key: value`` lines at the top, e.g. Marp's ``marp: true``) is settings,
  never the session's theme or a presentation; its ``title:`` is the theme when it gives one.
* A line holding only ``---`` (``***``, ``___``) after a blank line separates slides: it is read as a blank line
  (line numbers are kept), so "Ada Quill" / ``---`` / the title slide reads as a presenter and a paper header; a
  rule right under a line of text underlines it (a heading, a space-aligned table's header) and stays.
* A deck without presenter lines whose first slide is ``# Paper title`` with a line of names ("- Ada Quill and Bo
  Dale") and, often, the occasion and its day ("- Toy Lab Journal Club - March 3, 2025") presents that paper, by the
  people the slide names as its authors; the day is the session's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...sources import parse_day, setext_as_atx
from .fields import heading_level, is_placeholder, plain
from .names import author_names

__all__ = ["TitleSlide", "deck_lines", "header_day", "is_separator", "title_slide"]

_SEPARATOR = re.compile(r"\s*(?:-{3,}|\*{3,}|_{3,}|\+{3,})\s*")
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_FRONT_CLOSE = re.compile(r"\s*(?:-{3}|\.{3}|\+{3})\s*")
_HTML_TAG = re.compile(r"<[^>]+>")


def is_separator(line: str) -> bool:
    """A slide separator or a rule alone on its line: ``---``, ``***``, ``___``, ``+++``."""
    return bool(_SEPARATOR.fullmatch(line))


def _front_matter_end(lines: list[str]) -> int | None:
    """The index of the line closing the front matter that opens ``lines``, None when they open with none."""
    if not lines or not re.fullmatch(r"\s*(?:-{3}|\+{3})\s*", lines[0]):
        return None
    for k in range(1, min(len(lines), 60)):
        line = lines[k]
        if _FRONT_CLOSE.fullmatch(line):
            return k if k > 1 else None
        if line.strip() and not (_FRONT_KEY.match(line) or line.startswith((" ", "\t", "-"))):
            return None  # prose: a rule, not front matter
    return None


def deck_lines(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """``lines`` with the front matter and the slide separators blank (so line numbers stay), setext headings
    written as ATX ones (:func:`paperlab.sources.setext_as_atx`), and the front matter's top-level fields (``{"marp": "true",
    "title": ...}``)."""
    out = list(lines)
    fields: dict[str, str] = {}
    end = _front_matter_end(out)
    if end is not None:
        for k in range(end + 1):
            m = _FRONT_KEY.match(out[k])
            if m and m.group("value").strip():
                fields.setdefault(m.group("key").lower(), m.group("value").strip().strip("\"'"))
            out[k] = ""
    # a separator stands after a blank line; a rule right under text underlines it ("Model  Acc" / "---------")
    out = ["" if is_separator(ln) and (k == 0 or not out[k - 1].strip()) else ln for k, ln in enumerate(out)]
    return setext_as_atx(out), fields


def header_day(lines: list[str]) -> dt.date | None:
    """The one day (with its year) the session's header lines name ("# Reading group — 2025-03-12"), else None."""
    days = {d for d in (_day(ln) for ln in lines) if d is not None}
    return days.pop() if len(days) == 1 else None


def _day(line: str) -> dt.date | None:
    text = plain(_HTML_TAG.sub(" ", line)).lstrip("-*+• ")
    if not re.search(r"(?:19|20)\d\d", text):
        return None  # a day without its year ("Wed Mar 4") is no session date
    try:
        return parse_day(text)
    except (ValueError, TypeError):
        return None


@dataclass
class TitleSlide:
    """The first slide of a deck naming the paper presented; ``line`` is the title's (1-based)."""

    title: str
    line: int
    authors: list[str] = field(default_factory=list)
    day: dt.date | None = None
    occasion: str | None = None  # "Toy Lab Journal Club": the line with the day, without it


def title_slide(raw: list[str]) -> TitleSlide | None:
    """The deck's title slide (from the raw lines, separators kept): a first heading that is a title, then in the
    same slide a line of the authors' names; None for any other text. The deck must show it is one: a separator
    after the first slide, or a line naming the day of the talk."""
    front = _front_matter_end(raw)  # a Marp deck's settings come before its title slide
    first = next((k for k, ln in enumerate(raw) if ln.strip() and k > (-1 if front is None else front)), None)
    if first is None or heading_level(raw[first]) not in (1, 2):
        return None
    title = plain(re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", raw[first]))
    if is_placeholder(title) or len(title.split()) < 2:
        return None
    end = next((k for k in range(first + 1, len(raw)) if is_separator(raw[k]) or heading_level(raw[k])), len(raw))
    slide = TitleSlide(title, first + 1)
    for line in raw[first + 1 : end]:
        text = plain(_HTML_TAG.sub(" ", line)).lstrip("-*+• ").strip()
        if not text:
            continue
        day = _day(text)
        if day is not None and slide.day is None:
            slide.day = day
            slide.occasion = _occasion(text)
            continue
        names = author_names(text) if not slide.authors else None
        if names:
            slide.authors = names
    separated = end < len(raw) and is_separator(raw[end])
    return slide if slide.authors and (separated or slide.day) else None


def _occasion(text: str) -> str | None:
    """ "Toy Lab Journal Club - March 3, 2025" -> "Toy Lab Journal Club" (the words before the day)."""
    head = re.split(r"\s+[-–—|·,]\s+|\s*[(]", text, maxsplit=1)[0].strip(" -–—|·,")
    return head if head and head != text and not re.search(r"\d", head) else None
