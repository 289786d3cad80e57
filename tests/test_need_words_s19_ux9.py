""" "Need" names no topic and links no paper (session 19, UX9, a researcher's day in JupyterLab): the topic map of a
small BibTeX file labelled its diffusion papers "diffusion models / need" ("… Is All You Need", "… Need Better
Samplers"), and the feed said a survey of pet owners was picked for three "… Is All You Need" papers because of
"words: need". Stopwords (scikit-learn's list, the search's query stopwords) and the verbs papers use to say what
a method does or wants are never a label term nor a reason's word.

Papers: made up for this test.
"""

from __future__ import annotations

import numpy as np

from paperlab import Paper
from paperlab.feed.reasons import reason_text
from paperlab.mapview import topic_labels
from paperlab.search import Topics
from paperlab.search.personal import Reason

DIFFUSION = [
    Paper("Denoising Diffusion for Tabular Data Is All You Need", abstract="Diffusion models generate tables."),
    Paper("Latent Diffusion Models Need Better Samplers", abstract="Sampling latent diffusion models is slow."),
]
DECODING = [
    Paper("Speculative Decoding with Tiny Drafters", abstract="A drafter proposes tokens; the model verifies them."),
    Paper("Parallel Drafting for Speculative Decoding", abstract="Several heads draft tokens for decoding at once."),
    Paper("Sparse Experts Need Careful Routing", abstract="Mixture-of-experts language models need balancing."),
]


def test_a_topic_label_never_says_need() -> None:
    papers = DIFFUSION + DECODING
    topics = Topics(papers, np.array([0, 0, 1, 1, 1]), {0: "a", 1: "b"}, {}, np.zeros((5, 2), "f4"))
    labels = topic_labels(topics)
    assert "diffusion" in labels[0], labels
    assert not {w for label in labels.values() for w in label.replace("/", " ").split()} & {"need", "needs"}, labels


def test_a_reason_never_names_need_or_a_stopword() -> None:
    pets = Paper("All you need is love: a study of pet owners", abstract="Owners need pets, we find.", id="pets")
    why = Reason(closest=[("s1", "Draft Trees Are All You Need", 0.4)], words=["need", "all"], boosts=[])
    said = reason_text(why, pets)
    # "loosely related to" since s23 (UX13): at cosine 0.4 the one saved paper is not close (feed.reasons.CLOSE_FLOOR)
    assert said == "loosely related to “Draft Trees Are All You Need”", said
    drafts = Paper("Do We Need Draft Models?", abstract="Self-speculative decoding needs no drafter.", id="d")
    why = Reason(
        closest=[("s1", "Draft Trees Are All You Need", 0.6)], words=["need", "speculative decoding"], boosts=[]
    )
    assert reason_text(why, drafts).endswith(" — words: speculative decoding")
