"""Import precomputed embeddings (a parquet of ids and vectors, or ``.npy`` vectors with an id list).

Nobody should re-embed what exists: public sets of arXiv embeddings give a paper id and a vector for a
named model. :func:`import_vectors` reads such a file a batch at a time, normalises every id through
:mod:`paperlab.identifiers`, matches it to the papers of the store and writes the vector to the store's
embedding cache under the model's name, keyed by the paper's text, exactly where :func:`embed_library`
and searches look. Bad rows (an id that names no arXiv paper or DOI, a vector of the wrong length, an
empty vector) are reported with their row number and skipped; ids of papers the store does not hold are
counted (import their metadata first, e.g. the Kaggle arXiv snapshot, and run the import again).

The model name is recorded with every vector (it is the cache key) and in the store's list of imported
models, and a model whose cached vectors have another dimension is refused
(:class:`~paperlab.errors.ModelMismatchError`). A search of these papers must encode its query with that
same model: :class:`~paperlab.search.PaperIndex` raises ``ModelMismatchError`` rather than re-embed them
with another one, unless asked to (``Library.embed(encoder=...)`` or ``paperlab embed --model`` first).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ImportProblem, ParseError
from ..identifiers import parse_reference
from ..search import DEFAULT_MODEL, get_encoder, paper_text, text_hash
from ..text import plural
from .ann import ModelMismatchError

__all__ = ["ID_COLUMNS", "VECTOR_COLUMNS", "VectorImportReport", "import_vectors"]

#: Column names tried, in order, for the paper id and for the vector of a parquet file.
ID_COLUMNS = ("arxiv_id", "id", "paper_id", "arxiv", "doi")
VECTOR_COLUMNS = ("vector", "embedding", "embeddings", "emb", "vectors")
_KNOWN_DIMS = {DEFAULT_MODEL: 384}
_BATCH = 50_000
_SHOWN = 20  # problems kept verbatim in the report (all are counted)


@dataclass
class VectorImportReport:
    """What :func:`import_vectors` did.

    Attributes
    ----------
    source : str
    model : str
        The model the vectors were recorded under.
    dim : int
    rows : int
        Rows read.
    imported : int
        Vectors written to the cache.
    not_in_store : int
        Rows with a valid id of a paper the store does not hold.
    bad : int
        Rows skipped as bad (see ``problems``, the first few of them).
    problems : list of ImportProblem
    """

    source: str
    model: str
    dim: int = 0
    rows: int = 0
    imported: int = 0
    not_in_store: int = 0
    bad: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    not_in_store_examples: list[str] = field(default_factory=list)

    def problem(self, row: int, message: str) -> None:
        self.bad += 1
        if len(self.problems) < _SHOWN:
            self.problems.append(ImportProblem(self.source, f"row {row}", message))

    def __str__(self) -> str:
        text = (
            f"{self.source}: {plural(self.rows, 'row')} of {self.dim}-d vectors for {self.model}: {self.imported} imported, "
            f"{self.not_in_store} not in your library, {self.bad} bad"
        )
        return text


def _store_keys(store: Any) -> dict[str, str]:
    """``{match key: text hash}`` of the store's papers (arXiv id and DOI keys)."""
    keys: dict[str, str] = {}
    for p in store.papers():
        h = text_hash(paper_text(p))
        if p.arxiv_id:
            keys[f"arxiv:{p.arxiv_id}"] = h
        if p.doi:
            keys[f"doi:{p.doi.lower()}"] = h
    return keys


def _pick(names: list[str], wanted: str | None, choices: tuple[str, ...], what: str, source: str) -> str:
    if wanted is not None:
        if wanted not in names:
            raise ParseError(f"no {what} column {wanted!r}; columns are {', '.join(names)}", source=source)
        return wanted
    for name in choices:
        if name in names:
            return name
    raise ParseError(
        f"no {what} column: expected one of {', '.join(choices)} (or name it with --{what}-column); "
        f"columns are {', '.join(names)}",
        source=source,
    )


def _parquet_batches(
    path: Path, id_column: str | None, vector_column: str | None
) -> Iterator[tuple[list[Any], list[Any]]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not parquet
        raise ParseError(f"not a readable parquet file ({exc})", source=str(path)) from exc
    names = pf.schema_arrow.names
    id_col = _pick(names, id_column, ID_COLUMNS, "id", str(path))
    vec_col = _pick(names, vector_column, VECTOR_COLUMNS, "vector", str(path))
    for batch in pf.iter_batches(batch_size=_BATCH, columns=[id_col, vec_col]):
        yield batch.column(0).to_pylist(), batch.column(1).to_pylist()


def _npy_batches(path: Path, ids_path: Path | None) -> Iterator[tuple[list[Any], list[Any]]]:
    if ids_path is None:
        raise ParseError(
            "a .npy file of vectors needs its ids: pass --ids FILE (.txt, one per line, or .npy)", str(path)
        )
    vectors = np.load(path, mmap_mode="r", allow_pickle=False)
    if vectors.ndim != 2:
        raise ParseError(f"expected a 2-D array of vectors, got shape {vectors.shape}", source=str(path))
    if ids_path.suffix == ".npy":
        ids = [x.decode() if isinstance(x, bytes) else str(x) for x in np.load(ids_path, allow_pickle=False).tolist()]
    else:
        ids = ids_path.read_text(encoding="utf-8").splitlines()
    if len(ids) != vectors.shape[0]:
        raise ParseError(f"{len(ids)} ids for {vectors.shape[0]} vectors in {path}", source=str(ids_path))
    for start in range(0, len(ids), _BATCH):
        yield ids[start : start + _BATCH], list(vectors[start : start + _BATCH])


def _row_key(raw: Any) -> str | None:
    """The store match key an id names (``arxiv:...`` or ``doi:...``), None when it names neither."""
    if raw is None:
        return None
    ref = parse_reference(str(raw))
    if ref.arxiv_id:
        return f"arxiv:{ref.arxiv_id}"
    if ref.doi:
        return f"doi:{ref.doi.lower()}"
    return None


def _check_dim(report: VectorImportReport, dim: int, store: Any, some_hash: str | None) -> None:
    expected = _KNOWN_DIMS.get(report.model)
    if expected is not None and dim != expected:
        raise ModelMismatchError(f"{report.source}: {dim}-d vectors, but {report.model} makes {expected}-d vectors")
    if some_hash is not None:
        for cached_dim, _ in store.get_embedding_rows(report.model, [some_hash]).values():
            if cached_dim != dim:
                raise ModelMismatchError(
                    f"{report.source}: {dim}-d vectors, but the embedding cache already holds {cached_dim}-d "
                    f"vectors of {report.model!r}: is this file really from that model?"
                )
    report.dim = dim


def _accept_batch(
    report: VectorImportReport, start: int, ids: list[Any], vectors: list[Any], keys: dict[str, str], store: Any
) -> dict[str, tuple[int, bytes]]:
    """Validate one batch; ``{text hash: (dim, float16 bytes)}`` of its good rows."""
    out: dict[str, tuple[int, bytes]] = {}
    for i, (raw, vec) in enumerate(zip(ids, vectors, strict=True)):
        row = start + i + 1
        report.rows += 1
        key = _row_key(raw)
        if key is None:
            report.problem(row, f"id {str(raw)[:60]!r} is not an arXiv id or DOI")
            continue
        arr = None if vec is None else np.asarray(vec, dtype=np.float32).reshape(-1)
        if arr is None or arr.size == 0:
            report.problem(row, f"{raw}: no vector")
            continue
        if not report.dim:
            _check_dim(report, arr.size, store, keys.get(key))
        norm = float(np.linalg.norm(arr))
        if arr.size != report.dim or not np.isfinite(norm) or norm == 0:
            what = (
                f"{arr.size} values, expected {report.dim}" if arr.size != report.dim else "a zero or non-finite vector"
            )
            report.problem(row, f"{raw}: {what}")
            continue
        h = keys.get(key)
        if h is None:
            report.not_in_store += 1
            if len(report.not_in_store_examples) < _SHOWN:
                report.not_in_store_examples.append(str(raw))
            continue
        out[h] = (report.dim, (arr / norm).astype(np.float16).tobytes())
    return out


def import_vectors(
    path: str | Path,
    model: str,
    ids: str | Path | None = None,
    store: Any = None,
    id_column: str | None = None,
    vector_column: str | None = None,
) -> VectorImportReport:
    """Write precomputed vectors of ``model`` for the store's papers into its embedding cache.

    Parameters
    ----------
    path : str or Path
        A parquet file (an id column and a list-of-floats vector column, found by name: see
        :data:`ID_COLUMNS`, :data:`VECTOR_COLUMNS`) or a ``.npy`` array ``(n, dim)``.
    model : str
        The model that made the vectors (any name :func:`paperlab.search.get_encoder` accepts; the
        packaged model's aliases are recorded under its full name). Queries must use it.
    ids : str or Path, optional
        For ``.npy`` vectors: the ids, one per line (``.txt``) or a ``.npy`` of strings.
    store : Store, optional
        Default :func:`paperlab.store.open_store`.
    id_column, vector_column : str, optional
        Column names, when they are not among the usual ones.

    Returns
    -------
    VectorImportReport
        Bad rows are reported there, not raised; a file that yields no good row raises ``ParseError``.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: file not found")
    if store is None:
        from ..store import open_store

        store = open_store()
    name = get_encoder(model).name  # the key searches use; no model is loaded
    report = VectorImportReport(str(path), name)
    keys = _store_keys(store)
    if path.suffix == ".npy":
        batches = _npy_batches(path, Path(ids) if ids is not None else None)
    else:
        batches = _parquet_batches(path, id_column, vector_column)
    for batch_ids, batch_vectors in batches:
        good = _accept_batch(report, report.rows, batch_ids, batch_vectors, keys, store)
        store.put_embeddings(name, good)
        store.record_import(name, len(good))  # searches then use these vectors, never re-embed them
        report.imported += len(good)
    if report.rows and report.bad == report.rows:
        raise ParseError(f"no usable row; first problem: {report.problems[0].message}", source=str(path), where="row 1")
    return report
