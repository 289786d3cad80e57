"""Column roles a schedule's cells give, where its header words do not: a "Format" column whose cells say "Discussion
led by …" / "Speaker: …" holds the presenters, a column of "June 23, 2026" / "Apr. 16" cells holds the dates.

Used by :mod:`paperlab.sources._schedule_tables` after the header words (a module of its own so that both stay
small).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ._schedule_cells import clean_cell, is_placeholder, parse_day

__all__ = ["content_roles", "lead_name"]

# a presenter written with what they do: "Discussion led by X", "Speaker: X", "Presented by X", "Host - X"
_LEAD = re.compile(
    r"^(?:[\w ]{0,30}\bled by|presented by|hosted by|moderated by|(?:invited )?(?:speaker|presenter|host|lead|"
    r"leader|moderator|discussant|facilitator)s?\s*[:–—-])\s*(?P<name>.+)$",
    re.I,
)
# a format without a person: "Group discussion", "Open discussion", "Panel"
_NO_ONE = re.compile(r"^(?:group|open|joint|general|round[- ]?table|panel)?\s*(?:discussion|panel|debate)s?\.?$", re.I)
_DATE_WORDS = re.compile(r"\d")
# a cell that only numbers a meeting ("3", "Week 3", "L4", "Lecture #2")
_MATERIAL = re.compile(r"\]\(|\.(?:pdf|pptx?|key)\b", re.I)  # a link or a file: material, no topic
_NUMBER_ONLY = re.compile(r"^(?:[a-z]{1,8}\.?\s*)?#?\s*\d{1,3}[a-z]?\.?$", re.I)


def lead_name(text: str) -> str | None:
    """The name in a cell that says who leads ("Discussion led by Ada Lovelace" -> "Ada Lovelace"), "" for a format
    without a person ("Group discussion"), None when the cell says neither."""
    s = " ".join(text.split())
    if m := _LEAD.match(s):
        return m.group("name").strip(" .")
    return "" if _NO_ONE.match(s) else None


def _share(values: list[str], test: Any) -> float:
    filled = [v for v in values if v and not is_placeholder(v)]
    return sum(1 for v in filled if test(v)) / len(filled) if len(filled) >= 2 else 0.0


def _is_date(value: str) -> bool:
    return bool(_DATE_WORDS.search(value)) and len(value) <= 40 and parse_day(value, "mdy", 2000) is not None


def _is_words(value: str) -> bool:
    return len(re.findall(r"[^\W\d_]{2,}", value)) >= 1 and not _NUMBER_ONLY.match(value) and not _is_date(value)


def content_roles(
    roles: Sequence[str | None], rows: Sequence[Sequence[Any]], numbering: Sequence[bool] = ()
) -> list[str | None]:
    """``roles`` (from the header words) with the columns the words left unnamed given a role by their cells: most
    cells naming who leads -> presenter (when no column is one), most cells a date -> date (when none is); a column
    named like a numbering (``numbering``: "Lecture", "Session") beside the date column whose cells are words
    ("Linear models") -> the meeting's topic (when no column is)."""
    out = list(roles)
    columns = [
        [clean_cell(r[n]) if n < len(r) else "" for r in rows if isinstance(r, (list, tuple))] for n in range(len(out))
    ]
    for n, role in enumerate(out):
        if role is not None:
            continue
        if "presenter" not in out and _share(columns[n], lambda v: lead_name(v) is not None) >= 0.5:
            out[n] = "presenter"
        elif "date" not in out and _share(columns[n], _is_date) >= 0.6:
            out[n] = "date"
        elif n < len(numbering) and numbering[n] and "topic" not in out and _share(columns[n], _is_words) >= 0.6:
            out[n] = "topic"
    for n, role in enumerate(out):  # "Content" beside the readings, its cells words and no links: the topic
        if role == "slides" and "topic" not in out and "paper" in out and _share(columns[n], _is_topic) >= 0.6:
            out[n] = "topic"
    return out


def _is_topic(value: str) -> bool:
    return _is_words(value) and "://" not in value and not _MATERIAL.search(value)
