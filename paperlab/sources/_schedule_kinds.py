"""What kind of schedule a table is, by its columns: a seminar's of talks (a speaker's column, an affiliation or a
bio; its titles the talks'), a course's of topics (no presenter), or a reading group's whose column names its papers.

In a seminar's table a title is the talk's and a paper only when linked or referenced. A column named "paper" that
holds only links (``paper: https://arxiv.org/abs/…`` beside ``title:``, ``speaker:``, ``affiliation:``) does not make
the titles papers: a talk presenting that paper links it; a talk without the link presents none.

Used by :mod:`paperlab.sources.schedule`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ._schedule_cells import cell_papers, clean_cell, is_placeholder
from ._schedule_tables import TOPIC_COLUMNS, ScheduleTable, column_key

__all__ = ["cited_by_row", "mark_seminars", "papers_named", "talks", "topic_roster", "topics_only"]

_SPEAKER_FIELD = re.compile(r"^(?:aff|affil|affiliations?|bio|biography|speaker bio|institution|organi[sz]ation)$")
_TALK_TITLES = ("topic", "topics", "talk", "talk topic", "title", "talk title", "主题", "话题", "テーマ", "주제")
# a presenter column named for a speaker in other languages ("演讲者", "登壇者", "Referent"): a talk's giver ("主讲人",
# "발표자" name a presenter, as "Presenter" does: a reading group's too)
_SPEAKER_KEYS = frozenset(
    "演讲者 演讲人 讲者 登壇者 講演者 연사 referent referentin orateur intervenant ponente".split()
)
# a plain "Title" beside a speaker is a talk's only where the file says it lists talks; a reading group's
# "Date,Speaker,Title" names its papers
_TITLE_ONLY = ("title",)
_SEMINAR_WORD = re.compile(r"\b(?:seminars?|colloqui(?:um|a)|talks?|speakers?\s+series|lecture\s+series)\b", re.I)
_HEADING_LINE = re.compile(r"^\s{0,3}(?:#{1,6}\s+(.*)|<h[1-6]\b[^>]*>(.*?)</h[1-6]>)", re.I | re.M)
_ABSTRACT = re.compile(r"^(?:abstract|talk abstract|summary of the talk)$")
_LINK_ONLY = re.compile(r"^(?:<?https?://\S+>?|\[[^\[\]]*\]\(\S+\))$")


def talks(table: ScheduleTable) -> bool:
    """Whether a schedule is a seminar's of invited talks: its entries say who the speaker is (an affiliation or a
    bio: "aff: Lehigh University") or its columns are a speaker's and a topic's or title's ("Speaker(s) | Topic",
    YAML ``speaker:``/``title:``; in a file that says it lists talks, any presenter's: "Seminars.csv" of "Date | Name
    | Title"), and its titles are not called papers or readings (a "paper" column of links
    alone does not call them so), so a title is the talk's, a paper only when linked or referenced."""
    keys = [(column_key(c), role) for c, role in zip(table.columns, table.roles, strict=True)]
    speakers = any(role == "presenter" and (key.startswith("speaker") or key in _SPEAKER_KEYS) for key, role in keys)
    signed = table.seminar or any(_ABSTRACT.match(k) for k, _ in keys)  # "seminars.csv", an "Abstract" column
    titles = all(key in _TALK_TITLES and (signed or key not in _TITLE_ONLY) for key, role in keys if role == "paper")
    named = papers_named(table) and not _links_only(table)
    # a file that says it lists talks ("Seminars.csv", "# Colloquium") names its speakers in any presenter column
    speakers = speakers or table.seminar and any(role == "presenter" for _, role in keys)
    return not named and (any(_SPEAKER_FIELD.match(k) for k, _ in keys) or speakers and titles)


def cited_by_row(table: ScheduleTable, by_role: dict[str, Any]) -> bool:
    """Whether a row's own cells (``by_role``: its first cell of each role) give its paper's authors or journal
    ("Title | Author(s) | Journal"): it names a paper, linked or not; a seminar's "venue" is the talk's room."""
    roles = ("authors",) if talks(table) else ("authors", "venue")
    return any(not is_placeholder(clean_cell(by_role.get(role))) for role in roles)


def mark_seminars(tables: list[ScheduleTable], path: Path, text: str) -> list[ScheduleTable]:
    """The tables, each marked a seminar's when the file's name or one of its headings (or the table's own) says it
    lists talks: "seminars.csv", "# Colloquium, spring 2025", "## Speaker series"."""
    said = [re.sub(r"[\W_]+", " ", path.stem), *(m.group(1) or m.group(2) or "" for m in _HEADING_LINE.finditer(text))]
    for table in tables:
        heads = [*said, table.title or "", table.section or ""]
        table.seminar = table.seminar or any(_SEMINAR_WORD.search(h) for h in heads)
    return tables


def topics_only(table: ScheduleTable) -> bool:
    """Whether a schedule names no presenter and no column of papers (a course's "Date | Topic | Notes")."""
    return "presenter" not in table.roles and not papers_named(table)


def topic_roster(table: ScheduleTable) -> bool:
    """Whether a table's paper columns are all topics' ("Name | Topic | Subject", "Presenter | Theme") and most of
    its topic cells read as no paper's title or are a few words long: a roster of talk topics ("Window Functions", "Map, Filter and Reduce"),
    whose topics are papers only when a link, an id or a reference names one. A reading group's "Presenter | Topic"
    of paper titles is none (most of its cells read as titles)."""
    if table.roster is None:
        table.roster = _roster(table)
    return table.roster


def _roster(table: ScheduleTable) -> bool:
    columns = [n for n, role in enumerate(table.roles) if role == "paper"]
    if not columns or any(column_key(table.columns[n]) not in TOPIC_COLUMNS for n in columns):
        return False
    at = columns[0]
    cells = [
        c[at] for _, c in table.rows if isinstance(c, list) and at < len(c) and not is_placeholder(clean_cell(c[at]))
    ]
    if len(cells) < _FEWEST_TOPICS:
        return False
    titled = 0
    for cell in cells:
        found = cell_papers(cell)[0]
        titled += bool(found) and not any(p.url or p.arxiv_id or p.doi or p.authors for p in found)
    words = sorted(len(clean_cell(cell).split()) for cell in cells)
    return titled * 2 < len(cells) or words[len(words) // 2] <= _TOPIC_WORDS  # mostly subjects of a few words


_FEWEST_TOPICS = 4  # a table of fewer topics says too little to tell a roster from a reading group
_TOPIC_WORDS = 3  # a subject's words ("Window Functions", "K means Clustering"); a paper's title is longer


def papers_named(table: ScheduleTable) -> bool:
    """Whether a paper column's name says it holds papers ("Paper", "Reading", "Article"; not "Title", "Topic")."""
    return bool(_named(table))


def _named(table: ScheduleTable) -> list[int]:
    """The columns whose names say they hold papers."""
    return [
        n
        for n, (c, role) in enumerate(zip(table.columns, table.roles, strict=True))
        if role == "paper" and any(word in column_key(c) for word in ("paper", "reading", "article"))
    ]


def _links_only(table: ScheduleTable) -> bool:
    """Whether every column named for papers holds links alone (beside a title column): the papers' addresses."""
    titled = any(column_key(c) in _TALK_TITLES for c in table.columns)
    cells = [clean_cell(cells[n]) for n in _named(table) for _, cells in table.rows if n < len(cells)]
    filled = [c for c in cells if c]
    return titled and bool(filled) and all(_LINK_ONLY.match(c) for c in filled)
