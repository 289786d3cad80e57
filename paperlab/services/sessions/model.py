"""The session model: :class:`Session` (a theme, a date and its presentations) and :func:`read_session`."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from ...comparison import compare, venue_of
from ...dates import as_date
from ...errors import FoundByFinderWarning, ImportProblem, ParseError, PartialImportWarning, warn_partial
from ...library import Library
from ...paper import Paper
from ...sources import file_not_found, read_text
from ...sources.schedule import looks_like_schedule, read_meetings
from ...text import md_escape as md_cell  # one line, markdown and HTML markup escaped
from ...text import md_link_text, plural
from ...urls import md_url
from .entry import SessionEntry
from .notes import RELATED, TITLES_READ
from .reading import NOTES_READ, SKIPPED, read_transcript

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Session", "read_session", "session_papers"]


class Session:
    """A reading-group session: a theme, a date and the presentations.

    Parameters
    ----------
    theme : str
    date : datetime.date or ISO str, optional
    entries : list of SessionEntry, optional
    subtitle : str, optional
        Further header lines (e.g. "Paper presentation: Group4").
    source : str, optional
        The transcript file.
    problems : list of ImportProblem, optional

    Examples
    --------
    >>> s = Session.from_file("reading-group-session.txt")  # doctest: +SKIP
    >>> [e.presenter for e in s.entries]  # doctest: +SKIP
    """

    def __init__(
        self,
        theme: str,
        date: dt.date | str | None = None,
        entries: list[SessionEntry] | None = None,
        subtitle: str | None = None,
        source: str | None = None,
        problems: list[ImportProblem] | None = None,
    ) -> None:
        self.theme = theme
        self.date = as_date(date, "session date")
        self.entries = list(entries or [])
        self.subtitle = subtitle
        self.source = source
        self.problems = list(problems or [])

    def __repr__(self) -> str:
        when = f", {self.date.isoformat()}" if self.date else ""
        return f"<Session {self.theme!r}{when}: {len(self.entries)} presentation(s)>"

    # -- import --------------------------------------------------------------------------
    @classmethod
    def from_file(cls, path: str | Path, date: dt.date | str | None = None) -> Session:
        """Import a slide transcript (the format of ``seeds/reading-group-session.txt``).

        Parameters
        ----------
        path : str or Path
        date : date or ISO str, optional
            The session's date (transcripts rarely state it).

        Raises
        ------
        ParseError
            If the file is missing, empty or has no presenter line (naming the line).
        """
        path = Path(path)
        if not path.exists():
            raise file_not_found(path)
        text = read_text(path)  # a ParseError if it is a folder, unreadable or not UTF-8
        schedule = looks_like_schedule(text, path.suffix.lower())
        try:  # a schedule's papers are never read as notes without presenters
            return cls._from_text(text, str(path), date, notes=not schedule)
        except ParseError:
            if not schedule:
                raise
        if (one := _one_meeting_table(path, date)) is not None:
            return one
        raise ParseError(
            "expected a session transcript, got a reading-group schedule (a table of meetings or a heading per "
            "meeting): read it with paperlab.Schedule.from_file or paperlab.load",
            source=str(path),
            where="line 1",
        )

    @classmethod
    def from_text(cls, text: str, source: str = "<text>", date: dt.date | str | None = None) -> Session:
        """Import a transcript given as a string; see :meth:`from_file`."""
        return cls._from_text(text, source, date)

    @classmethod
    def _from_text(cls, text: str, source: str, date: dt.date | str | None, notes: bool = True) -> Session:
        """The session, warning with :class:`PartialImportWarning` about the problems that lost data (``notes``:
        without presenter lines, the papers the text names are read as presentations)."""
        t = read_transcript(text, source, notes=notes)
        when = date if date is not None else t.date  # the day the header or the title slide names
        session = cls(t.theme, date=when, entries=t.entries, subtitle=t.subtitle, source=source, problems=t.problems)
        read_as = next((p.message for p in t.problems if p.message in (NOTES_READ, TITLES_READ)), None)
        if t.entries and read_as:  # notes without presenter lines
            warn_partial(_notes_read(source, t.lost, len(t.entries), by_title=read_as == TITLES_READ))
        else:  # a deck's title slide, presentations: warn only of what was lost (at the caller's line)
            _lost_warnings(source, t.lost, t.entries)
        return session

    # -- views ---------------------------------------------------------------------------
    @property
    def library(self) -> Library:
        """The papers presented, as a Library (search, compare and cards work on it)."""
        return Library((e.paper for e in self.entries), name=self.theme)

    @property
    def results(self) -> pd.DataFrame:
        """Every table's tidy results, with a ``presenter`` column."""
        import pandas as pd

        frames = [df.assign(presenter=e.presenter) for e in self.entries for df in e.results if len(df)]
        if not frames:
            return pd.DataFrame(columns=["presenter", "paper", "method", "dataset", "metric", "value"])
        return pd.concat(frames, ignore_index=True)

    def compare(self, fields: list[str] | None = None) -> pd.DataFrame:
        """:func:`paperlab.compare.compare` on the session's papers, with their table results."""
        df = compare(self.library, fields=fields, results=[d for e in self.entries for d in e.results])
        presenters = {e.paper.id: e.presenter for e in self.entries}
        df.insert(0, "presenter", [presenters.get(i) for i in df.index])
        return df

    def to_markdown(self) -> str:
        """The agenda as markdown: one numbered item per presentation, with takeaways and questions."""
        lines = [f"# {md_cell(self.theme)}"]
        if self.subtitle:
            lines.append(f"*{md_cell(self.subtitle)}*")
        if self.date:
            lines.append(f"**Date:** {self.date.isoformat()}")
        lines.append("")
        for n, e in enumerate(self.entries, start=1):
            lines += _agenda_item(n, e)
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


def _agenda_item(n: int, e: SessionEntry) -> list[str]:
    """The markdown lines of presentation ``n`` of the agenda."""
    p = e.paper
    title = md_cell(p.title)
    link = md_url(p.abs_url)  # only an http(s) URL becomes a link
    meta = " · ".join(md_cell(m) for m in (p.byline(), venue_of(p)) if m)
    lines = [
        f"{n}. "
        + (f"**{md_cell(e.presenter)}** — " if e.presenter.strip() else "")  # notes name no presenter
        + (f"[{md_link_text(p.title)}]({link})" if link else f"*{title}*")
        + (f" — {meta}" if meta else "")
    ]
    lines += [f"   - {md_cell(t)}" for t in e.takeaways]
    if e.tables:
        values = plural(sum(len(d) for d in e.results), "value")
        lines.append(f"   - Results: {plural(len(e.tables), 'table')}, {values}")
    lines += [f"   - **Question:** {md_cell(q)}" for q in e.questions]  # words: an emoji font may be missing
    return lines


def _one_meeting_table(path: Path, date: dt.date | str | None) -> Session | None:
    """A session's notes whose presentations are a table of presenters and papers (``| Presenter | Paper |``, no
    two meetings on different days): each row's paper a presentation by its presenter; None for a schedule of
    several meetings or a table without presenters."""
    try:
        meetings, problems, title = read_meetings(path)
    except ParseError:
        return None
    days = {m.date for m in meetings if m.date is not None}
    entries = [
        SessionEntry(", ".join(p.extra.get("presenters") or m.presenters), p, line=_line_of(m.where))
        for m in meetings
        for p in m.papers
    ]
    if len(days) > 1 or not entries or not all(e.presenter for e in entries):
        return None
    when = date if date is not None else (days.pop() if days else _page_day(path))
    session = Session(title or path.stem, date=when, entries=entries, source=str(path), problems=problems)
    if problems:
        warn_partial(PartialImportWarning(str(path), problems, kept=len(entries), what="presentation"))
    return session


def _page_day(path: Path) -> dt.date | None:
    """The one ISO day the opening lines of a page name outside tables ("Notes from our session on 2026-04-09"),
    None when they name none or several."""
    lines = [ln for ln in read_text(path).splitlines()[:40] if ln.strip() and not ln.lstrip().startswith("|")][:15]
    days = set(re.findall(r"(?<![\d-])((?:19|20)\d\d-[01]\d-[0-3]\d)(?![\d-])", "\n".join(lines)))
    if len(days) != 1:
        return None
    try:
        return as_date(days.pop(), "date", source=str(path))
    except ParseError:  # "2026-02-30": no day
        return None


def _line_of(where: str) -> int:
    number = where.rsplit(" ", 1)[-1]
    return int(number) if number.isdigit() else 0


def _notes_read(source: str, lost: list[ImportProblem], kept: int, by_title: bool = False) -> Warning:
    """The warning that notes without presenter lines were read by the papers they name by title or by the generic
    paper finder (and what it lost: a PartialImportWarning only when it lost something)."""
    how = " by a title heading or field" if by_title else ", read by the generic paper finder"
    label = f"{source} (notes without presenter lines: the papers they name{how})"
    return PartialImportWarning(label, lost, kept=kept, what="paper") if lost else FoundByFinderWarning(label, kept)


def _lost_warnings(source: str, lost: list[ImportProblem], entries: list[SessionEntry]) -> None:
    """One warning for the presentations skipped (they name no paper) and one for the table values lost, each
    counting what it kept: a skipped presentation is no table value."""
    skipped = [p for p in lost if p.message.endswith(SKIPPED)]
    tables = [p for p in lost if not p.message.endswith(SKIPPED)]
    if skipped:
        warn_partial(PartialImportWarning(source, skipped, kept=len(entries), what="presentation"))
    if tables:
        kept = sum(len(d) for e in entries for d in e.results)
        warn_partial(PartialImportWarning(source, tables, kept=kept, what="table value"))


def read_session(path: str | Path, date: dt.date | str | None = None) -> Session:
    """Function form of :meth:`Session.from_file`."""
    return Session.from_file(path, date=date)


def carry_results(entry: SessionEntry) -> None:
    """Put the tidy rows of the presentation's result tables in its paper's ``extra["session_results"]`` (plain
    JSON: they are kept in the store and on the wire), where :func:`paperlab.compare` finds them."""
    import json

    import pandas as pd

    frames = [d for d in entry.results if len(d)]
    if frames:
        rows = json.loads(pd.concat(frames, ignore_index=True).to_json(orient="records"))
        entry.paper.extra["session_results"] = rows


def session_papers(path: str | Path) -> list[Paper]:
    """The papers a session transcript presents (the reader of :func:`paperlab.load` for format ``"session"``):
    title, authors and venue as the slides give them, the presenter in ``extra["presenter"]``, source "session",
    the slides' result tables in ``extra["session_results"]`` (so ``paperlab.load(path).compare()`` shows them, as
    ``Session.from_file(path).compare()`` does).
    A presentation that names no paper is skipped and named in a :class:`PartialImportWarning`; the slides' tables
    are not papers, so a table that could not be read is not reported here (``Session.from_file`` reports it)."""
    with warnings.catch_warnings():  # what was read is said below, once
        warnings.simplefilter("ignore", PartialImportWarning)
        warnings.simplefilter("ignore", FoundByFinderWarning)
        session = Session.from_file(path)
    for entry in session.entries:  # the slides' result tables go with their paper: lib.compare() has them
        carry_results(entry)
    if session.entries and any(p.message == NOTES_READ for p in session.problems):  # notes: the finder read them
        lost = [p for p in session.problems if p.message != NOTES_READ and not p.message.endswith(RELATED)]
        warn_partial(_notes_read(str(path), lost, len(session.entries)))
        return list(session.library)
    skipped = [p for p in session.problems if p.message.endswith(SKIPPED)]
    if skipped:
        warn_partial(PartialImportWarning(str(path), skipped, kept=len(session.entries)))
    return list(session.library)
