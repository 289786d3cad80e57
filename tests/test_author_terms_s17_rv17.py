"""``author:`` mutes and boosts of the personal ranking (the feed's profile) match the authors a user means.

Session 17 made ``author:L. Chen`` match "Chen, Li" and never "Wei Chen"; these tests keep what the term matched
before that change: a family name with particles written as the user would ("author:van der Berg", "author:de
Souza") and one part of a double-barrelled family name ("author:Smith" for "Ann Smith-Jones"). Our own small papers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from paperlab.paper import Paper
from paperlab.search.personal import RankingOptions, rank_personal


class _FlatEncoder:
    """Every text the same unit vector: the mutes are what the test looks at, not the scores."""

    name = "flat-test"
    texts_embedded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0


SAVED = [Paper(id="test:saved", title="Sparse widget routing for gadget graphs", authors=["Ada Quill"])]


def _muted(term: str, author: str) -> bool:
    other = Paper(id="test:other", title="Lanterns in the fog of gadget networks", authors=["Bo Renn"])
    paper = Paper(id="test:target", title="Counting sprockets without labels", authors=[author])
    ranking = rank_personal(SAVED, [paper, other], options=RankingOptions(mutes=[term]), encoder=_FlatEncoder())
    assert {p.id for p in ranking.papers} | {p.id for p in ranking.muted} == {"test:target", "test:other"}
    assert all(p.id != "test:other" for p in ranking.muted)  # Bo Renn is never the author a term names
    return any(p.id == "test:target" for p in ranking.muted)


@pytest.mark.parametrize(
    ("term", "author"),
    [
        ("author:van der Berg", "van der Berg, Jan"),
        ("author:van der Berg", "Jan van der Berg"),
        ("author:de Souza", "Maria de Souza"),
        ("author:Maria de Souza", "Maria de Souza"),
        ("author:Smith", "Smith-Jones, Ann"),
        ("author:Jones", "Ann Smith-Jones"),
        ("author:L. Chen", "Chen, Li"),  # session 17's rule, kept
        ("author:Chen", "Wei Chen"),
    ],
)
def test_an_author_term_mutes_that_authors_paper(term: str, author: str) -> None:
    assert _muted(term, author)


@pytest.mark.parametrize(
    ("term", "author"),
    [
        ("author:L. Chen", "Wei Chen"),  # another person of the same family name
        ("author:Chen", "Cheng Li"),  # not a word of the name
        ("author:de Souza", "Maria Souzano"),
        ("author:Smith", "Chen-Yu Smithers"),
        ("author:Yu", "Chen-Yu Lee"),  # part of a hyphenated given name is no family name
        ("author:", "Ada Quill"),  # no name: no one
        ("author:  ", "Ada Quill"),
    ],
)
def test_an_author_term_leaves_other_authors_alone(term: str, author: str) -> None:
    assert not _muted(term, author)
