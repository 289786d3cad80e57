"""``paperlab embed`` on a Ray cluster: a local cluster of 2 workers, started and shut down here, embeds 200
real arXiv abstracts into the store's embedding cache with the same vectors and format as the local path;
an interrupted run keeps its finished batches and the next one embeds only the rest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from paths import FIXTURES, realdata_missing

from paperlab.scaleout import embed_library
from paperlab.search import DEFAULT_MODEL, paper_text, text_hash
from paperlab.sources.arxiv import read_kaggle
from paperlab.store import Store

pytestmark = [pytest.mark.realdata, pytest.mark.slow]
KAGGLE = FIXTURES / "arxiv_kaggle_metadata" / "arxivSpider_mnbvc_kaggle-snapshot_first200.jsonl"


@pytest.fixture(scope="module")
def ray_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A local Ray cluster of 2 workers whose PAPERLAB_HOME (where the ONNX model is exported) is this folder."""
    reason = realdata_missing()
    if reason:
        pytest.skip(reason)
    ray = pytest.importorskip("ray")
    home = tmp_path_factory.mktemp("ray-home")
    options: dict[str, Any] = {"num_cpus": 2, "include_dashboard": False, "log_to_driver": False}
    options["runtime_env"] = {"env_vars": {"PAPERLAB_HOME": str(home), "HF_HUB_OFFLINE": "1"}}
    for attempt in range(3):
        try:
            ray.init(**options)
            break
        except Exception:  # Ray's raylet gives its Python agents 15 s to start: on a loaded 2-core machine, retry
            ray.shutdown()
            if attempt == 2:
                raise
    try:
        yield home
    finally:
        ray.shutdown()


class InterruptedStore(Store):
    """A real store whose run is stopped (KeyboardInterrupt, as by Ctrl-C) right after its n-th cache write."""

    def __init__(self, path: Path, stop_after: int) -> None:
        super().__init__(path)
        self.stop_after = stop_after
        self.writes = 0

    def put_embeddings(self, model: str, vectors: dict[str, tuple[int, bytes]]) -> None:
        super().put_embeddings(model, vectors)
        self.writes += 1
        if self.writes == self.stop_after:
            raise KeyboardInterrupt


def _vectors(store: Any, hashes: list[str]) -> dict[str, tuple[int, bytes]]:
    return store.get_embedding_rows(DEFAULT_MODEL, hashes)


def test_ray_cluster_embeds_like_the_local_path_and_resumes(
    tmp_path: Path, ray_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAPERLAB_HOME", str(ray_home))  # the workers load the model this process exports
    papers = read_kaggle(KAGGLE)
    hashes = list(dict.fromkeys(text_hash(paper_text(p)) for p in papers))
    assert len(hashes) >= 190  # real, distinct abstracts

    local = Store(tmp_path / "local.sqlite3")
    local.upsert_papers(papers)
    assert embed_library(store=local, progress=False).embedded == len(hashes)

    store = InterruptedStore(tmp_path / "ray.sqlite3", stop_after=2)
    store.upsert_papers(papers)
    with pytest.raises(KeyboardInterrupt):
        embed_library(store=store, ray=True, batch_size=25, progress=False)
    assert len(_vectors(store, hashes)) == 50  # the two finished batches were kept

    store.stop_after = -1
    resumed = embed_library(store=store, ray=True, batch_size=25, progress=False)
    assert (resumed.cached, resumed.embedded) == (50, len(hashes) - 50)
    assert resumed.where == "ray, 2 CPU(s)" and resumed.model == DEFAULT_MODEL
    assert embed_library(store=store, ray=True, progress=False).embedded == 0

    on_ray, here = _vectors(store, hashes), _vectors(local, hashes)
    assert set(on_ray) == set(here) == set(hashes)
    cosines = []
    for h in hashes:
        (dim_r, raw_r), (dim_l, raw_l) = on_ray[h], here[h]
        assert dim_r == dim_l == 384 and len(raw_r) == len(raw_l) == 2 * 384  # the same float16 format
        a = np.frombuffer(raw_r, dtype=np.float16).astype(np.float64)
        b = np.frombuffer(raw_l, dtype=np.float16).astype(np.float64)
        cosines.append(a @ b / np.linalg.norm(a) / np.linalg.norm(b))
    assert min(cosines) >= 0.9999
