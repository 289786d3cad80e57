"""Building an index in a store that records imported vectors looks each text's vector up once: the check that
refuses to re-embed imported papers with another model reuses what the embedding step found in the cache (it used
to hash every text and query the cache a second time).

Real SQLite store (observed through a counting wrapper that passes every call on), real index, real packaged
vectors of the demo corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from paperlab.data import demo_library
from paperlab.errors import ModelMismatchError
from paperlab.library import Library
from paperlab.search import DEFAULT_MODEL, PaperIndex, paper_text, text_hash
from paperlab.store import open_store


class CountingStore:
    """A real store; counts the text hashes each model's cached vectors were looked up for."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.looked_up: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def get_embeddings(self, model: str, hashes: Sequence[str]) -> Any:
        self.looked_up[model] += len(hashes)
        return self._store.get_embeddings(model, hashes)

    def get_embedding_rows(self, model: str, hashes: Sequence[str]) -> Any:
        self.looked_up[model] += len(hashes)
        return self._store.get_embedding_rows(model, hashes)


@pytest.fixture
def library() -> Library:
    return Library([p for p in demo_library() if p.abstract][:60])


def _import_for(store: Any, model: str, texts: Sequence[str]) -> None:
    rng = np.random.default_rng(7)
    rows = {text_hash(t): (8, rng.standard_normal(8).astype(np.float16).tobytes()) for t in texts}
    store.put_embeddings(model, rows)
    store.record_import(model, len(rows))


def test_fit_looks_each_cached_text_up_once_when_the_store_records_imports(library: Library, tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3")
    _import_for(store, "someone-elses-model", ["an unrelated paper", "another unrelated paper"])
    PaperIndex(store=store, index_dir=None, mode="semantic", progress=False).fit(library)  # fills the cache
    counting = CountingStore(store)
    index = PaperIndex(store=counting, index_dir=None, mode="semantic", progress=False).fit(library)
    distinct = len({paper_text(p) for p in library})
    assert index.n_embedded_ == 0
    assert counting.looked_up[DEFAULT_MODEL] == distinct  # once per text, not once more for the model check
    assert counting.looked_up["someone-elses-model"] == 0  # nothing was missing: no other model to ask about


def test_papers_imported_for_another_model_are_still_refused(library: Library, tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3")
    _import_for(store, "someone-elses-model", [paper_text(p) for p in library])
    with pytest.raises(ModelMismatchError, match=r"60 of these 60 papers have vectors imported for 'someone-elses"):
        PaperIndex(encoder="static", store=store, index_dir=None, mode="semantic", progress=False).fit(library)
