"""Result shapes of session 8 (issue 12), each adopted only when it carried over to held-out folds it was not derived
from (benchmarks/README.md, "Session 8, helper X"). Our own sentences of the same shapes."""

from __future__ import annotations

from paperlab.compare import extract_results


def _rows(text: str) -> list[tuple[object, ...]]:
    df = extract_results(text).astype(object)
    return [(r.metric, r.value, r.unit, r.kind) for r in df.where(df.notna(), None).itertuples(index=False)]


def test_within_a_share_of_a_reference_is_a_gap_not_a_level() -> None:
    # "within 2% of" the reference system: the value is the distance to it, a difference
    assert [r[1:] for r in _rows("Our pruned parser stays within 2% of the full model on TreeBank.")] == [
        (2.0, "%", "delta")
    ]
    assert [r[1:] for r in _rows("The student scores within 3-6% of its teacher while being smaller.")] == [
        (3.0, "%", "delta"),
        (6.0, "%", "delta"),
    ]
    # a level stays a level
    assert [r[1:] for r in _rows("The pruned parser reaches 91.2% accuracy on TreeBank.")] == [(91.2, "%", "absolute")]


def test_an_adjective_alone_before_improvements_names_no_metric() -> None:
    # "marked gains of ..." / "notable improvements of ...": the adjective is not what was measured
    rows = _rows("Our retriever shows notable improvements of up to 4.5% over dense baselines.")
    assert rows == [(None, 4.5, "%", "delta")]
    for text, adjective in (
        ("The distilled model shows substantial improvements of 3.1% over the teacher.", "substantial"),
        ("Our planner demonstrated significant improvements of 2.0% to 9.5% compared to 12 planners.", "significant"),
    ):
        rows = _rows(text)
        assert rows and all(r[0] != adjective and r[3] == "delta" for r in rows)
    # a noun before the change word still names it
    assert _rows("The cache brings latency reductions of 35% on long prompts.")[0][0] == "latency"


def test_the_mean_of_a_named_metric_is_reported_as_that_metric() -> None:
    assert [r[:2] for r in _rows("The probe increased mean GroupScore from 0.61 to 0.74.")] == [
        ("GroupScore", 0.61),
        ("GroupScore", 0.74),
    ]
    assert [r[:2] for r in _rows("Raters agreed with a mean Kendall's W of 0.81.")] == [("Kendall's W", 0.81)]
    assert _rows("Our segmenter reaches a mean IoU of 71.2% on Cityscapes.")[0][0] == "mIoU"  # a metric of its own


def test_an_owners_s_is_not_part_of_the_metric_before_from() -> None:
    # session 8, helper X2 (read from v10a): "the student's PickScore from A to B" was reported as "s PickScore"
    from paperlab.comparison.governing import governing_phrase

    assert [
        r[:2] for r in _rows("Our distillation lifts the student's PickScore from 0.846 to 0.884 on the prompts.")
    ] == [
        ("PickScore", 0.846),
        ("PickScore", 0.884),
    ]
    assert _rows("Pruning lowered the parser’s FlowScore from 12.5 to 9.0 on the forms.")[0][0] == "FlowScore"
    # a capitalised name that owns the metric stays in it (an eponym: "Cohen's d", "Kendall's W")
    text = "We observe large effect sizes (Cohen's d ranging from 0.92 to 1.28) across five encoders."
    assert governing_phrase(text, text.index("0.92")) == "Cohen's d"
