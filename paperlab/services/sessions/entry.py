"""One presentation of a session (:class:`SessionEntry`), and what a transcript holds (:class:`Transcript`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...errors import ImportProblem
from ...paper import Paper

if TYPE_CHECKING:
    import pandas as pd

    from ...comparison import ResultsTable

__all__ = ["SessionEntry", "Transcript"]


@dataclass
class SessionEntry:
    """One presentation of a session.

    Attributes
    ----------
    presenter : str
    paper : Paper
        The paper presented (title, authors, venue where the slides give them).
    takeaways : list of str
    results : list of pandas.DataFrame
        Tidy results of each table in the presentation (see
        :func:`paperlab.compare.parse_table`), in slide order.
    questions : list of str
        Discussion questions.
    tables : list of ResultsTable
        The parsed tables themselves (wide form, caption, repair notes).
    line : int
        Line of the presenter's name in the transcript.
    problems : list of ImportProblem
        What could not be recovered in this presentation.
    """

    presenter: str
    paper: Paper
    takeaways: list[str] = field(default_factory=list)
    results: list[pd.DataFrame] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    tables: list[ResultsTable] = field(default_factory=list)
    line: int = 0
    problems: list[ImportProblem] = field(default_factory=list)

    def __repr__(self) -> str:
        return (
            f"SessionEntry({self.presenter!r}, {self.paper.title[:50]!r}, {len(self.takeaways)} takeaways, "
            f"{len(self.results)} tables)"
        )


@dataclass
class Transcript:
    """What a transcript holds; ``lost`` lists the problems that lost data (the partial-import warning's)."""

    theme: str
    subtitle: str | None
    entries: list[SessionEntry] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    lost: list[ImportProblem] = field(default_factory=list)
    date: dt.date | None = None  # the day the session's header names
