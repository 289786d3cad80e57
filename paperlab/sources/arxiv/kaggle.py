"""The Kaggle arXiv metadata snapshot (``arxiv-metadata-oai-snapshot.json``, JSON lines).

:func:`iter_kaggle` streams it one line at a time (memory stays flat on the multi-GB file);
:func:`read_kaggle` reads it into a list.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from ...dates import as_date, month_of_name
from ...errors import ParseError, PartialImportWarning, ProblemCollector, warn_partial
from ...paper import Paper, SourceRecord
from .._files import check_paper, each_record, parse_json
from ._text import one_line, unwrap

__all__ = ["iter_kaggle", "read_kaggle"]

_latex_converter: Any = None


def _delatex(text: str) -> str:
    """LaTeX accents and macros in a name -> Unicode (pylatexenc only when needed, for speed)."""
    if "\\" not in text and "{" not in text:
        return text
    global _latex_converter
    if _latex_converter is None:
        from pylatexenc.latex2text import LatexNodes2Text

        _latex_converter = LatexNodes2Text()
    try:
        return " ".join(_latex_converter.latex_to_text(text).split())
    except Exception:  # pylatexenc is lenient, but never let one odd name sink a record
        return text


def _rfc2822_date(value: str) -> dt.date | None:
    """'Mon, 2 Apr 2007 19:18:42 GMT' -> date(2007, 4, 2), fast path first."""
    parts = value.split()
    try:
        return dt.date(int(parts[3]), month_of_name(parts[2]) or 0, int(parts[1]))
    except (IndexError, KeyError, ValueError, OverflowError):
        try:
            return email.utils.parsedate_to_datetime(value).date()
        except (TypeError, ValueError, OverflowError):
            return None


def _name(item: list[Any]) -> str:
    """One ``authors_parsed`` item ``[last, first, suffix, affiliation...]`` -> display name."""
    if len(item) >= 3 and type(item[0]) is str and type(item[1]) is str and type(item[2]) is str:
        last, first, suffix = item[0], item[1], item[2]  # the usual shape: no str() calls
        name = (f"{first} {last}" if last else first) if first else last
        if suffix:
            name = f"{name} {suffix}" if name else suffix
    else:
        name = " ".join(str(p) for p in (item[1:2] + item[0:1] + item[2:3]) if p)
    if "\\" in name or "{" in name:
        return _delatex(name)
    if "\n" in name or "  " in name:
        return " ".join(name.split())
    return name


def _kaggle_authors(record: dict[str, Any]) -> tuple[list[str], dict[str, list[str]]]:
    parsed = record.get("authors_parsed")
    names: list[str] = []
    affiliations: dict[str, list[str]] = {}
    if isinstance(parsed, list) and parsed:
        for item in parsed:
            if not isinstance(item, list) or not item:
                continue
            name = _name(item)
            if not name:
                continue
            names.append(name)
            if len(item) > 3:
                affs = [" ".join(str(a).split()) for a in item[3:] if a]
                if affs:
                    affiliations[name] = affs
        return names, affiliations
    raw = record.get("authors")
    if isinstance(raw, str) and raw.strip():
        # "A. One, B. Two and C. Three" (with LaTeX accents)
        text = _delatex(" ".join(raw.split()))
        names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if n.strip()]
    return names, affiliations


def _kaggle_paper(record: Any, source: SourceRecord) -> Paper:
    if not isinstance(record, dict):
        raise ParseError(f"expected a JSON object, got {type(record).__name__}")
    arxiv_id = record.get("id")
    if not isinstance(arxiv_id, str) or not arxiv_id.strip():
        raise ParseError("expected an 'id' (arXiv id)")
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ParseError(f"paper {arxiv_id}: expected a non-empty 'title'")
    categories = str(record.get("categories") or "").split()
    versions = record.get("versions")
    published = None
    n_versions = None
    if isinstance(versions, list) and versions:
        n_versions = len(versions)
        first = versions[0]
        if isinstance(first, dict) and isinstance(first.get("created"), str):
            published = _rfc2822_date(first["created"])
    authors, affiliations = _kaggle_authors(record)
    abstract = record.get("abstract")
    return Paper(
        title=title,
        arxiv_id=arxiv_id,
        version=n_versions,
        authors=authors,
        abstract=unwrap(abstract) if isinstance(abstract, str) else None,
        published=published,
        updated=as_date(record.get("update_date"), "update_date"),
        categories=categories,
        primary_category=categories[0] if categories else None,
        comment=one_line(record.get("comments")),
        journal_ref=one_line(record.get("journal-ref")),
        doi=one_line(record.get("doi")),
        pdf_url=f"https://arxiv.org/pdf/{arxiv_id.strip()}",
        sources=[source],
        extra={"affiliations": affiliations} if affiliations else {},
    )


def _open(path_or_file: str | Path | IO[str] | IO[bytes]) -> tuple[Any, str, bool]:
    """(file object, name, whether we opened it and must close it)."""
    if isinstance(path_or_file, (str, Path)):
        name = str(path_or_file)
        try:
            return open(path_or_file, "rb"), name, True
        except OSError as exc:
            raise ParseError(f"cannot read file: {exc.strerror}", source=name) from None
    return path_or_file, str(getattr(path_or_file, "name", "<stream>")), False


def _lines(fh: Iterable[str | bytes], source: str) -> Iterator[tuple[str, Any]]:
    """``("line N", JSON)`` of every non-blank line; a line that is not JSON gives its ParseError as the JSON."""
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            yield f"line {lineno}", orjson.loads(line)
        except ValueError:
            try:  # orjson is stricter (NaN, big integers, BOM, lone surrogates, deep nesting): ask json
                yield f"line {lineno}", parse_json(line, source, f"line {lineno}")
            except ParseError as exc:
                yield f"line {lineno}", ParseError(f"expected a JSON object per line: {exc.message}")


def iter_kaggle(
    path_or_file: str | Path | IO[str] | IO[bytes], problems: ProblemCollector | None = None
) -> Iterator[Paper]:
    """Stream papers from the Kaggle arXiv metadata snapshot (JSON lines), one line at a time.

    Memory stays flat however long the file is.

    Parameters
    ----------
    path_or_file : str, Path or file object
        ``arxiv-metadata-oai-snapshot.json`` (or a slice of it), or an open text/binary file.
    problems : ProblemCollector, optional
        Receives bad lines; the caller then reports them. Without it, bad lines are
        reported at the end with a :class:`~paperlab.errors.PartialImportWarning`.

    Yields
    ------
    Paper
        Source kind ``"kaggle"``, record ``"line N"``. Bad lines (invalid JSON, no id or
        title) are skipped and reported with their line number.
    """
    own = problems is None
    fh, name, close = _open(path_or_file)
    collector = problems if problems is not None else ProblemCollector(name)
    when = dt.datetime.now(dt.timezone.utc)

    def to_paper(record: Any, where: str) -> Paper:
        return check_paper(_kaggle_paper(record, SourceRecord("kaggle", name, when, where)))

    kept = 0
    try:
        for paper in each_record(
            _lines(fh, name), to_paper, collector, unreadable="expected a Kaggle arXiv record ({error})"
        ):
            kept += 1
            yield paper
    finally:
        if close:
            fh.close()
    if own and collector.problems:
        if not kept:
            raise ParseError(
                f"no usable Kaggle arXiv records; first problem: {collector.problems[0].message}"
                + (f" (+{len(collector.problems) - 1} more)" if len(collector.problems) > 1 else ""),
                source=name,
                where=collector.problems[0].where,
                problems=collector.problems,
            )
        warn_partial(PartialImportWarning(name, collector.problems, kept))


def read_kaggle(path: str | Path) -> list[Paper]:
    """Read the Kaggle arXiv metadata snapshot (JSON lines) into a list.

    See :func:`iter_kaggle` (prefer it for the multi-GB full snapshot).

    Raises
    ------
    ParseError
        If no line could be read as a paper. Bad lines among good ones warn with
        :class:`~paperlab.errors.PartialImportWarning` naming each line number.
    """
    problems = ProblemCollector(str(path))
    papers = list(iter_kaggle(path, problems))
    return problems.finish(papers, expected="Kaggle arXiv records")
