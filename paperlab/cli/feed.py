"""``paperlab feed``: today's new papers ranked by what you read (fits a cron job or a CI workflow)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from ..dates import as_date
from ..errors import ParseError, SourcesUnreachableWarning
from ..text import plural
from .table import _flat, terminal_width

if TYPE_CHECKING:
    from ..feed.core import Feed

__all__ = ["add_feed_parser", "cmd_feed"]

FORMATS = ("text", "markdown", "digest", "json")
#: What to do when no source could be read (:meth:`paperlab.feed.Feed.problem`).
CLI_INSTEAD = "paperlab feed --from-library (your stored papers) or --from-library FILE"


def add_feed_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``paperlab feed``."""
    p = sub.add_parser(
        "feed",
        help="today's new arXiv and Hugging Face papers, ranked by your reading lists",
        description="The newest papers of your arXiv categories and Hugging Face daily papers, ranked by the "
        "papers of your reading lists (a classifier per list, similarity to recent saves, your boosts and "
        "mutes), each with its reasons. Papers shown on earlier days are not shown again. Every answer is "
        "cached, so --offline rebuilds the same feed. The interest profile is a JSON file (--show-profile).",
    )
    p.add_argument(
        "--since", type=_since, default="yesterday", help="yesterday (default), today, Nd (N days back) or YYYY-MM-DD"
    )
    p.add_argument("--today", type=_day, metavar="YYYY-MM-DD", help="the day of the feed (default: today)")
    p.add_argument("--offline", action="store_true", help="rebuild from cached answers only")
    p.add_argument(
        "--from-library",
        nargs="?",
        const="store",
        metavar="FILE",
        help="rank the papers of your library (the store; or of FILE, any format `paperlab import` reads) instead "
        "of fetching new ones: no network needed",
    )
    p.add_argument("--format", choices=FORMATS, default="text", help="text (default), markdown, digest, json")
    p.add_argument("--output", "-o", type=Path, help="write to this file instead of standard output")
    p.add_argument("--profile", type=Path, help="interest profile JSON (default: $PAPERLAB_HOME/feed-profile.json)")
    p.add_argument("--repeats", action="store_true", help="also show papers shown on earlier days")
    p.add_argument("--no-remember", action="store_true", help="do not remember what this run shows")
    p.add_argument("--up", metavar="ID", action="append", default=[], help="thumb up a paper (repeatable)")
    p.add_argument("--down", metavar="ID", action="append", default=[], help="thumb down a paper (repeatable)")
    p.add_argument("--show-profile", action="store_true", help="print the interest profile as JSON and exit")
    p.set_defaults(func=cmd_feed)


def _day(value: str) -> str:
    """``--today``: a date, refused at once as a usage error (exit 2) when it is none."""
    try:
        as_date(value, "today")
    except ParseError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {value!r}") from None
    return value


def _since(value: str) -> str:
    """``--since``: one of the forms its help names, refused at once (exit 2) naming them all when it is none."""
    text = value.strip().lower()
    if text in ("yesterday", "today") or (text.endswith("d") and text[:-1].isdigit()):
        return value
    try:
        as_date(text, "since")
    except ParseError:
        raise argparse.ArgumentTypeError(
            f"expected yesterday, today, Nd (N days back, e.g. 7d) or a date YYYY-MM-DD, got {value!r}"
        ) from None
    return value


def _render(result: object, fmt: str) -> str:
    from ..feed.core import Feed

    assert isinstance(result, Feed)
    if fmt == "json":
        return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "digest":
        return result.to_digest()
    if fmt == "markdown":
        return result.to_markdown(instead=CLI_INSTEAD)
    return _text(result, terminal_width(default=100))


def _text(result: Feed, width: int) -> str:
    """The feed as terminal text ``width`` columns wide: each pick's title (with its id) and its reasons,
    wrapped under the number, words kept whole (an id, a hyphenated word, a quoted title never split)."""
    head = (
        f"Morning feed {result.day}: {plural(len(result.items), 'paper')} ({result.hidden} shown before, not repeated)"
    )
    lines = _wrapped(head, width, "", "  ")
    note = f"{result.note[:-1]} (paperlab import FILE --list NAME)." if result.note else ""
    lines += _wrapped(note, width, "", "")  # once, not on every pick
    for n, item in enumerate(result.items, 1):
        mark = {1: " [+]", -1: " [-]"}.get(item.thumb, "")
        lines += _wrapped(f"{_flat(item.paper.shown_title)}{mark}  ({item.paper.id})", width, f"{n:>3}. ", " " * 5)
        lines += _wrapped(_flat(item.why_text), width, " " * 5, " " * 5)  # none: no line
    return "\n".join(lines) + "\n"


def _wrapped(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False, break_long_words=False
    )


def _offline_hint() -> str:
    """What to do when an offline feed found nothing cached."""
    from ..feed.fetching import default_cache_dir

    cache = default_cache_dir()
    if not cache.is_dir() or not any(cache.iterdir()):
        return (
            f"nothing is cached yet ({cache} is empty): run `paperlab feed` online once (it caches every answer); "
            "after that, --offline rebuilds the same feed"
        )
    return (
        f"the cache ({cache}) holds no answers for this day: run `paperlab feed` online for it, or rebuild a day "
        "fetched before with --today YYYY-MM-DD --since YYYY-MM-DD"
    )


def cmd_feed(args: argparse.Namespace) -> int:
    """Run ``paperlab feed``."""
    from ..feed.core import feed
    from ..feed.profile import InterestProfile

    profile = InterestProfile.load(args.profile)
    if args.show_profile:
        print(json.dumps(profile.to_dict(), indent=2, ensure_ascii=False))
        return 0
    if args.repeats:
        profile.repeats = True
    candidates = None
    if args.from_library:
        from .search import open_corpus

        candidates, where = open_corpus(args.from_library, flag="--from-library")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SourcesUnreachableWarning)  # said below, with the CLI's way instead
        result = feed(
            args.since,
            profile=profile,
            today=args.today,
            offline=args.offline,
            remember=not args.no_remember,
            candidates=candidates,
        )
    for pid in args.up:
        result.rate(pid, 1)
    for pid in args.down:
        result.rate(pid, -1)
    if result.failed:  # one line naming every source that failed (and what is shown, or what to do instead)
        print(f"paperlab: {result.problem(instead=CLI_INSTEAD)}", file=sys.stderr)
    if args.offline and result.failed and not result.items:
        print(f"paperlab: {_offline_hint()}", file=sys.stderr)
    if candidates is not None and not result.items:
        print(
            f"paperlab: nothing to rank: {where} holds {len(candidates)} papers, none new (papers on your reading "
            "lists and papers shown on earlier days are left out; --repeats shows those again)",
            file=sys.stderr,
        )
    text = _render(result, args.format)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 1 if result.failed and not result.items else 0
