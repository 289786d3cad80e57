"""Replay evaluation (paperlab.evaluate_recommendations) and Library.recommend on the feed's ranking."""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from collections.abc import Sequence

import pytest
from paths import FIXTURES, SEEDS, realdata_missing

import paperlab
from paperlab.data import demo_library
from paperlab.feed.evaluate import ReplayError, evaluate_recommendations, ndcg_at, svm_baseline, zotero_baseline
from paperlab.paper import Paper

START = dt.date(2026, 1, 1)


def _dated(location: str, n: int, offset: int) -> list[Paper]:
    """Papers of one demo topic, one a day (interleaved with the other topic by ``offset``)."""
    papers = [p for p in demo_library() if p.abstract and any(s.location.endswith(location) for s in p.sources)][:n]
    return [dataclasses.replace(p, published=START + dt.timedelta(days=2 * i + offset)) for i, p in enumerate(papers)]


def test_replay_scores_what_came_after_the_cutoff() -> None:
    contrastive = _dated("hf-papers-contrastive.txt", 30, 0)
    other = _dated("hf-papers-ood-hallucination.txt", 30, 1)
    res = evaluate_recommendations(contrastive, contrastive + other, n_saved=10)
    assert res.cutoff == START + dt.timedelta(days=18)  # the 10th saved paper's day
    assert (
        res.n_saved == 10 and res.n_relevant == 20 and res.n_candidates == 20 + 21
    )  # the other topic: days 19, 21, ..., 59
    assert res.p10 >= 0.9 and res.ndcg10 >= 0.9 and res.recall50 == 1.0
    assert set(res.ranked[:10]) <= {p.id for p in contrastive[10:]}
    # a history given as (paper, saved date) pairs: saved later than published
    pairs = [(p, p.published + dt.timedelta(days=1)) for p in contrastive if p.published]
    assert evaluate_recommendations(pairs, contrastive + other, cutoff="2026-01-20").n_saved == 10
    d = res.to_dict()
    assert set(d) >= {"ndcg@10", "P@10", "recall@50", "cutoff"}


def test_default_cut_counts_same_day_papers_after_the_tenth_as_later() -> None:
    """A history whose last eight papers share one day is still scorable: papers in (date, id) order, the cut
    after the tenth; that day's other papers are candidates, earlier days are the background."""
    topic = _dated("hf-papers-contrastive.txt", 15, 0)[:7]
    same_day = START + dt.timedelta(days=30)
    day_papers = [dataclasses.replace(p, published=same_day) for p in _dated("hf-papers-contrastive.txt", 15, 0)[7:]]
    other = _dated("hf-papers-ood-hallucination.txt", 20, 1)  # days 1, 3, ..., 39
    seen: dict[str, list[str]] = {}

    def ranker(saved: Sequence[Paper], candidates: Sequence[Paper], background: Sequence[Paper]) -> list[str]:
        seen.update(saved=[p.id for p in saved], candidates=[p.id for p in candidates])
        seen["background"] = [p.id for p in background]
        return [p.id for p in candidates]

    history = topic + day_papers
    res = evaluate_recommendations(history, history + other, n_saved=10, ranker=ranker)
    first_of_day = sorted(p.id for p in day_papers)[:3]
    assert res.cutoff == same_day and res.n_saved == 10 and res.n_relevant == 5
    assert set(seen["saved"]) == {p.id for p in topic} | set(first_of_day)
    assert seen["saved"][:3] == sorted(first_of_day, reverse=True)  # newest first: the day's last id leads
    later_other = {p.id for p in other if p.published and p.published >= same_day}
    assert set(seen["candidates"]) == ({p.id for p in day_papers} - set(first_of_day)) | later_other
    assert set(seen["background"]) == {p.id for p in other} - later_other
    # an explicit cutoff is the end of that day: nothing of it is left to score
    with pytest.raises(ReplayError, match="nothing to score"):
        evaluate_recommendations(history, history + other, cutoff=same_day, ranker=ranker)


def test_baselines_run_on_the_same_replay() -> None:
    contrastive = _dated("hf-papers-contrastive.txt", 24, 0)
    other = _dated("hf-papers-ood-hallucination.txt", 24, 1)
    for ranker in (svm_baseline(), zotero_baseline()):
        res = evaluate_recommendations(contrastive, contrastive + other, n_saved=10, ranker=ranker)
        assert 0.0 <= res.p10 <= 1.0 and len(res.ranked) <= 50


def test_replay_errors_say_what_is_missing() -> None:
    few = _dated("hf-papers-contrastive.txt", 5, 0)
    with pytest.raises(ReplayError, match="need more than n_saved=10"):
        evaluate_recommendations(few, few)
    with pytest.raises(ReplayError, match="nothing to score"):
        evaluate_recommendations(few, few, cutoff="2030-01-01")


def test_ndcg() -> None:
    assert ndcg_at(["a", "b"], {"a", "b"}) == 1.0
    assert ndcg_at(["x", "a"], {"a"}) == pytest.approx(1 / 1.584962500721156)
    assert ndcg_at(["x"], set()) == 0.0


def test_library_recommend_uses_the_feed_ranking_and_explains() -> None:
    lib = paperlab.Library(
        _dated("hf-papers-contrastive.txt", 25, 0) + _dated("hf-papers-ood-hallucination.txt", 40, 1)
    )
    contrastive = [p for p in lib if any(s.location.endswith("hf-papers-contrastive.txt") for s in p.sources)]
    saved = contrastive[:5]
    rec = lib.recommend(saved, k=10)
    assert not {p.id for p in saved} & set(rec.ids)
    assert sum(p.id in {c.id for c in contrastive} for p in rec) >= 8
    assert rec.features and "close to" in rec.explain(rec[0])
    with pytest.raises(ValueError, match="at least one"):
        lib.recommend([], k=3)


@pytest.mark.realdata
@pytest.mark.skipif(realdata_missing() is not None, reason=str(realdata_missing()))
def test_replay_on_a_real_dailyarxiv_topic() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(FIXTURES / "dailyarxiv_readme" / "zezhishao_DailyArXiv_README_2024-07-19_187aa20.md")
        lib2 = paperlab.load(SEEDS / "daily-arxiv-readme.md")
    corpus = [p for p in list(lib) + list(lib2) if p.published]
    group = [p for p in corpus if "Time Series" in p.tags]
    res = evaluate_recommendations(group, corpus, n_saved=10)
    base = evaluate_recommendations(group, corpus, n_saved=10, ranker=svm_baseline())
    assert res.n_relevant >= 20
    assert res.p10 >= 0.6 and res.p10 >= base.p10 - 0.1
