"""A feed pick's reason in words a researcher can check against their own papers.

From what the ranking already computed (:class:`~paperlab.search.personal.Reason`) and what the store holds about
the saved papers: the saved papers a pick is close to by short title with first author and year, the reading lists
and tags holding them, the phrases it shares with them (each word once: "word error rate", never "word, error,
rate, word error"), the authors of theirs who wrote it, the other top picks near it, the boosts it matched. Session
15 left the reasons weak: titles alone, a word list repeating itself, nothing about authors or tags.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..names import family_name, name_parts, same_person
from ..paper import Paper
from ..search.personal import Reason
from ..search.ranking import QUERY_STOP
from ..store import Store
from ..text import short_title

__all__ = ["GENERIC_VERBS", "SavedContext", "author_key", "generic_word", "reason_text", "shared_words"]

#: The most phrases a reason names.
MAX_WORDS = 5

#: The cosine (all-MiniLM-L6-v2, the ranking's sentence vectors) from which the one saved paper of a profile is "close
#: to" a pick. Below it, that paper is only the nearest one, not a close one: a profile of one paper made every pick
#: "close to" it. Chosen by F0.5 (a wrong "close to" misleads more than one left out) on a dev half of the bundled demo corpus:
#: one-paper profiles, the top 8 picks, "close" = the pick shares a topic tag with the saved paper; topics with 15+
#: papers in name order, dev = every other one from the first (Acoustic, Hallucination, MUSIC Array, Reward Model,
#: Subspace Array), held out = the rest (DOA, MLLM, Reasoning, Speech). Dev: F0.5 0.643 at no floor, best 0.698 at
#: 0.50 (precision 0.59 -> 0.67, recall 0.82). Held out, measured once: precision 0.46 -> 0.55, recall 0.89, F0.5
#: 0.52 -> 0.59; 75% of the picks keep a "close to".
CLOSE_FLOOR = 0.5

#: Verbs papers use to say what a method does or what a field wants, not what it is about: "is all you need",
#: "allows", "outperforms". No word of them names a topic (the map's labels) or connects a pick to saved papers
#: (a reason's words): "words: need" linked a survey of pet owners to three "… Is All You Need" papers.
GENERIC_VERBS = frozenset(
    """allow allows allowing enable enables enabling reach reaches reached achieve achieves achieved achieving
    outperform outperforms outperforming improve improves improved improving demonstrate demonstrates
    demonstrated provide provides provided providing introduce introduces introduced give gives given obtain
    obtains obtained yield yields lead leads require requires required need needs needed needing""".split()
)


def generic_word(word: str) -> bool:
    """Whether ``word`` (lowercase) says nothing about a topic: an English stopword (scikit-learn's list: "all",
    "you"), a search query stopword (:data:`paperlab.search.ranking.QUERY_STOP`: "propose", "results") or one of
    :data:`GENERIC_VERBS` ("need")."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return word in ENGLISH_STOP_WORDS or word in QUERY_STOP or word in GENERIC_VERBS


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(" .")


def author_key(name: str) -> tuple[str, str]:
    """A person's family name and first given name (or initial), folded: "Chen, Li", "Li Chen" and "L. Chen" meet."""
    family = family_name(name)
    given = name_parts(name)[1] if "," not in name else name.split(",", 1)[1]
    first = _fold(given.split()[0]) if given.split() else ""
    return _fold(family), first


@dataclass
class SavedContext:
    """What the feed knows of the saved papers beyond their text: each one (by id), the tags its list entries carry,
    and who wrote them."""

    papers: dict[str, Paper] = field(default_factory=dict)
    tags: dict[str, list[str]] = field(default_factory=dict)
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, paper id), one per authorship

    @classmethod
    def of(cls, store: Store, lists: Sequence[str], saved: Iterable[Paper]) -> SavedContext:
        """The context of ``saved``, with the tags of their entries in ``lists`` (``"*"``: every list)."""
        context = cls(papers={p.id: p for p in saved})
        names = list(store.lists()) if "*" in lists else [n for n in lists if n in store.lists()]
        for name in names:
            for entry in store.reading_list(name, create=False).entries():
                if entry.paper.id in context.papers and entry.tags:
                    held = context.tags.setdefault(entry.paper.id, [])
                    held.extend(t for t in entry.tags if t not in held)
        context.authors = [(a, p.id) for p in context.papers.values() for a in p.authors]
        return context

    def their_authors(self, paper: Paper) -> list[tuple[str, int]]:
        """The authors of ``paper`` who wrote saved papers too, with how many of them: the same family name and,
        when both names give one, the same first given name or its initial (:func:`paperlab.names.same_person`:
        "L. Chen" wrote "Chen, Li"'s paper, not "Wei Chen"'s)."""
        found = []
        for name in paper.authors:
            wrote = {pid for other, pid in self.authors if pid != paper.id and same_person(name, other)}
            if wrote:
                found.append((name, len(wrote)))
        return found


def shared_words(words: Sequence[str], text: str = "", limit: int = MAX_WORDS) -> list[str]:
    """The phrases of a reason, each word once: overlapping phrases joined ("word error" + "error rate" = "word
    error rate"), so is a word the pick's ``text`` writes next to a phrase ("word error" + "rate"); a word inside a
    kept phrase dropped; phrases first (the reason's order), at most ``limit``."""
    folded = " ".join(_fold(text).replace("-", " ").split())
    phrases = [w for w in words if " " in w]
    for word in [w for w in words if " " not in w]:
        for i, phrase in enumerate(phrases):
            for longer in (f"{phrase} {word}", f"{word} {phrase}"):
                if word not in phrase.split() and f" {longer} " in f" {folded} ":
                    phrases[i] = longer
                    break
    joined: list[str] = []
    for phrase in phrases:
        for i, kept in enumerate(joined):
            a, b = kept.split(), phrase.split()
            if phrase in kept:
                break
            if a[-1] == b[0]:  # "word error" then "error rate"
                joined[i] = " ".join([*a, *b[1:]])
                break
            if b[-1] == a[0]:
                joined[i] = " ".join([*b, *a[1:]])
                break
        else:
            joined.append(phrase)
    inside = {w for p in joined for w in p.split()}
    return list(dict.fromkeys([*joined, *(w for w in words if " " not in w and w not in inside)]))[:limit]


def _close_to(why: Reason, context: SavedContext | None, *, loosely: bool = False) -> str:
    """ "close to “A” (Quill 2021) (in thesis; tagged moe)"; with ``loosely``, the nearest saved paper only, said as
    "loosely related to" (none is close: nothing else says why the pick is there)."""
    shown = []
    for pid, title, _ in why.closest:
        paper = context.papers.get(pid) if context else None
        who = ""
        if paper is not None:
            first = family_name(paper.authors[0]) if paper.authors else ""
            who = " ".join(str(x) for x in (first, paper.year) if x)
        shown.append(f"“{short_title(title)}”" + (f" ({who})" if who else ""))
    tags: list[str] = []
    for pid, _, _ in why.closest:
        tags.extend(t for t in (context.tags.get(pid, []) if context else []) if t not in tags)
    where = [f"in {', '.join(why.lists)}"] if why.lists else []
    where += [f"tagged {', '.join(tags)}"] if tags else []
    return (
        ("loosely related to " if loosely else "close to ")
        + "; ".join(shown)
        + (f" ({'; '.join(where)})" if where else "")
    )


def reason_text(why: Reason, paper: Paper, context: SavedContext | None = None) -> str:
    """Why ``paper`` is in the feed, in words: the saved papers it is close to (short title, first author, year;
    their lists and tags), the phrases it shares with them, the authors of the saved papers who wrote it, the other
    top picks near it, the boosts it matched."""
    # one saved paper (one nearest): every pick is nearest to it, so only a close one says so; several: the nearest
    # say which of the user's papers a pick follows (a floor there was not measured)
    close = why.closest if len(why.closest) > 1 else [c for c in why.closest if c[2] >= CLOSE_FLOOR]
    parts = [_close_to(dataclasses.replace(why, closest=close), context)] if close else []
    words = [w for w in why.words if not all(generic_word(part) for part in w.split())]  # never "words: need"
    if words:
        parts.append("words: " + ", ".join(shared_words(words, f"{paper.title} {paper.abstract or ''}")))
    theirs = context.their_authors(paper) if context else []
    if theirs:
        parts.append("by " + ", ".join(f"{name} (author of {n} of your papers)" for name, n in theirs[:3]))
    if why.beside:
        parts.append("near other top picks: " + "; ".join(f"“{short_title(t)}”" for _, t in why.beside))
    if why.boosts:
        parts.append("boosted: " + ", ".join(why.boosts))
    if not parts and why.closest:  # nothing close and nothing else: the nearest saved paper, said as it is
        parts.append(_close_to(dataclasses.replace(why, closest=why.closest[:1]), context, loosely=True))
    return " — ".join(parts) or "no signal"
