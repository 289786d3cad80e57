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
    "cited_title",
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


# unlabelled lines a header holds beside its labelled ones: "arXiv 2403.03206", "Raposo et al., 2024"
_ARXIV_LINE = re.compile(r"^(?:[-*+•]\s+)?arxiv\s+(?P<id>\d{4}\.\d{4,5}(?:v\d+)?)\.?$", re.I)
_CITATION_LINE = re.compile(
    r"^(?:[-*+•]\s+)?(?P<family>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) et al\.?,? *\(?(?:19|20)\d{2}\)?\.?$"
)
# a paper named with its citation: '"Scaling Rectified Flow Transformers" (Esser et al., ICML 2024)'
_CITED_TITLE = re.compile(
    r"^[\"“'‘]?(?P<title>.+?)[\"”'’]?,?\s*\((?P<family>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) et al\.?,?\s*"
    r"(?P<venue>[^()]*?)\)\.?$"
)
_QUOTED_TITLE = re.compile(r"^[\"“](?P<title>[^\"“”]+)[\"”]\.?$")


def labelled(line: str) -> tuple[str, str] | None:
    """(kind, value) of a "Label: value" line: presenter, title, authors, venue, link or date; an "arXiv ID" line
    is a link and a "Family et al., 2024" line the authors; None otherwise."""
    s = plain(line)
    if arxiv := _ARXIV_LINE.match(s):
        return "link", f"arXiv:{arxiv.group('id')}"
    if cited := _CITATION_LINE.match(s):
        return "authors", cited.group("family")  # the first author; the others are not named
    m = _LABEL.match(s)
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
    if labelled_name := presenter_label(line):  # "## Presenter: Ada Quill": the label is no title
        return labelled_name, None
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


def cited_title(value: str) -> tuple[str, list[str], str | None]:
    """(title, authors, venue) of a paper named with its citation or in quotes: '"Title" (Esser et al., ICML
    2024)' -> ("Title", ["Esser"], "ICML 2024"); a year alone is no venue; other values come back whole."""
    m = _CITED_TITLE.match(value.strip())
    if m is None:
        quoted = _QUOTED_TITLE.match(value.strip())
        return (quoted.group("title").strip() if quoted else value), [], None
    venue = m.group("venue").strip(" ,.")
    venue = None if not re.search(r"[^\W\d_]", venue) else venue  # "(Raposo et al., 2024)": no venue
    return m.group("title").strip(" ,"), [m.group("family")], venue
