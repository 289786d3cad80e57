"""The ``paperlab`` command line.

Examples
--------
::

    paperlab import ~/Downloads/refs.bib digest.md
    paperlab list --list default
    paperlab search "contrastive learning without negative pairs"
    paperlab fetch arxiv "all:diffusion AND cat:cs.CV" --max 20
    paperlab export bibtex --list default -o reading.bib
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

from .._version import __version__
from ..errors import FetchError, MergedRecordsWarning, PaperlabError, PartialImportWarning, UsageError
from ..library import Library
from ..services.paperref import Resolver, library_resolver, paper_ref, store_resolver
from ..text import plural
from .embed import add_embed_parser
from .feed import add_feed_parser
from .search import add_search, positive_int
from .show import add_show
from .split import add_split_parser
from .store import add_store_parser
from .table import REF_CAP, ExamplesHelpFormatter, table_lines, unknown_arguments, unknown_option_first

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["main"]

#: ``Paper.extra["found_by"]`` of the papers the generic paper finder read in a markdown file.
GENERIC_FINDER = "generic paper finder"

EXPORT_FORMATS = ("bibtex", "ris", "csljson", "markdown", "json", "jsonl", "dailyarxiv")
_EXPORT_ALIASES = {"csl": "csljson", "csl-json": "csljson"}  # what the side panel's "CSL-JSON" button writes
#: The format an output file's name says when no format is given (".json" is two: csljson or paperlab's json).
_EXPORT_SUFFIXES = {".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris", ".md": "markdown", ".jsonl": "jsonl"}


class CliError(UsageError):
    """A wrong command line (a :class:`~paperlab.errors.UsageError`): printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr (exit status 2), not usage + error."""

    def error(self, message: str) -> NoReturn:
        if message.endswith("required: COMMAND"):  # `paperlab` alone: which commands there are
            commands = [c for a in self._actions if isinstance(a, argparse._SubParsersAction) for c in a.choices]
            message = f"a COMMAND is needed: {', '.join(commands)}"
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _existing_list(store: Store, name: str) -> Any:
    """The reading list ``name`` (never created by a command that only reads it)."""
    if name not in store.lists():
        known = ", ".join(repr(n) for n in store.lists()) or "none yet"
        raise CliError(f"no reading list named {name!r}; existing: {known}")
    return store.reading_list(name, create=False)


def _store() -> Store:
    """The default store: ``$PAPERLAB_STORE`` (a file path or a ``postgresql://`` URL), else
    ``$PAPERLAB_HOME/paperlab.sqlite3``; changes are recorded as ``$PAPERLAB_USER`` or the OS user."""
    from ..store import open_store

    return open_store()


def _print_papers(
    papers: Library, *, scores: Sequence[float] | None = None, out: TextIO | None = None, resolves: Resolver
) -> None:
    out = out or sys.stdout
    rows = []
    for i, p in enumerate(papers):
        # every paper has a reference that names it (`paperlab show REF`, `paperlab.paper("REF")`): its arXiv id,
        # DOI, citation key, else paperlab's title: id; the date as precise as its source gave it ("2017"), "?"
        # when its year was inferred
        date = (p.date_text or "-") + ("?" if p.published and p.date_inferred else "")
        score = [f"{scores[i]:6.3f}"] if scores is not None else []
        rows.append([*score, paper_ref(p, resolves), date, p.shown_title])
    for line in table_lines(rows, caps=[6] * (scores is not None) + [REF_CAP, 11]):
        print(line, file=out)


# -- commands -------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from ..errors import ParseError
    from ..sources import FORMATS, file_not_found

    if args.format is not None and args.format not in FORMATS:
        raise CliError(f"unknown --format {args.format!r}; the formats are: {_format_names()}")
    for path in args.files:  # a mistyped name: a usage error before anything is imported
        if not Path(path).exists():
            raise CliError(str(file_not_found(path)))
        if Path(path).is_dir():  # "cannot read file: Is a directory" said what, not what to do
            raise CliError(f"{path} is a folder: name the files in it, e.g. paperlab import {Path(path) / '*.bib'}")
    store = _store()
    total, failed, before = 0, [], store.count()
    for path in args.files:
        try:
            lib, fmt, skipped = _import_one(path, args)
        except ParseError as exc:  # the other files are still imported; this one is named with the reason
            said = _one_line(exc).replace("pass format= to choose", "pass --format FORMAT (see --help) to choose")
            if len(args.files) == 1:
                print(f"paperlab: error: {said}", file=sys.stderr)
                return 1
            print(f"paperlab: error: {said} (not imported)", file=sys.stderr)
            failed.append(path)
            continue
        store.upsert_papers(lib)
        if args.list:
            rl = store.reading_list(args.list)
            for p in lib:
                rl.add(p)
        total += len(lib)
        # a partial import says so on its own line too: the skipped records were named on stderr above
        said = f"; {plural(skipped, 'record')} skipped (named above)" if skipped else ""
        print(f"{path}: imported {plural(len(lib), 'paper')} ({fmt}){said}")
    where = f" and reading list {args.list!r}" if args.list else ""
    new = store.count() - before
    if new == total:
        print(f"{plural(total, 'paper')} in total added to {store.location}{where}")
    else:  # "9 added" then `paperlab list` showing 7 would leave the user counting
        known = total - new
        print(
            f"{plural(total, 'paper')} read: {new} new in {store.location}{where}, {known} already there or merged with "
            "another record of the same paper"
        )
    if failed:
        print(f"paperlab: {plural(len(failed), 'file')} could not be read: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


def _import_one(path: str, args: argparse.Namespace) -> tuple[Library, str, int]:
    """One file's papers, the reader that read them and how many records it skipped; its warnings (skipped records,
    doubtful ids, what the generic paper finder did), one line each naming the file, and its merges reported on
    stderr."""
    skipped = 0
    from ..sources import detect_format, load

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)  # every warning the Python API shows, each time
        options = {"reference_date": args.reference_date} if args.reference_date else {}
        lib = load(path, format=args.format, **options)  # as paperlab.load reads it: detection and its fallbacks
        fmt = args.format or detect_format(path)
    for w in caught:
        if isinstance(w.message, PartialImportWarning) and w.message.problems:
            for problem in w.message.problems:  # a record kept without a field it could not read is no skip
                skipped += bool(problem.skipped)
                print(f"paperlab: {'skipped' if problem.skipped else 'kept in part:'} {problem}", file=sys.stderr)
        elif isinstance(w.message, MergedRecordsWarning):
            continue  # said below, one merge a line
        elif issubclass(w.category, UserWarning):  # library deprecations stay hidden, as Python hides them
            text = _one_line(w.message)
            hint = "paperlab.Schedule.from_file(path).meetings reads them"  # MeetingsOnlyWarning's, said for a shell
            text = text.replace(hint, f"no paper imported (in Python, {hint.replace('(path)', f'({path!r})')})")
            print(f"paperlab: warning: {text if path in text else f'{path}: {text}'}", file=sys.stderr)
    for merge in lib.merges:  # duplicates in the file: one paper each, reported
        print(f"paperlab: {merge}", file=sys.stderr)
    return lib, _reader_label(lib, fmt, path), skipped


#: What a file was read as, in a reader's terms (``paperlab import``'s "imported 2 paper(s) (BibTeX)"), by the format
#: ``paperlab.load`` detected (the name ``--format`` / ``format=`` takes).
READ_AS = {
    "hf_page": "saved Hugging Face papers page",
    "dailyarxiv": "markdown paper table",
    "arxiv_atom": "arXiv Atom feed",
    "arxiv_rss": "arXiv RSS listing",
    "arxiv_oai": "arXiv OAI-PMH records",
    "openalex": "OpenAlex JSON",
    "kaggle": "Kaggle arXiv metadata",
    "hf_json": "Hugging Face daily papers JSON",
    "semantic_scholar": "Semantic Scholar JSON",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "wos": "Web of Science export",
    "csl": "CSL-JSON",
    "zotero_json": "Zotero JSON",
    "json": "paperlab JSON",
    "json_list": "JSON list of papers",
    "jsonl": "paperlab JSON lines",
    "csv": "CSV table",
    "markdown_cards": "paperlab markdown cards",
    "schedule": "reading-group schedule",
    "paper_list": "markdown paper list",
    "session": "session notes",
}


def _reader_label(lib: Library, fmt: str, path: str) -> str:
    """What the file was read as (:data:`READ_AS`): a markdown file with no paper table that the table reader read
    anyway is notes, and the generic paper finder is named where it read the papers (a markdown file in no layout
    paperlab knows) or found more beside the layout."""
    from ..sources.dailyarxiv import has_paper_table

    read_as = READ_AS.get(fmt, fmt)
    if fmt == "dailyarxiv" and not has_paper_table(Path(path).read_text(encoding="utf-8", errors="replace")[:65536]):
        read_as = "markdown notes"
    found = sum(1 for p in lib if p.extra.get("found_by") == GENERIC_FINDER)
    if not found or fmt == "paper_list":
        return read_as
    if found == len(lib):
        return "papers found in markdown"
    return f"{read_as}, and {found} more found in markdown"


def cmd_list(args: argparse.Namespace) -> int:
    store = _store()
    if args.lists:
        for name in store.lists():
            print(f"{name}\t{len(store.reading_list(name))}")
        return 0
    if args.list:
        rl = _existing_list(store, args.list)
        entries = rl.entries()
        if args.json:
            print(
                json.dumps(
                    [{"status": e.status, "tags": e.tags, "note": e.note, "paper": e.paper.to_dict()} for e in entries],
                    ensure_ascii=False,
                    indent=1,
                )
            )
            return 0
        resolves = library_resolver(store.papers())  # one read of the store, not a look-up per paper
        rows = [
            [
                e.status,
                paper_ref(e.paper, resolves),
                e.paper.shown_title + (f"  [{', '.join(e.tags)}]" if e.tags else ""),
            ]
            for e in entries[: args.limit]
        ]
        for line in table_lines(rows, caps=[7, REF_CAP]):
            print(line)
        print(f"{plural(len(entries), 'paper')} in reading list {args.list!r}", file=sys.stderr)
        return 0
    lib = store.papers()
    if args.json:
        print(json.dumps(lib.to_dicts()[: args.limit], ensure_ascii=False, indent=1))
        return 0
    _print_papers(lib[: args.limit], resolves=library_resolver(lib))
    print(f"{plural(len(lib), 'paper')} in {store.location}", file=sys.stderr)
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    store = _store()
    if args.source == "arxiv":
        from ..sources.arxiv import search_arxiv

        if not args.query:
            raise CliError("fetch arxiv needs a query, e.g. paperlab fetch arxiv 'all:diffusion' --max 20")
        lib = search_arxiv(" ".join(args.query), max_results=args.max)
    elif args.source == "hf":
        from ..sources.hf import HfDailyPapersClient

        with HfDailyPapersClient() as client:
            if args.date:
                papers = client.daily(args.date)
            elif args.week:
                papers = client.week(args.week)
            elif args.month:
                papers = client.month(args.month)
            else:
                papers = client.trending(limit=args.max)
        lib = Library(papers)
    else:
        from ..sources.semantic_scholar import SemanticScholarClient

        if not args.query:
            raise CliError("fetch s2 needs a query or a paper id (arXiv:…, DOI:…)")
        text = " ".join(args.query)
        with SemanticScholarClient(api_key=args.api_key) as s2:
            if ":" in text and " " not in text:
                lib = Library([s2.paper(text)])
            else:
                lib = Library(s2.search(text, limit=args.max))
    store.upsert_papers(lib)
    _print_papers(lib, resolves=store_resolver(store))
    print(f"fetched {plural(len(lib), 'paper')} into {store.location}", file=sys.stderr)
    return 0


def _export_format(args: argparse.Namespace) -> str:
    """The format of ``paperlab export``: the positional FORMAT or ``--format``, one of them (the same if both)."""
    given = [f for f in (args.format_arg, args.format) if f]
    suffix = Path(args.output).suffix.lower() if args.output else ""
    if not given and suffix in _EXPORT_SUFFIXES:  # "-o refs.bib" says which
        return _EXPORT_SUFFIXES[suffix]
    if not given:
        named = f" ({args.output} names none)" if args.output else ""
        if suffix == ".json":
            named = f" ({args.output} may be csljson, for reference managers, or json, paperlab's own)"
        raise CliError(
            f"export needs a format{named}: paperlab export FORMAT (or --format FORMAT), one of "
            f"{', '.join(EXPORT_FORMATS)}; -o FILE ending .bib, .ris, .md or .jsonl says it"
        )
    if len(set(given)) > 1:
        raise CliError(f"export got two formats, {given[0]!r} and --format {given[1]!r}: give one")
    return given[0]


def cmd_export(args: argparse.Namespace) -> int:
    fmt = _export_format(args)
    store = _store()
    rl = _existing_list(store, args.list) if args.list else None
    lib = rl.to_library() if rl is not None else store.papers()
    with warnings.catch_warnings():  # an empty list's warning: said below, once, in the CLI's words
        warnings.simplefilter("ignore", UserWarning)
        text = _export_text(rl if rl is not None else lib, lib, fmt)
    if not len(lib):  # an empty output and no word read like a failed export
        add = (
            "the store is empty" if rl is None else f"reading list {rl.name!r} is empty (add: import FILE --list NAME)"
        )
        print(f"paperlab: nothing to export: {add}", file=sys.stderr)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {plural(len(lib), 'paper')} to {args.output}", file=sys.stderr)
        named = _EXPORT_SUFFIXES.get(Path(args.output).suffix.lower())
        if named and named != fmt:  # "export ris -o refs.bib": a reference manager would read it as BibTeX
            print(f"paperlab: warning: {args.output} holds {fmt}, though its name says {named}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _export_text(source: Any, lib: Library, fmt: str) -> str:
    """The export as Python writes it: ``source`` is the :class:`Library` or the ``ReadingList`` (whose BibTeX, RIS,
    CSL-JSON and markdown carry each entry's status, note and tags, as ``rl.to_bibtex()`` writes them); ``lib`` its
    papers, for the formats of papers alone."""
    if fmt == "bibtex":
        return str(source.to_bibtex())
    if fmt == "ris":
        return str(source.to_ris())
    if fmt == "csljson":
        return json.dumps(source.to_csl(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "markdown":
        return str(source.to_markdown())
    if fmt == "json":
        return json.dumps({"paperlab": 1, "papers": lib.to_dicts()}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lib.to_dicts())
    from ..sources.dailyarxiv import to_dailyarxiv_markdown

    return to_dailyarxiv_markdown(lib)


def cmd_digest(args: argparse.Namespace) -> int:
    from ..digests import digest, load_config

    config = load_config(args.config)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PartialImportWarning)
        result = digest(
            config,
            out=args.out,
            since=args.since,
            date=args.date,
            offline=args.offline,
            cache_dir=args.cache_dir,
            state=args.state,
        )
    for w in caught:
        if not isinstance(w.message, PartialImportWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    for problem in result.problems:
        print(f"paperlab: digest problem: {problem}", file=sys.stderr)
    where = args.out or result.config.output
    if where is None:
        sys.stdout.write(result.markdown)
    status = (
        "complete"
        if result.complete
        else f"PARTIAL ({plural(len(result.problems), 'problem')}, see the Report section)"
    )
    print(
        f"digest {result.last_update.isoformat()}: {plural(len(result.library), 'paper')} in "
        f"{plural(len(result.sections), 'section')}, {len(result.new)} new; {status}"
        + (f"; wrote {where}" if where else ""),
        file=sys.stderr,
    )
    return 0


# -- parser ---------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    """The ``paperlab`` argument parser: one ``_add_*`` function below per subcommand."""
    parser = _Parser(
        prog="paperlab",
        description="A literature workbench: import, search and export research papers.",
        epilog="Data lives in $PAPERLAB_HOME (default: a per-user data folder). Run `paperlab COMMAND --help`.",
    )
    parser.add_argument("--version", action="version", version=f"paperlab {__version__}")
    sub = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", metavar="COMMAND", required=True),
    )
    _add_import(sub)
    _add_list(sub)
    add_search(sub)
    add_show(sub)
    _add_fetch(sub)
    _add_export(sub)
    _add_digest(sub)
    add_embed_parser(sub)
    add_store_parser(sub)
    add_feed_parser(sub)
    add_split_parser(sub)
    return parser


def _add_import(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab import FILE...``: files into the library (and a reading list)."""
    p = sub.add_parser(
        "import",
        help="import papers from files into your library",
        description="Import papers from files (format detected from the content, read as paperlab.load reads "
        "them): BibTeX, RIS, CSL-JSON, Web of Science, Zotero JSON, arXiv Atom XML, RSS and OAI-PMH, Kaggle arXiv "
        "JSONL, Hugging Face daily-papers JSON, Semantic Scholar JSON, OpenAlex JSON, DailyArXiv READMEs, "
        "reading-group schedules, session notes and paper lists (any markdown naming papers by id or link), saved "
        "Hugging Face paper pages, paperlab JSON/JSONL/CSV/markdown. A file that cannot be read is named and "
        "skipped; the others are imported.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", metavar="FORMAT", help=f"force a format instead of detecting it: {_format_names()}")
    p.add_argument(
        "--reference-date",
        metavar="YYYY-MM-DD",
        help="the day the file was saved or written, for its dates without a year: a saved Hugging Face page, a "
        "reading-group schedule's 'Friday, June 30' (default: inferred from the page, else today)",
    )
    p.add_argument("--list", metavar="NAME", help="also add the papers to this reading list")
    p.set_defaults(func=cmd_import)


def _format_names() -> str:
    from ..sources import FORMATS

    return ", ".join(sorted(FORMATS))


def _add_list(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab list``: the library, a reading list, or the reading lists."""
    p = sub.add_parser(
        "list",
        help="list papers in your library or a reading list",
        description="List the papers in your library, or in a reading list with --list.",
    )
    p.add_argument("--list", metavar="NAME", help="show this reading list")
    p.add_argument("--lists", action="store_true", help="show the reading lists and their sizes")
    p.add_argument("--limit", type=positive_int, default=None, help="show at most N papers")
    p.add_argument("--json", action="store_true", help="print JSON (the paper wire format)")
    p.set_defaults(func=cmd_list)


def _add_fetch(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab fetch arxiv|hf|s2``: papers from a live service into the library."""
    p = sub.add_parser(
        "fetch",
        help="fetch papers from arXiv, Hugging Face or Semantic Scholar",
        description="Fetch papers from a live service into your library.",
        formatter_class=ExamplesHelpFormatter,
        epilog=textwrap.dedent("""\
                           examples:
                             paperlab fetch arxiv 'all:"contrastive learning" AND cat:cs.LG' --max 50
                             paperlab fetch hf --date 2025-10-15
                             paperlab fetch s2 arXiv:1706.03762"""),
    )
    p.add_argument("source", choices=("arxiv", "hf", "s2"))
    p.add_argument("query", nargs="*", help="arXiv query / Semantic Scholar query or id")
    p.add_argument("--max", type=int, default=50, help="maximum number of papers (default 50)")
    p.add_argument("--date", help="hf: papers of one day (YYYY-MM-DD)")
    p.add_argument("--week", help="hf: papers of one ISO week (YYYY-Www)")
    p.add_argument("--month", help="hf: papers of one month (YYYY-MM)")
    p.add_argument(
        "--api-key",
        help="s2: Semantic Scholar API key (optional; better set $PAPERLAB_S2_API_KEY or api_key in "
        "[semantic_scholar] of $PAPERLAB_HOME/config.toml: a key on the command line shows in the process list)",
    )
    p.set_defaults(func=cmd_fetch)


def _add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab export F`` (or ``--format F``): the library or a reading list in a citation format."""
    p = sub.add_parser(
        "export",
        help="export your library or a reading list",
        description="Write your library, or a reading list with --list, in a citation format: "
        "paperlab export bibtex -o refs.bib (the same as --format bibtex; -o refs.bib alone says it too: .bib, .ris, "
        ".md and .jsonl name their format); csl is short for csljson. A reading "
        "list's BibTeX, RIS, CSL-JSON and markdown carry each entry's reading status, note and tags, as "
        "ReadingList.to_bibtex(), to_ris(), to_csl() and to_markdown() write them in Python.",
    )
    p.add_argument(
        "format_arg", nargs="?", metavar="FORMAT", type=_export_alias, choices=EXPORT_FORMATS, help="%(choices)s"
    )
    p.add_argument(
        "--format", type=_export_alias, choices=EXPORT_FORMATS, metavar="FORMAT", help="the same as FORMAT above"
    )
    p.add_argument("--list", metavar="NAME", help="export this reading list instead of the whole library")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=cmd_export)


def _export_alias(name: str) -> str:
    """An export format's name as ``--format`` spells it ("csl" is "csljson"); an unknown name is left for argparse
    to refuse, naming the choices."""
    return _EXPORT_ALIASES.get(name.lower(), name.lower())


def _add_digest(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab digest CONFIG``: a DailyArXiv-style keyword digest."""
    p = sub.add_parser(
        "digest",
        help="build a DailyArXiv-style keyword digest (README) from arXiv and Hugging Face",
        description="Fetch the papers of each keyword of a TOML digest configuration and write a "
        "DailyArXiv-style README with a 'new since last digest' section (state kept in "
        "README.digest.json next to it). See docs/digest.md.",
    )
    p.add_argument("config", metavar="CONFIG", help="digest configuration (TOML)")
    p.add_argument(
        "--out", metavar="README.md", help="write the README here (default: the config's output, else standard output)"
    )
    p.add_argument("--since", metavar="YYYY-MM-DD", help="keep only papers updated on or after this day")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the 'Last update' date (default: the retrieval date)")
    p.add_argument(
        "--offline",
        action="store_true",
        help="rebuild from the response cache only (the config's cache_dir or --cache-dir, filled by a run online)",
    )
    p.add_argument("--cache-dir", metavar="DIR", help="response cache directory (overrides the config)")
    p.add_argument("--state", metavar="FILE", help="'new since last' state file (default: next to the README)")
    p.set_defaults(func=cmd_digest)


def _one_line(exc: BaseException | str) -> str:
    """The error on one line; a failed request names its URL without the query string (the service's field
    lists and paging say nothing to a reader and ran the line to 400 characters)."""
    text = str(exc)
    if isinstance(exc, FetchError) and exc.url:
        text = f"{exc.reason} ({exc.url.partition('?')[0]})"
    elif isinstance(exc, OSError) and exc.filename and exc.strerror:  # not "[Errno 2] No such file or directory: …"
        folder = Path(exc.filename).parent
        missing = isinstance(exc, FileNotFoundError) and not folder.is_dir()
        text = f"{exc.filename}: {exc.strerror.lower()}" + (f" (there is no folder {folder})" if missing else "")
    return " ".join(text.split()) or type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status."""
    parser = build_parser()
    try:
        unknown_option_first(parser, sys.argv[1:] if argv is None else argv)  # "paperlab --bogus": named
        args, extras = parser.parse_known_args(argv)
        if extras:  # said by the command's own parser, with its options ("paperlab search -k 3", not "--top 3")
            unknown_arguments(parser, args, extras)
    except SystemExit as done:  # --help, --version, or a usage error already printed as one line
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a reader that hung up (`paperlab list | head`) is found here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except (PaperlabError, OSError) as exc:  # CliError is a PaperlabError
        print(f"paperlab: error: {_one_line(exc)}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else int(getattr(args, "error_status", 1))
    except KeyboardInterrupt:
        print("paperlab: interrupted", file=sys.stderr)
        return 130


def _reader_gone() -> int:
    """The reader of standard output closed it (``paperlab list | head``): stop quietly, as ``cat`` does, with the
    shell's status for a broken pipe (128 + SIGPIPE); what is still buffered goes nowhere instead of raising again
    when Python flushes at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (stdout replaced in-process)
        pass
    return 141
