"""Papers written one heading each, some of them with no id: notes that give each paper its own ``###`` heading
(its title) over its byline and notes, most naming the paper's DOI, arXiv id or address under it, a few not yet
("### LIVE — Towards Layer-wise Widget Vectorization" / "`[authors to check]`"). Read by the generic paper finder
(:mod:`._mentions`): where two headings of one level at least are papers titled by their headings (an id below
each), the other headings of that level that read as a paper's title are papers too; a short name before a dash
("DiffVG — Title") is no part of the title. A heading of another level (a section, a topic) is none."""

from __future__ import annotations

import re
from collections import Counter

from ._mention_details import Found
from ._mention_lines import Line, plain, usable_title
from ._title_lines import title_score

__all__ = ["sibling_heading_papers"]

_NICKNAME = re.compile(r"^\S{1,24}\s+[—–-]\s+(?=\S)")  # "DiffVG — ", "LIVE - "
_TITLE_SCORE = 0.5


def sibling_heading_papers(lines: list[Line], paper_headings: set[int]) -> list[Found]:
    """The papers of the headings beside those that title papers named under them (see the module's docs)."""
    levels = Counter(lines[h].level for h in paper_headings if lines[h].kind == "heading")
    found: list[Found] = []
    for i, line in enumerate(lines):
        if line.kind != "heading" or i in paper_headings or levels[line.level] < 2:
            continue
        title = usable_title(_NICKNAME.sub("", plain(line.text).strip()))
        if len(title.split()) >= 3 and title_score(title) >= _TITLE_SCORE:
            found.append(Found(title, [i]))
    return found
