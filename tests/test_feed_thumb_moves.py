"""A thumb re-ranks the whole feed: the answer (and the status line built from it) says what happened to the
other papers (moved down, left today's list, came in), so no unrated paper leaves the visible list unsaid.

Data: real papers of the bundled demo corpus, a real SQLite store, the real personal ranking (as
tests/test_feed_cards.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from paperlab.data import demo_library
from paperlab.feed.core import FeedChange, FeedItem, feed
from paperlab.feed.profile import InterestProfile
from paperlab.paper import Paper
from paperlab.store import Store

DAY = dt.date(2026, 3, 4)


def _topic(location: str, n: int, skip: int = 0) -> list[Paper]:
    papers = [p for p in demo_library() if p.abstract and any(s.location.endswith(location) for s in p.sources)]
    return papers[skip : skip + n]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    st = Store(tmp_path / "feed.sqlite3")
    for p in _topic("hf-papers-contrastive.txt", 6):
        st.reading_list("default").add(p)
    return st


def test_every_unrated_paper_that_leaves_or_moves_down_is_named(store: Store) -> None:
    candidates = _topic("hf-papers-contrastive.txt", 8, skip=6) + _topic("hf-papers-ood-hallucination.txt", 8)
    profile = InterestProfile(categories=[], hf_daily=False, k=8)
    cards = feed(candidates=candidates, profile=profile, store=store, today=DAY).cards()
    before = [p["id"] for p in cards.papers]
    top = before[0]
    answer, _ = cards._cmd_thumb({"id": top, "thumb": -1}, [])
    assert answer["ok"] and answer["hidden"]
    after = [p["id"] for p in cards.papers]
    change = answer["change"]
    gone = [pid for pid in before if pid != top and pid not in after]
    assert gone and [x["id"] for x in change["left"]] == gone  # the demo data does push papers out: all named
    others_before, others_after = [pid for pid in before if pid != top], [pid for pid in after if pid != top]
    pushed = [pid for pid in others_before if pid in after and others_after.index(pid) > others_before.index(pid)]
    assert change["down"] == pushed
    assert change["came"] == [pid for pid in after if pid not in before]
    text = answer["change_text"]
    assert f"{len(gone)} paper{'s' if len(gone) != 1 else ''} left today’s 8: “" in text
    for left in change["left"]:
        assert f"“{left['title']}”" in text
    if pushed:
        assert f"{len(pushed)} other paper{'s' if len(pushed) != 1 else ''} moved down" in text
    assert cards.feed_info["moved"] == text  # the cards' bar shows it (feed.ts: "Your last thumb: …")
    summary = cards._repr_mimebundle_()[0]["text/markdown"]
    assert "last thumb: " in summary and "left today" in summary
    undo, _ = cards._cmd_thumb({"id": top, "thumb": 0}, [])  # Undo: the order comes back
    assert [p["id"] for p in cards.papers] == before and {x["id"] for x in undo["change"]["left"]} <= set(after)


def _items(*ids: str, rated: dict[str, int] | None = None) -> list[FeedItem]:
    rated = rated or {}
    return [FeedItem(Paper(title=f"Paper {pid}", arxiv_id=pid), 1.0, None, rated.get(pid, 0)) for pid in ids]


def test_the_rated_paper_leaving_shifts_nobody_and_rated_papers_are_not_counted() -> None:
    before = _items("2501.00001", "2501.00002", "2501.00003", "2501.00004")
    after = _items("2501.00002", "2501.00004", "2501.00003", "2501.00005", rated={"2501.00004": 1})
    change = FeedChange.between(before, after, rated="2501.00001")
    assert [p.id for p in change.down] == [] and [p.id for p in change.up] == []  # 2 and 3 kept their order
    assert [p.id for p in change.came] == ["2501.00005"] and change.left == []
    assert change.text(4) == "1 paper came in"
    pushed = FeedChange.between(before, _items("2501.00003", "2501.00002"), rated="2501.00001")
    assert pushed.text(2) == "1 other paper moved down; 1 paper left today’s 2: “Paper 2501.00004”"
    assert FeedChange().text(8) == ""
