"""Dates of arXiv's listing and OAI-PMH feeds: ISO 8601 (through :func:`paperlab.dates.as_date`) or RFC 822."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

from ...dates import as_date
from ...errors import ParseError

__all__ = ["feed_date"]


def feed_date(text: str | None, name: str) -> dt.date | None:
    """The calendar date of ``text``: ``2025-08-20T00:00:00-04:00`` or ``Wed, 20 Aug 2025 00:00:00 -0400``.

    The date is the one written (no conversion to UTC). None for empty text.

    Raises
    ------
    ParseError
        Naming ``name`` and the value, when it is neither form.
    """
    if text is None or not text.strip():
        return None
    text = text.strip()
    if text[:1].isdigit():
        return as_date(text, name)
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        raise ParseError(f"{name}: expected an ISO or RFC 822 date, got {text[:60]!r}") from None
