"""``paperlab search QUERY``: ranked, scored and explained hits, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import UsageError
from ..library import Library
from ..services.paperref import Resolver, library_resolver, paper_ref
from ..text import plural
from .table import REF_CAP

if TYPE_CHECKING:
    from ..paper import Paper
    from ..search import SearchResults

__all__ = ["add_search", "cmd_search", "first_author", "open_corpus", "positive_int", "search_rows"]


def positive_int(text: str) -> int:
    """argparse type of a count: a whole number of at least 1 (else a usage error, exit status 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


#: The exit status of a search nothing matches (as grep's): scripts tell "no hit" from a hit and from an error (2).
NO_MATCH = 1

#: What a search of the store that found nothing adds: the store holds only imported papers, not a notebook's.
NOT_STORED = (
    "your library holds {n} stored papers; if the papers you mean were read with paperlab.load() in a notebook, "
    "they are not stored yet: save them with `paperlab import FILE` (in Python: "
    "paperlab.open_store().upsert_papers(lib)), or search the file itself with --corpus FILE"
)


def open_corpus(name: str | None, flag: str = "--corpus") -> tuple[Library, str]:
    """The papers ``--corpus`` names (demo, store, a file; default: your library, else the demo) and how to say
    where they are; ``flag``: the option the user gave, as an error names it (``--from-library`` of the feed)."""
    from ..data import demo_library

    if name == "demo":
        return demo_library(), "the bundled demo corpus"
    if name in (None, "store"):
        from ..store import open_store

        lib = open_store().papers()
        if len(lib) or name == "store":
            return lib, "your library"
        print(
            "paperlab: your library is empty; searching the bundled demo corpus "
            "(import papers with `paperlab import FILE`)",
            file=sys.stderr,
        )
        return demo_library(), "the bundled demo corpus"
    from pathlib import Path

    if not Path(name).exists():
        raise UsageError(f"{flag} {name}: no such file (expected demo, store or a file of papers)")
    import warnings

    from ..errors import MergedRecordsWarning, PartialImportWarning
    from ..sources import load

    with warnings.catch_warnings(record=True) as caught:  # said as paperlab import says them, never as Python
        warnings.simplefilter("always", UserWarning)
        lib = load(name)
    for w in caught:
        if isinstance(w.message, PartialImportWarning) and w.message.problems:
            for problem in w.message.problems:
                print(f"paperlab: {'skipped' if problem.skipped else 'kept in part:'} {problem}", file=sys.stderr)
        elif issubclass(w.category, UserWarning) and not isinstance(w.message, MergedRecordsWarning):
            text = " ".join(str(w.message).split())
            print(f"paperlab: warning: {text if name in text else f'{name}: {text}'}", file=sys.stderr)
    return lib, name


def first_author(p: Paper) -> str:
    """The first author ("Ada Lovelace et al."), else what the paper's byline shows (:meth:`Paper.byline`): an
    edited volume's editors ("Ada Lovelace (ed.)"), the author count a source gives alone (a saved Hugging Face
    page: "4 authors") or the organization; "" when the source names no one (a DailyArXiv table)."""
    if p.authors:
        return p.authors[0] + (" et al." if len(p.authors) > 1 or (p.n_authors or 0) > 1 else "")
    return p.byline()


def search_rows(results: SearchResults, resolves: Resolver | None = None) -> list[dict[str, Any]]:
    """One dict per hit: rank, score, id, shown_id (what names it for ``paperlab show``: its arXiv id, DOI or
    citation key, else its id; see :func:`~paperlab.services.paperref.paper_ref`), year, date, first_author, title,
    why (terms, sentence, text), url, weaker (scored under the relevance cut-off: listed by ``--all``)."""
    reasons = results.reasons
    weaker = set(results.weaker_ids)
    rows = []
    for rank, p in enumerate(results, start=1):
        r = reasons.get(p.id, {"terms": [], "sentence": "", "text": ""})
        rows.append(
            {
                "rank": rank,
                "score": None if results.holding_every_word else round(float(results.scores[p.id]), 4),
                "id": p.id,
                "shown_id": paper_ref(p, resolves),
                "year": p.year,
                "date": (p.date_text or "") + ("?" if p.published and p.date_inferred else ""),
                "first_author": first_author(p),
                "title": p.shown_title,
                "why": {"terms": r["terms"], "sentence": r["sentence"], "text": r["text"]},
                "url": p.abs_url,
                "weaker": p.id in weaker,
            }
        )
    return rows


#: The line of the table before the first hit scored under the relevance cut-off (``--all``).
WEAKER_RULE = "--- weaker matches, below the relevance cut-off ---"


def _flat(text: str) -> str:
    """Untrusted text on one terminal line: whitespace runs (newlines, tabs) as one space, control characters dropped."""
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _print_table(rows: list[dict[str, Any]], header: str, query: str, out: TextIO) -> None:
    width = max(shutil.get_terminal_size((120, 24)).columns, 60)
    print(_cut(header, width), file=out)
    print(_cut(f"query: {_flat(query)}", width), file=out)
    if not rows:
        return
    id_w = min(max(len(r["shown_id"] or "-") for r in rows), REF_CAP)  # a long DOI cut with "…" (`show` takes it)
    au_w = min(max(len("first author"), *(len(_flat(r["first_author"])) for r in rows)), 24)
    print(_cut(f"{'#':>3}  {'score':>5}  {'id':<{id_w}}  year  {'first author':<{au_w}}  title", width), file=out)
    for i, r in enumerate(rows):
        if r["weaker"] and (i == 0 or not rows[i - 1]["weaker"]):
            print(WEAKER_RULE, file=out)
        year = str(r["year"] or "")
        score = "    –" if r["score"] is None else f"{r['score']:5.3f}"
        line = f"{r['rank']:>3}  {score}  {_cut(r['shown_id'] or '-', id_w):<{id_w}}  {year:<4}  "
        line += f"{_cut(_flat(r['first_author']) or '—', au_w):<{au_w}}  {_flat(r['title'])}"
        print(_cut(line, width), file=out)
        if r["why"]["text"]:
            print(_cut(" " * 12 + _flat(r["why"]["text"]), width), file=out)
    if not any(r["first_author"] for r in rows):
        print("(— no author: the sources of these papers name none)", file=out)


def _list_papers(name: str, corpus: str | None) -> tuple[Library, str]:
    """The papers of the reading list ``name`` (``paperlab search --list NAME``) and how to say where they are."""
    if corpus not in (None, "store"):
        raise UsageError(f"--list searches a reading list of your library: drop --corpus {corpus}")
    from ..store import open_store

    store = open_store()
    if name not in store.lists():
        names = ", ".join(repr(n) for n in store.lists()) or "none yet"
        raise UsageError(f"no reading list named {name!r} (lists: {names})")
    return store.reading_list(name, create=False).to_library(), f"the reading list {name!r}"


def cmd_search(args: argparse.Namespace) -> int:
    """Search a corpus and print a header, the query and one row (plus its reason) per hit."""
    query = " ".join(args.query.split())
    if not query:
        raise UsageError("search needs a query: paperlab search 'words or a sentence'")
    if args.list:
        lib, where = _list_papers(args.list, args.corpus)
    else:
        lib, where = open_corpus(args.corpus)
    if not len(lib):
        raise UsageError(f"nothing to search: {where} is empty")
    from ..search import search_library
    from ..search.results import holding_text, weaker_text

    results = search_library(lib, query, k=args.k, mode=args.mode, min_score=0.0 if args.all else None)
    if args.all:  # the weaker matches worth offering: those under the floor are noise (SearchResults.floor)
        results = results.down_to_floor()
    rows = search_rows(results, library_resolver(lib))
    header = f"{plural(len(rows), 'result')} in {where} ({plural(len(lib), 'paper')}, {args.mode} search)"
    if results.holding_every_word:
        header = f"{holding_text(len(rows), query)}, in {where} ({args.mode} search)"
    if args.json:
        doc = {"query": query, "corpus": where, "papers": len(lib), "mode": args.mode, "results": rows}
        doc["holding_every_word"] = results.holding_every_word
        doc["below_cutoff"] = results.below_cutoff  # the k best's hits under the cut-off, left out (0 with --all)
        print(json.dumps(doc, ensure_ascii=False, indent=1))
        return 0 if rows else NO_MATCH
    _print_table(rows, header, query, sys.stdout)
    if results.below_cutoff:
        print(weaker_text(results.below_cutoff, "--all lists them"))
    if rows:
        corpus = f" --corpus {args.corpus}" if args.corpus else ""
        print(f"a paper's details: paperlab show ID{corpus}")
        return 0
    print(f"paperlab: {no_match_text(query, where, len(lib), args.mode, weaker=args.all)}", file=sys.stderr)
    if where == "your library":
        print(f"paperlab: {NOT_STORED.format(n=len(lib))}", file=sys.stderr)
    return NO_MATCH


def no_match_text(query: str, where: str, papers: int, mode: str, *, weaker: bool) -> str:
    """The line a search without a hit ends with: what was searched (where, how many papers, how) and for what."""
    how = f"{mode} search{', weaker matches too' if weaker else ''}"
    return f"no paper matches {_flat(query)!r} closely enough in {where} ({plural(papers, 'paper')}, {how})"


def add_search(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab search QUERY``: the library, the demo corpus or a file."""
    p = sub.add_parser(
        "search",
        help="search papers by meaning and keywords",
        description="Search your library (or the bundled demo corpus when it is empty). Each hit shows a "
        "score (the calibrated chance it is about the query), the words it matched and its closest sentence; "
        "papers unrelated to the query are left out.",
        epilog=f"Exit status (as grep's): 0 when a paper matches, {NO_MATCH} when none does (a line on stderr says "
        "what was searched), 2 on an error (a wrong command line, a file that cannot be read).",
    )
    p.add_argument("query")
    p.add_argument("-k", type=positive_int, default=10, help="most results (default 10, at least 1)")
    p.add_argument("--mode", choices=("hybrid", "semantic", "lexical"), default="hybrid")
    p.add_argument(
        "--corpus",
        metavar="demo|store|FILE",
        default=None,
        help="what to search: the demo corpus, your library (default), or a file",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="also list the weaker matches: hits under the relevance cut-off that still stand out from the rest "
        "(after the others; the hits under that floor are noise and never listed)",
    )
    p.add_argument("--list", metavar="NAME", help="search only the papers of this reading list")
    p.add_argument("--json", action="store_true", help="print the results (same fields) as JSON")
    p.set_defaults(func=cmd_search, error_status=2)  # 1 is "no match" here
