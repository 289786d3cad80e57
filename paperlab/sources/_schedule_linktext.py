"""What a schedule cell's text around a reading's one link says about it (:mod:`._schedule_cells`): a course's own
pages are no papers, and the words beside a link titled by its paper ("[Title](…) by Ada Quill", "[ThinkPython](…)
3.1-3.7", "[Functions](…) (1-3)") are its authors or the part to read, no part of the title.
"""

from __future__ import annotations

import re

__all__ = ["COURSE_PAGE", "beside_label"]

# a course's own pages: a relative link to a page of the site ("syllabus.qmd", "notes/loops.html"), a lecture's notes
COURSE_PAGE = re.compile(
    r"^(?![a-z][\w+.-]*:|/)[^\s?#]+\.(?:qmd|rmd|md|html?)(?:[?#]|$)|^https?://[^?#\s]*?/(?:notes|lectures?)/", re.I
)
# "by Ada Quill", "by Ada Quill and Bo Dale": the reading's authors
_BY = re.compile(
    r"^by\s+(?P<names>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})*)$"
)
# the part to read: "(1-3)", "3.1-3.7", "pp. 12-30", "Ch. 2", "§3", "sections 2 and 3"
_PART = re.compile(
    r"^\(?(?:(?:pp?|ch|chs|chap|sec|secs|sections?|chapters?|§)\.?\s*)?\d+(?:\.\d+)*"
    r"(?:\s*(?:[-–]|and|,)\s*\d+(?:\.\d+)*)*\)?$",
    re.I,
)


def beside_label(shown: str, label: str) -> tuple[str, list[str]]:
    """(the title, its authors) of a reading linked by ``label`` with ``shown`` the cell's text around the link:
    "by Names" gives the authors, a part to read ("3.1-3.7") is dropped, any other text opens the title."""
    shown = shown.strip()
    if (by := _BY.match(shown)) is not None:
        return label, [n for n in re.split(r"\s*(?:,|\band\b|&)\s*", by.group("names")) if n]
    if _PART.match(shown):
        return label, []
    return f"{shown} {label}", []


# a cell that is only the address of a paper: an arXiv abstract or PDF, a DOI's resolver, a PDF filed among papers
# ("…/papers/2024.widgets.pdf"; a deck of slides, "…/slides/week3.pdf", is none)
_PAPER_ADDRESS = re.compile(
    r"^https?://(?:(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/\S+|(?:dx\.)?doi\.org/10\.\S+"
    r"|(?!\S*slide)\S*/(?:papers?|pubs?|publications?)/\S+\.pdf(?:[?#]\S*)?)$",
    re.I,
)


def paper_address(cell: str) -> str | None:
    """A material cell (slides, recording) that is only a paper's address ("https://arxiv.org/pdf/2507.06376") as a
    link labelled "paper"; None for any other cell (a repository, a video, text)."""
    return f"[paper]({cell.strip()})" if _PAPER_ADDRESS.match(cell.strip()) else None
