"""A list item the generic finder (:mod:`._mentions`) reads as a reference written out, its one link closing it
being the venue's page::

    - Quill et al. (2022) Sparse widgets in a warmer world. <a href="https://doi.org/10.1/x">Widget Science.</a>

The text before the link is the reference (authors, year, title: any style :func:`._schedule_cells.written_reference`
knows, with its authors and year); the link's text is the journal ("Widget Science"), never the paper's title, and
its address the paper's page. An item whose link does not close it, or whose text before it is no reference with
authors and a year, is none (a link that titles its paper: "[Title](…) (2019)").

A paragraph line of links only, each labelled as material ("[[paper](…)] [[code](…)]"), is titled by the paragraph's
line right above it when that line is plain words, a method's short name before a dash dropped ("f-WID - Widget
Routing Revisited" is "Widget Routing Revisited"; "WID - WID: Widget Routing" is "WID: Widget Routing").
"""

from __future__ import annotations

import re

from ._mention_lines import LINK, Line, plain, usable_title
from ._schedule_cells import CellPaper, written_reference

__all__ = ["item_reference", "title_above_links"]


def item_reference(line: Line) -> CellPaper | None:
    """The reference a list item writes out before the venue's link that closes it (see the module's docstring)
    with ``url`` the link's address and ``venue`` its text; None for any other line."""
    if line.kind != "item":
        return None
    links = list(LINK.finditer(line.text))
    if len(links) != 1 or line.text[links[0].end() :].strip(" .;,"):
        return None
    before = plain(line.text[: links[0].start()])
    found = written_reference(before)
    if found is None or not found.authors or not found.year or found.url:
        return None
    found.more_authors = found.more_authors or bool(re.search(r"\bet\s+al\b", before))  # "Quill et al. (2022)"
    venue = " ".join(plain(links[0].group(1)).split()).strip(" .")
    found.venue, found.url = found.venue or venue or None, links[0].group(2)
    return found


_SHORT_NAME = re.compile(r"^\S{1,16}\s+[-–—]\s+(?=\S)")  # "f-BRS - ": a method's short name before its title


def title_above_links(lines: list[Line], i: int) -> str:
    """The title of a paragraph line holding only links (see the module's docstring), "" for any other line."""
    line = lines[i]
    if line.kind != "text" or i == 0 or plain(LINK.sub(" ", line.text)).strip(" []()|,;"):
        return ""
    above = lines[i - 1]
    if above.kind != "text" or LINK.search(above.text) or "://" in above.text:
        return ""
    return usable_title(_SHORT_NAME.sub("", plain(above.text).strip()))
