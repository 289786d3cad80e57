"""SearchResults: a Library of hits that also carries their scores and explanations."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..library import Library
from ..paper import Paper
from ..text import plural
from .hit_frame import hit_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HOLDS_EVERY_WORD", "SearchResults", "holding_text", "weaker_floor", "weaker_text"]

#: The reason of a paper found by holding every word of the query (no hit passed the relevance cut-off).
HOLDS_EVERY_WORD = "holds every word of the query (title, abstract, authors or keywords)"


def holding_text(n: int, query: str) -> str:
    """What a search that lists the papers holding its words says (no hit passed the relevance cut-off): the one
    wording of the cards' status line, ``%papers``, the results' display and ``paperlab search``.

    >>> holding_text(3, "RLHF")
    '3 papers hold “RLHF” (title, abstract, authors or keywords) — not ranked by relevance'
    >>> holding_text(1, "zoe muller")
    '1 paper holds every word of “zoe muller” (title, abstract, authors or keywords) — not ranked by relevance'
    """
    verb = "holds" if n == 1 else "hold"
    words = "every word of " if len(query.split()) > 1 else ""
    return (
        f"{plural(n, 'paper')} {verb} {words}“{query}” (title, abstract, authors or keywords) — not ranked by relevance"
    )


def weaker_text(n: int, how: str) -> str:
    """What a search says of the hits it left out under the relevance cut-off, and ``how`` to list them: the one
    wording of the results' display and ``paperlab search``.

    >>> weaker_text(7, "min_score=0")
    '(7 weaker matches not shown: min_score=0)'
    """
    return f"({plural(n, 'weaker match', 'weaker matches')} not shown: {how})"


#: A weaker match is offered only when it scores at least this share of the best hit's score ...
FLOOR_OF_BEST = 0.15
#: ... and stands out from the bulk of the k best: above their median by this many robust deviations (MAD x 1.4826).
FLOOR_DEVIATIONS = 1.0


def weaker_floor(scores: Iterable[float]) -> float:
    """The lowest score a weaker match (a hit under the relevance cut-off) is offered at, from the scores of a
    search's ``k`` best hits: at least :data:`FLOOR_OF_BEST` of the best score and above the bulk of the list (its
    median plus :data:`FLOOR_DEVIATIONS` robust deviations), so the hits offered stand out from the library's noise.
    Without a floor a 51-paper library offered ~48 weaker matches, most near 1%. Chosen on our own small libraries
    (benchmarks/bench_weaker_floor.py, dev topics; README there): it keeps about half of the on-topic weaker hits
    and cuts the off-topic ones offered per search from ~41 to ~3 (test topics: ~43 to ~6).

    >>> weaker_floor([0.9, 0.5, 0.14, 0.05, 0.04, 0.03, 0.02, 0.02, 0.01])
    0.135
    >>> weaker_floor([])
    0.0
    """
    found = sorted(float(s) for s in scores if s == s)  # NaN (an every-word answer) has no score
    if not found:
        return 0.0
    mid = len(found) // 2
    median = found[mid] if len(found) % 2 else (found[mid - 1] + found[mid]) / 2
    deviations = sorted(abs(s - median) for s in found)
    mad = deviations[mid] if len(found) % 2 else (deviations[mid - 1] + deviations[mid]) / 2
    return max(FLOOR_OF_BEST * found[-1], median + FLOOR_DEVIATIONS * 1.4826 * mad)


class SearchResults(Library):
    """Papers found by a search, best first, with a score and a short explanation each.

    It is a :class:`~paperlab.library.Library` (filter, export, render as usual);
    :meth:`to_dataframe` gives an analysis-ready frame (score, why it matched); :attr:`score_scale` says what the scores mean
    (search and ``similar()``: a calibrated probability of relevance, 0-1, shown as "87% match" as the cards do;
    ``recommend()``: a rank score that only orders the list).

    Parameters
    ----------
    papers : iterable of Paper
        Hits, best first.
    scores : iterable of float
        One score per hit (higher is better; its scale depends on ``mode``).
    query : str, optional
        What was searched for (a query, or ``"similar to <id>"``).
    mode : str
        ``"hybrid"``, ``"semantic"``, ``"lexical"`` or ``"recommend"``.
    explain : callable, optional
        ``explain(paper)``, called lazily the first time explanations are needed: a reason
        ``{"terms": [...], "sentence": "...", "shared": bool}`` (see :attr:`reasons`) or a plain string.
    explain_many : callable, optional
        ``explain_many(papers)``: the reasons of several hits at once, in order (used instead of ``explain``
        when given: a search explains its hits with one encoder call).

    Attributes
    ----------
    scores : dict of str to float
        Score by paper id (NaN for the papers of :attr:`holding_every_word` results: they are not ranked).
    holding_every_word : bool
        No hit passed the relevance cut-off, and these are instead the papers whose title, abstract, authors or
        keywords (tags too) hold every word of the query (accents and case ignored), in library order: an author's
        name, which the ranking does not read, still finds the author's papers (see :func:`paperlab.search.search_library`).
    cutoff : float or None
        The relevance cut-off fitted with the scores of this mode (:mod:`paperlab.search.ranking`): hits scored
        under it are weaker matches; None when the results do not come from a calibrated ranking.
    below_cutoff : int
        How many of the ``k`` best hits scored under the cut-off the search applied (``min_score``, default
        :attr:`cutoff`) but not under :attr:`floor`, and were left out: the weaker matches worth offering, 0 when
        none was cut. ``lib.search(q, min_score=0)`` lists them (and the hits under the floor), after the others, each
        with its (lower) calibrated score; :attr:`weaker_ids` names them then, :meth:`down_to_floor` keeps those
        worth offering.
    floor : float or None
        The lowest score a weaker match is offered at (:func:`weaker_floor` of the ``k`` best hits' scores); hits
        under it are noise, counted nowhere; None when the results do not come from a calibrated ranking.
    searched : int or None
        How many papers the search looked through (the searched library's size; set by
        :func:`paperlab.search.search_library`): the cards say "1 result · 10 papers searched", not "1 paper".
    searched_from : Library or None
        The library searched (set with :attr:`searched`): cards made from these results search it again when
        asked for the weaker matches, which are not among the hits.
    partial : dict or None
        Set when the library was still being embedded (:mod:`paperlab.search.background`): ``{"done": papers
        embedded, "total": papers, "rest": "keyword" | "static" | ""}``, how the papers without a vector were
        ranked (by their words alone, by the fast static encoder, or none was left); None for a full ranking.
    """

    def __init__(
        self,
        papers: Iterable[Paper] = (),
        scores: Iterable[float] = (),
        query: str | None = None,
        mode: str = "hybrid",
        explain: Callable[[Paper], str | dict[str, Any]] | None = None,
        name: str | None = None,
        explain_many: Callable[[list[Paper]], Sequence[str | dict[str, Any]]] | None = None,
    ) -> None:
        super().__init__(name=name)
        self.query = query
        self.mode = mode
        self.scores: dict[str, float] = {}
        for paper, score in zip(papers, scores, strict=True):
            stored = self.add(paper)
            self.scores[stored.id] = max(float(score), self.scores.get(stored.id, float("-inf")))
        self._explain = explain
        self._explain_many = explain_many
        self._reasons: dict[str, dict[str, Any]] | None = None
        #: The paper these results are similar to (set by ``similar()``; the display names it by title).
        self.target: Paper | None = None
        self.holding_every_word = False
        self.partial: dict[str, Any] | None = None
        self.searched: int | None = None
        self.searched_from: Library | None = None
        self.cutoff: float | None = None
        self.floor: float | None = None
        self.below_cutoff = 0

    def __repr__(self) -> str:
        q = f" {self.query[:60]!r}" if self.query else ""
        found = holding_text(len(self), self.query or "") if self.holding_every_word else plural(len(self), "paper")
        return f"<SearchResults{q} ({self.mode}): {found}>"

    @property
    def weaker_ids(self) -> list[str]:
        """The hits listed although they scored under :attr:`cutoff` (a search with a lower ``min_score``), best
        first: the weaker matches, which come after the others."""
        cut = self.cutoff
        return [] if cut is None or self.holding_every_word else [i for i, s in self.scores.items() if s < cut]

    def down_to_floor(self) -> SearchResults:
        """These results without the hits under :attr:`floor` (a search with ``min_score=0`` lists the ``k`` best
        whatever they score): the hits past the cut-off, then the weaker matches worth offering (what the cards'
        "Show N weaker matches" and ``paperlab search --all`` list). The same scores and explanations."""
        floor = self.floor
        kept = [p for p in self if floor is None or not self.scores[p.id] < floor]
        found = SearchResults(
            kept,
            [self.scores[p.id] for p in kept],
            query=self.query,
            mode=self.mode,
            explain=self._explain,
            name=self.name,
            explain_many=self._explain_many,
        )
        found.target, found.holding_every_word, found.partial = self.target, self.holding_every_word, self.partial
        found.searched, found.searched_from = self.searched, self.searched_from
        found.cutoff, found.floor, found.below_cutoff = self.cutoff, floor, self.below_cutoff
        return found

    @property
    def reasons(self) -> dict[str, dict[str, Any]]:
        """Why each paper matched, by id: ``{"terms": [query words found in it], "sentence": its abstract's
        sentence closest to the query, "text": both as one line}`` (terms rarest first; either may be empty), and
        ``"related"`` when the words it matched say little: its own topical terms closest to the query."""
        if self._reasons is None:
            self._reasons = self._explained(list(self))
        return self._reasons

    def first_reasons(self, n: int) -> dict[str, dict[str, Any]]:
        """:attr:`reasons` of the first ``n`` hits only (explaining a hit encodes its abstract's sentences)."""
        if self._reasons is not None:
            return dict(list(self._reasons.items())[:n])
        return self._explained(list(self)[:n])

    def _explained(self, papers: list[Paper]) -> dict[str, dict[str, Any]]:
        """Reasons of ``papers`` by id: from ``explain_many`` in one call when given, else one ``explain`` each."""
        if self._explain_many is not None and papers:
            found = self._explain_many(papers)
        else:
            found = [self._explain(p) if self._explain else "" for p in papers]
        return {p.id: _reason(f) for p, f in zip(papers, found, strict=True)}

    @property
    def explanations(self) -> dict[str, str]:
        """Why each paper matched, as one line of text by id (``reasons[id]["text"]``)."""
        return {pid: r["text"] for pid, r in self.reasons.items()}

    def explain(self, paper: Paper | str) -> str:
        """The explanation of one hit, by Paper or id."""
        key = paper.id if isinstance(paper, Paper) else (self[paper].id)
        return self.explanations[key]

    def to_dataframe(self, full: bool = False) -> pd.DataFrame:
        """One row per hit, best first, indexed by id: ``title``, ``year``, ``authors``, ``score``, ``venue``,
        ``published``, ``date_precision``, ``arxiv_id``, ``doi``, ``url``, ``tags`` (when any),
        ``matched_terms`` and ``best_sentence`` (see :mod:`paperlab.search.hit_frame`).

        ``full=True``: ``score``, ``why`` (terms and sentence as one line), ``matched_terms`` and
        ``best_sentence`` before every column of :meth:`Library.to_dataframe` (same id index).
        """
        if not full:
            df = hit_frame(list(self), super().to_dataframe(), self.scores, self.reasons)
            df.attrs["score_scale"] = self.score_scale
            return df
        df = super().to_dataframe()
        df.insert(0, "score", [self.scores.get(i, float("nan")) for i in df.index])
        reasons = self.reasons
        df.insert(1, "why", [reasons[i]["text"] if i in reasons else "" for i in df.index])
        df.insert(2, "matched_terms", [list(reasons[i]["terms"]) if i in reasons else [] for i in df.index])
        df.insert(3, "best_sentence", [reasons[i]["sentence"] if i in reasons else "" for i in df.index])
        df.attrs["score_scale"] = self.score_scale
        return df

    @classmethod
    def holding_every_word_of(cls, papers: Iterable[Paper], query: str, mode: str) -> SearchResults:
        """The papers holding every word of ``query``, shown when no hit of a search passed its cut-off: not
        ranked (score NaN), each with the reason :data:`HOLDS_EVERY_WORD`."""
        found = list(papers)
        results = cls(found, [float("nan")] * len(found), query=query, mode=mode, explain=lambda _p: HOLDS_EVERY_WORD)
        results.holding_every_word = True
        return results

    @property
    def score_scale(self) -> str:
        """What the scores of these results mean (the HTML display says it under its header)."""
        if self.holding_every_word:
            return (
                "no score: the papers whose title, abstract, authors or keywords hold every word of the query, in library order "
                "(not ranked by relevance)"
            )
        if self.mode == "recommend":
            return "rank score: the personal ranking's fused score; it orders the list and is not a probability"
        if all(0.0 <= s <= 1.0 for s in self.scores.values()):
            return "% match: the calibrated chance that a hit is relevant (the score column, 0–1, as a percent)"
        return "score: the blended similarity (higher is closer)"

    def score_text(self, paper_id: str) -> str:
        """A hit's score as displayed: ``"87% match"`` (as the cards show it), else ``"rank score 4.62"``."""
        if self.holding_every_word:
            return "not ranked"
        score = self.scores.get(paper_id, 0.0)
        if self.mode != "recommend" and 0.0 <= score <= 1.0:
            pct = round(score * 100)
            return ">99% match" if pct >= 100 else "<1% match" if pct < 1 else f"{pct}% match"
        return f"{'rank score' if self.mode == 'recommend' else 'score'} {score:.2f}"

    def _heading(self) -> str:
        """What was searched for: the query, or the title of the paper the hits are similar to."""
        e = html.escape
        n = len(self)
        if self.target is not None:
            what = f"{plural(n, 'paper', number=False)} similar to <i>{e(self.target.shown_title)}</i>"
        elif self.mode == "recommend":
            what = plural(n, "recommendation", number=False) + (f", {e(self.query)}" if self.query else "")
        elif self.holding_every_word:
            return f"<div>{e(holding_text(n, self.query or ''))} ({e(self.mode)})</div>"
        else:
            what = plural(n, "result", number=False) + (f" for <i>{e(self.query)}</i>" if self.query else "")
            if self.below_cutoff:
                what += f" ({e(self.mode)}) {e(weaker_text(self.below_cutoff, 'min_score=0 lists them'))}"
                return f"<div><b>{n}</b> {what}</div>"
        return f"<div><b>{n}</b> {what} ({e(self.mode)})</div>"

    def _repr_html_(self) -> str:
        e = html.escape
        shown = len(self) and not self.holding_every_word  # the heading says it of papers holding the words
        note = f'<div style="{_MUTED};margin:0 0 8px">{e(self.score_scale)}</div>' if shown else ""
        rows = []
        for p in list(self)[:20]:
            why = self.explanations.get(p.id, "")
            line = " · ".join(x for x in (self.score_text(p.id), why) if x)
            # the score line sits on its card, the hits apart from each other
            rows.append(
                f'<div class="paperlab-hit" style="margin:0 0 14px">'
                f'<div style="{_MUTED};margin:0 0 0 2px">{e(line)}</div>{p.to_html()}</div>'
            )
        return self._heading() + note + "".join(rows)


_MUTED = "color:var(--jp-ui-font-color2,#666);font-size:90%"


def _reason(found: str | dict[str, Any]) -> dict[str, Any]:
    """A reason dict (terms, sentence, text) from what an explainer returned."""
    if isinstance(found, str):
        return {"terms": [], "sentence": "", "text": found}
    terms = [str(t) for t in found.get("terms", [])]
    related = [str(t) for t in found.get("related", [])]
    sentence = str(found.get("sentence") or "")
    parts = []
    if terms:
        parts.append(("shared terms: " if found.get("shared") else "matched: ") + ", ".join(terms))
    if related:  # the paper's own topical terms closest to the query, when the words it matched say little
        parts.append("related: " + ", ".join(related))
    if sentence:
        parts.append("“" + (sentence if len(sentence) <= 220 else sentence[:217] + "…") + "”")
    out = {"terms": terms, "sentence": sentence, "text": " — ".join(parts)}
    return {**out, "related": related} if related else out
