"""Labelled lines and markdown headings of notes: "Presenter: Ada Lovelace", "## Ada Lovelace — LoRA", "**Paper:** ...".

Notes written in markdown (or as plain "Label: value" lines) state what slide transcripts leave to the layout:
who presents, the paper, its authors and venue. These helpers read such lines; :mod:`.layout` and :mod:`.reading`
use them next to the layout rules.
"""

from __future__ import annotations

import re

from ...sources import link_ids
from .names import name_shaped

__all__ = [
    "heading_level",
    "is_placeholder",
    "labelled",
    "link_ids",
    "plain",
    "presenter_label",
    "split_authors",
    "split_heading",
]

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_LABEL = re.compile(
    r"^(?:[-*+•]\s+)?(?P<label>presenters?|presented by|speakers?|led by|discussion lead(?:er)?|facilitator|paper|"
    r"title|authors?|venue|published (?:in|at)|"
    r"appear(?:ed|s)? (?:in|at)|link|url|arxiv|doi|date)\s*[:：]\s*(?P<value>.+)$",
    re.I,
)
_LABEL_KIND = {
    "presenter": "presenter",
    "presenters": "presenter",
    "presented by": "presenter",
    "speaker": "presenter",
    "speakers": "presenter",
    "led by": "presenter",
    "discussion lead": "presenter",
    "discussion leader": "presenter",
    "facilitator": "presenter",
    "paper": "title",
    "title": "title",
    "author": "authors",
    "authors": "authors",
    "link": "link",
    "url": "link",
    "arxiv": "link",
    "doi": "link",
    "date": "date",
}
_HEADING_SEPARATOR = re.compile(r"\s+[—–-]\s+|\s*:\s+|\s+\|\s+")


_PLACEHOLDER = re.compile(
    r"^[(\[]?\s*(?:tba|tbd|tbc|to be (?:announced|decided|confirmed|determined)|n/?a|none|no paper|"
    r"paper to be announced|-+|—|–|\?+)\s*[)\]]?[.!]?$",
    re.I,
)


def is_placeholder(text: str | None) -> bool:
    """Whether a title or name cell only holds a placeholder ("TBA", "(to be announced)", "--", "?")."""
    return not (text or "").strip() or bool(_PLACEHOLDER.match(plain(text or "")))


def heading_level(line: str) -> int:
    """The level of a markdown heading line (``## x`` -> 2), 0 for any other line."""
    m = _HEADING.match(line)
    return len(m.group(1)) if m else 0


def plain(line: str) -> str:
    """A line without its heading marks, emphasis and surrounding blanks."""
    s = _HEADING.sub("", line.strip())
    s = re.sub(r"\s+#+\s*$", "", s)  # closing hashes "## Title ##"
    return _EMPHASIS.sub("", s).strip()


def labelled(line: str) -> tuple[str, str] | None:
    """(kind, value) of a "Label: value" line: presenter, title, authors, venue, link or date; None otherwise."""
    m = _LABEL.match(plain(line))
    if not m or not m.group("value").strip():
        return None
    label = " ".join(m.group("label").lower().split())
    return _LABEL_KIND.get(label, "venue"), m.group("value").strip()


def presenter_label(line: str) -> str | None:
    """The presenter named on a "Presenter: Ada Lovelace" line."""
    found = labelled(line)
    if found is None or found[0] != "presenter":
        return None
    return re.sub(r"\s*\([^)]*\)\s*$", "", found[1]).strip(" .") or None  # "Ada Lovelace (UvA)"


def split_heading(line: str) -> tuple[str, str | None] | None:
    """(presenter, title or None) of a heading naming a person: "## Ada Lovelace", "### Ada Lovelace — LoRA"."""
    if not heading_level(line):
        return None
    s = plain(line)
    if name_shaped(s):
        return s, None
    by = re.match(
        r"^(?P<title>.+?)[\s,;—–-]*(?:\((?:presented by |presenter: |by )?(?P<a>[^()]+)\)|"
        r"\b(?:presented|led) by (?P<b>.+))$",
        s,
        re.I,
    )
    if by and name_shaped((by.group("a") or by.group("b") or "").strip()):  # "LoRA (Ada Lovelace)"
        return (by.group("a") or by.group("b")).strip(), by.group("title").strip(" —–-:,")
    parts = _HEADING_SEPARATOR.split(s, maxsplit=1)
    if len(parts) == 2:
        first, second = (p.strip() for p in parts)
        if name_shaped(first) and second:
            return first, second
        if name_shaped(second) and first:
            return second, first
    return None


def split_authors(value: str) -> list[str]:
    """The names of an "Authors:" value: separated by commas, semicolons, "&" or "and"."""
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", re.sub(r"[*†‡§¶\d]+(?=\s|,|$)", "", value))
    return [" ".join(p.split()) for p in parts if p.strip() and not re.fullmatch(r"et al\.?", p.strip())]
