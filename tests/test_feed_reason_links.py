"""Links in abstracts never become a feed's reasons or a list's defining phrases (walkthrough #6: reasons read
"com", "https github", "github com", "code available"). Abstracts written here, with links in the forms real ones
carry: a repository URL after "Code is available at", a bare ``github.com/...``, a project page, an e-mail.
"""

from __future__ import annotations

import numpy as np

from paperlab.paper import Paper
from paperlab.search.personal import RankingOptions, rank_personal
from paperlab.search.phrases import PhraseIndex, defining_terms, term_text

LINK_WORDS = {"https", "http", "github", "com", "io", "www", "org", "code", "available", "page", "project", "edu"}
TOPICS = ["solubility", "toxicity", "binding", "yield", "stability", "odour"]
TAILS = [
    "Code is available at https://github.com/lab{i}/mol-gnn-{i}.",
    "Our code and data are publicly available at github.com/group{i}/gnn{i}",
    "Project page: https://lab{i}.github.io/molgraph/. Contact: first.author{i}@uni{i}.edu",
]


def _saved() -> list[Paper]:
    return [
        Paper(
            f"Graph neural networks predict molecular {topic}",
            abstract=f"We predict the {topic} of molecules with graph neural networks over atoms and bonds. "
            + TAILS[i % 3].format(i=i),
            id=f"s{i}",
        )
        for i, topic in enumerate(TOPICS)
    ]


def _candidates() -> list[Paper]:
    on_topic = [
        Paper(
            f"Message passing graph neural networks for molecular property {i}",
            abstract="Graph neural networks over molecules. " + TAILS[i % 3].format(i=10 + i),
            id=f"c{i}",
        )
        for i in range(3)
    ]
    off_topic = [
        Paper(
            f"Faster image segmentation with sparse convolutions {i}",
            abstract="Sparse convolutions segment street images. " + TAILS[i % 3].format(i=20 + i),
            id=f"d{i}",
        )
        for i in range(3)
    ]
    return on_topic + off_topic


def test_term_text_drops_links_and_where_to_find_sentences() -> None:
    text = (
        "We predict yield. Code is available at https://github.com/x/y. Our method was adopted by the "
        "Z project (https://z.example.org/p). Mail me@lab.edu for data."
    )
    assert term_text(text) == "We predict yield. Our method was adopted by the Z project ( ). Mail for data."
    assert term_text("No link, e.g. 3.5 times faster.") == "No link, e.g. 3.5 times faster."


def test_defining_phrases_hold_no_link_pieces() -> None:
    papers = _saved() + _candidates()
    index = PhraseIndex.of(papers)
    weights = defining_terms(index, list(range(len(TOPICS))), n_terms=30)
    chosen = {str(index.terms[i]) for i in np.flatnonzero(weights)}
    assert "graph neural" in chosen
    assert not {w for term in chosen for w in term.split()} & LINK_WORDS, chosen


def test_feed_reasons_hold_no_link_pieces() -> None:
    ranking = rank_personal(_saved(), _candidates(), options=RankingOptions(feedback=0))
    words = [w for reason in ranking.reasons for w in reason.words]
    assert words, "the reasons name words"
    assert not {piece for w in words for piece in w.split()} & LINK_WORDS, words
    profile = {piece for term, _ in ranking.profile for piece in term.split()}
    assert "graph" in profile and not profile & LINK_WORDS, ranking.profile
    assert ranking.ids[0].startswith("c")  # still on topic first
