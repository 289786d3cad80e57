"""Web of Science plain-text exports ("savedrecs.txt"), which users also save with a ``.ris`` name.

A file starts with ``FN Clarivate Analytics Web of Science`` (or ``Thomson Reuters``) and ``VR 1.0``; each record
runs from a ``PT`` line to an ``ER`` line; a line is a two-character tag, a space and the value, and a line
starting with three spaces continues the tag before it (one author per line under ``AU``). Tags are read with
rispy's ``WokParser``: title ``TI``, authors ``AF`` (full names) else ``AU``, source ``SO``, DOI ``DI``, date
``PD`` ("DEC 2015", "NOV 15 2015") with year ``PY``, abstract ``AB``, keywords ``DE`` and ``ID``; the Web of
Science accession number ``UT``, volume, issue and pages stay in ``extra["wos"]``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import rispy
from rispy.config import WOK_TAG_KEY_MAPPING

from ..dates import month_number
from ..errors import ParseError
from ..names import is_placeholder_name
from ..paper import Paper, SourceRecord
from ..text import drop_closing_stop
from ..venues import venue_url
from ._files import check_paper, decode_text, read_bytes, read_records
from ._names import names_as_written, names_given_first

__all__ = ["looks_like_wos", "parse_wos", "read_wos"]

_START = re.compile(r"^PT [A-Z]\s*$")
_END = re.compile(r"^ER\s*$")
_HEADER = re.compile(r"^\ufeff?\s*FN [^\n]*Web of Science", re.M)
_KEPT = {"volume": "volume", "issue": "issue", "beginning_page": "start_page", "ending_page": "end_page"}
_KEPT |= {"article_number": "article_number", "accession_number": "accession_number", "publisher": "publisher"}


def looks_like_wos(text: str) -> bool:
    """Whether ``text`` is a Web of Science plain-text export (its ``FN … Web of Science`` header, or ``PT``
    record starts ended by bare ``ER`` lines)."""
    if _HEADER.search(text[:2000]):
        return True
    lines = text.splitlines()
    return any(_START.match(line) for line in lines[:50]) and any(_END.match(line) for line in lines)


def _records(text: str) -> list[tuple[int, list[str]]]:
    """``(first line number, lines)`` of each record from ``PT`` to ``ER`` (or to the next ``PT``)."""
    records: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), 1):
        if _START.match(line):
            if current is not None:
                records.append((start, current))
            current, start = [], number
        if current is None:
            continue
        current.append(line.rstrip())
        if _END.match(line):
            records.append((start, current))
            current = None
    if current is not None:
        records.append((start, current + ["ER"]))
    return records


def _text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    value = " ".join(value) if isinstance(value, list) else value
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _date(record: dict[str, Any]) -> tuple[dt.date | None, str | None]:
    """The date of ``PD`` ("DEC 2015", "NOV 15 2015", "2012") agreeing with ``PY``, and its precision
    ("year"/"month", None for a day); a range of months ("MAY-JUN 2024") or a season gives the year only."""
    year_text = _text(record, "publication_year") or ""
    when = (_text(record, "publication_date") or "").upper()
    found = re.search(r"\b(1[5-9]\d\d|2\d\d\d)\b", f"{year_text} {when}")
    if found is None:
        return None, None
    year = int(found.group(1))
    month = month_number(when.split()[0]) if when.split() else None  # "MAY-JUN", a range: no one month
    day = re.match(r"[A-Z]{3} (\d{1,2})\b", when)
    if month and day:
        try:
            return dt.date(year, month, int(day.group(1))), None
        except ValueError:
            pass
    return dt.date(year, month or 1, 1), "month" if month else "year"


def _record_to_paper(record: dict[str, Any], source: str, where: str) -> Paper:
    title = drop_closing_stop(_text(record, "document_title") or "")
    if not title:
        raise ParseError("expected a title ('TI ')")
    found = record.get("author_full_name") or record.get("authors") or []
    names = [n for n in found if isinstance(n, str) and n.strip() and not is_placeholder_name(n)]  # [Anonymous]
    published, precision = _date(record)
    extra: dict[str, Any] = {"wos": {ours: v for name, ours in _KEPT.items() if (v := _text(record, name))}}
    if precision:
        extra["date_precision"] = precision
    if written := names_as_written(names):  # set in another case: the exports write them as the record did
        extra["names_as_written"] = written
    keywords = [
        k.strip() for key in ("author_keywords", "keywords_plus") for k in (_text(record, key) or "").split(";")
    ]
    return check_paper(
        Paper(
            title=title,
            authors=names_given_first(names),
            abstract=_text(record, "abstract"),
            published=published,
            journal_ref=None if venue_url(venue := _text(record, "publication_name")) else venue,
            doi=_text(record, "doi"),
            keywords=[k for k in keywords if k],
            sources=[SourceRecord("wos", location=source, record=where)],
            extra=extra,
        )
    )


def parse_wos(text: str, source: str = "<string>") -> list[Paper]:
    """Papers from a Web of Science plain-text export.

    Raises
    ------
    ParseError
        If the text holds no ``PT`` … ``ER`` record, or no record could be read.

    Warns
    -----
    PartialImportWarning
        For records skipped (no title), each named by number and line.
    """
    records = _records(text)
    if not records:
        raise ParseError("no Web of Science records found; expected records from 'PT ' to 'ER' lines", source=source)
    parser = rispy.WokParser(mapping={**WOK_TAG_KEY_MAPPING, "UK": "unknown_tag"})

    def one(lines: list[str], where: str) -> Paper:
        parsed = parser.parse_lines(iter(lines))
        if not parsed:
            raise ParseError("expected a record from 'PT ' to 'ER'")
        return _record_to_paper(parsed[0], source, where)

    return read_records(
        ((f"record {number}, line {line}", lines) for number, (line, lines) in enumerate(records, 1)),
        one,
        source,
        unreadable="unreadable Web of Science record ({error})",
        expected="Web of Science records",
    )


def read_wos(path: str | Path) -> list[Paper]:
    """Read a Web of Science plain-text export (see :func:`parse_wos`)."""
    path = Path(path)
    return parse_wos(decode_text(read_bytes(path), str(path)), source=str(path))
