"""A digest's list of papers by their titles alone: numbered or bulleted items whose first line is wholly bold
and reads as a paper's title, each followed by a line of summary, at least two such items in one list ("1. **Sparse
Widget Routing at Scale**  " / "   The study focuses on …"). A DailyArXiv-style page opens with such an overview
above its tables; the titles name no link, so only the title classifier says they are papers. Read beside a
layout reader's papers by the generic paper finder (:mod:`._mentions`), as are a reading list's items written
"*Title* by Authors" (:func:`bylined_items`)."""

from __future__ import annotations

import re
from collections import Counter

from ._md_references import emphasised_byline
from ._mention_details import Found
from ._mention_lines import Line
from ._title_lines import title_score

__all__ = ["bold_digest_items", "bylined_items"]

_WHOLE_BOLD = re.compile(r"^\s*(?:\*\*|__)(?=\S)(?P<title>[^*_]+?)(?<=\S)(?:\*\*|__)\s*$")


def _summarised(lines: list[Line], i: int) -> bool:
    """Whether item ``i`` goes on with a line of text of its own (its summary) below its bold first line."""
    return any(
        other.item == i and other.kind in ("text", "item") and other.text.strip() and j > i
        for j, other in enumerate(lines[i + 1 : i + 4], start=i + 1)
    )


def bold_digest_items(lines: list[Line], named: set[int]) -> list[Found]:
    """The items of digest lists (see the module docstring) that no mention names already (``named``)."""
    candidates = []
    for i, line in enumerate(lines):
        if line.kind != "item" or i in named or line.parents:
            continue
        m = _WHOLE_BOLD.match(line.text)
        if m and _summarised(lines, i) and title_score(m.group("title")) >= 0.5:
            candidates.append((i, m.group("title").strip()))
    per_list: dict[int | None, int] = {}
    for i, _ in candidates:
        per_list[lines[i].heading] = per_list.get(lines[i].heading, 0) + 1
    return [Found(title, [i]) for i, title in candidates if per_list[lines[i].heading] >= 2]


def bylined_items(lines: list[Line], named: set[int]) -> list[Found]:
    """Items naming no id written "*Title* by Authors" (:func:`emphasised_byline`), two such in a list at least:
    papers beside a layout reader's too (a list of links read as cards, italic titles with bylines below)."""
    bylines = {i: b for i, line in enumerate(lines) if line.kind == "item" and (b := emphasised_byline(line.text))}
    listed = Counter((lines[i].heading, tuple(lines[i].parents)) for i in bylines)
    return [
        Found(b.title, [i], ref=b)
        for i, b in bylines.items()
        if i not in named and listed[(lines[i].heading, tuple(lines[i].parents))] >= 2
    ]
