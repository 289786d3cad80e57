"""Queries must use the model of the imported vectors: a library whose vectors were imported for model X is not
silently re-embedded when searched with another model (issue 18).

The store (both engines), the import, the index and the search are the real ones. The two "models" are small
bag-of-words projections written here (different seeds: vectors of one cannot be compared with the other's),
so the test runs offline in seconds; the default model is never loaded because the refusal comes first.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from paperlab import Paper
from paperlab.cli import main
from paperlab.errors import ModelMismatchError
from paperlab.library import Library
from paperlab.scaleout import import_vectors
from paperlab.search import DEFAULT_MODEL, PaperIndex, background, paper_text
from paperlab.store import open_store

DIM = 64
TOPICS = [
    ("Graph neural networks for molecule property prediction", "message passing over atoms and bonds"),
    ("Diffusion models for image synthesis", "denoising score matching generates images"),
    ("Speech recognition with transducers", "streaming audio to text with low latency"),
    ("Protein folding with attention", "predicting residue contacts and structures"),
    ("Reinforcement learning for robot grasping", "policies learn to pick objects"),
    ("Retrieval augmented question answering", "passages retrieved from a corpus ground answers"),
    ("Federated learning under privacy budgets", "clients train without sharing raw data"),
    ("Weather forecasting with neural operators", "global atmosphere states days ahead"),
    ("Code generation by large language models", "programs synthesised from docstrings"),
    ("Sparse attention for long documents", "linear cost in the sequence length"),
    ("Object detection in aerial imagery", "small vehicles seen from drones"),
    ("Causal discovery from observational data", "structure learning of directed graphs"),
]


class WordsModel:
    """A tiny deterministic text model: the normalised sum of one seeded random vector per word."""

    def __init__(self, name: str, seed: int) -> None:
        self.name = name
        self.seed = seed
        self.texts_embedded = 0
        self.documents_encoded = 0  # texts of papers (queries are single texts encoded at search time)

    def _word(self, word: str) -> np.ndarray:
        rng = np.random.default_rng([self.seed, zlib.crc32(word.encode())])
        return rng.standard_normal(DIM).astype(np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) > 1 or any(len(t) > 80 for t in texts):
            self.documents_encoded += len(texts)
        rows = [sum((self._word(w) for w in t.lower().split()), np.zeros(DIM, np.float32)) for t in texts]
        out = np.asarray(rows, dtype=np.float32).reshape(len(texts), DIM)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def _papers() -> list[Paper]:
    return [
        Paper(title=title, abstract=f"We study {title.lower()}: {more}.", arxiv_id=f"2402.{20000 + i}")
        for i, (title, more) in enumerate(TOPICS)
    ]


def _import(papers: Sequence[Paper], model: WordsModel, path: Path) -> None:
    """A parquet of precomputed vectors (arXiv ids, as public embedding sets give them), imported for ``model``."""
    vectors = model.encode([paper_text(p) for p in papers])
    model.documents_encoded = 0  # made "elsewhere": the import, not a search, brought them
    pq.write_table(pa.table({"arxiv_id": [f"arXiv:{p.arxiv_id}" for p in papers], "vector": vectors.tolist()}), path)
    report = import_vectors(path, model.name, store=open_store())
    assert report.imported == len(papers)


@pytest.mark.usefixtures("store_backend")
def test_search_refuses_another_model_than_the_imported_one_and_says_how_to_fix_it(tmp_path: Path) -> None:
    papers = _papers()
    open_store().upsert_papers(papers)
    imported = WordsModel("example-org/precomputed-words-64d", seed=1)
    other = WordsModel("example-org/other-words-64d", seed=2)
    _import(papers, imported, tmp_path / "vectors.parquet")
    assert open_store().imported_models() == {imported.name: len(papers)}
    lib = Library(papers)

    with pytest.raises(ModelMismatchError) as default_model:
        lib.search("denoising diffusion for generating images")
    message = str(default_model.value)
    assert f"12 of these 12 papers have vectors imported for '{imported.name}', not for '{DEFAULT_MODEL}'" in message
    assert f"encoder='{imported.name}'" in message and f"library.embed(encoder='{DEFAULT_MODEL}')" in message
    with pytest.raises(ModelMismatchError, match=f"imported for '{imported.name}', not for '{other.name}'"):
        lib.search("denoising diffusion for generating images", encoder=other)
    with pytest.raises(ModelMismatchError, match="paperlab embed --model example-org/other-words-64d"):
        PaperIndex(encoder=other).fit(lib)
    assert other.documents_encoded == 0  # refused before anything was re-embedded

    hits = lib.search("denoising diffusion for generating images", encoder=imported, min_score=0)
    assert hits[0].title == "Diffusion models for image synthesis"
    assert imported.documents_encoded == 0  # the imported vectors were used as they are
    assert PaperIndex(encoder=imported, mode="semantic").fit(lib).n_embedded_ == 0

    # asked for explicitly: re-embedding with the other model is done, and from then on its vectors are cached
    assert lib.embed(encoder=other, background=False, progress=False).n_encoded == len(papers)
    hits = lib.search("streaming speech to text", encoder=other, min_score=0)
    assert hits[0].title == "Speech recognition with transducers"


def test_a_few_imported_vectors_do_not_block_a_library_embedded_with_its_own_model(tmp_path: Path) -> None:
    papers = _papers()
    open_store().upsert_papers(papers)
    imported = WordsModel("example-org/precomputed-words-64d", seed=1)
    other = WordsModel("example-org/other-words-64d", seed=2)
    _import(papers[:2], imported, tmp_path / "few.parquet")  # 2 of 12: not this library's vectors

    index = PaperIndex(encoder=other, mode="semantic").fit(Library(papers))
    assert index.n_embedded_ == len(papers)
    _import(papers[2:8], imported, tmp_path / "more.parquet")  # now 8 of 12 have them: the library's vectors
    third = WordsModel("example-org/third-words-64d", seed=3)
    with pytest.raises(ModelMismatchError, match=f"8 of these 12 papers have vectors imported for '{imported.name}'"):
        PaperIndex(encoder=third, mode="semantic").fit(Library(papers))
    assert third.documents_encoded == 0
    assert PaperIndex(encoder=other, mode="semantic").fit(Library(papers)).n_embedded_ == 0  # all cached already


def test_command_line_search_names_both_models_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    papers = _papers()
    open_store().upsert_papers(papers)
    _import(papers, WordsModel("example-org/precomputed-words-64d", seed=1), tmp_path / "vectors.parquet")
    assert main(["search", "sparse attention for long documents"]) == 2  # an error: 2, never the no-match 1
    err = capsys.readouterr().err
    assert err.startswith("paperlab: error: ") and len(err.splitlines()) == 1
    assert "'example-org/precomputed-words-64d', not for 'sentence-transformers/all-MiniLM-L6-v2'" in err
    assert main(["search", "--mode", "lexical", "sparse attention for long documents"]) == 0  # words need no model
    assert "Sparse attention for long documents" in capsys.readouterr().out


class GatedWordsModel(WordsModel):
    """A :class:`WordsModel` whose batches of papers wait for a permit (so a test can search mid-job)."""

    def __init__(self, name: str, seed: int) -> None:
        super().__init__(name, seed)
        self.permits = threading.Semaphore(0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) > 1:
            assert self.permits.acquire(timeout=120), "the test never let this batch through"
        return super().encode(texts)


def test_an_embedding_job_asked_for_re_embeds_and_searches_meanwhile_by_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    papers = _papers()
    open_store().upsert_papers(papers)
    _import(papers, WordsModel("example-org/precomputed-words-64d", seed=1), tmp_path / "vectors.parquet")
    # as if the static model were on disk: papers not embedded yet would be ranked by it, but their vectors were
    # imported for another model, so the partial search ranks them by their words instead of refusing
    monkeypatch.setattr(background, "_static_model_ready", lambda: True)
    lib = Library(papers)
    other = GatedWordsModel("example-org/other-words-64d", seed=2)
    job = lib.embed(encoder=other, batch_size=4, progress=False)  # re-embedding, explicitly asked for
    hits = lib.search("predicting protein residue contacts", encoder=other)
    assert background.is_partial(hits) and hits[0].title == "Protein folding with attention"
    other.permits.release(100)
    assert job.wait(timeout=120) and job.progress["state"] == "done"
    hits = lib.search("predicting protein residue contacts", encoder=other, min_score=0)
    assert not background.is_partial(hits) and hits[0].title == "Protein folding with attention"


def test_a_copied_store_still_knows_which_vectors_were_imported(tmp_path: Path) -> None:
    from paperlab.store import Store
    from paperlab.store.transfer import copy_store

    papers = _papers()
    open_store().upsert_papers(papers)
    imported = WordsModel("example-org/precomputed-words-64d", seed=1)
    _import(papers, imported, tmp_path / "vectors.parquet")
    target = Store(tmp_path / "team.sqlite3")
    assert copy_store(open_store(), target).embeddings == len(papers)
    assert target.imported_models() == {imported.name: len(papers)}
    with pytest.raises(ModelMismatchError, match=f"imported for '{imported.name}'"):
        PaperIndex(encoder=WordsModel("example-org/other-words-64d", seed=2), store=target).fit(Library(papers))
