"""A page of literature notes that names its papers by headings alone, notes under each, no id, link or list of
references anywhere::

    # Literature Summary
    ## Sparse Widget Routing with Learned Lantern Embeddings
    - Replaces random placement of widgets
    ## G-Widget: A Storage Manager for Lantern Data
    - Multi-level partitioning

Read by the generic paper finder (:mod:`._mentions`) only when nothing else in the file names a paper, and only on a
page that says it is about papers (its first heading or its file's name: "Literature", "Papers", "Paper summaries",
"Readings", "Related work", "Survey"): each heading below the page's own that reads as a paper's title (four words
at least, or a name and a colon before three; the title classifier sure enough; no section name such as
"Installation", "Results", "Idea Section") and has notes under it is a paper. At least two such headings, and half
of the headings at that level at least: a project's README of "Usage" / "Getting started" headings is none.
"""

from __future__ import annotations

import re

from ._mention_details import Found
from ._mention_lines import Line, plain, usable_title
from ._title_lines import title_score

__all__ = ["title_headings"]

_ABOUT_PAPERS = re.compile(
    r"\b(?:literature|papers?|readings?|summar(?:y|ies)|reviews?|survey|related[\s_-]+work|bibliograph\w*)\b", re.I
)
_SECTION = re.compile(
    r"^\W*(?:install\w*|usage|getting\s+started|quick\s*start|introduction|overview|background|motivation|"
    r"results?|conclusions?|summary|notes?|ideas?(?:\s+section)?|to-?do|references|related\s+work|questions?|"
    r"open\s+questions|next\s+steps|contributing|licen[cs]e)\W*$",
    re.I,
)
_NAMED = re.compile(r"^[^\s:]{2,30}:\s+\S+(?:\s+\S+){2,}")  # "G-Widget: A Storage Manager …"
_SURE = 0.5  # the title classifier's score a heading needs, on a page about papers


def title_headings(lines: list[Line], source: str = "") -> list[Found]:
    """The papers of such a page (see the module's docstring), or [] for any other."""
    headings = [i for i, line in enumerate(lines) if line.kind == "heading"]
    if not headings:
        return []
    page = plain(lines[headings[0]].text)
    stem = re.split(r"[\\/]", source)[-1].rsplit(".", 1)[0].replace("_", " ").replace("-", " ")
    if not (_ABOUT_PAPERS.search(page) or _ABOUT_PAPERS.search(stem)):
        return []
    top = lines[headings[0]].level
    below = [i for i in headings if lines[i].level > top] if len(headings) > 1 else []
    level = min((lines[i].level for i in below), default=0)
    at_level = [i for i in below if lines[i].level == level]
    found = [Found(t, [i]) for i in at_level if (t := _title(lines, i))]
    return found if len(found) >= 2 and 2 * len(found) >= len(at_level) else []


def _title(lines: list[Line], i: int) -> str:
    """The heading's title when it reads as a paper's and notes stand under it, else ""."""
    title = usable_title(plain(lines[i].text))
    if not title or _SECTION.match(title) or not _notes_below(lines, i):
        return ""
    if len(title.split()) < 4 and not _NAMED.match(title):
        return ""
    return title if title_score(title) >= _SURE else ""


def _notes_below(lines: list[Line], i: int) -> bool:
    for line in lines[i + 1 :]:
        if line.kind == "heading":
            return False
        if line.kind in ("item", "text", "quote") and line.text.strip():
            return True
    return False
