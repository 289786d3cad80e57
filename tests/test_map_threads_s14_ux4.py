"""The first topic map of a small library is quick when the cores are busy (session 13: 13.7 s for 16 papers,
45.6 s for the demo corpus; 9.7 s of the 16 papers' went to scikit-learn's Barnes-Hut t-SNE whose OpenMP threads
wait on each other at each of its 1,000 steps when other work holds the cores). The map's k-means and t-SNE now run
on one OpenMP thread up to ``analysis.ONE_THREAD_UP_TO`` papers: the same coordinates, several times faster here
(benchmarks/bench_topic_map.py).

Data: the bundled demo corpus's first 16 papers.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from paperlab import Library
from paperlab.data import demo_library
from paperlab.search import analysis


def _openmp_threads() -> int:
    return max((p["num_threads"] for p in threadpool_info() if p["user_api"] == "openmp"), default=0)


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """The OpenMP threads the t-SNE and the k-means of a map ran with."""
    from sklearn.cluster import KMeans
    from sklearn.manifold import TSNE

    seen: dict[str, int] = {}
    tsne_fit, kmeans_fit = TSNE.fit_transform, KMeans.fit_predict

    def tsne(self: Any, *args: Any, **kwargs: Any) -> Any:
        seen["tsne"] = _openmp_threads()
        return tsne_fit(self, *args, **kwargs)

    def kmeans(self: Any, *args: Any, **kwargs: Any) -> Any:
        seen["kmeans"] = _openmp_threads()
        return kmeans_fit(self, *args, **kwargs)

    monkeypatch.setattr(TSNE, "fit_transform", tsne)
    monkeypatch.setattr(KMeans, "fit_predict", kmeans)
    return seen


def test_a_small_maps_tsne_and_kmeans_run_on_one_thread_with_the_same_map(
    seen: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library(list(demo_library())[:16])
    small = lib.topics()
    assert seen == {"tsne": 1, "kmeans": 1}
    assert _openmp_threads() >= 1  # the limit ends with the map

    monkeypatch.setattr(analysis, "ONE_THREAD_UP_TO", 0)  # a map above the bound keeps every thread
    seen.clear()
    every = lib.topics()
    assert seen["tsne"] == _openmp_threads()
    np.testing.assert_allclose(small.coords, every.coords, atol=1e-4)
    assert small.labels == every.labels
