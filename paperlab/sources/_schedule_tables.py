"""The tables of a reading-group schedule file: CSV/TSV, YAML (also a page's front matter), markdown and HTML
tables, and which of their columns hold the date, the presenters, the papers, links, notes...

Used by :mod:`paperlab.sources.schedule`, which turns each row into a meeting (a module of its own so that both
stay small).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ParseError
from ..identifiers import arxiv_id_value
from ._schedule_cells import clean_cell, is_video
from ._schedule_columns import content_roles
from ._schedule_dated import dated_layout
from ._schedule_flow import flow_records, term_lists
from ._schedule_grouped import GROUPED_COLUMNS, grouped_layout
from ._schedule_headings import heading_meetings
from ._schedule_liquid import liquid_rows
from ._schedule_records import json_meetings, meetup_talks, one_meeting
from ._schedule_speakers import speaker_bullets

__all__ = [
    "PAPER_COLUMNS",
    "SUFFIXES",
    "TOPIC_COLUMNS",
    "ScheduleTable",
    "column_key",
    "column_roles",
    "header_kind",
    "header_roles",
    "is_schedule_header",
    "looks_like_schedule",
    "role_of",
    "schedule_tables",
]

SUFFIXES = (".csv", ".tsv", ".md", ".markdown", ".yaml", ".yml", ".txt", ".html", ".htm", ".json")
# column role -> header names (lower case, without punctuation)
_ROLES: dict[str, tuple[str, ...]] = {
    "date": (
        "date", "dates", "when", "day", "week", "meeting date", "session date", "datum", "lecture", "session",
        "class", "meeting", "week date", "class date", "class dates", "lecture date", "lecture dates", "date time",
        "date and time", "datetime", "time date", "read by", "to read by", "to be read by", "discussed on",
        "discussion date", "presented on", "presentation date",
        "fecha", "termin", "sitzung", "séance", "seance", "日期", "日付", "时间", "日時", "날짜", "일시",
    ),
    "presenter": (
        "presenter", "presenters", "presenter s", "speaker", "speakers", "speaker s", "presented by", "who", "lead", "leader",
        "discussant", "discussion lead", "discussion leader", "facilitator", "host", "name", "moderator", "person",
        "leading", "led by", "discussion led by", "presenting", "instructor", "instructors", "lecturer",
        "lecturers", "teacher", "guest", "guest speaker", "presenter name", "speaker name",
        "vortragende", "vortragender", "referent", "referentin", "ponente", "presentador", "orateur", "intervenant",
        "présentateur", "relatore", "主讲人", "报告人", "汇报人", "演讲者", "演讲人", "分享人", "分享者", "讲者", "主讲",
        "発表者", "担当", "登壇者", "講演者", "발표자", "연사",
    ),
    "paper": (
        "paper", "papers", "title", "paper title", "topic", "reading", "readings", "article", "paper s",
        "reading list", "required reading", "required readings", "optional reading", "optional readings",
        "suggested reading", "suggested readings", "further reading", "further readings", "additional reading",
        "additional readings", "supplementary reading", "supplementary readings", "background reading",
        "tentative topic", "tentative topics", "topics", "required", "recommended", "optional", "lecture topic",
        "session topic", "class topic", "subject", "subjects", "theme", "themes", "chapter", "chapters",
        "book chapter", "book chapters",
        "titel", "artikel", "titre", "article titre", "título", "titulo", "artículo", "articulo", "titolo", "论文",
        "题目", "标题", "論文", "論文名", "论文名", "タイトル", "主题", "话题", "テーマ", "주제", "thema", "tema", "sujet",
    ),
    "link": ("link", "links", "url", "pdf", "arxiv", "doi", "paper link", "paper url", "pdf link", "arxiv link"),
    "authors": (
        "authors", "author", "paper authors", "author s", "autoren", "autor", "auteurs", "auteur", "autores",
        "autori", "作者", "著者",
    ),
    "venue": (
        "venue", "appear in", "appeared in", "published in", "conference", "journal", "where published",
        "zeitschrift", "revue", "revista", "rivista", "期刊", "会议", "出处",
    ),
    "note": (
        "why should we care", "notes", "note", "summary", "comment", "comments", "description", "remarks", "abstract",
        "why", "tldr",
    ),
    "code": ("repo", "code", "github", "repository"),
    "slides": ("slides", "slide", "content", "material", "materials", "recording", "video", "录屏", "录像", "视频", "回放"),
}  # fmt: skip
_ROLE_OF = {name: role for role, names in _ROLES.items() for name in names}
# words that make a column something said about the paper or the person, not the paper or the person
_ABOUT_WORDS = frozenset(
    {"note", "notes", "summary", "comment", "comments", "link", "links", "bio", "slides", "slide", "abstract"}
)
# columns that list the readings of a meeting; when a table has one, its "title"/"topic" column is the meeting's
# topic ("Creating user models" with readings: [...]), not a paper
_READING_COLUMNS = frozenset(
    name
    for name in _ROLES["paper"]
    if name.endswith(("reading", "readings")) or name in ("reading list", "required", "recommended", "optional")
)
_READING = frozenset({"reading", "readings", "read"})  # "To Read", "Required reading"
_READING_WORDS = _READING | frozenset(
    "assigned assignment assignments pre prior preparatory course class weekly week session and resources materials "
    "list to do core key main extra additional optional required recommended suggested further background".split()
)
# columns that name the papers of a meeting; beside one, a "Topic" column is the meeting's topic ("Date | Topic |
# Papers": "Convolutional networks" is no paper)
PAPER_COLUMNS = frozenset({"paper", "papers", "paper s", "paper title", "article", "articles"})
TOPIC_COLUMNS = frozenset(
    {"topic", "topics", "tentative topic", "tentative topics", "lecture topic", "session topic", "class topic"}
    | {"subject", "subjects", "theme", "themes", "主题", "话题", "テーマ", "주제", "thema", "tema", "sujet"}
)
# date columns that may only number the meetings ("Week 3", "Lecture 4"): a real date column beside them wins
_NUMBERING = frozenset({"week", "lecture", "session", "class", "meeting", "weeks", "lectures", "sessions"})
# what a meeting is about, in a table without presenters or a paper column ("Week | Date | Content | Due")
_CONTENT_COLUMNS = frozenset({"content", "contents", "description", "details", "what", "agenda", "program"})
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
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_HTML_HEADING = re.compile(r"^\s*<h[1-6]\b[^>]*>.*</h[1-6]>\s*$", re.I)
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
    markdown: bool = False  # cells written in markdown ("*No class — holiday*")
    roles: list[str | None] = field(default_factory=list)  # by the header's words, then by the cells
    seminar: bool = False  # its file's name or a heading says it lists talks ("seminars.csv", "# Colloquium")
    dated: bool = False  # a table of dated rows whose header names no schedule column: every row is a meeting
    roster: bool | None = None  # its topics are talks' subjects, not papers (:func:`._schedule_kinds.topic_roster`)

    def __post_init__(self) -> None:
        if not self.roles:
            numbering = [column_key(c) in _NUMBERING for c in self.columns]
            self.roles = content_roles(column_roles(self.columns), [cells for _, cells in self.rows], numbering)


# words that only qualify a role's word in a column's name: an ordinal, "main", the presenters being groups or teams
_QUALIFIER = re.compile(
    r"^(?:first|second|third|fourth|1st|2nd|3rd|4th|main|primary|secondary)\s+|\bgroups?\b|\bteams?\b"
)


def _exact_role(name: object) -> str | None:
    key = re.sub(r" s$", "", column_key(re.sub(r"\((?:r|in|innen)\)\s*$", "", clean_cell(name))))
    # "Presenter(s)", "Lead(s)"; "Vortragende(r)", "Referent(in)"
    key = re.sub(r"(?<=[a-z]) ?#? ?\d$", "", key)  # "Paper 1", "Reading 2", "Presenter #2"
    key = _QUALIFIER.sub("", key).strip() or key  # "First paper", "Main reading", "Groups presenting", "Team"
    return _ROLE_OF.get(key) or _ROLE_OF.get(key.rstrip("s")) or ("paper" if is_reading_key(key) else None)


def is_reading_key(key: str) -> bool:
    """Whether a column's key (:func:`column_key`) names a meeting's readings: a readings column's name, or a short
    one of the word and words that qualify it ("assigned reading", "pre reading", "readings resources"; not "reading
    notes", "reading activity")."""
    words = set(key.split())
    return key in _READING_COLUMNS or (len(key.split()) <= 3 and bool(words & _READING) and words <= _READING_WORDS)


def role_of(name: object) -> str | None:
    """The role a column's name gives. A short name no role names whole: one with a word of notes ("Paper notes",
    "Paper summary") is a note column; one joining words with "/" ("Reading / session", "Reading/Activity") takes the
    paper or presenter role one of its words names, unless a word says the column is about the paper or the person
    ("Paper / links", "Speaker / bio")."""
    role, words = _exact_role(name), column_key(name).split()
    if role is not None or not 1 < len(words) <= 3:  # a short name only, no sentence
        return role
    if any(_ROLE_OF.get(w) == "note" for w in words):
        return "note"
    if is_reading_key(column_key(name)):  # "Assigned reading", "Readings & resources", "Pre-reading"
        return "paper"
    if "/" not in clean_cell(name) or set(words) & _ABOUT_WORDS:
        return None
    found = {_ROLE_OF.get(w) or _ROLE_OF.get(w.rstrip("s")) for w in words}
    return next((r for r in ("paper", "presenter") if r in found), None)


def header_roles(columns: Sequence[Any]) -> list[str | None]:
    """The role of each column by its name (:func:`role_of`); a role a column takes by one of its words goes to no
    second column when another has it by its whole name ("Paper | Reading/Activity": the paper column is one)."""
    exact = [_exact_role(c) for c in columns]
    return [e or (r if (r := role_of(c)) not in exact else None) for e, c in zip(exact, columns, strict=True)]


def column_key(name: object) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", clean_cell(name).lower()).replace("_", " ").split())


def header_kind(cells: list[Any], rows: Sequence[Any] = ()) -> str | None:
    """How surely a header row is a schedule's: ``"sure"`` when it names a presenter column and a date (or week) or
    paper column (Date | Presenter | Paper), or a readings column beside a date or topic (Week | Topic | Readings,
    a course syllabus); ``"maybe"`` for a date and a paper or link column alone (Date | Paper | Notes), which a page
    of papers by publication date also has; else None (a column only lists of papers have, such as Abstract or
    Authors, makes a table without presenters no schedule). The ``rows`` below the header name the roles its
    words do not (:func:`content_roles`: a "Format" column of "Discussion led by …" holds the presenters)."""
    roles = set(content_roles(header_roles(cells), rows))
    if "presenter" in roles:
        return "sure" if "date" in roles or "paper" in roles else None
    keys = {column_key(c) for c in cells}
    if keys & _PAPER_LIST_COLUMNS and not keys & {"time", "times", "start time", "hour", "uhrzeit", "heure", "hora"}:
        return None  # a paper list's "Comment" column; beside a meeting's time of day ("14:30") the meeting's
    if any(map(is_reading_key, keys)) and ("date" in roles or keys & {"topic", "topics", "title"}):
        return "sure"  # however many other fields a course's meetings carry (objectives, module, questions, due)
    if len(keys) > 10:
        return None
    if "date" in roles and (roles & {"paper", "link", "slides"} or keys & _CONTENT_COLUMNS):
        return "maybe"  # "Session | Material": a numbered session with its slides is a meeting too
    return None


def is_schedule_header(cells: list[Any]) -> bool:
    """A header row of a schedule (:func:`header_kind`): in a CSV or YAML file, a maybe is a schedule."""
    return header_kind(cells) is not None


def _about_meetings(lines: list[str]) -> bool:
    """Whether a page's headings or first lines of prose (not its tables) speak of meetings (a reading group, a
    course, a term)."""
    first = [ln for ln in lines if ln.strip() and "|" not in ln][:12]
    headings = [ln for ln in lines if _HEADING.match(ln) or _HTML_HEADING.match(ln)]  # "<h2>Journal Club</h2>" too
    return any(_SCHEDULE_WORDS.search(ln) for ln in first + headings)


# -- tables in each file format ---------------------------------------------------------------------


def _md_cells(line: str) -> list[str]:
    body = line.strip().replace("\\|", "\x00")
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [c.replace("\x00", "|").strip() for c in body.split("|")]


_LINK_DEFINITION = re.compile(r"^ {0,3}\[([^\[\]]+)\]:\s*<?([^\s<>]+)>?(?:\s+[\"'(].*)?\s*$", re.M)
_LINK_REFERENCE = re.compile(r"(?<![\]!\\])\[([^\[\]]+)\](?:\[([^\[\]]*)\])?(?![(:\[])")


def _reference_links(text: str) -> str:
    """The text with its reference-style links ("[1407.5597]" / "[Title][3]" beside a definition "[1407.5597]:
    https://arxiv.org/abs/1407.5597" below the table) written inline, so a cell's reading has its address."""
    defined = {" ".join(m.group(1).split()).lower(): m.group(2) for m in _LINK_DEFINITION.finditer(text)}

    def inline(m: re.Match[str]) -> str:
        url = defined.get(" ".join((m.group(2) or m.group(1)).split()).lower())
        return f"[{m.group(1)}]({url})" if url else m.group(0)

    return _LINK_REFERENCE.sub(inline, text) if defined else text


def _markdown_tables(text: str, hint: list[str]) -> list[ScheduleTable]:
    """Every pipe table whose header names schedule columns, with the heading above it and the document's first
    ``#`` heading as its title; reference-style links are read as links."""
    lines = _reference_links(text).split("\n")
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
            kind = header_kind(header, [cells for _, cells in rows])
            if kind == "sure" or kind == "maybe" and _about_meetings(hint + lines):
                tables.append(ScheduleTable(header, rows, section, markdown=True))
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
    records: list[tuple[str, list[Any]]] = []  # every record, for a table of dated rows (no schedule header)
    line = 1
    try:
        for record in reader:
            where, line = f"line {line}", reader.line_num + 1
            records.append((where, record))
            if header is None:
                if is_schedule_header(record):
                    header = record
                continue
            if any(c.strip() for c in record):
                rows.append((where, record))
    except csv.Error as exc:
        raise ParseError(f"expected CSV: {exc}", where=f"line {reader.line_num}") from None
    if header:
        return [ScheduleTable(header, rows)]
    dated = dated_layout(records) if suffix != ".txt" or delimiter == "\t" else None  # a text file: tabs only
    grouped = grouped_layout(records) if not dated and (suffix != ".txt" or delimiter == "\t") else None
    if grouped:  # "2018-03-22<TAB>Hall B" opening each meeting, its talks' lines after it
        return [ScheduleTable(GROUPED_COLUMNS, list(grouped), seminar=True)]
    return [ScheduleTable(dated[0], dated[1], dated=True)] if dated else []


def _yaml_items(doc: Any) -> tuple[list[Any], str | None]:
    """The list of meetings in a YAML document (a list, or the first list of mappings under a key) and a title."""
    if isinstance(doc, list):
        return doc, None
    if isinstance(doc, dict):
        title = next((str(doc[k]) for k in ("title", "name", "group", "course") if isinstance(doc.get(k), str)), None)
        lists = [v for v in doc.values() if isinstance(v, list) and any(isinstance(x, dict) for x in v)]
        keys = [list(dict.fromkeys(k for x in v if isinstance(x, dict) for k in x)) for v in lists]
        # the list whose fields name a schedule's ("sessions:" after "organizers:"), else the first
        best = next((v for v, k in zip(lists, keys, strict=True) if header_kind(k)), lists[0] if lists else None)
        if best is not None:
            return best, title
    return [], None


def _yaml_table(text: str, hint: list[str]) -> list[ScheduleTable]:
    import yaml

    try:
        doc = yaml.safe_load(re.sub(r"[ \t]+$", "", text, flags=re.M))  # a tab left after a value is no token
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        if (doc := flow_records(text)) is None:  # one flow mapping per line, one value breaking YAML's rules
            raise ParseError(f"expected YAML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    return _record_tables(one_meeting(doc), hint + text.splitlines())  # one meeting's agenda: a list of one


def _record_tables(doc: Any, said: list[str]) -> list[ScheduleTable]:
    """The tables of a YAML or JSON document's meeting records; ``said``: the file's name and lines, or the words
    that say it lists meetings (:func:`_about_meetings`)."""
    items, title = _yaml_items(doc)
    tables, n = [], 0
    for term, listed in term_lists(doc, items):  # "2026_2:", "2026_1:": each term's meetings, the term their section
        listed = _nested_meetings(meetup_talks(listed))  # a meetup's talks: parts of its one meeting
        keys = list(dict.fromkeys(k for item in listed if isinstance(item, dict) for k in item))
        rows: list[tuple[str, Any]] = [
            (f"record {n + k}", [_yaml_cell(item.get(c)) for c in keys] if isinstance(item, dict) else item)
            for k, item in enumerate(listed, 1)
        ]
        n += len(listed)
        kind = header_kind(keys, [cells for _, cells in rows])
        if kind is None or kind == "maybe" and not _about_meetings(said):
            continue  # without presenters, a list of dated links is a schedule only where the file (or its name) says so
        tables.append(ScheduleTable([str(k) for k in keys], rows, section=term, title=title))
    return tables


def _nested_meetings(items: list[Any]) -> list[Any]:
    """The meetings of a YAML list whose items hold theirs in a nested list (a syllabus of ``weeks`` -> ``days``
    -> readings), each with its parent's other fields ("week", "weektitle"); the items themselves when their own
    fields name a schedule's columns or none nests one."""
    keys = list(dict.fromkeys(k for item in items if isinstance(item, dict) for k in item))
    if header_kind(keys) is not None:
        return items
    inner: list[Any] = []
    for item in items[:500]:
        if not isinstance(item, dict):
            continue
        outer = {k: v for k, v in item.items() if not isinstance(v, (list, dict))}
        for value in item.values():
            if isinstance(value, list):
                inner += [outer | {k: v for k, v in x.items()} for x in value[:200] if isinstance(x, dict)]
    inner_keys = list(dict.fromkeys(k for x in inner for k in x))
    return inner if inner and header_kind(inner_keys) == "sure" else items


def _field(value: dict[Any, Any], names: tuple[str, ...]) -> str:
    """The string field of a mapping named one of ``names`` ("title", "link"), else one named so after "paper"
    ("paper-title", "paper_link"); never another key ending so ("slides-link", "first-author-name")."""
    fields = {str(k).lower().strip(): v for k, v in value.items() if isinstance(v, str) and v.strip()}
    for name in names:
        if name in fields:
            return str(fields[name]).strip()
    for name in names:
        for sep in "-_ ":
            if f"paper{sep}{name}" in fields:
                return str(fields[f"paper{sep}{name}"]).strip()
    return ""


def _talk_only(value: dict[Any, Any]) -> bool:
    """Whether a reading mapping is labelled a recorded talk: a "video:", "talk-link:" key or "type: talk"."""
    keys = {re.split(r"[-_ ]", str(k).lower())[0] for k in value}
    kind = str(value.get("type") or value.get("kind") or "").lower()
    return bool(keys & _TALK_KEYS or kind in _TALK_KEYS)


_TALK_KEYS = {"video", "talk", "recording", "youtube"}


def _yaml_cell(value: Any, depth: int = 0) -> Any:
    """A YAML value as a cell: a list one item per line, a paper mapping as "[title](url)" (the URL's brackets
    percent-encoded); nesting and width are bounded (YAML aliases can make a small file a huge tree)."""
    if isinstance(value, list):
        if depth >= 2:
            return ""
        return "\n".join(str(_yaml_cell(v, depth + 1)) for v in value[:50] if v is not None)
    if isinstance(value, dict):
        title = _field(value, ("title", "name", "paper"))
        url = _id_url(_field(value, ("url", "link", "pdf", "arxiv", "doi")) or _number_id(value))
        url = url.replace("(", "%28").replace(")", "%29")
        if _talk_only(value) and (not url or is_video(url)):
            return ""  # a recorded talk the file labels so, no paper
        authors = _field(value, ("author", "authors"))
        if title and url and authors and "*" not in title + authors:  # a reading with its authors, as a reference
            names = re.sub(r",?\s+and\s+", ", ", authors).strip(" ,")
            venue = _field(value, ("venue", "published", "booktitle", "journal", "conference"))
            return f"{names}. **{title.rstrip('.')}**. {venue} [link]({url})"
        return f"[{title}]({url})" if title and url else title or url
    if isinstance(value, (str, int, float, dt.date)) or value is None:
        return value
    return str(value)[:1000]


def _id_url(text: str) -> str:
    """A reading's link: a bare arXiv id ("2006.11239", "arXiv:2006.11239") or DOI ("10.1000/x") as its address."""
    if bare := arxiv_id_value(text):
        return f"https://arxiv.org/abs/{bare}"
    return f"https://doi.org/{text}" if re.match(r"^10\.\d{4,9}/\S+$", text) else text


def _number_id(value: dict[Any, Any]) -> str:
    """An arXiv id YAML read as a number (``arxiv: 2006.11239``; ``2210.02740`` read as 2210.0274), as text: five
    digits after the month from 2015 on, four before."""
    number = next((v for k, v in value.items() if str(k).lower() in ("arxiv", "arxiv id", "arxiv_id")), None)
    return f"{number:.{5 if number >= 1501 else 4}f}" if isinstance(number, float) else ""


def _front_matter_tables(text: str, hint: list[str]) -> list[ScheduleTable]:
    """The meetings of a page's YAML front matter (a Jekyll page listing ``sessions:`` there), if it has some."""
    if not text.startswith("---"):
        return []
    front, end, _ = text[3:].partition("\n---")
    if not end:
        return []
    try:
        return _yaml_table(front, hint)
    except ParseError:  # front matter that is not YAML: the page's tables may still be a schedule
        return []


def _inner_html(element: Any) -> str:
    from lxml import etree

    return (element.text or "") + "".join(etree.tostring(c, encoding=str, method="html") for c in element)


def _html_tables(text: str, hint: list[str]) -> list[ScheduleTable]:
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
        body = list(zip([f"line {tr.sourceline}" for tr in rows[1:]], _grid(rows[1:], len(header)), strict=True))
        kind = header_kind(header, [cells for _, cells in body])
        if kind is None or kind == "maybe" and not _about_meetings(hint + root.text_content().splitlines()):
            continue
        heading = table.xpath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]")
        tables.append(ScheduleTable(header, body, clean_cell(heading[0].text_content()) if heading else None))
    return tables


def _span(cell: Any, name: str, most: int) -> int:
    value = str(cell.get(name) or "1").strip()
    return min(int(value), most) if value.isdigit() and int(value) > 0 else 1


def _grid(rows: list[Any], width: int) -> list[list[Any]]:
    """The cells of HTML rows by column, ``rowspan`` and ``colspan`` followed (a spanned cell's text stays in its
    first column). A row bringing more cells than the columns left free ends the row spans above it, from the right:
    the author closed them (a reading spanning two days, with the next day's reading in the same column)."""
    pending: dict[int, tuple[int, Any]] = {}  # column -> (rows still covered, cell)
    grid: list[list[Any]] = []
    for tr in rows:
        queue = [c for c in tr if c.tag in ("td", "th")]
        need = sum(_span(c, "colspan", 50) for c in queue)
        while pending and need + len(pending) > width:
            pending.pop(max(pending))
        row: list[Any] = []
        while queue or len(row) in pending:
            if len(row) in pending:
                left, held = pending.pop(len(row))
                if left > 1:
                    pending[len(row)] = (left - 1, held)
                row.append(held)
                continue
            cell = queue.pop(0)
            down = _span(cell, "rowspan", 100)
            for k in range(_span(cell, "colspan", 50)):
                row.append(_inner_html(cell) if k == 0 else "")
                if down > 1:
                    pending[len(row) - 1] = (down - 1, row[-1])
        grid.append(row)
    return grid


def schedule_tables(text: str, suffix: str, source: str, name: str | None = None) -> list[ScheduleTable]:
    """The schedule tables of a file's text (CSV/TSV, YAML, markdown or HTML tables, by suffix, else by content);
    the file's ``name`` (by default the ``source`` path's) may say it lists meetings ("reading_group.yml")."""
    hint = [re.sub(r"[\W_]+", " ", (Path(source).name if name is None else name).rsplit(".", 1)[0])]
    try:
        if suffix in (".csv", ".tsv"):
            return _csv_table(text, suffix)
        if suffix in (".yaml", ".yml"):
            return _yaml_table(text, hint)
        if suffix == ".json":  # {"meetings": [...]}, or a list in "meetings.json"; never a list of papers
            return _record_tables(found[0], [found[1]]) if (found := json_meetings(text, hint[0])) else []
        tables = _front_matter_tables(text, hint) + _markdown_tables(text, hint)
        if "{%" in text and (liquid := _liquid_tables(text)):
            return liquid + tables  # a Jekyll page's sessions as includes: its HTML tables are the page's controls
        tables += _html_tables(text, hint) if "<table" in text.lower() else []
        return tables or (_csv_table(text, suffix) if suffix == ".txt" else [])
    except ParseError as exc:
        raise ParseError(exc.message, source, exc.where) from None


def _liquid_tables(text: str) -> list[ScheduleTable]:
    """The table of a Jekyll page's sessions written as Liquid includes (:mod:`._schedule_liquid`), [] for none."""

    def meeting(keys: list[str]) -> bool:
        roles = set(column_roles(keys))
        return bool(roles & {"date", "presenter"} and roles & {"paper", "topic"})

    rows = liquid_rows(text, meeting)
    columns = list(dict.fromkeys(key for _, fields in rows for key in fields))
    return [ScheduleTable(columns, [(at, [fields.get(c, "") for c in columns]) for at, fields in rows])] if rows else []


def looks_like_schedule(text: str, suffix: str, name: str = "") -> bool:
    """Whether the start of a file (named ``name``) is a schedule: a table whose header names a date and a presenter
    or paper, or a markdown page of one heading per meeting (:mod:`._schedule_headings`)."""
    try:
        if schedule_tables(text, suffix.lower(), "<head>", name):
            return True
    except ParseError:
        return False
    # a heading per meeting, on a page about meetings ("## Week 2" alone also heads a weekly digest of papers)
    markdown = suffix.lower() in (".md", ".markdown", ".txt")
    if not markdown:
        return False
    if speaker_bullets(text):  # a list of talks, speaker first: its own sign of meetings
        return True
    meetings = heading_meetings(text)  # dated meetings most of which name who presents: their own sign too
    presented = len(meetings) >= 3 and 2 * sum(1 for m in meetings if m.date and m.presenters) >= len(meetings)
    return bool(meetings) and (presented or _about_meetings(text.split("\n")))


def column_roles(columns: list[Any]) -> list[str | None]:
    """The role of each column; a "title"/"topic" column is no paper column when another one names the readings
    (``title: "Creating user models"`` with ``readings: [...]``)."""
    keys = [column_key(c) for c in columns]
    roles = header_roles(columns)
    if any(r == "paper" and is_reading_key(k) for r, k in zip(roles, keys, strict=True)):
        roles = ["topic" if r == "paper" and not is_reading_key(k) else r for r, k in zip(roles, keys, strict=True)]
    if any(r == "paper" and k in PAPER_COLUMNS for r, k in zip(roles, keys, strict=True)):  # Topic | Papers
        roles = ["topic" if r == "paper" and k in TOPIC_COLUMNS else r for r, k in zip(roles, keys, strict=True)]
    if any(r == "date" and k not in _NUMBERING for r, k in zip(roles, keys, strict=True)):  # Week | Date: the date
        roles = [None if r == "date" and k in _NUMBERING else r for r, k in zip(roles, keys, strict=True)]
    if not {"presenter", "paper"} & set(roles):  # "Week | Date | Content": what the meeting is about
        at = next((n for n, k in enumerate(keys) if k in _CONTENT_COLUMNS), None)
        roles = [("paper" if n == at else r) for n, r in enumerate(roles)]
    return roles
