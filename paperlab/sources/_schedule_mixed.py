"""A schedule column that names the presenter, the topic or the paper, whichever the week has ("Presenter/Topic/Paper",
"Speaker / Paper"): a cell of that column holding only a person's name ("**Pierina**", "Dan") is the week's presenter,
not a paper titled by the name.

Used by :mod:`paperlab.sources.schedule` for each row (a module of its own: that one is near its size cap).
"""

from __future__ import annotations

import re
from typing import Any

from ._schedule_cells import CellPaper, clean_cell, link_ids
from ._schedule_kinds import cited_by_row, talks, topics_only
from ._schedule_linktext import paper_address
from ._schedule_tables import ScheduleTable, column_key

__all__ = ["page_link", "presenter_in_paper_cell"]

# a column name's words for who presents, "Presentor" (a common misspelling) too
_WHO_WORDS = frozenset({"presenter", "presenters", "presentor", "presentors", "speaker", "speakers", "who", "host"})
# a person's name as a cell holds it: one to three capitalised words of letters ("Pierina", "Ada Quill", "Jean-Luc")
_NAME = re.compile(r"^[*_]*\s*(?:[A-Z][a-z\u00c0-\u024f'’]+(?:-[A-Z][a-z\u00c0-\u024f]+)?\s*){1,3}[*_]*$")


def presenter_in_paper_cell(
    table: ScheduleTable, cell: Any, read: tuple[list[str], list[CellPaper], str | None]
) -> tuple[list[str], list[CellPaper], str | None]:
    """(presenters, papers, note) of a row as ``read`` from its cells, unless its paper cell names the presenter: the
    column's name joins a presenter word to the paper's ("Presentor/Topic/Paper"), the row names no presenter
    elsewhere, and the cell holds only a name without a link ("**Pierina**"): then that name, no paper, no note."""
    who, found, note = read
    at = table.roles.index("paper") if "paper" in table.roles else len(table.columns)
    if who or "presenter" in table.roles or at >= len(table.columns):
        return read
    name = table.columns[at]
    if "/" not in clean_cell(name) or not set(column_key(name).split()) & _WHO_WORDS:
        return read
    text = clean_cell(cell).strip()
    if not text or "](" in text or not _NAME.match(text):
        return read
    person = text.strip("*_ ")
    return [person], [], (None if note and note.strip("*_ ") == person else note)


def page_link(table: ScheduleTable, by_role: dict[str, Any]) -> bool:
    """Whether a row's link is only a web page's (an event's page, a news article: no arXiv id, DOI or paper PDF) in
    a schedule of talks or of topics (a club's ``{"title", "links"}`` meetings, a meetup's ``url``) whose row gives
    no author or journal of a paper (``by_role``: the row's first cell of each role): the title beside it is then
    the talk's or the meeting's, no paper."""
    if not (talks(table) or topics_only(table)) or cited_by_row(table, by_role):
        return False
    _, url, arxiv, doi = link_ids(clean_cell(by_role.get("link")))
    return bool(url) and not (arxiv or doi or paper_address(url or ""))
