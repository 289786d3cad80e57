"""IPython magics: ``%papers``, ``%paper``, ``%readinglist`` (the list as the side panel shows it), ``%bibliography``
(the papers a notebook cites) and ``%%papers``.

Load them with ``%load_ext paperlab``. Loading imports nothing heavy: the widget,
the search engine and the sources are imported when a magic first runs.
"""

from __future__ import annotations

import dataclasses
import html
import linecache
import re
import sys
import textwrap
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from IPython.core.magic import Magics, cell_magic, line_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring

from .errors import (
    FoundByFinderWarning,
    MergedRecordsWarning,
    NotFound,
    PaperlabError,
    ParseError,
    PartialImportWarning,
    SourcesUnreachableWarning,
    UsageError,
)

if TYPE_CHECKING:
    from .library import Library
    from .services.listview import ReadingListView
    from .widget import PaperCards

__all__ = ["PaperlabMagics", "load_ipython_extension"]


def _library_from_source(
    source: str, query: str, k: int | None, reference_date: str | None = None
) -> tuple[Library, bool]:
    """The library named by ``--source`` and whether it becomes the active library."""
    if source == "arxiv":
        if not query:
            raise UsageError("%papers --source arxiv needs a QUERY to search arXiv for")
        from .sources.arxiv import search_arxiv

        return search_arxiv(query, max_results=k or 25), True
    if source == "hf":
        from .library import Library
        from .sources.hf import HfDailyPapersClient

        with HfDailyPapersClient() as client:
            papers = client.trending(limit=k or 50)
        lib = Library(papers, name="Hugging Face trending")
        return lib, True
    if (
        source == "store" and not Path(source).exists()
    ):  # what `paperlab import` saved, as `paperlab feed --from-library` takes it
        from .store import open_store

        store = open_store()
        return store.papers(), True
    if source.startswith("list:"):
        from .store import open_store

        name = source[len("list:") :].strip() or "default"
        store = open_store()
        if name not in store.lists():
            raise NotFound(f"no reading list named {name!r}; lists in the store: {', '.join(store.lists()) or 'none'}")
        return store.reading_list(name).to_library(), False
    from .sources import load

    if not Path(source).exists() and "://" not in source:
        raise UsageError(
            f"--source {source!r}: no such file in {Path.cwd()}; expected a FILE (any format paperlab.load reads), "
            "arxiv, hf, store (your stored papers) or list:NAME (a reading list)"
        )
    return load(source, **({"reference_date": reference_date} if reference_date else {})), True


#: What a user types for a magic's options.
_HELP = ("--help", "-h")
#: The end of ``%papers --help``: the other magics, one line each.
OTHER_MAGICS = """
Other magics (each takes --help):
  %paper ID                  one paper as a card (arXiv id or URL, DOI, stored id, BibTeX key)
  %%papers                   a cell of ids, URLs or DOIs, one per line, as cards
  %readinglist [NAME]        a reading list as the side panel shows it
  %bibliography [NOTEBOOK]   the papers this notebook cites (--bibtex / --csl to export them)
  %feed [--since yesterday]  today's new papers ranked by your reading lists
"""
READINGLIST_HELP = """%readinglist [NAME]

Show the reading list NAME (default: "default") as the side panel does: one row per paper with its status, tags
and note. A snapshot: a saved notebook keeps what the list held. paperlab.reading_list(NAME) gives the list itself
(add, set_status, to_bibtex); .to_library().cards() shows its papers as cards.
"""


def _usage(magic: Any) -> str:
    """The ``--help`` text of a magic with arguments, without the reST marks of its docstring (IPython's leading
    ``::``, double backquotes, ``:func:`` roles) that print as they are."""
    text = magic.parser.format_help()
    usage, _, rest = text.removeprefix("::").lstrip("\n").partition("\n\n")
    return textwrap.dedent(usage) + "\n\n" + re.sub(r":\w+:`([^`]+)`", r"\1", rest.replace("``", ""))


@magics_class
class PaperlabMagics(Magics):
    """The paperlab magics; each shows :class:`~paperlab.widget.PaperCards` and returns it (``%readinglist``: a
    :class:`~paperlab.services.listview.ReadingListView`)."""

    @magic_arguments()
    @argument(
        "query",
        nargs="*",
        help="search these papers for QUERY (ranked, with scores); a first word 'search', as `paperlab search "
        "QUERY` takes it, is not searched for (quote the query to keep it: %%papers 'search engines')",
    )
    @argument(
        "--source",
        "-s",
        default=None,
        help="FILE (any format paperlab.load reads), arxiv, hf, store (your stored papers: what `paperlab import` "
        "saved) or list:NAME (a reading list)",
    )
    @argument("-k", type=int, default=None, help="number of results (default 50; arxiv 25)")
    @argument("--mode", "-m", default="hybrid", choices=("hybrid", "semantic", "lexical"), help="search mode for QUERY")
    @argument(
        "--reference-date",
        metavar="YYYY-MM-DD",
        default=None,
        help="the day FILE was saved or written, for its dates without a year: a saved Hugging Face page, a "
        "reading-group schedule's 'Friday, June 30' (default: inferred from the page, else today)",
    )
    @line_magic
    def papers(self, line: str = "") -> PaperCards | None:
        """Show papers as cards: the active library, a search of it, a file, arXiv, HF or a reading list.

        The active library is the last library shown as cards (``%papers --source``,
        ``Library.cards()``, ``PaperCards(...)``), or the bundled demo corpus when none was.
        """
        if line.strip() in _HELP:  # what a newcomer types (IPython's own is %papers?)
            print(_usage(self.papers) + OTHER_MAGICS)
            return None
        try:
            args = parse_argstring(self.papers, line)
        except Exception as exc:  # UsageError from argparse: show it like IPython does, and where the options are
            print(f"%papers: {exc} (see %papers --help)", file=sys.stderr)
            return None
        words = args.query[1:] if args.query[:1] == ["search"] and len(args.query) > 1 else args.query
        query = " ".join(words).strip().strip("'\"")  # "search X", the CLI's habit, searches for X
        from .widget import PaperCards, active_library

        try:
            if args.source:
                library, activate = _library_from_source(args.source, query, args.k, args.reference_date)
                if args.source in ("arxiv",):
                    query = ""  # arXiv already searched for it
            else:
                library, activate = active_library(), False
                _say_demo_over(self.shell, library)
            if query:
                from .search import search_library

                k = args.k or 50
                if activate:
                    from .widget import set_active_library

                    set_active_library(library)
                results = search_library(library, query, k=min(k, len(library)) or 1, mode=args.mode)
                return PaperCards(results, search_mode=args.mode)
            if args.k and not args.source:
                library = library[: args.k]
            return PaperCards(library, activate=activate, search_mode=args.mode)
        except Exception as exc:
            _report("%papers", exc)
            return None

    @magic_arguments()
    @argument("ref", help="arXiv id or URL, DOI, Hugging Face URL, a stored id or a BibTeX citation key")
    @line_magic
    def paper(self, line: str = "") -> PaperCards | None:
        """Show one paper as a card (``paperlab.paper(ID)``: from the store, fetched when absent)."""
        ref = line.strip()
        if ref in _HELP:
            print(_usage(self.paper))
            return None
        if not ref:
            print("%paper: expected a paper id, URL or DOI", file=sys.stderr)
            return None
        from .store import paper
        from .widget import PaperCards

        try:
            return PaperCards([paper(ref)], activate=False)
        except Exception as exc:
            _report("%paper", exc)
            return None

    @line_magic
    def readinglist(self, line: str = "") -> ReadingListView | None:
        """Show a reading list as the side panel does (``%readinglist [NAME]``, default ``default``).

        One row per paper with its status, tags and note (HTML, and markdown in static exports); a
        snapshot, so a saved notebook keeps what the list held. ``.to_library().cards()`` gives cards.
        """
        from .services.listview import ReadingListView
        from .store import open_store

        if line.strip() in _HELP:
            print(READINGLIST_HELP)
            return None
        name = line.strip() or "default"
        try:
            store = open_store()
            if name not in store.lists():
                raise NotFound(
                    f"no reading list named {name!r}; lists in the store: {', '.join(store.lists()) or 'none'}"
                )
            return ReadingListView(name, store.reading_list(name).entries())
        except Exception as exc:
            _report("%readinglist", exc)
            return None

    @magic_arguments()
    @argument("notebook", nargs="?", default=None, help="the notebook (default: this kernel's, when Jupyter says)")
    @argument("--list", "-l", dest="reading_list", default=None, help="the reading list whose statuses to show")
    @argument("--bibtex", dest="fmt", action="store_const", const="bibtex", help="print (or write) BibTeX")
    @argument("--csl", dest="fmt", action="store_const", const="csl", help="print (or write) CSL-JSON")
    @argument("--output", "-o", default=None, help="write the BibTeX / CSL-JSON to this file")
    @line_magic
    def bibliography(self, line: str = "") -> Any:
        """The papers this notebook cites through paperlab cards or ``paperlab.paper(...)`` calls, with their reading
        status (:func:`paperlab.citations.bibliography`); ``--bibtex`` / ``--csl`` export them."""
        if line.strip() in _HELP:
            print(_usage(self.bibliography))
            return None
        try:
            args = parse_argstring(self.bibliography, line)
        except Exception as exc:  # UsageError from argparse: show it like IPython does
            print(f"%bibliography: {exc}", file=sys.stderr)
            return None
        from .citations.bibliography import bibliography_magic

        try:
            ns = self.shell.user_ns if self.shell is not None else None
            return bibliography_magic(
                args.notebook, reading_list=args.reading_list, fmt=args.fmt, output=args.output, user_ns=ns
            )
        except Exception as exc:
            _report("%bibliography", exc)
            return None

    @line_magic
    def feed(self, line: str = "") -> Any:
        """Today's feed ranked by your reading lists, with reasons (``%feed [--since yesterday] [--offline]``)."""
        from .feed.magic import feed_help, feed_magic
        from .services.activelib import chosen_library

        if line.strip() in _HELP:
            print(feed_help())
            return None
        try:
            with warnings.catch_warnings():  # the feed's cards say which sources were unreachable: said once
                warnings.simplefilter("ignore", SourcesUnreachableWarning)
                return feed_magic(line, library=chosen_library())
        except Exception as exc:
            _report("%feed", exc)
            return None

    @cell_magic("papers")  # type: ignore[arg-type]
    def papers_cell(self, line: str, cell: str) -> PaperCards | None:
        """Show the papers named in the cell, one arXiv id, URL or DOI per line (``#`` starts a comment)."""
        from .library import Library
        from .store import paper
        from .widget import PaperCards

        found = Library(name="%%papers")
        for n, text in enumerate(cell.splitlines(), 1):
            ref = text.split("#", 1)[0].strip()
            if not ref:
                continue
            try:
                found.add(paper(ref))
            except Exception as exc:  # keep every paper that was found; say which lines were not
                print(f"%%papers: line {n} ({ref!r}): {exc}", file=sys.stderr)
        return PaperCards(found, activate=False)


def _say_demo_over(shell: Any, library: Library) -> None:
    """When ``%papers`` falls back to the demo corpus although the notebook holds libraries of its own (``lib =
    paperlab.load(...)``, never shown as cards), say so in one line, naming them and how to search one instead."""
    from .library import Library
    from .services.activelib import chosen_library

    if chosen_library() is not None or library.name != "demo" or shell is None:
        return
    names = [n for n, v in shell.user_ns.items() if isinstance(v, Library) and not n.startswith("_") and len(v)]
    if not names:  # papers the user imported with the CLI are in the store, not the demo
        from .store import open_store

        stored = open_store().count()
        if stored:
            print(
                f"%papers: this is the bundled demo corpus ({len(library)} papers); your store holds {stored} "
                "papers: %papers --source store shows them"
            )
        return
    if names:
        shown = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
        print(
            f"%papers: this is the bundled demo corpus ({len(library)} papers), not {shown}: show yours first "
            f"({names[0]}.cards()), then %papers searches it"
        )


def _report(magic: str, exc: Exception) -> None:
    """Show a paperlab error as one line instead of a traceback (other errors propagate)."""
    if isinstance(exc, (PaperlabError, ValueError, OSError)):
        print(f"{magic}: {exc}", file=sys.stderr)
        return
    raise exc


def load_ipython_extension(ipython: Any) -> None:
    """Register :class:`PaperlabMagics` with ``ipython`` (``%load_ext paperlab``), and show the merges
    :func:`paperlab.load` reports as a note instead of a red warning (:func:`show_merges_as_notes`)."""
    ipython.register_magics(PaperlabMagics)
    show_merges_as_notes()


def show_merges_as_notes() -> None:
    """Show the reports of :func:`paperlab.load` that inform rather than warn as a readable note in a notebook (not
    a red stderr box), once per file and calling line: re-running a cell that re-reads a file says nothing more.
    They are :class:`~paperlab.errors.MergedRecordsWarning` (records of one work merged; ``Library.merges`` still
    lists them) and :class:`~paperlab.errors.FoundByFinderWarning` (a file read by the generic paper finder, every
    paper kept). A :class:`~paperlab.errors.PartialImportWarning` shows each time as a warning box: the file once,
    one line per bad record (where, what was wrong) and what to do, not one long red line; a
    :class:`~paperlab.errors.SourcesUnreachableWarning` (a feed made offline) as a warning box too. Other warnings
    show as before; a ``warnings.catch_warnings(record=True)`` block still records the warning itself. A paperlab
    error shows as its message, not a traceback (:func:`show_errors_briefly`)."""
    show_errors_briefly()
    shown = warnings.showwarning
    if getattr(shown, "paperlab_notes", False):
        return
    said: set[tuple[str, str]] = set()

    def show(message: Any, category: Any, filename: str, lineno: int, file: Any = None, line: Any = None) -> None:
        if isinstance(message, (PartialImportWarning, SourcesUnreachableWarning)) and file is None:
            from IPython.display import display

            box = _partial_note(message) if isinstance(message, PartialImportWarning) else _note(str(message), [], True)
            display(box, raw=True)
            return
        if not isinstance(message, (MergedRecordsWarning, FoundByFinderWarning)) or file is not None:
            shown(message, category, filename, lineno, file, line)
            return
        called = (line or linecache.getline(filename, lineno)).strip() or f"{filename}:{lineno}"
        key = (f"{Path(message.source).resolve()}\n{message}", called)
        if key not in said:
            said.add(key)
            from IPython.display import display

            note = _merge_note(message) if isinstance(message, MergedRecordsWarning) else _finder_note(message)
            display(note, raw=True)

    show.paperlab_notes = True  # type: ignore[attr-defined]
    warnings.showwarning = show


def show_errors_briefly() -> None:
    """In IPython, a paperlab error (:class:`~paperlab.errors.PaperlabError`: a file that cannot be read, a paper
    not found, a wrong argument) shows as its message, the line of the user's cell that raised it and what to do,
    not as a traceback through paperlab's own modules: the user's mistake is in their file or their call, not in
    paperlab. The full traceback stays one ``%tb`` away; every other error shows as before."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return
    shell = get_ipython()
    if shell is None or PaperlabError in getattr(shell, "custom_exceptions", ()):
        return

    def brief(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None) -> list[str]:
        sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb  # what %tb shows
        if sys.version_info >= (3, 12):
            sys.last_exc = value
        stb = _brief_error(shell, value, tb)
        shell._showtraceback(etype, value, stb)  # the kernel's error reply: the cell failed, "Run all" stops
        return stb

    shell.set_custom_exc((PaperlabError,), brief)


def _brief_error(shell: Any, exc: BaseException, tb: Any) -> list[str]:
    """The lines a paperlab error shows: its type and message, the user's line that raised it, what to do."""
    import traceback

    lines = [f"\x1b[31m{type(exc).__name__}\x1b[39m: {exc}"]
    here = Path(__file__).resolve().parent
    called = [f for f in traceback.extract_tb(tb) if not Path(f.filename).resolve().is_relative_to(here)]
    if called:
        frame = called[-1]
        cell = shell.compile.format_code_name(frame.filename) if hasattr(shell, "compile") else None
        where = f"{cell[0]} {cell[1]}, line {frame.lineno}" if cell else f"{frame.filename}, line {frame.lineno}"
        lines.append(f"  raised by {where}: {(frame.line or '').strip()}")
    todo = _what_to_do(exc)
    if todo:
        lines.append(f"  What to do: {todo}")
    lines.append("  (%tb shows the full traceback)")
    return lines


def _what_to_do(exc: BaseException) -> str:
    """What to do about a paperlab error, where its message does not say it already."""
    if isinstance(exc, ParseError) and exc.source and exc.where and "format=" not in str(exc):
        return f"correct {Path(exc.source).name} at {exc.where} (the message says what was expected), then run the cell again."
    return ""


def _note(head: str, lines: list[str], warn: bool = False, tail: str = "") -> dict[str, str]:
    """A note (``warn``: a warning) as text and as HTML (every line escaped), in the theme's colours; ``tail`` a last
    line under the list (what to do)."""
    sign, colour = ("⚠", "var(--jp-warn-color1)") if warn else ("ℹ", "var(--jp-brand-color1)")
    text = "\n".join(
        [f"{sign} {head}" + (":" if lines else ""), *(f"  • {x}" for x in lines), *([tail] if tail else [])]
    )
    items = "".join(f"<li>{html.escape(x)}</li>" for x in lines)
    page = (
        f'<div class="paperlab-{"warning" if warn else "note"}" style="color:var(--jp-ui-font-color1);'
        f"background:var(--jp-layout-color2);border-left:3px solid {colour};padding:4px 8px;"
        'font-size:var(--jp-ui-font-size1)">'
        f"{sign} {html.escape(head)}"
        + (f":<ul style='margin:2px 0 0 0;padding-left:18px'>{items}</ul>" if lines else "")
        + (f"<div>{html.escape(tail)}</div>" if tail else "")
        + "</div>"
    )
    return {"text/plain": text, "text/html": page}


#: How many bad records a partial import's box lists (the warning's ``problems`` holds them all).
_SHOWN_PROBLEMS = 12


def _partial_note(w: PartialImportWarning) -> dict[str, str]:
    """A partial import as a warning box: the file's name once, then one line per record that was skipped or kept
    in part (where in the file, what was wrong), then what to do."""
    name = Path(w.source).name if Path(w.source).is_file() else w.source  # "paperlab.load of 3 files", a URL: whole
    skipped = [p for p in w.problems if getattr(p, "skipped", True)]
    kept = re.match(r"kept (\d+ [^,;:]+)", str(w)[len(w.source) + 2 :])
    said = [f"kept {kept.group(1) if kept else w.kept}"] + ([f"skipped {len(skipped)}"] if skipped else [])
    if len(skipped) < len(w.problems):
        said.append(f"{len(w.problems) - len(skipped)} kept in part")
    lines = []
    for p in w.problems[:_SHOWN_PROBLEMS]:
        where = ", ".join(x for x in (Path(p.source).name if p.source != w.source else "", p.where) if x)
        state = "skipped" if getattr(p, "skipped", True) else "kept in part"
        lines.append(f"{state} — {where + ': ' if where else ''}{p.message}")
    if len(w.problems) > _SHOWN_PROBLEMS:
        lines.append(f"… and {len(w.problems) - _SHOWN_PROBLEMS} more (the warning's .problems lists them all)")
    files = any(p.source != w.source for p in w.problems)
    if files:
        tail = "To read them, fix the paths or files named and load again."
    else:  # records kept in part: each line says what was left out
        tail = f"To keep the skipped ones, correct them in {name} and load it again." if skipped else ""
    return _note(f"{name}: {', '.join(said)}", lines, warn=True, tail=tail)


def _by_work(merges: list[Any]) -> list[Any]:
    """One merge per work: a work read under three entries is two merges of two records into one paper, joined here
    (their keys, titles and places in order), so a note counts works, not merges ("3 works listed twice" was 2)."""
    works: dict[str, Any] = {}
    for m in merges:
        into = next((k for k, w in works.items() if m.into in (k, w.merged) or m.merged in (k, w.merged)), None)
        if into is None:
            works[m.into] = m
            continue
        w = works[into]
        works[into] = dataclasses.replace(
            w,
            keys=tuple(dict.fromkeys(w.keys + m.keys)),
            titles=tuple(dict.fromkeys(w.titles + m.titles)),
            places=tuple(dict.fromkeys(w.places + m.places)),
        )
    return list(works.values())


def _listed(works: list[Any]) -> str:
    """'1 work listed twice', '2 works listed twice each', '1 work listed 3 times', '3 works listed more than once'."""
    times = {max(len(w.places), len(w.keys), 2) for w in works}
    said = "more than once" if len(times) > 1 else {2: "twice"}.get(next(iter(times)), f"{next(iter(times))} times")
    if len(works) == 1:
        return f"1 work listed {said}"
    return f"{len(works)} works listed {said}" + (" each" if len(times) == 1 else "")


def _merge_note(w: MergedRecordsWarning) -> dict[str, str]:
    """The note of one file's merges: each work's title, its keys and where its records were read."""
    works = _by_work(list(w.merges))
    head = f"{Path(w.source).name}: {_listed(works)}, merged into one paper each"
    lines = []
    for m in works:
        title = next(iter(m.titles), m.into)
        keys = f" — keys {', '.join(m.keys)}" if len(m.keys) > 1 else ""
        where = _key_lines(m, {w.source, Path(w.source).name}) or " and ".join(p for p in m.places if p)
        lines.append(f"{title}{keys}" + (f" ({where})" if where else ""))
    return _note(f"{head} (lib.merges lists them)", lines)


def _key_lines(m: Any, files: set[str]) -> str:
    """'line 19 and line 29' when each place is this file's 'FILE, KEY, line N' of one of the merge's keys: the file
    is the note's heading and the keys are listed before ('mine.bib, a, line 19 and mine.bib, b, line 29' said both
    again); '' for any other place (several files, a record without a key), said whole as before."""
    said = []
    for place in m.places:
        parts = place.split(", ")
        if len(parts) < 3 or parts[0] not in files or parts[1] not in m.keys:
            return ""
        said.append(", ".join(parts[2:]))
    if len(said) < 2 or len(m.keys) < 2:
        return ""
    return ", ".join(said[:-1]) + " and " + said[-1]


def _finder_note(w: FoundByFinderWarning) -> dict[str, str]:
    """The note of a file read by the generic paper finder (the message, with the file's name for its path)."""
    return _note(str(w).replace(w.source, Path(w.source).name, 1), [])
