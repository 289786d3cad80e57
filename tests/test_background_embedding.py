"""Embedding in the background: cancel keeps what finished, searches answer at once while it runs, then refine.

The job, the store's embedding cache, the index and the widget are the real ones; the encoder is the
real packaged MiniLM (onnxruntime) behind a gate, so a test decides how many batches go through.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pytest

from paperlab.data import demo_library
from paperlab.library import Library
from paperlab.search import EmbeddingJob, get_encoder, paper_text, search_library, text_hash
from paperlab.search.background import is_partial, running_job
from paperlab.store import open_store
from paperlab.widget import PaperCards

BATCH = 8


class GatedEncoder:
    """The packaged MiniLM, but each batch of library texts waits for a permit (queries pass freely)."""

    def __init__(self, library: Library, name: str) -> None:
        self.name = name  # its own cache key: nothing comes from the demo corpus' shipped vectors
        self.texts_embedded = 0
        self._inner = get_encoder(None)
        self._docs = {paper_text(p) for p in library}
        self.permits = threading.Semaphore(0)
        self.batches_started = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) > 1 and set(texts) <= self._docs:
            self.batches_started += 1
            assert self.permits.acquire(timeout=120), "the test never let this batch through"
            self.texts_embedded += len(texts)
        return self._inner.encode(texts)


@pytest.fixture
def library() -> Library:
    """48 real papers (the bundled demo corpus)."""
    return Library(list(demo_library())[:48])


def _wait_for(predicate, what: str, timeout: float = 300.0) -> None:
    done = threading.Event()
    for _ in range(int(timeout * 20)):
        if predicate():
            done.set()
            break
        done.wait(0.05)
    assert done.is_set(), f"timed out waiting for {what}"


def _cached(encoder: GatedEncoder, library: Library) -> int:
    hashes = [text_hash(paper_text(p)) for p in library]
    return len(open_store().get_embedding_rows(encoder.name, hashes))


def test_cancel_keeps_the_finished_batches_and_a_new_job_resumes(library: Library) -> None:
    enc = GatedEncoder(library, "test-gated-minilm-cancel")
    job = EmbeddingJob(library, encoder=enc, batch_size=BATCH, progress=False).start()
    enc.permits.release(2)
    _wait_for(lambda: job.progress["done"] == 2 * BATCH and enc.batches_started == 3, "two batches")
    assert job.progress == {"done": 16, "total": 48, "state": "running"}
    job.cancel()
    enc.permits.release(1)  # the batch being encoded when cancel() came still finishes and is kept
    assert job.wait(timeout=120)
    assert job.progress == {"done": 24, "total": 48, "state": "cancelled"}
    assert _cached(enc, library) == 24 and enc.batches_started == 3  # nothing started after cancel()
    # a new job embeds only the rest
    enc.permits.release(100)
    again = EmbeddingJob(library, encoder=enc, batch_size=BATCH, progress=False).start()
    assert again.wait(timeout=120)
    assert again.progress == {"done": 48, "total": 48, "state": "done"}
    assert enc.texts_embedded == 48 and again.n_encoded == 24 and _cached(enc, library) == 48


def test_search_while_embedding_answers_at_once_from_unembedded_papers_then_refines(library: Library) -> None:
    enc = GatedEncoder(library, "test-gated-minilm-partial")
    job = library.embed(encoder=enc, batch_size=BATCH, progress=False)
    assert running_job(library, enc) is job
    enc.permits.release(1)
    _wait_for(lambda: job.progress["done"] == BATCH, "one batch")
    target = list(library)[40]  # not embedded yet: the job is waiting for a permit
    assert target.id not in {p.id for p in job.embedded()}
    hits = search_library(library, target.shown_title, k=5, encoder=enc)
    assert is_partial(hits) and "8 of 48" in (hits.name or "")
    assert hits[0].id == target.id  # found by its words although it has no vector yet
    assert hits.reasons[target.id]["terms"]  # explained like any hit
    assert job.progress["state"] == "running" and job.progress["done"] == BATCH  # the search did not wait
    enc.permits.release(100)
    assert job.wait(timeout=120) and running_job(library, enc) is None
    refined = search_library(library, target.shown_title, k=5, encoder=enc)
    assert not is_partial(refined) and refined[0].id == target.id


def test_a_search_the_job_finishes_during_is_still_partial_and_refined(library: Library) -> None:
    """The job ending while a partial search runs (the walkthrough's first Enter: cached vectors, the model still
    loading) must not pass that search's static-encoder ranking off as the final one: it stays partial."""
    enc = GatedEncoder(library, "test-gated-minilm-race")
    job = library.embed(encoder=enc, batch_size=BATCH, progress=False)
    enc.permits.release(1)
    _wait_for(lambda: job.progress["done"] == BATCH, "one batch")
    inner = enc.encode

    def finish_the_job_first(texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 1 and not job.done:  # the search's query: let the job end before answering
            enc.permits.release(100)
            assert job.wait(timeout=120)
        return inner(texts)

    enc.encode = finish_the_job_first  # type: ignore[method-assign]
    target = list(library)[40]
    hits = job.search(target.shown_title, k=5)
    assert job.progress["state"] == "done"
    assert is_partial(hits) and "8 of 48" in (hits.name or "")  # what it was made from, not the state after
    refined = search_library(library, target.shown_title, k=5, encoder=enc)
    assert not is_partial(refined) and refined[0].id == target.id


def test_cards_refine_a_search_the_job_finished_during(library: Library) -> None:
    """The job's 'done' notice came while the cards' search ran, before it was recorded as partial: nobody refined
    it, and the static encoder's ranking stayed on screen."""
    enc = GatedEncoder(library, "test-gated-minilm-cards-race")
    cards = PaperCards(library, encoder=enc)  # type: ignore[arg-type]
    enc.permits.release(1)
    _wait_for(lambda: cards.embedding_progress.get("done") == 32, "a batch in the widget")
    inner, job = enc.encode, running_job(library, enc)
    assert job is not None

    def finish_the_job_first(texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 1 and not job.done:
            enc.permits.release(100)
            assert job.wait(timeout=120)
            _wait_for(lambda: cards.embedding_progress.get("state") == "done", "the widget to hear of it")
        return inner(texts)

    enc.encode = finish_the_job_first  # type: ignore[method-assign]
    target = list(library)[44]
    reply = cards.handle_message({"type": "search", "query": target.shown_title, "k": 5})
    assert reply["ok"] and reply["partial"] is False  # answered again with the full ranking
    assert cards._partial_search is None
    full = search_library(library, target.shown_title, k=5, encoder=enc)
    assert sorted(cards.scores, key=cards.scores.get, reverse=True) == [p.id for p in full]


def test_cards_show_embedding_progress_and_refine_a_partial_search(library: Library) -> None:
    enc = GatedEncoder(library, "test-gated-minilm-cards")
    seen: list[dict] = []
    cards = PaperCards(library, encoder=enc)  # type: ignore[arg-type]  # any encoder object works
    cards.observe(lambda change: seen.append(dict(change["new"])), names="embedding_progress")
    enc.permits.release(1)  # the job's first batch: 32 papers
    _wait_for(lambda: cards.embedding_progress.get("done") == 32, "a batch in the widget")
    assert cards.embedding_progress == {"done": 32, "total": 48, "state": "running"}
    target = list(library)[44]
    reply = cards.handle_message({"type": "search", "query": target.shown_title, "k": 5})
    assert reply["ok"] and reply["partial"] is True and target.id in cards.scores
    enc.permits.release(100)
    _wait_for(lambda: cards.embedding_progress.get("state") == "done", "the job to finish")
    assert cards.embedding_progress == {"done": 48, "total": 48, "state": "done"}
    assert [p["done"] for p in seen] == [32, 48, 48]  # batch by batch, then the final state
    _wait_for(lambda: cards._partial_search is None, "the refined search")
    assert target.id in cards.scores and cards.query == target.shown_title


def test_the_demo_corpus_needs_no_embedding_and_shows_a_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    job = EmbeddingJob(demo_library()).start()  # shipped vectors seed the cache
    assert job.wait(timeout=60)
    assert job.progress["state"] == "done" and job.progress["done"] == job.progress["total"] > 300
    assert job.n_encoded == 0
    total = job.progress["total"]
    bar = capsys.readouterr().err  # tqdm's bar, in the kernel (here: stderr)
    assert "embedding: 100%" in bar and f"{total}/{total}" in bar
