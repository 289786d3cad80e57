"""A topic label names each word once, also inside hyphenated words (session 19's rough edges: labels on recorded
files read "LiDAR localization / LiDAR-Inertial / LiDAR-based SLAM", "polynomial / kernelization /
polynomial-time", "BERT / pre-training / pretraining"): a hyphenated word's parts, and the word written whole,
count as its words.

Papers: made up for this test, two topics.
"""

from __future__ import annotations

import numpy as np

from paperlab import Paper
from paperlab.mapview import _stem, topic_labels
from paperlab.search import Topics

LIDAR = [
    ("LiDAR-based SLAM for Warehouse Robots", "LiDAR-based SLAM with LiDAR-inertial odometry maps warehouses."),
    ("LiDAR-Inertial Odometry in Tunnels", "LiDAR-inertial odometry keeps LiDAR-based SLAM stable in tunnels."),
    ("LiDAR Localization Without Maps", "LiDAR localization with LiDAR-inertial cues and LiDAR-based SLAM."),
    ("Pretraining LiDAR Encoders", "Pre-training and pretraining of LiDAR-based SLAM encoders for localization."),
]
COOKING = [
    ("Recipes for Sourdough Bread", "Sourdough bread rises with wild yeast and slow fermentation."),
    ("Fermentation in Kimchi", "Kimchi fermentation with lactic bacteria and cabbage."),
    ("Slow Cooking of Beans", "Beans soften by slow cooking and soaking overnight."),
    ("Yeast and Bread Crumb", "Yeast shapes the bread crumb in sourdough loaves."),
]


def _words(label: str) -> list[str]:
    """The stems a label holds: each word's, each hyphenated word's parts' and its whole form's."""
    stems = []
    for word in label.replace(" / ", " ").split():
        stems += [_stem(part) for part in word.split("-") if part]
        stems += [_stem(word.replace("-", ""))] if "-" in word else []
    return stems


def test_a_label_never_repeats_a_word_inside_a_hyphenated_one() -> None:
    papers = [Paper(t, abstract=a) for t, a in LIDAR + COOKING]
    topics = Topics(papers, np.array([0] * 4 + [1] * 4), {0: "a", 1: "b"}, {}, np.zeros((8, 2), "f4"))
    labels = topic_labels(topics)
    stems = _words(labels[0])
    assert "lidar" in stems, labels
    assert len(stems) == len(set(stems)), labels
