"""A feed learns from every reading list (``lists: ["*"]``): its cards name the user's own lists, never one the user
does not have. The cards' list menu ("List:") offers the user's lists and starts on the list today's picks are closest
to (it showed "default", a list the user never made); with several lists each pick says which list(s) hold the saved
papers it is close to ("close to “A”; “B” (in thesis, reading group)"), with one list it says nothing of a list.

Data: real papers of the bundled demo corpus (contrastive-learning papers saved to "thesis", hallucination papers to
"reading group", new papers of both topics arriving), a real SQLite store, the real personal ranking.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from paperlab.data import demo_library
from paperlab.feed.core import Feed, feed
from paperlab.feed.profile import InterestProfile
from paperlab.paper import Paper
from paperlab.store import Store
from paperlab.widget import FeedCards

DAY = dt.date(2026, 3, 4)


def _topic(location: str, n: int, skip: int = 0) -> list[Paper]:
    papers = [p for p in demo_library() if p.abstract and any(s.location.endswith(location) for s in p.sources)]
    return papers[skip : skip + n]


CONTRASTIVE = "hf-papers-contrastive.txt"
HALLUCINATION = "hf-papers-ood-hallucination.txt"


def _feed(store: Store) -> Feed:
    arriving = _topic(CONTRASTIVE, 8, skip=6) + _topic(HALLUCINATION, 8, skip=6)
    profile = InterestProfile(categories=[], hf_daily=False, k=10)
    return feed(candidates=arriving, profile=profile, store=store, today=DAY)


def test_one_list_of_its_own_the_cards_add_to_it_and_name_no_other(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    for p in _topic(CONTRASTIVE, 6):
        store.reading_list("thesis").add(p)
    cards = FeedCards(_feed(store))
    assert cards.reading_list_name == "thesis"
    assert cards.reading_lists == ["thesis"]
    assert store.lists() == ["thesis"]  # showing the cards made no list
    reasons = list(cards.reasons.values())
    assert reasons and all(r.startswith("close to “") for r in reasons)
    assert not any("(in " in r for r in reasons)  # one list: nothing to tell apart


def test_several_lists_each_pick_names_the_lists_of_its_closest_saved_papers(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    for p in _topic(CONTRASTIVE, 6):
        store.reading_list("thesis").add(p)
    for p in _topic(HALLUCINATION, 6):
        store.reading_list("reading group").add(p)
    today = _feed(store)
    holds = {name: set(store.reading_list(name).ids()) for name in store.lists()}
    named = set()
    for item in today.items:
        assert item.why is not None and item.why.closest
        expected = [n for pid, _, _ in item.why.closest for n in ("thesis", "reading group") if pid in holds[n]]
        assert item.why.lists == list(dict.fromkeys(expected))
        assert f"(in {', '.join(item.why.lists)})" in item.why_text
        assert item.to_dict()["why"]["lists"] == item.why.lists
        named.update(item.why.lists)
    assert named == {"thesis", "reading group"}  # both topics arrived: both lists explain picks
    cards = FeedCards(today)
    assert sorted(cards.reading_lists) == ["reading group", "thesis"]  # no "default"
    assert cards.reading_list_name == today.lists_named()[0]
    assert "default" not in " ".join(cards.reasons.values())
    assert "(in " in today.to_markdown() and "(in " in today._repr_html_()


def test_a_named_list_is_kept_and_a_store_without_lists_adds_to_default(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    for p in _topic(CONTRASTIVE, 6):
        store.reading_list("thesis").add(p)
    store.reading_list("to read")  # an empty list, made last
    assert FeedCards(_feed(store)).reading_list_name == "thesis"  # the list of the paper saved last
    assert FeedCards(_feed(store), reading_list="to read").reading_list_name == "to read"
    empty = Store(tmp_path / "empty.sqlite3")
    cards = FeedCards(_feed(empty))
    assert cards.reading_list_name == "default"  # the list a first "+ Reading list" makes
    # nothing saved: the cards say once why this order (session 17: no longer repeated on every card)
    assert "save papers to a reading list" in cards.feed_info["note"]
    assert not any(cards.reasons.values())
