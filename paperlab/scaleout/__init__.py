"""A corpus beyond one laptop: embedding on a Ray cluster, precomputed vectors, indexes over millions.

* :func:`embed_library`: embed a library's (or the store's) papers into the store's embedding cache,
  in this process or as Ray tasks on a cluster; resumable (already-embedded papers are skipped);
* :func:`import_vectors`: precomputed embeddings (parquet of ids and vectors, or ``.npy`` + ids) into
  the same cache, under their model's name;
* :func:`build_library_index` / :class:`ScaleIndex`: a saved int8 HNSW index with exact re-scoring
  (above 1.5M rows a denser graph over PCA-projected rows), sized for all of arXiv on one machine; queries must use the index's model (:class:`ModelMismatchError`).

See ``docs/whole-arxiv.md``.
"""

from __future__ import annotations

from .ann import (
    INDEX_SETTINGS,
    LARGE_ABOVE,
    LARGE_INDEX_SETTINGS,
    ModelMismatchError,
    RowFile,
    ScaleIndex,
    build_index,
    settings_for,
)
from .embedding import EmbedReport, embed_library, encode_batch, missing_texts, ray_session
from .importing import ID_COLUMNS, VECTOR_COLUMNS, VectorImportReport, import_vectors
from .library_index import LibraryIndexReport, build_library_index, default_index_dir, open_library_index

__all__ = [
    "EmbedReport",
    "ID_COLUMNS",
    "INDEX_SETTINGS",
    "LARGE_ABOVE",
    "LARGE_INDEX_SETTINGS",
    "LibraryIndexReport",
    "ModelMismatchError",
    "RowFile",
    "ScaleIndex",
    "VECTOR_COLUMNS",
    "VectorImportReport",
    "build_index",
    "build_library_index",
    "default_index_dir",
    "embed_library",
    "encode_batch",
    "import_vectors",
    "missing_texts",
    "open_library_index",
    "ray_session",
    "settings_for",
]
