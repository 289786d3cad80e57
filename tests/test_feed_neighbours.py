"""The candidates' neighbourhoods in the personal ranking (feed and ``Library.recommend``): a paper that arrives
among several close, well-ranked papers rises, and its reason names the best-ranked of them. Papers and vectors
written here: saved papers on one topic, a group of arrivals on it, one quiet arrival whose own words share nothing
with the saved papers but whose vector sits among that group, and one arrival a little closer to the saved papers
on its own that sits among unrelated arrivals; and the demo corpus's real papers through ``Library.recommend``
and ``paperlab.feed``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pytest

import paperlab
from paperlab.data import demo_library
from paperlab.feed.core import feed
from paperlab.feed.profile import InterestProfile
from paperlab.paper import Paper
from paperlab.search import arrivals
from paperlab.search.arrivals import nearest_arrivals
from paperlab.search.personal import RankingOptions, rank_personal
from paperlab.store import Store

DIM = 24


def _unit(*parts: tuple[int, float], seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(0, 0.02, DIM)
    for axis, amount in parts:
        v[axis] += amount
    return v / np.linalg.norm(v)


def _world() -> tuple[list[Paper], list[Paper], dict[str, np.ndarray]]:
    saved, cands, vecs = [], [], {}
    for i in range(5):
        p = Paper(
            f"Graph networks for molecule property prediction {i}", abstract="molecule graph networks", id=f"s{i}"
        )
        saved.append(p)
        vecs[p.id] = _unit((0, 1.0), seed=i)
    for i in range(8):  # arrivals on the saved papers' topic, in their words
        p = Paper(f"Molecule graph networks with message passing {i}", abstract="molecule graph property", id=f"a{i}")
        cands.append(p)
        vecs[p.id] = _unit((0, 1.0), (1, 0.6), seed=10 + i)
    quiet = Paper("Equivariant crystal lattices", abstract="lattice symmetry equivariance", id="quiet")
    lone = Paper("Sparse attention kernels", abstract="attention kernels sparsity", id="lone")
    cands += [quiet, lone]
    vecs["quiet"] = _unit((0, 0.1), (1, 1.0), seed=30)
    vecs["lone"] = _unit((0, 1.0), (2, 1.0), seed=31)
    for i in range(12):  # unrelated arrivals around the lone one
        p = Paper(f"Unrelated topic {chr(97 + i)} study", abstract=f"topic{chr(97 + i)} words", id=f"d{i}")
        cands.append(p)
        vecs[p.id] = _unit((2, 1.0), (3 + i, 0.3), seed=40 + i)
    return saved, cands, vecs


def _rank(**kw: float) -> list[str]:
    saved, cands, vecs = _world()
    return rank_personal(saved, cands, options=RankingOptions(**kw), vectors=vecs).ids  # type: ignore[arg-type]


def test_a_paper_among_well_ranked_arrivals_rises_above_a_lone_one() -> None:
    off = _rank(neighbours=0.0)
    on = _rank()
    assert off.index("lone") < off.index("quiet")  # on its own the lone paper is closer to the saved papers
    assert on.index("quiet") < on.index("lone")  # among the topic's arrivals the quiet one comes first
    assert set(on[:8]) == {f"a{i}" for i in range(8)}  # the topic's arrivals still lead


def test_the_reason_names_the_best_ranked_neighbour() -> None:
    saved, cands, vecs = _world()
    ranking = rank_personal(saved, cands, vectors=vecs)
    why = ranking.reasons[ranking.ids.index("quiet")]
    assert len(why.beside) == 1 and why.beside[0][0].startswith("a")
    title = dict(why.beside)[why.beside[0][0]]
    assert f"near other top picks: “{title}”" in str(why)
    assert why.to_dict()["beside"] == [{"id": why.beside[0][0], "title": title}]
    assert "neighbours" in ranking.components
    lone = ranking.reasons[ranking.ids.index("lone")]
    assert lone.beside == [] and "near other top picks" not in str(lone)
    off = rank_personal(saved, cands, options=RankingOptions(neighbours=0.0), vectors=vecs)
    assert "neighbours" not in off.components and not any(r.beside for r in off.reasons)


def test_nearest_arrivals_block_by_block_match_the_whole_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(3)
    vecs = rng.normal(size=(40, 8))
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    sims = vecs @ vecs.T
    np.fill_diagonal(sims, -np.inf)
    expected = np.argsort(-sims, axis=1, kind="stable")[:, :5]
    monkeypatch.setattr(arrivals, "_CHUNK", 7)  # blocks of 7 rows: the boundaries must not matter
    got = nearest_arrivals(vecs, k=5)
    assert got.tolist() == expected.tolist()
    assert all(i not in row for i, row in enumerate(got.tolist()))


def test_few_arrivals() -> None:
    one = np.array([[1.0, 0.0]])
    assert nearest_arrivals(one).shape == (1, 0)
    three = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]])
    assert nearest_arrivals(three).tolist() == [[1, 2], [0, 2], [1, 0]]
    saved, cands, vecs = _world()
    ranking = rank_personal(saved, cands[:1], vectors=vecs)  # a single arrival: nothing to be near
    assert ranking.ids == [cands[0].id] and ranking.reasons[0].beside == []


def _demo(location: str) -> list[Paper]:
    return [p for p in demo_library() if p.abstract and any(s.location.endswith(location) for s in p.sources)]


def test_library_recommend_and_the_feed_use_the_neighbours(tmp_path: Path) -> None:
    contrastive, other = _demo("hf-papers-contrastive.txt"), _demo("hf-papers-ood-hallucination.txt")
    saved, arriving = contrastive[:6], contrastive[6:16] + other[:20]
    rec = paperlab.Library(saved + arriving).recommend(saved, k=20)
    lifted = [p for p in rec if "near other top picks" in rec.explain(p)]
    assert lifted  # some picks come with their well-ranked neighbours named
    store = Store(tmp_path / "feed.sqlite3")
    for p in saved:
        store.reading_list("default").add(p)
    profile = InterestProfile(categories=[], hf_daily=False, k=20)  # type: ignore[arg-type]
    items = feed(candidates=arriving, profile=profile, store=store, today=dt.date(2026, 3, 4)).items
    beside = [b for i in items if i.why for b in i.why.beside]
    assert beside and {pid for pid, _ in beside} <= {p.id for p in arriving}
    assert any("near other top picks" in i.why_text for i in items)


def test_a_hostile_neighbour_title_stays_text(tmp_path: Path) -> None:
    contrastive, other = _demo("hf-papers-contrastive.txt"), _demo("hf-papers-ood-hallucination.txt")
    bad = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) "
    arriving = [dataclasses.replace(p, title=bad + p.title) for p in contrastive[6:16]] + other[:20]
    store = Store(tmp_path / "feed.sqlite3")
    for p in contrastive[:6]:
        store.reading_list("default").add(p)
    profile = InterestProfile(categories=[], hf_daily=False, k=30)  # type: ignore[arg-type]
    f = feed(candidates=arriving, profile=profile, store=store, today=dt.date(2026, 3, 4), remember=False)
    assert any("<img" in title for i in f.items if i.why for _, title in i.why.beside)  # a hostile title is named
    page = f._repr_html_()
    assert "<img" not in page and "&lt;img" in page
    assert "[click](javascript" not in f.to_markdown()


def test_nearest_arrivals_of_some_rows_match_those_of_every_row() -> None:
    rng = np.random.default_rng(5)
    vecs = rng.normal(size=(30, 6))
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    rows = np.array([29, 0, 7, 7, 15])
    assert nearest_arrivals(vecs, k=4, rows=rows).tolist() == nearest_arrivals(vecs, k=4)[rows].tolist()


def _clustered(n: int, seed: int = 11) -> tuple[np.ndarray, np.ndarray]:
    """``n`` unit vectors in 20 clusters and a fused score that favours a few clusters (with noise)."""
    rng = np.random.default_rng(seed)
    centre = rng.normal(size=(20, 16))
    label = rng.integers(0, 20, size=n)
    vecs = centre[label] + rng.normal(0, 0.6, size=(n, 16))
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    fused = np.where(label < 3, 1.5, 0.0) + rng.normal(0, 1.0, size=n)
    return fused, vecs


def test_a_big_candidate_set_re_ranks_only_its_best_and_keeps_the_rest_in_order() -> None:
    fused, vecs = _clustered(3000)
    exact_z, exact_near = arrivals.neighbour_signal(fused, vecs, pool=None)
    z, near = arrivals.neighbour_signal(fused, vecs, pool=300, sample=300)
    best = np.argsort(-fused, kind="stable")[:300]
    assert near[best].tolist() == exact_near[best].tolist()  # the pool's neighbours are sought among all
    assert np.allclose(z[best], exact_z[best], atol=0.1)  # the sampled mean and spread are close to the exact ones
    rest = np.setdiff1d(np.arange(3000), best)
    assert (near[rest] == -1).all() and (z[rest] <= z[best].min()).all() and (z[rest] < 1.0).all()
    final, exact = fused + z, fused + exact_z
    top = np.argsort(-exact, kind="stable")[:50]
    assert len(set(np.argsort(-final, kind="stable")[:50].tolist()) & set(top.tolist())) >= 48
    below = np.argsort(-final, kind="stable")[300:]
    assert below.tolist() == rest[np.argsort(-fused[rest], kind="stable")].tolist()  # the rest: fused order


def test_up_to_the_pool_and_sample_the_signal_is_the_exact_one() -> None:
    fused, vecs = _clustered(400)
    exact_z, exact_near = arrivals.neighbour_signal(fused, vecs, pool=None)
    z, near = arrivals.neighbour_signal(fused, vecs, pool=200, sample=200)
    assert z.tolist() == exact_z.tolist() and near.tolist() == exact_near.tolist()
    saved, cands, vecs_by_id = _world()
    whole = rank_personal(saved, cands, options=RankingOptions(neighbour_pool=None), vectors=vecs_by_id)
    default = rank_personal(saved, cands, vectors=vecs_by_id)  # 22 arrivals, far fewer than the pool: exact
    assert default.ids == whole.ids and default.scores == whole.scores
