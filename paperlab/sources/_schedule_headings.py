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

A list may do the same with bullets: a top-level bullet that starts with a date ("- 2015-03-02", "- Mar 9, 2015:
cancelled") is a meeting, and the bullets indented under it are its readings, any linked title a paper, with the
presenter after a dash ("  - [Title](link) — Ada Quill"); what the date bullet says besides the date is the topic
(or the note of a meeting without papers: "cancelled (spring break)"); names right after the date ("**June 21**:
Ada Quill, topic") are its presenters. A date without a year takes the year the page's headings or prose name, else
the year of the newest reading's arXiv id (``year_inferred``: the meeting says so).

Used by :mod:`paperlab.sources.schedule` (``read_meetings``, ``looks_like_schedule``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..dates import month_of_name
from ..text import fenced_lines
from . import _schedule_talks
from ._schedule_blanks import without_templates
from ._schedule_bylines import by_authors, byline_reference, citation_only, linked_byline, withdrawn
from ._schedule_cells import (
    CellPaper,
    cell_papers,
    cited_et_al,
    date_order,
    parse_day,
    presenters,
    skip_note,
    written_reference,
)
from ._schedule_lines import page_lines
from ._schedule_linkcites import starts_with_cited_link, venue_tail
from ._schedule_liquid import captured_bullets
from ._schedule_pool import is_listed_item, listed_paper
from ._schedule_speakers import speaker_bullets
from ._schedule_talklines import spoken_talk
from ._schedule_talks import about_line, block_year, end_dated, speaker_blocks, talks_only, trailing_speaker
from ._schedule_yearlinks import year_link_meetings

__all__ = ["HeadingMeeting", "heading_meetings", "is_heading_schedule", "unscheduled_papers"]

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBERED = re.compile(
    r"^(?:session|meeting|week|lecture|class|seminar|talk|reading group|journal club)\s*(?:no\.?\s*|#\s*)?\d{1,3}\b",
    re.I,
)
_MONTH = r"[a-z]{3,9}\.?"  # a word that may name a month: paperlab.dates.month_of_name says whether it does
_DATE = re.compile(
    rf"\b(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}(?:[-/.]\d{{2,4}})?"
    rf"|{_MONTH}(?:\s+|[-/])\d{{1,2}}(?:st|nd|rd|th)?(?:(?:,?\s+|[-/])\d{{4}})?"  # "Mar 5, 2025", "Nov/25/2021"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+|[-/]){_MONTH}(?:(?:\s+|[-/])\d{{4}})?)(?!\w)",  # "5 March", "25-Nov-2021"
    re.I,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# a heading naming a term of meetings and its year ("## Lent Term 2021 Schedule", "## Fall 2019", "## 2025"), not
# a page's history ("Reading group (since 2015)")
_TERM = re.compile(
    r"(?i)^(?!.*\b(?:since|until|before|after|founded|established|from)\b)(?:\W*(?:19|20)\d\d\W*$|.*\b(?:terms?|"
    r"semesters?|quarters?|trimesters?|schedule|meetings?|sessions?|seasons?|spring|summer|fall|autumn|winter|lent|"
    r"michaelmas|easter|trinity|hilary|academic\s+year)\b)"
)
_WORD = re.compile(r"[A-Za-z]{3,9}")
_NEW_ARXIV = re.compile(r"^\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}")  # an arXiv id of 2007 on: its year and month lead


def _date_in(text: str) -> re.Match[str] | None:
    """The first date of a text whose words, if any, name a month ("Mar 9", "9 March 2025"; not "Decision 2")."""
    return next((m for m in _DATE.finditer(text) if all(month_of_name(w) for w in _WORD.findall(m.group(0)))), None)


def _full_date(text: str) -> bool:
    """Whether a date names its year or its month by name ("2025-09-30", "Oct 7"), or is a day of three numbers
    ("8/6/21", "12-07-20"; not a section's "2.1" or "1.2.3")."""
    return bool(_YEAR.search(text) or _WORD.search(text) or re.fullmatch(r"\d{1,2}([/-])\d{1,2}\1\d{2}", text))


# a line's lead that only labels what follows ("Readings: <link>", "Paper - <link>"): no paper's title
_LABEL = re.compile(
    r"^(?:(?:required|optional|main|suggested|further|additional|background|recommended|supplementary)\s+)?"
    r"(?:readings?|papers?|articles?|links?|pdf|arxiv|url|doi|slides|reading list|to read)\s*\d*$",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])(?:\s+|(?=[A-Z][a-z]+:))")  # "-Presenter: Ada" too
_TOP_BULLET = re.compile(r"^( {0,3})(?:[-*+]|\d{1,3}[.)])\s+(.*)$")  # an item of the list's first level
# a weekday before a date ("Mon, March 2, 2015", "Tuesday 3 March")
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+", re.I)
_BULLET_LEVEL = 7  # a date bullet heads a meeting below any heading
# what stands between a bullet's date and what it says: the brackets the date was in ("[30.4.2019]"), the weekday
# before it and the time after it ("Tuesday, 5 Feb 2019, 15:00–16:00. …")
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
_AFTER_DATE = re.compile(
    rf"^(?:[\s,.;:|–—-]|[\[(]\s*[\])]|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?"
    rf"|\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[-–—]\s*{_CLOCK})?|\d{{1,2}}\s*[ap]\.?m\.?(?:\s*[-–—]\s*{_CLOCK})?)+",
    re.I,
)
# a reading's presenters named before it with a verb: "Denise and Josephine present: …", "Martin presents: …"
_FIRST_NAME = r"[A-Z\u00c0-\u024f][\w.'\u00c0-\u024f-]*(?:\s+[A-Z\u00c0-\u024f][\w.'\u00c0-\u024f-]*){0,2}"
_PRESENTS = re.compile(
    rf"^(?P<who>{_FIRST_NAME}(?:\s*(?:,|&|\band\b)\s*{_FIRST_NAME})*)\s+"
    r"(?:presents?|presenting|will present|leads?|leading|will lead|discuss(?:es)?|introduces?)\s*:\s*"
)
# "Ada will present ([Quill et al., 2019](…))", "TBD will present …", "*Ada* on [Name](…)": the reading's presenter
_WILL_PRESENT = re.compile(
    rf"^[*_]*(?P<who>{_FIRST_NAME}(?:\s*(?:,|&|\band\b)\s*{_FIRST_NAME})*)[*_]*\s+"
    r"(?:will present|is presenting|will lead|on(?=\s+\[))\b\s*:?\s*"  # "*Ada* on [Short name](…)": the reading
)
# a reading's presenter after a dash or in parentheses: "[Title](link) — Ada Quill", "(presented by Ada & Bo)"
_NAME = r"[A-Z\u00c0-\u024f][\w.'\u00c0-\u024f-]*(?:\s+[A-Z\u00c0-\u024f][\w.'\u00c0-\u024f-]*){0,3}"
# a reading's presenter before it, a name of two words or more: "Ada Quill: [Title](link)", "Ada Quill — [Title](…)"
# an unlinked title with its citation after it: "Attention Is All You Need (Vaswani et al., 2017)"
_TITLE_CITED = re.compile(r"^(?P<title>\S.{6,}?)\s*(?P<cite>\([^()]*\bet\s+al\b[^()]*\))\.?$")
_PRESENTER_FIRST = re.compile(rf"^(?P<who>{_NAME})\s*(?::|\s[—–-])\s*(?=\[|https?://)")
# a date bullet's presenters before its topic: "**June 21**: Ada Quill, topic", "Bo Renn & Cai Lune" (names of
# two or three capitalised words, nothing else or a comma after them)
_PERSON = r"[A-Z\u00c0-\u024f][a-z\u00c0-\u024f'’-]+(?:\s+[A-Z\u00c0-\u024f][\w\u00c0-\u024f'’.-]*){1,2}"
# a meeting heading's topic that is only a person, linked or not: "[Ada Quill](https://…)", "Ada Quill"
_SPEAKER_TOPIC = re.compile(rf"^\s*(?:\[?(?P<linked>{_PERSON})\]\([^()\s]+\)|(?P<plain>{_PERSON}))\s*$")
_LINK_BULLET = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])\s+\[[^\[\]]{3,}\]\(")  # an item opened by a link
_PAREN_LEAD = re.compile(rf"^\s*\((?P<who>{_PERSON}(?:\s*(?:&|,|\band\b)\s*{_PERSON})*)\)\s*")
_LEAD_NAMES = re.compile(rf"^(?P<who>{_PERSON}(?:\s*(?:&|,|\band\b)\s*{_PERSON})*)\s*(?:,|;|$)")
# a reading's link followed by what is said of it: "[Widget Computers](…), a successor of the WTM"
_LINK_THEN_SAID = re.compile(
    r"^(?P<link>\[[^\]]+\]\([^()\s]+\))\s*(?:(?:,|;|:|\s[–—-])\s+\S|\((?![^()]*(?:\bet\s+al\b|\d{4}))[^()]+\)\s*$)"
)
# words of a topic, not of a name: "Graph Neural Networks", "Reinforcement Learning", "Introduction", "Spring Break"
_TOPIC_WORD = re.compile(
    r"\b(?:\w+(?:tion|sion|ness|ity|ics|ures?)s?|(?:\w*learn|train|comput|model|modell|process|reason|plann|scal|"
    r"pretrain|tun)ing|\w*transformers?|neural|deep|graphs?|models?|networks?|methods?|alignment|reinforcement|"
    r"attention|language|vision|intro|overview|review|discussion|session|meeting|break|holiday|tutorial|workshop|"
    r"papers?|reading|topic|no|tbd|tba)\b",
    re.I,
)
# a reading line that is a labelled field: "**Paper:** <reading>", "Moderator: Ada", "**Room:** COM-G25"; what the
# label names (a reading, the meeting's people, where and when it is) decides how its value is read
_FIELD = re.compile(r"^[*_]*\s*(?P<label>[A-Za-z][A-Za-z ]{1,22}?)\s*[*_]*\s*:\s*[*_]*\s*(?P<value>.*)$")
_READING_FIELDS = frozenset({"paper", "papers", "reading", "readings", "article", "title", "main paper"})
_PEOPLE_FIELDS = frozenset(
    "moderator moderators presenter presenters speaker speakers lead leader host facilitator chair".split()
) | {"presented by", "led by", "discussion lead", "discussion leader"}
_PLACE_FIELDS = frozenset({"room", "location", "place", "where", "when", "time", "zoom", "venue room", "building"})
_DATE_FIELDS = frozenset({"date", "day", "meeting date", "session date", "date and time", "datum", "fecha"})
_TO_COME = re.compile(r"^(?:tba|tbd|tbc|n/?a|none|\?+|[-—–]+)\.?$", re.I)  # "TBA": nothing named yet
_BY = r"(?i:presented by|presenters?:|speakers?:|led by)"
_PRESENTED_BY = re.compile(
    rf"(?:\s+[—–-]{{1,2}}\s+(?:{_BY}\s*)?|\s*\(\s*{_BY}\s*|\s*[;,]\s*{_BY}\s*)"
    rf"(?P<who>{_NAME}(?:\s*(?:,|&|\band\b)\s*{_NAME})*)\s*\)?\s*$"
)


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
    presenters: list[str] = field(default_factory=list)
    by: dict[int, list[str]] = field(default_factory=dict)  # the presenters of each paper (by its index)
    indent: int = 0  # a date bullet's indent: a bullet indented deeper is one of its readings
    year_inferred: bool = False  # the page names no year: the year is the newest reading's arXiv id's
    term_year: int | None = None  # the year the nearest heading above names ("## Lent Term 2021 Schedule")
    year_by_weekday: bool = False  # the year is the one in which the day falls on the weekday the page names


def _meeting_heading(body: str) -> tuple[str, str | None] | None:
    """(the date as written, the topic) of a meeting heading, None for another heading."""
    plain = re.sub(r"[*_`]", "", body).strip()
    numbered = _NUMBERED.match(plain)
    rest = plain[numbered.end() :] if numbered else _WEEKDAY.sub("", plain)  # "Mon, March 2, 2015": the date leads
    date = _date_in(rest)
    if not numbered and not (date and date.start() <= 1 and _full_date(date.group(0))):
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


_BY_TAIL = re.compile(r"[*_\s]+by\s*$")  # a title's emphasis closed before its citation: "Title** by"


def _line_papers(line: str) -> tuple[list[CellPaper], str | None]:
    """(the papers a line names by an arXiv or DOI link or id, or a list item citing one in full with its authors
    and year, the line as a note when it names none)."""
    text = _BULLET.sub("", line).strip()
    if not _TAGS.sub("", text).strip():
        return [], None  # a line of HTML tags alone ("</div>")
    found, _ = cell_papers(text)
    papers = [p for p in found if p.arxiv_id or p.doi]
    if not papers and _TOP_BULLET.match(line) and (ref := written_reference(text)) and ref.authors and ref.year:
        return [ref], None  # a reading cited in full ('Quill, Ada. 2019. “Title.” Venue.'), linked or not
    if not papers and _TOP_BULLET.match(line):  # "**Title** by [Quill et al. 2016](…)": the citation links it
        cited = [p for p in found if p.authors and p.year and p.url and _BY_TAIL.search(p.title)]
        for paper in cited:
            paper.title = _BY_TAIL.sub("", paper.title).strip(" *_")
        if cited and all(len(p.title.split()) >= 3 for p in cited):
            return cited, None
    for paper in papers:
        lead = paper.title.strip().rstrip(":-–— ").strip()
        if _LABEL.match(lead) or paper.title.startswith(("http://", "https://")) or not lead:
            paper.title = f"arXiv:{paper.arxiv_id}" if paper.arxiv_id else f"doi:{paper.doi}"
        else:
            paper.title = lead
    return papers, (None if papers else " ".join(text.split()))


def _bullet_line_papers(line: str) -> tuple[list[CellPaper], list[str], str | None]:
    """(the papers, their presenter, the line as a note when it names none) of a reading under a date bullet: a
    linked title ("[Title](link) — Ada Quill") or, unlinked, a reference written out ("Title (Vaswani et al.,
    2017)", "Vaswani, A. (2017). Title. Venue")."""
    text = _BULLET.sub("", line).strip()
    if about_line(text):  # a talk's abstract or its speaker's bio: a note, whatever title it quotes
        return [], [], " ".join(_TAGS.sub(" ", text).split())
    bare = re.sub(r"[*_]", "", text).strip()
    if bare and (day := _WEEKDAY.match(bare + " ")) and day.end() > len(bare):  # "**Wed **" of "**Wed 12 Dec 2018**"
        return [], [], None
    if (field_ := _FIELD.match(text)) and (label := " ".join(field_.group("label").lower().split())) in (
        _READING_FIELDS | _PEOPLE_FIELDS | _PLACE_FIELDS
    ):
        value = field_.group("value").strip(" *_")
        if _TO_COME.match(value) or not value:
            return [], [], None  # "Paper: TBA", "Moderator: TBA"
        if label in _PEOPLE_FIELDS:  # the meeting's presenters ("Moderator: Carol"), or "Presenter: No Meeting"
            return ([], [], value) if skip_note(value) else ([], presenters(value), None)
        if label in _PLACE_FIELDS:
            return [], [], " ".join(text.replace("*", "").split())  # "Room: COM-G25": a note of the meeting
        text = value.lstrip(" ,;")  # "Paper: <the reading>"
    linked = "](" in text or "http" in text
    if cue := _PRESENTS.match(text) or _WILL_PRESENT.match(text):  # "Denise and Josephine present: <the reading>"
        found, _, note = _bullet_line_papers(text[cue.end() :])
        return found, presenters(cue.group("who")) if found else [], note and " ".join(text.split())
    if linked and (ref := byline_reference(text)):  # "Ada Quill, Bo Renn: Title. Venue. [arXiv …](…)"
        return [ref], [], None
    who = _PRESENTED_BY.search(text)
    first = None if who else _PRESENTER_FIRST.match(text)
    first = first if first and len(first.group("who").split()) >= 2 and not _LABEL.match(first.group("who")) else None
    body = text[: who.start()] if who else text[first.end() :] if first else text
    tail = None
    if (said := _LINK_THEN_SAID.match(body)) and not starts_with_cited_link(body):  # "[Title](link), a successor of X"
        body, tail = said.group("link"), venue_tail(f"Some title{body[said.end('link') :]}")  # "…, in EMNLP 2018"
    found = [p for p in cell_papers(body)[0] if p.url or p.arxiv_id or p.doi] if linked else _unlinked(body)
    found = [citation_only(p) for p in found]  # "[Quill et al., 2019](doi)": its author and year, no title
    if tail and tail[1] and len(found) == 1 and found[0].venue is None:
        found[0].venue = tail[1]  # the year stays the arXiv id's or the citation's, when it gives one
        found[0].year = found[0].year or (None if found[0].arxiv_id else tail[2])
    if not found:
        return [], [], (" ".join(text.split()) or None)
    named = who or first
    return found, presenters(named.group("who")) if named else [], None


def _unlinked(text: str) -> list[CellPaper]:
    """The paper of an unlinked reading written as a reference, [] for other text ("Room change: 301")."""
    if ref := written_reference(text):
        return [by_authors(ref)]  # "**Title** by Ada Quill and Bo Renn": its authors, no venue
    m = _TITLE_CITED.match(text)
    cited = cited_et_al(m.group("cite")) if m else None
    if m is None or cited is None:
        return []
    return [CellPaper(m.group("title").strip(' *_"“”'), authors=[cited[0]], year=cited[1])]


def _date_bullet(line: str, n: int) -> HeadingMeeting | None:
    """The meeting a top-level bullet starting with a date heads ("- 2015-03-02", "- Mar 9: cancelled")."""
    bullet = _TOP_BULLET.match(line)
    body = bullet.group(2) if bullet else ""
    found = _meeting_heading(body) if body else None
    if bullet is not None and found is None and (talk := end_dated(body)):  # "*[Talk](…)*, by Ada, 16/12/2025."
        meeting = HeadingMeeting(talk[0], talk[1], f"line {n}", level=_BULLET_LEVEL, indent=len(bullet.group(1)))
        meeting.presenters = talk[2]
        return meeting
    if bullet is None or found is None or not found[0] or _NUMBERED.match(re.sub(r"[*_`]", "", body).strip()):
        return None  # no date leads it, or "- Week 3 (Mar 9)": a numbered item
    meeting = HeadingMeeting(found[0], None, f"line {n}", level=_BULLET_LEVEL, indent=len(bullet.group(1)))
    body = re.sub(rf"^(\*\*|__)\s*({re.escape(found[0])})\s*\1", r"\2", body)  # "**March 12** — Ada: …"
    said = _AFTER_DATE.sub("", body.replace(found[0], " ", 1), count=1)  # "Tuesday, , 15:00–16:00. " goes
    paren = _PAREN_LEAD.match(said)  # "- 3/15/21 (Ada Quill) Title": the presenter in parentheses first
    paren = None if paren is None or _TOPIC_WORD.search(paren.group("who")) else paren
    said = said[paren.end() :] if paren else said
    papers, who, note = _bullet_line_papers(said)
    who = who or (presenters(paren.group("who")) if paren else [])
    if papers and (spoken := _linked_speaker(said)):  # "Title — [Ada Quill](her page) (Inst)": no reading
        papers, who, note = [], spoken[1], spoken[0]
    if _called_off(said, papers):  # "- Oct 31: cancelled — [department retreat](…)": no paper, no meeting
        papers, who, note = [], [], " ".join(re.sub(r"\[([^\[\]]*)\]\([^()\s]*\)", r"\1", said).split())
    _add_papers(meeting, papers, who)
    topic = _AFTER_DATE.sub("", found[1] or "", count=1).strip() or None
    topic = topic.replace(f"({paren.group('who')})", "", 1).strip() or None if topic and paren else topic
    meeting.topic = None if papers else (topic if note else None)
    lead = _LEAD_NAMES.match(meeting.topic or "") if not papers and not paren else None  # "June 21: Ada, topic"
    if lead and meeting.topic and not _TOPIC_WORD.search(lead.group("who")):  # not "Mar 9: Graph Neural Networks"
        meeting.presenters = presenters(lead.group("who"))
        meeting.topic = meeting.topic[lead.end() :].strip(" ,;:–—-") or None
    elif not papers and meeting.topic and (spoken := spoken_talk(meeting.topic)):  # "Title — Ada Quill", "Title, Ada"
        meeting.topic, meeting.presenters = spoken
    return meeting


def _linked_speaker(said: str) -> tuple[str, list[str]] | None:
    """(the talk, its speaker) of a date bullet whose one link is on the speaker's name after the talk's title."""
    spoken = trailing_speaker(_AFTER_DATE.sub("", said, count=1))
    at = said.find(f"[{spoken[1][0]}](") if spoken else -1
    return spoken if spoken and at > 0 and "](" not in said[:at] else None


def _date_line(lines: list[str], k: int, n: int) -> HeadingMeeting | None:
    """The meeting a short paragraph line opened by a weekday and a date heads ("Wed Feb 19 3pm, Room 2"), its
    readings in the list right below it (the list's top-level items are its readings)."""
    line = lines[k]
    if not line.strip() or line[:1].isspace() or len(line) > 80 or not _WEEKDAY.match(line.strip(" *_")):
        return None
    below = next((x for x in lines[k + 1 : k + 3] if x.strip()), "")
    found = _meeting_heading(line) if _TOP_BULLET.match(below) and not _BULLET.match(line) else None
    if found is None or not found[0] or line.lstrip().startswith(("#", "|", ">")):
        return None
    return HeadingMeeting(" ".join(line.strip(" *_").split()), None, f"line {n}", level=_BULLET_LEVEL, indent=-1)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _add_papers(meeting: HeadingMeeting, papers: list[CellPaper], who: list[str]) -> None:
    for paper in without_templates(papers):  # "[Paper Title 1](#)": a template's placeholder
        meeting.by[len(meeting.papers)] = who
        meeting.papers.append(paper)
    meeting.presenters += [w for w in who if w not in meeting.presenters]


def _date_field(line: str) -> str | None:
    """The day a line labelled as the meeting's date gives ("- **Date:** 2025-03-04", "" for TBD), else None."""
    field_ = _FIELD.match(_BULLET.sub("", line).strip())
    if field_ is None or " ".join(field_.group("label").lower().split()) not in _DATE_FIELDS:
        return None
    value = " ".join(field_.group("value").strip(" *_").split())
    return "" if _TO_COME.match(value) else value


def _section_line(current: HeadingMeeting, line: str) -> None:
    """Add what one line under a meeting's heading (or date bullet) names; a date field dates a meeting whose
    heading names no day ("### Session 1: Widgets" over "- **Date:** 2025-03-04")."""
    if (day := _date_field(line)) is not None:
        current.date_text = current.date_text or day
        return
    if line.lstrip().startswith("|"):
        current.table = True
    if labelled := _labelled_line(line):  # "**Paper:** Title, in EMNLP 2018", "**Presenter:** Ada Quill"
        papers, who, note = labelled
        _add_papers(current, papers, who)
    elif current.level == _BULLET_LEVEL or _TOP_BULLET.match(line) and _PRESENTED_BY.search(line):
        papers, who, note = _bullet_line_papers(line)  # "- [Title](link) — Ada Quill" under a heading too
        _add_papers(current, papers, who)
    else:
        papers, note = _line_papers(line)
        if not papers and _LINK_BULLET.match(line) and (linked := linked_byline(_BULLET.sub("", line))):
            papers, note = [linked], None  # "* [Article](…) by Ada Quill for Widget Weekly": a reading
        current.papers += without_templates(papers)
    if note:
        current.notes.append(note)


def _labelled_line(line: str) -> tuple[list[CellPaper], list[str], str | None] | None:
    """(papers, presenters, note) of a line under a meeting's heading labelled as its reading or its presenter
    ("Paper: Title. In Proceedings of ACL 2019", "- **Presenter:** Ada Quill"); None for another line. A reading
    so labelled is a paper linked or not (its venue after the title kept apart)."""
    field_ = _FIELD.match(_BULLET.sub("", line).strip())
    label = " ".join(field_.group("label").lower().split()) if field_ else ""
    if field_ is None or label not in _READING_FIELDS | _PEOPLE_FIELDS:
        return None
    papers, who, note = _bullet_line_papers(line)
    value = field_.group("value").strip(" *_")
    if label in _READING_FIELDS and not papers and note and "](" not in value and "http" not in value:
        papers, _ = cell_papers(value)  # an unlinked title: the label says it is the reading
        note = None if papers else note
    return papers, who, note


def _sections(text: str, outside: list[tuple[int, str | None, str]] | None = None) -> list[HeadingMeeting]:
    """Every meeting heading (and date bullet) of a page with the papers and notes of its section; the top-level
    list items outside any meeting go to ``outside`` (line number, the heading above, the item)."""
    meetings: list[HeadingMeeting] = []
    current: HeadingMeeting | None = None
    heading, group = None, [False]  # group: under a label item ("* 2000s:") whose nested items are listed
    term: int | None = None
    lines = page_lines(text)
    fenced = fenced_lines(lines)
    for k, line in enumerate(lines):
        n = k + 1
        if k in fenced:
            continue
        if m := _HEADING.match(line):
            level, found, heading = len(m.group(1)), _meeting_heading(m.group(2)), m.group(2).strip(" *_")
            if found is None and (named := _YEAR.findall(heading)):  # "## Lent Term 2021", not "2020-2021"
                term = int(named[0]) if len(set(named)) == 1 and _TERM.search(heading) else term
            if found is not None:
                current = HeadingMeeting(found[0], found[1], f"line {n}", level=level)
                _headed_by(current, lines[max(k - 6, 0) : k])  # "#### Title by Author" / "###### April 3, 2021"
                who = _SPEAKER_TOPIC.match(found[1] or "")  # "### August 30: [Ada Quill](…)": the speaker
                if who and not _TOPIC_WORD.search(name := who.group("linked") or who.group("plain")):
                    current.presenters, current.topic = presenters(name), None
                current.term_year = term
                meetings.append(current)
            elif current is not None and level <= current.level:
                current = None  # "## Code formatting" after the meetings
            continue
        if dated := _date_line(lines, k, n):  # "Wed Feb 19 3pm, Room 2" over its bullets
            current = dated
            current.term_year = term
            meetings.append(current)
            continue
        nested = current is not None and current.level == _BULLET_LEVEL and _indent(line) > current.indent
        if _TOP_BULLET.match(line) and not nested and withdrawn(_BULLET.sub("", line)):
            current = None if current is not None and current.level == _BULLET_LEVEL else current
            continue  # "- <strike>21-10-2020: **Title** …</strike>": a session called off, no meeting
        if (current is None or current.level == _BULLET_LEVEL) and not nested and (bullet := _date_bullet(line, n)):
            current = bullet
            current.term_year = term
            meetings.append(current)
            continue
        if current is not None and current.level == _BULLET_LEVEL and line.strip() and not line[:1].isspace():
            if not (current.indent < 0 and _TOP_BULLET.match(line)):  # a date line's own list goes on
                current = None  # the list of dates ends
        if current is None and outside is not None:
            _outside_line(outside, (n, heading, line), group)
        if current is None or not line.strip():
            continue
        _section_line(current, line)
    return meetings


def _headed_by(meeting: HeadingMeeting, above: list[str]) -> None:
    """The reading and presenters of a meeting heading written under deeper-placed headings of its own: "#### Title
    by Author" and "##### Moderated by Ada Quill" right above "###### April 3, 2021" (an HTML page's h4, h5, h6);
    a heading saying a paper is to come ("Soon new paper") names none."""
    for line in reversed(above):
        m = _HEADING.match(line)
        if not line.strip():
            continue
        if m is None or not 2 < len(m.group(1)) < meeting.level or _meeting_heading(m.group(2)) is not None:
            return
        text = " ".join(m.group(2).strip(" *_").split())
        if who := _LED_BY.match(text):
            meeting.presenters += [p for p in presenters(who.group("who")) if p not in meeting.presenters]
        elif (by := _TITLE_BY.match(text)) and not _SOON.match(text):
            names = [a for a in re.split(r"\s*(?:,|&|\band\b)\s*", by.group("who")) if a]
            _add_papers(meeting, [CellPaper(by.group("title").strip(' "“”'), authors=names)], [])


def _outside_line(
    outside: list[tuple[int, str | None, str]], at: tuple[int, str | None, str], group: list[bool]
) -> None:
    """Add a line outside the meetings to ``outside`` when it lists a paper: a top-level item, or an item nested under
    a label item ("* 2000s:" / "    - [Quill et al. 2000 (Nature 406)](…)") with its title on the indented line
    below joined to it."""
    n, heading, line = at
    if is_listed_item(line):
        group[0] = bool(_LABEL_ITEM.match(line))
        outside.append(at)
    elif group[0] and (nested := _NESTED_ITEM.match(line)):
        outside.append((n, heading, f"- {nested.group('item').strip()}"))
    elif group[0] and line[:1].isspace() and line.strip() and outside:  # the nested item's title, on its next line
        k, above, item = outside[-1]
        outside[-1] = (k, above, f"{item.rstrip()} {line.strip()}")
    elif line.strip():
        group[0] = False


# a line that starts a block of its own (a list item, a heading, a table row, a fence, HTML, a quote, a rule)
_TAGS = re.compile(r"<[^>]{0,200}>")
_LED_BY = re.compile(r"^(?:moderated|presented|led|hosted|chaired|facilitated)\s+by\s+(?P<who>[A-Z].*)$", re.I)
_TITLE_BY = re.compile(
    r"^(?P<title>\S+(?:\s+\S+){1,30}?)\s+by\s+(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}"
    r"(?:\s*(?:,|&|and)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})*)$"
)
_SOON = re.compile(r"^\W*(?:soon|coming soon|tba|tbd|to be (?:announced|decided|confirmed))\b", re.I)
_LABEL_ITEM = re.compile(r"^ {0,3}[-*+]\s+[^\s:*_][^:]{0,30}:\s*$")  # "* 2000s:", "- Classics:": a group's label
_NESTED_ITEM = re.compile(r"^(?: {2,8}|\t)[-*+]\s+(?P<item>\S.*)$")


def unscheduled_papers(text: str) -> list[tuple[str, str | None, CellPaper]]:
    """The papers a page of meeting headings or date bullets lists outside its meetings ("## Suggested papers" /
    "- Ada Quill, Bo Renn: Title, [WIDG 2017](…)", "### Contenders" / "[Title](https://arxiv.org/abs/…)"): (line,
    the heading above, paper) of each top-level item or lone link written as a reference with its link, or
    naming an id, or under a heading of papers to come (:func:`._schedule_pool.listed_paper`); [] for a page that
    is no such schedule."""
    outside: list[tuple[int, str | None, str]] = []
    _sections(text, outside)
    if not outside or not heading_meetings(text):
        return []
    found = []
    talks = {k for k, *_ in speaker_bullets(text)}  # "[Ada Quill](wiki), Lab: *Title*": a talk, no paper besides
    for n, heading, line in outside:
        if n in talks:
            continue
        item = is_listed_item(line) or ""
        linked = [p for p in cell_papers(item)[0] if p.authors and (p.url or p.arxiv_id or p.doi)]
        ref = byline_reference(item) or (linked[0] if len(linked) == 1 else None) or listed_paper(item, heading)
        if ref is not None:
            found.append((f"line {n}", heading, ref))
    return found


def heading_meetings(text: str) -> list[HeadingMeeting]:
    """The meetings of a page written as one heading per meeting (:func:`is_heading_schedule`), dated in the page's
    date order; [] for any other page."""
    meetings = _sections(captured_bullets(text))
    blocks = [] if len(meetings) >= 2 else speaker_blocks(text) or speaker_bullets(text)  # talks, no paper
    if blocks:
        meetings = [HeadingMeeting(d, t, f"line {k}", level=_BULLET_LEVEL, presenters=who) for k, d, t, who in blocks]
    yearly = [] if len(meetings) >= 2 or blocks else year_link_meetings(text, HeadingMeeting)  # "## 2024" / links
    meetings = yearly or meetings
    same_level = [m for m in meetings if m.level == min((x.level for x in meetings), default=0)]
    if len(same_level) < 2 or any(m.table for m in meetings):
        return []
    _schedule_talks.talks_as_readings(meetings, text, CellPaper)  # a reading group's "Title — Ada" bullets: read
    if not (any(m.papers for m in meetings) or talks_only(meetings) or blocks or yearly):  # a seminar's talks
        return []
    order = date_order(m.date_text for m in meetings if m.date_text)
    years = [int(y) for m in meetings for y in _YEAR.findall(m.date_text)] or _page_years(text, meetings)
    year = max(set(years), key=years.count) if years else None
    by_weekday = block_year(text, blocks, order) if blocks and year is None else None  # "Wednesdays" over "03/26"
    year = year or by_weekday
    newest = max((p.arxiv_id[:4] for m in meetings for p in m.papers if p.arxiv_id and _NEW_ARXIV.match(p.arxiv_id)),
                 default=None)  # fmt: skip
    for m in meetings:
        if m.topic and _called_off(m.topic, m.papers):  # "## May 23: Holiday, no reading group" over a link
            m.papers, m.by = [], {}
        m.date = parse_day(m.date_text, order, m.term_year or year) if m.date_text else None
        m.year_inferred = m.year_by_weekday = bool(by_weekday and m.date)  # the meeting says so
        if m.date_text and m.date is None and year is None and newest:  # no year on the page: after its readings
            first = dt.date(2000 + int(newest[:2]), int(newest[2:]), 1)
            m.date = parse_day(m.date_text, order, first.year)
            if m.date is not None and m.date < first:
                m.date = parse_day(m.date_text, order, first.year + 1)
            m.year_inferred = m.date is not None
    return meetings


def _called_off(text: str, papers: list[CellPaper]) -> bool:
    """Whether a meeting's heading or date bullet says it did not take place ("NO MEETING", "cancelled", "holiday",
    "(RG is postponed)") and the links under it name no paper by an arXiv id or DOI (a holiday's page, a retreat)."""
    return skip_note(text) and not any(p.arxiv_id or p.doi for p in papers)


def _page_years(text: str, meetings: list[HeadingMeeting]) -> list[int]:
    """The years the page's headings and prose before its first meeting name ("## Spring 2019", "Meetings of
    2019")."""
    first = int(meetings[0].where.split()[-1]) if meetings and meetings[0].where.startswith("line ") else 0
    lines = [line for line in text.split("\n")[: max(first - 1, 0)] if not _BULLET.match(line)]
    return [int(y) for line in lines for y in _YEAR.findall(line)][:1]


def is_heading_schedule(text: str) -> bool:
    """Whether a page is a schedule written as one heading per meeting: two meeting headings of one level, at least
    one naming a paper by its arXiv or DOI link, and no table under them."""
    return bool(heading_meetings(text))
