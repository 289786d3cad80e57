"""The personal ranking's signals: the learned keyword profile and the time decay of saved papers."""

from __future__ import annotations

import dataclasses

import pytest

from paperlab.data import demo_library
from paperlab.feed.profile import InterestProfile
from paperlab.paper import Paper
from paperlab.search.personal import RankingOptions, rank_personal

CONTRASTIVE = "hf-papers-contrastive.txt"
HALLUCINATION = "hf-papers-ood-hallucination.txt"


def _topic(location: str, n: int, skip: int = 0) -> list[Paper]:
    papers = [p for p in demo_library() if p.abstract and any(s.location.endswith(location) for s in p.sources)]
    return papers[skip : skip + n]


def _tagged(tag: str, n: int, skip: int = 0) -> list[Paper]:
    """Papers of one DailyArXiv keyword section of the demo corpus (a coherent topic)."""
    return [p for p in demo_library() if p.abstract and tag in p.tags][skip : skip + n]


def _others(*topics: list[Paper]) -> list[Paper]:
    """The rest of the demo corpus: what else the user has seen (the background)."""
    taken = {p.id for t in topics for p in t}
    return [p for p in demo_library() if p.abstract and p.id not in taken]


def _only(signal: str, **kw: object) -> RankingOptions:
    weights = {"svm": 0.0, "decay": 0.0, "knn": 0.0, "profile": 0.0, signal: 1.0}
    # one signal alone: without pseudo-relevance feedback and without the arrivals' neighbourhoods (which smooth the
    # fused score over the candidates: tests/test_feed_neighbours.py)
    kw = {"neighbours": 0.0} | kw
    return RankingOptions(weights=weights, feedback=0, **kw)  # type: ignore[arg-type]


def _mean_rank(ids: list[str], wanted: set[str]) -> float:
    return sum(n for n, i in enumerate(ids) if i in wanted) / len(wanted)


def test_keyword_profile_learns_the_saved_topics_words_and_ranks_by_them() -> None:
    saved = _topic(CONTRASTIVE, 8)
    contrastive = _topic(CONTRASTIVE, 10, skip=8)
    cands = contrastive + _topic(HALLUCINATION, 10)
    background = _others(saved, cands)
    ranking = rank_personal(saved, cands, background, options=_only("profile"))
    words = [w for w, _ in ranking.profile]
    assert "contrastive" in words[:5]  # the word every saved paper shares, and rare elsewhere
    assert all(weight > 0 for _, weight in ranking.profile)
    topic = {p.id for p in contrastive}
    assert sum(i in topic for i in ranking.ids[:10]) >= 8  # the profile alone finds the topic
    # the pick says which of its words matched the profile
    first = ranking.reasons[0]
    assert set(first.words) & set(words) and "words: " in str(first)
    # a paper that uses the profile's words climbs when nothing else tells them apart
    plain = rank_personal(saved, cands, background, options=_only("profile", profile_terms=1))
    assert [w for w, _ in plain.profile] == words[:1]


def test_profile_weight_changes_the_fused_order() -> None:
    saved = _topic(CONTRASTIVE, 6)
    cands = _topic(CONTRASTIVE, 12, skip=6) + _topic(HALLUCINATION, 12)
    weights = {"svm": 1.0, "decay": 0.0, "knn": 1.0}
    without = rank_personal(saved, cands, options=RankingOptions(weights=weights | {"profile": 0.0}, feedback=0))
    with_profile = rank_personal(saved, cands, options=RankingOptions(weights=weights | {"profile": 3.0}, feedback=0))
    assert without.ids != with_profile.ids
    assert without.profile and without.profile == with_profile.profile  # learned either way, weighed differently


def test_decay_lets_recent_saves_count_more() -> None:
    """Saved papers are given newest first: with the decay, the topic saved most recently leads."""
    reward, contrastive = _tagged("Reward Model", 3), _topic(CONTRASTIVE, 3)
    cands = _tagged("Reward Model", 10, skip=3) + _topic(CONTRASTIVE, 10, skip=3)
    reward_ids = {p.id for p in cands[:10]}
    recent_reward = rank_personal(reward + contrastive, cands, options=_only("decay"))
    recent_contrastive = rank_personal(contrastive + reward, cands, options=_only("decay"))
    assert recent_reward.ids != recent_contrastive.ids
    assert _mean_rank(recent_reward.ids, reward_ids) < _mean_rank(recent_contrastive.ids, reward_ids)
    # without the decay (kNN: every save alike) the order of saving does not matter
    knn_a = rank_personal(reward + contrastive, cands, options=_only("knn"))
    knn_b = rank_personal(contrastive + reward, cands, options=_only("knn"))
    assert knn_a.ids == knn_b.ids


def test_profile_decay_switch_reaches_the_ranking() -> None:
    """``decay: false`` in the interest profile moves the decay's weight to kNN (every save alike)."""
    weights = {"svm": 0.0, "decay": 1.0, "knn": 0.0, "profile": 0.0}
    on = InterestProfile(weights=dict(weights)).ranking_options()
    off = InterestProfile(weights=dict(weights), decay=False).ranking_options()
    assert on.weights["decay"] == 1.0 and off.weights.get("decay", 0.0) == 0.0 and off.weights["knn"] == 1.0
    reward, contrastive = _tagged("Reward Model", 3), _topic(CONTRASTIVE, 3)
    cands = _tagged("Reward Model", 10, skip=3) + _topic(CONTRASTIVE, 10, skip=3)
    orders = {
        name: [
            rank_personal(s, cands, options=dataclasses.replace(o, feedback=0)).ids
            for s in (reward + contrastive, contrastive + reward)
        ]
        for name, o in (("on", on), ("off", off))
    }
    assert orders["on"][0] != orders["on"][1] and orders["off"][0] == orders["off"][1]


def test_a_single_saved_paper_still_has_a_profile() -> None:
    saved = _topic(CONTRASTIVE, 1)
    ranking = rank_personal(saved, _topic(CONTRASTIVE, 5, skip=1) + _topic(HALLUCINATION, 5))
    assert ranking.profile and len(ranking) == 10


@pytest.mark.parametrize("title", ["<script>alert(1)</script> contrastive", "the of and"])
def test_profile_words_come_from_the_papers_text_only(title: str) -> None:
    saved = [dataclasses.replace(p, title=title) for p in _topic(CONTRASTIVE, 3)]
    ranking = rank_personal(saved, _topic(CONTRASTIVE, 4, skip=3) + _topic(HALLUCINATION, 4))
    assert all("<" not in w and ">" not in w for w, _ in ranking.profile)
