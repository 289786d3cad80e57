"""Reading a transcript: the session header, then one :class:`SessionEntry` per presenter line."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import ImportProblem, ParseError
from ...paper import Paper, SourceRecord
from .entry import SessionEntry
from .layout import Header, fallback_title, parse_header, presenter_lines, takeaways_and_questions
from .results import lost_data, slide_tables

__all__ = ["Transcript", "read_transcript"]


@dataclass
class Transcript:
    """What a transcript holds; ``lost`` lists the problems that lost data (the partial-import warning's)."""

    theme: str
    subtitle: str | None
    entries: list[SessionEntry] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    lost: list[ImportProblem] = field(default_factory=list)


def _lines(text: str, source: str) -> list[str]:
    if not isinstance(text, str) or not text.strip():
        raise ParseError("empty transcript: expected a session header and presentations", source, "line 1")
    return text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")


def _presenters(lines: list[str], source: str) -> list[int]:
    presenters = presenter_lines(lines)
    if not presenters:
        first = next((n for n, ln in enumerate(lines, 1) if ln.strip()), 1)
        raise ParseError(
            "expected presenter lines (a person's name alone on a line, followed by the paper's "
            "title and authors); found none",
            source,
            f"line {first}",
        )
    return presenters


def _title(lines: list[str], start: int, end: int, h: Header, source: str) -> tuple[str, int, list[ImportProblem]]:
    """The paper's title and its line: from the header, else a slide heading naming the method (reported)."""
    if h.title is not None and h.title_line is not None:
        return h.title, h.title_line, []
    presenter = lines[start].strip()
    fb = fallback_title(lines, start + 1, end)
    if fb is None:
        raise ParseError(
            f"presentation by {presenter!r}: expected the paper's title (a title line followed "
            "by author lines) or a slide heading naming the method; found neither",
            source,
            f"line {start + 1}",
        )
    title, title_line = fb
    message = (
        f"presentation by {presenter!r} has no title slide; paper named after the "
        f"slide heading at line {title_line}: {title!r}"
    )
    return title, title_line, [ImportProblem(source, f"line {start + 1}", message)]


def _paper(lines: list[str], start: int, end: int, h: Header, title: tuple[str, int], source: str, theme: str) -> Paper:
    return Paper(
        title=title[0],
        authors=h.authors,
        organization=h.organization,
        comment=h.venue_line,
        sources=[SourceRecord("session", location=source, record=f"line {title[1]}")],
        tags=[theme] if theme else [],
        # the slides' text (without tables): compare() reads facets from it
        extra={
            "presenter": lines[start].strip(),
            "session_line": start + 1,
            "notes": "\n".join(ln for ln in lines[h.body_start : end] if "\t" not in ln).strip(),
        },
    )


def _presentation(
    lines: list[str], start: int, end: int, source: str, theme: str
) -> tuple[SessionEntry, list[ImportProblem]]:
    """The presentation of ``lines[start:end]`` (``start``: its presenter line) and the problems that lost data."""
    presenter = lines[start].strip()
    h = parse_header(lines, start + 1, end)
    takeaways, questions, take_at = takeaways_and_questions(lines, h.body_start, end)
    title, title_line, problems = _title(lines, start, end, h, source)
    if take_at is None:
        problems.append(
            ImportProblem(source, f"lines {start + 1}-{end}", f"presentation by {presenter!r} has no Takeaways slide")
        )
    paper = _paper(lines, start, end, h, (title, title_line), source, theme)
    tables, table_problems = slide_tables(lines, start, end, source, paper.id)
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


def read_transcript(text: str, source: str) -> Transcript:
    """Read a slide transcript.

    Raises
    ------
    ParseError
        If the text is empty, has no presenter line, or a presentation has no title (naming the line).
    """
    lines = _lines(text, source)
    presenters = _presenters(lines, source)
    header_lines = [ln.strip() for ln in lines[: presenters[0]] if ln.strip()]
    theme = header_lines[0] if header_lines else "Session"
    out = Transcript(theme, " · ".join(header_lines[1:]) or None)
    for start, end in zip(presenters, presenters[1:] + [len(lines)], strict=True):
        entry, lost = _presentation(lines, start, end, source, theme)
        out.entries.append(entry)
        out.problems += entry.problems
        out.lost += lost
    return out
