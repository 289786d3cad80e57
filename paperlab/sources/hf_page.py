"""Saved Hugging Face paper pages (the text of a Daily Papers search-result page).

A page saved as text looks like this: a header of navigation text, then per paper a
title line, an abstract line and, not always, a byline block::

    Changing the Training Data Distribution to Reduce Simplicity Bias ...

    Can we modify the training data distribution to encourage ...

      • 4 authors
    ·
    Apr 26, 2024

The byline is ``• N authors`` or an organisation name, then ``·``, then a date
(``Oct 6, 2025``, or ``Mar 10`` with no year meaning the year the page was saved in) optionally
followed by the upvote count (``Dec 6, 2023 2``). A year the page does not show is inferred and
marked so (``extra["date_inferred"]``): from ``reference_date`` (the day the page was saved) when
given, else as the year after the latest year the page shows (the site writes the year of every
date not in the current year), but not after today. Lines that belong to no paper
(a stray duplicated fragment of an abstract, say) are reported with
:class:`~paperlab.errors.PartialImportWarning` and skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..dates import as_date, month_of_name
from ..errors import ParseError
from ..paper import Paper, SourceRecord
from ._files import check_paper, read_records, read_text

__all__ = ["parse_hf_page", "read_hf_page"]

SOURCE_KIND = "hf_page"

# Navigation text of the page header (compared case-insensitively).
_NAV_TEXT = frozenset(
    {
        "new",
        "get trending papers in your email inbox!",
        "subscribe",
        "daily papers",
        "trending papers",
        "byak and the research community",
        "by ak and the research community",
    }
)
_DATE_LINE = re.compile(
    r"^(?P<month>[A-Za-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?(?:\s+(?P<upvotes>\d+))?$"
)
_AUTHORS_LINE = re.compile(r"^[•·*-]\s*(?P<n>\d+)\s+authors?$", re.IGNORECASE)
_SEPARATOR = "·"
_MAX_TITLE = 300


class _Line:
    """One non-blank line of the page and what it looks like."""

    __slots__ = ("number", "text")

    def __init__(self, number: int, text: str) -> None:
        self.number = number
        self.text = text

    def __repr__(self) -> str:
        return f"_Line({self.number}, {self.text[:40]!r})"

    @property
    def is_meta(self) -> bool:
        return (
            self.text == _SEPARATOR
            or _AUTHORS_LINE.match(self.text) is not None
            or _DATE_LINE.match(self.text) is not None
        )

    @property
    def is_nav(self) -> bool:
        return self.text.casefold() in _NAV_TEXT

    @property
    def looks_like_title(self) -> bool:
        return not self.is_meta and not self.is_nav and len(self.text) <= _MAX_TITLE

    @property
    def looks_like_abstract(self) -> bool:
        text = self.text
        if self.is_meta or self.is_nav:
            return False
        # Abstracts are long prose; titles are short and rarely contain a sentence break.
        return len(text) > _MAX_TITLE or (len(text) >= 80 and (text.endswith(".") or ". " in text))


def _parse_date(text: str, reference: dt.date) -> tuple[dt.date, str | None, bool] | None:
    """``"Oct 6, 2025"`` / ``"Mar 10"`` / ``"Dec 6, 2023 2"`` -> (date, upvotes as shown, whether the year was
    inferred); None if not a date. A date without a year is the last such day on or before ``reference``."""
    m = _DATE_LINE.match(text)
    month = month_of_name(m.group("month")) if m else None
    if not m or month is None:
        return None
    day = int(m.group("day"))
    try:
        if m.group("year"):
            date = dt.date(int(m.group("year")), month, day)
        else:
            date = dt.date(reference.year, month, day) if (month, day) != (2, 29) else _leap_day(reference)
            date = date if date <= reference else date.replace(year=date.year - 1)
    except ValueError:
        return None
    return date, m.group("upvotes"), not m.group("year")


def _leap_day(reference: dt.date) -> dt.date:
    """February 29 of the last leap year whose Feb 29 is on or before ``reference`` (within four years)."""
    for year in range(reference.year, reference.year - 5, -1):
        if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) and dt.date(year, 2, 29) <= reference:
            return dt.date(year, 2, 29)
    raise ValueError("no leap day")


def _inferred_reference(lines: list[_Line], today: dt.date) -> dt.date:
    """The latest day the page can have been saved on when nobody said: the end of the year after the latest
    year it shows (it shows the year of every date outside the year it was saved in), but not after today."""
    years = [int(m.group("year")) for line in lines if (m := _DATE_LINE.match(line.text)) and m.group("year")]
    return min(today, dt.date(max(years) + 1, 12, 31)) if years and max(years) < today.year else today


def _organization(text: str) -> str:
    """The saved text repeats an organisation's name (avatar alt text + name): keep it once."""
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return " ".join(words)


def parse_hf_page(text: str, source: str = "<string>", reference_date: dt.date | str | None = None) -> list[Paper]:
    """Papers of the text of a saved Hugging Face papers page.

    Parameters
    ----------
    text : str
        The page text (as saved by a browser's "save as text" or copy-paste).
    source : str
        File name or URL, used in source records and messages.
    reference_date : datetime.date or str, optional
        The day the page was saved; a date shown without a year (``Mar 10``) is the last such
        day on or before it. When not given, the page's year is inferred (see the module docs).

    Returns
    -------
    list of Paper
        In page order, with ``title``, ``abstract``, ``n_authors`` or ``organization``,
        ``published`` and ``upvotes`` where the page shows them; ``extra["date_inferred"]``
        is true when the year of ``published`` was not on the page.

    Raises
    ------
    ParseError
        If no paper (a title line followed by an abstract) is found.

    Warns
    -----
    PartialImportWarning
        For lines that belong to no paper (stray fragments); they are skipped.
    """
    lines = [_Line(n, raw.strip()) for n, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1) if raw.strip()]
    reference = as_date(reference_date, "reference_date") or _inferred_reference(lines, dt.date.today())
    strays: list[tuple[str, str]] = []
    blocks: list[tuple[str, dict[str, Any]]] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if _starts_paper(lines, i):
            block, i = _read_paper(lines, i, source, reference, strays)
            blocks.append((f"line {block['title'].number}", block))
            continue
        if not blocks and (line.is_nav or _parse_date(line.text, reference) is not None):
            pass  # page header: navigation text and the page's own date
        elif line.is_meta:
            strays.append((f"line {line.number}", f"byline text {line.text!r} outside a paper's block; skipped"))
        else:
            strays.append((f"line {line.number}", _stray_message(line)))
        i += 1
    if not blocks and not strays:
        raise ParseError(
            "no papers found: expected a saved Hugging Face papers page (a title line, then its "
            "abstract, then optionally '• N authors · date')",
            source=source,
        )
    return read_records(
        blocks,
        _block_paper,
        source,
        unreadable="expected a Hugging Face paper's block ({error})",
        expected="papers (a title line followed by its abstract)",
        also=strays,
    )


def _count(digits: str | None, name: str) -> int | None:
    """The number the page shows, refusing one too long to be a 64-bit integer."""
    if digits is not None and len(digits) > 19:
        raise ParseError(f"field {name!r}: expected an integer of at most 64 bits, got {len(digits)} digits")
    return int(digits) if digits is not None else None


def _block_paper(block: dict[str, Any], where: str) -> Paper:
    """The paper of one block read by :func:`_read_paper`."""
    title, abstract = block["title"], block["abstract"]
    return check_paper(
        Paper(
            title=title.text,
            abstract=abstract.text,
            n_authors=_count(block["n_authors"], "n_authors"),
            organization=block["organization"],
            published=block["date"],
            upvotes=_count(block["upvotes"], "upvotes"),
            sources=[SourceRecord(SOURCE_KIND, location=block["source"], record=f"line {title.number}")],
            extra={"date_inferred": True} if block["inferred"] else {},
        )
    )


def _starts_paper(lines: list[_Line], i: int) -> bool:
    return lines[i].looks_like_title and i + 1 < len(lines) and lines[i + 1].looks_like_abstract


def _follows_byline(lines: list[_Line], j: int) -> bool:
    """Whether a byline block (``• N authors`` or ``organisation`` + ``·``) starts at ``lines[j]``."""
    return bool(_AUTHORS_LINE.match(lines[j].text)) or (j + 1 < len(lines) and lines[j + 1].text == _SEPARATOR)


def _stray_message(line: _Line) -> str:
    return f"stray text {line.text[:60]!r}: expected a title line followed by its abstract, or a byline; skipped"


def _read_paper(
    lines: list[_Line], i: int, source: str, reference: dt.date, strays: list[tuple[str, str]]
) -> tuple[dict[str, Any], int]:
    """Read the block of the paper whose title is ``lines[i]`` (stray lines inside it go to ``strays``); return
    its parts and the index after it."""
    title, abstract = lines[i], lines[i + 1]
    j = i + 2
    # Stray text between the abstract and the byline (e.g. a duplicated piece of the abstract).
    while (
        j + 1 < len(lines)
        and not lines[j].is_meta
        and not lines[j].is_nav
        and not _starts_paper(lines, j)
        and lines[j + 1].text != _SEPARATOR
        and _follows_byline(lines, j + 1)
    ):
        strays.append((f"line {lines[j].number}", _stray_message(lines[j])))
        j += 1
    n_authors: str | None = None
    organization: str | None = None
    date: dt.date | None = None
    upvotes: str | None = None
    inferred = False
    if j < len(lines) and (m := _AUTHORS_LINE.match(lines[j].text)):
        n_authors = m.group("n")
        j += 1
    elif j + 1 < len(lines) and lines[j + 1].text == _SEPARATOR and not lines[j].is_meta and not lines[j].is_nav:
        organization = _organization(lines[j].text)
        j += 1
    if j < len(lines) and lines[j].text == _SEPARATOR:
        j += 1
    if j < len(lines) and (found := _parse_date(lines[j].text, reference)) is not None:
        date, upvotes, inferred = found
        j += 1
    parts = {"title": title, "abstract": abstract, "n_authors": n_authors, "organization": organization}
    return {**parts, "date": date, "upvotes": upvotes, "inferred": inferred, "source": source}, j


def read_hf_page(path: str | Path, reference_date: dt.date | str | None = None) -> list[Paper]:
    """Papers of a saved Hugging Face papers page file.

    Parameters
    ----------
    path : str or Path
        The saved page (UTF-8 text).
    reference_date : datetime.date or str, optional
        The day the page was saved, for dates shown without a year; inferred when not given.

    Returns
    -------
    list of Paper

    Raises
    ------
    ParseError
        If the file cannot be read as UTF-8 text or holds no paper.
    """
    path = Path(path)
    text = read_text(path)
    return parse_hf_page(text, source=str(path), reference_date=reference_date)
