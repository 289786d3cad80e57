"""The day a schedule or a session's notes are read as of: the year of a page's days that name none ("Thu, Sep 5",
"03/26" under "### Wednesdays at 2pm") is the latest, up to the next year, in which each falls on its weekday.

``paperlab.load(path, reference_date=...)``, ``Schedule.from_file(path, reference_date=...)`` and the schedule
reader's :func:`~paperlab.sources.schedule.read_meetings` set it for one read (:func:`as_of`); without one it is
today. So the same year-less page reads the same way whatever the clock says, once the reference is given.

Used by :mod:`paperlab.sources.schedule` and :mod:`paperlab.sources._schedule_talks`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from ..dates import as_date

__all__ = ["as_of", "this_year"]

_AS_OF: ContextVar[dt.date | None] = ContextVar("paperlab_schedule_as_of", default=None)


def this_year() -> int:
    """The year of the reference day of the read in progress (today when none was given)."""
    return (_AS_OF.get() or dt.date.today()).year


@contextmanager
def as_of(reference_date: Any) -> Iterator[None]:
    """Read as of ``reference_date`` (a date, datetime or ISO text; None keeps the enclosing read's, else today)."""
    day = as_date(reference_date, "reference_date")
    if day is None:
        yield
        return
    token = _AS_OF.set(day)
    try:
        yield
    finally:
        _AS_OF.reset(token)
