"""The morning feed: new papers from arXiv and Hugging Face ranked by what the user reads.

``paperlab.feed(...)`` builds a day's :class:`Feed` (ranked, explained, never repeating what earlier days
showed, re-ranked at once by thumbs); :class:`InterestProfile` is the plain-data profile;
``paperlab.evaluate_recommendations`` replays a history to measure the ranking.

Names are loaded on first use so that ``import paperlab`` (which imports this package so that the
function ``paperlab.feed`` owns that name) stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

from .._operations import Operations

__all__ = [
    "Arrivals",
    "Feed",
    "FeedItem",
    "InterestProfile",
    "ReplayError",
    "ReplayResult",
    "evaluate_recommendations",
    "feed",
    "fetch_arrivals",
    "personal_ranker",
    "svm_baseline",
    "zotero_baseline",
]

_HOMES = {
    "Arrivals": "fetching",
    "fetch_arrivals": "fetching",
    "Feed": "core",
    "FeedItem": "core",
    "feed": "core",
    "InterestProfile": "profile",
    "ReplayError": "evaluate",
    "ReplayResult": "evaluate",
    "evaluate_recommendations": "evaluate",
    "personal_ranker": "evaluate",
    "svm_baseline": "evaluate",
    "zotero_baseline": "evaluate",
}


# Feed methods implemented by the layers above (``Feed.cards``: the widget); wired in ``paperlab/__init__.py``.
operations: Operations[str] = Operations("Feed", ["cards"])


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
