"""REST handlers of the panel's "For you" section: today's feed and its thumbs.

``GET /paperlab/api/feed[?offline=1&refresh=1]`` builds (once a day, or again when the profile changes or on
``refresh=1``, then reuses; a fallback built while every source was unreachable is not reused) the feed of the
server's store with the interest profile of ``$PAPERLAB_HOME/feed-profile.json``; ``POST /paperlab/api/feed/thumbs``
stores a thumb and answers the re-ranked feed. Both are authenticated and authorized like every paperlab handler (writes need the
XSRF token).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass
from typing import Any, ClassVar

import tornado.web
from jupyter_server.auth.decorator import authorized

from ..feed.core import Feed, feed
from ..feed.profile import InterestProfile
from .handlers import API_PREFIX, BaseHandler

__all__ = ["FEED_ROUTES", "FeedHandler", "FeedThumb", "FeedThumbsHandler"]

_FEEDS = "paperlab_feeds"
_LOCK = threading.Lock()


@dataclass(frozen=True)
class FeedThumb:
    """``POST /feed/thumbs``: a paper of today's feed and the thumb (1 up, -1 down, 0 clear)."""

    SCHEMA: ClassVar[str] = "FeedThumb"
    paper_id: str
    thumb: int

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> FeedThumb:
        return cls(paper_id=body["paper_id"], thumb=body["thumb"])


def _todays_feed(
    handler: BaseHandler, offline: bool, refresh: bool, since: str = "yesterday", *, keep_fallback: bool = False
) -> Feed:
    """Today's feed of the server's store, built on first use (or when ``refresh``, or when the interest profile
    changed) and kept for the day. A feed of the user's own papers (every source was unreachable) is only kept for
    thumbs (``keep_fallback``): the next ``GET`` asks the sources again, so the real feed shows once the network
    is back (the panel asks at most every few minutes, or on Refresh / Retry)."""
    feeds: dict[tuple[str, dt.date, str], Feed] = handler.settings.setdefault(_FEEDS, {})
    profile = InterestProfile.load()
    key = (handler.store.location, dt.date.today(), json.dumps(profile.to_dict(), sort_keys=True, default=str))
    with _LOCK:
        current = feeds.get(key)
        if current is None or refresh or (current.own and not keep_fallback):
            current = feed(since, profile=profile, store=handler.store, offline=offline)
            if not current.items and current.unreachable and len(current.unreachable) == len(current.failed):
                current = _from_library(current, handler, profile)
            feeds.clear()
            feeds[key] = current
        else:
            current.sync_thumbs()  # thumbs given in a notebook's feed cards or the CLI since it was ranked
        return current


def _from_library(fetched: Feed, handler: BaseHandler, profile: InterestProfile) -> Feed:
    """Offline (every source unreachable): the papers of the user's own store ranked against the reading lists
    instead (``feed(candidates=...)``, papers on the lists left out; not remembered as shown, so the real feed
    still shows them when the network is back). ``failed`` still names the unreachable sources."""
    own = feed(
        today=fetched.day, profile=profile, store=handler.store, candidates=handler.store.papers(), remember=False
    )
    own.failed, own.unreachable = list(fetched.failed), list(fetched.unreachable)
    return own


def _feed_body(current: Feed) -> dict[str, Any]:
    """The feed as JSON, saying whether its papers are the user's own (``from_library``: every source was
    unreachable, so the store's papers were ranked instead)."""
    return {**current.to_dict(), "from_library": current.own}


class FeedHandler(BaseHandler):
    """``GET /paperlab/api/feed[?offline=1&refresh=1&since=yesterday]``: today's feed, ranked, with reasons."""

    @tornado.web.authenticated
    @authorized
    async def get(self) -> None:
        offline = self.get_query_argument("offline", "0") == "1"
        refresh = self.get_query_argument("refresh", "0") == "1"
        since = self.get_query_argument("since", "yesterday")
        result = await self.call(_todays_feed, self, offline, refresh, since)
        self.reply(_feed_body(result))


class FeedThumbsHandler(BaseHandler):
    """``POST /paperlab/api/feed/thumbs``: store a thumb; the answer is the re-ranked feed."""

    @tornado.web.authenticated
    @authorized
    async def post(self) -> None:
        body = self.body_as(FeedThumb)
        current = await self.call(_todays_feed, self, True, False, keep_fallback=True)
        await self.call(current.rate, body.paper_id, body.thumb)
        self.reply(_feed_body(current))


FEED_ROUTES: list[tuple[str, type[BaseHandler]]] = [
    (f"{API_PREFIX}/feed", FeedHandler),
    (f"{API_PREFIX}/feed/thumbs", FeedThumbsHandler),
]
