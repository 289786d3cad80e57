"""Nearest-neighbour search over unit vectors: exact (numpy) or approximate (usearch HNSW).

usearch was chosen by ``benchmarks/bench_search_scale.py`` over hnswlib (float32 only:
1M x 256 vectors need 1 GB) and faiss (IVF needs training; similar speed): its HNSW
index stores int8-quantised vectors, so 1M papers fit in about 0.4 GB. Candidates from
the graph are re-scored exactly against the float16 vectors the PaperIndex keeps anyway
(memory-mapped from disk once the index is saved); see ``benchmarks/README.md`` for the
settings' recall and latency at 1M.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["AnnVectorIndex", "ExactVectorIndex"]

#: An :class:`AnnVectorIndex` with re-scoring rows and at most this many rows scores every row exactly
#: (a few milliseconds), so small indexes are exact whatever their graph looks like.
EXACT_BELOW = 10_000


class ExactVectorIndex:
    """Brute-force cosine similarity (vectors are unit length): exact, fine up to ~100k rows."""

    def fit(self, vectors: np.ndarray) -> ExactVectorIndex:
        """Keep the ``(n, dim)`` float32 matrix as ``vectors_``."""
        self.vectors_ = np.ascontiguousarray(vectors, dtype=np.float32)
        return self

    def __repr__(self) -> str:
        n = getattr(self, "vectors_", np.zeros((0, 0))).shape
        return f"ExactVectorIndex(n={n[0]}, dim={n[1] if len(n) > 1 else 0})"

    def similarities(self, query: np.ndarray) -> np.ndarray:
        """Cosine similarity of ``query`` (dim,) to every row."""
        return self.vectors_ @ np.asarray(query, dtype=np.float32)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Row numbers and similarities of the ``k`` most similar rows, best first."""
        sims = self.similarities(query)
        k = min(k, sims.shape[0])
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top], kind="stable")]
        return top.astype(np.int64), sims[top]

    @property
    def nbytes(self) -> int:
        """Memory held by the index."""
        return int(self.vectors_.nbytes)


class AnnVectorIndex:
    """Approximate search: a usearch HNSW graph over int8-quantised unit vectors.

    Parameters
    ----------
    dtype : str
        Stored scalar type: ``"i8"`` (default, 1 byte per dimension), ``"f16"`` or ``"f32"``.
    connectivity : int
        Graph degree (HNSW ``M``).
    expansion_add, expansion_search : int
        Candidate-list sizes when building and when searching (higher: better recall, slower).
    threads : int
        Threads used when adding vectors (0: all cores).
    rerank : int
        Fetch ``rerank * k`` candidates from the graph and re-score them exactly against the
        float vectors given to :meth:`fit` (kept by reference, not copied), which undoes
        the int8 rounding; 0 or 1 returns the graph's own order.
    """

    def __init__(
        self,
        dtype: str = "i8",
        connectivity: int = 16,
        expansion_add: int = 128,
        expansion_search: int = 512,
        threads: int = 0,
        rerank: int = 10,
    ) -> None:
        self.dtype = dtype
        self.connectivity = connectivity
        self.expansion_add = expansion_add
        self.expansion_search = expansion_search
        self.threads = threads
        self.rerank = rerank

    def __repr__(self) -> str:
        return (
            f"AnnVectorIndex(dtype={self.dtype!r}, connectivity={self.connectivity}, "
            f"expansion_add={self.expansion_add}, expansion_search={self.expansion_search}, "
            f"rerank={self.rerank})"
        )

    def settings(self) -> dict[str, Any]:
        """The parameters, as saved with a persisted index."""
        return {
            "dtype": self.dtype,
            "connectivity": self.connectivity,
            "expansion_add": self.expansion_add,
            "expansion_search": self.expansion_search,
            "rerank": self.rerank,
        }

    def _new_index(self, ndim: int) -> Any:
        # onnxruntime must be loaded before usearch: importing it after usearch crashes the process
        # (onnxruntime 1.32 / usearch 2.26: a segmentation fault in onnxruntime's native module)
        import onnxruntime  # noqa: F401
        from usearch.index import Index

        index = Index(
            ndim=ndim,
            metric="cos",
            dtype=self.dtype,
            connectivity=self.connectivity,
            expansion_add=self.expansion_add,
            expansion_search=self.expansion_search,
        )
        index.expansion_search = self.expansion_search  # type: ignore[misc]  # settable at run time
        return index

    def fit(self, vectors: np.ndarray, progress: bool = False) -> AnnVectorIndex:
        """Build the graph; sets ``index_`` and ``n_``.

        ``vectors`` (float32 or float16, unit rows) are kept by reference for re-scoring.
        """
        self.index_: Any = self._new_index(vectors.shape[1])
        self.n_ = vectors.shape[0]
        self.vectors_ = vectors if self.rerank > 1 else None
        step = 100_000  # convert to float32 a slice at a time (1M float32 rows would be 1 GB)
        for start in range(0, self.n_, step):
            block = np.ascontiguousarray(vectors[start : start + step], dtype=np.float32)
            self.index_.add(
                np.arange(start, start + len(block), dtype=np.uint64), block, threads=self.threads, log=progress
            )
        return self

    def save(self, path: str | Path) -> None:
        """Write the graph (and its quantised vectors) to ``path``."""
        self.index_.save(str(path))

    @classmethod
    def load(cls, path: str | Path, vectors: np.ndarray, view: bool = True, **settings: Any) -> AnnVectorIndex:
        """A graph written by :meth:`save`, memory-mapped (``view=True``) or read into memory.

        ``vectors`` are the rows used to re-score candidates (the same as given to :meth:`fit`).
        """
        self = cls(**settings)
        self.index_ = self._new_index(vectors.shape[1])
        if view:
            self.index_.view(str(path))
        else:
            self.index_.load(str(path))
        self.index_.expansion_search = self.expansion_search
        self.n_ = len(self.index_)
        if self.n_ != vectors.shape[0]:
            raise ValueError(f"{path}: graph has {self.n_} vectors, expected {vectors.shape[0]}")
        self.vectors_ = vectors if self.rerank > 1 else None
        return self

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Row numbers and (approximate) cosine similarities of the ``k`` nearest rows, best first."""
        k = min(k, self.n_)
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        query = np.asarray(query, dtype=np.float32)
        if self.vectors_ is None:
            matches = self.index_.search(query, k)
            return matches.keys.astype(np.int64), (1.0 - matches.distances).astype(np.float32)
        if self.n_ <= max(k * self.rerank, EXACT_BELOW):
            # few rows: score them all exactly (a small graph built on several threads can leave a row unreachable)
            keys = np.arange(self.n_, dtype=np.int64)
        else:
            keys = np.sort(self.index_.search(query, min(self.n_, k * self.rerank)).keys.astype(np.int64))
        sims = np.asarray(self.vectors_[keys], dtype=np.float32) @ query
        order = np.argsort(-sims, kind="stable")[:k]
        return keys[order], sims[order]

    @property
    def nbytes(self) -> int:
        """Memory held by the graph and its quantised vectors (not the float16 rows used to re-score)."""
        return int(self.index_.memory_usage)
