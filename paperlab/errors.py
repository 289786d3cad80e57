"""Exceptions and warnings raised by paperlab.

Every importer reports bad input through :class:`ParseError` (nothing usable was
found) or :class:`PartialImportWarning` (some records were bad; every good record
was kept). Both name the file and the line or record, and say what was expected.
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ArxivAPIError",
    "Busy",
    "Conflict",
    "DoubtfulIdWarning",
    "FetchError",
    "FoundByFinderWarning",
    "ImportProblem",
    "InvalidValue",
    "MeetingsOnlyWarning",
    "MergedRecordsWarning",
    "ModelMismatchError",
    "NotFound",
    "ParseError",
    "PaperlabError",
    "PartialImportWarning",
    "ProblemCollector",
    "ServiceUnreachable",
    "SourcesUnreachableWarning",
    "StoreCorrupt",
    "StoreError",
    "StoreFull",
    "StoreReadOnly",
    "StoreUnavailable",
    "UsageError",
    "plural",
    "warn_partial",
]


class PaperlabError(Exception):
    """Base class of every error paperlab raises on purpose."""


@dataclass(frozen=True)
class ImportProblem:
    """One bad record found while importing.

    Parameters
    ----------
    source : str
        File name or URL the record came from.
    where : str
        Position inside the source, e.g. ``"line 12"`` or ``"record 3"``.
    message : str
        What was wrong and what was expected.
    skipped : bool
        Whether the record was left out (the default); False for a record kept without what could not be read
        (a schedule's meeting whose date cell reads as no day keeps its papers, without the date).
    """

    source: str
    where: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        loc = f"{self.source}, {self.where}" if self.where else self.source
        return f"{loc}: {self.message}"


class ParseError(PaperlabError, ValueError):
    """Input could not be read as the expected format.

    Parameters
    ----------
    message : str
        What was expected.
    source : str, optional
        File name or URL.
    where : str, optional
        Line or record, e.g. ``"line 3"``.
    problems : list of ImportProblem, optional
        Per-record problems, when the whole import failed record by record.
    """

    def __init__(
        self,
        message: str,
        source: str | None = None,
        where: str | None = None,
        problems: list[ImportProblem] | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.where = where
        self.problems = list(problems or [])
        prefix = ", ".join(p for p in (source, where) if p)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class PartialImportWarning(UserWarning):
    """Some records of an import were bad and skipped, or kept without a field that could not be read; the good
    ones were kept.

    The ``problems`` attribute lists every skipped record (and every record kept in part: ``skipped`` False);
    ``kept`` counts what was kept (``what``: records, or a session's table values). paperlab raises it only when
    there is a problem: an import that lost nothing warns nothing.
    """

    def __init__(self, source: str, problems: list[ImportProblem], kept: int, what: str = "record") -> None:
        self.source = source
        self.problems = list(problems)
        self.kept = kept
        bad = [p for p in problems if getattr(p, "skipped", True)]
        in_part = [p for p in problems if not getattr(p, "skipped", True)]
        said = [f"kept {plural(kept, what)}"]
        if bad or not in_part:
            said.append(
                f"skipped {len(bad)} bad {'one' if len(bad) == 1 else 'ones'}: {_shown(bad)}" if bad else "skipped none"
            )
        if in_part:
            said.append(f"{len(in_part)} kept in part: {_shown(in_part)}")
        super().__init__(f"{source}: {', '.join(said)}")


def plural(n: int, word: str, many: str | None = None, *, number: bool = True) -> str:
    """``n`` and ``word`` in the number ``n`` asks for ("1 paper", "0 papers", "2 entries" with ``many="entries"``);
    the word alone with ``number=False`` (a count shown in its own markup). Its one home, at the bottom layer, so
    the messages of these warnings and every layer above count alike; :mod:`paperlab.text` offers it with its
    other helpers.

    >>> plural(1, "paper"), plural(3, "paper"), plural(2, "entry", "entries"), plural(1, "work", number=False)
    ('1 paper', '3 papers', '2 entries', 'work')
    """
    noun = word if n == 1 else many or f"{word}s"
    return f"{n} {noun}" if number else noun


def _shown(problems: list[ImportProblem]) -> str:
    """The first five problems, and how many more."""
    more = f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
    return "; ".join(str(p) for p in problems[:5]) + more


class FoundByFinderWarning(UserWarning):
    """A markdown file's papers were read by the generic paper finder (a layout paperlab does not know, or one its
    layout reader misread), every one kept: the titles are the text nearest each paper's id or address, worth a
    look. The message names the file and how many papers were found. When the finder skipped lines, a
    :class:`PartialImportWarning` says so instead.

    The ``source`` attribute is the file; ``kept`` the number of papers.
    """

    def __init__(self, source: str, kept: int) -> None:
        self.source = source
        self.kept = kept
        super().__init__(f"{source}: {plural(kept, 'paper')} found, none skipped")


class MeetingsOnlyWarning(UserWarning):
    """A reading-group schedule given to :func:`paperlab.load` lists meetings but names no paper (a club's dates, a
    seminar's talks, a course's sessions): its papers, none, are loaded, and the message says how many meetings
    were read and that ``paperlab.Schedule.from_file(path)`` gives them.

    The ``source`` attribute is the file; ``meetings`` the number of meetings read (None when not known).
    """

    def __init__(self, source: str, message: str, meetings: int | None = None) -> None:
        self.source = source
        self.meetings = meetings
        super().__init__(f"{source}: {message}")


class MergedRecordsWarning(UserWarning):
    """Records of one work in a bibliography (two BibTeX entries under two citation keys, one RIS record twice)
    were merged into one paper by :func:`paperlab.load`, which answers to every key of them. The message names each
    merge: the titles, the citation keys and where each record was read.

    The ``merges`` attribute lists them (:class:`paperlab.identity.Merge`, as ``Library.merges`` does); ``source``
    is the file whose records were merged into papers already read.
    """

    def __init__(self, source: str, merges: list[Any]) -> None:
        self.source = source
        self.merges = list(merges)
        shown = "; ".join(str(m) for m in self.merges[:5])
        more = f" (+{len(self.merges) - 5} more)" if len(self.merges) > 5 else ""
        super().__init__(
            f"{source}: {plural(len(self.merges), 'record')} of a work read already, merged: {shown}{more}"
        )


class DoubtfulIdWarning(UserWarning):
    """Two records give one arXiv id (or DOI) but titles naming different works (a link copied to the wrong row):
    both papers are kept, the id stays with the record read first and the other keeps it only in
    ``extra["doubtful_ids"]``. The message names both titles and where each was read.

    The ``id`` attribute is the id in doubt ("arXiv id 1412.6572", "DOI 10.1/x"); ``titles`` the two titles,
    the kept record's first.
    """

    def __init__(self, message: str, id: str, titles: tuple[str, str]) -> None:
        self.id = id
        self.titles = titles
        super().__init__(message)


class SourcesUnreachableWarning(UserWarning):
    """Sources of new papers (arXiv, Hugging Face) could not be read, so a feed holds none or fewer of them
    (:func:`paperlab.feed` offline). The message names them and what to do instead; ``sources`` lists them."""

    def __init__(self, message: str, sources: list[str]) -> None:
        self.sources = list(sources)
        super().__init__(message)


class FetchError(PaperlabError):
    """A remote service failed after all retries, or answered with an error.

    Parameters
    ----------
    message : str
        What went wrong.
    url : str, optional
        The request URL.
    status : int, optional
        The HTTP status, when there was a response.
    """

    def __init__(self, message: str, url: str | None = None, status: int | None = None) -> None:
        self.url = url
        self.status = status
        super().__init__(f"{message} ({url})" if url else message)

    @property
    def reason(self) -> str:
        """Why, without the request's URL: its query string says nothing to a reader; messages name the service."""
        text = str(self)
        return text.removesuffix(f" ({self.url})") if self.url else text


class ArxivAPIError(FetchError):
    """arXiv answered with its error feed (an entry whose id is ``http://arxiv.org/api/errors#...``).

    The request itself was wrong (e.g. an id of the wrong shape): retrying cannot help.
    """


class ServiceUnreachable(FetchError):
    """The service gave no answer at all: the connection failed or every try timed out (offline, DNS, firewall).

    Unlike an HTTP error status, this says nothing about the request; asking again soon is unlikely to help.
    """


class StoreError(PaperlabError):
    """The local store could not complete an operation. The subclasses say why, and the server maps each
    subclass to an HTTP status: :class:`NotFound` 404, :class:`Conflict` 409, :class:`InvalidValue` 400,
    :class:`Busy` 503; :class:`StoreUnavailable` and its subclasses (:class:`StoreFull`, :class:`StoreReadOnly`,
    :class:`StoreCorrupt`) name the store file and say what to do; any other StoreError is
    a 500."""


class NotFound(StoreError, LookupError):
    """No such paper or reading list (in the store, or at the service asked to fetch it)."""


class Conflict(StoreError):
    """The change contradicts what is stored, e.g. a list name that is already taken."""


class InvalidValue(StoreError, ValueError):
    """A value given to the store is not allowed (an unknown reading status, an empty list name or tag)."""


class Busy(StoreError):
    """The store stayed locked by another writer for longer than the timeout; trying again later can succeed."""


class StoreUnavailable(StoreError):
    """The store file itself cannot serve the operation: the disk is full, the file is read-only or
    damaged. Retrying the same call does not help until someone acts. (A store written by a newer paperlab
    is refused, untouched, with a plain :class:`StoreError`.)

    The subclasses say which; each message names the file and what to do.

    Parameters
    ----------
    message : str
        What happened and what to do.
    path : str, optional
        The store file.

    Attributes
    ----------
    reason : str
        ``"disk full"``, ``"read-only"``, ``"corrupt"`` or ``"unavailable"`` (any other
        failure of the file or the disk, e.g. an I/O error).
    """

    reason = "unavailable"

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(message)


class StoreFull(StoreUnavailable):
    """The disk (or the file system's quota) holding the store is full; nothing of the failed write was kept."""

    reason = "disk full"


class StoreReadOnly(StoreUnavailable):
    """The store file or its folder cannot be written (permissions, a read-only mount); reading still works."""

    reason = "read-only"


class StoreCorrupt(StoreUnavailable):
    """The store file is damaged or is not a paperlab store at all; restore it from a backup or export."""

    reason = "corrupt"


class UsageError(PaperlabError):
    """A command-line or magic invocation is wrong (unknown option value, missing argument, bad ``-k``)."""


class ModelMismatchError(PaperlabError, ValueError):
    """Vectors of different models (or dimensions) were mixed: a query, an import, a library's vectors or an
    index disagree. The message names both models and how to search with the right one."""


class ProblemCollector:
    """Collects per-record problems during an import and reports them at the end.

    Parameters
    ----------
    source : str
        File name or URL being imported.

    Examples
    --------
    >>> problems = ProblemCollector("x.jsonl")
    >>> problems.add("line 3", "expected a JSON object")
    >>> papers = problems.finish([])  # doctest: +SKIP
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[ImportProblem] = []

    def add(self, where: str, message: str, *, skipped: bool = True) -> None:
        """Record one skipped record (``skipped=False``: one kept without what could not be read)."""
        self.problems.append(ImportProblem(self.source, where, message, skipped))

    def finish(self, papers: list[Any], *, expected: str = "records") -> list[Any]:
        """Return ``papers``; warn about skipped records, or raise if nothing was usable.

        Raises
        ------
        ParseError
            When there were problems and no record could be kept.
        """
        if self.problems and not papers:
            first = self.problems[0]
            raise ParseError(
                f"no usable {expected}; first problem: {first.message}"
                + (f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""),
                source=self.source,
                where=first.where,
                problems=self.problems,
            )
        if self.problems:
            warn_partial(PartialImportWarning(self.source, self.problems, len(papers)))
        return papers


_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _not_the_users(filename: str) -> bool:
    """Whether a frame of ``filename`` belongs to paperlab, or to IPython running a magic, not to the user.

    A warning skips such frames: called from a script, a test or a notebook cell, directly, through a
    generator or through ``%papers``, it names the user's line, never one of paperlab's or IPython's.
    """
    if filename.startswith("<decorator-gen-"):  # IPython's magic wrappers
        return True
    path = os.path.abspath(filename)
    if path.startswith(_PACKAGE + os.sep):
        return True
    ipython_file = getattr(sys.modules.get("IPython"), "__file__", None)
    if not isinstance(ipython_file, str):
        return False
    return path.startswith(os.path.dirname(os.path.abspath(ipython_file)) + os.sep)


def warn_partial(warning: Warning) -> None:
    """Emit ``warning`` attributed to the first caller outside paperlab (and IPython's magic machinery).

    Whether the user called :func:`paperlab.load`, a reader or a parser, directly, through a generator or
    through a magic, the warning names the user's line (``warnings.warn``'s ``stacklevel``, counted here).
    """
    frame = sys._getframe(1)
    level = 2  # 1 is this function, 2 its caller
    while frame.f_back is not None and _not_the_users(frame.f_code.co_filename):
        frame = frame.f_back
        level += 1
    warnings.warn(warning, stacklevel=level)
