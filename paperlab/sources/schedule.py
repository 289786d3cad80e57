"""Reading-group schedules: a CSV, YAML, markdown or HTML table with one meeting per row (date, presenter, paper).

Columns are recognised by their names ("Date", "When", "Week"; "Presenter(s)", "Speaker", "Who"; "Paper", "Title",
"Topic", "Reading"; "Link", "arXiv", "DOI"; "Venue", "Appear in"; "Why should we care", "Notes"; "Repo", "Code").
Every meeting is kept, with its date, presenters and the papers it names (titles kept; arXiv and DOI links resolved
to ids); weeks that were skipped ("No group meeting: public holiday") and rows that are no paper ("PhD talk dry
run") are meetings without papers, with the note. A markdown page may hold several tables (one per term): each
meeting records the heading above its table.

:func:`read_meetings` reads the meetings; :func:`read_schedule` is the :func:`paperlab.load` reader (the papers).
:class:`paperlab.services.sessions.Schedule` is the object users work with.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ImportProblem, ParseError, ProblemCollector
from ..paper import Paper, SourceRecord
from ..urls import safe_url
from ._files import RECORD_ERRORS, check_paper, read_text
from ._schedule_cells import (
    CellPaper,
    cell_papers,
    clean_cell,
    date_order,
    is_placeholder,
    link_ids,
    parse_day,
    presenters,
    skip_note,
)

__all__ = ["Meeting", "ScheduleTable", "looks_like_schedule", "read_meetings", "read_schedule", "schedule_tables"]

SUFFIXES = (".csv", ".tsv", ".md", ".markdown", ".yaml", ".yml", ".txt", ".html", ".htm")
# column role -> header names (lower case, without punctuation)
_ROLES: dict[str, tuple[str, ...]] = {
    "date": (
        "date", "dates", "when", "day", "week", "meeting date", "session date", "datum", "lecture", "session",
        "class", "meeting", "week date", "class date", "class dates", "lecture date", "lecture dates",
    ),
    "presenter": (
        "presenter", "presenters", "presenter s", "speaker", "speakers", "presented by", "who", "lead", "leader",
        "discussant", "discussion lead", "discussion leader", "facilitator", "host", "name", "moderator", "person",
    ),
    "paper": (
        "paper", "papers", "title", "paper title", "topic", "reading", "readings", "article", "paper s",
        "reading list", "required reading", "required readings", "optional reading", "optional readings",
        "suggested reading", "suggested readings", "further reading", "further readings", "additional reading",
        "additional readings", "supplementary reading", "supplementary readings", "background reading",
        "tentative topic", "tentative topics", "topics",
    ),
    "link": ("link", "links", "url", "pdf", "arxiv", "doi", "paper link", "paper url", "pdf link", "arxiv link"),
    "authors": ("authors", "author", "paper authors"),
    "venue": ("venue", "appear in", "appeared in", "published in", "conference", "journal", "where published"),
    "note": (
        "why should we care", "notes", "note", "summary", "comment", "comments", "description", "remarks", "abstract",
        "why", "tldr",
    ),
    "code": ("repo", "code", "github", "repository"),
    "slides": ("slides", "slide", "content", "material", "materials", "recording", "video"),
}  # fmt: skip
_ROLE_OF = {name: role for role, names in _ROLES.items() for name in names}
# columns that list the readings of a meeting; when a table has one, its "title"/"topic" column is the meeting's
# topic ("Creating user models" with readings: [...]), not a paper
_READING_COLUMNS = frozenset(
    name for name in _ROLES["paper"] if name.endswith(("reading", "readings")) or name == "reading list"
)
# date columns that may only number the meetings ("Week 3", "Lecture 4"): a real date column beside them wins
_NUMBERING = frozenset({"week", "lecture", "session", "class", "meeting", "weeks", "lectures", "sessions"})
# columns of a list of papers by publication date (a DailyArXiv README, a reference manager's CSV export): a table
# with one of these and no presenter column is no schedule
_PAPER_LIST_COLUMNS = frozenset(
    {"abstract", "authors", "author", "comment", "comments", "publish date", "pdf", "item type", "key", "code"}
)
# words of a page (its headings and first lines) about meetings, for a "Date | Paper" table without presenters
_SCHEDULE_WORDS = re.compile(
    r"reading group|journal club|paper club|reading club|seminar|syllab|course|lecture|schedule|meetings?\b|"
    r"sessions?\b|semester|(?:spring|fall|autumn|winter|summer) (?:term|semester|quarter|\d{4})",
    re.I,
)
_ROW_ERRORS: tuple[type[Exception], ...] = (ParseError, *RECORD_ERRORS)
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_TITLE_HEADING = re.compile(r"^\s{0,3}#\s+(.*?)\s*#*\s*$")  # a "# Reading group — spring": the document's title
# headings that give a meeting's time or place, not the term or topic of the table below them
_HEADING_LABEL = re.compile(r"^(?:times?|location|room|place|where|when|zoom|link|venue)\b[^:]{0,20}:", re.I)


@dataclass
class ScheduleTable:
    """One table of a schedule: its column roles, rows with their positions, and the heading above it."""

    columns: list[str]
    rows: list[tuple[str, list[Any]]]  # (where, cells)
    section: str | None = None
    title: str | None = None


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


def _role(name: object) -> str | None:
    key = re.sub(r" s$", "", _key(name))  # "Presenter(s)", "Lead(s)"
    return _ROLE_OF.get(key) or _ROLE_OF.get(key.rstrip("s"))


def _key(name: object) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", clean_cell(name).lower()).replace("_", " ").split())


def header_kind(cells: list[Any]) -> str | None:
    """How surely a header row is a schedule's: ``"sure"`` when it names a presenter column and a date (or week) or
    paper column (Date | Presenter | Paper), or a readings column beside a date or topic (Week | Topic | Readings,
    a course syllabus); ``"maybe"`` for a date and a paper or link column alone (Date | Paper | Notes), which a page
    of papers by publication date also has; else None (a column only lists of papers have, such as Abstract or
    Authors, makes a table without presenters no schedule)."""
    roles = {_role(c) for c in cells}
    if "presenter" in roles:
        return "sure" if "date" in roles or "paper" in roles else None
    keys = {_key(c) for c in cells}
    if keys & _PAPER_LIST_COLUMNS or len(keys) > 10:
        return None
    if keys & _READING_COLUMNS and ("date" in roles or keys & {"topic", "topics", "title"}):
        return "sure"
    return "maybe" if "date" in roles and roles & {"paper", "link"} else None


def is_schedule_header(cells: list[Any]) -> bool:
    """A header row of a schedule (:func:`header_kind`): in a CSV or YAML file, a maybe is a schedule."""
    return header_kind(cells) is not None


def _about_meetings(lines: list[str]) -> bool:
    """Whether a page's headings or first lines of prose (not its tables) speak of meetings (a reading group, a
    course, a term)."""
    first = [ln for ln in lines if ln.strip() and "|" not in ln][:12]
    return any(_SCHEDULE_WORDS.search(ln) for ln in first + [ln for ln in lines if _HEADING.match(ln)])


# -- tables in each file format ---------------------------------------------------------------------


def _md_cells(line: str) -> list[str]:
    body = line.strip().replace("\\|", "\x00")
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [c.replace("\x00", "|").strip() for c in body.split("|")]


def _markdown_tables(text: str) -> list[ScheduleTable]:
    """Every pipe table whose header names schedule columns, with the heading above it and the document's first
    ``#`` heading as its title."""
    lines = text.split("\n")
    tables: list[ScheduleTable] = []
    section = None
    k = 0
    while k < len(lines):
        if (m := _HEADING.match(lines[k])) and not _HEADING_LABEL.match(clean_cell(m.group(1))):
            section = clean_cell(m.group(1)) or section
        if "|" in lines[k] and k + 1 < len(lines) and _MD_SEPARATOR.match(lines[k + 1]):
            header = _md_cells(lines[k])
            j = k + 2
            rows = []
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows.append((f"line {j + 1}", _md_cells(lines[j])))
                j += 1
            kind = header_kind(header)
            if kind == "sure" or kind == "maybe" and _about_meetings(lines):
                tables.append(ScheduleTable(header, rows, section))
            k = j
            continue
        k += 1
    title = next((clean_cell(m.group(1)) for line in lines if (m := _TITLE_HEADING.match(line))), None)
    for table in tables:
        table.title = title or None
    return tables


def _csv_table(text: str, suffix: str) -> list[ScheduleTable]:
    first = next((ln for ln in text.split("\n") if ln.strip()), "")
    delimiter = "\t" if suffix == ".tsv" or first.count("\t") > first.count(",") else ","
    if delimiter == "," and first.count(";") > first.count(","):
        delimiter = ";"
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[str, list[Any]]] = []
    line = 1
    try:
        for record in reader:
            where, line = f"line {line}", reader.line_num + 1
            if header is None:
                if is_schedule_header(record):
                    header = record
                continue
            if any(c.strip() for c in record):
                rows.append((where, record))
    except csv.Error as exc:
        raise ParseError(f"expected CSV: {exc}", where=f"line {reader.line_num}") from None
    return [ScheduleTable(header, rows)] if header else []


def _yaml_items(doc: Any) -> tuple[list[Any], str | None]:
    """The list of meetings in a YAML document (a list, or the first list of mappings under a key) and a title."""
    if isinstance(doc, list):
        return doc, None
    if isinstance(doc, dict):
        title = next((str(doc[k]) for k in ("title", "name", "group", "course") if isinstance(doc.get(k), str)), None)
        for value in doc.values():
            if isinstance(value, list) and any(isinstance(v, dict) for v in value):
                return value, title
    return [], None


def _yaml_table(text: str) -> list[ScheduleTable]:
    import yaml

    try:
        doc = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise ParseError(f"expected YAML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    items, title = _yaml_items(doc)
    keys = list(dict.fromkeys(k for item in items if isinstance(item, dict) for k in item))
    kind = header_kind(keys)
    if kind is None or kind == "maybe" and not _about_meetings(text.splitlines()):
        return []  # without presenters, a list of dated links is a schedule only where the file says so
    rows: list[tuple[str, Any]] = [
        (f"record {n}", [_yaml_cell(item.get(k)) for k in keys] if isinstance(item, dict) else item)
        for n, item in enumerate(items, 1)
    ]
    return [ScheduleTable([str(k) for k in keys], rows, title=title)]


def _yaml_cell(value: Any, depth: int = 0) -> Any:
    """A YAML value as a cell: a list one item per line, a paper mapping as "[title](url)"; nesting and width are
    bounded (YAML aliases can make a small file a huge tree)."""
    if isinstance(value, list):
        if depth >= 2:
            return ""
        return "\n".join(str(_yaml_cell(v, depth + 1)) for v in value[:50] if v is not None)
    if isinstance(value, dict):
        title = next((value[k] for k in ("title", "name", "paper") if isinstance(value.get(k), str)), "")
        url = next((value[k] for k in ("url", "link", "pdf", "arxiv", "doi") if isinstance(value.get(k), str)), "")
        return f"[{title}]({url})" if title and url else title or url
    if isinstance(value, (str, int, float, dt.date)) or value is None:
        return value
    return str(value)[:1000]


def _front_matter_tables(text: str) -> list[ScheduleTable]:
    """The meetings of a page's YAML front matter (a Jekyll page listing ``sessions:`` there), if it has some."""
    if not text.startswith("---"):
        return []
    front, end, _ = text[3:].partition("\n---")
    if not end:
        return []
    try:
        return _yaml_table(front)
    except ParseError:  # front matter that is not YAML: the page's tables may still be a schedule
        return []


def _inner_html(element: Any) -> str:
    from lxml import etree

    return (element.text or "") + "".join(etree.tostring(c, encoding=str, method="html") for c in element)


def _html_tables(text: str) -> list[ScheduleTable]:
    """Every HTML ``<table>`` whose first row names schedule columns, with the heading above it."""
    from lxml import etree, html

    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    tables: list[ScheduleTable] = []
    for table in root.iter("table"):
        rows = [tr for tr in table.iter("tr") if tr.getparent() is not None]
        if not rows:
            continue
        header = [clean_cell(_inner_html(c)) for c in rows[0] if c.tag in ("td", "th")]
        kind = header_kind(header)
        if kind is None or kind == "maybe" and not _about_meetings(text.splitlines()):
            continue
        body = [(f"line {tr.sourceline}", [_inner_html(c) for c in tr if c.tag in ("td", "th")]) for tr in rows[1:]]
        heading = table.xpath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]")
        tables.append(ScheduleTable(header, body, clean_cell(heading[0].text_content()) if heading else None))
    return tables


def schedule_tables(text: str, suffix: str, source: str) -> list[ScheduleTable]:
    """The schedule tables of a file's text (CSV/TSV, YAML, markdown or HTML tables, by suffix, else by content)."""
    try:
        if suffix in (".csv", ".tsv"):
            return _csv_table(text, suffix)
        if suffix in (".yaml", ".yml"):
            return _yaml_table(text)
        tables = _front_matter_tables(text) + _markdown_tables(text)
        tables += _html_tables(text) if "<table" in text.lower() else []
        return tables or (_csv_table(text, suffix) if suffix == ".txt" else [])
    except ParseError as exc:
        raise ParseError(exc.message, source, exc.where) from None


def looks_like_schedule(text: str, suffix: str) -> bool:
    """Whether the start of a file is a schedule: a table whose header names a date and a presenter or paper."""
    try:
        return bool(schedule_tables(text, suffix.lower(), "<head>"))
    except ParseError:
        return False


# -- rows into meetings -------------------------------------------------------------------------------


def _cells(table: ScheduleTable, cells: list[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The row's first cell of each role, and its other cells by column name."""
    by_role: dict[str, Any] = {}
    other: dict[str, str] = {}
    roles = _column_roles(table.columns)
    for name, role, value in zip(table.columns, roles, cells, strict=False):
        if role is not None and (by_role.get(role) is None or not clean_cell(by_role[role])):
            by_role[role] = value
        elif role == "paper" and clean_cell(value):  # required and optional readings: the papers of both
            by_role[role] = f"{by_role[role]}\n{value}"
        elif value is not None and clean_cell(value):
            other[clean_cell(name) or "column"] = clean_cell(value)
    return by_role, other


def _column_roles(columns: list[Any]) -> list[str | None]:
    """The role of each column; a "title"/"topic" column is no paper column when another one names the readings
    (``title: "Creating user models"`` with ``readings: [...]``)."""
    keys = [_key(c) for c in columns]
    roles = [_role(c) for c in columns]
    if any(r == "paper" and k in _READING_COLUMNS for r, k in zip(roles, keys, strict=True)):
        roles = ["topic" if r == "paper" and k not in _READING_COLUMNS else r for r, k in zip(roles, keys, strict=True)]
    if any(r == "date" and k not in _NUMBERING for r, k in zip(roles, keys, strict=True)):  # Week | Date: the date
        roles = [None if r == "date" and k in _NUMBERING else r for r, k in zip(roles, keys, strict=True)]
    return roles


def _paper_of(found: Any, cells: dict[str, Any], meeting: Meeting, source: str, n_papers: int) -> Paper:
    """A Paper from a cell paper, with the row's link, venue, code and note when the row names one paper."""
    url, arxiv, doi = found.url, found.arxiv_id, found.doi
    extra: dict[str, Any] = {"presenters": meeting.presenters, "meeting": meeting.date_text}
    venue, code = found.venue, None
    authors: list[str] = list(found.authors)
    if n_papers == 1:
        authors = presenters(cells.get("authors")) or authors  # names separated as in a presenter cell
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
            tags=[meeting.section] if meeting.section else [],
            sources=[SourceRecord("schedule", location=source, record=meeting.where)],
            extra=extra,
        )
    )


def _linked_title(note: str | None, link: Any) -> tuple[list[CellPaper], str | None]:
    """A paper cell without a link ("Batch normalization") and a link column naming a paper: that paper."""
    _, url, arxiv, doi = link_ids(clean_cell(link))
    if not (url or arxiv or doi) or (note and skip_note(note)):
        return [], note
    if note:
        return [CellPaper(note, safe_url(url), arxiv, doi)], None
    return cell_papers(link)[0], None


def _cell_papers(table: ScheduleTable, cell: Any) -> tuple[list[CellPaper], str | None]:
    """The papers of a row's paper cell; in a table without presenters whose paper column is a topic ("Date | Topic
    | Notes", a course's "Tentative Topics"), only what a link, an id or a reference names: the title of a talk, a
    workshop or a lecture is the meeting's note, no paper."""
    found, note = cell_papers(cell)
    if found and _topics_only(table.columns):
        kept = [p for p in found if p.url or p.arxiv_id or p.doi or p.authors]
        return kept, (note if kept else " ".join(clean_cell(cell).split()))
    return found, note


def _topics_only(columns: list[Any]) -> bool:
    roles = _column_roles(columns)
    named = [_key(c) for c, role in zip(columns, roles, strict=True) if role == "paper"]
    papers = ("paper", "reading", "article")
    return "presenter" not in roles and not any(word in key for key in named for word in papers)


def _meeting(table: ScheduleTable, where: str, cells: list[Any], ctx: tuple[str, int | None, str]) -> Meeting | None:
    """The meeting of one row (None for an empty row); ``ctx`` is (date order, default year, source)."""
    order, year, source = ctx
    by_role, other = _cells(table, cells)
    date_cell = by_role.get("date")
    date_text = clean_cell(date_cell) if not isinstance(date_cell, dt.date) else date_cell.isoformat()
    who = presenters(by_role.get("presenter"))
    found, note = _cell_papers(table, by_role.get("paper"))
    if note is None and not found and skip_note(clean_cell(by_role.get("presenter"))):
        note = clean_cell(by_role.get("presenter")).strip("*_ ")  # "*no meeting*" in the presenter column
    if not found and by_role.get("link") is not None:
        # no paper column ("leader | description | url"): the description names the linked paper
        described = None if "paper" in _column_roles(table.columns) else clean_cell(by_role.get("note")) or None
        found, note = _linked_title(note or described, by_role.get("link"))
    topic = clean_cell(by_role.get("topic")) or None  # a meeting's topic beside its readings
    note = note or (topic if not found else None)
    if not (who or found or note) and (is_placeholder(date_text) or len(table.columns) > 1):
        return None  # an empty row ("| | | |") or a date alone
    meeting = Meeting(parse_day(date_cell, order, year), date_text, who, note=note, section=table.section, where=where)
    with_presenters = "presenter" in _column_roles(table.columns)
    meeting.skipped = bool(note and ((with_presenters and not who) or skip_note(note)))
    meeting.extra = {k: v for k, v in other.items() if v} | ({"topic": topic} if topic and found else {})
    if len(found) > 1 and not is_placeholder(clean_cell(by_role.get("note"))):  # a note on several papers
        meeting.extra["note"] = clean_cell(by_role.get("note"))
    meeting.papers = [_paper_of(p, by_role, meeting, source, len(found)) for p in found]
    return meeting


def read_meetings(path: str | Path) -> tuple[list[Meeting], list[ImportProblem], str | None]:
    """(meetings, problems, title) of a schedule file; a row that cannot be read is a problem and is skipped.

    Raises
    ------
    ParseError
        If the file is unreadable or holds no schedule table (a header naming date and presenter or paper columns).
    """
    path = Path(path)
    source = str(path)
    text = read_text(path)
    tables = schedule_tables(text, path.suffix.lower(), source)
    if not tables:
        raise ParseError(
            "expected a schedule: a CSV, YAML or markdown table whose header names a presenter column (Presenter, "
            "Speaker, Who) and a date (Date, When, Week) or paper column (Paper, Title, Topic); or, without "
            "presenters, a readings column beside a date or topic (Week | Topic | Required readings), or a date and "
            "a paper or link column on a page about meetings (Date | Paper | Notes)",
            source,
            "line 1",
        )
    dates = [clean_cell(r[1][_date_column(t)]) for t in tables for r in t.rows if _date_column(t) < len(r[1])]
    order = date_order(dates)
    ctx = (order, _default_year(tables, dates, order, [path.stem, *_prose(text)]), source)
    problems = ProblemCollector(source)
    meetings: list[Meeting] = []
    for table in tables:
        previous: Meeting | None = None  # a row with no date and no presenter continues the meeting above it
        for where, cells in table.rows:
            try:
                if not isinstance(cells, list):
                    raise ParseError(f"expected a mapping of meeting fields, got {type(cells).__name__}")
                m = _meeting(table, where, cells, ctx)
            except _ROW_ERRORS as exc:
                problems.add(where, f"meeting skipped: {getattr(exc, 'message', exc)}")
                continue
            if m is not None and previous is not None and not m.date_text and not m.presenters:
                for paper in m.papers:
                    paper.extra.update(presenters=previous.presenters, meeting=previous.date_text)
                    paper.extra.pop("meeting_date", None)
                    if previous.date:
                        paper.extra["meeting_date"] = previous.date.isoformat()
                previous.papers += m.papers
            elif m is not None:
                meetings.append(m)
                previous = m
    if not meetings:
        first = problems.problems[0] if problems.problems else ImportProblem(source, "line 1", "only empty rows")
        raise ParseError(f"expected meetings under the schedule's header: {first.message}", source, first.where)
    return meetings, problems.problems, tables[0].title


def _default_year(tables: list[ScheduleTable], dates: list[str], order: str, more: list[str]) -> int | None:
    """The year of the schedule's dates; for dates without one ("Mar 5"), the year a heading, the title, the file
    name or the page's first lines of prose ("the schedule of our fall 2018 meetings") give."""
    years = [d.year for d in (parse_day(c, order) for c in dates) if d]
    if not years:
        hints = [t.section or "" for t in tables] + [tables[0].title or "", *more]
        years = [int(m.group(0)) for h in hints for m in re.finditer(r"(?<!\d)(?:19|20)\d{2}(?!\d)", h)][:1]
    return max(set(years), key=years.count) if years else None


def _prose(text: str) -> list[str]:
    """The first lines of a page that are no table row, no front-matter field and no HTML (at most 12)."""
    lines = [ln for ln in text.splitlines()[:200] if ln.strip() and not ln.lstrip().startswith(("|", "<", "---"))]
    return [ln for ln in lines if not re.match(r"^\s*[\w-]+:\s", ln)][:12]


def _date_column(table: ScheduleTable) -> int:
    return next((n for n, role in enumerate(_column_roles(table.columns)) if role == "date"), 0)


def read_schedule(path: str | Path) -> list[Paper]:
    """The papers of a schedule file (the :func:`paperlab.load` reader); unreadable rows are reported with a
    :class:`~paperlab.errors.PartialImportWarning`.

    Raises
    ------
    ParseError
        If the file holds no schedule, or no row could be read.
    """
    meetings, problems, _ = read_meetings(path)
    collector = ProblemCollector(str(path))
    collector.problems = problems
    papers = [dataclasses.replace(p) for m in meetings for p in m.papers]
    if not papers and not problems:
        raise ParseError("the schedule names no paper (only notes and skipped weeks)", str(path), "line 1")
    return collector.finish(papers, expected="meetings")  # type: ignore[no-any-return]
