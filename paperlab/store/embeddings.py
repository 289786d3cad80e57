"""The embedding cache of the store: vectors of the search module, keyed by model and text hash.

Writes to the cache do not bump the store's revision (the cache is not user-visible data).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..text import text_hash
from .db import Database

__all__ = ["EmbeddingCache"]

_IMPORTED = "imported:"


class EmbeddingCache(Database):
    """The embeddings half of :class:`~paperlab.store.Store` (see there)."""

    def _embedding_rows(self, columns: str, model: str, hashes: Iterable[str]) -> list[Any]:
        keys = set(hashes)
        if not keys:
            return []
        return (
            self._conn()
            .execute(
                f"SELECT {columns} FROM embeddings WHERE model = ? AND {self.dialect.any_of('text_hash')}",
                (model, self.dialect.values(keys)),
            )
            .fetchall()
        )

    def get_embeddings(self, model: str, hashes: Iterable[str]) -> dict[str, bytes]:
        """Cached vectors of ``model`` for the given text hashes (missing ones are absent)."""
        rows = self._embedding_rows("text_hash, vector", model, hashes)
        return {str(h): bytes(v) for h, v in rows}

    def get_embedding_rows(self, model: str, hashes: Iterable[str]) -> dict[str, tuple[int, bytes]]:
        """Like :meth:`get_embeddings`, with each vector's length: ``{text_hash: (dim, raw bytes)}``.

        The search module stores float16 blobs (``2 * dim`` bytes); earlier versions wrote float32.
        """
        rows = self._embedding_rows("text_hash, dim, vector", model, hashes)
        return {str(h): (int(d), bytes(v)) for h, d, v in rows}

    def put_embeddings(self, model: str, vectors: dict[str, tuple[int, bytes]]) -> None:
        """Cache vectors: ``{text_hash: (dim, raw bytes)}`` for ``model``.

        Does not bump :meth:`revision` (the cache is not user-visible data).
        """
        if not vectors:
            return
        with self._write(bump=False) as conn:
            conn.executemany(
                "INSERT INTO embeddings(model, text_hash, dim, vector) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(model, text_hash) DO UPDATE SET dim = excluded.dim, vector = excluded.vector",
                [(model, h, int(dim), bytes(vec)) for h, (dim, vec) in vectors.items()],
            )

    def record_import(self, model: str, count: int) -> None:
        """Remember that ``count`` precomputed vectors of ``model`` were imported (not embedded here).

        Searches then refuse to re-embed those papers with another model (see
        :class:`~paperlab.search.PaperIndex`); kept in the ``meta`` table as ``imported:<model>``.
        """
        if count <= 0:
            return
        with self._write(bump=False) as conn:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = meta.value + excluded.value",
                (f"{_IMPORTED}{model}", int(count)),
            )

    def imported_models(self) -> dict[str, int]:
        """``{model: vectors imported}`` for every model whose vectors were imported (:meth:`record_import`)."""
        rows = self._conn().execute("SELECT key, value FROM meta WHERE key LIKE ?", (f"{_IMPORTED}%",)).fetchall()
        return {str(k)[len(_IMPORTED) :]: int(v) for k, v in rows}

    @staticmethod
    def text_hash(text: str) -> str:
        """A stable key for a text in the embedding cache (:func:`paperlab.text.text_hash`)."""
        return text_hash(text)
