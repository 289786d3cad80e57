"""An annotated reading list whose items name each paper by its system's or method's name in bold, then its authors
and its venue with the year emphasised::

    - **Widgetify / Widgeteer** — Quill, Renn, Lune, *WIDG 2019*.
      What it does, why it matters here …
    - **Gadget analysis** — Quill & Renn, *POPL 1977* / Renn, Quill, *TCS 1978*.
    - **Sprocket** — Quill et al., *ICSE 2019*; and **Cogwheel** — Renn et al., *CC 2021*.

Each "**Name** — Authors, *Venue Year*" is one paper, titled by its name (the page names it so, no title is
invented), its authors the names before the venue (family names, "et al.", "&"), its venue and year the emphasised
ones; a second "/ Authors, *Venue Year*" in the item is a second paper of the same name. Read on a page with two
such items or more, on items naming no id (an item with an arXiv id or DOI is the finder's as before).

Used by :mod:`._mentions`.
"""

from __future__ import annotations

import re

from ._mention_details import Found
from ._mention_lines import Line
from ._schedule_cells import CellPaper

__all__ = ["system_items"]

_NAME = r"[A-Z\u00c0-\u024f][\w\u00c0-\u024f'’.-]*(?:\s+[A-Z\u00c0-\u024f][\w\u00c0-\u024f'’.-]*){0,2}"
_AUTHORS = rf"{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*(?:,?\s+et\s+al\.?)?"
# "**Name** — Authors, *Venue Year*", or after it in the item "/ Authors, *Venue Year*" (a second paper)
_CITED = re.compile(
    rf"(?:\*\*(?P<name>[^*]{{2,80}})\*\*\s*[—–]\s*|(?<=\*)\.?\s*[/;]\s*(?:and\s+)?)(?P<authors>{_AUTHORS}),?\s*"
    r"\*(?P<venue>[A-Za-z][\w&.\- ]{0,40}?)\s+(?P<year>(?:19|20)\d\d)\*"
)


def _item_text(lines: list[Line], i: int) -> str:
    """A list item's text with its continuation lines."""
    more = [ln.text for ln in lines[i + 1 : i + 12] if ln.item == i and ln.kind == "text"]
    return " ".join([lines[i].text, *more, *lines[i].wraps])


def _papers(text: str) -> list[CellPaper]:
    papers: list[CellPaper] = []
    name = ""
    for m in _CITED.finditer(text):
        name = (m.group("name") or name).strip(' "“”')
        authors = [a.strip() for a in re.split(r"\s*(?:,|&|\band\b)\s*", m.group("authors")) if a.strip()]
        more = bool(authors and re.search(r"\bet\s+al\b", authors[-1]))
        authors = [re.sub(r",?\s+et\s+al\.?$", "", a) for a in authors]
        papers.append(
            CellPaper(
                name, authors=authors, venue=m.group("venue").strip(), year=int(m.group("year")), more_authors=more
            )
        )
    return [p for p in papers if p.title]


def system_items(lines: list[Line], named: set[int]) -> list[Found]:
    """The papers of items written "**Name** — Authors, *Venue Year*" (see the module's docstring), on a page
    with two such items or more; [] on any other page."""
    found = [
        Found(p.title, [i], ref=p)
        for i, line in enumerate(lines)
        if line.kind == "item" and i not in named and line.text.lstrip().startswith("**")
        for p in _papers(_item_text(lines, i))
    ]
    return found if len({f.lines[0] for f in found}) >= 2 else []
