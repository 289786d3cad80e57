"""A saved nearest-neighbour index over millions of vectors of one model (e.g. all of arXiv).

The folder holds:

* ``vectors.npy``: the rows as float16 ``(n, dim)``, never loaded whole: the candidates of a query are
  re-scored exactly against rows read from the file (``pread``, through the page cache), so they do
  not count towards the process's resident memory;
* ``ids.npy``: the paper id of each row (fixed-width bytes, memory-mapped);
* ``ann.usearch``: the usearch HNSW graph over int8-quantised rows (:class:`~paperlab.search.AnnVectorIndex`);
* ``projection.npy`` (large indexes only): the ``(dim, reduce)`` basis the graph's rows were projected on;
* ``meta.json``: model name, dimension, row count and the graph settings, written last.

The settings are those ``benchmarks/bench_ann_scale.py`` measures (384-d real-like vectors, figures in
``benchmarks/README.md``), by size (:func:`settings_for`):

* up to :data:`LARGE_ABOVE` rows, :data:`INDEX_SETTINGS`: int8 rows and a graph of degree 8 (about 0.5 KB per
  vector); recall@10 0.97 at 1M rows;
* above, :data:`LARGE_INDEX_SETTINGS`: a denser graph (degree 12, ``expansion_add`` 96) over the rows
  projected on their ``reduce`` = 192 principal axes (int8 again: about 0.3 KB per vector, 2.7M rows: about
  0.8 GB). The degree-8 graph reached only 0.92 at 2.7M rows: its misses were never among its candidates.
  Chosen on dev queries at 100k rows among 384-d/degree 8, 128-d/12, 128-d/16, 192-d/12 and 256-d/16
  (the last two cost 2x the build time for +0.002 recall). The projection loses little because the
  candidates are re-scored on the full rows: the exact top 10 were all among the 100 nearest in 128-d.

Either way ``rerank`` x k candidates are re-scored exactly against the float16 rows (full dimension), which
undoes the int8 rounding and the projection; ``expansion_search`` was chosen on dev queries.

A query must be encoded by the model whose vectors the index holds: :meth:`ScaleIndex.search` raises
:class:`ModelMismatchError` for any other model (its scores would be meaningless).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelMismatchError
from ..search import AnnVectorIndex, Encoder, get_encoder
from ..search.vectors import EXACT_BELOW

__all__ = [
    "INDEX_SETTINGS",
    "LARGE_ABOVE",
    "LARGE_INDEX_SETTINGS",
    "ModelMismatchError",
    "RowFile",
    "ScaleIndex",
    "build_index",
    "settings_for",
]

#: Graph settings of saved scale indexes up to :data:`LARGE_ABOVE` rows (see the module docstring).
INDEX_SETTINGS: dict[str, Any] = {
    "dtype": "i8",
    "connectivity": 8,
    "expansion_add": 64,
    "expansion_search": 512,
    "rerank": 10,
}
#: Settings above :data:`LARGE_ABOVE` rows: a denser graph over rows projected on ``reduce`` principal axes.
LARGE_INDEX_SETTINGS: dict[str, Any] = {**INDEX_SETTINGS, "connectivity": 12, "expansion_add": 96, "reduce": 192}
LARGE_ABOVE = 1_500_000
FORMAT = 1
_SAMPLE = 200_000  # rows the projection is fitted on
_STEP = 100_000


def settings_for(n: int) -> dict[str, Any]:
    """The index settings for ``n`` rows: :data:`INDEX_SETTINGS`, or :data:`LARGE_INDEX_SETTINGS` above
    :data:`LARGE_ABOVE` rows."""
    return dict(LARGE_INDEX_SETTINGS if n > LARGE_ABOVE else INDEX_SETTINGS)


def _projection(rows: np.ndarray, dims: int) -> np.ndarray:
    """``(dim, dims)``: the principal axes of the rows (uncentred, so that dot products are kept), from a sample."""
    n = rows.shape[0]
    picks = np.unique(np.linspace(0, n - 1, min(n, _SAMPLE)).astype(np.int64))
    moment = np.zeros((rows.shape[1], rows.shape[1]), dtype=np.float64)
    for start in range(0, len(picks), _STEP):
        block = np.asarray(rows[picks[start : start + _STEP]], dtype=np.float64)
        moment += block.T @ block
    values, axes = np.linalg.eigh(moment)
    return np.ascontiguousarray(axes[:, np.argsort(-values)[:dims]], dtype=np.float32)


class _Projected:
    """Rows projected on ``axes``, a slice at a time (what :meth:`AnnVectorIndex.fit` reads)."""

    def __init__(self, rows: np.ndarray, axes: np.ndarray) -> None:
        self.rows, self.axes = rows, axes
        self.shape = (rows.shape[0], axes.shape[1])

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key: slice) -> np.ndarray:
        return np.asarray(self.rows[key], dtype=np.float32) @ self.axes


class RowFile:
    """The float16 rows of a ``.npy`` file, read on demand with ``pread`` (not memory-mapped).

    Parameters
    ----------
    path : str or Path
        A ``.npy`` file of a C-ordered 2-D array.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        with open(self.path, "rb") as f:
            version = np.lib.format.read_magic(f)
            if version == (1, 0):
                shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
            else:
                shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
            self._offset = f.tell()
        if len(shape) != 2 or fortran:
            raise ValueError(f"{self.path}: expected a C-ordered 2-D array, got shape {shape}")
        self.shape: tuple[int, int] = (int(shape[0]), int(shape[1]))
        self.dtype = np.dtype(dtype)
        self._row = self.shape[1] * self.dtype.itemsize
        self._fd = os.open(self.path, os.O_RDONLY)

    def __repr__(self) -> str:
        return f"RowFile({str(self.path)!r}, shape={self.shape}, dtype={self.dtype})"

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """The given rows (row numbers), in that order, as an ``(len(rows), dim)`` array."""
        keys = np.asarray(rows, dtype=np.int64).reshape(-1)
        buf = bytearray(len(keys) * self._row)
        view = memoryview(buf)
        for i, key in enumerate(keys.tolist()):
            if not 0 <= key < self.shape[0]:
                raise IndexError(f"row {key} out of range (0..{self.shape[0] - 1})")
            got = os.preadv(self._fd, [view[i * self._row : (i + 1) * self._row]], self._offset + key * self._row)
            if got != self._row:
                raise OSError(f"{self.path}: short read at row {key}")
        return np.frombuffer(buf, dtype=self.dtype).reshape(len(keys), self.shape[1])

    def close(self) -> None:
        """Close the file."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __del__(self) -> None:
        self.close()


def build_index(
    folder: str | Path,
    vectors: np.ndarray,
    ids: Sequence[str] | np.ndarray,
    model: str,
    settings: dict[str, Any] | None = None,
    progress: bool = False,
) -> Path:
    """Build and save a :class:`ScaleIndex` in ``folder``.

    Parameters
    ----------
    folder : str or Path
        Created if needed. When ``vectors`` is already ``folder/vectors.npy`` (e.g. memory-mapped from
        there) it is used in place, otherwise it is written there as float16.
    vectors : numpy.ndarray
        ``(n, dim)`` unit rows (float16 or float32; a memory-mapped array is read a slice at a time).
    ids : sequence of str
        The paper id of each row.
    model : str
        Name of the model that made the vectors (queries must use it).
    settings : dict, optional
        :class:`~paperlab.search.AnnVectorIndex` parameters and ``reduce`` (dimensions of the projected rows the
        graph holds; 0: the rows as they are), over :func:`settings_for` the number of rows.
    progress : bool
        Show usearch's progress bar while adding rows.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if len(ids) != vectors.shape[0]:
        raise ValueError(f"{len(ids)} ids for {vectors.shape[0]} vectors")
    (folder / "meta.json").unlink(missing_ok=True)  # incomplete until written again
    target = folder / "vectors.npy"
    if Path(getattr(vectors, "filename", "") or "") != target.resolve():
        out = np.lib.format.open_memmap(target, mode="w+", dtype=np.float16, shape=vectors.shape)
        for start in range(0, vectors.shape[0], 100_000):
            out[start : start + 100_000] = vectors[start : start + 100_000]
        out.flush()
        del out
    rows = np.load(target, mmap_mode="r")
    np.save(folder / "ids.npy", np.asarray([str(i).encode() for i in ids] if len(ids) else [], dtype="S"))
    params = {**settings_for(rows.shape[0]), **(settings or {})}
    reduce = int(params.get("reduce") or 0)
    params["reduce"] = reduce = reduce if 0 < reduce < rows.shape[1] else 0
    graph = {key: value for key, value in params.items() if key != "reduce"}
    (folder / "projection.npy").unlink(missing_ok=True)
    if reduce:  # the graph holds the projected rows; candidates are re-scored by ScaleIndex on the full rows
        axes = _projection(rows, reduce)
        np.save(folder / "projection.npy", axes)
        projected: Any = _Projected(rows, axes)
        ann = AnnVectorIndex(**{**graph, "rerank": 1}).fit(projected, progress=progress)
    else:
        ann = AnnVectorIndex(**graph).fit(rows, progress=progress)
    ann.save(folder / "ann.usearch")
    meta = {"format": FORMAT, "model": model, "dim": int(rows.shape[1]), "n": int(rows.shape[0]), "settings": params}
    (folder / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return folder


class ScaleIndex:
    """A saved index (see :func:`build_index`), opened with :meth:`load`.

    Attributes
    ----------
    folder : Path
    model : str
        The model whose vectors the index holds.
    dim, n : int
    ann : AnnVectorIndex
    axes : numpy.ndarray or None
        ``(dim, reduce)``: the projection of the graph's rows (large indexes), else None.
    """

    def __init__(
        self,
        folder: Path,
        meta: dict[str, Any],
        ann: AnnVectorIndex,
        ids: np.ndarray,
        rows: RowFile | None = None,
        axes: np.ndarray | None = None,
    ) -> None:
        self.folder = folder
        self.meta = meta
        self.model = str(meta["model"])
        self.dim = int(meta["dim"])
        self.n = int(meta["n"])
        self.ann = ann
        self.ids = ids
        self.rows = rows
        self.axes = axes
        self.rerank = int(meta["settings"].get("rerank", 10))

    def __repr__(self) -> str:
        return f"ScaleIndex({str(self.folder)!r}, model={self.model!r}, n={self.n}, dim={self.dim})"

    @classmethod
    def load(cls, folder: str | Path, view: bool = False, expansion_search: int | None = None) -> ScaleIndex:
        """Open a saved index: the graph read into memory (``view=False``) or memory-mapped."""
        folder = Path(folder)
        meta_path = folder / "meta.json"
        if not meta_path.exists():
            raise FileNotFoundError(f"{folder}: no saved scale index here (meta.json missing; build it again)")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        settings = dict(meta["settings"])
        axes = np.load(folder / "projection.npy") if settings.pop("reduce", 0) else None
        if expansion_search is not None:
            settings["expansion_search"] = expansion_search
        if axes is not None:  # the graph gives candidates only: search_rows re-scores them on the full rows
            settings["rerank"] = 1
        rows = RowFile(folder / "vectors.npy")
        ann = AnnVectorIndex.load(folder / "ann.usearch", rows, view=view, **settings)  # type: ignore[arg-type]
        return cls(folder, meta, ann, np.load(folder / "ids.npy", mmap_mode="r"), rows, axes)

    def search_rows(self, query: np.ndarray, k: int = 10) -> tuple[np.ndarray, np.ndarray]:
        """Row numbers and cosine similarities of the ``k`` rows nearest to a unit query vector, best first."""
        if self.axes is None or self.rows is None:
            return self.ann.search(query, k)
        k = min(k, self.n)
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if self.n <= max(k * self.rerank, EXACT_BELOW):  # few rows: all of them (as AnnVectorIndex does)
            keys = np.arange(self.n, dtype=np.int64)
        else:
            keys = np.sort(self.ann.search(query @ self.axes, k * self.rerank)[0])
        sims = np.asarray(self.rows[keys], dtype=np.float32) @ query
        order = np.argsort(-sims, kind="stable")[:k]
        return keys[order], sims[order]

    def search_vector(self, query: np.ndarray, k: int = 10) -> tuple[list[str], np.ndarray]:
        """Ids and cosine similarities of the ``k`` rows nearest to a query vector (any length), best first."""
        query = np.asarray(query, dtype=np.float32).reshape(-1)
        if query.shape[0] != self.dim:
            raise ModelMismatchError(
                f"{self.folder}: query vector has {query.shape[0]} dimensions, the index holds "
                f"{self.dim}-d vectors of {self.model!r}"
            )
        norm = float(np.linalg.norm(query))
        rows, sims = self.search_rows(query / norm if norm > 0 else query, k)
        return [bytes(self.ids[r]).decode() for r in rows.tolist()], sims

    def search(self, text: str, k: int = 10, encoder: str | Encoder | None = None) -> list[tuple[str, float]]:
        """The ``k`` papers nearest to ``text``: ``[(paper id, cosine similarity), ...]``, best first.

        ``encoder`` defaults to the index's model; another model raises :class:`ModelMismatchError`.
        """
        enc = get_encoder(encoder if encoder is not None else self.model)
        if enc.name != self.model:
            raise ModelMismatchError(
                f"{self.folder}: the index holds vectors of {self.model!r}; a query encoded with {enc.name!r} "
                f"cannot be compared with them. Search with model={self.model!r} (or build an index for "
                f"{enc.name!r} with `paperlab embed --model {enc.name} --index`)."
            )
        ids, sims = self.search_vector(enc.encode([text])[0], k)
        return list(zip(ids, sims.tolist(), strict=True))
