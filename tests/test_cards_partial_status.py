"""A search typed in the cards while the papers are still being embedded (walkthrough 11): the first search ran
with "Embedding papers for semantic search: 0 / 98" and the status said "2 results for “how agents minimise
surprise” (hybrid), best first" although no paper had a vector (the hits were keyword hits, one of them junk); once
embedding finished the same query found nothing. Now the kernel says how the answer was made (``search_partial``:
papers embedded, and how the others were ranked), the status line calls keyword results keyword results until
the papers are embedded, and the kernel runs the search again when they are (also a search whose answer was the
papers holding every word). The job, index and widget are real (the packaged MiniLM behind a gate, as
tests/test_background_embedding.py does); the status text is the front end's own function run in Node.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from test_background_embedding import GatedEncoder, _wait_for
from test_js_common import ESBUILD, NODE, bundle, call

from paperlab.data import demo_library
from paperlab.library import Library
from paperlab.search import search_library
from paperlab.search.background import _static_model_ready, is_partial, running_job
from paperlab.widget import PaperCards

AUTHOR = "Zhang"  # a family name several of these papers' authors have; no title or abstract is about it


@pytest.fixture
def library() -> Library:
    """48 real papers (the bundled demo corpus)."""
    return Library(list(demo_library())[:48])


def _rest_kind() -> str:
    """How the job ranks papers without a vector here: the static encoder when its model is on disk, else words."""
    return "static" if _static_model_ready() else "keyword"


def _finish(cards: PaperCards, enc: GatedEncoder, library: Library) -> None:
    job = running_job(library, enc)
    enc.permits.release(100)
    _wait_for(lambda: cards.embedding_progress.get("state") == "done", "the job to finish")
    if job is not None and job._thread is not None:
        job._thread.join(120)  # its notices (the refine) run in its thread


def test_a_search_before_any_vector_says_how_it_was_ranked_and_is_refined(library: Library) -> None:
    enc = GatedEncoder(library, "test-gated-minilm-partial-status")
    cards = PaperCards(library, encoder=enc)  # type: ignore[arg-type]  # any encoder object works
    _wait_for(lambda: cards.embedding_progress.get("state") == "running", "the job to start")
    assert cards.embedding_progress["done"] == 0  # the first batch waits for a permit: no paper has a vector
    target = list(library)[40]
    reply = cards.handle_message({"type": "search", "query": target.shown_title, "k": 5})
    expected = {"done": 0, "total": 48, "rest": _rest_kind()}
    assert reply["ok"] and reply["partial"] is True and reply["embedded"] == expected
    assert cards.search_partial == expected and target.id in cards.scores
    assert cards._partial_search is not None  # to be run again once the papers are embedded
    _finish(cards, enc, library)
    _wait_for(lambda: cards._partial_search is None and not cards.search_partial, "the refined search")
    full = search_library(library, target.shown_title, k=5, encoder=enc)
    assert not is_partial(full)
    assert sorted(cards.scores, key=cards.scores.get, reverse=True) == [p.id for p in full]
    assert cards.query == target.shown_title and cards.search_partial == {}


def test_a_search_answered_by_every_word_while_embedding_is_run_again(library: Library) -> None:
    """An answer of papers holding every word (no hit past the cut-off) made from a half-embedded library was
    never refined: its 'partial' flag was lost with the hits."""
    enc = GatedEncoder(library, "test-gated-minilm-partial-holding")
    cards = PaperCards(library, encoder=enc)  # type: ignore[arg-type]
    enc.permits.release(1)  # the job's first batch: 32 papers
    _wait_for(lambda: cards.embedding_progress.get("done") == 32, "a batch in the widget")
    reply = cards.handle_message({"type": "search", "query": AUTHOR, "k": 5})
    assert reply["ok"] and reply["holding"] == 5 and reply["partial"] is True
    assert cards.holding and cards.search_partial["done"] == 32 and cards.search_partial["total"] == 48
    assert cards._partial_search is not None and cards._partial_search["query"] == AUTHOR
    _finish(cards, enc, library)
    _wait_for(lambda: cards._partial_search is None and not cards.search_partial, "the refined search")
    assert cards.query == AUTHOR and cards.holding  # still the papers holding the name, now from the full index


def test_leaving_the_ranking_cancels_the_refine(library: Library) -> None:
    """Typing again in the box (or ✕) leaves the kernel ranking: the front end sets ``query`` to "". The refine of the
    partial search must not bring the old query back over what the user is typing once the embedding ends."""
    enc = GatedEncoder(library, "test-gated-minilm-partial-left")
    cards = PaperCards(library, encoder=enc)  # type: ignore[arg-type]
    _wait_for(lambda: cards.embedding_progress.get("state") == "running", "the job to start")
    target = list(library)[40]
    reply = cards.handle_message({"type": "search", "query": target.shown_title, "k": 5})
    assert reply["ok"] and reply["partial"] is True and cards._partial_search is not None
    request = cards._partial_search
    cards.set_state({"query": "", "scores": {}})  # what the front end's clearRanking sends
    assert cards._partial_search is None
    _finish(cards, enc, library)
    assert cards.query == "" and cards.scores == {}  # no refine came back
    again = cards.handle_message({"type": "search", **request})  # a late refine changes nothing
    assert again["ok"] and again.get("stale") is True and cards.query == ""
    cards.handle_message({"type": "search", "query": ""})  # the kernel's own empty search still answers
    reply = cards.handle_message({"type": "search", "query": target.shown_title, "k": 5})
    assert reply["ok"] and reply["partial"] is False and target.id in cards.scores


def _waiting_in(thread_id: int, function: str) -> bool:
    """Whether the thread ``thread_id`` is now inside ``function`` (here: blocked on the lock there)."""
    frame = sys._current_frames().get(thread_id)
    while frame is not None:
        if frame.f_code.co_name == function:
            return True
        frame = frame.f_back
    return False


def test_leaving_the_ranking_while_another_thread_holds_the_lock_still_cancels(library: Library) -> None:
    """The cancel took a failed non-blocking acquire of the widget's lock for "the kernel set the query itself": when
    the user cleared the search while another thread held it (reasons being written, the embedding job taking the
    partial search, a search being shown) the cancel was skipped and the refine put the old query back. Now the
    clear waits for the lock; the kernel's own empty search still goes through (it would deadlock if taken for one)."""
    enc = GatedEncoder(library, "test-gated-minilm-partial-left-held")
    cards = PaperCards(library, encoder=enc)  # type: ignore[arg-type]
    _wait_for(lambda: cards.embedding_progress.get("state") == "running", "the job to start")
    target = list(library)[40]
    reply = cards.handle_message({"type": "search", "query": target.shown_title, "k": 5})
    assert reply["ok"] and reply["partial"] is True and cards._partial_search is not None
    held, cleared, me = threading.Event(), threading.Event(), threading.get_ident()

    def hold() -> None:  # as the reasons thread does while it writes ``why``
        with cards._why_lock:
            held.set()  # held until the clear waits for it in the cancel, or has returned without waiting
            _wait_for(lambda: cleared.is_set() or _waiting_in(me, "_ranking_left"), "the clear to reach the cancel")

    holder = threading.Thread(target=hold, name="test-holds-why-lock", daemon=True)
    holder.start()
    assert held.wait(60)
    cards.set_state({"query": "", "scores": {}})  # what the front end's clearRanking sends
    cleared.set()
    holder.join(60)
    assert cards._partial_search is None  # the refine is cancelled although the lock was busy
    _finish(cards, enc, library)
    assert cards.query == "" and cards.scores == {}  # the old query did not come back
    reply = cards.handle_message({"type": "search", "query": target.shown_title, "k": 5})
    assert reply["ok"] and reply["partial"] is False and cards.query == target.shown_title
    kernel_empty = threading.Thread(target=cards.handle_message, args=({"type": "search", "query": ""},), daemon=True)
    kernel_empty.start()  # the kernel's own empty search, from a ranked query: not a leaving, and no deadlock
    kernel_empty.join(60)
    assert not kernel_empty.is_alive() and cards.query == "" and cards.scores == {}


def test_a_full_search_has_no_partial_state(library: Library) -> None:
    cards = PaperCards(library, search_mode="lexical")  # nothing embedded in the background
    reply = cards.handle_message({"type": "search", "query": "attention", "k": 5, "mode": "lexical"})
    assert reply["ok"] and reply["partial"] is False and reply["embedded"] == {} and cards.search_partial == {}


@pytest.mark.skipif(NODE is None or not ESBUILD.exists(), reason="needs Node and the js/ dev dependencies")
def test_the_status_line_names_keyword_results_until_papers_are_embedded(tmp_path: Path) -> None:
    status = bundle("src/widget/status.ts", tmp_path)
    q = "how agents minimise surprise"
    none = call(status, "readPartial", [{}], [None], [{"done": 3, "total": 0, "rest": "keyword"}])
    assert none == [None, None, None]
    keyword0, mixed, static = call(
        status,
        "readPartial",
        [{"done": 0, "total": 98, "rest": "keyword"}],
        [{"done": 40, "total": 98, "rest": "keyword"}],
        [{"done": 40, "total": 98, "rest": "static"}],
    )
    assert keyword0["keywordOnly"] is True and mixed["keywordOnly"] is False

    def line(n: int, partial: object, holding: bool = False, note: str = "") -> list:
        search = {"n": n, "query": q, "mode": "hybrid", "holding": holding, "note": note, "partial": partial}
        return [search, "relevance"]

    texts = call(
        status,
        "rankedStatus",
        line(2, keyword0),
        line(12, mixed),
        line(12, static),
        line(0, keyword0),
        line(0, mixed, True, f"5 papers hold “{q}”"),
        line(2, None),
    )
    assert (
        texts[0]
        == f"2 keyword results for “{q}”, best first: the hybrid ranking comes once papers are embedded (0 / 98)."
    )
    assert texts[1] == (
        f"12 results for “{q}”, best first (keyword results for the papers not yet embedded): "
        "the hybrid ranking comes once papers are embedded (40 / 98)."
    )
    assert "approximate ranking for the papers not yet embedded" in texts[2] and "(40 / 98)" in texts[2]
    assert (
        texts[3] == f"No keyword match for “{q}” yet: the hybrid search runs again once papers are embedded (0 / 98)."
    )
    assert texts[4] == f"5 papers hold “{q}”; the hybrid search runs again once papers are embedded (40 / 98)."
    assert texts[5] == f"2 results for “{q}” (hybrid), best first."  # a full ranking is named by its mode
    assert not any("(hybrid)" in t for t in texts[:5])  # a partial answer never claims the hybrid ranking
    kinds = call(status, "rankingKind", ["hybrid", keyword0], ["hybrid", mixed], ["semantic", static], ["hybrid", None])
    assert kinds == [
        "keywords until papers are embedded",
        "hybrid, keywords for papers not yet embedded",
        "semantic, approximate until papers are embedded",
        "hybrid",
    ]


def test_the_leave_command_clears_the_ranking_in_order_with_searches(library: Library) -> None:
    """Typing again or ✕ sends a "leave" command (not a trait change, which the front end may send after the next
    search's answer, clearing it): the traits are cleared by the kernel, the refine is dropped, the next search
    answers and stays."""
    enc = GatedEncoder(library, "test-gated-minilm-partial-leave")
    cards = PaperCards(library, encoder=enc)  # type: ignore[arg-type]
    _wait_for(lambda: cards.embedding_progress.get("state") == "running", "the job to start")
    target = list(library)[40]
    reply = cards.handle_message({"type": "search", "query": target.shown_title, "k": 5})
    assert reply["ok"] and reply["partial"] is True and cards.scores
    request = cards._partial_search
    left = cards.handle_message({"type": "leave"})
    assert left["ok"] and cards.query == "" and cards.scores == {} and cards._partial_search is None
    again = cards.handle_message({"type": "search", **(request or {})})  # the refine of the search left: dropped
    assert again.get("stale") is True and cards.query == ""
    _finish(cards, enc, library)
    reply = cards.handle_message({"type": "search", "query": target.shown_title, "k": 5})
    assert reply["ok"] and cards.query == target.shown_title and target.id in cards.scores


def test_a_query_cleared_in_python_leaves_the_ranking_as_the_leave_command_does(library: Library) -> None:
    """``cards.query = ""`` in Python and the front end's "leave" command take one path: the ranking's traits are
    cleared with the query (the scores stayed, so the cards kept a ranking for no query)."""
    cards = PaperCards(library, search_mode="lexical")
    reply = cards.handle_message({"type": "search", "query": "attention", "k": 5, "mode": "lexical"})
    assert reply["ok"] and reply["n"] > 0 and cards.scores and cards.query == "attention"
    cards.query = ""
    assert cards.scores == {} and cards.why == {} and not cards.holding and cards.search_weaker == {}
    reply = cards.handle_message({"type": "search", "query": "attention", "k": 5, "mode": "lexical"})
    assert reply["ok"] and cards.query == "attention" and cards.scores  # the next search answers and stays
