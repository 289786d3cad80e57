"""Reading a transcript: the session header, then one :class:`SessionEntry` per presenter line."""

from __future__ import annotations

import datetime as dt
import re

from ...errors import ImportProblem, ParseError
from ...paper import Paper, SourceRecord
from ...urls import safe_url
from .deck import deck_lines, header_day, title_slide
from .entry import SessionEntry, Transcript
from .fields import heading_level, is_placeholder, labelled, paper_line, presenter_label, split_heading
from .layout import (
    Header,
    fallback_title,
    labelled_header,
    parse_header,
    presenter_lines,
    presenter_name,
    takeaways_and_questions,
)
from .notes import NOTES_READ, TITLES_READ, notes_of_papers, unlinked
from .results import lost_data, slide_tables

__all__ = ["DECK_READ", "NOTES_READ", "SKIPPED", "Transcript", "looks_like_transcript", "read_transcript"]

#: the end of the message of a presentation that names no paper
SKIPPED = "; presentation skipped"
#: the problem that says a slide deck without presenter lines presents the paper its title slide names
DECK_READ = "no presenter lines: the paper the deck's title slide names, presented by nobody named"


def _lines(text: str, source: str) -> list[str]:
    if not isinstance(text, str) or not text.strip():
        raise ParseError("empty transcript: expected a session header and presentations", source, "line 1")
    return text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")


def _no_presenters(lines: list[str], source: str) -> ParseError:
    first = next((n for n, ln in enumerate(lines, 1) if ln.strip()), 1)
    return ParseError(
        "expected presenter lines (a person's name alone on a line, followed by the paper's title and authors), "
        "or notes naming their papers (a title heading, a 'Title:' or 'Paper:' field, 'Paper 1:' headings, a "
        "heading per paper with author or arXiv fields, 'Notes on <title>'), or a paper named by an arXiv id, a "
        "DOI or a link to it; found none",
        source,
        f"line {first}",
    )


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
        code_url=safe_url(h.code_url),
        published=dt.date(h.year, 1, 1) if h.year else None,
        sources=[SourceRecord("session", location=source, record=f"line {title[1]}")],
        tags=[theme] if theme else [],
        # the slides' text (without tables): compare() reads facets from it
        extra={
            "presenter": presenter_name(lines[start]),
            "session_line": start + 1,
            "notes": "\n".join(ln for ln in lines[h.body_start : end] if "\t" not in ln).strip(),
            **({"date_precision": "year"} if h.year else {}),  # the year of a citation ("(Quill et al., 2023)")
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
    tables, table_problems = slide_tables(lines, first, end, source, paper.id, floor=h.body_start)
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
        found = found or (notes_of_papers(lines, source) if notes else None)
        found = found or (_front_matter_talk(front, lines, source) if notes else None)
        if found is None:
            raise _no_presenters(lines, source)
        return found
    starts = _block_starts(lines, presenters)
    header_lines = [ln.strip() for ln in lines[: starts[0]] if ln.strip() and not _front_matter(ln)]
    theme = front.get("title") or next((unlinked(h.lstrip("#").strip()) for h in header_lines), "Session")
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
    if notes and _headings_only(lines, presenters):
        found = notes_of_papers(lines, source)
        titled = found is not None and any(p.message == TITLES_READ for p in found.problems)
        if found is not None and (not out.entries or (titled and len(found.entries) > len(out.entries))):
            return found  # headings taken for presenters ("## Datasets Used") by notes that name their papers
        if not out.entries:
            raise _no_presenters(lines, source)
    if not out.entries:
        first_problem = out.problems[0]
        raise ParseError(first_problem.message.removesuffix(SKIPPED), source, first_problem.where)
    return out


def _headings_only(lines: list[str], presenters: list[int]) -> bool:
    """Whether every presenter line is a heading with a name alone ("# Research Papers", "## Key Terms"): notes
    whose section headings look like names may be read as notes naming their papers instead."""
    for k in presenters:
        named = split_heading(lines[k])
        if presenter_label(lines[k]) or not heading_level(lines[k]) or named is None or named[1]:
            return False
    return True


def _deck_of_one_paper(raw: list[str], lines: list[str], source: str) -> Transcript | None:
    """A deck without presenter lines whose title slide names the paper and its authors: one presentation of it
    (by nobody named), on the day the slide names; None when the text opens with no such slide."""
    slide = title_slide(raw)
    if slide is None:
        return None
    line = paper_line(raw[slide.line - 1].lstrip("#").strip())
    occasion = slide.occasion or slide.title
    paper = Paper(
        title=line.title or slide.title,
        authors=slide.authors or line.authors,
        journal_ref=line.journal_ref,
        arxiv_id=line.arxiv_id,
        doi=line.doi,
        url=safe_url(line.url),
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


# the keys of a talk page's front matter that name who gives the talk
_SPEAKER_KEYS = ("speaker", "presenter", "author", "authors", "speakers")
FRONT_MATTER_READ = "no presenter lines: the talk the page's front matter names (its title, by its speaker)"


def _front_matter_talk(front: dict[str, str], lines: list[str], source: str) -> Transcript | None:
    """A talk page (a Jekyll or Hugo post) whose front matter names the talk's ``title`` and its speaker
    (``author``, ``speaker``): one presentation of that talk, given by the speaker, the page's text its notes;
    None for a page whose front matter names no title or no speaker."""
    title = front.get("title", "")
    speaker = next((front[k] for k in _SPEAKER_KEYS if front.get(k)), "")
    if is_placeholder(title) or is_placeholder(speaker) or speaker.startswith(("[", "{")):
        return None
    extra: dict[str, object] = {"presenter": speaker, "notes": "\n".join(lines).strip()}
    extra |= {k: v for k, v in front.items() if k in ("video", "slides", "institution", "affiliation") and v}
    paper = Paper(
        title=title,
        authors=[speaker],
        url=safe_url(front.get("link") or front.get("url")),
        sources=[SourceRecord("session", location=source, record="line 1")],
        extra=extra,
    )
    note = ImportProblem(source, "line 1", FRONT_MATTER_READ)
    day = _front_day(front.get("date", ""))
    return Transcript(title, None, [SessionEntry(speaker, paper, line=1)], [note], [], date=day)


def _front_day(text: str) -> dt.date | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text)
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


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
