"""The papers a schedule page lists outside its meetings: a pool of candidate papers, the contenders for the next
meetings, summaries of papers read elsewhere.

::

    | Date       | Topic                   | Presenters |
    | 17/08/2022 | [Visual Search](…)      | Wojciech   |

    ## Pool of papers:
    - [Construction of the Literature Graph in Semantic Scholar](https://arxiv.org/abs/1805.02262)
    - [Methods for estimating the size of Google Scholar](https://link.springer.com/…)

Such an item is a paper, in no meeting (undated): a top-level list item or a paragraph that is one linked title
(its material links, "[[summary]](…)", aside), or a reference written out with its link (without it, under a
heading of papers to come). A linked title is taken
when its link names an arXiv id or a DOI, when it gives its authors, or when the heading above says the list is of
papers to come ("Pool of papers", "Candidates", "Contenders for upcoming meetings", "Suggested papers", "To read");
a link elsewhere (the page's "[zoom](…)", "[Guidelines](…)") is none.

Used by :mod:`paperlab.sources.schedule` (``read_schedule``) and :mod:`paperlab.sources._schedule_headings`.
"""

from __future__ import annotations

import re

from ..text import fenced_lines
from ._schedule_blanks import is_template_title
from ._schedule_bylines import byline_reference
from ._schedule_cells import CellPaper, cell_papers, written_reference

__all__ = ["is_listed_item", "listed_paper", "pool_papers"]

# a heading over papers to come or papers read elsewhere
_POOL_HEADING = re.compile(
    r"\b(?:pool|candidates?|contenders?|suggest(?:ed|ions?)|propos(?:als?|ed)|backlog|wish\s*list|queue|"
    r"to[- ](?:read|discuss|present|choose|pick)|reading\s+list|"
    r"(?:future|upcoming|possible|potential|more|other|additional|further)\s+(?:papers?|readings?|articles?))\b",
    re.I,
)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$|^\s*<h[1-6][^>]*>(.*?)</h[1-6]>\s*$", re.I)
_TAG = re.compile(r"<[^>]{0,200}>")
_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])\s+(?P<item>.*)$")  # a top-level list item
_LONE_LINK = re.compile(r"^ {0,3}(?P<item>\[[^\[\]]{3,}\]\(.*)$")  # a paragraph opened by a link
_WORDS = re.compile(r"[^\W\d_]{2,}")


def is_listed_item(line: str) -> str | None:
    """The text of a line that may list a paper outside the meetings: a top-level list item, or a paragraph that
    opens with a link; None for another line (a table row, HTML, prose)."""
    if "|" in line:
        return None
    m = _ITEM.match(line) or _LONE_LINK.match(line)
    return m.group("item").strip() if m else None


def listed_paper(item: str, heading: str | None) -> CellPaper | None:
    """The paper one listed item names (:func:`is_listed_item`) under ``heading``, None when it names none."""
    if ref := byline_reference(item):  # "Ada Quill, Bo Renn: Title, [WIDG 2017](…)"
        return ref
    pool = bool(heading and _POOL_HEADING.search(heading))
    if pool and "](" not in item and "http" not in item and (ref := written_reference(item)):
        return ref  # "- Quill, A. (2019). Title. Venue." under "## Candidates": a reference without its link
    found = [p for p in cell_papers(item)[0] if p.url or p.arxiv_id or p.doi]
    if len(found) != 1 or is_template_title(found[0].title) or len(_WORDS.findall(found[0].title)) < 2:
        return None  # no link, several (a line of links is no paper's), "Paper Title 3", "[zoom](…)"
    paper = found[0]
    return paper if paper.arxiv_id or paper.doi or paper.authors or pool else None


def pool_papers(text: str) -> list[tuple[str, str | None, CellPaper]]:
    """(line, the heading above, paper) of each paper a page of schedule tables lists outside them."""
    found: list[tuple[str, str | None, CellPaper]] = []
    heading: str | None = None
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    for n, line in enumerate(lines, 1):
        if n - 1 in fenced:
            continue
        if m := _HEADING.match(line):  # "## Pool of papers", "<h3>Papers to choose from:</h3>"
            heading = _TAG.sub(" ", m.group(1) or m.group(2)).strip(" *_:")
            continue
        item = is_listed_item(line)
        if item and (paper := listed_paper(item, heading)):
            found.append((f"line {n}", heading, paper))
    return found
