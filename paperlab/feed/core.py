"""The morning feed: new papers ranked for the user, explained, never repeated, learning from thumbs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from ..dates import as_date
from ..errors import NotFound, SourcesUnreachableWarning, warn_partial
from ..paper import Paper
from ..search.personal import RankingOptions, Reason, rank_personal
from ..sources.dailyarxiv import to_dailyarxiv_markdown
from ..store import Store, open_store
from ..store.feed_memory import FeedMemory
from ..text import NO_MATH_CLASS, md_escape, md_link_text, plural
from ..urls import md_url
from . import operations
from .fetching import fetch_arrivals
from .profile import InterestProfile
from .reasons import SavedContext, reason_text

__all__ = ["Feed", "FeedChange", "FeedItem", "feed", "parse_since", "saved_papers"]

#: Why the picks of a feed without saved papers are where they are: said once for the whole feed (:attr:`Feed.note`),
#: never on every pick.
NO_REASON = (
    "not personalised yet (no saved papers): the most upvoted come first, then the newest; save papers to a "
    "reading list to rank the feed by what you read"
)

#: What :meth:`Feed.problem` suggests in a notebook when no source could be read.
NOTEBOOK_INSTEAD = "paperlab.feed(candidates=lib), lib being a library you loaded (e.g. paperlab.load('refs.bib'))"


@dataclass
class FeedItem:
    """One paper of the feed, its score, why it is there and the user's thumb (1, -1 or 0)."""

    paper: Paper
    score: float
    why: Reason | None
    thumb: int = 0
    #: What the feed knows of the saved papers (first authors, years, tags): the reason's words name them.
    context: SavedContext | None = dataclasses.field(default=None, repr=False, compare=False)

    @property
    def why_text(self) -> str:
        """Why the paper is in the feed, in words (a paper rated up says so first): :func:`reasons.reason_text`;
        "" for a pick of a feed that is not personalised (its :attr:`Feed.note` says why, once)."""
        why = reason_text(self.why, self.paper, self.context) if self.why else ""
        if self.thumb == 1:
            return " — ".join(["you said more like this", *([why] if why else [])])
        return why

    def to_dict(self) -> dict[str, Any]:
        """Plain data: the paper's wire JSON, score, reasons and thumb."""
        return {
            "paper": self.paper.to_dict(),
            "score": round(self.score, 4),
            "why": self.why.to_dict() if self.why else None,
            "why_text": self.why_text,
            "thumb": self.thumb,
        }


@dataclass
class FeedChange:
    """What one thumb did to the rest of the feed (unrated papers only; the rated paper's own move is apart):
    papers that moved down or up the list, left it (ranked below today's ``k``) or came into it."""

    down: list[Paper] = dataclasses.field(default_factory=list)
    up: list[Paper] = dataclasses.field(default_factory=list)
    left: list[Paper] = dataclasses.field(default_factory=list)
    came: list[Paper] = dataclasses.field(default_factory=list)

    @classmethod
    def between(cls, before: Sequence[FeedItem], after: Sequence[FeedItem], rated: str) -> FeedChange:
        """The change from the ranking ``before`` to ``after`` for every paper but ``rated`` and rated ones."""
        skip = {rated} | {i.paper.id for i in (*before, *after) if i.thumb}
        was = {i.paper.id: n for n, i in enumerate(before) if i.paper.id not in skip}
        now = {i.paper.id: n for n, i in enumerate(after) if i.paper.id not in skip}
        papers = {i.paper.id: i.paper for i in (*before, *after)}
        # positions among the unrated papers (in the list before, in the list after), so the rated paper leaving
        # or arriving shifts nobody; a paper coming in above another pushes it down
        rank_was = {pid: r for r, pid in enumerate(sorted(was, key=was.__getitem__))}
        rank_now = {pid: r for r, pid in enumerate(sorted(now, key=now.__getitem__))}
        change = cls()
        for pid in rank_was:
            if pid not in rank_now:
                change.left.append(papers[pid])
            elif rank_now[pid] > rank_was[pid]:
                change.down.append(papers[pid])
            elif rank_now[pid] < rank_was[pid]:
                change.up.append(papers[pid])
        change.came = [papers[pid] for pid in now if pid not in was]
        return change

    def text(self, shown: int) -> str:
        """In words, e.g. "3 other papers moved down; 2 left today's 8: “A”, “B”" ("" when nothing moved)."""
        parts = []
        if self.down:
            parts.append(f"{plural(len(self.down), 'other paper')} moved down")
        if self.left:
            titles = ", ".join(f"“{p.shown_title}”" for p in self.left[:3]) + (" …" if len(self.left) > 3 else "")
            parts.append(f"{plural(len(self.left), 'paper')} left today’s {shown}: {titles}")
        if self.came:
            parts.append(f"{plural(len(self.came), 'paper')} came in")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: ids that moved down/up or came in, id and title of those that left."""
        return {
            "down": [p.id for p in self.down],
            "up": [p.id for p in self.up],
            "left": [{"id": p.id, "title": p.shown_title} for p in self.left],
            "came": [p.id for p in self.came],
        }


def parse_since(value: str | dt.date | None, today: dt.date) -> dt.date:
    """``today``, ``yesterday``, ``7d`` (days back) or an ISO date."""
    if value is None or value == "yesterday":
        return today - dt.timedelta(days=1)
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().lower()
    if text == "today":
        return today
    if text.endswith("d") and text[:-1].isdigit():
        return today - dt.timedelta(days=int(text[:-1]))
    day = as_date(text, "since")
    assert day is not None
    return day


def saved_papers(store: Store, lists: Sequence[str]) -> list[Paper]:
    """Papers of the named reading lists (``"*"``: every list in the store), most recently added first (one per
    paper)."""
    entries = []
    names = list(store.lists()) if "*" in lists else lists
    for name in names:
        if name in store.lists():
            entries.extend(store.reading_list(name, create=False).entries())
    entries.sort(key=lambda e: e.added, reverse=True)
    seen: set[str] = set()
    out = []
    for e in entries:
        if e.paper.id not in seen:
            seen.add(e.paper.id)
            out.append(e.paper)
    return out


def _lists_of_saved(store: Store, lists: Sequence[str]) -> dict[str, list[str]]:
    """The reading lists (of ``lists``; ``"*"``: every list) holding each saved paper, by paper id, in the store's
    order of lists."""
    names = list(store.lists()) if "*" in lists else [n for n in lists if n in store.lists()]
    held: dict[str, list[str]] = {}
    for name in names:
        for pid in store.reading_list(name, create=False).ids():
            held.setdefault(pid, []).append(name)
    return held


class Feed:
    """A day's feed: ranked :class:`FeedItem` s; :meth:`rate` stores a thumb and re-ranks at once.

    Attributes
    ----------
    day : datetime.date
    items : list of FeedItem
        Best first, at most ``profile.k``.
    profile : InterestProfile
    failed : list of str
        Sources that could not be read.
    unreachable : list of str
        Those of them that could not be reached at all (``"arXiv"``, ``"Hugging Face"``).
    hidden : int
        Papers left out because an earlier day showed them.
    remember : bool
        Whether the papers shown (also after a re-ranking) are remembered as shown on ``day``.
    muted : list of Paper
    """

    def __init__(
        self,
        day: dt.date,
        candidates: list[Paper],
        saved: list[Paper],
        profile: InterestProfile,
        memory: FeedMemory,
        failed: list[str] | None = None,
        hidden: int = 0,
        remember: bool = False,
        unreachable: Sequence[str] = (),
        own: bool = False,
    ) -> None:
        self.day = day
        #: The candidates were the user's own papers (``feed(candidates=lib)``), not fetched arrivals.
        self.own = own
        #: Every source was unreachable, so the user's own papers were ranked instead (``%feed`` offline).
        self.instead_of_sources = False
        self.unreachable = list(unreachable)
        self.remember = remember
        self.profile = profile
        self.memory = memory
        self.failed = list(failed or [])
        self.hidden = hidden
        self._candidates = candidates
        self._saved = saved
        held = _lists_of_saved(memory.store, profile.lists)
        # a pick names the lists of the saved papers it is close to only when the feed learns from several
        self._lists_of = held if len({n for names in held.values() for n in names}) > 1 else {}
        self._context = SavedContext.of(memory.store, profile.lists, saved)
        self.items: list[FeedItem] = []
        self.muted: list[Paper] = []
        self._ranked_with: dict[str, int] = {}
        #: What the last :meth:`rate` did to the other papers of the list.
        self.last_change = FeedChange()
        self.rank()

    def __repr__(self) -> str:
        pool = f"your {plural(len(self._candidates), 'paper')}" if self.own else f"{len(self._candidates)} new papers"
        return f"<Feed {self.day}: {len(self.items)} of {pool}{'; ' + self._failed_text() if self.failed else ''}>"

    def __len__(self) -> int:
        return len(self.items)

    @property
    def papers(self) -> list[Paper]:
        """The feed's papers, best first."""
        return [i.paper for i in self.items]

    def disliked(self) -> list[Paper]:
        """Today's new papers the user rated down (stored thumbs), in the order they arrived."""
        down = {pid for pid, t in self.memory.thumbs().items() if t == -1}
        return [p for p in self._candidates if p.id in down]

    def rank(self) -> None:
        """(Re-)rank the candidates with the profile and the stored thumbs."""
        thumbs = self.memory.thumbs()
        self._ranked_with = thumbs
        opts = self.profile.ranking_options()
        opts.liked = self.memory.rated(1)
        opts.disliked = self.memory.rated(-1)
        if not self._candidates:
            self.items, self.muted = [], []
            return
        if not self._saved and not opts.liked:
            self.items = _unpersonalised(self._candidates, opts)[: self.profile.k]
        else:
            ranking = rank_personal(self._saved, self._candidates, options=opts)
            self.muted = ranking.muted
            self.items = [
                FeedItem(p, s, self._in_lists(_not_itself(p, r)), context=self._context)
                for p, s, r in zip(ranking.papers, ranking.scores, ranking.reasons, strict=True)
            ][: self.profile.k]
        for item in self.items:
            item.thumb = thumbs.get(item.paper.id, 0)
        if self.remember:  # what a re-ranking brings into view counts as shown too
            self.memory.mark_shown(self.papers, self.day)

    def _in_lists(self, why: Reason | None) -> Reason | None:
        """The reason naming the reading lists of the saved papers it is close to (none when the feed learns
        from one list, or the papers are rated-up arrivals of no list)."""
        if why is None or not self._lists_of:
            return why
        names = [n for pid, _, _ in why.closest for n in self._lists_of.get(pid, [])]
        return dataclasses.replace(why, lists=list(dict.fromkeys(names)))

    def lists_named(self) -> list[str]:
        """The reading lists today's picks are close to, most named first (ties: the store's order); empty when
        the feed learns from one list or none."""
        counts: dict[str, int] = {}
        for item in self.items:
            for name in item.why.lists if item.why else []:
                counts[name] = counts.get(name, 0) + 1
        return sorted(counts, key=lambda n: -counts[n])

    def sync_thumbs(self) -> bool:
        """Re-rank if the stored thumbs changed since the last ranking (a thumb given in another view: the side
        panel, a notebook's cards, ``paperlab feed --up``); True when it re-ranked."""
        if self.memory.thumbs() == self._ranked_with:
            return False
        self.rank()
        return True

    def rate(self, paper: Paper | str, thumb: int) -> Feed:
        """Thumb up (1), down (-1) or clear (0) a paper; stored, and the feed re-ranked at once. What that did to
        the other papers (moved down, left the list...) is :attr:`last_change`."""
        found = self.find(paper)
        before = list(self.items)
        self.memory.rate(found, thumb)
        self.rank()
        self.last_change = FeedChange.between(before, self.items, found.id)
        return self

    def find(self, paper: Paper | str) -> Paper:
        """A paper of today's candidates by id or arXiv id (else one the feed memory stored); NotFound if none."""
        if isinstance(paper, Paper):
            return paper
        for p in self._candidates:
            if paper in (p.id, p.arxiv_id):
                return p
        stored = self.memory.paper(paper)
        if stored is None:
            raise NotFound(f"paper {paper!r} is not in the feed of {self.day}")
        return stored

    @property
    def note(self) -> str:
        """Why the picks are in this order when no pick has a reason of its own (no saved papers: the feed is not
        personalised), said once for the whole feed; "" otherwise."""
        return NO_REASON[0].upper() + NO_REASON[1:] + "." if self.items and not any(i.why for i in self.items) else ""

    def summary(self, sources: bool = True) -> str:
        """What was ranked, in words: "20 new papers ranked for you", or "20 of your papers ranked for you" when
        the candidates were the user's own papers ("20 new papers" alone when nothing is saved to rank them by:
        :attr:`note` says why their order); when a source could not be read, which ("no new papers: arXiv
        and Hugging Face were unreachable (offline?)"), unless ``sources`` is False (a view showing
        :meth:`problem` beside it: the feed cards)."""
        n = len(self.items)
        done = f"{n} of your papers" if self.own else plural(n, "new paper")
        done += "" if self.note else " ranked for you"  # nothing saved to rank by: its note says so, once
        if not (sources and self.failed):
            return done
        if not n:  # empty because the sources could not be read, not for want of new papers
            return f"no new papers: {self._failed_text()}"
        return f"{done} ({self._failed_text()})"

    def _failed_text(self) -> str:
        """Which sources could not be read: "arXiv and Hugging Face were unreachable (offline?)"."""
        if self.unreachable and len(self.unreachable) == len(self.failed):
            verb = "was" if len(self.unreachable) == 1 else "were"
            return f"{' and '.join(self.unreachable)} {verb} unreachable (offline?)"
        return "; ".join(self.failed)

    def problem(self, instead: str = NOTEBOOK_INSTEAD) -> str:
        """One line when a source failed, ``""`` otherwise: which sources were unreachable (or failed) and, when
        nothing is left to show, how to rank the user's own papers instead (``instead``: the notebook's call, or
        the CLI's option)."""
        if not self.failed:
            return ""
        what = self._failed_text()
        if self.items and self.instead_of_sources:  # every source unreachable: the user's own papers ranked (%feed)
            return f"{what}: ranked {plural(len(self.items), 'paper')} of your own library instead"
        if self.items:
            return f"{what}; showing {plural(len(self.items), 'paper')} from the others"
        return f"{what}: no new papers to rank. To rank the papers of your own library instead: {instead}"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (the server's body, the CLI's ``--format json``)."""
        return {
            "day": self.day.isoformat(),
            "items": [i.to_dict() for i in self.items],
            "failed": list(self.failed),
            "note": self.note,
            "hidden": self.hidden,
            "muted": len(self.muted),
            "profile": self.profile.to_dict(),
        }

    def cards(self, **options: Any) -> Any:
        """The feed as paper cards in a notebook (:class:`paperlab.widget.FeedCards`): best first, each card
        with why it is there and thumbs up/down that are stored and re-rank the cards at once.

        Parameters
        ----------
        **options
            ``hide_disliked`` (default True: a paper rated down leaves today's list, and can be brought back),
            ``reading_list``, ``height``.
        """
        return operations.get("cards")(self, **options)

    def _ipython_display_(self, **kwargs: Any) -> None:
        """In a notebook the feed is its cards (with the ranked list as text for static viewers)."""
        self.cards()._ipython_display_(**kwargs)

    def to_digest(self) -> str:
        """The feed as a DailyArXiv-style README (the digest format)."""
        return to_dailyarxiv_markdown(self.papers, last_update=self.day, title=f"Morning feed {self.day}")

    def to_markdown(self, instead: str = NOTEBOOK_INSTEAD) -> str:
        """A numbered markdown list with the reasons; first, when a source could not be read, which and what to do
        instead (:meth:`problem`, with ``instead``)."""
        lines = [f"# Morning feed {self.day}", ""]
        if self.failed:  # why the list is empty or short, before it
            lines += [f"*{md_escape(self.problem(instead))}*", ""]
        if self.note:  # said once, not on every pick
            lines += [f"*{md_escape(self.note)}*", ""]
        for n, item in enumerate(self.items, 1):
            p = item.paper
            title = md_link_text(p.shown_title)
            url = md_url(p.url)
            head = f"[{title}]({url})" if url else title
            why = md_link_text(str(item.why)) if item.why else ""
            lines.append(f"{n}. {head}" + (f" — {why}" if why else ""))
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        rows = []
        for item in self.items:
            p = item.paper
            why = html.escape(item.why_text)
            thumb = {1: " 👍", -1: " 👎"}.get(item.thumb, "")
            small = f"<br><small>{why}</small>" if why else ""
            rows.append(f"<li><b>{html.escape(p.shown_title)}</b>{thumb}{small}</li>")
        failed = f"<p><i>{html.escape(self.problem())}</i></p>" if self.failed else ""
        failed += f"<p><i>{html.escape(self.note)}</i></p>" if self.note else ""
        return f'<div class="{NO_MATH_CLASS}"><h4>Morning feed {self.day}</h4>{failed}<ol>{"".join(rows)}</ol></div>'


def _not_itself(paper: Paper, why: Reason | None) -> Reason | None:
    """The reason without the paper itself among the papers it is close to (a paper rated up is one of them)."""
    if why is None or all(pid != paper.id for pid, _, _ in why.closest):
        return why
    return dataclasses.replace(why, closest=[c for c in why.closest if c[0] != paper.id])


def _unpersonalised(candidates: Sequence[Paper], opts: RankingOptions) -> list[FeedItem]:
    """Without saved papers: most popular, then newest first."""

    def key(p: Paper) -> tuple[int, str]:
        return ((p.upvotes or 0) + (p.github_stars or 0), (p.published or p.updated or dt.date.min).isoformat())

    return [FeedItem(p, 0.0, None) for p in sorted(candidates, key=key, reverse=True)]


def feed(
    since: str | dt.date | None = "yesterday",
    *,
    profile: InterestProfile | dict[str, Any] | str | Path | None = None,
    store: Store | str | Path | None = None,
    today: str | dt.date | None = None,
    offline: bool = False,
    candidates: Iterable[Paper] | None = None,
    cache_dir: str | Path | None = None,
    remember: bool = True,
    arxiv_url: str | None = None,
    hf_url: str | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Feed:
    """Today's feed: the newest papers of the profile's sources, ranked by what the user saved.

    Parameters
    ----------
    since : str or date
        ``"yesterday"`` (default), ``"today"``, ``"7d"`` or an ISO date.
    profile : InterestProfile, dict or path, optional
        Default: :meth:`InterestProfile.load` (the JSON file, or the defaults).
    store : Store or path, optional
        Where the lists, the memory of what was shown and the thumbs live (default store).
    today : date, optional
        The day of the feed (default: today).
    offline : bool
        Rebuild from cached answers only.
    candidates : iterable of Paper, optional
        Rank these instead of fetching.
    remember : bool
        Remember the shown papers (so later days do not repeat them).
    """
    day = as_date(today, "today") if today is not None else dt.date.today()
    assert day is not None
    prof = _profile(profile)
    st = store if isinstance(store, Store) else (Store(store) if store is not None else open_store())
    memory = FeedMemory(st)
    failed: list[str] = []
    unreachable: list[str] = []
    if candidates is None:
        got = fetch_arrivals(
            prof.categories,
            parse_since(since, day),
            day,
            hf_daily=prof.hf_daily,
            include_replaced=prof.include_replaced,
            cache_dir=cache_dir,
            offline=offline,
            arxiv_url=arxiv_url or prof.arxiv_listing_url,
            hf_url=hf_url or prof.hf_url,
            transport=transport,
        )
        pool, failed, unreachable = got.papers, got.failed, got.unreachable
    else:
        pool = list(candidates)
    saved = saved_papers(st, prof.lists)
    saved_ids = {p.id for p in saved} | {p.arxiv_id for p in saved if p.arxiv_id}
    pool = [p for p in pool if p.id not in saved_ids and p.arxiv_id not in saved_ids]
    seen = set() if prof.repeats else memory.shown_before(day)
    fresh = [p for p in pool if p.id not in seen]
    hidden = len(pool) - len(fresh)
    made = Feed(
        day,
        fresh,
        saved,
        prof,
        memory,
        failed,
        hidden=hidden,
        remember=remember,
        unreachable=unreachable,
        own=candidates is not None,
    )
    if made.failed:  # said at the call too: an empty feed is not "nothing new today"
        warn_partial(SourcesUnreachableWarning(made.problem(), made.failed))
    return made


def _profile(profile: InterestProfile | dict[str, Any] | str | Path | None) -> InterestProfile:
    if isinstance(profile, InterestProfile):
        return profile
    if isinstance(profile, dict):
        return InterestProfile.from_dict(profile)
    return InterestProfile.load(profile)
