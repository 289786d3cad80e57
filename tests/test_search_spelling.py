"""British and American spellings find each other in lexical search (paperlab.search.lexical.american).

A walkthrough searched "preference optimisation for aligning LLMs" in a library holding "Direct Preference
Optimization": only "preference" matched (Snowball stems "optimisation" to "optimis", "optimization" to "optim"), and
the paper fell under the relevance cut-off. Data: our own titles and abstracts, written for this test.
"""

from __future__ import annotations

import pytest

from paperlab import Library, Paper
from paperlab.search import BM25Ranker
from paperlab.search.lexical import american

PAPERS = [
    Paper("Direct Preference Optimization Without a Reward Model", arxiv_id="2402.00001", abstract="We optimize."),
    Paper("Colour Constancy in the Wild", arxiv_id="2402.00002", abstract="Behaviour of colour models under light."),
    Paper("A Catalog of Tokenizers", arxiv_id="2402.00003", abstract="We analyze how tokenization is centered."),
    Paper("Four Hours of Contour Drawing", arxiv_id="2402.00004", abstract="A promise kept by noisy sketches."),
]


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("optimisation", "optimization"),
        ("regularised", "regularized"),
        ("tokeniser", "tokenizer"),
        ("analyse", "analyze"),
        ("colours", "colors"),
        ("behavioural", "behavioral"),
        ("neighbourhood", "neighborhood"),
        ("centred", "centered"),
        ("fibre", "fiber"),
        ("catalogue", "catalog"),
        ("dialogues", "dialogs"),
        ("defence", "defense"),
        ("ageing", "aging"),
    ],
)
def test_british_words_are_written_the_american_way(british: str, us: str) -> None:
    assert american(british) == us
    assert american(us) == us  # American spellings stay as they are


@pytest.mark.parametrize(
    "word", ["hour", "hours", "four", "your", "tour", "contour", "genre", "acre", "vogue", "crisis"]
)
def test_other_words_are_left_alone(word: str) -> None:
    assert american(word) == word


def test_each_spelling_finds_the_other_in_bm25() -> None:
    ranker = BM25Ranker().fit([f"{p.title}. {p.abstract}" for p in PAPERS])
    for query, best in [
        ("preference optimisation", 0),
        ("color constancy behavior", 1),
        ("catalogue of tokenisers analysed", 2),
        ("centred tokenisation", 2),
    ]:
        scores = ranker.scores(query)
        assert int(scores.argmax()) == best, query
    assert ranker.tokenizer_("optimisation colours centred") == ranker.tokenizer_("optimization colors centered")
    assert ranker.scores("hours contour")[3] > 0 and ranker.scores("hors contor")[3] == 0  # not made "American"


def test_library_search_finds_the_paper_spelt_the_other_way() -> None:
    lib = Library(PAPERS)
    hits = lib.search("preference optimisation", mode="lexical", k=2)
    assert [p.arxiv_id for p in hits][:1] == ["2402.00001"]
    assert [p.arxiv_id for p in lib.search("colour", mode="lexical", k=4)] == ["2402.00002"]
    assert [p.arxiv_id for p in lib.search("color", mode="lexical", k=4)] == ["2402.00002"]
