"""Cards made from a search count the papers the search looked through (UI review R5, finding 4: `%papers QUERY
--source refs.bib` on a file of 5 papers said "1 result · 1 paper", as if the file held one paper). The kernel
side (``SearchResults.searched``, the ``searched`` trait) is tested on a BibTeX file of our own, the count's words
(js/src/widget/toolbar.ts ``countText``) in Node on the bundled module."""

from __future__ import annotations

from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from test_js_common import bundle, call

import paperlab
from paperlab.search import search_library
from paperlab.widget import PaperCards, set_active_library

BIB = """
@article{vaswani, title={Attention Is All You Need}, author={Vaswani, Ashish and Shazeer, Noam}, year={2017},
  abstract={We propose the Transformer, a network architecture based solely on attention mechanisms.}}
@article{he, title={Deep Residual Learning for Image Recognition}, author={He, Kaiming}, year={2016},
  abstract={We present a residual learning framework to ease the training of very deep convolutional networks.}}
@article{kingma, title={Adam: A Method for Stochastic Optimization}, author={Kingma, Diederik}, year={2015},
  abstract={We introduce Adam, an algorithm for first-order gradient-based optimization of stochastic objectives.}}
@article{goodfellow, title={Generative Adversarial Nets}, author={Goodfellow, Ian}, year={2014},
  abstract={We propose a framework for estimating generative models via an adversarial process.}}
@article{hochreiter, title={Long Short-Term Memory}, author={Hochreiter, Sepp}, year={1997},
  abstract={Learning to store information over extended time intervals by recurrent backpropagation takes long.}}
"""


@pytest.fixture
def refs(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_a_search_knows_how_many_papers_it_looked_through(refs: Path) -> None:
    lib = paperlab.load(refs)
    hits = search_library(lib, "adversarial", k=10, mode="lexical")
    assert [p.title for p in hits][:1] == ["Generative Adversarial Nets"] and len(hits) < 5
    assert hits.searched == 5 and hits.down_to_floor().searched == 5
    held = search_library(lib, "hochreiter", k=10, mode="lexical")  # an author's name: the every-word answer
    assert held.holding_every_word and held.searched == 5


def test_papers_magic_cards_carry_the_searched_count_until_the_cards_search_again(refs: Path) -> None:
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    try:
        result = ip.run_cell(f"%papers adversarial --source {refs} --mode lexical", store_history=False)
        result.raise_error()
        cards = result.result
    finally:
        set_active_library(None)
    assert isinstance(cards, PaperCards) and len(cards.papers) < 5
    assert cards.searched == 5
    cards._search({"query": "generative", "mode": "lexical"})  # typed in the cards: a search of their own papers
    assert cards.searched == 0
    assert PaperCards(paperlab.load(refs), activate=False).searched == 0  # a library, not a search


@pytest.fixture(scope="module")
def toolbar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundle("src/widget/toolbar.ts", tmp_path_factory.mktemp("js"))


def test_the_count_names_the_papers_searched(toolbar: Path) -> None:
    got = call(
        toolbar,
        "countText",
        [1, 1, True, True, 10],  # %papers QUERY on 10 papers, 1 hit
        [1, 1, True, True, 0],  # a search of the cards' own papers
        [3, 3, False, True, 10],  # every-word answer: 3 of the 10 papers hold the words
        [2, 5, True, True, 0],  # ranking typed in the cards over 5 papers
        [4, 4, False, True],  # no search: the papers
    )
    assert got == [
        "1 result · 10 papers searched",
        "1 result · 1 paper",
        "3 of 10 papers searched",
        "2 results · 5 papers",
        "4 papers",
    ]


def test_weaker_matches_of_search_made_cards_come_from_the_searched_file(refs: Path) -> None:
    """R6: `%papers QUERY --source FILE` with no hit over the cut-off offered "Show 1 weaker match", and pressing it
    failed ("Search failed: ValueError: matmul ...": the cards searched their own, empty, papers); with one hit it
    found nothing. The cards search the file again, and its weaker hits join them."""
    lib = paperlab.load(refs)
    query = "two player game between networks"
    results = search_library(lib, query, k=5, mode="hybrid")
    assert len(results) == 0 and results.below_cutoff >= 1  # nothing passed the cut-off; weaker matches exist
    cards = PaperCards(results, activate=False)
    assert cards.papers == [] and cards.search_weaker["n"] == results.below_cutoff
    answer = cards._search({"query": query, "mode": "hybrid", "weaker": True})
    assert answer["n"] == results.below_cutoff and answer["weaker"]
    shown = {p["id"] for p in cards.papers}
    assert set(cards.scores) == shown and len(shown) == results.below_cutoff
    assert shown <= {p.id for p in lib} and set(cards.search_weaker["ids"]) == shown
    assert cards.searched == 5  # the count speaks of the file searched


def test_an_empty_library_is_searched_without_loading_the_encoder() -> None:
    results = search_library(paperlab.Library(), "anything", k=3, mode="hybrid", min_score=0.0)
    assert len(results) == 0 and results.searched == 0
