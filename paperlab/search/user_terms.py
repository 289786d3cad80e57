"""A user's own terms in a personal ranking: ``author:Name`` and keyword boosts and mutes matched against a paper,
and the boost, recency and popularity terms added to the fused score (:mod:`paperlab.search.personal`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from ..names import family_name, same_person
from ..paper import Paper
from ..text import fold
from .index import paper_text

__all__ = ["extra_terms", "term_matcher", "zscore"]


def zscore(x: np.ndarray) -> np.ndarray:
    """``x`` in standard deviations from its mean (all zeros when it does not vary)."""
    sd = float(x.std())
    return (x - float(x.mean())) / sd if sd > 1e-12 else np.zeros_like(x)


def term_matcher(term: str) -> Callable[[Paper], bool]:
    """``author:Name`` matches an author who may be that person (:func:`paperlab.names.same_person`: "author:L. Chen"
    matches "Chen, Li", never "Wei Chen"), a single word any author with that word as a whole name ("author:Chen":
    every Chen, not "Cheng"; "author:Smith" also "Smith-Jones", a part of a family name), or the words of the name
    in order ("author:van der Berg", "author:de Souza": a family name with its particles); a keyword matches
    title/abstract words."""
    if term.lower().startswith("author:"):
        name = term.split(":", 1)[1].strip()
        if len(name.split()) == 1:
            word = fold(name).strip(" .")
            return lambda p: bool(word) and any(word in _name_words(a) for a in p.authors)
        words = re.compile(r"(?<![\w-])" + re.escape(" ".join(fold(name).split())) + r"(?![\w-])")
        return lambda p: bool(name) and any(same_person(name, a) or words.search(_folded_name(a)) for a in p.authors)
    pattern = re.compile(r"(?<![\w-])" + re.escape(term.strip()) + r"(?![\w-])", re.IGNORECASE)
    return lambda p: bool(pattern.search(paper_text(p)))


def _folded_name(author: str) -> str:
    """An author's name as ``author:`` terms read it: folded, commas as spaces, white space single."""
    return " ".join(fold(author).replace(",", " ").split())


def _name_words(author: str) -> set[str]:
    """The words of an author's name, and the parts of a double-barrelled family name ("smith", "jones" of "Ann
    Smith-Jones"; never the parts of a hyphenated given name, "Chen-Yu")."""
    return set(_folded_name(author).split()) | set(fold(family_name(author)).split("-"))


def extra_terms(
    cands: Sequence[Paper], boosts: Mapping[str, float], recency: float = 0.0, popularity: float = 0.0
) -> tuple[np.ndarray, list[list[str]]]:
    """Boost, recency and popularity terms (z-score units) and the boosts each candidate matched."""
    extra = np.zeros(len(cands))
    matched: list[list[str]] = [[] for _ in cands]
    for term, amount in boosts.items():
        hit = term_matcher(term)
        for i, p in enumerate(cands):
            if hit(p):
                extra[i] += amount
                matched[i].append(term)
    if recency:
        days = np.array([p.published.toordinal() if p.published else 0 for p in cands], dtype=float)
        days[days == 0] = days[days > 0].min() if (days > 0).any() else 0
        extra += recency * zscore(days)
    if popularity:
        pop = np.array([np.log1p((p.upvotes or 0) + (p.github_stars or 0)) for p in cands])
        extra += popularity * zscore(pop)
    return extra, matched
