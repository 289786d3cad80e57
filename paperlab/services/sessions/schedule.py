"""A reading group's schedule: :class:`Schedule`, its meetings and the papers they name.

The file formats (CSV, YAML, markdown tables) are read by :mod:`paperlab.sources.schedule`; ``paperlab.load()`` reads
the same files into a Library of their papers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import ImportProblem, ParseError, PartialImportWarning, warn_partial
from ...library import Library
from ...sources import file_not_found, read_text
from ...sources.paperlist import looks_like_paper_list, parse_paper_list
from ...sources.schedule import CITED_ONLY, Meeting, read_meetings
from ...text import md_escape as md_cell
from ...text import md_link_text
from ...urls import md_url

if TYPE_CHECKING:
    import pandas as pd

    from ...paper import Paper

__all__ = ["Meeting", "Schedule"]


def _paper_list_meetings(path: Path) -> tuple[list[Meeting], str | None] | None:
    """A paper list read as meetings, one per paper and undated (its topic heading as their section), and the
    list's ``#`` heading; None when the file is no paper list."""
    text = read_text(path)
    if not looks_like_paper_list(text):
        return None
    papers = parse_paper_list(text, source=str(path))
    heading = re.search(r"^#[ \t]+(.+?)[ \t#]*$", text, re.M)
    meetings = [
        Meeting(None, "", papers=[p], section=p.tags[0] if p.tags else None, where=p.sources[0].record or "")
        for p in papers
    ]
    return meetings, heading.group(1).strip() if heading else None


class Schedule:
    """A reading group's meetings: date, presenters, the papers discussed, skipped weeks and notes.

    Parameters
    ----------
    meetings : list of Meeting
    title : str, optional
    source : str, optional
        The schedule file.
    problems : list of ImportProblem, optional
        Rows that could not be read (skipped).

    Examples
    --------
    >>> s = Schedule.from_file("reading_group_schedule.csv")  # doctest: +SKIP
    >>> s.library  # the papers, arXiv ids and DOIs resolved  # doctest: +SKIP
    """

    def __init__(
        self,
        meetings: list[Meeting],
        title: str | None = None,
        source: str | None = None,
        problems: list[ImportProblem] | None = None,
    ) -> None:
        self.meetings = list(meetings)
        self.title = title
        self.source = source
        self.problems = list(problems or [])

    @classmethod
    def from_file(cls, path: str | Path, reference_date: Any = None) -> Schedule:
        """Read a schedule: a CSV/TSV, YAML or markdown table of date, presenter and paper per meeting; or a
        reading group's paper list (``1. [Title](link)`` items, :mod:`paperlab.sources.paperlist`), one meeting
        per paper, in list order and undated. Days that name no year ("Thu, Sep 5") are put in one relative to
        ``reference_date`` (a date or ISO text, as ``paperlab.load(..., reference_date=)``; today when None).

        Raises
        ------
        ParseError
            If the file is missing, unreadable or holds no schedule table. Rows that cannot be read are skipped
            and reported with a :class:`~paperlab.errors.PartialImportWarning`.
        """
        path = Path(path)
        if not path.exists():
            raise file_not_found(path)
        try:
            meetings, problems, title = read_meetings(path, reference_date)
        except ParseError:
            listed = _paper_list_meetings(path)
            if listed is None:
                raise
            (meetings, title), problems = listed, []
        rows = [p for p in problems if not p.message.startswith(CITED_ONLY)]
        if rows:
            warn_partial(PartialImportWarning(str(path), rows, kept=len(meetings)))
        if cited := [p for p in problems if p.message.startswith(CITED_ONLY)]:  # the meetings kept, keys unread
            warn_partial(
                PartialImportWarning(str(path), cited, kept=sum(len(m.papers) for m in meetings), what="paper")
            )
        return cls(meetings, title=title or path.stem, source=str(path), problems=problems)

    def __repr__(self) -> str:
        held = sum(not m.skipped for m in self.meetings)
        return f"<Schedule {self.title!r}: {len(self.meetings)} meeting(s), {held} held, {len(self.library)} paper(s)>"

    def __len__(self) -> int:
        return len(self.meetings)

    def __iter__(self) -> Iterator[Meeting]:
        return iter(self.meetings)

    @property
    def papers(self) -> list[Paper]:
        """Every paper of every meeting, in schedule order (a paper read twice appears twice)."""
        return [p for m in self.meetings for p in m.papers]

    @property
    def library(self) -> Library:
        """The papers as a Library (the same paper in two meetings is merged)."""
        return Library(self.papers, name=self.title)

    @property
    def presenters(self) -> list[str]:
        """Everyone who presented, in order of first appearance."""
        return list(dict.fromkeys(name for m in self.meetings for name in m.presenters))

    def to_frame(self) -> pd.DataFrame:
        """One row per meeting: date, presenters, paper titles and ids, note, skipped, section, where."""
        import pandas as pd

        rows = [
            {
                "date": m.date,
                "date_text": m.date_text,
                "presenters": "; ".join(m.presenters),
                "papers": "; ".join(p.title for p in m.papers),
                "ids": "; ".join(p.id for p in m.papers),
                "note": m.note,
                "skipped": m.skipped,
                "section": m.section,
                "where": m.where,
            }
            for m in self.meetings
        ]
        return pd.DataFrame(
            rows, columns=["date", "date_text", "presenters", "papers", "ids", "note", "skipped", "section", "where"]
        )

    def to_markdown(self) -> str:
        """The schedule as a markdown table (links only for http(s) URLs; cells escaped)."""
        lines = [
            f"# {md_cell(self.title or 'Reading group')}",
            "",
            "| Date | Presenter | Paper |",
            "| --- | --- | --- |",
        ]
        for m in self.meetings:
            when = m.date.isoformat() if m.date else md_cell(m.date_text)
            papers = [
                f"[{md_link_text(p.title)}]({md_url(p.abs_url)})" if md_url(p.abs_url) else md_cell(p.title)
                for p in m.papers
            ]
            what = "<br>".join(papers) or (f"*{md_cell(m.note)}*" if m.note else "")
            lines.append(f"| {when} | {md_cell(', '.join(m.presenters))} | {what} |")
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()
