"""The weaker matches have a floor (session 9's note): a search offered every one of its k best hits under the
relevance cut-off (the cards ask 50), so a 51-paper library offered ~48 "weaker matches", most near 1%. Now a weaker
match must stand out from the rest of the list (``SearchResults.floor``, :func:`paperlab.search.results.weaker_floor`:
at least 15% of the best hit's score and above the list's median by a robust deviation; chosen on our own small
libraries, benchmarks/bench_weaker_floor.py). And a search made while the library is still being embedded honours
``min_score`` (the embedding job's partial answer ignored it: ``min_score=0`` still cut, a high one let keyword hits
through).

Data: a library of 51 real papers of the bundled demo corpus (six about contrastive learning, the rest about other
topics), searched with the packaged MiniLM; the partial answer uses the same MiniLM behind a gate.
"""

from __future__ import annotations

import pytest
from test_background_embedding import GatedEncoder, _wait_for

from paperlab.data import demo_library
from paperlab.library import Library
from paperlab.search import search_library
from paperlab.search.background import is_partial, running_job
from paperlab.widget import PaperCards

QUERY = "hard negatives for a contrastive loss"


def _library() -> Library:
    demo = [p for p in demo_library() if p.abstract]
    contrastive = [p for p in demo if any(s.location.endswith("hf-papers-contrastive.txt") for s in p.sources)]
    other = [p for p in demo if not any("contrastive" in s.location for s in p.sources)]
    others = [p for p in other if "contrastive" not in f"{p.title} {p.abstract}".lower()]
    return Library(contrastive[:6] + others[:45])


@pytest.fixture(scope="module")
def library() -> Library:
    return _library()


def test_a_51_paper_library_offers_the_weaker_matches_that_stand_out_not_48(library: Library) -> None:
    every = library.search(QUERY, k=50, min_score=0)  # the k best whatever they score, as asked
    cut = library.search(QUERY, k=50)
    assert len(library) == 51 and len(every) == 50 and cut.floor == every.floor
    weaker = [every.scores[i] for i in every.weaker_ids]
    assert len(weaker) >= 40  # without a floor these were all offered, most of them near nothing
    offered = [s for s in weaker if s >= cut.floor]
    assert cut.below_cutoff == len(offered) and 0 < len(offered) <= 10
    best = max(every.scores.values())
    assert cut.floor >= 0.15 * best and all(s >= 0.15 * best for s in offered)
    shown = every.down_to_floor()
    assert list(shown.ids) == list(cut.ids) + every.weaker_ids[: len(offered)]  # the same ranking, cut lower
    assert shown.below_cutoff == 0 and shown.cutoff == every.cutoff


def test_the_cards_offer_and_show_only_the_weaker_matches_above_the_floor(library: Library) -> None:
    cards = PaperCards(library, activate=False)
    _wait_for(lambda: cards.embedding_progress.get("state") == "done", "the library to be embedded")
    reply = cards.handle_message({"type": "search", "query": QUERY, "k": 50})
    below = reply["below"]
    assert reply["ok"] and 0 < below <= 10 and cards.search_weaker == {"n": below, "ids": []}
    reply = cards.handle_message({"type": "search", "query": QUERY, "k": 50, "weaker": True})
    assert reply["ok"] and reply["below"] == below and len(cards.search_weaker["ids"]) == below
    assert len(cards.scores) == reply["n"] == len(library.search(QUERY, k=50)) + below  # not 50
    cards.wait_for_reasons()


def test_a_search_while_the_library_is_embedded_honours_min_score() -> None:
    library = Library(list(demo_library())[:48])
    enc = GatedEncoder(library, "test-gated-minilm-min-score")
    job = library.embed(encoder=enc, batch_size=16, progress=False)
    enc.permits.release(1)
    _wait_for(lambda: job.progress["done"] == 16, "one batch")
    assert running_job(library, enc) is job
    query = list(library)[40].shown_title  # a paper not embedded yet
    every = search_library(library, query, k=20, encoder=enc, min_score=0)
    assert is_partial(every) and len(every) == 20  # the k best whatever they score: the first answer cut them
    high = search_library(library, query, k=20, encoder=enc, min_score=0.5)
    assert is_partial(high) and high.scores and all(s >= 0.5 for s in high.scores.values())
    assert set(high.ids) < set(every.ids)
    enc.permits.release(100)
    assert job.wait(timeout=120)
