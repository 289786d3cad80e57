"""``paperlab split REF``: undo a wrong merge kept in the store (a preprint and a paper that is not its published
version, say): the merged paper becomes its records again, kept apart from now on (:meth:`Store.split_paper`)."""

from __future__ import annotations

import argparse
import textwrap

from .table import ExamplesHelpFormatter

__all__ = ["add_split_parser", "cmd_split"]


def cmd_split(args: argparse.Namespace) -> int:
    """Run ``paperlab split``: print each part (id, arXiv id, DOI, venue) and the lists' choice."""
    from ..errors import NotFound
    from ..store import open_store

    store = open_store()
    try:
        parts = store.split_paper(args.ref, keep=args.keep)
    except NotFound as exc:  # a wrong REF: say what to give instead (exit status 1, as before)
        if args.keep and args.keep in str(exc):
            raise
        raise NotFound(
            f"{exc}: give the merged paper's id, arXiv id or DOI (the first column of `paperlab list` or "
            "`paperlab search`)"
        ) from None
    for part in parts:
        ids = ", ".join(f"{k} {v}" for k, v in (("arXiv", part.arxiv_id), ("DOI", part.doi)) if v)
        where = part.venue or part.journal_ref or ""
        print(f"{part.id}\t{part.year or ''}\t{ids}\t{where}\t{part.shown_title}")
    lists = [name for name in store.lists() if any(p.id in store.reading_list(name, create=False) for p in parts)]
    if lists:
        print(f"reading-list entries stay on the part in: {', '.join(lists)}")
    return 0


def add_split_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab split``: register the subcommand."""
    p = sub.add_parser(
        "split",
        help="undo a wrong merge: a stored paper becomes the records merged into it again",
        description="The stored paper REF (an id, arXiv id or DOI) becomes the records merged into it again, "
        "each stored on its own and never merged again by later imports. Reading-list entries stay on the part "
        "stored under the merged paper's id (the arXiv preprint for a preprint and its publication), or on the "
        "part --keep names.",
        formatter_class=ExamplesHelpFormatter,
        epilog=textwrap.dedent("""\
            examples:
              paperlab split 2005.00333
              paperlab split 2005.00333 --keep 10.18653/v1/2020.emnlp-main.185
            """),
    )
    p.add_argument("ref", metavar="REF", help="the merged paper: its id, arXiv id or DOI")
    p.add_argument("--keep", metavar="REF", help="the part (id, arXiv id or DOI) that keeps the reading-list entries")
    p.set_defaults(func=cmd_split)
