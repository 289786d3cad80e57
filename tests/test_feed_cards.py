"""The feed as paper cards (paperlab.widget.FeedCards): a thumb pressed on a card goes through the widget's
anywidget command, is stored in the store's feed memory (where the side panel and the next ``paperlab feed``
read it) and re-ranks the cards at once; a thumb down leaves today's list and Undo brings the paper back;
the static fallback keeps the ranked list with reasons and thumbs as text; paper text stays text.

Data: real papers of the bundled demo corpus (the contrastive-learning HF list saved, new contrastive and
hallucination papers arriving), a real SQLite store, the real personal ranking: nothing is mocked.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from paperlab.data import demo_library
from paperlab.feed.core import Feed, feed
from paperlab.feed.profile import InterestProfile
from paperlab.paper import Paper
from paperlab.store import Store
from paperlab.store.feed_memory import FeedMemory
from paperlab.widget import FeedCards

DAY = dt.date(2026, 3, 4)
HOSTILE = "<img src=x onerror=alert(1)> Contrastive <b>tricks</b> & [link](javascript:alert(2))"


def _topic(location: str, n: int, skip: int = 0) -> list[Paper]:
    papers = [p for p in demo_library() if p.abstract and any(s.location.endswith(location) for s in p.sources)]
    return papers[skip : skip + n]


def _candidates() -> list[Paper]:
    return _topic("hf-papers-contrastive.txt", 8, skip=6) + _topic("hf-papers-ood-hallucination.txt", 8)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    st = Store(tmp_path / "feed.sqlite3")
    for p in _topic("hf-papers-contrastive.txt", 6):
        st.reading_list("default").add(p)
    return st


def _feed(store: Store, candidates: list[Paper] | None = None, k: int = 8) -> Feed:
    profile = InterestProfile(categories=[], hf_daily=False, k=k)
    return feed(candidates=candidates or _candidates(), profile=profile, store=store, today=DAY)


def _press(cards: FeedCards, paper_id: str, thumb: int) -> dict:
    """What the front end's thumb button does: the ``_cmd_thumb`` anywidget command."""
    answer, buffers = cards._cmd_thumb({"id": paper_id, "thumb": thumb}, [])
    assert buffers == []
    return answer


def _ids(cards: FeedCards) -> list[str]:
    return [p["id"] for p in cards.papers]


def test_a_feed_of_the_users_own_papers_does_not_call_them_new(store: Store) -> None:
    """Second walkthrough: ``paperlab.feed(candidates=lib)`` said "20 new papers ranked for you" of the user's own
    papers; fetched arrivals keep "new" (tests/test_feed.py::test_listing_new_cross_and_replaced)."""
    f = _feed(store)
    assert f.summary() == "8 of your papers ranked for you"
    assert f.cards().feed_info["summary"] == "8 of your papers ranked for you"  # the cards' bar shows it (feed.ts)
    assert repr(f) == "<Feed 2026-03-04: 8 of your 16 papers>"


def test_a_feed_shows_as_cards_in_its_order_with_reasons(store: Store) -> None:
    f = _feed(store)
    cards = f.cards()
    assert isinstance(cards, FeedCards)
    assert _ids(cards) == [p.id for p in f.papers] and len(cards.papers) == 8
    assert cards.reasons == {i.paper.id: i.why_text for i in f.items}
    first_reason = cards.reasons[_ids(cards)[0]]
    assert first_reason.startswith("close to “") and "words: " in first_reason
    assert cards.thumbs == {} and cards.feed_info["hidden"] == [] and cards.feed_info["day"] == "2026-03-04"
    # the same default search mode as other cards (the mode menu shows the mode a search uses); no embedding job
    assert cards.search_mode == "hybrid" and cards.embedding_progress["state"] == "idle"


@pytest.mark.slow  # loads the packaged MiniLM
def test_feed_cards_search_in_the_mode_their_menu_shows(store: Store) -> None:
    cards = _feed(store).cards()
    answer = cards._search({"query": "contrastive representation learning", "mode": cards.search_mode})
    assert answer["mode"] == "hybrid" and not answer["partial"] and answer["n"] > 0
    assert cards.query == "contrastive representation learning" and cards.scores
    assert cards.embedding_progress["state"] == "idle"  # answered without a background job


def test_thumb_up_is_stored_and_reranks_the_cards_at_once(store: Store) -> None:
    cards = _feed(store).cards()
    before = _ids(cards)
    # a hallucination paper ranked low: "more like this" must lift it
    target = next(pid for pid in reversed(before) if pid in {p.id for p in _topic("ood-hallucination.txt", 8)})
    answer = _press(cards, target, 1)
    assert answer["ok"] and answer["thumb"] == 1 and answer["before"] == before.index(target)
    after = _ids(cards)
    assert answer["after"] == after.index(target) < answer["before"]
    assert cards.thumbs == {target: 1}
    # stored where the panel (server/feed_handlers.py) and `paperlab feed` read thumbs: the same store table
    assert FeedMemory(store).thumbs() == {target: 1}
    rebuilt = _feed(store)
    assert [p.id for p in rebuilt.papers] == after  # the next feed ranks the same way, from the store alone
    assert {i.paper.id: i.thumb for i in rebuilt.items}[target] == 1
    assert rebuilt.cards().thumbs == {target: 1}  # re-running the cell shows the pressed thumb


def test_a_feed_held_elsewhere_takes_the_cards_thumbs_on_its_next_use(store: Store) -> None:
    """The server keeps today's Feed for the panel: a thumb given on the notebook's cards re-ranks it when the
    panel next asks (server/feed_handlers.py calls Feed.sync_thumbs)."""
    panel = _feed(store)
    cards = _feed(store).cards()
    assert panel.sync_thumbs() is False  # nothing rated since it was ranked
    target = _ids(cards)[-1]
    _press(cards, target, 1)
    assert panel.sync_thumbs() is True
    assert [p.id for p in panel.papers] == _ids(cards) and {i.paper.id: i.thumb for i in panel.items}[target] == 1
    assert panel.sync_thumbs() is False


def test_thumb_down_leaves_todays_list_and_undo_brings_it_back(store: Store) -> None:
    cards = _feed(store).cards()
    top = _ids(cards)[0]
    title = cards.library[top].shown_title
    answer = _press(cards, top, -1)
    assert answer["ok"] and answer["before"] == 0 and answer["after"] is None and answer["hidden"]
    assert top not in _ids(cards) and len(cards.papers) >= 7
    assert cards.feed_info["hidden"] == [{"id": top, "title": title}]
    assert FeedMemory(store).thumbs() == {top: -1}
    summary = cards._repr_mimebundle_()[0]["text/markdown"]
    assert "hidden (less like this): “" in summary and md_plain(title) in summary
    # re-running the cell: still left out, still offered back
    again = _feed(store).cards()
    assert top not in _ids(again) and [h["id"] for h in again.feed_info["hidden"]] == [top]
    # Undo (the bar's button clears the thumb): back in the ranked list, nothing stored
    undo = _press(cards, top, 0)
    assert undo["ok"] and undo["after"] is not None and undo["hidden"] is False
    assert top in _ids(cards) and cards.feed_info["hidden"] == [] and FeedMemory(store).thumbs() == {}


def test_thumb_down_can_keep_the_paper_in_the_list(store: Store) -> None:
    cards = _feed(store, k=16).cards(hide_disliked=False)  # every arrival ranked: none falls out of the list
    top = _ids(cards)[0]
    answer = _press(cards, top, -1)
    assert answer["ok"] and answer["after"] is not None and answer["after"] > 0 and not answer["hidden"]
    assert cards.thumbs[top] == -1 and cards.feed_info["hidden"] == [] and len(cards.papers) == 16


def test_bad_thumb_messages_answer_an_error_and_store_nothing(store: Store) -> None:
    cards = _feed(store).cards()
    pid = _ids(cards)[0]
    for msg in ({"id": pid, "thumb": 2}, {"id": pid, "thumb": True}, {"id": pid, "thumb": "1"}):
        answer, _ = cards._cmd_thumb(msg, [])
        assert not answer["ok"] and "thumb: expected 1 (more like this), -1" in answer["error"]
    answer, _ = cards._cmd_thumb({"id": "arXiv:0000.00000", "thumb": 1}, [])
    assert not answer["ok"] and "paper 'arXiv:0000.00000' is not in the feed of 2026-03-04" in answer["error"]
    assert not cards._cmd_thumb("up", [])[0]["ok"]
    assert FeedMemory(store).thumbs() == {}
    reply = cards.handle_message({"type": "thumb", "id": pid, "thumb": 1, "request": 3})
    assert reply["ok"] and reply["request"] == 3 and FeedMemory(store).thumbs() == {pid: 1}


def test_static_fallback_keeps_the_ranked_list_reasons_and_thumbs_as_text(store: Store) -> None:
    cards = _feed(store).cards()
    second = _ids(cards)[1]
    _press(cards, second, 1)
    data, _ = cards._repr_mimebundle_()
    md, page = data["text/markdown"], data["text/html"]
    order = [cards.library[pid].shown_title for pid in _ids(cards)]
    positions = [md.index(md_plain(t)) for t in order]
    assert positions == sorted(positions)  # the ranked order
    assert md.count("close to “") == len(order) and "👍 more like this" in md
    assert "Morning feed 2026-03-04" in md and "👍 more like this" in page
    assert html.escape(cards.reasons[_ids(cards)[0]]) in page


def test_untrusted_titles_in_feed_cards_stay_text(store: Store) -> None:
    hostile = Paper(HOSTILE, abstract="contrastive learning with hard negatives", arxiv_id="2603.00001")
    cards = _feed(store, [hostile, *_candidates()]).cards()
    assert hostile.id in _ids(cards)
    data, _ = cards._repr_mimebundle_()
    assert "<img" not in data["text/html"] and "&lt;img src=x onerror=alert(1)&gt;" in data["text/html"]
    assert "<b>tricks" not in data["text/html"] and 'href="javascript' not in data["text/html"]
    assert "<img" not in data["text/markdown"] and "](javascript:" not in data["text/markdown"]
    # the front end gets the raw title in the wire JSON and sets it as text (card.ts: text nodes only)
    assert next(p for p in cards.papers if p["id"] == hostile.id)["title"] == HOSTILE
    _press(cards, hostile.id, -1)
    assert cards.feed_info["hidden"][0]["title"] == HOSTILE


def test_a_feed_displayed_in_a_notebook_is_its_cards(store: Store) -> None:
    shell = InteractiveShell.instance()
    shell.user_ns["f"] = _feed(store)
    outputs: list[dict] = []
    shell.display_pub.publish = lambda data, metadata=None, **kw: outputs.append(data)  # type: ignore[method-assign]
    try:
        shell.run_cell("f", store_history=False)
        assert "application/vnd.jupyter.widget-view+json" in outputs[0]
        assert "Morning feed 2026-03-04" in outputs[1]["text/markdown"]
        assert "close to “" in outputs[1]["text/markdown"]
        # a thumb on shown cards updates their static list below them (by display id), as a saved notebook keeps it
        shell.run_cell("c = f.cards()\nc", store_history=False)
        shown = len(outputs)
        cards = shell.user_ns["c"]
        _press(cards, _ids(cards)[2], 1)
        assert len(outputs) > shown and "👍 more like this" in outputs[-1]["text/markdown"]
    finally:
        del shell.display_pub.publish


def md_plain(title: str) -> str:
    """The start of a title as the markdown list writes it (escaping aside, the first words)."""
    return title.split(":")[0][:20]
