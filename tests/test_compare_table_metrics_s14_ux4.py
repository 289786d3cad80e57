"""``compare()``'s metrics column names the metrics of a paper's tables, as its datasets column already names the
tables' datasets (session 13: a reading group's slides held "Top-1" and "FLOPs" tables; the metrics column listed
only the metrics its lexicon found in the text).

Data: our own transcript (tests/data/session/slides-for-load.txt) and a paper and table written here.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

import paperlab
from paperlab import Library, Paper

TRANSCRIPT = Path(__file__).parent / "data" / "session" / "slides-for-load.txt"


def test_the_metrics_of_a_sessions_slide_tables_are_listed() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", paperlab.PartialImportWarning)
        loaded = paperlab.load(TRANSCRIPT)
    df = loaded.compare()
    for metrics, rows in zip(df["metrics"], df["result_values"], strict=True):
        tabled = {r["metric"] for r in rows}
        assert tabled and tabled <= set(metrics), (tabled, metrics)
        assert len({m.casefold() for m in metrics}) == len(metrics)  # each once whatever its case


def test_a_given_tables_metrics_join_the_texts_once() -> None:
    """Also a frame of the user's own with no "table" column (it raised KeyError: 'table')."""
    paper = Paper(
        "Sparse Mixture Vision Transformers",
        arxiv_id="2501.01234",
        abstract="Our model reaches 84.1% top-1 accuracy on ImageNet with half the FLOPs of a dense ViT.",
    )
    table = pd.DataFrame(
        [
            {"paper": paper.id, "method": "SMViT-B", "dataset": "ImageNet", "metric": "Top-1", "value": 84.1},
            {"paper": paper.id, "method": "SMViT-B", "dataset": "ImageNet", "metric": "GFLOPs", "value": 8.7},
            {"paper": paper.id, "method": "ViT-B", "dataset": "ImageNet", "metric": "gflops", "value": 17.6},
        ]
    )
    plain = Library([paper]).compare()["metrics"].iloc[0]
    metrics = Library([paper]).compare(results=[table])["metrics"].iloc[0]
    assert metrics[: len(plain)] == plain  # the text's first, as before
    assert "GFLOPs" in metrics and "gflops" not in metrics
    assert any(m.casefold() == "top-1" for m in metrics)
