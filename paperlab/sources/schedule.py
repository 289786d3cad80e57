"""Reading-group schedules: a CSV, YAML, markdown or HTML table with one meeting per row (date, presenter, paper).

Columns are recognised by their names ("Date", "When", "Week"; "Presenter(s)", "Speaker", "Who"; "Paper", "Title",
"Topic", "Reading"; "Link", "arXiv", "DOI"; "Venue", "Appear in"; "Why should we care", "Notes"; "Repo", "Code").
Every meeting is kept, with its date, presenters and the papers it names (titles kept; arXiv and DOI links resolved
to ids); weeks that were skipped ("No group meeting: public holiday") and rows that are no paper ("PhD talk dry
run") are meetings without papers, with the note. A markdown page may hold several tables (one per term): each
meeting records the heading above its table. A markdown page may also give each meeting a heading of its own
("## Meeting 2 (2025-09-09): Sequence models", the readings below it: :mod:`._schedule_headings`), or a list of
date items with the readings nested under each ("- 2015-03-02" / "  - [Title](link) — Ada Quill"). Readings written
as citation keys ("[@vaswani2017]", "\\cite{he2016}") make no paper: the meeting keeps them in ``extra["cited"]``
and they are reported (:mod:`._schedule_citekeys`).

:func:`read_meetings` reads the meetings; :func:`read_schedule` is the :func:`paperlab.load` reader (the papers).
:class:`paperlab.services.sessions.Schedule` is the object users work with.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import is_date_template, is_period_heading, looks_like_date, weekday_year
from ..errors import ImportProblem, ParseError, ProblemCollector
from ..names import is_more_authors, split_et_al
from ..paper import Paper, SourceRecord
from ..urls import safe_url
from ._files import RECORD_ERRORS, check_paper, read_text
from ._schedule_blanks import is_template_name, without_templates
from ._schedule_bylines import cited_after_title, names_before_title, withdrawn
from ._schedule_cells import (
    CellPaper,
    bracketed_note,
    cell_papers,
    clean_cell,
    date_order,
    is_placeholder,
    link_ids,
    markdown_plain,
    no_paper_note,
    paper_link,
    parse_day,
    presenters,
    skip_note,
)
from ._schedule_citekeys import CITED_ONLY, cited_keys
from ._schedule_clock import as_of, this_year
from ._schedule_columns import lead_name
from ._schedule_dated import described_day, row_note
from ._schedule_headings import heading_meetings, unscheduled_papers
from ._schedule_kinds import cited_by_row, mark_seminars, papers_named, talks, topic_roster, topics_only
from ._schedule_mixed import page_link, presenter_in_paper_cell
from ._schedule_pool import pool_papers
from ._schedule_tables import (
    PAPER_COLUMNS,
    SUFFIXES,
    ScheduleTable,
    column_key,
    looks_like_schedule,
    schedule_tables,
)
from ._title_lines import title_score

__all__ = [
    "CITED_ONLY",
    "NAMES_KEYS_ONLY",
    "NAMES_NO_PAPER",
    "SUFFIXES",
    "NoPaperError",
    "Meeting",
    "ScheduleTable",
    "looks_like_schedule",
    "read_meetings",
    "read_schedule",
    "schedule_tables",
]


@dataclass
class Meeting:
    """One row of a schedule.

    Attributes
    ----------
    date : datetime.date or None
        None when the cell holds none ("TBA") or no real day.
    date_text : str
        The date cell as written.
    presenters : list of str
    papers : list of Paper
        The papers discussed (none for a skipped week or a talk).
    note : str or None
        What the row says when it names no paper ("No group meeting: public holiday", "CA1 dry run").
    skipped : bool
        The meeting did not take place.
    section : str or None
        The heading above the row's table (a term, a topic).
    where : str
        The row's line or record in the file.
    extra : dict
        The row's other cells by column name (slides, times, summaries).
    """

    date: dt.date | None
    date_text: str
    presenters: list[str] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)
    note: str | None = None
    skipped: bool = False
    section: str | None = None
    where: str = ""
    extra: dict[str, str] = field(default_factory=dict)


# a heading that only labels the table below it ("### Sessions", "## Past meetings", "# List of seminars",
# "# List of papers to choose for seminars"): no topic, no tag
_LIST_LABEL = re.compile(
    r"^(?:(?:past|upcoming|previous|current|all|our|future|next|earlier|recent|archived?)\s+)?"
    r"(?:sessions?|meetings?|seminars?|schedule|readings?|papers?|talks?)$|^archive$"
    r"|^(?:the\s+)?(?:list|index)\s+of\s+(?:(?:all|our|the)\s+)?(?:sessions?|meetings?|seminars?|readings?|papers?|talks?)\b",
    re.I,
)
# a numeric date cell with the presenter's name typed after it ("20/12  Ada Quill")
_DATE_THEN_NAME = re.compile(r"^(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)\s+([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,3})$")
_EVENT_URL = re.compile(r"/(?:events?|workshops?|meetups?|conferences?|talks?|seminars?)/", re.I)
_TIME_OF_DAY = re.compile(
    r"^\d{1,2}(?::\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?:\s*[-–]\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?$", re.I
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# a page saying on which day its group meets: "we meet on Fridays at 4pm", "held every Tuesday", "meetings are on Mondays"
_MEETS_ON = re.compile(
    r"\b(?:meet|meets|meeting|meetings|held|gather|gathers)\b[^.\n]{0,30}?\b(?:every|on|each)\s+"
    r"(mon|tues|wednes|thurs|fri|satur|sun)days?\b",
    re.I,
)
_WEEKDAY_WORDS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_TO_COME = re.compile(r"^(?:tba|tbd|tbc|to be (?:announced|decided|confirmed|determined))\.?$", re.I)
# a date cell written as a date that reads as no day: the meeting is kept, the problem reported
_NO_DAY = (
    "date {!r} reads as no day (expected e.g. 2021-11-25, 25 Nov 2021, 25/Nov/2021 or 11/25/2021): the meeting is "
    "kept without its date"
)
_NO_YEAR = "the date names no year and the file names none: the day and month only"
# the refusal of a schedule whose meetings were read and name no paper (a course of chapters and documentation)
NAMES_NO_PAPER = "the schedule names no paper (only notes, skipped weeks and reading material that is no paper)"
NAMES_KEYS_ONLY = (
    "the schedule names its readings by citation key only ([@key], \\cite{key}): there is no title to read; "
    "load the bibliography the keys refer to (a .bib file) for the papers"
)
_ROW_ERRORS: tuple[type[Exception], ...] = (ParseError, *RECORD_ERRORS)


class NoPaperError(ParseError):
    """The reader's refusal of a schedule whose meetings were read and name no paper; ``meetings`` counts them
    (:func:`paperlab.load` gives an empty Library and a :class:`~paperlab.errors.MeetingsOnlyWarning` instead)."""

    def __init__(self, message: str, source: str, where: str, meetings: int) -> None:
        super().__init__(message, source, where)
        self.meetings = meetings


# -- rows into meetings -------------------------------------------------------------------------------


def _cells(table: ScheduleTable, cells: list[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The row's first cell of each role, and its other cells by column name."""
    by_role: dict[str, Any] = {}
    other: dict[str, str] = {}
    for name, role, value in zip(table.columns, table.roles, cells, strict=False):
        if role is not None and (by_role.get(role) is None or not clean_cell(by_role[role])):
            by_role[role] = value
        elif role == "paper" and clean_cell(value):  # required and optional readings: the papers of both
            by_role[role] = f"{by_role[role]}\n{value}"
        elif value is not None and clean_cell(value):
            other[clean_cell(name) or "column"] = clean_cell(value)
    return by_role, other


def _paper_of(
    found: Any, cells: dict[str, Any], meeting: Meeting, source: str, n_papers: int, page: str | None
) -> Paper:
    """A Paper from a cell paper, with the row's link, venue, code and note when the row names one paper; the heading
    above the table is its tag unless it dates the meeting ("Fall 2021") or is the page's title (``page``)."""
    url, arxiv, doi = found.url, found.arxiv_id, found.doi
    extra: dict[str, Any] = {"presenters": meeting.presenters, "meeting": meeting.date_text}
    venue, code = found.venue, None
    authors: list[str] = list(found.authors)
    if n_papers == 1:
        named, more = _author_cell(cells.get("authors"))  # names separated as in a presenter cell
        authors = named or authors
        if more and named:
            extra["more_authors"] = True
        _, link_url, link_arxiv, link_doi = link_ids(clean_cell(cells.get("link")))
        url, arxiv, doi = url or safe_url(link_url), arxiv or link_arxiv, doi or link_doi
        venue_text, _, _, venue_doi = link_ids(clean_cell(cells.get("venue")))
        venue, doi = (venue if is_placeholder(venue_text) else venue_text), doi or venue_doi
        code = safe_url(link_ids(clean_cell(cells.get("code")))[1])
        note = clean_cell(cells.get("note"))
        if not is_placeholder(note) and note != found.title:  # a description that named the paper is its title
            extra["note"] = note
    if meeting.date:
        extra["meeting_date"] = meeting.date.isoformat()
    if found.year:
        extra["date_precision"] = "year"
    if found.extra_urls:
        extra["links"] = found.extra_urls
    if found.more_authors and authors == found.authors:
        extra["more_authors"] = True
    if found.numbers:
        extra["csl"] = dict(found.numbers)  # the venue's volume, issue and pages, for the BibTeX and CSL exports
    return check_paper(
        Paper(
            title=found.title,
            authors=authors,
            arxiv_id=arxiv,
            doi=doi,
            url=safe_url(url),
            journal_ref=venue,
            published=dt.date(found.year, 1, 1) if found.year else None,
            code_url=code,
            tags=[section]
            if (section := meeting.section)
            and not is_period_heading(section)
            and section != page
            and not _LIST_LABEL.match(section)
            else [],
            sources=[SourceRecord("schedule", location=source, record=meeting.where)],
            extra=extra,
        )
    )


def _author_cell(cell: Any) -> tuple[list[str], bool]:
    """(the names, whether the list is cut short) of an authors cell: "Ada Quill, Bo Renn et al." """
    names = presenters(cell)
    if names and is_more_authors(names[-1]):  # "Ada Quill, Bo Renn, et al.": "et al." a name of its own
        return names[:-1], True
    last, more = split_et_al(names[-1]) if names else ("", False)
    return ([*names[:-1], last] if more else names), more


def _linked_title(note: str | None, link: Any) -> tuple[list[CellPaper], str | None]:
    """A paper cell without a link ("Batch normalization") and a link column naming a paper: that paper."""
    _, url, arxiv, doi = link_ids(clean_cell(link))
    if (
        not (url or arxiv or doi)
        or (note and skip_note(note))
        or (url and not (arxiv or doi) and _EVENT_URL.search(url))
    ):
        return [], note  # nothing linked, a skipped week, or a link to the event's page (".../events/…")
    if note:
        return [CellPaper(note, safe_url(url), arxiv, doi)], None
    return cell_papers(link)[0], None


_ID_SHOWN = re.compile(r"^\W*(?:arxiv\W*)?\d{4}\.\d{4,5}(?:v\d+)?\W*$", re.I)


def _cell_papers(table: ScheduleTable, cell: Any, cited_by_row: bool = False) -> tuple[list[CellPaper], str | None]:
    """The papers of a row's paper cell; in a table without presenters whose paper column is a topic ("Date | Topic
    | Notes", a course's "Tentative Topics"), only what a link, an id or a reference names: the title of a talk, a
    workshop or a lecture is the meeting's note, no paper. A row whose own cells give the work's authors or journal
    (``cited_by_row``: "Title | Date Published | Author(s) | Journal") names a paper, linked or not."""
    found, note = cell_papers(cell)
    found = [cited_after_title(p) for p in found]  # "Title, Quill et al., ICLR 2023": the title, author, venue
    found = [names_before_title(p) for p in found]  # "Ada Quill, Bo Renn. Title, JWID 2020.": the same
    for paper in found:  # "[1407.5597]": a link shown as its id names the paper by the id, "arXiv:1407.5597"
        if paper.arxiv_id and _ID_SHOWN.match(paper.title) and paper.arxiv_id in paper.title:
            paper.title = f"arXiv:{paper.arxiv_id}"
    if found and not cited_by_row and (topics_only(table) or talks(table) or topic_roster(table)):
        kept = [p for p in found if p.url or p.arxiv_id or p.doi or p.authors]
        return kept, (note if kept else " ".join(clean_cell(cell).split()))
    return found, note


def _who(cell: Any) -> list[str]:
    """The presenters of a presenter cell; one that says what they do ("Discussion led by X", "Speaker: X") gives
    the name, a format without a person ("Group discussion") none."""
    name = lead_name(clean_cell(cell))
    return presenters(cell if name is None else name)


def _meeting(table: ScheduleTable, where: str, cells: list[Any], ctx: tuple[str, int | None, str]) -> Meeting | None:
    """The meeting of one row (None for an empty row); ``ctx`` is (date order, default year, source)."""
    order, year, source = ctx
    if table.section and is_period_heading(table.section) and (named := _YEAR.search(table.section)):
        year = int(named.group(0))  # "## Fall 2025" above a table of "09/11" dates
    by_role, other = _cells(table, cells)
    date_cell = by_role.get("date")
    date_text = " ".join(clean_cell(date_cell).split()) if not isinstance(date_cell, dt.date) else date_cell.isoformat()
    who = [w for w in _who(by_role.get("presenter")) if not is_template_name(w)]  # "Name 3": a template's
    if not who and "presenter" in table.roles and (typed := _DATE_THEN_NAME.match(date_text)):
        date_text, who = typed.group(1), presenters(typed.group(2))  # "20/12  Ada Quill", the presenter cell empty
    if any(withdrawn(clean_cell(by_role.get(role))) for role in ("paper", "topic", "date")):
        return None  # "| 03/05 | Ada | ~~Widget Routing~~ Postponed |": struck from the schedule, no meeting
    rest, cited = cited_keys(cell) if isinstance(cell := by_role.get("paper"), str) else (cell, [])  # "[@key]"s
    found, note = _cell_papers(table, rest if cited else cell, cited_by_row(table, by_role))
    who, found, note = presenter_in_paper_cell(table, cell, (who, found, note))  # "Presentor/Topic/Paper"
    if note is None and not found and skip_note(clean_cell(by_role.get("presenter"))):
        note = clean_cell(by_role.get("presenter")).strip("*_ ")  # "*no meeting*" in the presenter column
    if note is None and not found and not who:
        note = bracketed_note(by_role.get("presenter"))  # "[Up the batches]": what the week holds, no name
    link = by_role.get("link") if by_role.get("link") is not None else paper_link(by_role.get("slides"))
    seminar = talks(table) and papers_named(table)  # a talk's paper is in its paper column; "link:" is the speaker's
    if not found and link is not None and not no_paper_note(note) and not seminar and not page_link(table, by_role):
        # no paper column ("leader | description | url"): the description names the linked paper; a topic beside
        # material whose link is labelled "Paper" is that paper's title
        described = None if "paper" in table.roles else clean_cell(by_role.get("note")) or None
        found, note = _linked_title(note or described, link)
    topic = clean_cell(by_role.get("topic")) or None  # a meeting's topic beside its readings
    note = (
        note or (topic if not found else None) or (row_note(table.columns, table.roles, cells) if table.dated else None)
    )
    day = parse_day(date_cell, order, year)
    note = note or described_day("presenter" in table.roles, by_role.get("note"), found, day)
    if table.markdown:  # "*No class — holiday*" shown as plain text
        note = markdown_plain(note) or None if note else None
        topic = markdown_plain(topic) or None if topic else None
    found = without_templates(_titled_by_topic(table, found, topic))  # "Paper Title 2": a template's, no paper
    slides = clean_cell(by_role.get("slides"))
    filled = not is_placeholder(clean_cell(by_role.get("presenter")))  # "| Friday, June 30 | 1 and 2 | | |": groups
    announced = any(_TO_COME.match(clean_cell(by_role.get(r))) for r in ("paper", "topic", "presenter")) and bool(day)
    # "| 14/09/2022 | tba | |", "| 2024-09-17 | TBD | |": a dated meeting whose paper or presenter is not known yet
    if not (who or found or note or cited or slides or filled or announced or table.dated) and (
        is_placeholder(date_text) or len(table.columns) > 1
    ):
        return None  # an empty row ("| | | |") or a date alone
    meeting = Meeting(day, date_text, who, note=note, section=table.section, where=where)
    if meeting.date is None and year is None and (day := parse_day(date_cell, order, 2000)):  # "14/09", no year
        meeting.extra |= {"day": f"--{day.month:02d}-{day.day:02d}", "date_note": _NO_YEAR}  # ISO 8601's day, no year
    with_presenters = "presenter" in table.roles
    # a row without a presenter whose paper cell holds a note did not take place; a course's lecture (its topic
    # beside empty readings) and a group's own session ("Group discussion" as the presenter: a roundtable) did
    group = filled and bracketed_note(by_role.get("presenter")) is None  # not "[Lamp cleaning day]": no one's turn
    talk = talks(table)  # a seminar's talk titled, its speaker not named (a member's slug): it took place
    meeting.skipped = bool(
        note and ((with_presenters and not who and not group and note != topic and not talk) or skip_note(note))
    )
    meeting.extra |= {k: v for k, v in other.items() if v} | ({"topic": topic} if topic and found else {})
    meeting.extra |= ({"cited": ", ".join(cited)} if cited else {}) | ({"slides": slides} if slides else {})
    if len(found) > 1 and not is_placeholder(clean_cell(by_role.get("note"))):  # a note on several papers
        meeting.extra["note"] = clean_cell(by_role.get("note"))
    meeting.papers = [_paper_of(p, by_role, meeting, source, len(found), table.title) for p in found]
    return meeting


def _titled_by_topic(table: ScheduleTable, found: list[CellPaper], topic: str | None) -> list[CellPaper]:
    """A Paper column's cell of one link labelled only "Paper" or "PDF" beside a Topic column ("| Ledger Memory |
    [Paper](…) |"): the topic is the paper's title, not its id or address (a Readings column's lone link stays
    apart from the meeting's topic, unless the link shows only its id and the topic reads as a paper's title: "| Regge
    Limit of a Two-Loop Amplitude | [2003.03120] |")."""
    named = {column_key(c) for c, role in zip(table.columns, table.roles, strict=True) if role == "paper"}
    if not (topic and len(found) == 1):
        return found
    if not named & PAPER_COLUMNS and not (found[0].title == f"arXiv:{found[0].arxiv_id}" and title_score(topic) >= 0.5):
        return found
    if found[0].title in (f"arXiv:{found[0].arxiv_id}", f"doi:{found[0].doi}", found[0].url):
        return [dataclasses.replace(found[0], title=topic)]
    return found


def read_meetings(
    path: str | Path, reference_date: Any = None
) -> tuple[list[Meeting], list[ImportProblem], str | None]:
    """(meetings, problems, title) of a schedule file; a row that cannot be read is a problem and is skipped. Days
    that name no year are put in one relative to ``reference_date`` (a date or ISO text; today when None).

    Raises
    ------
    ParseError
        If the file is unreadable or holds no schedule table (a header naming date and presenter or paper columns).
    """
    with as_of(reference_date):
        meetings, _, problems, title = _read(path)
    return meetings, problems, title


def _read(path: str | Path) -> tuple[list[Meeting], list[Paper], list[ImportProblem], str | None]:
    """(meetings, the papers of rows that are no meeting, problems, title) of a schedule file: a row dated as a
    blank form's ("202?-??-??", ".", "YYYY-MM-DD") is no meeting, the papers it names are papers of no meeting."""
    path = Path(path)
    source = str(path)
    text = read_text(path)
    tables = _tables(text, path)
    if not tables and (by_headings := _heading_schedule(text, source)):
        return by_headings[0], [], *by_headings[1:]
    if not tables:
        raise ParseError(
            "expected a schedule: a CSV, YAML or markdown table whose header names a presenter column (Presenter, "
            "Speaker, Who) and a date (Date, When, Week) or paper column (Paper, Title, Topic); or, without "
            "presenters, a readings column beside a date or topic (Week | Topic | Required readings), or a date and "
            "a paper or link column on a page (or a file name) about meetings (Date | Paper | Notes); columns are "
            "also known by their cells ('Discussion led by ...', 'June 3, 2025'); YAML may nest the meetings "
            "(weeks -> days -> required/recommended readings)",
            source,
            "line 1",
        )
    dates = [clean_cell(r[1][_date_column(t)]) for t in tables for r in t.rows if _date_column(t) < len(r[1])]
    order = date_order(dates)
    ctxs = _contexts(tables, (order, _default_year(tables, dates, order, [path.stem, *_prose(text)]), source), text)
    problems = ProblemCollector(source)
    meetings: list[Meeting] = []
    undated: list[Paper] = []
    for table in tables:
        previous: Meeting | None = None  # a row with no date and no presenter continues the meeting above it
        # without a date column an empty presenter cell names nobody: no fill-down; nor in a table of dated rows
        dated = "date" in table.roles and not table.dated
        for where, cells in table.rows:
            try:
                if not isinstance(cells, list):
                    raise ParseError(f"expected a mapping of meeting fields, got {type(cells).__name__}")
                m = _meeting(table, where, cells, ctxs[id(table)])
            except _ROW_ERRORS as exc:
                problems.add(where, f"meeting skipped: {getattr(exc, 'message', exc)}")
                continue
            if m is not None and is_date_template(m.date_text):  # a queue's or a template's row: no meeting
                undated += m.papers
                continue
            if m is not None and m.date is None and _no_day(m.date_text, order):  # kept, without its date
                problems.add(where, _NO_DAY.format(m.date_text), skipped=False)
            if m is not None and m.extra.get("cited"):
                problems.add(where, f"{CITED_ONLY}: {m.extra['cited']}")
            if m is not None and previous is not None and dated and not m.date_text and not m.presenters:
                for paper in m.papers:
                    paper.extra.update(presenters=previous.presenters, meeting=previous.date_text)
                    paper.extra.pop("meeting_date", None)
                    if previous.date:
                        paper.extra["meeting_date"] = previous.date.isoformat()
                previous.papers += m.papers
            elif m is not None and previous is not None and _same_meeting(previous, m):
                previous.papers += m.papers  # two papers on one date, a row each: one meeting
                previous.presenters = previous.presenters + [p for p in m.presenters if p not in previous.presenters]
            elif m is not None:
                meetings.append(m)
                previous = m
    if not meetings:
        first = problems.problems[0] if problems.problems else ImportProblem(source, "line 1", "only empty rows")
        raise ParseError(f"expected meetings under the schedule's header: {first.message}", source, first.where)
    return meetings, undated, problems.problems, tables[0].title


def _no_day(date_text: str, order: str) -> bool:
    """Whether a date cell is written as a date but reads as no day, in any year ("31/Feb/2021", "2021-13-45"); a
    day without its year on a page that gives none ("Jan 8") is read as far as it goes (the meeting keeps the text)."""
    return looks_like_date(date_text) and parse_day(date_text, order, 2000) is None


def _tables(text: str, path: Path) -> list[ScheduleTable]:
    """The schedule tables of a file, a timetable of one day left out."""
    return mark_seminars(
        [t for t in schedule_tables(text, path.suffix.lower(), str(path)) if not _timetable(t)], path, text
    )


def _heading_schedule(text: str, source: str) -> tuple[list[Meeting], list[ImportProblem], str | None] | None:
    """The meetings of a page written as one heading per meeting (:mod:`._schedule_headings`), None for another."""
    found = heading_meetings(text)
    if not found:
        return None
    title = next((m.group(1).strip() for m in re.finditer(r"^#[ \t]+(.+?)[ \t#]*$", text, re.M)), None)
    meetings: list[Meeting] = []
    for h in found:
        meeting = Meeting(h.date, h.date_text, presenters=h.presenters, where=h.where)
        meeting.note = None if h.papers else (h.topic or (h.notes[0] if h.notes else None))
        meeting.skipped = bool(meeting.note and skip_note(meeting.note))  # "No meeting, department retreat"
        meeting.extra = ({"topic": h.topic} if h.topic and h.papers else {}) | (
            {"notes": "; ".join(h.notes)} if h.notes else {}
        )
        if h.year_inferred:  # "June 21" on a page that names no year: the year after its readings' arXiv ids
            meeting.extra["date_inferred"] = (  # a seminar's talks name no reading: the weekday it names gave it
                "the year, from the weekday named"
                if h.year_by_weekday
                else "the year, from the newest reading's arXiv id"
            )
        meeting.papers = [_paper_of(p, {}, meeting, source, len(h.papers), title) for p in h.papers]
        for paper in meeting.papers if h.year_inferred else []:
            paper.extra["meeting_date_inferred"] = True
        for n, paper in enumerate(meeting.papers):  # "[Title](link) — Ada Quill": each reading's own presenter
            paper.extra["presenters"] = h.by.get(n) or meeting.presenters
        meetings.append(meeting)
    return meetings, [], title


def _same_meeting(previous: Meeting, row: Meeting) -> bool:
    """Whether a row is a second paper of the meeting above it: the same day (a real date, or a day without its
    year, written alike) under the same heading, both rows naming papers."""
    known = row.date is not None or "day" in row.extra  # a real date, or a day and month without a year ("Sep 10")
    same_day = known and row.date == previous.date and row.date_text == previous.date_text
    return same_day and row.section == previous.section and bool(row.papers and previous.papers)


def _default_year(tables: list[ScheduleTable], dates: list[str], order: str, more: list[str]) -> int | None:
    """The year of the schedule's dates; for dates without one ("Mar 5"), the year a heading, the title, the file
    name or the page's first lines of prose ("the schedule of our fall 2018 meetings") give, else the last year
    (up to the next) in which the dates' weekdays are right ("Friday, June 30")."""
    years = [d.year for d in (parse_day(c, order) for c in dates) if d]
    if not years:
        hints = [t.section or "" for t in tables] + [tables[0].title or "", *more]
        years = [int(m.group(0)) for h in hints for m in re.finditer(r"(?<!\d)(?:19|20)\d{2}(?!\d)", h)][:1]
    if not years and (by_weekday := weekday_year(dates, _this_year() + 1)):
        years = [by_weekday]  # "Friday, June 30" on a page naming no year: the last year it was a Friday
    return max(set(years), key=years.count) if years else None


def _contexts(tables: list[ScheduleTable], ctx: tuple[str, int | None, str], text: str) -> dict[int, Any]:
    """The (date order, year, source) of each table's rows: the page's year, or for a table whose days name no year
    and fall on their weekday in another (an upcoming term's "April 2nd" above "## Fall 2020", on a page saying
    "we meet on Fridays"; "Thu, Sep 5"), the nearest year in which they do."""
    order, year, source = ctx
    stated = {m.group(1).lower() for m in _MEETS_ON.finditer(text)}
    weekday = _WEEKDAY_WORDS.index(stated.pop()) if len(stated) == 1 else None
    days_of = {id(t): [clean_cell(c[_date_column(t)]) for _, c in t.rows if _date_column(t) < len(c)] for t in tables}
    owns = {id(t): _YEAR.search(t.section) if t.section and is_period_heading(t.section) else None for t in tables}
    dated = [int(y.group(0)) for y in owns.values() if y]  # "## Fall 2020", and the days naming their year
    dated += [d.year for days in days_of.values() for d in (parse_day(c, order) for c in days) if d]
    found = {}
    for table in tables:
        days, own = [d for d in days_of[id(table)] if parse_day(d, order, 2000)], owns[id(table)]
        fit = None
        if dated and days and not own and not any(parse_day(d, order) for d in days):  # no day names its year
            near = max(set(dated), key=dated.count)  # the year of the page's dated meetings
            fit = weekday_year(days, _this_year() + 1, near=near, weekday=weekday, order=order)
        found[id(table)] = (order, fit or year, source)
    return found


def _no_paper(meetings: list[Meeting]) -> str:
    """Why a schedule gives ``load()`` no paper: what it does list (its meetings, those given by someone: talks)
    and the call that reads them."""
    if not meetings:
        return NAMES_NO_PAPER
    given = sum(1 for m in meetings if m.presenters)
    return (
        f"the schedule names no paper, only {len(meetings)} meetings ({given} with a speaker or presenter): "
        "paperlab.Schedule.from_file(path).meetings reads them"
    )


def _this_year() -> int:
    return this_year()  # the read's reference day (load(..., reference_date=)), today by default


def _prose(text: str) -> list[str]:
    """The first lines of a page that are no table row, no front-matter field and no HTML (at most 12), and its
    headings ("# Reading group, Fall 2021" below a long front matter, "<h2>Fall 2021 schedule</h2>")."""
    lines = [ln for ln in text.splitlines()[:200] if ln.strip() and not ln.lstrip().startswith(("|", "<", "---"))]
    headings = [ln for ln in text.splitlines() if re.match(r"^\s{0,3}(?:#{1,6}\s|<h[1-6]\b)", ln, re.I)]
    return [ln for ln in lines if not re.match(r"^\s*[\w-]+:\s", ln)][:12] + headings  # a heading below a front matter


def _timetable(table: ScheduleTable) -> bool:
    """Whether a table is the timetable of one day ("When | What": "9:00 | Introduce speaker"): every cell of its
    date column a time of day, none a date; its rows are no meetings."""
    at = _date_column(table)
    cells = [clean_cell(cells[at]) for _, cells in table.rows if at < len(cells) and clean_cell(cells[at])]
    return bool(cells) and "date" in table.roles and all(_TIME_OF_DAY.match(c) for c in cells)


def _date_column(table: ScheduleTable) -> int:
    return next((n for n, role in enumerate(table.roles) if role == "date"), 0)


def read_schedule(path: str | Path, reference_date: Any = None) -> list[Paper]:
    """The papers of a schedule file (the :func:`paperlab.load` reader, ``reference_date`` as for
    :func:`read_meetings`); unreadable rows are reported with a :class:`~paperlab.errors.PartialImportWarning`.

    Raises
    ------
    ParseError
        If the file holds no schedule, or no row could be read.
    """
    with as_of(reference_date):
        meetings, undated, problems, title = _read(path)
    collector = ProblemCollector(str(path))
    collector.problems = problems
    papers = [dataclasses.replace(p) for m in meetings for p in m.papers] + undated
    text = read_text(path)
    tables = _tables(text, Path(path))
    # a page of date bullets with "## Suggested papers" under them; a page of tables with its "## Pool of papers"
    listed = pool_papers(text) if tables and tables[0].markdown else [] if tables else unscheduled_papers(text)
    seen = {key for p in papers for key in (p.title.casefold(), p.url) if key}
    for where, heading, found in listed:
        if found.title.casefold() in seen or found.url in seen:
            continue  # a meeting's paper listed again
        outside = Meeting(None, "", section=heading, where=where)  # the paper is in no meeting
        papers.append(_paper_of(found, {}, outside, str(path), 1, title))
    skipped = [p for p in problems if p.skipped]  # not a meeting kept without its date
    if not papers and not skipped:
        raise NoPaperError(_no_paper(meetings), str(path), "line 1", meetings=len(meetings))
    if not papers and all(p.message.startswith(CITED_ONLY) for p in skipped):
        raise ParseError(NAMES_KEYS_ONLY, str(path), skipped[0].where, problems=skipped)
    return collector.finish(papers, expected="meetings")  # type: ignore[no-any-return]
