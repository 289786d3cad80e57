"""PaperCards: the notebook widget showing a Library as searchable, filterable paper cards.

The front end is ``paperlab/static/cards.js`` (built from ``js/src/widget/``). Papers
travel to it in the one wire format, :meth:`Paper.to_dict`. Everything the front end
cannot do alone (semantic search, reading-list writes, BibTeX and markdown renderings,
thumbs for the feed) it asks the kernel for with anywidget commands (``experimental.invoke`` in
the front end, :func:`anywidget.experimental.command` here): ``_cmd_search``, ``_cmd_list``,
``_cmd_render`` and ``_cmd_thumb``. anywidget pairs each answer with its call, so no request ids
travel. :class:`FeedCards` shows a day's :class:`~paperlab.feed.Feed` the same way, each card with
why it is there and thumbs that re-rank the feed at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anywidget
import traitlets
from anywidget.experimental import command

from .errors import PaperlabError
from .library import Library
from .paper import Paper
from .services.activelib import active_library, set_active_library
from .services.cardsearch import CardsSearch
from .services.cardsfallback import static_fallback, view_summary, why_notes
from .services.cardswire import (
    WHY_AT_MOST,
    WHY_AT_ONCE,
    answer_with,
    as_library,
    failure,
    holding_note,
    thumb_value,
    weaker_trait,
)
from .services.paperref import paper_code, store_resolver
from .text import NO_MATH_CLASS, plural

if TYPE_CHECKING:
    from .feed.core import Feed

__all__ = ["WHY_AT_MOST", "WHY_AT_ONCE", "FeedCards", "PaperCards", "active_library", "set_active_library"]

_STATIC = Path(__file__).parent / "static"
_SEARCH_MODES = ("hybrid", "semantic", "lexical")
_STATIC_CARDS = 20  # cards in the static fallback (nbconvert, GitHub)
_FALLBACK_CLASS = "paperlab-cards-static"  # hidden while a cards widget runs on the page (style.ts)
_THUMB_WORDS = {1: "👍 more like this", -1: "👎 less like this"}


class PaperCards(CardsSearch, anywidget.AnyWidget):
    """Papers as cards in a notebook: filter as you type, search with the kernel, save to lists.

    Parameters
    ----------
    papers : Library, Paper or iterable of Paper
        What to show. A :class:`~paperlab.search.SearchResults` is shown ranked, with scores.
    reading_list : str, optional
        Reading list the cards' "add to list" buttons write to (in the default store). Default: one of the user's
        own lists (the list saved to last, else the first; "default" only for a store with no list).
    search_mode : {"hybrid", "semantic", "lexical"}, optional
        How Enter in the search box searches (see :meth:`Library.search`). Default: the mode of the search whose
        hits are shown (the cards of a semantic search say "semantic" and search on that way), else hybrid.
    encoder : str, optional
        Sentence-transformers model for semantic and hybrid search.
    height : int
        Height of the card list in pixels.
    activate : bool
        Make ``papers`` the active library of ``%papers`` (ignored for search results).

    Attributes
    ----------
    selected : Library
        The papers ticked in the front end.

    Examples
    --------
    >>> from paperlab.data import demo_library
    >>> cards = PaperCards(demo_library())  # doctest: +SKIP
    >>> cards  # doctest: +SKIP
    """

    _esm = _STATIC / "cards.js"

    papers = traitlets.List(traitlets.Dict(), help="Paper.to_dict() of every paper shown").tag(sync=True)
    scores = traitlets.Dict(help="score by paper id of the current kernel search (empty: none)").tag(sync=True)
    holding = traitlets.Bool(
        False, help="no hit of the search for `query` passed the cut-off: shown are the papers holding every word"
    ).tag(sync=True)
    query = traitlets.Unicode("", help="query of the current kernel search").tag(sync=True)
    search_note = traitlets.Unicode(
        "", help="what the status line says of a `holding` search ('3 papers hold “RLHF” in title, abstract or ...')"
    ).tag(sync=True)
    search_partial = traitlets.Dict(
        help="the search for `query` was answered while the library was being embedded (a refined one follows): "
        "{'done': papers embedded, 'total': papers, 'rest': 'keyword' | 'static' | ''}, how the papers without a "
        "vector were ranked (SearchResults.partial); empty for a full ranking"
    ).tag(sync=True)
    search_weaker = traitlets.Dict(
        help="hits of the search for `query` that scored under the relevance cut-off (of the `search_k` best): "
        "{'n': how many, 'ids': those the cards show, after the others (a search asked with 'weaker': true; "
        "else [] and the status line offers to show them)}; empty when none was cut"
    ).tag(sync=True)
    why = traitlets.Dict(
        help="why each hit of the current kernel search matched, by paper id: "
        "{'terms': [query terms found in the paper], 'sentence': its best-matching sentence}, and 'related': "
        "[its own topical terms closest to the query] when the matched words say little"
    ).tag(sync=True)
    embedding_progress = traitlets.Dict(
        {"done": 0, "total": 0, "state": "idle"},
        help="background embedding of the library: papers done, papers in all, and state "
        "('idle', 'running', 'done', 'cancelled' or 'failed')",
    ).tag(sync=True)
    venues = traitlets.Dict(
        help="venue by paper id (Paper.venue: a journal reference or an accepted-at comment), only for papers with one"
    ).tag(sync=True)
    reading_lists = traitlets.List(traitlets.Unicode(), help="reading lists the cards can add to").tag(sync=True)
    view = traitlets.Dict(
        help="what the front end shows, for the static fallback: {'ids': first shown ids in order, "
        "'shown': how many match, 'filter': the typed filter, 'sort': 'relevance'|'date'|'upvotes'}"
    ).tag(sync=True)
    selected_ids = traitlets.List(traitlets.Unicode(), help="ids ticked in the front end").tag(sync=True)
    listed_ids = traitlets.List(traitlets.Unicode(), help="ids already in the reading list").tag(sync=True)
    reading_list_name = traitlets.Unicode("default").tag(sync=True)
    search_mode = traitlets.Enum(_SEARCH_MODES, default_value="hybrid").tag(sync=True)
    search_k = traitlets.Int(50, help="results asked of the kernel search").tag(sync=True)
    searched = traitlets.Int(
        0,
        help="how many papers the search that made these cards looked through (SearchResults.searched; the count "
        "says '1 result · 10 papers searched'); 0 when the cards hold the papers searched",
    ).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    height = traitlets.Int(560).tag(sync=True)

    def __init__(
        self,
        papers: Library | Paper | Iterable[Paper] = (),
        *,
        reading_list: str | None = None,
        search_mode: str | None = None,
        encoder: str | None = None,
        height: int = 560,
        activate: bool = True,
        **kwargs: Any,
    ) -> None:
        library = as_library(papers)
        scores: dict[str, float] = {}
        query = ""
        found_scores = getattr(library, "scores", None)  # a SearchResults (duck-typed: no search import)
        from_search = isinstance(found_scores, dict)
        if search_mode is None:
            searched_by = getattr(library, "mode", None) if from_search else None
            search_mode = searched_by if searched_by in _SEARCH_MODES else "hybrid"
        holding = bool(getattr(library, "holding_every_word", False))  # not ranked: no score is shown
        note = ""
        if isinstance(found_scores, dict):
            scores = {} if holding else {k: float(v) for k, v in found_scores.items()}
            query = getattr(library, "query", None) or ""
            note = holding_note(len(library), query) if holding else ""
        super().__init__(
            papers=library.to_dicts(),
            venues={p.id: v for p in library if (v := p.venue)},
            scores=scores,
            holding=holding,
            query=query,
            search_note=note,
            search_weaker=weaker_trait(library) if from_search else {},
            searched=int(getattr(library, "searched", None) or 0) if from_search else 0,
            reading_list_name=reading_list or users_list(_default_store()),
            search_mode=search_mode,
            label=library.name or "",
            height=height,
            **kwargs,
        )
        self.library = library
        # the library a search's cards came from: their "Show N weaker matches" searches it again
        self._searched_from = getattr(library, "searched_from", None) if from_search else None
        self.encoder = encoder
        self._refresh_listed()
        self.observe(lambda _change: self._refresh_listed(), names="reading_list_name")
        self._fallbacks: list[Any] = []  # display handles of the static cards shown below the widget
        self.observe(lambda _change: self._update_fallbacks(), names=["view", "scores", "query", "why"])
        if activate and not from_search:
            set_active_library(library)
        self._partial_search = None
        self._warm_thread = None
        self._why_lock = threading.Lock()
        self._own_query = threading.local()
        self._search_generation = 0
        self._why_thread = None
        self.observe(self._ranking_left, names="query")
        if search_mode != "lexical" and not from_search and len(library):
            self._embed_in_background()
        if from_search and len(library):
            self._explain_found(library)

    def __repr__(self) -> str:
        return f"<PaperCards: {plural(len(self.library), 'paper')}>"

    # -- kernel-side state ------------------------------------------------------------------
    @property
    def selected(self) -> Library:
        """The papers selected in the front end, in the order they appear in the library."""
        chosen = set(self.selected_ids)
        return Library((p for p in self.library if p.id in chosen), name=self.library.name)

    def _store(self) -> Any:
        """The store the cards' reading lists live in (the default store)."""
        return _default_store()

    def _reading_list(self) -> Any:
        return self._store().reading_list(self.reading_list_name)

    def _refresh_listed(self) -> None:
        store = self._store()
        self._lists_revision = store.revision()  # read first: a change made meanwhile shows as a newer revision
        names = list(store.lists())
        self.reading_lists = names if self.reading_list_name in names else [*names, self.reading_list_name]
        if self.reading_list_name not in names:
            self.listed_ids = []
            return
        in_list = set(store.reading_list(self.reading_list_name, create=False).ids())  # a read: no write
        self.listed_ids = [p.id for p in self.library if p.id in in_list]

    def _paper(self, paper_id: Any) -> Paper:
        if not isinstance(paper_id, str) or self.library.get(paper_id) is None:
            raise PaperlabError(f"no paper with id {paper_id!r} in these cards")
        return self.library[paper_id]

    # -- requests from the front end ----------------------------------------------------------
    def handle_message(self, content: dict[str, Any]) -> dict[str, Any]:
        """Answer one request given as a dict with a ``"type"``: what the front end's commands do.

        Parameters
        ----------
        content : dict
            ``{"type": "search", "query", "mode"?, "k"?, "weaker"?}``: search these papers and set
            :attr:`scores`/:attr:`query` (``"weaker": true``: the hits under the relevance cut-off too);
            ``{"type": "leave"}``: the front end left the ranking (typing again, ✕), the kernel clears those
            traits; ``{"type": "list", "action": "add"|"remove", "id"}``: change the reading list in the store;
            ``{"type": "render", "id", "format": "markdown"|"bibtex"|"code"}``: text of one paper for the
            clipboard or a new cell.
            An optional ``"request"`` is echoed back.

        Returns
        -------
        dict
            ``{"type": "reply", "request", "ok": True, ...}``, or ``"ok": False`` with ``"error"``.
        """
        handlers = self._handlers()
        kind = content.get("type")
        handler = handlers.get(kind) if isinstance(kind, str) else None
        if handler is None:
            expected = ", ".join(handlers)
            answer = failure(PaperlabError(f"unknown request type {kind!r}: expected {expected}"))
        else:
            answer = answer_with(handler, content)
        return {"type": "reply", "request": content.get("request"), **answer}

    def _handlers(self) -> dict[str, Any]:
        return {
            "search": self._search,
            "leave": self._leave,
            "list": self._change_list,
            "lists": self._lists,
            "render": self._render,
        }

    # anywidget commands: the front end calls them with `experimental.invoke(name, msg)`; each
    # answers ``{"ok": True, ...}`` or ``{"ok": False, "error"}`` and never raises (a command that
    # raised would leave the front end's promise waiting for ever).
    @command
    def _cmd_search(self, msg: Any, buffers: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        return answer_with(self._search, msg), []

    @command
    def _cmd_leave(self, msg: Any, buffers: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        return answer_with(self._leave, msg), []

    @command
    def _cmd_list(self, msg: Any, buffers: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        return answer_with(self._change_list, msg), []

    @command
    def _cmd_lists(self, msg: Any, buffers: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        return answer_with(self._lists, msg), []

    @command
    def _cmd_render(self, msg: Any, buffers: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        return answer_with(self._render, msg), []

    def _change_list(self, content: dict[str, Any]) -> dict[str, Any]:
        paper = self._paper(content.get("id"))
        action = content.get("action")
        rl = self._reading_list()
        if action == "add":
            rl.add(paper)
        elif action == "remove":
            rl.remove(paper.id)
        else:
            raise PaperlabError(f"unknown list action {action!r}: expected add or remove")
        self._refresh_listed()
        return {"id": paper.id, "listed": paper.id in self.listed_ids, "list": self.reading_list_name}

    def _lists(self, content: dict[str, Any]) -> dict[str, Any]:
        """The store's reading lists now (the cards' "List:" box asks before it is opened): a list made in the side
        panel or another notebook after these cards were shown is offered too. The box asks each time the pointer
        comes over it: the store is read again only when it changed since (its revision counts every write)."""
        if self._store().revision() != getattr(self, "_lists_revision", None):
            self._refresh_listed()
        return {"lists": list(self.reading_lists), "list": self.reading_list_name}

    def _render(self, content: dict[str, Any]) -> dict[str, Any]:
        paper = self._paper(content.get("id"))
        fmt = content.get("format")
        if fmt == "markdown":
            text = paper.to_markdown()
        elif fmt == "bibtex":
            text = paper.to_bibtex()
        elif fmt == "code":
            # stored where the cell's paperlab.paper(ref) looks (the kernel's default store, also for a feed on
            # another store), so that it finds the paper whatever its source and a citation key names it there
            from .store import open_store

            store = open_store()
            text = paper_code(store.paper(paper), store_resolver(store))
        else:
            raise PaperlabError(f"unknown format {fmt!r}: expected markdown, bibtex or code")
        return {"id": paper.id, "format": fmt, "text": text}

    def _notes(self) -> dict[str, str]:
        """A line of text under each card of the static fallback, by paper id: why a search hit matched."""
        return why_notes(self.why) if self.scores else {}

    # -- static fallback ---------------------------------------------------------------------
    def shown(self) -> list[Paper]:
        """The papers of the static fallback, in order: the front end's view when it reported one
        (:attr:`view`: the filtered, ranked or sorted cards the user saw), else the kernel ranking,
        else the library's first cards; at most 20."""
        ids = self.view.get("ids") if isinstance(self.view, dict) else None
        if not isinstance(ids, list):
            if self.scores:
                ids = sorted(self.scores, key=lambda pid: -self.scores[pid])
            else:
                ids = self.library.ids
        papers = (self.library.get(pid) for pid in ids if isinstance(pid, str))
        return [p for p in papers if p is not None][:_STATIC_CARDS]

    def _view_summary(self) -> tuple[int, list[str]]:
        """How many papers the view matches, and the words saying how it was made (filter, search, sort)."""
        search = f"search “{self.query}”" if self.scores and self.query else ""
        if self.holding and self.query:
            search = self.search_note or holding_note(len(self.library), self.query)
        return view_summary(self.view, len(self.scores or self.library), search)

    def _ipython_display_(self, **kwargs: Any) -> None:
        """Show the widget, and below it the static cards of the current view: hidden while the widget
        runs, shown by nbconvert, GitHub and a notebook opened without its kernel. The kernel updates
        them whenever the view changes, so a notebook saved from the browser keeps what the user saw."""
        from IPython.display import display

        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        display(data, metadata=metadata, raw=True)
        self._fallbacks.append(display(self._fallback_data(), raw=True, display_id=True))

    def _fallback_data(self) -> dict[str, str]:
        data = static_fallback(self.shown(), *self._view_summary(), len(self.library), self.label, self._notes())
        return {**data, "text/html": f'<div class="{_FALLBACK_CLASS} {NO_MATH_CLASS}">{data["text/html"]}</div>'}

    def _update_fallbacks(self) -> None:
        if self._fallbacks:
            data = self._fallback_data()
            for handle in self._fallbacks:
                handle.update(data, raw=True)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The widget view, plus the cards the user saw for renderers without widgets (nbconvert,
        GitHub): escaped HTML cards and a short markdown list (no HTML inside it)."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        summary = self._view_summary()
        data = {**data, **static_fallback(self.shown(), *summary, len(self.library), self.label, self._notes())}
        return data, metadata


class FeedCards(PaperCards):
    """A day's feed as paper cards: best first, each card saying why it is there, with thumbs.

    A thumb (up: more like this, down: less like this, pressed again: cleared) is stored in the store's
    feed memory (the side panel and the next ``paperlab feed`` see it) and re-ranks the feed at once
    (:meth:`Feed.rate`): the cards take the new order. A paper rated down leaves today's list (with
    ``hide_disliked``) and can be brought back. This is how a :class:`~paperlab.feed.Feed` shows itself
    in a notebook (``feed.cards()``).

    Parameters
    ----------
    feed : Feed
        The day's feed (its store keeps the thumbs).
    hide_disliked : bool
        Leave the papers rated down out of the cards (listed in :attr:`feed_info` to bring them back).
    reading_list : str, optional
        Reading list the cards' "add to list" buttons write to. Default: one of the user's own lists (the list
        today's picks are closest to, else the list saved to last; "default" only for a store with no list).
    height : int
        Height of the card list in pixels.
    """

    reasons = traitlets.Dict(help="why each paper is in the feed, by paper id").tag(sync=True)
    thumbs = traitlets.Dict(help="the stored thumb by paper id: 1 more like this, -1 less like this").tag(sync=True)
    feed_info = traitlets.Dict(
        help="{'day': ISO date, 'hidden': [{'id', 'title'}] rated down and left out, 'ranked': papers ranked, 'summary': that in words (Feed.summary), "
        "'hide_disliked': whether a paper rated down leaves the list, 'moved': what the last thumb did to the other "
        "papers, in words, 'problem': which sources were unreachable and what to do instead (Feed.problem)}"
    ).tag(sync=True)

    def __init__(
        self,
        feed: Feed,
        *,
        hide_disliked: bool = True,
        reading_list: str | None = None,
        height: int = 560,
        **kwargs: Any,
    ) -> None:
        self.feed = feed
        self.hide_disliked = hide_disliked
        chosen = reading_list or _feed_list(feed)
        super().__init__(self._visible(), reading_list=chosen, height=height, activate=False, **kwargs)
        self._sync()

    def __repr__(self) -> str:
        return f"<FeedCards {self.feed.day}: {plural(len(self.library), 'paper')}>"

    def _embed_in_background(self) -> None:
        """Nothing: a feed is a screenful (its papers' vectors are cached by the ranking that chose them), so its
        cards search in the same default mode as any other cards (hybrid) and embed at the first search."""

    def _visible(self) -> Library:
        items = [i for i in self.feed.items if not (self.hide_disliked and i.thumb == -1)]
        return Library([i.paper for i in items], name=f"Morning feed {self.feed.day}")

    def _sync(self) -> None:
        """Show the feed's current ranking: papers in order, reasons, thumbs, the papers left out."""
        self.library = self._visible()
        shown = set(self.library.ids)
        self.venues = {p.id: v for p in self.library if (v := p.venue)}
        self.reasons = {i.paper.id: i.why_text for i in self.feed.items}
        downs = self.feed.disliked()  # also those ranked out of the list: they can be brought back
        self.thumbs = {**{p.id: -1 for p in downs}, **{i.paper.id: i.thumb for i in self.feed.items if i.thumb}}
        hidden = [{"id": p.id, "title": p.shown_title} for p in downs if p.id not in shown]
        self.feed_info = {
            "day": self.feed.day.isoformat(),
            "hidden": hidden,
            "ranked": len(self.feed.items),
            # "20 new papers ranked for you" / "20 of your papers ranked for you"; the failed sources: "problem"
            "summary": self.feed.summary(sources=False),
            "hide_disliked": self.hide_disliked,
            "moved": self.feed.last_change.text(len(self.feed.items)),  # what the last thumb did to the others
            "problem": self.feed.problem(),
            "note": self.feed.note,  # no saved papers: why this order, once for every card
        }
        self.view = {}  # the front end reports its view of the new order
        self.papers = self.library.to_dicts()
        self._refresh_listed()
        self._update_fallbacks()  # the static list below the cards follows the new order and thumbs

    def _store(self) -> Any:
        """The feed's store: its reading lists, its memory of thumbs."""
        return self.feed.memory.store

    def _paper(self, paper_id: Any) -> Paper:
        if not isinstance(paper_id, str):
            raise PaperlabError(f"paper {paper_id!r} is not in the feed of {self.feed.day}")
        return self.feed.find(paper_id)

    def _handlers(self) -> dict[str, Any]:
        return {**super()._handlers(), "thumb": self._thumb}

    @command
    def _cmd_thumb(self, msg: Any, buffers: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        return answer_with(self._thumb, msg), []

    def _thumb(self, content: dict[str, Any]) -> dict[str, Any]:
        """Store the thumb (the store's ``feed_memory``, as the panel does) and re-rank: ``{"id", "thumb", "before", "after"}`` (positions in the cards,
        from 0; None when not shown), ``"hidden"`` (the paper left today's list) and what the re-rank did to the
        other papers: ``"change"`` (:meth:`FeedChange.to_dict`) and ``"change_text"`` (in words, for the status)."""
        paper = self._paper(content.get("id"))
        thumb = thumb_value(content.get("thumb"))
        before = self.library.ids.index(paper.id) if paper.id in self.library.ids else None
        self.feed.rate(paper, thumb)
        self._sync()
        after = self.library.ids.index(paper.id) if paper.id in self.library.ids else None
        hidden = after is None and any(h["id"] == paper.id for h in self.feed_info["hidden"])
        change = self.feed.last_change  # the re-rank moves other papers too: the answer says which
        return {
            "id": paper.id,
            "thumb": thumb,
            "before": before,
            "after": after,
            "hidden": hidden,
            "change": change.to_dict(),
            "change_text": change.text(len(self.feed.items)),
        }

    def _notes(self) -> dict[str, str]:
        """Why each paper is in the feed, and its thumb, in words."""
        thumbs = {pid: _THUMB_WORDS[t] for pid, t in self.thumbs.items() if t in _THUMB_WORDS}
        return {pid: " · ".join(x for x in (why, thumbs.get(pid)) if x) for pid, why in self.reasons.items()}

    def _view_summary(self) -> tuple[int, list[str]]:
        count, how = super()._view_summary()
        hidden = [f"“{h['title']}”" for h in self.feed_info.get("hidden") or []]
        if hidden:
            more = f" and {len(hidden) - 3} more" if len(hidden) > 3 else ""
            how = [*how, f"hidden (less like this): {', '.join(hidden[:3])}{more}"]
        moved = self.feed.last_change.text(len(self.feed.items))
        if moved:
            how = [*how, f"last thumb: {moved}"]
        return count, how


def _default_store() -> Any:
    from .store import open_store

    return open_store()


def _feed_list(feed: Feed) -> str:
    """The reading list a feed's cards add to when none was named: the list today's picks are closest to, else
    :func:`users_list`."""
    return users_list(feed.memory.store, feed.lists_named())


def users_list(store: Any, preferred: Iterable[str] = ()) -> str:
    """The reading list cards add to when none was named: the first of ``preferred`` the store has, else the list
    a paper was added to last, else the store's first list; "default" (created by the first add) only when the store
    has no list, so the cards never offer a list the user does not have."""
    names = list(store.lists())
    named = [n for n in preferred if n in names]
    if named:
        return named[0]
    return store.last_added_list() or (names[0] if names else "default")
