"""``%feed [--since yesterday] [--today DATE] [--offline] [--repeats] [--profile PATH]``: the feed in a notebook."""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Iterable

from ..errors import UsageError
from ..paper import Paper
from ..store import open_store
from .core import Feed, feed
from .profile import InterestProfile

__all__ = ["feed_help", "feed_magic"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see %feed --help)")  # the magic names itself


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="%feed",
        add_help=False,
        description="Today's new arXiv and Hugging Face papers, ranked by the papers of your reading lists, each with "
        "why. Offline, the papers of the active library (else your stored papers) are ranked instead.",
    )
    p.add_argument("--since", default="yesterday", help="papers announced since this day (default: yesterday)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the day of the feed (default: today)")
    p.add_argument("--offline", action="store_true", help="rebuild from cached answers only")
    p.add_argument("--repeats", action="store_true", help="also show papers shown on earlier days")
    p.add_argument("--profile", help="interest profile JSON (default: $PAPERLAB_HOME/feed-profile.json)")
    return p


def feed_help() -> str:
    """What ``%feed --help`` prints: the options of the magic."""
    return _parser().format_help()


def feed_magic(line: str, library: Iterable[Paper] | None = None) -> Feed:
    """Build today's feed from a ``%feed`` line (the options of ``paperlab feed``). When every source was
    unreachable (offline), the papers of ``library`` (default: the store's) are ranked instead, as the side panel's
    "For you" does; the feed's problem still names the sources."""
    args = _parser().parse_args(shlex.split(line))
    profile = InterestProfile.load(args.profile)
    profile.repeats = profile.repeats or args.repeats
    made = feed(args.since, profile=profile, today=args.today, offline=args.offline)
    if made.items or not made.unreachable or len(made.unreachable) != len(made.failed):
        return made
    store = open_store()
    mine = list(library) if library is not None else store.papers()
    if not mine:
        return made
    # not remembered as shown: the real feed still shows them when the network is back
    own = feed(today=made.day, profile=profile, store=store, candidates=mine, remember=False)
    own.failed, own.unreachable = list(made.failed), list(made.unreachable)
    own.instead_of_sources = True
    return own
