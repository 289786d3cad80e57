"""Accents and case folded the same way wherever text is searched by its words (paperlab.text.fold).

A walkthrough typed "Hubotter" for a paper by "Jonas Hübotter" and found nothing; "Schrodinger" did not find
"Schrödinger". Data: our own papers (titles and authors written for this test).
"""

from __future__ import annotations

import pytest

from paperlab import Library, Paper
from paperlab.search import BM25Ranker
from paperlab.text import fold

PAPERS = [
    Paper(
        "Schrödinger Bridges for Unpaired Image Translation",
        arxiv_id="2401.00001",
        authors=["Jonas Hübotter", "Zoë Müller"],
        abstract="A naïve solver of the Schrödinger bridge problem, with a ﬁnite-horizon café of couplings.",
    ),
    Paper(
        "Schrodinger Equations Written Without Accents",
        arxiv_id="2401.00002",
        authors=["Ada Lovelace"],
        abstract="Numerical methods for the Schrodinger equation on a lattice.",
    ),
    Paper("Reward Models for Dialogue", arxiv_id="2401.00003", authors=["Alan Turing"], abstract="Dialogue rewards."),
]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hübotter", "hubotter"),
        ("NAÏVE Café", "naive cafe"),
        ("ﬁnite", "finite"),  # compatibility ligature
        ("Straße", "strasse"),  # case folding, not just lowercasing
        ("Ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
        ("e\u0301cole", "ecole"),  # a combining accent typed after its letter
        ("Ελληνικά", "ελληνικα"),  # other scripts keep their letters, without their accents
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_library_filter_ignores_accents_in_authors_and_text() -> None:
    lib = Library(PAPERS)
    for typed in ("hubotter", "Hübotter", "HUBOTTER", "zoe muller"):
        assert [p.arxiv_id for p in lib.filter(text=typed)] == ["2401.00001"], typed
    assert {p.arxiv_id for p in lib.filter(text="schrodinger")} == {"2401.00001", "2401.00002"}
    assert {p.arxiv_id for p in lib.filter(text="Schrödinger")} == {"2401.00001", "2401.00002"}
    assert [p.arxiv_id for p in lib.filter(text="finite naive")] == ["2401.00001"]


def test_lexical_tokens_fold_accents() -> None:
    ranker = BM25Ranker().fit(["Schrödinger bridges", "Schrodinger equations", "reward models"])
    assert ranker.tokenizer_("Schrödinger") == ranker.tokenizer_("schrodinger") == ranker.tokenizer_("SCHRÖDINGER")
    for query in ("schrodinger", "Schrödinger"):
        scores = ranker.scores(query)
        assert scores[0] > 0 and scores[1] > 0 and scores[2] == 0, (query, scores)


@pytest.mark.parametrize("query", ["Schrodinger bridge", "Schrödinger bridge", "SCHRÖDINGER BRIDGE"])
def test_lexical_search_finds_accented_words_typed_without_accents(query: str) -> None:
    found = Library(PAPERS).search(query, k=3, mode="lexical")
    assert [p.arxiv_id for p in found][:1] == ["2401.00001"]
    every = [p.arxiv_id for p in Library(PAPERS).search(query, k=3, mode="lexical", min_score=0)]
    assert every[:2] == ["2401.00001", "2401.00002"], every  # both spellings, the one holding both words first
    assert "schrodinger" in found.explain(found[0]).lower()
    accentless = Library(PAPERS).search("naive finite", k=3, mode="lexical")
    assert [p.arxiv_id for p in accentless] == ["2401.00001"]
