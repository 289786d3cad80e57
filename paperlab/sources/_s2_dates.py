"""The publication date of a Semantic Scholar paper object: the earliest credible one of its fields.

S2's ``publicationDate`` and ``year`` are sometimes those of a reprint or a late digitisation of an old work:
Turing's *On computable numbers* (Proc. London Math. Soc. s2-42, 1936-37) comes with ``"year": 2021`` and
``"publicationDate": "2021-02-02"``, while its DBLP key, ``journals/x/Turing37``, keeps the year of the journal
issue. A DBLP key of a journal article, conference paper or book (``journals/…``, ``conf/…``, ``books/…``) ends with
the authors' initials and the two-digit year of that publication (``conf/nips/VaswaniSPUJGKP17``); its century is
the latest that does not put it after next year. When that year is earlier than S2's, it wins: the date becomes
1 January of that year with ``extra["date_precision"] = "year"`` and ``extra["date_note"]`` saying where it came
from and what S2 said. A date S2 gives as a ``year`` only is 1 January of it with ``date_precision`` ``"year"``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..dates import as_date

__all__ = ["dblp_year", "s2_date"]

_DBLP_KEY = re.compile(r"^(?:journals|conf|books)/.+/[A-Za-z][A-Za-z'-]*(\d{2})[a-z]?$")


def dblp_year(key: str, today: dt.date | None = None) -> int | None:
    """The publication year a DBLP key ends with, or None (keys of other kinds, e.g. arXiv's ``journals/corr/abs-…``).

    >>> dblp_year("journals/x/Turing37", dt.date(2026, 1, 1)), dblp_year("conf/nips/VaswaniSPUJGKP17")
    (1937, 2017)
    """
    m = _DBLP_KEY.match(key.strip())
    if m is None:
        return None
    latest = (today or dt.date.today()).year + 1
    return latest - (latest - int(m.group(1))) % 100


def s2_date(obj: dict[str, Any], today: dt.date | None = None) -> tuple[dt.date | None, dict[str, str]]:
    """``published`` of an S2 paper object and the ``extra`` entries saying how precise it is and where it came from.

    Raises
    ------
    ParseError
        ``publicationDate`` is not a date.
    """
    date, extra = None, {}
    given = obj.get("publicationDate")
    year = obj.get("year")
    if isinstance(given, str) and given:
        date = as_date(given, "'publicationDate'")
    elif isinstance(year, int) and not isinstance(year, bool) and 1000 <= year <= 9999:
        date, extra = dt.date(year, 1, 1), {"date_precision": "year"}
    ids = obj.get("externalIds")
    key = ids.get("DBLP") if isinstance(ids, dict) else None
    earlier = dblp_year(key, today) if isinstance(key, str) else None
    if earlier is not None and (date is None or earlier < date.year):
        said = f"; Semantic Scholar says {date.isoformat()[:4] if extra else date.isoformat()}" if date else ""
        return dt.date(earlier, 1, 1), {"date_precision": "year", "date_note": f"year of DBLP key {key}{said}"}
    return date, extra
