"""Embedding in the background: the kernel never waits for a library to be embedded.

:class:`EmbeddingJob` embeds a library's papers in a worker thread, a batch at a time, writing
each finished batch to the store's embedding cache (so a cancelled or interrupted job keeps
what it did, and the next job or :class:`~paperlab.search.PaperIndex` resumes from there). It
reports progress (a tqdm bar in the kernel, callbacks such as the cards widget's progress line)
and can be cancelled between batches.

A job still running when the interpreter exits (a script ending, pytest finishing, a kernel shutting
down) is cancelled by an :mod:`atexit` hook, which waits (at most :data:`EXIT_WAIT` seconds) for the
batch being encoded: onnxruntime must not be mid-run while the process tears down (it aborts with
"terminate called without an active exception"), and the finished batches stay in the cache.

While it runs, a search of the library does not wait: :meth:`EmbeddingJob.search` ranks the
papers already embedded with the full model, the rest with the fast static (model2vec)
encoder when its model is on disk, else by BM25 alone, and merges the two by their
calibrated scores. The answer is marked partial in its ``name``; once the job is done the
same call gives the full ranking (the widget re-runs the shown query then).

Examples
--------
>>> job = library.embed(background=True)  # doctest: +SKIP
>>> job.progress  # doctest: +SKIP
{'done': 1200, 'total': 9750, 'state': 'running'}
>>> library.search("hallucination detection")  # answers at once, partial  # doctest: +SKIP
>>> job.cancel()  # doctest: +SKIP
"""

from __future__ import annotations

import atexit
import sys
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..errors import ModelMismatchError
from ..library import Library
from ..paper import Paper
from ..text import text_hash
from .encoders import DEFAULT_MODEL, Encoder, _cached_vectors, _seed_packaged, document_vectors, get_encoder
from .fitting import store_of
from .index import PaperIndex, paper_text
from .results import SearchResults

__all__ = [
    "EXIT_WAIT",
    "JOB_STATES",
    "EmbeddingJob",
    "MemoryCache",
    "embed_library",
    "is_partial",
    "running_job",
    "stop_running_jobs",
]

#: States of a job, in :attr:`EmbeddingJob.state` and ``progress["state"]``.
JOB_STATES = ("idle", "running", "done", "cancelled", "failed")
_JOB_ATTR = "_paperlab_embedding_job"
#: Seconds the interpreter waits at exit for running jobs to finish the batch they are encoding.
EXIT_WAIT = 120.0
_RUNNING: weakref.WeakSet[EmbeddingJob] = weakref.WeakSet()


class MemoryCache:
    """An in-memory embedding cache with the store's interface (for ``store=None``)."""

    def __init__(self) -> None:
        self._rows: dict[tuple[str, str], tuple[int, bytes]] = {}
        self._lock = threading.Lock()

    def get_embedding_rows(self, model: str, hashes: Sequence[str]) -> dict[str, tuple[int, bytes]]:
        """Cached ``(dim, float16 bytes)`` of ``hashes`` for ``model``."""
        with self._lock:
            return {h: self._rows[(model, h)] for h in hashes if (model, h) in self._rows}

    def get_embeddings(self, model: str, hashes: Sequence[str]) -> dict[str, tuple[int, bytes]]:
        """Same as :meth:`get_embedding_rows` (the store's other name for it)."""
        return self.get_embedding_rows(model, hashes)

    def put_embeddings(self, model: str, rows: dict[str, tuple[int, bytes]]) -> None:
        """Keep ``rows`` (hash -> (dim, bytes)) for ``model``."""
        with self._lock:
            self._rows.update(((model, h), row) for h, row in rows.items())


class EmbeddingJob:
    """Embed the papers of a library in a background thread (see the module docstring).

    Parameters
    ----------
    library : Library or sequence of Paper
    encoder : str or Encoder, optional
        The full model (default: the packaged all-MiniLM-L6-v2 on onnxruntime).
    store : "default", Store or None
        Embedding cache; None keeps vectors in memory only (:class:`MemoryCache`).
    batch_size : int
        Texts per batch: the job can be cancelled, and progress moves, between batches.
    progress : bool, optional
        Show a tqdm bar (default: when more than one batch is left to embed).

    Attributes
    ----------
    state : str
        One of :data:`JOB_STATES`.
    error : BaseException or None
        Why the job failed.
    n_encoded : int
        Texts this job encoded (the others came from the cache or the vectors shipped for the demo corpus).
    """

    def __init__(
        self,
        library: Library | Sequence[Paper],
        encoder: str | Encoder | None = None,
        store: Any = "default",
        batch_size: int = 32,
        progress: bool | None = None,
    ) -> None:
        self.papers = list(library)
        self.encoder = encoder
        self.store = store
        self.batch_size = batch_size
        self.show_progress = progress
        self.state = "idle"
        self.error: BaseException | None = None
        self.n_encoded = 0
        self._texts = [paper_text(p) for p in self.papers]
        self._hashes = [text_hash(t) for t in self._texts]
        self._total = len(set(self._hashes))
        self._ready: set[str] = set()
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._callbacks: list[Callable[[dict[str, Any]], None]] = []
        self._thread: threading.Thread | None = None
        self._cache: Any = None
        self._encoder: Encoder | None = None
        self._bar: Any = None

    def __repr__(self) -> str:
        p = self.progress
        return f"<EmbeddingJob {p['state']}: {p['done']} of {p['total']} texts embedded>"

    # -- state -------------------------------------------------------------------------------
    @property
    def progress(self) -> dict[str, Any]:
        """``{"done": texts embedded, "total": distinct texts, "state": one of JOB_STATES}``."""
        with self._lock:
            return {"done": len(self._ready), "total": self._total, "state": self.state}

    @property
    def done(self) -> bool:
        """True once the job has stopped (finished, cancelled or failed)."""
        return self._finished.is_set()

    def embedded(self) -> list[Paper]:
        """The papers whose full-model vectors are ready, in library order."""
        with self._lock:
            ready = set(self._ready)
        return [p for p, h in zip(self.papers, self._hashes, strict=True) if h in ready]

    def on_progress(self, callback: Callable[[dict[str, Any]], None]) -> None:
        """Call ``callback(progress)`` after each batch and when the job stops (from the job's thread)."""
        self._callbacks.append(callback)

    def _notify(self) -> None:
        progress = self.progress
        for callback in list(self._callbacks):
            try:
                callback(progress)
            except Exception:  # a broken listener must not stop the embedding
                pass

    # -- control -----------------------------------------------------------------------------
    def start(self) -> EmbeddingJob:
        """Start the worker thread (once); returns the job."""
        with self._lock:
            if self._thread is not None:
                return self
            self.state = "running"
            self._thread = threading.Thread(target=self._run, name="paperlab-embedding", daemon=True)
        from tqdm.auto import tqdm

        # made here, so that in a notebook the bar shows under the cell that started the job
        show = self.show_progress if self.show_progress is not None else self._total > self.batch_size
        self._bar = tqdm(total=self._total, desc="embedding", unit="paper", disable=not show)
        _RUNNING.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Stop after the batch being encoded; every finished batch stays in the cache."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the job to stop; True if it has. Raises the job's error if it failed."""
        stopped = self._finished.wait(timeout)
        if stopped and self.error is not None:
            raise self.error
        return stopped

    # -- the worker ----------------------------------------------------------------------------
    def _open_cache(self) -> Any:
        store = store_of(self.store)
        return store if store is not None else MemoryCache()

    def _todo(self, encoder: Encoder) -> list[tuple[str, str]]:
        """(hash, text) of the texts not yet in the cache (shipped demo vectors are copied in first)."""
        by_hash = dict(zip(self._hashes, self._texts, strict=True))
        found = set(_cached_vectors(encoder, list(by_hash), self._cache))
        missing = {h: t for h, t in by_hash.items() if h not in found}
        if missing and encoder.name == DEFAULT_MODEL:
            found |= set(_seed_packaged(encoder, missing, self._cache))
        with self._lock:
            self._ready |= found
        return [(h, t) for h, t in by_hash.items() if h not in found]

    def _run(self) -> None:
        bar = self._bar
        try:
            self._cache = self._open_cache()
            self._encoder = get_encoder(self.encoder)
            todo = self._todo(self._encoder)
            bar.update(self._total - len(todo))  # found in the cache
            self._notify()
            for start in range(0, len(todo), self.batch_size):
                if self._cancel.is_set():
                    break
                self._embed_batch(todo[start : start + self.batch_size])
                bar.update(min(self.batch_size, len(todo) - start))
                self._notify()
            final = "cancelled" if self._cancel.is_set() and len(self._ready) < self._total else "done"
            if not todo and not self._cancel.is_set() and callable(load := getattr(self._encoder, "load", None)):
                load(export=False)  # nothing to embed: have the model ready for the first query instead
        except BaseException as exc:  # reported through state/error and re-raised by wait()
            self.error, final = exc, "failed"
        finally:
            bar.close()
        with self._lock:
            self.state = final
        _RUNNING.discard(self)
        self._finished.set()
        self._notify()

    def _embed_batch(self, batch: list[tuple[str, str]]) -> None:
        assert self._encoder is not None
        vectors = document_vectors(self._encoder, [t for _, t in batch]).astype(np.float16)
        dim = vectors.shape[1]
        self._cache.put_embeddings(
            self._encoder.name, {h: (dim, vectors[i].tobytes()) for i, (h, _) in enumerate(batch)}
        )
        with self._lock:
            self._ready.update(h for h, _ in batch)
            self.n_encoded += len(batch)

    # -- searching while it runs ---------------------------------------------------------------
    def search(self, query: str, k: int = 10, mode: str = "hybrid", min_score: float | None = None) -> SearchResults:
        """Search the job's papers now: the full ranking when done, else a partial one at once.

        The embedded papers are ranked with the full model; the others with the static encoder
        (when its model is on disk; BM25 alone otherwise); the two result lists are merged by score.
        The results' ``name`` says how much was embedded. ``min_score`` (:meth:`PaperIndex.search`) holds for
        every part: by default each part's fitted cut-off, except BM25 standing in for the embeddings (none).
        """
        progress = self.progress  # before the search: a job that ends during it still made this answer partial
        ready = self.embedded()
        ready_ids = {p.id for p in ready}
        rest = [p for p in self.papers if p.id not in ready_ids]
        cache = self._cache if self._cache is not None else self._open_cache()
        parts: list[SearchResults] = []
        rest_kind = ""  # how the papers without a vector were ranked (SearchResults.partial["rest"])
        if ready:
            index = PaperIndex(
                encoder=self._encoder or self.encoder, mode=mode, store=cache, index_dir=None, progress=False
            )
            parts.append(index.fit(ready).search(query, k=k, mode=mode, min_score=min_score))
        if rest:
            rest_mode = mode if mode != "lexical" and _static_model_ready() else "lexical"
            # BM25 standing in for the embeddings keeps every paper sharing a query word (no lexical cut-off)
            floor = 0.0 if rest_mode != mode and min_score is None else min_score
            index = PaperIndex(encoder="static", mode=rest_mode, store=cache, index_dir=None, progress=False)
            rest_kind = "keyword" if rest_mode == "lexical" else "static"
            try:
                parts.append(index.fit(rest).search(query, k=k, mode=rest_mode, min_score=floor))
            except ModelMismatchError:  # their vectors were imported for another model: words only until embedded
                index = PaperIndex(mode="lexical", store=cache, index_dir=None, progress=False)
                parts.append(index.fit(rest).search(query, k=k, mode="lexical", min_score=min_score or 0.0))
                rest_kind = "keyword"
        return _merge(parts, query, k, mode, progress, rest_kind)


def stop_running_jobs(timeout: float = EXIT_WAIT) -> list[EmbeddingJob]:
    """Cancel every running job and wait (at most ``timeout`` seconds in all) for each to stop.

    Run at interpreter exit; returns the jobs still running after the wait (none, normally).
    """
    jobs = list(_RUNNING)
    for job in jobs:
        job.cancel()
    deadline = time.monotonic() + timeout
    for job in jobs:
        job._finished.wait(max(0.0, deadline - time.monotonic()))
    left = [job for job in jobs if not job.done]
    if left:
        print(f"paperlab: {len(left)} embedding job(s) still running at exit after {timeout:g} s", file=sys.stderr)
    return left


atexit.register(stop_running_jobs)


def _static_model_ready() -> bool:
    """Whether the static encoder's model is on disk (distilling it takes torch and ~30 s: not now)."""
    path = getattr(get_encoder("static"), "path", None)
    return path is not None and (path / "config.json").exists()


_PARTIAL = "partial results: "


def is_partial(results: SearchResults) -> bool:
    """Whether ``results`` came from a library still being embedded (a refined search will follow)."""
    return results.partial is not None or str(results.name or "").startswith(_PARTIAL)


def _merge(
    parts: list[SearchResults], query: str, k: int, mode: str, progress: dict[str, Any], rest_kind: str
) -> SearchResults:
    """One ranking from the parts' hits, by score; the explanation of each hit comes from its part."""
    hits = sorted(
        ((s, i, p) for i, part in enumerate(parts) for p in part for s in [part.scores[p.id]]), key=lambda x: -x[0]
    )[:k]
    owner = {p.id: parts[i] for _, i, p in hits}
    name = None
    partial = progress["state"] != "done" or progress["done"] < progress["total"]
    if partial:
        name = f"{_PARTIAL}{progress['done']} of {progress['total']} papers embedded"
    merged = SearchResults(
        [p for _, _, p in hits],
        [s for s, _, _ in hits],
        query=query,
        mode=mode,
        explain=lambda p: owner[p.id].reasons[p.id],
        name=name,
    )
    if partial:
        merged.partial = {"done": int(progress["done"]), "total": int(progress["total"]), "rest": rest_kind}
    # the parts' weaker matches (each part's k best under its cut-off, above its floor), at most what k leaves room for
    merged.below_cutoff = min(sum(part.below_cutoff for part in parts), max(k - len(merged), 0))
    return merged


def embed_library(
    library: Library,
    encoder: str | Encoder | None = None,
    background: bool = True,
    store: Any = "default",
    batch_size: int = 32,
    progress: bool | None = None,
) -> EmbeddingJob:
    """Embed ``library`` with the full model (engine of ``Library.embed``).

    Parameters
    ----------
    library : Library
    encoder : str or Encoder, optional
        Default: the packaged all-MiniLM-L6-v2.
    background : bool
        Return at once with the job running (True, default), or when it has finished.
    store, batch_size, progress
        See :class:`EmbeddingJob`.

    Returns
    -------
    EmbeddingJob
        The running (or finished) job; while it runs, ``library.search`` answers from it.
        A job already running for this library and encoder is returned instead of a new one.
    """
    job = running_job(library, encoder)
    if job is None:
        job = EmbeddingJob(library, encoder=encoder, store=store, batch_size=batch_size, progress=progress)
        library.__dict__[_JOB_ATTR] = job
        job.start()
    if not background:
        job.wait()
    return job


def running_job(library: Library, encoder: str | Encoder | None = None) -> EmbeddingJob | None:
    """The background job embedding ``library`` with ``encoder`` that has not stopped yet, if any."""
    job = library.__dict__.get(_JOB_ATTR)
    if job is None or job.done or job.encoder != encoder:
        return None
    ids = {p.id for p in library}
    return job if len(ids) == len({p.id for p in job.papers}) and ids == {p.id for p in job.papers} else None
