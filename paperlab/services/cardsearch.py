"""The kernel search of the cards widget (:class:`paperlab.widget.PaperCards`): the library embedded in the
background, a search answered partially meanwhile and refined when the embedding is done, the reasons of the
hits (the first screen's with the answer, the rest in a background thread), the query encoder warmed.

:class:`CardsSearch` is a mixin of the widget: it sets the widget's traits (``scores``, ``query``, ``why``,
``holding``, ``search_note``, ``search_partial``, ``search_weaker``, ``embedding_progress``) in one message per
search, so the cards, the "Ranked by" chip and the status line agree. A search says how many of its ``k`` best hits
scored under the relevance cut-off (``search_weaker``); asked with ``"weaker": true`` it lists them too, after the
others. Leaving the ranking (the front end's "leave" command, or ``cards.query = ""`` in Python) has one path,
:meth:`CardsSearch._leave`.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from ..library import Library
from .cardswire import WHY_AT_MOST, WHY_AT_ONCE, answer_with, holding_note, weaker_trait, why_trait

__all__ = ["CardsSearch"]


class CardsSearch:
    """The search half of the cards widget; the widget sets the state below in its ``__init__``."""

    library: Library
    _searched_from: Library | None
    encoder: str | None
    _partial_search: dict[str, Any] | None
    _warm_thread: threading.Thread | None
    _why_lock: threading.Lock
    _own_query: threading.local  # ``setting``: this thread is the kernel setting ``query`` (not the front end)
    _search_generation: int
    _why_thread: threading.Thread | None

    if TYPE_CHECKING:  # the widget's synced traits (traitlets on the widget class)
        embedding_progress: dict[str, Any]
        why: dict[str, Any]
        query: str
        holding: bool
        search_note: str
        search_partial: dict[str, Any]
        search_weaker: dict[str, Any]
        scores: dict[str, float]
        search_mode: str
        search_k: int
        searched: int
        papers: list[dict[str, Any]]
        venues: dict[str, str]

        def hold_sync(self) -> AbstractContextManager[Any]: ...

    def _embed_in_background(self) -> None:
        """Embed the library in a background thread (:meth:`Library.embed`): ``embedding_progress``
        follows it, and a search answered partially meanwhile is run again when it is done."""
        from ..search import embed_library

        job = embed_library(self.library, encoder=self.encoder, background=True, progress=False)

        def follow(progress: dict[str, Any]) -> None:
            self.embedding_progress = dict(progress)
            if progress["state"] == "done" and self._warm_thread is None:
                self._warm_encoder()
            if progress["state"] == "done" and (request := self._take_partial_search()) is not None:
                answer_with(self._search, request)  # refine: the full ranking replaces the partial one

        job.on_progress(follow)
        follow(job.progress)

    def _warm_encoder(self) -> None:
        """Load the query encoder in a background thread once the library is embedded, so the first Enter does not
        wait for the model (one not exported yet is left to the first search: exporting takes 10-30 s of CPU)."""

        def run() -> None:
            try:
                from ..search import get_encoder

                load = getattr(get_encoder(self.encoder), "load", None)
                if callable(load):
                    load(export=False)
            except Exception:  # warming is a nicety: the first search loads the model itself
                return

        self._warm_thread = threading.Thread(target=run, name="paperlab-cards-warm", daemon=True)
        self._warm_thread.start()

    def _search(self, content: dict[str, Any]) -> dict[str, Any]:
        """Search and set the traits of the answer (``scores``, ``query``, ``why``, ``holding``, ``search_note``) at
        once, unless a newer search was asked for meanwhile: a refine of a partial search (``"refines"``: its
        generation, run from the embedding job's thread) that comes after a newer search changes nothing.
        ``"weaker": true`` also lists the hits under the relevance cut-off down to the floor (their calibrated scores;
        under ``results.floor`` a hit is noise); the answer's ``below`` says how many of the ``k`` best scored between
        the two either way."""
        query = str(content.get("query") or "").strip()
        with self._why_lock:
            if content.get("refines", self._search_generation) != self._search_generation:
                return {"n": 0, "query": query, "stale": True}  # a newer search came since the partial one
            self._search_generation += 1  # explanations (and refines) of an earlier search are dropped
            generation = self._search_generation
            self._partial_search = None
        if not query:
            self._show_search(generation, {}, "", {})
            return {"n": 0}
        mode = content.get("mode") or self.search_mode
        k = int(content.get("k") or self.search_k)
        from ..search import search_library
        from ..search.background import is_partial

        floor = 0.0 if content.get("weaker") else None  # the weaker matches too (the same ranking, not cut)
        # cards made from a search (`%papers QUERY --source FILE`) hold its hits only: its weaker matches are in the
        # library it searched, so that is what is searched again, and the weaker hits join the cards
        source = getattr(self, "_searched_from", None) if floor is not None else None
        pool = source if source is not None else self.library
        n = min(k, len(pool)) or 1
        results = search_library(pool, query, k=n, mode=mode, encoder=self.encoder, min_score=floor)
        if floor is not None:  # down to the weaker matches worth offering: the hits under results.floor are noise
            results = results.down_to_floor()
        if source is not None:
            self._take_in(results)
        partial = is_partial(results)
        # made while the library was being embedded: run again when it is (the status says what ranked it meanwhile)
        again = {**content, "query": query, "mode": mode, "refines": generation} if partial else None
        embedded = dict(results.partial or {}) if partial else {}
        answer: dict[str, Any] = {"query": query, "mode": mode, "partial": partial, "embedded": embedded}
        if results.holding_every_word:  # the cards' filter shows the papers holding every word; the status says so
            note = holding_note(len(results), query)
            if not self._show_search(generation, {}, query, {}, note, again, embedded):
                return {"n": 0, "query": query, "mode": mode, "stale": True}
            answer.update(n=0, holding=len(results), note=note)
        else:
            # why the hits on the first screen matched (the closest sentence costs an encoding of each abstract's
            # sentences), sent with the hits in one message: the cards do not jump when the reasons come
            first = results.first_reasons(WHY_AT_ONCE)
            scores = {pid: float(s) for pid, s in results.scores.items()}
            weaker = weaker_trait(results)
            searched = len(pool) if source is not None else 0
            if not self._show_search(
                generation, scores, query, why_trait(first), "", again, embedded, weaker, searched
            ):
                return {"n": 0, "query": query, "mode": mode, "stale": True}
            if len(results) > WHY_AT_ONCE:
                self._explain_rest(results, generation)
            answer.update(n=len(results), below=weaker.get("n", 0), weaker=bool(weaker.get("ids")))
        if partial and self.embedding_progress.get("state") == "done":
            # the job ended while this search ran (its notice found nothing to refine): refine now
            if (request := self._take_partial_search()) is not None:
                return self._search(request)
        return answer

    def _show_search(
        self,
        generation: int,
        scores: dict,
        query: str,
        why: dict,
        note: str = "",
        partial: Any = None,
        embedded: dict[str, Any] | None = None,
        weaker: dict[str, Any] | None = None,
        searched: int = 0,
    ) -> bool:
        """Set the traits of search ``generation`` in one message (cards, "Ranked by" chip and status agree), if it
        is still the newest search; ``partial``: the request that refines it once the library is embedded;
        ``embedded``: how far the embedding was when it was answered (``search_partial``; empty: a full ranking);
        ``weaker``: its hits under the relevance cut-off (``search_weaker``, :func:`.cardswire.weaker_trait`)."""
        with self._why_lock:
            if generation != self._search_generation:
                return False
            self._own_query.setting = True  # the kernel's own query (its empty search too): not the front end leaving
            try:
                with self.hold_sync():
                    self.why, self.query, self.holding, self.search_note = why, query, bool(note), note
                    self.search_partial, self.search_weaker = embedded or {}, weaker or {}
                    # a search of the cards' own papers: the count is theirs (a weaker search of the searched file: its)
                    self.searched = searched
                    self.scores = scores
            finally:
                self._own_query.setting = False
            self._partial_search = partial
        return True

    def _take_in(self, results: Any) -> None:
        """Add the hits of ``results`` the cards do not hold yet (the weaker matches of the search they were made
        from) to their papers, before the ranking that shows them is set."""
        held = {p.id for p in self.library}
        new = [p for p in results if p.id not in held]
        if new:
            self.library = Library([*self.library, *new], name=self.library.name)
            self.venues = {p.id: v for p in self.library if (v := p.venue)}
            self.papers = self.library.to_dicts()

    def _explain_found(self, results: Any) -> None:
        """Why the hits of the search the cards were made from matched (``%papers QUERY``, ``results.cards()``),
        as for a search typed in the cards: the first screen's reasons now, the rest in the background."""
        self.why = why_trait(results.first_reasons(WHY_AT_ONCE))
        if len(results) > WHY_AT_ONCE:
            self._explain_rest(results, self._search_generation)

    def _ranking_left(self, change: dict[str, Any]) -> None:
        """``query`` set to "" from outside the kernel (``cards.query = ""`` in Python, or a front end without the
        "leave" command) leaves the ranking as that command does (:meth:`_leave`). The kernel's own empty search
        (:meth:`_show_search`, which marks its thread while it sets ``query``) is not a leaving."""
        if not change["new"] and not getattr(self._own_query, "setting", False):
            self._leave({})

    def _leave(self, content: dict[str, Any]) -> dict[str, Any]:
        """Leave the kernel ranking (the front end's "leave" command: typing again, ✕; or :meth:`_ranking_left`): a
        partial search shown is not run again when the library is embedded (its answer would put the old query back
        over what is typed), the reasons and answers still coming are dropped, and the traits are cleared. The cancel
        waits for the lock another thread may hold (reasons being written, the embedding job taking the partial
        search, a search being shown), so it is never skipped. A command, so it comes in order with the searches: the
        front end does not set ``query``/``scores`` itself (a trait change may be sent late, after the next search's
        answer, and cleared that answer)."""
        with self._why_lock:
            self._search_generation += 1
            generation = self._search_generation
            self._partial_search = None
        self._show_search(generation, {}, "", {})
        return {"n": 0}

    def _take_partial_search(self) -> dict[str, Any] | None:
        """The partial search waiting to be refined, taken once (the job's notice and the search itself race)."""
        with self._why_lock:
            request, self._partial_search = self._partial_search, None
        return request

    def _explain_rest(self, results: Any, generation: int) -> None:
        """The reasons of the hits below the first screen (up to :data:`WHY_AT_MOST`), in a background thread:
        the search has answered; the cards show them (on their reserved line) when they come."""

        def run() -> None:
            try:
                reasons = results.first_reasons(WHY_AT_MOST)
            except Exception:  # a reason is a nicety: the hits are shown without it
                return
            with self._why_lock:
                if generation == self._search_generation:
                    self.why = why_trait(reasons)

        self._why_thread = threading.Thread(target=run, name="paperlab-cards-why", daemon=True)
        self._why_thread.start()

    def wait_for_reasons(self, timeout: float = 60.0) -> None:
        """Block until the reasons of the last search's hits are all in :attr:`why` (scripts and tests)."""
        if self._why_thread is not None:
            self._why_thread.join(timeout)
