"""Citation links as a ranking signal of the feed and ``Library.recommend`` (issues 16 and 17): a new paper
that cites what the user's saved papers cite ranks higher when the profile asks for it, says so in its reason,
and nothing changes without a cached graph. On SQLite and PostgreSQL (the citation cache lives in the store).

Own records: Papers and citation links built here (made-up titles and ids).
"""

from __future__ import annotations

import pytest

from paperlab import Paper
from paperlab.errors import ParseError
from paperlab.feed.profile import InterestProfile
from paperlab.search.personal import RankingOptions, rank_personal
from paperlab.sources.s2_graph import Link
from paperlab.store import open_store
from paperlab.store.citations import CitationCache

SAVED = Paper(
    "Widget counting with sparse labels",
    arxiv_id="2401.20001",
    abstract="We count widgets in images with sparse labels using a counting network and density maps.",
)
NEW = [
    Paper(
        "Widget counting in crowded scenes",
        arxiv_id="2402.20001",
        abstract="Counting widgets in crowded images with a density network trained on sparse labels.",
    ),
    Paper(
        "Estimating object numbers from weak supervision",
        arxiv_id="2402.20002",
        abstract="Object numbers in photographs are estimated from weak supervision with a regression model.",
    ),
    Paper(
        "Protein folding with attention",
        arxiv_id="2402.20003",
        abstract="Attention layers predict protein structures from sequences.",
    ),
    Paper(
        "Graph neural networks for molecules",
        arxiv_id="2402.20004",
        abstract="Message passing networks predict molecular properties from graphs of atoms and bonds.",
    ),
    Paper(
        "Speech recognition with transducers",
        arxiv_id="2402.20005",
        abstract="Streaming speech recognition with recurrent neural network transducers on device.",
    ),
]
SAME_REFS = NEW[1]
REFS = [Paper(f"Reference work number {i} on counting", arxiv_id=f"2001.1000{i}") for i in range(1, 6)]


def _cache() -> None:
    cache = CitationCache(open_store())
    cache.save(SAVED.id, "references", "semantic_scholar", [Link(r) for r in REFS])
    cache.save(SAME_REFS.id, "references", "semantic_scholar", [Link(r) for r in REFS[:4]])


def _order(options: RankingOptions) -> list[str]:
    return [p.id for p in rank_personal([SAVED], NEW, options=options).papers]


def test_shared_references_lift_a_new_paper_and_say_so(store_backend: str) -> None:
    plain = _order(RankingOptions())
    assert plain[0] == NEW[0].id and plain.index(SAME_REFS.id) > 0  # by text, the widget-counting paper wins
    _cache()
    assert _order(RankingOptions()) == plain  # the signal is off unless asked for
    # one pass (no pseudo-relevance feedback), so the citation term is the only difference between the two runs
    plain_run = rank_personal([SAVED], NEW, options=RankingOptions(feedback=0))
    before = dict(zip((p.id for p in plain_run.papers), plain_run.scores, strict=True))
    ranking = rank_personal([SAVED], NEW, options=RankingOptions(feedback=0, citations=5.0))
    after = dict(zip((p.id for p in ranking.papers), ranking.scores, strict=True))
    signal = 4 / 20**0.5 / 2  # coupling 4 / sqrt(5 * 4) with no co-citation, halved: 0.45
    assert after[SAME_REFS.id] - before[SAME_REFS.id] == pytest.approx(5.0 * signal, abs=1e-3)
    assert all(after[i] == pytest.approx(before[i], abs=1e-3) for i in plain if i != SAME_REFS.id)
    reasons = {p.id: r.boosts for p, r in zip(ranking.papers, ranking.reasons, strict=True)}
    assert reasons[SAME_REFS.id] == ["citations 0.45"] and sum(map(len, reasons.values())) == 1
    assert _order(RankingOptions(citations=10.0))[0] == SAME_REFS.id


def test_without_a_cached_graph_the_weight_changes_nothing(store_backend: str) -> None:
    assert _order(RankingOptions(citations=5.0)) == _order(RankingOptions())


def test_the_feed_profile_carries_the_weight_as_plain_data(tmp_path) -> None:
    profile = InterestProfile.from_dict({"citations": 2})
    assert profile.ranking_options().citations == 2.0
    assert profile.to_dict()["citations"] == 2
    with pytest.raises(ParseError, match="field 'citations': expected a number, got 'lots'"):
        InterestProfile.from_dict({"citations": "lots"}, source="profile.json")
