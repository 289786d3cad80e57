"""Importers: each module turns one source's bytes into Papers and nothing else.

:func:`load` detects the format of each file and calls the matching reader.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..dates import as_date
from ..errors import (
    ImportProblem,
    MeetingsOnlyWarning,
    MergedRecordsWarning,
    ParseError,
    PartialImportWarning,
    warn_partial,
)
from ..library import Library
from ..paper import Paper
from ._files import file_not_found, parse_json, read_bytes, read_text
from ._json_bookmarks import doi_records, linked_records
from ._json_shape import unknown_json_message
from .json_list import home_made_fields, is_paper_list, lines_of_json, yaml_paper_list
from .openalex import is_openalex_work
from .zotero_json import is_zotero_json

if TYPE_CHECKING:
    from ._http import HttpClient, Response
    from ._mentions import find_papers
    from ._schedule_cells import link_ids, parse_day
    from ._schedule_lines import setext_as_atx

__all__ = [
    "FORMATS",
    "HttpClient",
    "Response",
    "detect_format",
    "file_not_found",
    "find_papers",
    "link_ids",
    "load",
    "parse_day",
    "provide_format",
    "read_text",
    "setext_as_atx",
]

# What the layers above use of the sources' private modules, imported on first use (``import paperlab.sources``
# stays free of httpx and markdown-it): the one HTTP client and its response (``_http``), the generic paper finder
# (``_mentions``), a schedule cell's day and paper ids (``_schedule_cells``), and setext headings written as ATX ones
# (``_schedule_lines``). No module outside the sources
# imports one of their private modules (tests/test_private_modules.py).
_LAZY = {
    "HttpClient": "_http",
    "Response": "_http",
    "find_papers": "_mentions",
    "link_ids": "_schedule_cells",
    "parse_day": "_schedule_cells",
    "setext_as_atx": "_schedule_lines",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)


# format name -> (module, reader function); every reader takes a path and returns list[Paper]
FORMATS: dict[str, tuple[str, str]] = {
    "hf_page": ("hf_page", "read_hf_page"),
    "dailyarxiv": ("dailyarxiv", "read_dailyarxiv"),
    "arxiv_atom": ("arxiv", "read_atom"),
    "arxiv_rss": ("arxiv.rss", "read_arxiv_rss"),
    "arxiv_oai": ("arxiv.oai", "read_oai"),
    "openalex": ("openalex", "read_openalex"),
    "kaggle": ("arxiv", "read_kaggle"),
    "hf_json": ("hf", "read_daily_papers"),
    "semantic_scholar": ("semantic_scholar", "read_semantic_scholar"),
    "bibtex": ("bibtex", "read_bibtex"),
    "ris": ("ris", "read_ris"),
    "wos": ("wos", "read_wos"),
    "csl": ("csl", "read_csl"),
    "zotero_json": ("zotero_json", "read_zotero_json"),
    "json": ("native", "read_native"),
    "json_list": ("json_list", "read_json_list"),
    "jsonl": ("native", "read_native"),
    "csv": ("native", "read_native"),
    "markdown_cards": ("native", "read_native"),
    "schedule": ("schedule", "read_schedule"),
    "paper_list": ("paperlist", "read_paper_list"),
    "session": ("", ""),  # a reading-group session transcript: read by a layer above, see provide_format
}

# a format read by a layer above the sources (a session transcript's slide tables need the comparison layer):
# name -> loader importing that layer and returning (its test of a text file's content, its reader)
FormatLoader = Callable[[], tuple[Callable[[str], bool], Callable[..., list[Paper]]]]
_ABOVE: dict[str, FormatLoader] = {}


def provide_format(name: str, loader: FormatLoader) -> None:
    """Let a layer above the sources read format ``name`` (``paperlab/__init__.py`` provides "session"): plain-text
    files whose content passes the loader's test are read by its reader (asked before a saved Hugging Face page)."""
    _ABOVE[name] = loader


def _reader(fmt: str) -> Callable[..., list[Paper]]:
    if fmt in _ABOVE:
        return _ABOVE[fmt]()[1]
    module, func = FORMATS[fmt]
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)  # type: ignore[no-any-return]


# the readers of bibliographies a user keeps, whose records are entries of their own (two entries of one work merged
# are reported: MergedRecordsWarning); a paper named twice in a README or a feed is one paper without a word
_BIBLIOGRAPHIES = frozenset(("bibtex", "ris", "wos", "csl", "json_list"))
# keys of a paperlab paper that a CSL-JSON item does not have
_PAPER_KEYS = frozenset(["authors", "arxiv_id", "sources", "published", "categories"])
# the dates of a CSL item (and of Crossref's JSON)
_CSL_DATES = ("issued", "published", "published-print", "published-online", "accessed")
# the keys of a CSL name object (one of them at least)
_CSL_NAME_KEYS = frozenset(["family", "given", "literal"])
# a RIS record's first line: "TY  - JOUR" (after text such as Ovid's "1." numbering)
_RIS_START = re.compile(r"^\ufeff?TY {1,2}- ", re.M)
_RIS_END = re.compile(r"^ER {1,2}-", re.M)


def _csl_shaped(item: dict[str, Any]) -> bool:
    """Values only CSL (or Crossref's JSON, which CSL readers take) writes: names as CSL name objects (each with a
    ``family``, ``given`` or ``literal``: generic JSON's ``{"name": …}`` is none), dates as ``date-parts``."""
    names = item.get("author") or item.get("editor")
    if isinstance(names, list) and names and all(isinstance(n, dict) and _CSL_NAME_KEYS & set(n) for n in names):
        return True
    return any(isinstance(item.get(k), dict) and "date-parts" in item[k] for k in _CSL_DATES)


def _paperlab_shaped(item: dict[str, Any]) -> bool:
    """Values only a paperlab paper has: ``authors`` as a list of strings, an ``arxiv_id``, ``sources``, or
    ``published`` as an ISO string."""
    authors = item.get("authors")
    if isinstance(authors, list) and all(isinstance(a, str) for a in authors) and "author" not in item:
        return True
    return "arxiv_id" in item or "sources" in item or isinstance(item.get("published"), str)


def _is_csl_item(item: dict[str, Any]) -> bool:
    """A CSL-JSON item, told by what its values are rather than by one key: an ``id`` or ``title``, and either a
    string ``type`` without a paperlab paper's own keys nor a home-made list's (``year``, ``journal``, an author
    string: :func:`~.json_list.home_made_fields`), or CSL-shaped values (name objects, ``date-parts``) that
    are not a paperlab paper's (so Crossref/CouchDB copies carrying ``published``, ``_id``, ``indexed`` are CSL)."""
    if not ("id" in item or "title" in item) or _paperlab_shaped(item):
        return False
    typed = isinstance(item.get("type"), str) and not _PAPER_KEYS & set(item) and not home_made_fields(item)
    return typed or _csl_shaped(item)


def _json_kind(obj: Any) -> str | None:
    items = obj
    if isinstance(obj, dict):
        if is_openalex_work(obj) or isinstance(obj.get("results"), list) and isinstance(obj.get("meta"), dict):
            return "openalex"
        if "recommendedPapers" in obj or "authorId" in obj and isinstance(obj.get("papers"), list):
            return "semantic_scholar"
        if "data" in obj and isinstance(obj["data"], list) or "paperId" in obj or {"total", "offset"} <= set(obj):
            return "semantic_scholar"
        if "papers" in obj and isinstance(obj["papers"], list):
            return "json_list" if is_paper_list(obj, container=True) else "json"
        if is_zotero_json(obj):  # a Better BibTeX JSON export: {"config", "collections", "items"}
            return "zotero_json"
        values = list(obj.values())
        if values and all(isinstance(v, dict) for v in values) and _is_csl_item(values[0]):
            return "csl"  # CSL items keyed by their ids: {"key1": {...}, "key2": {...}}
        if is_paper_list(obj, container=True) or linked_records(obj) or doi_records(obj):  # also a bookmark list
            return "json_list"  # {"publications": [...]} written by hand or a script; {"links": [{url, title}]}
        items = [obj]
    if isinstance(items, list):
        first = next((x for x in items if isinstance(x, dict)), None)
        if first is None:  # ["10.1038/…", …]: papers by their DOIs alone, or citation strings
            if doi_records(items) or is_paper_list(items):
                return "json_list"
            return "semantic_scholar" if items and all(x is None for x in items) else None
        if isinstance(first.get("paper"), dict) or "upvotes" in first or "submittedOnDailyAt" in first:
            return "hf_json"
        if is_openalex_work(first):
            return "openalex"
        if "paperId" in first or "citingPaper" in first or "citedPaper" in first:
            return "semantic_scholar"
        if is_zotero_json(items):
            return "zotero_json"
        if any(_is_csl_item(x) for x in items[:20] if isinstance(x, dict)):
            return "csl"
        if is_paper_list(items):  # written by hand or a script: {"title", "authors": "A. Smith, B. Jones", "year"}
            return "json_list"
        if "title" in first:  # paperlab's own export, read strictly; a list with keys of its own, leniently
            fields = Paper.__dataclass_fields__
            return "json" if all(k in fields for x in items[:50] if isinstance(x, dict) for k in x) else "json_list"
    return None


def _is_schedule(path: Path, suffix: str) -> bool:
    """A reading-group schedule: a CSV, YAML or markdown table whose header names a presenter and a date or paper."""
    from .schedule import SUFFIXES, looks_like_schedule

    if suffix not in SUFFIXES:
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536).decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError:
        return False  # the format's reader names the problem
    return looks_like_schedule(head, suffix, path.name)


def _xml_kind(head: str) -> str:
    """arXiv's OAI-PMH answers, its listings (rss.arxiv.org Atom or RSS 2.0, older RSS 1.0), else the API's Atom feed."""
    if "<OAI-PMH" in head:
        return "arxiv_oai"
    if "<rss" in head or "rss.arxiv.org" in head or "announce_type>" in head:
        return "arxiv_rss"
    if "<rdf:RDF" in head and "arxiv.org" in head:  # the RSS 1.0 listings before 2024
        return "arxiv_rss"
    return "arxiv_atom"


def _is_wos(text: str) -> bool:
    from .wos import looks_like_wos

    return looks_like_wos(text)


def _has_paper_table(text: str) -> bool:
    from .dailyarxiv import has_paper_table

    return has_paper_table(text)


def _is_paper_list(text: str) -> bool:
    from .paperlist import looks_like_paper_list

    return looks_like_paper_list(text)


def detect_format(path: str | Path) -> str:
    """Name of the format of ``path`` (a key of :data:`FORMATS`), from its extension and content.

    Raises
    ------
    ParseError
        If the file matches no known format.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    by_name = _format_by_name(path, suffix)
    if by_name:
        return by_name
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError as exc:
        folder = f"is a folder: load its files, e.g. paperlab.load(sorted(glob.glob({str(path / '*')!r})))"
        raise ParseError(folder if path.is_dir() else f"cannot read file: {exc.strerror}", source=str(path)) from None
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    stripped = text.lstrip()
    if suffix in (".xml", ".atom", ".rss") or stripped.startswith(("<?xml", "<feed", "<rss", "<OAI-PMH", "<rdf:RDF")):
        return _xml_kind(stripped)
    if suffix in (".yaml", ".yml") or stripped.startswith("interactions:"):
        if "interactions:" not in text and suffix in (".yaml", ".yml") and _yaml_papers(path):
            return "json_list"  # a YAML list of papers (title, authors, year, url), no meeting's fields
        if "interactions:" not in text:  # not a schedule (checked first), and no recorded HTTP answers either
            raise ParseError(
                "expected a reading-group schedule (a YAML list of meetings whose fields name a presenter - "
                "presenter, speaker, person, leader - and a date or paper; or, without presenters, readings beside a "
                "date or topic, or a date and a paper in a file that says it lists meetings) or a recorded HTTP "
                "cassette ('interactions:') or a list of papers (each with a title and authors, a year or links); "
                "this YAML is none of them",
                source=str(path),
            )
        return "openalex" if "api.openalex.org" in text and "semanticscholar.org" not in text else "semantic_scholar"
    if suffix == ".jsonl" or (
        stripped.startswith("{") and "\n{" in stripped and (suffix != ".json" or lines_of_json(stripped))
    ):
        return _jsonl_kind(stripped)
    if suffix == ".json" or (suffix not in (".md", ".markdown") and stripped.startswith(("[", "{"))):
        return _json_file_kind(path)
    return _text_kind(path, suffix, text, stripped)


def _yaml_papers(path: Path) -> bool:
    """Whether a YAML file (read whole: the head may cut a record) is a list of papers (:func:`yaml_paper_list`)."""
    return yaml_paper_list(read_bytes(path).decode("utf-8", errors="replace"), str(path)) is not None


def _format_by_name(path: Path, suffix: str) -> str | None:
    """The format a file's name alone decides (schedules are checked first: they may be .csv or .md)."""
    if _is_schedule(path, suffix):
        return "schedule"
    if path.name.lower().endswith(".csl.json"):
        return "csl"
    return {".bib": "bibtex", ".bibtex": "bibtex", ".csv": "csv", ".ris": "ris"}.get(suffix)


def _jsonl_kind(stripped: str) -> str:
    first_line = stripped.splitlines()[0] if stripped else ""
    try:
        first = json.loads(first_line)
    except (ValueError, RecursionError):  # not JSON: the reader names the line
        first = {}
    if is_openalex_work(first):
        return "openalex"
    if isinstance(first, dict) and ("authors_parsed" in first or "versions" in first or "submitter" in first):
        return "kaggle"
    return "json_list" if is_paper_list([first]) else "jsonl"  # JSON Lines of papers written by a script


def _json_file_kind(path: Path) -> str:
    data = parse_json(read_bytes(path), str(path), expected="a JSON document")
    kind = _json_kind(data)
    if kind:
        return kind
    raise ParseError(unknown_json_message(data), source=str(path))


# a labelled presenter line of markdown talk notes ("## Presenter: Ada Quill", "Presenter: Ada Quill")
_PRESENTER_CUE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?presenter(?:\*\*)?[ \t]*:", re.I | re.M)
# a markdown slide deck's separator ("---" alone on a line between slides)
_SLIDE_BREAK = re.compile(r"^---[ \t]*$", re.M)
# the start of a BibTeX entry: "@article{key," or "@misc(" at the start of a line ("@string{", "@comment{" too)
_BIB_ENTRY = re.compile(r"^[ \t]*@[A-Za-z]+[ \t]*[{(]", re.M)


def _text_kind(path: Path, suffix: str, text: str, stripped: str) -> str:
    """Plain-text formats, told apart by their content."""
    if "<!-- application/vnd.paperlab.paper+json" in text:
        return "markdown_cards"
    if _RIS_START.search(text) and _RIS_END.search(text):
        return "ris"
    if _is_wos(text):
        return "wos"
    if "| **Title** |" in text or ("|" in text and "<details>" in text) or _has_paper_table(text):
        return "dailyarxiv"
    if _BIB_ENTRY.match(stripped) or (suffix not in (".md", ".markdown") and _BIB_ENTRY.search(text)):
        return "bibtex"  # "@type{key," or "@type(": a note's "@handle" line is no entry; a .md file is markdown first
    if suffix in (".txt", "") and "session" in _ABOVE and _ABOVE["session"]()[0](text):
        return "session"  # slides of presentations (presenter, paper header), never a saved page's junk papers
    if suffix in (".txt", "") and "\n\n" in text:
        return "hf_page"
    if (
        suffix in (".md", ".markdown")
        and (_PRESENTER_CUE.search(text) or _SLIDE_BREAK.search(text))
        and "session" in _ABOVE
    ):
        if _ABOVE["session"]()[0](text):  # talk notes ("## Presenter: Ada Quill", the paper's header below), a deck
            return "session"
    if suffix in (".md", ".markdown") and _is_paper_list(text):
        return "paper_list"
    if suffix in (".md", ".markdown", ".html", ".htm"):  # a README of papers (or a saved HTML page of them) in a
        return "dailyarxiv"  # layout detection did not see: the reader, then the generic paper finder, reads it
    raise ParseError(
        "unrecognised file format: expected BibTeX, RIS, Web of Science plain text, CSL-JSON, arXiv Atom/RSS/OAI-PMH XML, JSON/JSONL (Hugging "
        "Face, Semantic Scholar, OpenAlex, Kaggle arXiv, paperlab), CSV, a reading-group schedule or session transcript, a DailyArXiv-style "
        "README, a paper list (a markdown list of '[Title](link)' items) or a saved Hugging Face papers page; pass "
        "format= to choose a reader",
        source=str(path),
    )


def _flat_paths(paths: tuple[Any, ...]) -> tuple[str | os.PathLike[str], ...]:
    """``load``'s paths, a list or tuple of them (``load(glob.glob("*.bib"))``) read as its items; anything else than
    a path or text is a TypeError that says what was given."""
    flat: list[str | os.PathLike[str]] = []
    for p in paths:
        items = p if isinstance(p, (list, tuple)) else [p]
        for item in items:
            if not isinstance(item, (str, os.PathLike)):
                raise TypeError(f"load() takes file paths (str or Path), not {type(item).__name__}: {item!r:.80}")
            flat.append(item)
    if not flat:
        raise TypeError("load() needs at least one path")
    return tuple(flat)


def load(*paths: str | Path | Sequence[str | Path], format: str | None = None, **options: Any) -> Library:
    """Import papers from files, detecting each file's format.

    The papers are read, not stored: the command line (``paperlab search``, ``paperlab list``) and the side panel
    see only the store. To keep them there: ``paperlab import FILE`` in a terminal, or
    ``paperlab.open_store().upsert_papers(lib)`` in Python (a reading list: ``paperlab.reading_list().add(paper)``).

    Parameters
    ----------
    *paths : str or Path, or lists of them
        Files to read (``load("a.bib", "b.ris")`` or ``load(["a.bib", "b.ris"])``); the papers of all of them are
        merged into one Library.
    format : str, optional
        Force a format (a key of :data:`FORMATS`) instead of detecting it.
    **options
        Passed to every reader that accepts them, e.g. ``reference_date`` (a date or ISO text; anything else is a
        ParseError) for saved Hugging Face pages and schedules.

    Returns
    -------
    Library

    Raises
    ------
    ParseError
        When a file is missing, unreadable or in no known format. Of several files, one that cannot be read is
        skipped and named in a :class:`~paperlab.errors.PartialImportWarning` (the file and why), and every other
        file's papers are kept; the error is raised only when no file could be read. Partial imports of one file
        warn likewise and keep every good record.

    Warns
    -----
    PartialImportWarning
        Records (or files) skipped, each named with why; the good ones are kept.
    MergedRecordsWarning
        Records of a bibliography (BibTeX, RIS, Web of Science, CSL-JSON, a paper list) that are one work read
        under two entries were merged into one paper: each merge named (titles, citation keys, where each was
        read); ``Library.merges`` lists them.
    """
    files = _flat_paths(paths)
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of {sorted(FORMATS)}")
    as_date(options.get("reference_date"), "reference_date")  # a bad one refused whatever reader would read the file
    lib = Library()
    failed: list[ParseError] = []
    for p in files:
        try:
            papers = _read_file(Path(p), format, options)
        except ParseError as exc:
            if len(files) == 1:
                raise
            failed.append(exc)
            continue
        before = len(lib.merges)
        lib.extend(papers)
        if len(lib.merges) > before and any(s.name in _BIBLIOGRAPHIES for x in papers for s in x.sources[-1:]):
            warn_partial(MergedRecordsWarning(str(p), lib.merges[before:]))  # a user's two entries: said, not silent
    if failed and len(failed) == len(files):
        raise ParseError(
            f"none of the {len(files)} files could be read; first: {failed[0]}",
            problems=[_as_problem(exc) for exc in failed],
        )
    if failed:
        label = f"paperlab.load of {len(files)} files"
        warn_partial(PartialImportWarning(label, [_as_problem(exc) for exc in failed], kept=len(lib)))
    return lib


def _as_problem(exc: ParseError) -> ImportProblem:
    """A file that could not be read, as one skipped record of a load of several files."""
    return ImportProblem(exc.source or "", exc.where or "", exc.message)


def _read_file(path: Path, format: str | None, options: dict[str, Any]) -> list[Paper]:
    """The papers of one file; a markdown file in no layout detection saw names every layout paperlab reads."""
    if not path.exists():
        raise file_not_found(path)
    fmt = format or detect_format(path)
    reader = _reader(fmt)
    accepted = inspect.signature(reader).parameters
    generic = format is None and fmt in _MARKDOWN_READERS and path.suffix.lower() in _MARKDOWN_SUFFIXES
    try:
        with warnings.catch_warnings(record=generic) as caught:
            if generic:  # held until it is known whose papers are kept
                warnings.simplefilter("always")
            papers = reader(path, **{k: v for k, v in options.items() if k in accepted})
    except ParseError as exc:
        no_paper = _read_no_paper(fmt, exc)
        if not generic and not no_paper:
            raise
        found = _generic_papers(path, _text_of(path), 0, id_less=not no_paper) if generic else None
        if found is not None:
            return found
        if no_paper:  # meetings and no paper: none loaded, the user told how many and how to read them
            warn_partial(MeetingsOnlyWarning(str(path), exc.message, getattr(exc, "meetings", None)))
            return []
        raise ParseError(
            _no_papers(fmt, exc.message), source=exc.source, where=exc.where, problems=exc.problems
        ) from None
    # a schedule read keeps its meetings' dates and presenters: the finder backs up only a refused one
    # (rows a layout reader skipped and reported count as read: the finder does not bring them back)
    skipped = [p for w in caught or [] if isinstance(w.message, PartialImportWarning) for p in w.message.problems]
    seen = len(papers) + len(skipped)
    if not generic or fmt == "schedule":
        _warn_again(caught)
        return papers
    text = _text_of(path)  # read once, and by the finder once for both its looks (ids; beside the layout)
    looks = _finder_looks(path, text, len(papers) == 1) if seen else None  # one paper's notes: named in passing too
    found = _generic_papers(path, text, seen, looked=looks[:2] if looks else None)
    if found is not None:
        return found
    _warn_again(caught)
    if looks:
        from ._beside_layout import papers_outside_the_layout

        return papers + papers_outside_the_layout(path, text, papers, fmt, {p.where for p in skipped}, looks[2])
    return papers


def _finder_looks(path: Path, text: str, note: bool) -> tuple[list[Paper], list[ImportProblem], list[Paper]]:
    from ._mentions import find_papers_both

    return find_papers_both(text, str(path), in_passing=note)


def _warn_again(caught: list[warnings.WarningMessage] | None) -> None:
    """The layout reader's warnings, held while the finder's answer was not known, given at the caller."""
    for held in caught or []:
        warn_partial(held.message if isinstance(held.message, Warning) else UserWarning(held.message))


def _text_of(path: Path) -> str:
    from ._files import read_text

    return read_text(path)


# the readers of markdown files whose layout the generic paper finder backs up, and the files it reads
_MARKDOWN_READERS = frozenset(["dailyarxiv", "paper_list", "schedule"])
_MARKDOWN_SUFFIXES = frozenset([".md", ".markdown", ".html", ".htm"])


def _read_no_paper(fmt: str, exc: ParseError) -> bool:
    """Whether a schedule reader read the file's meetings and found that they name no paper: the finder then reads
    no title-like line of them as a paper (it was the reader's to judge), only ids and paper addresses."""
    from .schedule import NAMES_NO_PAPER

    return fmt == "schedule" and exc.message.startswith(NAMES_NO_PAPER.split(" (", 1)[0])


def _generic_papers(
    path: Path,
    text: str,
    layout_found: int,
    id_less: bool = True,
    looked: tuple[list[Paper], list[ImportProblem]] | None = None,
) -> list[Paper] | None:
    """The papers the generic paper finder reads in a markdown file, when its layout reader found none or fewer
    than half as many (``layout_found``: it misread the layout); None otherwise. They are reported as found by
    it, with the lines it skipped, in a :class:`~paperlab.errors.PartialImportWarning` (none skipped: a
    ``FoundByFinderWarning``). ``id_less``: also lines without an id that read as titles (only when no layout
    reader found papers); ``looked``: the finder's papers and problems when it has read the file already."""
    from ..errors import FoundByFinderWarning
    from ._mentions import find_papers

    # beside a layout reader that found papers, only papers named by an id or a paper's address count; it takes
    # over only when the reader read fewer than half of those (it misread the layout; else its papers stand)
    papers, skipped = looked or find_papers(text, str(path), id_less=id_less and not layout_found)
    if len(papers) <= 2 * layout_found or not papers:
        return None
    how = "in no layout paperlab knows" if not layout_found else f"its layout reader found {layout_found}"
    label = f"{path} (read by the generic paper finder, {how}; titles are the text nearest each paper's id)"
    kept = len(papers)  # a plain success is no partial import
    warn_partial(PartialImportWarning(label, skipped, kept) if skipped else FoundByFinderWarning(label, kept))
    return papers


# what a markdown file was read as, for the error that says no paper was found in it
_READ_AS = {
    "dailyarxiv": "a DailyArXiv-style README",
    "paper_list": "a paper list",
    "schedule": "a reading-group schedule",
}
# the layouts of markdown files paperlab reads, shortened (the readers' own errors give each one in full)
_KNOWN_LAYOUTS = (
    "DailyArXiv-style tables ('| **Title** | **Date** | ...', '|Publish Date|Title|Authors|PDF|Code|', HTML tables), "
    "paper cards, nested-bullet digests or a heading per paper; reading-group schedules ('schedule', Schedule.from_file); session notes ('session', "
    "Session.from_file); paper lists ('paper_list'); paperlab markdown cards ('markdown_cards'); to read it as one "
    "of them or as another format (bibtex, ris, csl, ...): format= (paperlab import --format; --help lists them)"
)


def _no_papers(fmt: str, reason: str) -> str:
    """The short error for a markdown file in which neither its layout reader nor the generic paper finder found a
    paper: what it was read as, the reader's reason (without its catalogue) and the layouts known, shortened."""
    reason = reason.split(": expected", 1)[0].split("; ", 1)[0][:160]
    return (
        f"no papers found; read as {_READ_AS.get(fmt, fmt)} ({reason}) and by the generic paper finder (no arXiv "
        f"id, DOI, paper link or list of titles)\nlayouts known: {_KNOWN_LAYOUTS}"
    )
