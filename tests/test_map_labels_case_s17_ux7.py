"""Topic labels write acronyms as the papers do (session 17, UX7, the demo corpus's topic map in JupyterLab): the
labels read "ood / detection / diffusion", "multimodal / mllms / vqa dataset", "estimation / doa / array" because the
vectoriser lowercases every term. Now a word keeps the form its topic's papers write most often when that form is an
acronym or mixed case ("OOD", "MLLMs", "VQA"); a word only a sentence capitalises stays lowercase.

Data: papers written for this test, two topics.
"""

from __future__ import annotations

import numpy as np

from paperlab import Paper
from paperlab.mapview import topic_labels
from paperlab.search import Topics

OOD = [
    "OOD detection with diffusion models: we score OOD inputs by their diffusion reconstruction error.",
    "Diffusion models for OOD detection in medical images; OOD samples are flagged by denoising error.",
    "OOD detection benchmarks for diffusion classifiers. Detection of OOD images improves with guidance.",
]
MLLM = [
    "MLLMs answer VQA questions; we test MLLMs on a new VQA dataset of charts.",
    "Hallucination in MLLMs on VQA: MLLMs invent objects in the VQA dataset images.",
    "Speech is no input of most MLLMs; VQA with MLLMs on video frames.",
]


def test_labels_write_acronyms_as_the_papers_do() -> None:
    papers = [Paper(f"Paper {i}", arxiv_id=f"2501.{i:05d}", abstract=a) for i, a in enumerate(OOD + MLLM)]
    topics = Topics(papers, np.array([0, 0, 0, 1, 1, 1]), {0: "ood", 1: "mllm"}, {}, np.zeros((6, 2), "f4"))
    labels = topic_labels(topics)
    assert "OOD" in labels[0].split(" / ") or "OOD detection" in labels[0], labels
    assert "ood" not in labels[0], labels
    assert any(w in labels[1] for w in ("MLLMs", "VQA")) and "mllms" not in labels[1] and "vqa" not in labels[1]
    words = [w for label in labels.values() for w in label.replace(" / ", " ").split()]
    assert "Detection" not in words and "Diffusion" not in words and "Speech" not in words, labels
