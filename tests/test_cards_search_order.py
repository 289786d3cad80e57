"""The cards' search traits always describe the newest search (walkthrough 9, #6).

While the library was being embedded, a first search was answered partially and recorded to be refined when the
job ended; a second search ("Lipford", an author's name: the papers holding it) then showed its status line, but
the refine of the FIRST query, run when the job ended, set the scores and query back to it: the cards and the
"Ranked by the kernel" chip showed the previous query under a status naming the new one. Here the same orders are
played with the real job, index and widget (the packaged MiniLM behind a gate, as tests/test_background_embedding.py
does), and the traits must name the newest search at the end.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pytest
from test_background_embedding import GatedEncoder, _wait_for

from paperlab.data import demo_library
from paperlab.library import Library
from paperlab.search.background import running_job
from paperlab.widget import PaperCards

AUTHOR = "Zhang"  # a family name several of these papers' authors have; no title or abstract is about it


@pytest.fixture
def library() -> Library:
    """48 real papers (the bundled demo corpus)."""
    return Library(list(demo_library())[:48])


def _partial_search(library: Library, name: str) -> tuple[PaperCards, GatedEncoder, str]:
    """Cards whose library is a third embedded, and a search answered from that part (to be refined)."""
    enc = GatedEncoder(library, name)
    cards = PaperCards(library, encoder=enc)  # type: ignore[arg-type]  # any encoder object works
    enc.permits.release(1)  # the job's first batch: 32 papers
    _wait_for(lambda: cards.embedding_progress.get("done") == 32, "a batch in the widget")
    title = list(library)[44].shown_title
    reply = cards.handle_message({"type": "search", "query": title, "k": 5})
    assert reply["ok"] and reply["partial"] is True and cards.query == title and cards.scores
    return cards, enc, title


def _finish(cards: PaperCards, enc: GatedEncoder, library: Library) -> None:
    """Let the job finish, and wait until its last progress notice (which refines) has been handled."""
    job = running_job(library, enc)
    enc.permits.release(100)
    _wait_for(lambda: cards.embedding_progress.get("state") == "done", "the job to finish")
    if job is not None and job._thread is not None:
        job._thread.join(120)  # its notices run in its thread: the refine, if any, is over


def _assert_shows_the_author(cards: PaperCards) -> None:
    assert cards.query == AUTHOR and cards.holding and cards.scores == {} and cards.why == {}
    assert cards.search_note.startswith("5 papers hold “Zhang” (title, abstract, authors or keywords)")
    head = cards._repr_mimebundle_()[0]["text/markdown"]
    assert "5 papers hold “Zhang”" in head and "search “" not in head  # the saved notebook's cards agree


def test_a_newer_search_is_not_replaced_by_the_refine_of_an_older_partial_one(library: Library) -> None:
    cards, enc, _title = _partial_search(library, "test-gated-minilm-order-holding")
    reply = cards.handle_message({"type": "search", "query": AUTHOR, "k": 5})
    assert reply["ok"] and reply["holding"] == 5 and "stale" not in reply
    _assert_shows_the_author(cards)
    _finish(cards, enc, library)
    _assert_shows_the_author(cards)  # before the fix: the first query's ranking, under the author's status
    assert cards._partial_search is None


def test_a_refine_answered_after_a_newer_search_changes_nothing(library: Library) -> None:
    """The refine runs in the job's thread: a search the user asks for while it encodes comes first."""
    cards, enc, title = _partial_search(library, "test-gated-minilm-order-late")
    request = cards._partial_search
    assert request is not None and request["query"] == title
    inner, asked = enc.encode, threading.Event()

    def newer_search_meanwhile(texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 1 and texts[0] == title and not asked.is_set():  # the refine encodes the old query
            asked.set()
            cards.handle_message({"type": "search", "query": AUTHOR, "k": 5})
        return inner(texts)

    enc.encode = newer_search_meanwhile  # type: ignore[method-assign]
    _finish(cards, enc, library)
    assert asked.is_set(), "the refine never ran"
    _assert_shows_the_author(cards)  # the refine's late answer was dropped
    # a refine asked for again later (its generation is past) answers "stale" and changes nothing
    again = cards.handle_message({"type": "search", **request})
    assert again["ok"] and again.get("stale") is True
    _assert_shows_the_author(cards)
