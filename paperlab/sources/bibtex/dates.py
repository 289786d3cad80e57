"""The date of a BibTeX entry: biblatex's ``date`` (ISO 8601, EDTF ranges and circa, or written out as people and
web pages write it), else ``year`` with ``month`` and ``day``; a ``date`` that says more kept as written.

Used by :mod:`paperlab.sources.bibtex.read` (a module of its own so that the field readers stay small).
"""

from __future__ import annotations

import datetime as dt
import re

from bibtexparser.model import Entry

from ...dates import month_day, month_number, named_date, named_day, weekday_numbers_day
from .blocks import fields_of
from .text import verbatim

__all__ = ["entry_date", "entry_date_text", "entry_month_day", "written_date", "written_out_date"]


def _text_field(entry: Entry, name: str) -> str | None:
    """A field's value as text; None when absent or empty."""
    fld = fields_of(entry).get(name)
    if fld is None or fld.value in (None, "", []):
        return None
    return fld.value if isinstance(fld.value, str) else str(fld.value)


# a date written with slashes, year first, then a word for the medium as BibDesk and Papers write it
# ("2015/03/05/print", "2015/3/5", "2015-03-05/online"): no biblatex range, whose parts are dates
_SLASH_DATE = re.compile(
    r"\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s*/\s*[A-Za-z][A-Za-z -]*)?\s*|"
    r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*/\s*[A-Za-z][A-Za-z -]*\s*"
)


def written_out_date(text: str) -> str | None:
    """A date written out where biblatex expects ISO 8601 (``date = {September 25, 2024}``, ``{25 Sept. 2024}``,
    ``{March 2019}``, a web page's ``{Thu, 10/17/2024 - 12:53}``, ``{Tue, 12 Mar 2024 10:00:00 GMT}``) as the ISO
    date of what it gives: day, or month; None for anything else (an ISO or EDTF date among them).

    >>> written_out_date("September 25, 2024"), written_out_date("March 2019"), written_out_date("Thu, 10/17/2024 - 12:53")
    ('2024-09-25', '2019-03', '2024-10-17')
    """
    text = " ".join(text.replace("~", " ").split())
    if not re.search(r"[A-Za-z]", text) or not re.search(r"(?<!\d)\d{4}(?!\d)", text):
        return None
    if named := named_date(text):
        year, month, day = named
        return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    day_of = weekday_numbers_day(text) or named_day(text)
    return day_of.isoformat() if day_of else None


def entry_date_text(entry: Entry) -> str | None:
    """The ``date`` field as biblatex writes a date (``2015-03-05``, ``2015-03``, ``2006``, a range ``1984/1986``):
    one written with slashes and a medium ("2015/03/05/print", :data:`_SLASH_DATE`) or written out ("September
    25, 2024", a web page's ``year = {Thu, 10/17/2024 - 12:53}``: :func:`written_out_date`) in ISO form; None when
    there is none, or when it gives only the year that ``year`` with ``month`` (and ``day``) gives more of."""
    date = _text_field(entry, "date")
    if not isinstance(date, str):
        year_text = _text_field(entry, "year")
        return written_out_date(year_text) if isinstance(year_text, str) else None
    if not re.match(r"\s*\d{4}", date) and (iso := written_out_date(date)):
        return iso
    if m := _SLASH_DATE.fullmatch(date):
        date = "-".join(g.zfill(2) if len(g) < 3 else g for g in m.groups() if g)
    year = re.fullmatch(r"\s*(\d{4})\s*", date)
    written = _text_field(entry, "year")
    if year and written and year.group(1) in written and entry_month_day(entry)[0]:
        return None  # "Date = {2015}, Month = {03}": the fields say more
    return date


def entry_date(entry: Entry) -> dt.date | None:
    """The date of an entry: biblatex's ``date`` (its start, :func:`entry_date_text`), else ``year`` with ``month``
    and ``day``."""
    date = entry_date_text(entry)
    if isinstance(date, str):
        # biblatex dates: 2004-10-27, 1991-03, 2006, ranges 1984/1986 (first part wins)
        m = re.match(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", date)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
            except ValueError:
                pass
    year = _text_field(entry, "year")
    m = re.search(r"\d{4}", str(year)) if year else None
    if not m:
        return None
    month_num, day = entry_month_day(entry)
    try:
        return dt.date(int(m.group(0)), month_num or 1, day or 1)
    except ValueError:
        return dt.date(int(m.group(0)), month_num or 1, 1)


def entry_month_day(entry: Entry) -> tuple[int | None, int | None]:
    """The month and day of an entry: ``month`` (a macro, a name or a number; Web of Science writes the day in it,
    ``Month = {NOV 1}``) and ``day``."""
    value = fields_of(entry)["month"].value if "month" in fields_of(entry) else None
    if isinstance(value, str) and re.search(r"[~#]", value):  # Paperpile's day and month macro: "31~" # jan
        value = " ".join(re.sub(r'["{}#~]', " ", value).split())
    month, day = month_day(value) or (month_number(value), None)
    written = _text_field(entry, "day")
    if month and isinstance(written, str) and written.strip().isdigit():
        day = int(written)
    return month, day


# a biblatex date that says more than a day, month or year: a range ("2019-05/2019-06"), circa ("2017~"), uncertain
# ("2017?"), a time; the paper's date is its start, the field is kept as written for the export
_PLAIN_DATE = re.compile(r"\s*\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?\s*")
_EDTF_TEXT = re.compile(r"[\w:/~?%.+-]+")


def written_date(entry: Entry) -> str | None:
    """The ``date`` field as written when it says more than the paper's date holds (:data:`_PLAIN_DATE`)."""
    date = _text_field(entry, "date")
    raw = verbatim(date).strip() if isinstance(date, str) else ""
    if _SLASH_DATE.fullmatch(raw):
        return None  # "2015/03/05/print": a day and a medium, no range
    return raw if _EDTF_TEXT.fullmatch(raw) and not _PLAIN_DATE.fullmatch(raw) else None
