"""paperlab.search.fitting: the store a PaperIndex or an embedding job names, a fitted index written to disk and read
back (or refused when it no longer fits), and BM25 built in a thread. Real numpy arrays, BM25 and files; the
encoder is only a name on the saved index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from paperlab import Library, Paper
from paperlab.search import PaperIndex
from paperlab.search.fitting import Background, add_lexical, load_fitted, save_fitted, store_of
from paperlab.search.lexical import BM25Ranker
from paperlab.search.vectors import ExactVectorIndex
from paperlab.store import Store

TEXTS = ["attention is all you need", "graph neural networks for molecules", "diffusion models beat gans"]


class _Named:
    name = "test-fitting-encoder"


def test_store_of_opens_the_default_store_and_refuses_other_names() -> None:
    default = store_of("default")
    assert isinstance(default, Store)
    assert store_of(None) is None and store_of(default) is default
    with pytest.raises(ValueError, match="store must be 'default', a Store or None, got 'elsewhere'"):
        store_of("elsewhere")
    with pytest.raises(ValueError, match="got 'elsewhere'"):  # the index and the job say the same
        PaperIndex(store="elsewhere", mode="semantic", encoder="static").fit(Library([Paper("A paper title")]))


def test_a_fitted_index_saved_is_read_back_and_refused_for_other_texts(tmp_path: Path) -> None:
    vectors = np.eye(3, 4, dtype=np.float32)
    lexical = BM25Ranker().fit(TEXTS)
    save_fitted(tmp_path, "key1", _Named(), vectors, ExactVectorIndex().fit(vectors), lexical)  # type: ignore[arg-type]
    folder = tmp_path / "key1"
    loaded = load_fitted(folder, len(TEXTS), uses_ann=False)
    assert loaded is not None
    emb, index, bm25 = loaded
    assert np.allclose(emb, vectors) and np.allclose(index.similarities(vectors[1]), [0, 1, 0])
    assert bm25 is not None and int(np.argmax(bm25.scores("molecules"))) == 1
    assert load_fitted(folder, len(TEXTS) + 1, uses_ann=False) is None  # saved for other texts: rebuilt
    assert load_fitted(tmp_path / "missing", len(TEXTS), uses_ann=False) is None


def test_bm25_is_added_beside_an_index_saved_without_it(tmp_path: Path) -> None:
    vectors = np.eye(3, 4, dtype=np.float32)
    save_fitted(tmp_path, "key2", _Named(), vectors, ExactVectorIndex().fit(vectors), None)  # type: ignore[arg-type]
    folder = tmp_path / "key2"
    loaded = load_fitted(folder, len(TEXTS), uses_ann=False)
    assert loaded is not None and loaded[2] is None
    added = add_lexical(folder, TEXTS)
    assert int(np.argmax(added.scores("diffusion"))) == 2
    again = load_fitted(folder, len(TEXTS), uses_ann=False)
    assert again is not None and again[2] is not None and int(np.argmax(again[2].scores("diffusion"))) == 2


def test_background_returns_the_result_or_raises_the_error_in_the_caller() -> None:
    assert Background(lambda: 41 + 1).result() == 42

    def fail() -> Any:
        raise RuntimeError("bm25 failed")

    with pytest.raises(RuntimeError, match="bm25 failed"):
        Background(fail).result()
