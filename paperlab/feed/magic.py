"""``%feed [--since yesterday] [--today DATE] [--offline] [--repeats] [--profile PATH]``: the feed in a notebook."""

from __future__ import annotations

import argparse
import shlex

from ..errors import UsageError
from .core import Feed, feed
from .profile import InterestProfile

__all__ = ["feed_magic"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"%feed: {message}")


def feed_magic(line: str) -> Feed:
    """Build today's feed from a ``%feed`` line (the options of ``paperlab feed``)."""
    p = _Parser(prog="%feed", add_help=False)
    p.add_argument("--since", default="yesterday")
    p.add_argument("--today")
    p.add_argument("--offline", action="store_true")
    p.add_argument("--repeats", action="store_true")
    p.add_argument("--profile")
    args = p.parse_args(shlex.split(line))
    profile = InterestProfile.load(args.profile)
    profile.repeats = profile.repeats or args.repeats
    return feed(args.since, profile=profile, today=args.today, offline=args.offline)
