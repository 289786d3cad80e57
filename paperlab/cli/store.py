"""``paperlab store``: where the store is and what it holds (``info``), and copying one store into another
(``copy``, e.g. your own SQLite store into the team's PostgreSQL database; see docs/team-setup.md)."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from ..errors import UsageError
from ..text import plural
from .table import ExamplesHelpFormatter

__all__ = ["add_store_parser", "cmd_store"]


def _existing(location: str | None, role: str) -> str | None:
    """``location`` when it names a store that exists (a URL is asked as it is); a store file that does not exist
    is a usage error instead of a new empty store reported as "papers: 0" (a mistyped name)."""
    if location is None or "://" in location or Path(location).is_file():
        return location
    from ..store import open_store

    raise UsageError(f"{role} {location}: no such store file (your store is {open_store().location})")


def _info(location: str | None) -> int:
    from ..store import open_store

    store = open_store(_existing(location, "store info"))
    engine = store.dialect.name
    print(f"store:          {store.location}")
    print(f"engine:         {'PostgreSQL' if engine == 'postgresql' else 'SQLite'}")
    print(f"schema version: {store.schema_version}")
    print(f"papers:         {store.count()}")
    for name in store.lists():
        print(f"list:           {name} ({plural(len(store.reading_list(name, create=False)), 'paper')})")
    print(f"revision:       {store.revision()}")
    return 0


def _copy(source: str, target: str) -> int:
    from ..store import open_store
    from ..store.transfer import copy_store

    report = copy_store(open_store(_existing(source, "store copy: SOURCE")), open_store(target))
    print(f"{report} from {open_store(source).location} into {open_store(target).location}")
    return 0


def cmd_store(args: argparse.Namespace) -> int:
    """Run ``paperlab store info|copy``."""
    if args.action == "info":
        return _info(args.location)
    return _copy(args.source, args.target)


def add_store_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab store``: register the subcommand."""
    p = sub.add_parser(
        "store",
        help="show where your store is and what it holds, or copy one store into another",
        description="Your store is $PAPERLAB_STORE (a file path or a postgresql:// URL) when set, else "
        "$PAPERLAB_HOME/paperlab.sqlite3.",
        formatter_class=ExamplesHelpFormatter,
        epilog=textwrap.dedent("""\
            examples:
              paperlab store info
              paperlab store copy ~/.local/share/paperlab/paperlab.sqlite3 \\
                  postgresql://me@db/group
            """),
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    info = actions.add_parser("info", help="the store's location, engine, schema version, papers and lists")
    info.add_argument("location", nargs="?", help="a store file or postgresql:// URL (default: your store)")
    copy = actions.add_parser(
        "copy",
        help="copy every paper, reading list and cached vector of SOURCE into TARGET",
        description="Papers merge with what TARGET holds; lists are created or extended; each entry keeps who "
        "added it (when SOURCE recorded it).",
    )
    copy.add_argument("source", help="a store file or postgresql:// URL")
    copy.add_argument("target", help="a store file or postgresql:// URL")
    p.set_defaults(func=cmd_store)
