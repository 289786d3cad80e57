"""Reading a transcript: the session header, then one :class:`SessionEntry` per presenter line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...errors import ImportProblem, ParseError
from ...paper import Paper, SourceRecord
from ...urls import safe_url
from .deck import deck_lines, header_day, title_slide
from .entry import SessionEntry
from .fields import heading_level, is_placeholder, labelled, link_ids, presenter_label
from .layout import (
    Header,
    fallback_title,
    labelled_header,
    parse_header,
    presenter_lines,
    presenter_name,
    takeaways_and_questions,
)
from .results import lost_data, slide_tables

__all__ = ["DECK_READ", "NOTES_READ", "SKIPPED", "Transcript", "looks_like_transcript", "read_transcript"]

#: the end of the message of a presentation that names no paper
SKIPPED = "; presentation skipped"
#: the problem that says notes without presenter lines were read by the generic paper finder
NOTES_READ = "no presenter lines: the papers the notes name, read by the generic paper finder"
#: the problem that says a slide deck without presenter lines presents the paper its title slide names
DECK_READ = "no presenter lines: the paper the deck's title slide names, presented by nobody named"


@dataclass
class Transcript:
    """What a transcript holds; ``lost`` lists the problems that lost data (the partial-import warning's)."""

    theme: str
    subtitle: str | None
    entries: list[SessionEntry] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    lost: list[ImportProblem] = field(default_factory=list)
    date: dt.date | None = None  # the day the session's header names


def _lines(text: str, source: str) -> list[str]:
    if not isinstance(text, str) or not text.strip():
        raise ParseError("empty transcript: expected a session header and presentations", source, "line 1")
    return text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")


def _no_presenters(lines: list[str], source: str) -> ParseError:
    first = next((n for n, ln in enumerate(lines, 1) if ln.strip()), 1)
    return ParseError(
        "expected presenter lines (a person's name alone on a line, followed by the paper's "
        "title and authors), or a paper named by an arXiv id, a DOI or a link to it; found neither",
        source,
        f"line {first}",
    )


def _notes_of_papers(lines: list[str], source: str) -> Transcript | None:
    """Notes without presenter lines (a one-paper reading note, a review): one presentation, by nobody named,
    per paper the generic paper finder reads in them (an id or a paper's address near its title); None when it
    finds none. ``lost`` says how they were read."""
    from ...sources import find_papers

    papers, skipped = find_papers("\n".join(lines), source, id_less=False)
    presented = [p for p in papers if not _aside(lines, _line_of(p))]
    papers = presented or papers  # a paper named in passing in the notes' asides is no presentation
    if not papers:
        return None
    heading = next((_unlinked(ln.lstrip("#").strip()) for ln in lines if ln.startswith("#")), "")
    if not heading or _FIELD_HEADING.match(heading):  # "## Title", "#### Research Question": a field's label
        heading = papers[0].title if len(papers) == 1 and papers[0].title else heading or "Session"
    takeaways, questions, _ = takeaways_and_questions(lines, 0, len(lines), notes=True)
    if len(papers) == 1:  # a one-paper note's own top-level bullets under its heading are what it took away
        takeaways = list(dict.fromkeys([*_top_bullets(lines), *takeaways]))
    out = Transcript(heading, None)
    for paper in papers:
        entry = SessionEntry("", paper, takeaways=list(takeaways), questions=list(questions), line=_line_of(paper))
        out.entries.append(entry)  # each its own lists: a takeaway added to one is not the others'
    note = ImportProblem(source, "", NOTES_READ)
    out.problems = [note, *skipped]
    out.lost = list(skipped)
    return out


_MD_LINK = re.compile(r"\[\[?([^\[\]]+)\]\]?\((?:[^()\s]|\([^()\s]*\))+\)")
# a link's text naming the link, not the paper ("Title [[pdf]](…)"), and a note's field heading ("## Title")
_LINK_WORD = re.compile(r"^\s*(?:pdf|arxiv|abs|link|paper|html|url|code)\s*$", re.I)
_FIELD_HEADING = re.compile(
    r"^\W*(?:\w+\s+){0,2}(?:title|paper|keywords?|cite|citation|contents?|abstract|summary|notes?|meta-?data|"
    r"questions?|conclusions?|contributions?|methods?|results?|ideas?|problems?|url|links?)\W*$",
    re.I,
)


def _unlinked(heading: str) -> str:
    """A heading's text with each markdown link as its text ("[Title](url)" -> "Title"), a link labelled "pdf" or
    "arXiv" after other words dropped ("Title [[pdf]](url)" -> "Title"): the theme is text."""
    text = _MD_LINK.sub(lambda m: "" if _LINK_WORD.match(m.group(1)) else m.group(1), heading)
    text = " ".join(text.split())
    return text if any(ch.isalpha() for ch in text) else _MD_LINK.sub(lambda m: m.group(1), heading)


_TOP_BULLET = re.compile(r"^[-*+]\s+(?P<text>\S.*)$")
_FIELD_ITEM = re.compile(r"^\W*[\w .'-]{1,25}?\W*[:：]")  # "- Authors: …", "- **Link:** …": a field, no takeaway


def _top_bullets(lines: list[str]) -> list[str]:
    """The top-level bullets of a note's first section (under its first heading, up to the next one) that are
    sentences, not fields or bare links: "- It runs at 40 FPS on a small board."."""
    first = next((k for k, ln in enumerate(lines) if ln.startswith("#")), None)
    if first is None:
        return []
    out: list[str] = []
    for line in lines[first + 1 :]:
        if line.startswith("#"):
            break
        m = _TOP_BULLET.match(line.rstrip())
        text = m.group("text").strip() if m else ""
        if text and not _FIELD_ITEM.match(text) and not _MD_LINK.search(text) and "://" not in text:
            out.append(text)
    return out


def _line_of(paper: Paper) -> int:
    return int((paper.sources[0].record or "line 0").split()[-1])


# a section of notes that mentions other work in passing ("#### Notes", "## Related work", "Questions")
_ASIDE = re.compile(
    r"^\W*(?:(?:my\s+)?notes?|related(?:\s+work|\s+papers)?|references?|see\s+also|further\s+reading|links?|"
    r"(?:open\s+)?questions?|discussion|takeaways?|key\s+ideas?|comments?)\W*$",
    re.I,
)


def _aside(lines: list[str], number: int) -> bool:
    """Whether line ``number`` (1-based) is in an aside section of notes: the nearest markdown heading above it."""
    above = next((ln for ln in reversed(lines[: max(0, number - 1)]) if heading_level(ln)), None)
    return above is not None and bool(_ASIDE.match(above.lstrip("#").strip()))


def _title(lines: list[str], start: int, end: int, h: Header, source: str) -> tuple[str, int, list[ImportProblem]]:
    """The paper's title and its line: from the header, else a slide heading naming the method (reported).

    Raises
    ------
    ParseError
        When the presentation names no paper at all (the caller skips it and reports it).
    """
    if h.title and is_placeholder(h.title):
        h.title = None
    if h.title and h.title_line is not None:
        problems = []
        if not h.authors and not h.venue_line and not h.journal_ref and not h.organization:
            message = f"presentation by {presenter_name(lines[start])!r}: paper {h.title!r} has no author lines"
            problems.append(ImportProblem(source, f"line {h.title_line}", message))
        return h.title, h.title_line, problems
    presenter = presenter_name(lines[start])
    fb = fallback_title(lines, start + 1, end)
    if fb is None or is_placeholder(fb[0]):
        raise ParseError(
            f"presentation by {presenter!r}: expected the paper's title (a title line, a 'Paper:' line or a "
            "heading) or a slide heading naming the method; found neither",
            source,
            f"line {start + 1}",
        )
    title, title_line = fb
    message = (
        f"presentation by {presenter!r} has no title slide; paper named after the "
        f"slide heading at line {title_line}: {title!r}"
    )
    return title, title_line, [ImportProblem(source, f"line {start + 1}", message)]


def _paper(
    lines: list[str], span: tuple[int, int], h: Header, title: tuple[str, int], source: str, theme: str
) -> Paper:
    start, end = span
    return Paper(
        title=title[0],
        authors=h.authors,
        organization=h.organization,
        comment=h.venue_line,
        journal_ref=h.journal_ref,
        arxiv_id=h.arxiv_id,
        doi=h.doi,
        url=safe_url(h.url),
        sources=[SourceRecord("session", location=source, record=f"line {title[1]}")],
        tags=[theme] if theme else [],
        # the slides' text (without tables): compare() reads facets from it
        extra={
            "presenter": presenter_name(lines[start]),
            "session_line": start + 1,
            "notes": "\n".join(ln for ln in lines[h.body_start : end] if "\t" not in ln).strip(),
        },
    )


def _presentation(
    lines: list[str], span: tuple[int, int, int], source: str, theme: str
) -> tuple[SessionEntry, list[ImportProblem]]:
    """The presentation of ``lines[first:end]`` (``start``: its presenter line) and the problems that lost data."""
    first, start, end = span
    presenter = presenter_name(lines[start])
    if presenter_label(lines[start]) or heading_level(lines[start]):
        h = labelled_header(lines, first, start, end)
    else:
        h = parse_header(lines, start + 1, end)
    takeaways, questions, take_at = takeaways_and_questions(lines, h.body_start, end)
    title, title_line, problems = _title(lines, start, end, h, source)
    if take_at is None and not takeaways:
        problems.append(
            ImportProblem(source, f"lines {first + 1}-{end}", f"presentation by {presenter!r} has no Takeaways slide")
        )
    paper = _paper(lines, (start, end), h, (title, title_line), source, theme)
    tables, table_problems = slide_tables(lines, first, end, source, paper.id)
    entry = SessionEntry(
        presenter=presenter,
        paper=paper,
        takeaways=takeaways,
        results=[t.data for t in tables],
        questions=questions,
        tables=tables,
        line=start + 1,
        problems=problems + table_problems,
    )
    return entry, lost_data(table_problems, tables, lines)


def _block_starts(lines: list[str], presenters: list[int]) -> list[int]:
    """Where each presentation starts: at the heading right above a "Presenter:" line (the paper's heading, with
    only labelled or blank lines between), else at the presenter line."""
    starts: list[int] = []
    first_text = next((k for k, ln in enumerate(lines) if ln.strip()), 0)
    for n, k in enumerate(presenters):
        start = k
        floor = presenters[n - 1] if n else first_text
        if presenter_label(lines[k]):
            j = k - 1
            while j > floor and (not lines[j].strip() or labelled(lines[j])):
                j -= 1
            if j > floor and heading_level(lines[j]) and presenter_label(lines[j]) is None:
                start = j
        starts.append(start)
    return starts


def _front_matter(line: str) -> bool:
    """A front-matter fence ("---", "+++") or a rule: never the session's theme."""
    return bool(re.fullmatch(r"\s*(?:-{3,}|\+{3,}|\*{3,}|_{3,}|={3,})\s*", line))  # "=====": a heading's underline


def read_transcript(text: str, source: str, *, notes: bool = True) -> Transcript:
    """Read a slide transcript.

    Raises
    ------
    ParseError
        If the text is empty, has no presenter line and names no paper, or a presentation has no title (naming
        the line). Notes without presenter lines give one presentation (by nobody named) per paper they name.
    """
    raw = _lines(text, source)
    lines, front = deck_lines(raw)  # a markdown deck's front matter and slide separators: blank lines
    presenters = presenter_lines(lines)
    if not presenters:
        found = _deck_of_one_paper(raw, lines, source) if notes else None
        found = found or (_notes_of_papers(lines, source) if notes else None)
        if found is None:
            raise _no_presenters(lines, source)
        return found
    starts = _block_starts(lines, presenters)
    header_lines = [ln.strip() for ln in lines[: starts[0]] if ln.strip() and not _front_matter(ln)]
    theme = front.get("title") or next((_unlinked(h.lstrip("#").strip()) for h in header_lines), "Session")
    subtitle = " · ".join(h.lstrip("#").strip() for h in header_lines[0 if "title" in front else 1 :]) or None
    out = Transcript(theme, subtitle, date=header_day(header_lines))
    for first, start, end in zip(starts, presenters, starts[1:] + [len(lines)], strict=True):
        try:
            entry, lost = _presentation(lines, (first, start, end), source, theme)
        except ParseError as exc:  # this presentation names no paper: skipped, the others are kept
            problem = ImportProblem(source, exc.where or f"line {start + 1}", exc.message + SKIPPED)
            out.problems.append(problem)
            out.lost.append(problem)
            continue
        out.entries.append(entry)
        out.problems += entry.problems
        out.lost += lost
    if not out.entries:
        first_problem = out.problems[0]
        raise ParseError(first_problem.message.removesuffix(SKIPPED), source, first_problem.where)
    return out


def _deck_of_one_paper(raw: list[str], lines: list[str], source: str) -> Transcript | None:
    """A deck without presenter lines whose title slide names the paper and its authors: one presentation of it
    (by nobody named), on the day the slide names; None when the text opens with no such slide."""
    slide = title_slide(raw)
    if slide is None:
        return None
    title, url, arxiv, doi = link_ids(raw[slide.line - 1].lstrip("#").strip())
    occasion = slide.occasion or slide.title
    paper = Paper(
        title=title or slide.title,
        authors=slide.authors,
        arxiv_id=arxiv,
        doi=doi,
        url=safe_url(url),
        sources=[SourceRecord("session", location=source, record=f"line {slide.line}")],
        tags=[occasion],
        extra={"presenter": "", "session_line": slide.line, "notes": "\n".join(lines[slide.line :]).strip()},
    )
    takeaways, questions, _ = takeaways_and_questions(lines, slide.line, len(lines))
    entry = SessionEntry("", paper, takeaways=takeaways, questions=questions, line=slide.line)
    entry.tables, table_problems = slide_tables(lines, slide.line, len(lines), source, paper.id)
    entry.results = [t.data for t in entry.tables]
    entry.problems = table_problems
    note = ImportProblem(source, f"line {slide.line}", DECK_READ)
    lost = lost_data(table_problems, entry.tables, lines)
    return Transcript(occasion, None, [entry], [note, *table_problems], lost, date=slide.day)


# the header lines of a session transcript's slides: "Paper presentation: Group4", "Presenter: Ada Lovelace"
_SESSION_CUE = re.compile(r"^\W*(?:paper\s+presentations?|presenter)\W*:", re.I | re.M)


def looks_like_transcript(text: str) -> bool:
    """Whether ``text`` reads as a session transcript (what :func:`paperlab.load` asks before guessing a saved
    Hugging Face page): it has presenter lines, and a presentation names its paper with a header (author lines, a
    venue line such as "Published as a conference paper at ...") or has a "Takeaways" slide, or the text labels its
    presentations ("Paper presentation:", "Presenter:"); or it is a deck whose title slide names the paper, its
    authors and the day of the talk. A page of titles and abstracts has none of these."""
    try:
        t = read_transcript(text, "<text>", notes=False)  # presenter lines needed: notes of papers are no transcript
    except ParseError:  # a deck whose title slide names the paper, its authors and the day of the talk
        slide = title_slide(text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")) if text.strip() else None
        return slide is not None and slide.day is not None
    headed = any(e.paper.authors or e.paper.comment or e.paper.journal_ref or e.takeaways for e in t.entries)
    return headed or bool(_SESSION_CUE.search(text))
