"""What a personal ranking answers (:func:`paperlab.search.personal.rank_personal`): the candidates best first with
their scores, and each one's :class:`Reason` in words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..paper import Paper
from ..text import plural, short_title

__all__ = ["PersonalRanking", "Reason"]


@dataclass
class Reason:
    """Why one paper was ranked where it is.

    Attributes
    ----------
    closest : list of (str, str, float)
        ``(id, title, cosine)`` of the saved papers it is closest to.
    words : list of str
        The list's defining phrases it holds (heaviest first), then its terms that pushed the classifier up most.
    boosts : list of str
        Boosts that matched it.
    lists : list of str
        The reading lists holding those saved papers, when the caller says (the feed, learning from several
        lists); empty: no list is named.
    beside : list of (str, str)
        ``(id, title)`` of the best-ranked of its nearest other candidates, when their scores lifted it.
    """

    closest: list[tuple[str, str, float]]
    words: list[str]
    boosts: list[str]
    lists: list[str] = field(default_factory=list)
    beside: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        parts = []
        if self.closest:
            where = f" (in {', '.join(self.lists)})" if self.lists else ""
            parts.append("close to " + "; ".join(f"“{short_title(t)}”" for _, t, _ in self.closest) + where)
        if self.words:
            parts.append("words: " + ", ".join(self.words))
        if self.beside:
            parts.append("near other top picks: " + "; ".join(f"“{short_title(t)}”" for _, t in self.beside))
        if self.boosts:
            parts.append("boosted: " + ", ".join(self.boosts))
        return " — ".join(parts) or "no signal"

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for JSON and the panel)."""
        return {
            "closest": [{"id": i, "title": t, "similarity": round(s, 4)} for i, t, s in self.closest],
            "words": list(self.words),
            "boosts": list(self.boosts),
            "lists": list(self.lists),
            "beside": [{"id": i, "title": t} for i, t in self.beside],
        }


@dataclass
class PersonalRanking:
    """Candidates ranked best first, with scores, per-signal scores and reasons.

    Attributes
    ----------
    papers : list of Paper
    scores : list of float
    components : dict of str to numpy.ndarray
        Each signal's z-scores, in the order of ``papers``.
    reasons : list of Reason
    muted : list of Paper
        Candidates left out by a mute.
    features : list of (str, float)
        The terms the classifier weighs most: what it learned the saved papers are about.
    profile : list of (str, float)
        The saved papers' defining words and phrases, with their weights (-log p of a binomial test; heaviest first).
    """

    papers: list[Paper]
    scores: list[float]
    components: dict[str, np.ndarray]
    reasons: list[Reason]
    muted: list[Paper]
    features: list[tuple[str, float]] = field(default_factory=list)
    profile: list[tuple[str, float]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.papers)

    def __repr__(self) -> str:
        return f"<PersonalRanking: {plural(len(self.papers), 'paper')}, {len(self.muted)} muted>"

    @property
    def ids(self) -> list[str]:
        """Paper ids, best first."""
        return [p.id for p in self.papers]
