"""A saved scale index of the store's papers, built from the vectors in its embedding cache.

``paperlab embed --index`` ends here: the cached vectors of one model (embedded by
:func:`~paperlab.scaleout.embed_library` or imported by :func:`~paperlab.scaleout.import_vectors`) become a
:class:`~paperlab.scaleout.ScaleIndex` in ``$PAPERLAB_HOME/scale-indexes/<model>/``. Papers without a
vector of that model are left out and counted.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NotFound
from ..library import Library
from ..paper import Paper
from ..search import get_encoder, paper_text, text_hash
from ..text import plural
from .ann import ModelMismatchError, ScaleIndex, build_index

__all__ = ["LibraryIndexReport", "build_library_index", "default_index_dir", "open_library_index"]

_LOOKUP = 5000


@dataclass(frozen=True)
class LibraryIndexReport:
    """What :func:`build_library_index` built: ``indexed`` papers in ``folder``, ``missing`` left out."""

    folder: Path
    model: str
    indexed: int
    missing: int

    def __str__(self) -> str:
        have = "has" if self.missing == 1 else "have"
        note = f"; {plural(self.missing, 'paper')} {have} no vector of this model (run `paperlab embed`)"
        return (
            f"indexed {plural(self.indexed, 'paper')} with {self.model} in {self.folder}{note if self.missing else ''}"
        )


def default_index_dir(model: str) -> Path:
    """``$PAPERLAB_HOME/scale-indexes/<model name, made file-safe>`` (read at call time)."""
    from ..store import default_store_path

    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model).strip("._") or "model"
    return default_store_path().parent / "scale-indexes" / slug


def _decode(dim: int, raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype=np.float16 if len(raw) == 2 * dim else np.float32).astype(np.float16)


def _write_cached_rows(papers: Sequence[Paper], name: str, store: Any, raw_path: Path) -> tuple[list[str], int]:
    """Append the cached float16 vector of each paper to ``raw_path``; the ids written and the vector length."""
    ids: list[str] = []
    dim = 0
    with open(raw_path, "wb") as out:
        for start in range(0, len(papers), _LOOKUP):
            chunk = papers[start : start + _LOOKUP]
            hashes = [text_hash(paper_text(p)) for p in chunk]
            rows = store.get_embedding_rows(name, hashes)
            for p, h in zip(chunk, hashes, strict=True):
                if h not in rows:
                    continue
                vec = _decode(*rows[h])
                if dim and vec.shape[0] != dim:
                    raise ModelMismatchError(f"the cache holds vectors of {name!r} of {dim} and {vec.shape[0]} values")
                dim = vec.shape[0]
                out.write(vec.tobytes())
                ids.append(p.id)
    return ids, dim


def build_library_index(
    papers: Library | Sequence[Paper] | None = None,
    model: str | None = None,
    store: Any = None,
    folder: str | Path | None = None,
    progress: bool = False,
) -> LibraryIndexReport:
    """Build a :class:`~paperlab.scaleout.ScaleIndex` of the papers' cached vectors of ``model``.

    Parameters
    ----------
    papers : Library or sequence of Paper, optional
        Default: every paper in the store.
    model : str, optional
        Model name (default: the packaged all-MiniLM-L6-v2).
    store : Store, optional
        Default :func:`paperlab.store.open_store`.
    folder : str or Path, optional
        Default :func:`default_index_dir`.
    progress : bool
        Show usearch's progress bar while building the graph.
    """
    if store is None:
        from ..store import open_store

        store = open_store()
    plist = list(store.papers() if papers is None else papers)
    name = get_encoder(model).name
    target = Path(folder) if folder is not None else default_index_dir(name)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target) as tmp:
        raw = Path(tmp) / "vectors.raw"
        ids, dim = _write_cached_rows(plist, name, store, raw)
        if not ids:
            raise NotFound(
                f"no paper has a cached vector of {name!r}: run `paperlab embed --model {name}` "
                "or import precomputed vectors first"
            )
        vectors = np.memmap(raw, dtype=np.float16, mode="r", shape=(len(ids), dim))
        build_index(target, vectors, ids, name, progress=progress)
        del vectors
    return LibraryIndexReport(target, name, len(ids), len(plist) - len(ids))


def open_library_index(model: str | None = None, folder: str | Path | None = None) -> ScaleIndex:
    """The saved index of ``model`` (default folder) or in ``folder``."""
    target = Path(folder) if folder is not None else default_index_dir(get_encoder(model).name)
    return ScaleIndex.load(target)
