"""A paper whose title holds the query's words is not outranked by title-only papers that merely embed close to it.

Our own small BibTeX library, as a BibTeX user has it: two papers with a title only and one with a title and an
abstract (our own sentences). Before session 11 the hybrid search ranked the latent-diffusion paper last for
'diffusion in latent space' (its abstract diluted the title's match, and nothing in the score model looked at the
title's words): the ``title_cov`` hit feature of :mod:`paperlab.search.ranking` now weighs them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import paperlab
from paperlab.search import PaperIndex
from paperlab.search.ranking import FEATURES, load_calibration

BIB = """
@inproceedings{ho2020denoising,
  title = {Denoising Diffusion Probabilistic Models},
  author = {Ho, Jonathan and Jain, Ajay and Abbeel, Pieter},
  year = {2020}
}
@inproceedings{song2021score,
  title = {Score-Based Generative Modeling through Stochastic Differential Equations},
  author = {Song, Yang and Ermon, Stefano},
  year = {2021}
}
@inproceedings{rombach2022high,
  title = {High-Resolution Image Synthesis with Latent Diffusion Models},
  author = {Rombach, Robin and Ommer, Bjorn},
  year = {2022},
  abstract = {Generating pictures by repeatedly removing noise gives excellent samples but costs many GPU days when
    it runs on pixels. We train the diffusion model in the latent space of a pretrained autoencoder instead,
    which keeps fine detail while cutting compute, and add cross-attention so text or layouts steer what is drawn.}
}
"""
QUERY = "diffusion in latent space"


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> paperlab.Library:
    path = Path(tmp_path_factory.mktemp("bib")) / "diffusion.bib"
    path.write_text(BIB, encoding="utf-8")
    return paperlab.load(path)


def test_title_coverage_is_the_share_of_query_words_in_the_title(lib: paperlab.Library) -> None:
    index = PaperIndex(mode="hybrid").fit(lib)
    qvec = index.encoder_.encode([QUERY])[0] if index.encoder_ is not None else None
    cand, features = index.hit_features(QUERY, qvec, "hybrid", depth=3)
    title_cov = {index.papers_[r].title.split()[0]: v for r, v in zip(cand, features["title_cov"], strict=True)}
    latent, ddpm, score = title_cov["High-Resolution"], title_cov["Denoising"], title_cov["Score-Based"]
    assert latent > ddpm > score == 0.0  # 'latent' and 'diffusion' / 'diffusion' only / neither
    assert "title_cov" in FEATURES["hybrid"] and load_calibration().for_mode(None, "hybrid").weights.get("title_cov")


def test_the_paper_with_the_query_words_in_its_title_ranks_first(lib: paperlab.Library) -> None:
    hits = PaperIndex(mode="hybrid").fit(lib).search(QUERY, k=3, min_score=0.0)
    assert [p.title for p in hits][0] == "High-Resolution Image Synthesis with Latent Diffusion Models", hits.ids
    assert np.all(np.diff(list(hits.scores.values())) <= 0)
