"""What a number measures when no lexicon metric sits next to it (paperlab/comparison/governing.py), on sentences
written for these tests (not gold sentences): the governing noun phrase, abbreviations defined in the sentence,
metrics zipped with "respectively", the kind of "up to"/"greater"/"loss", and shares that are not results."""

from __future__ import annotations

import pytest

from paperlab.compare import extract_results
from paperlab.comparison.governing import alias_hits, governing_phrase


def _rows(text: str) -> list[tuple]:
    df = extract_results(text)
    return [(r.value, r.unit, r.kind, r.metric) for r in df.itertuples()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # <NP> of N: a determiner, a content-word head
        (
            "Our labeller reaches an inter-annotator disagreement of 12% on the forum posts.",
            "inter-annotator disagreement",
        ),
        # change verb + object, with "of ..." / "for ..." between the object and the number
        ("The scheduler shortens the release build queue by about 40% on busy days.", "release build queue"),
        ("Caching reduces the costs of the index rebuild by at least 35%.", "costs"),
        ("The new planner is cutting down the review turnaround by over 25% for small teams.", "review turnaround"),
        # <NP> improvements of N, the verb before the phrase is not part of it
        ("Field trials demonstrate throughput gains of up to 18% on the old routers.", "throughput"),
    ],
)
def test_the_governing_noun_phrase_names_the_metric(text: str, expected: str) -> None:
    rows = _rows(text)
    assert len(rows) == 1
    assert rows[0][3] == expected


def test_vague_heads_and_missing_objects_name_nothing() -> None:
    # "an average of", "a factor of", "improved by": no specific phrase governs the number
    t = "The parser was improved by 9% and needs an average of 3% fewer retries."
    assert governing_phrase(t, t.index("9%")) is None
    assert governing_phrase(t, t.index("3%")) is None
    t = "The archive shrinks by a factor of 4x."
    assert governing_phrase(t, t.index("4x")) is None
    # another number between the verb's object and this one: the object is not this number's
    t = "It lowers the error rate to 2% in 30 runs and 5% of the time."
    assert governing_phrase(t, t.index("5%")) is None


def test_a_list_after_the_object_shares_it() -> None:
    rows = _rows("The assistant is effective in reducing the triage effort for nurses approximately 50% and 30%.")
    assert [(v, k, m) for v, _, k, m in rows] == [(50.0, "delta", "triage effort"), (30.0, "delta", "triage effort")]


def test_an_abbreviation_names_the_metric_it_abbreviates() -> None:
    # "success rate (SR)": SR is the success rate, not a new metric
    rows = _rows("Our robot keeps a grasp success rate (SR) of 64% on unseen mugs.")
    assert rows == [(64.0, "%", "absolute", "success rate")]
    # a long form defined for a lexicon abbreviation names that metric where the sentence repeats it
    rows = _rows("We report area under curve (AUC) and the detector reaches an area under curve of 0.912 on the scans.")
    assert rows == [(0.912, None, "absolute", "AUC")]
    # an abbreviation whose initials do not match the phrase before it keeps its own name
    t = "the true positive rate (FPR@95)"
    hits = alias_hits(t, [(4, 22, "true positive rate"), (24, 30, "FPR95")])
    assert (24, 30, "FPR95") in hits


def test_a_cut_off_after_a_metric_stays_in_its_name() -> None:
    rows = _rows("The detector improves mAP@0.5 by 4.2 percentage points and mAP@0.5:0.95 by 2.9 percentage points.")
    assert rows == [(4.2, "pp", "delta", "mAP@0.5"), (2.9, "pp", "delta", "mAP@0.5:0.95")]


def test_respectively_zips_values_with_a_list_of_metrics() -> None:
    rows = _rows("On the clinic images, recall and specificity were 88.1% and 93.4%, respectively.")
    assert [(v, m) for v, _, _, m in rows] == [(88.1, "recall"), (93.4, "specificity")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The tool achieved up to 91.2% branch coverage on the firmware.",
            [(91.2, "%", "absolute", "branch coverage")],
        ),
        ("The tagger reaches up to 84% accuracy on tweets.", [(84.0, "%", "absolute", "accuracy")]),
        ("Our suite finds 45% greater coverage than random tests.", [(45.0, "%", "delta", "coverage")]),
        ("Pruning costs a 3% accuracy loss on the small model.", [(3.0, "%", "delta", "accuracy")]),
        ("The kernel gives a speedup of 20% over the reference code.", [(20.0, "%", "delta", "speedup")]),
        ("It shows an accuracy improvement over the old parser of nearly 2%.", [(2.0, "%", "delta", "accuracy")]),
        ("The emulator gives 40× acceleration compared to gate-level runs.", [(40.0, "x", "delta", "speedup")]),
        ("We see a 3-fold reduction in timeouts of the crawler.", [(3.0, "x", "delta", "timeouts")]),
    ],
)
def test_kind_of_change_words(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "About 12% of the surveyed libraries still lend microfilm readers.",
        "Journal articles made up 61.5% of the sample and conference papers 30.2%.",
        "A large fraction (10-15%) of the mosses grows on the north side.",
    ],
)
def test_shares_in_sentences_without_performance_are_not_results(text: str) -> None:
    assert _rows(text) == []


def test_a_share_in_a_sentence_that_reports_performance_is_kept() -> None:
    assert _rows("In comparison, the older baseline achieved 7.5%.") == [(7.5, "%", "absolute", None)]


def test_average_is_not_part_of_a_metric_name_but_mean_is() -> None:
    # the gold convention: "average sensitivity" is the sensitivity, "mean error" keeps its statistic
    assert _rows("The screening tool has an average sensitivity of 88.2% on the clinic scans.") == [
        (88.2, "%", "absolute", "sensitivity")
    ]
    # session 18: the written convention drops a leading "mean" too; the phrase stays in metric_as_written
    row = extract_results("The tracker keeps a mean error of 1.5 degrees indoors.").iloc[0]
    assert (row["metric"], row["metric_as_written"]) == ("error", "mean error")
