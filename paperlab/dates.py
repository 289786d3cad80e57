"""Dates and timestamps read from user input, files and APIs: the one coercion every layer uses.

Model layer: imports only :mod:`paperlab.errors`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from .errors import ParseError

__all__ = [
    "MONTH_MACROS",
    "as_date",
    "as_datetime",
    "date_order",
    "day_of",
    "is_date_template",
    "is_period_heading",
    "looks_like_date",
    "month_day",
    "month_number",
    "medline_date",
    "month_of_name",
    "named_date",
    "named_day",
    "weekday_numbers_day",
    "weekday_year",
]


def as_date(value: Any, name: str, *, source: str | None = None) -> dt.date | None:
    """A date from a date, a datetime or an ISO string (a date or a timestamp); None when absent.

    Parameters
    ----------
    value : date, datetime, str or None
        ``None``, ``""`` and blank strings are absent. A string is read from its first ten
        characters after surrounding whitespace: ``"2008-11-26"``, ``"2022-02-24T15:05:19Z"``.
    name : str
        What the value is, as the error message should name it (``"field 'published'"``, ``"<updated>"``).
    source : str, optional
        File or URL, passed on to the :class:`~paperlab.errors.ParseError`.

    Raises
    ------
    ParseError
        Anything else (a ``ValueError``): ``"<name>: expected an ISO date (YYYY-MM-DD), got <value>"``.

    Examples
    --------
    >>> as_date(" 2022-02-24T15:05:19Z", "updated")
    datetime.date(2022, 2, 24)
    >>> as_date("", "updated") is None
    True
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    raise ParseError(f"{name}: expected an ISO date (YYYY-MM-DD), got {value!r}", source=source)


def as_datetime(value: Any, name: str) -> dt.datetime:
    """A timezone-aware datetime from a datetime or an ISO timestamp (``Z`` allowed); naive means UTC.

    Raises
    ------
    ParseError
        ``"<name>: expected an ISO timestamp, got <value>"``.
    """
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
    raise ParseError(f"{name}: expected an ISO timestamp, got {value!r}")


#: The months' three-letter names, as BibTeX's month macros spell them ("jan" ... "dec").
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


_MONTH_NAMES = tuple("january february march april may june july august september october november december".split())


def month_of_name(word: str) -> int | None:
    """The month (1-12) an English month word names exactly: its full name, its three letters or "Sept", in any
    case ("Jan", "june", "SEPT"); None for any other word (stricter than :func:`month_number`: "Mayor" is no May).

    >>> month_of_name("Jan"), month_of_name("september"), month_of_name("Sept"), month_of_name("Mayor")
    (1, 9, 9, None)
    """
    text = word.strip().lower()
    if text == "sept":
        return 9
    return next((n for n, full in enumerate(_MONTH_NAMES, 1) if text in (full, full[:3])), None)


def month_number(value: Any) -> int | None:
    """The month (1-12) of a month value (BibTeX's ``month``, the ``aug`` of an RIS date): a number, or an English
    month name or its first three or more letters ("Sept", "June", "aug."); None if it names no month, or a range
    of months ("oct-nov")."""
    if isinstance(value, int):
        return value if 1 <= value <= 12 else None
    text = str(value or "").strip().lower().rstrip(".")
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    word = re.fullmatch(r"([a-z]+)(?:\s+\d{1,2})?", text)  # a name, perhaps a day: not "oct-nov", a range
    if word is None or len(word.group(1)) < 3:
        return None
    prefix = word.group(1)[:3]
    return MONTH_MACROS.index(prefix) + 1 if prefix in MONTH_MACROS else None


# a month without its year, perhaps with its day: "NOV 1", "Nov. 1", "Feb 19", "19 Feb", "Sept", "11"
_MONTH_DAY = re.compile(
    r"(?P<m>[a-z]{3,9}|\d{1,2})\.?(?:\s+(?P<d>\d{1,2}))?|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]{3,9})\.?", re.I
)


def month_day(value: Any) -> tuple[int, int | None] | None:
    """(month, day or None) of a month written without its year, perhaps with its day: BibTeX's ``month = {NOV 1}``
    (Web of Science), an RIS ``DA  - Feb 19`` (EndNote), "19 Feb", "Sept", "11"; None for anything else (a range of
    months "oct-nov", a year, a day the month never has).

    >>> month_day("NOV 1"), month_day("19 Feb"), month_day("sept"), month_day("Feb 30"), month_day("2019")
    ((11, 1), (2, 19), (9, None), None, None)
    """
    if isinstance(value, int):
        value = str(value)
    m = _MONTH_DAY.fullmatch(str(value or "").strip().rstrip(",").strip())
    month = month_number(m.group("m") or m.group("m2")) if m else None
    if m is None or month is None:
        return None
    day = m.group("d") or m.group("d2")
    try:
        dt.date(2000, month, int(day or 1))  # a leap year: February 29 is a day of February
    except ValueError:
        return None
    return month, int(day) if day else None


# "Sept 2025", "Jun. 12, 2025", "12 June 2025": a month name, perhaps a day before or after it, and a year
_NAMED_DATE = re.compile(
    r"(?:(?P<m>[a-z]+)\.?(?:\s+(?P<d>\d{1,2}))?|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]+)\.?),?\s+(?P<y>\d{4})", re.I
)


def named_date(value: Any) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) of a date written with an English month name (:func:`month_number`):
    "Sept 2025", "March 2019", "Jun 12, 2025", "12 June 2025"; None for anything else, such as a range of months
    ("MAY-JUN 2024"), a season ("Spring 2020") or a day the month does not have ("Feb 30 2024").

    >>> named_date("Sept 2025"), named_date("12 June 2025"), named_date("Oct-Nov 2025")
    ((2025, 9, None), (2025, 6, 12), None)
    """
    m = _NAMED_DATE.fullmatch(str(value or "").strip())
    month = month_number(m.group("m") or m.group("m2")) if m else None
    if m is None or month is None:
        return None
    year, day = int(m.group("y")), m.group("d") or m.group("d2")
    try:
        dt.date(year, month, int(day or 1))
    except ValueError:
        return None
    return year, month, int(day) if day else None


# PubMed's publication date (MEDLINE's DP, also written into RIS exports): "2019", "2019 Mar", "2019 Mar 12",
# "2019 Mar 12-18", "2019 Mar-Apr", "2019 Spring", "2018 Dec-2019 Jan", "2019 Mar 30-Apr 5"
_MEDLINE = re.compile(
    r"(?P<y>\d{4})(?:\s+(?P<m>[A-Za-z]{3,9})\.?(?:\s+(?P<d>\d{1,2}))?)?(?P<rest>\s*[-–/]\s*\S.*|\s+\S.*)?"
)


def medline_date(value: Any) -> tuple[int, int | None, int | None] | None:
    """(year, month or None, day or None) of a PubMed publication date (MEDLINE's ``DP`` tag): "2019" (a year),
    "2019 Mar" (a month), "2019 Mar 12" (a day); a range keeps what all of it shares: days of one month ("2019 Mar
    12-18") the month, months of one year ("2019 Mar-Apr") or a season ("2019 Spring") the year; None when the value
    starts with no year.

    >>> medline_date("2019 Mar 12"), medline_date("2019 Mar-Apr"), medline_date("2019 Spring")
    ((2019, 3, 12), (2019, None, None), (2019, None, None))
    >>> medline_date("2019 Dec 1-15"), medline_date("2019"), medline_date("Spring")
    ((2019, 12, None), (2019, None, None), None)
    """
    m = _MEDLINE.fullmatch(" ".join(str(value or "").split()))
    if m is None:
        return None
    year, rest = int(m.group("y")), (m.group("rest") or "").strip()
    month = month_of_name(m.group("m")) if m.group("m") else None
    if month is None:
        return year, None, None  # a year, a season, or words PubMed does not write
    day = int(m.group("d")) if m.group("d") else None
    if rest and (day is None or not re.fullmatch(r"[-–]\s*\d{1,2}", rest)):
        return year, None, None  # a range of months (or across years): only the year is certain
    if day is not None and (rest or _day(year, month, day) is None):
        return year, month, None  # a range of days within the month, or a day the month does not have
    return year, month, day


# a day and an English month word in either order, written with spaces ("25 Nov. 2021", "25th of November, 2021",
# "Nov 25, 2021") or with a slash or hyphen ("25/Nov/2021", "25-Nov-2021", "Nov/25/2021"), perhaps with its year;
# or year first ("2021 Nov 25", "2021-Nov-25")
_SEP = r"(?:[/-]|\.?,?\s+)"
_YEAR_FIRST = re.compile(r"(?<!\d)(?P<y>\d{4})(?:[/-]|\s+)(?P<m>[a-z]{3,9})\.?(?:[/-]|\s+)(?P<d>\d{1,2})(?!\d)", re.I)
_DAY_FIRST = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|[/-])(?P<m>[a-z]{{3,9}})(?![a-z])"
    rf"(?:{_SEP}(?P<y>\d{{4}})(?!\d))?",
    re.I,
)
_MONTH_FIRST = re.compile(
    rf"\b(?P<m>[a-z]{{3,9}}){_SEP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:{_SEP}(?P<y>\d{{4}})(?!\d))?", re.I
)


def named_day(text: Any, year: int | None = None) -> dt.date | None:
    """The first day a text writes with an English month word (:func:`month_of_name`), day first or month first:
    "25 Nov. 2021", "25th November 2021", "Tue, 5 Feb 2019, 15:00", "Nov 25, 2021", "25/Nov/2021", "25-Nov-2021",
    "Nov/25/2021", "2021 Nov 25"; a date without its year ("Mar 5") takes ``year`` (None without it). None when the text writes no
    such day, or a day its month does not have ("31 Feb 2021").

    >>> named_day("25/Nov/2021"), named_day("Nov/25/2021"), named_day("25th November 2021")
    (datetime.date(2021, 11, 25), datetime.date(2021, 11, 25), datetime.date(2021, 11, 25))
    >>> named_day("Mar 5", 2019), named_day("Mar 5"), named_day("Week 3: papers")
    (datetime.date(2019, 3, 5), None, None)
    """
    s = str(text or "")
    for pattern in (_YEAR_FIRST, _DAY_FIRST, _MONTH_FIRST):
        for m in pattern.finditer(s):
            month = month_of_name(m.group("m"))
            if month is None:
                continue
            when = int(m.group("y")) if m.group("y") else year
            try:
                return dt.date(when, month, int(m.group("d"))) if when is not None else None
            except ValueError:
                return None
    return None


_NUMBERS_JOINED = re.compile(r"(?<!\d)\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?!\d)")  # "25/11/2021", not "2-3", "1.5"
_WORDS = re.compile(r"[a-z]+", re.I)


def looks_like_date(text: Any) -> bool:
    """Whether a text is written as a date, read or not: a number beside a month word ("25 Nov 2021", "Nov 2021",
    "31 Feb") or three numbers joined by slashes, hyphens or dots ("25/11/2021", "2021-13-45"); not "Week 3",
    "Weeks 2-3", "TBA" or a bare number. A schedule reports a date cell that looks like a date but reads as no day.

    >>> [looks_like_date(t) for t in ("31 Feb 2021", "2021-13-45", "Nov 2021", "Weeks 2-3", "TBA", "12", "May")]
    [True, True, True, False, False, False, False]
    """
    s = str(text or "")
    if _NUMBERS_JOINED.search(s):
        return True
    return bool(re.search(r"\d", s)) and any(month_of_name(w) for w in _WORDS.findall(s))


_TERM = (
    r"(?:(?:fall|autumn|spring|summer|winter|michaelmas|lent|easter|hilary|trinity)(?:\s+(?:term|semester|quarter))?"
    r"|(?:semester|term|quarter|trimester)(?:\s*\d)?|ss|ws|sose|wise)"
)
_YEAR = r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:(?:19|20)?\d\d))?"
_PERIOD_HEADING = re.compile(rf"^(?:{_TERM}\s*[,'’]?\s*)?'?{_YEAR}(?:\s*[,'’]?\s*{_TERM})?$", re.I)


def is_period_heading(text: str) -> bool:
    """Whether a heading only dates what is below it: a year ("2020"), a school year ("2019-20") or a term
    ("Fall 2021", "Spring Semester 2022", "2021 Winter", "WS 2020/21", a year's numbered term "2026_2", "2026.1"),
    markdown emphasis and a colon aside.

    >>> [is_period_heading(t) for t in ("2020", "**Fall 2021**:", "2019/2020", "Robotics", "Papers of 2020")]
    [True, True, True, False, False]
    >>> [is_period_heading(t) for t in ("2026_2", "2026.1", "2026_2 talks")]
    [True, True, False]
    """
    if re.fullmatch(r"(?:19|20)\d{2}[_.][1-4]", text.strip()):  # a YAML key naming a year's term: "2026_2"
        return True
    shown = " ".join(text.replace("*", "").replace("_", " ").split()).strip(" :.")
    return bool(_PERIOD_HEADING.match(shown))


_WEEKDAY_NAME = re.compile(r"^\W*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b", re.I)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# a day written with its weekday and numbers, as web pages date themselves ("Thu, 10/17/2024 - 12:53")
_WEEKDAY_NUMBERS = re.compile(r"(?P<wd>[A-Za-z]{3,9})\.?,?\s+(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})(?!\d)")


def weekday_numbers_day(text: str) -> dt.date | None:
    """The day of a date written with its weekday and numbers ("Thu, 10/17/2024 - 12:53", a web page's date): of
    its two readings (month first, day first) the one that falls on that weekday, or the only valid one; None when
    the text writes no such date or its readings cannot be told apart.

    >>> weekday_numbers_day("Thu, 10/17/2024 - 12:53"), weekday_numbers_day("Mon, 4/3/2023")
    (datetime.date(2024, 10, 17), datetime.date(2023, 4, 3))
    """
    m = _WEEKDAY_NUMBERS.search(text)
    if m is None:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    days = [d for month, day in {(a, b), (b, a)} if (d := _day(year, month, day)) is not None]
    weekday = m.group("wd")[:3].lower()
    named = [d for d in days if weekday in _WEEKDAYS and d.weekday() == _WEEKDAYS.index(weekday)]
    return named[0] if len(named) == 1 else days[0] if len(days) == 1 else None


def weekday_year(
    texts: Any, latest: int, *, near: int | None = None, weekday: int | None = None, order: str = "mdy"
) -> int | None:
    """The year of days written with their weekday and without a year ("Friday, June 30", "Fri 7 July"): the latest
    year up to ``latest`` in which each falls on its weekday; None when no text has both, or no year of the 40
    before agrees with all of them. With ``near`` (the year of the page's other meetings), the agreeing year nearest
    to it (the later of two as near, at most 10 away: an upcoming term's "April 2nd" after a table of 2020); a
    ``weekday`` (0 = Monday: a page saying "we meet on Fridays") is the weekday of the days written without one,
    which are then read with numbers too ("04/02", in ``order``).

    >>> weekday_year(["Friday, June 30", "Friday, July 7"], 2026), weekday_year(["Monday, June 30"], 2026)
    (2023, 2025)
    >>> weekday_year(["April 2nd", "April 16th"], 2027, near=2020, weekday=4)
    2021
    """
    days = []
    for text in texts:
        name = _WEEKDAY_NAME.match(str(text or ""))
        on = _WEEKDAYS.index(name.group(1).lower()) if name else weekday
        day = (named_day(str(text), 2000) if name else day_of(text, order, 2000)) if on is not None else None
        if on is not None and day:  # 2000: a leap year, so "Feb 29" is a day
            days.append((on, day.month, day.day))
    if near is None:
        years = list(range(latest, latest - 40, -1))
    else:
        years = [y for step in range(11) for y in (near + step, near - step)][1:]
    for year in years if days else ():
        try:
            if year <= latest and all(dt.date(year, month, d).weekday() == w for w, month, d in days):
                return year
        except ValueError:  # "Feb 29" in a year without it
            continue
    return None


# -- a day written with numbers, in either order (the one reading of dates every schedule reader uses) -------------

_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)")
_SHORT_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})$")  # "09/18": a day and month, the year from the page
_NUMBERS_YEAR_FIRST = re.compile(r"(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)")


def _full_year(text: str) -> int:
    y = int(text)
    return y if y >= 100 else (2000 + y if y < 70 else 1900 + y)


def _day(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_order(texts: Iterable[str]) -> str:
    """``"dmy"`` or ``"mdy"`` for the numeric dates of one file: what a first or second part above 12 says, else
    the order that puts most of them on one weekday (reading groups meet weekly), day-first on a tie.

    >>> date_order(["13/01/2022"]), date_order(["01/13/2022"]), date_order(["3/1/2022", "3/8/2022"])
    ('dmy', 'mdy', 'mdy')
    """
    texts = list(texts)
    pairs = [(int(m[1]), int(m[2]), _full_year(m[3])) for c in texts if (m := _NUMERIC_DATE.search(c))]
    short = [(int(m[1]), int(m[2])) for c in texts if (m := _SHORT_DATE.match(c.strip()))]
    if any(a > 12 for a, _, _ in pairs) or any(a > 12 for a, _ in short):
        return "dmy"
    if any(b > 12 for _, b, _ in pairs) or any(b > 12 for _, b in short):
        return "mdy"

    def weekday_share(order: str) -> int:
        days = [_day(y, b, a) if order == "dmy" else _day(y, a, b) for a, b, y in pairs]
        counts = Counter(d.weekday() for d in days if d)
        return max(counts.values(), default=0)

    return "mdy" if weekday_share("mdy") > weekday_share("dmy") else "dmy"


def day_of(text: Any, order: str = "dmy", year: int | None = None) -> dt.date | None:
    """The first day a text writes, with numbers ("2024-03-05", "29/03/21", "10/1/2022" in ``order``, "09/18" in
    ``year``) or with a month word (:func:`named_day`); None when it writes none or a day that does not exist.

    >>> day_of("2024-03-05"), day_of("10/1/2022", "mdy"), day_of("05/03", year=2024), day_of("YYYY-MM-DD")
    (datetime.date(2024, 3, 5), datetime.date(2022, 10, 1), datetime.date(2024, 3, 5), None)
    """
    s = str(text or "")
    if m := _NUMBERS_YEAR_FIRST.search(s):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC_DATE.search(s):
        a, b, y = int(m[1]), int(m[2]), _full_year(m[3])
        return _day(y, b, a) if order == "dmy" else _day(y, a, b)
    if m := _SHORT_DATE.match(s.strip()):
        a, b = int(m[1]), int(m[2])
        return _day(year, b, a) if order == "dmy" else _day(year, a, b)
    return named_day(s, year)  # "25 Nov 2021", "25/Nov/2021", "Nov 25, 2021", "Mar 5" (in ``year``)


# a date left to be filled in: "YYYY-MM-DD", "DD/MM/YYYY", "202?-??-??", "??/??", "xx.xx.2024", "MM/DD"
_TEMPLATE_DATE = re.compile(
    r"^(?=.*(?:y{2}|[mM]{2}|d{2}|D{2}|\?|[xX]{2}))[\dyYmMdDxX?]{1,4}(?:\s*[/.-]\s*[\dyYmMdDxX?]{1,4}){1,2}$"
)


def is_date_template(text: Any) -> bool:
    """Whether a date cell is a blank form's placeholder, no day: letters standing for the parts ("YYYY-MM-DD",
    "DD/MM/YYYY", "MM/DD") or question marks for the parts not known yet ("202?-??-??", "??/??"), or only dots
    or question marks ("."); not a real date, "TBA" or an empty cell.

    >>> [is_date_template(t) for t in ("YYYY-MM-DD", "202?-??-??", ".", "2024-03-05", "TBA", "", "Week 3")]
    [True, True, True, False, False, False, False]
    """
    s = str(text or "").strip()
    return bool(_TEMPLATE_DATE.match(s)) or (bool(s) and set(s) <= set(".?…"))
