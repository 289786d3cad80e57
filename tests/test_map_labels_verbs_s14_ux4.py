"""Topic labels name what papers are about, not what their methods do (session 14, a researcher's 15 diffusion
papers: "flow / allow / generative modeling", "sampling / denoising diffusion / reach"): the verbs abstracts use to
say a method "allows", "reaches", "achieves" or "outperforms" are never label terms, nor the search's query
stopwords ("gets", "propose").

Data: papers written for this test, two topics whose abstracts share such verbs.
"""

from __future__ import annotations

import numpy as np

from paperlab import Paper
from paperlab.mapview import topic_labels
from paperlab.search import Topics

FLOWS = [
    "Flow matching allows simulation-free training and reaches strong likelihoods on generative modeling benchmarks.",
    "Rectified flow allows straight paths and reaches one-step generative modeling with transport maps.",
    "Stochastic interpolants allow flows between densities and reach good generative modeling results.",
]
GRAPHS = [
    "Message passing gets molecular property prediction right and achieves strong graph accuracy.",
    "Graph transformers achieve long-range molecular property prediction and outperform message passing.",
    "Equivariant graph networks achieve molecular property prediction and outperform invariant baselines.",
]


def test_labels_hold_no_generic_verbs() -> None:
    papers = [Paper(f"Paper {i}", arxiv_id=f"2501.{i:05d}", abstract=a) for i, a in enumerate(FLOWS + GRAPHS)]
    topics = Topics(papers, np.array([0, 0, 0, 1, 1, 1]), {0: "flows", 1: "graphs"}, {}, np.zeros((6, 2), "f4"))
    labels = topic_labels(topics)
    words = {w for label in labels.values() for term in label.split(" / ") for w in term.split()}
    assert not words & {"allow", "allows", "reach", "reaches", "achieve", "achieves", "outperform", "gets"}, labels
    assert "flow" in labels[0] or "generative modeling" in labels[0], labels
    assert "molecular" in labels[1] or "property prediction" in labels[1], labels
