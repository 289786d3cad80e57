"""Reading input files with the one error shape every importer uses.

Everything an importer does with untrusted bytes before it builds a :class:`~paperlab.paper.Paper` goes
through here, so that nothing but :class:`~paperlab.errors.ParseError` leaves a reader: undecodable
bytes, JSON that is invalid or nested too deeply (:func:`parse_json`), and values a Paper would keep
but the rest of paperlab cannot store or send (``NaN``/``Infinity``, integers beyond 64 bits, deeply
nested ``extra`` data: :func:`check_paper`).
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import ParseError, ProblemCollector
from ..paper_fields import titled_from_id as titled_from_id  # one home: the model's exports read it too

if TYPE_CHECKING:
    from ..paper import Paper

__all__ = [
    "MAX_DEPTH",
    "RECORD_ERRORS",
    "as_count",
    "check_paper",
    "decode_text",
    "each_record",
    "file_not_found",
    "parse_json",
    "read_bytes",
    "read_records",
    "read_text",
    "title_without_mark",
]

# Deepest nesting kept inside a paper's ``extra`` or ``sources`` data (real records nest 3 or 4 levels).
MAX_DEPTH = 32
# SQLite stores integers in 64 bits; JSON readers in the browser lose precision beyond 2**53 but do not fail.
_INT_LIMIT = 2**63
# What building one record from hostile data can raise besides ParseError: a reader turns these into a
# problem of that record (named by its line or record number), never into a traceback.
RECORD_ERRORS: tuple[type[Exception], ...] = (
    TypeError,
    ValueError,
    OverflowError,
    RecursionError,
    AttributeError,
    KeyError,
    IndexError,
)

_Item = TypeVar("_Item")
_Out = TypeVar("_Out")


def read_records(
    records: Iterable[tuple[str, _Item]],
    to_paper: Callable[[_Item, str], Paper],
    source: str,
    *,
    unreadable: str,
    expected: str,
    also: Iterable[tuple[str, str]] = (),
) -> list[Paper]:
    """The papers of a file's records, each ``(where, item)`` made a paper by ``to_paper(item, where)``: a record
    that raises :class:`~paperlab.errors.ParseError` or one of :data:`RECORD_ERRORS`, or whose item is a ParseError
    (a line that did not parse), is skipped and named by its ``where`` ("record 3, line 40") with what was wrong (for
    an unexpected error, ``unreadable`` with the error put in place of ``{error}``); ``also`` adds problems found
    outside the records (an unended last record).

    Returns
    -------
    list of Paper
        The good records' papers, in order.

    Raises
    ------
    ParseError
        When records were bad and none was good (the first problem named; ``expected`` says what was looked for).

    Warns
    -----
    PartialImportWarning
        When some records were skipped, each named; attributed to the user's line, not paperlab's.
    """
    problems = ProblemCollector(source)
    papers = list(each_record(records, to_paper, problems, unreadable=unreadable))
    for where, message in also:
        problems.add(where, message)
    return problems.finish(papers, expected=expected)


def each_record(
    records: Iterable[tuple[str, _Item]],
    to_paper: Callable[[_Item, str], _Out],
    problems: ProblemCollector,
    *,
    unreadable: str,
) -> Iterator[_Out]:
    """The papers of the records one at a time, as :func:`read_records` reads them (a bad record added to
    ``problems``), for a reader that streams a file too large to hold or makes something else of each record
    (a citation link); the caller reports ``problems``."""
    for where, item in records:
        if isinstance(item, ParseError):  # a record that could not even be parsed (a JSON line, an error answer)
            problems.add(where, item.message)
            continue
        try:
            paper = to_paper(item, where)
        except ParseError as exc:
            problems.add(where, exc.message)
            continue
        except RECORD_ERRORS as exc:
            problems.add(where, unreadable.format(error=f"{type(exc).__name__}: {str(exc)[:200]}"))
            continue
        yield paper


def file_not_found(path: str | Path) -> ParseError:
    """The error for a file that is not there, naming the folder looked in as an absolute path ("refs.bib: file not
    found in <the folder> (the current folder); similar: references.bib"), or the missing folder itself."""
    path = Path(path)
    folder = path.absolute().parent
    if not folder.is_dir():
        return ParseError(f"file not found: there is no folder {folder}", source=str(path))
    here = " (the current folder)" if folder == Path.cwd() else ""
    names = [p.name for p in islice(folder.iterdir(), 5000)]
    similar = difflib.get_close_matches(path.name, names, n=3, cutoff=0.6)
    return ParseError(
        f"file not found in {folder}{here}" + (f"; similar: {', '.join(similar)}" if similar else ""), source=str(path)
    )


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes.

    Raises
    ------
    ParseError
        Naming the file and why it could not be read (missing, a folder, no permission).
    """
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror}", source=str(path)) from None


def decode_text(data: bytes, source: str, where: str | None = None) -> str:
    """``data`` decoded as UTF-8 (a byte-order mark is dropped).

    Raises
    ------
    ParseError
        If the bytes are not UTF-8, naming the offset of the first bad byte.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"expected UTF-8 text, got undecodable byte 0x{data[exc.start]:02x} at offset {exc.start}",
            source=source,
            where=where,
        ) from None


def read_text(path: str | Path) -> str:
    """The file decoded as UTF-8 (a byte-order mark is dropped).

    Raises
    ------
    ParseError
        If the file cannot be read or is not UTF-8, naming the offset of the first bad byte.
    """
    return decode_text(read_bytes(path), str(path))


def parse_json(data: bytes | str, source: str, where: str | None = None, *, expected: str = "JSON") -> Any:
    """Decode JSON from untrusted bytes or text.

    Bytes may be UTF-8 (with or without a byte-order mark), UTF-16 or UTF-32, as :func:`json.loads`
    accepts them. ``NaN``/``Infinity`` are read (Python's ``json`` accepts them); :func:`check_paper`
    refuses them where a paper would keep them.

    Parameters
    ----------
    data : bytes or str
    source : str
        File name or URL, for the message.
    where : str, optional
        Position of ``data`` inside the source (e.g. ``"line 7"`` of a JSON-lines file); by default
        the line of the syntax error.
    expected : str
        What the data should have been, for the message.

    Raises
    ------
    ParseError
        Not decodable text, not JSON, or nested too deeply for the parser.
    """
    if isinstance(data, (bytes, bytearray)):
        encoding = json.detect_encoding(data)
        if encoding == "utf-8":
            data = decode_text(bytes(data), source, where)
        else:
            try:
                data = bytes(data).decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(
                    f"expected UTF-8 (or UTF-16/32) text, got undecodable bytes at offset {exc.start}",
                    source=source,
                    where=where,
                ) from None
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"not valid JSON: {exc.msg} (column {exc.colno}); expected {expected}",
            source=source,
            where=where or f"line {exc.lineno}",
        ) from None
    except RecursionError:
        raise ParseError(f"JSON nested too deeply to read; expected {expected}", source=source, where=where) from None
    except ValueError as exc:  # an integer literal of more than 4,300 digits
        raise ParseError(f"not valid JSON: {exc}; expected {expected}", source=source, where=where) from None


def as_count(value: Any, name: str) -> Any:
    """``value`` for an integer field of a Paper, refusing what :class:`~paperlab.paper.Paper` cannot convert.

    Strings and integers pass on (the Paper converts and checks them); a float must be finite.

    Raises
    ------
    ParseError
        For ``NaN``/``Infinity``, or an integer beyond 64 bits, naming the field.
    """
    if type(value) is float and not math.isfinite(value):
        raise ParseError(f"field {name!r}: expected a count, got {value!r}")
    if type(value) is int and not -_INT_LIMIT < value < _INT_LIMIT:
        raise ParseError(f"field {name!r}: expected an integer of at most 64 bits, got {len(str(value))} digits")
    return value


def _check_value(value: Any, name: str) -> None:
    """Raise ParseError if ``value`` (JSON-like data) holds a non-finite float, a huge int or deep nesting."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        kind = type(item)
        if kind is float:
            if not math.isfinite(item):
                raise ParseError(f"field {name!r}: expected a finite number, got {item!r}")
        elif kind is int:
            if not -_INT_LIMIT < item < _INT_LIMIT:
                raise ParseError(f"field {name!r}: expected an integer of at most 64 bits, got {len(str(item))} digits")
        elif kind is dict or kind is list:
            if depth >= MAX_DEPTH:
                raise ParseError(f"field {name!r}: expected data nested at most {MAX_DEPTH} levels deep")
            children = item.values() if kind is dict else item
            stack.extend((child, depth + 1) for child in children)


def check_paper(paper: Paper) -> Paper:
    """``paper``, once its numbers and free-form data are sure to store and serialise.

    Raises
    ------
    ParseError
        Naming the field: an integer beyond 64 bits, a non-finite number, ``extra`` data nested more
        than :data:`MAX_DEPTH` levels.

    A title made from the record's id (:func:`no_placeholder_title`) is marked ``extra["title_from"] = "id"``.
    """
    for name in ("version", "n_authors", "upvotes", "github_stars"):
        value = getattr(paper, name)
        if value is not None and not -_INT_LIMIT < value < _INT_LIMIT:
            raise ParseError(f"field {name!r}: expected an integer of at most 64 bits, got {len(str(value))} digits")
    if titled_from_id(paper.title):  # "[No title]" with an id: titled from it, and marked so
        paper.extra["title_from"] = "id"
    if paper.extra:
        _check_value(paper.extra, "extra")
    for record in paper.sources:
        if record.record is not None and type(record.record) is not str:
            raise ParseError(f"field 'sources': expected 'record' to be a string, got {type(record.record).__name__}")
    return paper


# a footnote mark closing a title, as Scopus and publishers' exports keep it from the article's first page ("…
# Networks†", "…Evaluator *", "…in 2020☆"); "A*" (a one-letter word's star, the search algorithm) stays, and so
# does a star glued to a capital or to "Theta", as search algorithms are named ("IDA*", "ARA*", "Lazy Theta*")
_TITLE_MARK = re.compile(r"(?<=[^\W_]|[)\]?!])(?<!\b[^\W\d_])\s*(?:[†‡☆★∗]+|(?<![A-Z])(?<!Theta)\*{1,3})\s*$")
# a footnote number set as a superscript after the title's last word ("…Models¹"); a unit's or a formula's stays
# ("km²", "E=mc²", "R³": the word before is no word of three letters or more)
_SUPERSCRIPT_NUMBER = re.compile(r"(?<=\s)([^\W\d_¹²³⁴-⁹⁰]{3,})[¹²³⁴-⁹⁰]{1,2}\s*$")


# a reference manager's placeholder where the title is missing: "[No title]" (Paperpile), "[Untitled]", "(no title)",
# "No title available", "Untitled" alone: the record names no paper
_PLACEHOLDER_TITLE = re.compile(
    r"[\[(<]?\s*(?:no\s+title(?:\s+(?:available|found|given))?|untitled|title\s+(?:missing|not\s+available))\s*[\])>]?\.?",
    re.I,
)


def no_placeholder_title(title: str, *, doi: str | None = None, arxiv_id: str | None = None) -> str:
    """``title``, unless it is a tool's placeholder for none ("[No title]", "[Untitled]", "(no title)"): then, when
    the record names its paper by a DOI or an arXiv id, a title made from the id, "Untitled (arXiv:2101.00001)",
    which :func:`check_paper` marks (``extra["title_from"] = "id"``); else a ParseError that skips the record, which
    names no paper.

    >>> no_placeholder_title("Untitled Goose Game: a study")
    'Untitled Goose Game: a study'
    >>> no_placeholder_title("[No title]", doi="10.1234/x.5")
    'Untitled (doi:10.1234/x.5)'
    >>> no_placeholder_title("[No title]")
    Traceback (most recent call last):
    paperlab.errors.ParseError: a placeholder for no title ('[No title]'): the record names no paper
    """
    text = " ".join((title or "").split())
    if _PLACEHOLDER_TITLE.fullmatch(text):
        if arxiv_id or doi:
            return f"Untitled (arXiv:{arxiv_id})" if arxiv_id else f"Untitled (doi:{doi})"
        raise ParseError(f"a placeholder for no title ({text!r}): the record names no paper")
    return title


def title_without_mark(title: str) -> str:
    """``title`` without a footnote mark closing it (``…Networks†``, ``…Evaluator *``, Elsevier's ``☆``); a star
    that is part of the title's last word ("Improving A*") is kept.

    >>> title_without_mark("Graph Networks†"), title_without_mark("Results (2020) *"), title_without_mark("Fast A*")
    ('Graph Networks', 'Results (2020)', 'Fast A*')
    >>> title_without_mark("Parallel IDA*"), title_without_mark("Lazy Theta*"), title_without_mark("Parallel IDA *")
    ('Parallel IDA*', 'Lazy Theta*', 'Parallel IDA')
    >>> title_without_mark("Ice Models¹"), title_without_mark("Spaces of Dimension R³"), title_without_mark("E=mc²")
    ('Ice Models', 'Spaces of Dimension R³', 'E=mc²')
    """
    return _SUPERSCRIPT_NUMBER.sub(r"\1", _TITLE_MARK.sub("", title)) if title else title
