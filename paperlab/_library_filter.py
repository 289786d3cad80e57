"""The test of :meth:`paperlab.library.Library.filter`: a paper's words, dates, tags, categories and sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .dates import as_date
from .paper import Paper
from .text import fold

__all__ = ["paper_filter"]


def _starts_a_word(hay: str, word: str) -> bool:
    """Whether ``word`` occurs in ``hay`` at a word's start (no letter or digit right before it): "ho" holds in
    "Ho et al." and "hopfield", not in "show" or "methods". Both sides folded (:func:`~paperlab.text.fold`) by the
    caller; the cards' and the side panel's filters use the same rule (``js/src/common/fold.ts`` ``startsAWord``).
    """
    if not word[:1].isalnum():
        return word in hay
    at = hay.find(word)
    while at >= 0:
        if at == 0 or not hay[at - 1].isalnum():
            return True
        at = hay.find(word, at + 1)
    return False


def paper_filter(
    predicate: Callable[[Paper], bool] | None = None,
    *,
    text: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    tag: str | None = None,
    category: str | None = None,
    source: str | None = None,
) -> Callable[[Paper], bool]:
    """Whether a paper meets every given condition (the parameters of :meth:`~paperlab.library.Library.filter`)."""
    lo, hi = as_date(since, "since"), as_date(until, "until")
    words = fold(text).split() if text else []
    tag_l = tag.lower() if tag else None

    def keep(p: Paper) -> bool:
        if predicate is not None and not predicate(p):
            return False
        if words:
            hay = fold(" ".join([p.title, p.abstract or "", " ".join(p.authors), " ".join(p.keywords + p.tags)]))
            if not all(_starts_a_word(hay, w) for w in words):
                return False
        if (lo or hi) and p.published is None:
            return False
        if lo and p.published and p.published < lo:
            return False
        if hi and p.published and p.published > hi:
            return False
        if tag_l and tag_l not in {t.lower() for t in p.tags + p.keywords}:
            return False
        if category and not any(c == category or c.startswith(category + ".") for c in p.categories):
            return False
        if source and source not in {s.name for s in p.sources}:
            return False
        return True

    return keep
