"""Presenter cells written with more than names: a person's degrees after a comma ("Ada Quill, Ph.D.", "Bo Li,
MD, MPH") and a role before a colon ("Visiting professor: Dr. Cara Diaz"), read as one person each (used by
:func:`._schedule_cells.presenters` before it splits a cell at its commas)."""

from __future__ import annotations

import re

__all__ = ["without_roles_and_degrees"]

# a degree or a generational suffix written after a comma, ended by the cell or the next separator
_AFTER = r"(?=\s*(?:$|[,;&/+\n)]|\band\b))"
_DEGREE = re.compile(
    r",\s*(?:Ph\.?\s?D|M\.\s?D|MD|D\.?\s?Phil|Pharm\.?\s?D|M\.?P\.?H|M\.?\s?Sc|B\.?\s?Sc|MBBS|MBA|DVM|DDS|M\.S|M\.A"
    r"|FRCP|FRS|Dr\.?\s?rer\.?\s?nat)\.?" + _AFTER
)
_SUFFIX = re.compile(r",\s*(Jr|Sr|II|III|IV)(\.?)" + _AFTER)  # "Martin Luther King, Jr.": kept, without the comma
# "Visiting professor: Dr. Cara Diaz", "**Guest speaker:** Bo Li": up to three words and a colon before a name
_ROLE = re.compile(
    r"^\s*(?:[A-Za-z][a-z.-]*\s+){0,2}[A-Za-z][a-z.-]*\s*:\s*(?=(?:Dr\.?\s+|Prof\.?\s+)?[A-Z][\w'’.-]*\s+[A-Z])"
    r"|^\s*(?i:speaker|presenter|presented by|moderator|moderated by|host|chair|lead|led by|discussant|facilitator)"
    r"\s*:\s*(?=[A-Z])"
)


def without_roles_and_degrees(cell: str) -> str:
    """The text of a presenter cell with degrees and generational suffixes no longer after a comma and a leading
    role label dropped, so that splitting it at commas and colons keeps each person whole.

    >>> without_roles_and_degrees("Ada Quill, Ph.D., Bo Li, MD")
    'Ada Quill, Bo Li'
    >>> without_roles_and_degrees("Visiting professor: Dr. Cara Diaz, Jr.")
    'Dr. Cara Diaz Jr.'
    """
    text = _DEGREE.sub("", cell)
    while (more := _DEGREE.sub("", text)) != text:  # "Bo Li, MD, MPH"
        text = more
    text = _SUFFIX.sub(r" \1\2", text)
    return "\n".join(_ROLE.sub("", line) for line in text.split("\n"))
