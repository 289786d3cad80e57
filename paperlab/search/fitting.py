"""Fitting a :class:`~paperlab.search.index.PaperIndex`'s vectors: which encoder embeds a library, BM25 built while
the encoder runs, and the saved index (:mod:`.persist`) written after a fit and read instead of one.

The index keeps the estimator's state; these functions hold no state of their own.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from . import persist
from .encoders import Encoder, get_encoder, text_hash
from .lexical import BM25Ranker
from .vectors import AnnVectorIndex, ExactVectorIndex

__all__ = [
    "Background",
    "add_lexical",
    "choose_encoder",
    "index_root",
    "index_settings",
    "load_fitted",
    "save_fitted",
    "store_of",
]


def store_of(setting: Any) -> Any:
    """The store a ``store`` parameter names (the embedding cache of an index or an embedding job): "default" opens
    the default store (:func:`paperlab.store.open_store`), a Store or None is itself.

    Raises
    ------
    ValueError
        For any other string.
    """
    if isinstance(setting, str):
        if setting != "default":
            raise ValueError(f"store must be 'default', a Store or None, got {setting!r}")
        from ..store import open_store

        return open_store()
    return setting


def choose_encoder(encoder: Any, texts: Sequence[str], store: Any, static_above: int) -> Encoder:
    """The encoder named by ``encoder``; with none named, the full model unless more than ``static_above`` of the
    distinct ``texts`` are missing from the store's embedding cache (then the fast static one)."""
    if encoder is not None:
        return get_encoder(encoder)
    full = get_encoder(None)
    if len(texts) <= static_above:
        return full
    cached = 0
    if store is not None:
        hashes = list({text_hash(t) for t in texts})
        for start in range(0, len(hashes), 5000):
            cached += len(store.get_embeddings(full.name, hashes[start : start + 5000]))
    missing = len(set(texts)) - cached
    return full if missing <= static_above else get_encoder("static")


def index_root(index_dir: str | Path | None, store: Any, n: int, persist_above: int) -> Path | None:
    """Where the saved indexes of ``n`` texts live: ``index_dir``, by default beside the store's database (else
    :func:`.persist.default_root`); None when none is saved (``index_dir=None``, fewer than ``persist_above``)."""
    if index_dir is None or n < persist_above:
        return None
    if isinstance(index_dir, str) and index_dir == "default":
        if store is not None and not isinstance(store, str) and hasattr(store, "path"):
            return Path(store.path).parent / "indexes"
        return persist.default_root()
    return Path(index_dir)


def index_settings(uses_ann: bool) -> dict[str, Any]:
    """The settings a saved index was built with (part of its key: changed settings build a new one)."""
    lex = BM25Ranker()
    return {
        "ann": AnnVectorIndex().settings() if uses_ann else None,
        "bm25": {"k1": lex.k1, "b": lex.b, "stem": lex.stem},
    }


def save_fitted(
    root: Path,
    key: str,
    encoder: Encoder,
    embeddings: np.ndarray,
    vectors: ExactVectorIndex | AnnVectorIndex,
    lexical: BM25Ranker | None,
    lexical_fp: str | None = None,
) -> None:
    """Write fitted vectors, graph and (if built) BM25 index under ``root``/``key``, with ``lexical_fp``, the
    :func:`.persist.lexical_fingerprint` of the BM25 index's texts; failures only cost the speed-up."""
    tmp = None
    try:
        tmp = persist.new_folder(root, key)
        np.save(tmp / "embeddings.npy", embeddings.astype(np.float16, copy=False))
        if isinstance(vectors, AnnVectorIndex):
            vectors.save(tmp / "ann.usearch")
        if lexical is not None:
            lexical.save(tmp / "lexical")
        uses_ann = isinstance(vectors, AnnVectorIndex)
        meta = {
            "encoder": encoder.name,
            "n": len(embeddings),
            "dim": int(embeddings.shape[1]),
            "settings": index_settings(uses_ann),
            "lexical": lexical_fp if lexical is not None else None,
        }
        persist.publish(tmp, root, key, meta)
    except OSError:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def load_fitted(
    folder: Path, n: int, uses_ann: bool, lexical_fp: str | None = None, unrecorded: str | None = None
) -> tuple[np.ndarray, ExactVectorIndex | AnnVectorIndex, BM25Ranker | None] | None:
    """The embeddings, vector index and BM25 index of the index saved in ``folder`` for ``n`` texts; None when it
    cannot be read or holds another number of texts (it is then rebuilt). The BM25 index is None when none was
    saved, or, given ``lexical_fp``, when it was saved for other texts or keywords (its recorded fingerprint, else
    ``unrecorded``, is another): it is then rebuilt, the vectors kept."""
    try:
        if uses_ann:
            emb = np.load(folder / "embeddings.npy", mmap_mode="r")
            vectors: ExactVectorIndex | AnnVectorIndex = AnnVectorIndex.load(
                folder / "ann.usearch", emb, **AnnVectorIndex().settings()
            )
        else:
            emb = np.load(folder / "embeddings.npy").astype(np.float32)
            vectors = ExactVectorIndex().fit(emb)
        if emb.shape[0] != n:
            return None
        lexical = None
        if (folder / "lexical").is_dir() and lexical_fp in (None, persist.read_meta(folder).get("lexical", unrecorded)):
            lexical = BM25Ranker.load(folder / "lexical")
    except (OSError, ValueError, KeyError, RuntimeError):
        return None
    persist.touch(folder)
    return emb, vectors, lexical


def add_lexical(folder: Path, texts: Sequence[str], lexical_fp: str | None = None) -> BM25Ranker:
    """BM25 of ``texts``, saved beside the index in ``folder`` that a semantic-only fit saved without it, or in place
    of one saved for other keywords, with ``lexical_fp`` (their :func:`.persist.lexical_fingerprint`)."""
    lexical = BM25Ranker().fit(texts)
    tmp, old = folder / f".lexical-tmp-{id(lexical)}", folder / f".lexical-old-{id(lexical)}"
    try:
        lexical.save(tmp)
        if (folder / "lexical").is_dir():
            (folder / "lexical").rename(old)
        tmp.rename(folder / "lexical")
        if lexical_fp is not None:
            persist.update_meta(folder, lexical=lexical_fp)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    return lexical


class Background:
    """Run ``fn`` in a daemon thread; :meth:`result` joins it and re-raises its exception."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self._out: Any = None
        self._exc: BaseException | None = None

        def run() -> None:
            try:
                self._out = fn()
            except BaseException as exc:  # re-raised in the caller's thread
                self._exc = exc

        self._thread = threading.Thread(target=run, name="paperlab-bm25", daemon=True)
        self._thread.start()

    def result(self) -> Any:
        """What ``fn`` returned (waiting for it), or its exception raised here."""
        self._thread.join()
        if self._exc is not None:
            raise self._exc
        return self._out
