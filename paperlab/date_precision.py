"""How much of a date a source gave, and which of two records' dates a merge keeps.

A paper's ``published`` is a :class:`datetime.date`; a source that gave only a year or a month says so in
``extra["date_precision"]`` ("year" or "month"; a whole date needs no entry), and a reader that had to infer the
year (a saved page showing "Mar 10") sets ``extra["date_inferred"]``; a paper known only by a new-style arXiv id
is dated to the month of that id (:func:`arxiv_id_month`), inferred. Reading dates is :mod:`paperlab.dates`.

Model layer: imports nothing of ours.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

__all__ = [
    "DATE_KEYS",
    "PRECISION_WIDTH",
    "arxiv_id_month",
    "dated_by_arxiv_id",
    "inferred_note",
    "keeps_first_date",
    "partial_date",
    "precision_of",
]

#: How much of a date a source gave, as the length of its ISO form ("2017", "2017-03", "2017-03-10").
PRECISION_WIDTH = {"year": 4, "month": 7, "day": 10}
#: The ``extra`` entries that describe ``published`` (they follow it through a merge).
DATE_KEYS = ("date_precision", "date_inferred", "date_note")
_ISO_PREFIX = re.compile(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_NEW_STYLE_ID = re.compile(r"(\d\d)(0[1-9]|1[0-2])\.(\d{4,5})")
_ID_NOTE = "month of arXiv id "
#: New-style ids began in April 2007 (YYMM.NNNN) and took a fifth digit in January 2015 (YYMM.NNNNN).
_FIRST_NEW_STYLE, _FIVE_DIGITS_FROM = dt.date(2007, 4, 1), dt.date(2015, 1, 1)


def arxiv_id_month(arxiv_id: str | None) -> tuple[dt.date, dict[str, Any]] | None:
    """The month an arXiv id was given in, as its first day, with the ``extra`` entries saying so (month
    precision, inferred, noted): a new-style id (YYMM.NNNN from April 2007, YYMM.NNNNN from January 2015) or an
    old-style one (archive/YYMMNNN, August 1991 to March 2007); None for none, and for one that is no real id: a
    new-style month before April 2007 ("0701.1234") or after the current one ("9912.12345", not 2099), a number of
    digits the month's ids did not have, an old-style month outside its years.

    >>> arxiv_id_month("2406.12275")
    (datetime.date(2024, 6, 1), {'date_precision': 'month', 'date_inferred': True, 'date_note': 'month of arXiv id 2406.12275'})
    >>> arxiv_id_month("hep-th/9901001")[0], arxiv_id_month("cs/0712001")
    (datetime.date(1999, 1, 1), None)
    """
    m = _NEW_STYLE_ID.fullmatch(arxiv_id or "")
    if m is None:
        return _old_style_month(arxiv_id or "")
    month = dt.date(2000 + int(m.group(1)), int(m.group(2)), 1)
    digits = 4 if month < _FIVE_DIGITS_FROM else 5
    if not _FIRST_NEW_STYLE <= month <= dt.date.today() or len(m.group(3)) != digits:
        return None
    note = {"date_precision": "month", "date_inferred": True, "date_note": _ID_NOTE + m.group(0)}
    return month, note


_OLD_STYLE_ID = re.compile(r"[a-z][a-z-]*(?:\.[A-Z]{2})?/(\d\d)(0[1-9]|1[0-2])\d{3}")
_FIRST_OLD_STYLE = dt.date(1991, 8, 1)


def _old_style_month(arxiv_id: str) -> tuple[dt.date, dict[str, Any]] | None:
    """:func:`arxiv_id_month` of an old-style id: 91-99 are 1991-1999, 00-07 2000-2007."""
    m = _OLD_STYLE_ID.fullmatch(arxiv_id)
    if m is None:
        return None
    year = int(m.group(1))
    month = dt.date(1900 + year if year >= 91 else 2000 + year, int(m.group(2)), 1)
    if not _FIRST_OLD_STYLE <= month < _FIRST_NEW_STYLE:
        return None
    return month, {"date_precision": "month", "date_inferred": True, "date_note": _ID_NOTE + arxiv_id}


def dated_by_arxiv_id(extra: dict[str, Any]) -> bool:
    """Whether a paper's ``published`` is only the month of its arXiv id (:func:`arxiv_id_month`)."""
    note = extra.get("date_note")
    return extra.get("date_inferred") is True and isinstance(note, str) and note.startswith(_ID_NOTE)


def precision_of(extra: dict[str, Any]) -> str:
    """``extra["date_precision"]`` when it is "year", "month" or "day"; else "day"."""
    value = extra.get("date_precision")
    return value if isinstance(value, str) and value in PRECISION_WIDTH else "day"


def _valid_date(year: Any, month: Any, day: Any) -> bool:
    try:
        dt.date(int(str(year)), int(str(month)), int(str(day)))
    except ValueError:
        return False
    return True


def partial_date(date: Any = None, year: Any = None, month: Any = None, day: Any = None) -> dict[str, str]:
    """The ``extra`` entry recording the precision of a date given as a (partial) ISO ``date`` ("2006",
    "1991-03", "2004-10-27", a range "1984/1986"), else as ``year``, ``month`` (1-12) and ``day`` fields:
    ``{"date_precision": "year"}`` or ``{"date_precision": "month"}``; ``{}`` for a whole date or no date.
    A month or day that is not valid counts as not given.

    >>> partial_date("1991-03"), partial_date(None, "2017"), partial_date(None, "2017", 3, 9), partial_date()
    ({'date_precision': 'month'}, {'date_precision': 'year'}, {}, {})
    """
    m = _ISO_PREFIX.match(date) if isinstance(date, str) else None
    if m is not None and _valid_date(m.group(1), m.group(2) or 1, m.group(3) or 1):
        parts: list[Any] = list(m.groups())
    else:
        found = re.search(r"\d{4}", str(year)) if year else None
        if found is None:
            return {}
        month = month if str(month).strip().isdigit() and 1 <= int(str(month)) <= 12 else None
        day = day if month and str(day).strip().isdigit() and _valid_date(found.group(0), month, day) else None
        parts = [found.group(0), month, day]
    precision = "day" if parts[2] else "month" if parts[1] else "year"
    return {} if precision == "day" else {"date_precision": precision}


def inferred_note(extra: dict[str, Any]) -> str:
    """How a shown inferred date says so: "month of its arXiv id" (:func:`arxiv_id_month`), else "year inferred"."""
    return "month of its arXiv id" if dated_by_arxiv_id(extra) else "year inferred"


def keeps_first_date(a: dt.date | None, a_extra: dict[str, Any], b: dt.date | None, b_extra: dict[str, Any]) -> bool:
    """Whether a merge of two records keeps the first one's date (and what its source said of it): a date over
    none, a year the source gave over an inferred one, then the more precise of two dates that agree
    (2017-06-12 over 2017), else the earlier date."""
    if a is None or b is None:
        return b is None
    if (a_extra.get("date_inferred") is True) != (b_extra.get("date_inferred") is True):
        return b_extra.get("date_inferred") is True
    wa, wb = PRECISION_WIDTH[precision_of(a_extra)], PRECISION_WIDTH[precision_of(b_extra)]
    if a.isoformat()[: min(wa, wb)] == b.isoformat()[: min(wa, wb)]:
        return wa >= wb
    return a <= b
