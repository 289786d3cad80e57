"""Session 18 (helper X18): a result's metric in its canonical form, the phrase as the paper wrote it kept beside it.

The labelling conventions name a qualified lexicon metric by the lexicon's name and drop a leading average/mean/median;
results then group across papers ("test accuracy" and "accuracy" are one column). A user must not lose what the paper
said: ``metric_as_written`` holds the phrase in ``extract_results`` and ``lib.results()``, and compare's results cell
shows it. Our own sentences.
"""

from __future__ import annotations

import pytest

import paperlab
from paperlab import Library, Paper
from paperlab.compare import extract_results
from paperlab.comparison.metric_names import canonical_metric


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("test accuracy", "accuracy"),  # a lexicon metric with a qualifier before it
        ("mAP@0.75", "mAP@0.75"),  # a cut-off stays: "mAP@0.5" and "mAP@0.75" are two metrics
        ("MAE_F", "MAE"),  # a subscript glued to it
        ("sacreBLEU score", "BLEU"),  # a lower-case word glued to it, and "score"
        ("Macro F1-scores", "F1"),
        ("average success rate", "success rate"),  # a leading average dropped
        ("median waiting time", "waiting time"),
        ("mean absolute error", "MAE"),  # the lexicon names the whole phrase by an abbreviation (session 19)
        ("top-1 accuracy", "top-1 accuracy"),  # the lexicon's own qualified entry
        ("pass@1", "pass@1"),
        ("hallucination rate", "hallucination rate"),  # the lexicon names it whole: as written
        ("pAUROC", "pAUROC"),  # a one-letter abbreviation names its own metric
        ("accuracy gain", "accuracy gain"),  # the lexicon metric is no head here
        ("compute cost", "compute cost"),
    ],
)
def test_canonical_form_of_a_metric(written: str, canonical: str) -> None:
    assert canonical_metric(written) == canonical


def test_extract_results_names_the_canonical_metric_and_keeps_the_phrase_as_written() -> None:
    df = extract_results(
        "Our system reaches a sacreBLEU score of 31.2 on the harbour dialect pairs, and the detector's mAP@0.75 rises"
        " by 2.1 points."
    )
    assert list(zip(df["value"], df["metric"], df["metric_as_written"], strict=True)) == [
        (31.2, "BLEU", "sacreBLEU score"),
        (2.1, "mAP@0.75", "mAP@0.75"),
    ]


QUILL = Paper(
    title="Harbour Dialects, Translated",
    id="2402.00011",
    abstract="We collect parallel harbour dialect text. Our tagger-guided system obtains a sacreBLEU of 33.1.",
)
DALE = Paper(
    title="Pivoting Through the Standard Language",
    id="2402.00012",
    abstract="We translate through the standard language. Pivoting improves BLEU by 2.3 points on the same pairs.",
)


def test_library_results_group_by_the_canonical_metric_and_show_the_phrase() -> None:
    df = Library([QUILL, DALE]).results()
    assert list(df["metric"]) == ["BLEU", "BLEU"]  # one metric for both papers
    assert list(df["metric_as_written"]) == ["sacreBLEU", "BLEU"]  # what each paper wrote


def test_compare_cells_say_the_metric_as_the_paper_wrote_it() -> None:
    df = paperlab.compare([QUILL, DALE])
    assert [list(c) for c in df["results"]] == [["33.1 sacreBLEU"], ["+2.3 BLEU"]]
