"""The times the store writes (ISO 8601 UTC strings, the same on both engines)."""

from __future__ import annotations

import datetime as dt

__all__ = ["now", "parse_time"]


def now() -> str:
    """The current UTC time as the store writes it (ISO 8601, microseconds)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def parse_time(value: str) -> dt.datetime:
    """A time written by :func:`now`, read back."""
    return dt.datetime.fromisoformat(value)
