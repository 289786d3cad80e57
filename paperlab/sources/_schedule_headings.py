"""Reading-group schedules written as one heading per meeting, the readings under it.

::

    ## Meeting 2 (2025-09-09): Sequence models
    ### Readings
    Attention Is All You Need: https://arxiv.org/abs/1706.03762
    ### Assignments
    - Prepare the presentation

A heading is a meeting's when it starts with a numbered meeting word ("Session 3", "Week 04", "Lecture 5",
"Meeting #2") or with a date ("2025-09-30: Retrieval", "Oct 7, 2025 — Agents"); the page needs two such headings. The date
is read from the heading in any style :func:`parse_day` knows, the topic is what the heading says beside the number
and the date. Under it, until the next heading of its level or above, every line naming a paper by an arXiv or DOI
link or id is a reading, titled by the text before the link or by the link's text; a label such as "Readings" or
"Paper" is never a title (the paper's id stands for it). Lines and bullets that name no paper (assignments,
planning, a blog post, a video) are the meeting's notes.

Used by :mod:`paperlab.sources.schedule` (``read_meetings``, ``looks_like_schedule``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ._schedule_cells import CellPaper, cell_papers, date_order, parse_day

__all__ = ["HeadingMeeting", "heading_meetings", "is_heading_schedule"]

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_NUMBERED = re.compile(
    r"^(?:session|meeting|week|lecture|class|seminar|talk|reading group|journal club)\s*(?:no\.?\s*|#\s*)?\d{1,3}\b",
    re.I,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}(?:[-/.]\d{{2,4}})?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?)(?!\w)",
    re.I,
)
_FULL_DATE = re.compile(rf"(?<!\d)(?:19|20)\d{{2}}(?!\d)|{_MONTH}", re.I)
# a line's lead that only labels what follows ("Readings: <link>", "Paper - <link>"): no paper's title
_LABEL = re.compile(
    r"^(?:(?:required|optional|main|suggested|further|additional|background|recommended|supplementary)\s+)?"
    r"(?:readings?|papers?|articles?|links?|pdf|arxiv|url|doi|slides|reading list|to read)\s*\d*$",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")


@dataclass
class HeadingMeeting:
    """One meeting heading and what its section says."""

    date_text: str
    topic: str | None
    where: str
    papers: list[CellPaper] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    date: dt.date | None = None  # the day, once the page's date order is known
    level: int = 2
    table: bool = False  # the section holds a pipe table (then it is no heading schedule)


def _meeting_heading(body: str) -> tuple[str, str | None] | None:
    """(the date as written, the topic) of a meeting heading, None for another heading."""
    plain = re.sub(r"[*_`]", "", body).strip()
    numbered = _NUMBERED.match(plain)
    rest = plain[numbered.end() :] if numbered else plain
    date = _DATE.search(rest)
    if not numbered and not (date and date.start() <= 1 and _FULL_DATE.search(date.group(0))):
        return None  # a date leads the heading: one with a year or a month's name, no section number ("2.1 Data")
    date_text = date.group(0) if date else ""
    if date:
        rest = rest[: date.start()] + " " + rest[date.end() :]
    topic = re.sub(r"^[\s:\[\],.–—-]+|[\s:\[\],–—-]+$", "", re.sub(r"\(\s*\)", " ", rest)).strip()
    if topic.startswith("(") and topic.count("(") > topic.count(")"):  # "Week 2 (Oct 7): …" cut at the date
        topic = topic[1:]
    if topic.endswith(")") and topic.count(")") > topic.count("("):
        topic = topic[:-1]
    return date_text, (" ".join(topic.strip(" :–—-").split()) or None)


def _line_papers(line: str) -> tuple[list[CellPaper], str | None]:
    """(the papers a line names by an arXiv or DOI link or id, the line as a note when it names none)."""
    text = _BULLET.sub("", line).strip()
    if not text:
        return [], None
    found, _ = cell_papers(text)
    papers = [p for p in found if p.arxiv_id or p.doi]
    for paper in papers:
        lead = paper.title.strip().rstrip(":-–— ").strip()
        if _LABEL.match(lead) or paper.title.startswith(("http://", "https://")) or not lead:
            paper.title = f"arXiv:{paper.arxiv_id}" if paper.arxiv_id else f"doi:{paper.doi}"
        else:
            paper.title = lead
    return papers, (None if papers else " ".join(text.split()))


def _sections(text: str) -> list[HeadingMeeting]:
    """Every meeting heading of a page with the papers and notes of its section."""
    meetings: list[HeadingMeeting] = []
    current: HeadingMeeting | None = None
    fenced = False
    for n, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if m := _HEADING.match(line):
            level, found = len(m.group(1)), _meeting_heading(m.group(2))
            if found is not None:
                current = HeadingMeeting(found[0], found[1], f"line {n}", level=level)
                meetings.append(current)
            elif current is not None and level <= current.level:
                current = None  # "## Code formatting" after the meetings
            continue
        if current is None or not line.strip():
            continue
        if line.lstrip().startswith("|"):
            current.table = True
        papers, note = _line_papers(line)
        current.papers += papers
        if note:
            current.notes.append(note)
    return meetings


def heading_meetings(text: str) -> list[HeadingMeeting]:
    """The meetings of a page written as one heading per meeting (:func:`is_heading_schedule`), dated in the page's
    date order; [] for any other page."""
    meetings = _sections(text)
    same_level = [m for m in meetings if m.level == min((x.level for x in meetings), default=0)]
    if len(same_level) < 2 or any(m.table for m in meetings) or not any(m.papers for m in meetings):
        return []
    order = date_order(m.date_text for m in meetings if m.date_text)
    years = [int(y) for m in meetings for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", m.date_text)]
    year = max(set(years), key=years.count) if years else None
    for m in meetings:
        m.date = parse_day(m.date_text, order, year) if m.date_text else None
    return meetings


def is_heading_schedule(text: str) -> bool:
    """Whether a page is a schedule written as one heading per meeting: two meeting headings of one level, at least
    one naming a paper by its arXiv or DOI link, and no table under them."""
    return bool(heading_meetings(text))
