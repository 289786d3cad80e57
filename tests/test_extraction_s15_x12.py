"""Ends of ranges and changes, ranges of multiples and values compared with (session 15, helper X12): shapes the gold
conventions define ('1.6-9.3x' and '0.78 to 0.81' give both ends, 'from A to B' both ends as levels) that extraction
read only in part before. Our own sentences of those shapes."""

from __future__ import annotations

from paperlab.compare import extract_results


def _values(text: str) -> list[tuple[float, object, str]]:
    df = extract_results(text).astype(object)
    return [(r.value, r.unit, r.kind) for r in df.where(df.notna(), None).itertuples(index=False)]


def test_both_ends_of_a_change_between_bare_scores_are_levels() -> None:
    """Before, only the first end of "from 0.613 to 0.744" was kept."""
    text = "Re-ranking moves the agreement index from 0.613 to 0.744 on our annotated pairs."
    assert _values(text) == [(0.613, None, "absolute"), (0.744, None, "absolute")]


def test_a_range_of_multiples_gives_both_ends() -> None:
    """Before, "1.2-1.7×" gave only its first end, and "2.11 to 2.88x" (no comparison word after it) nothing."""
    text = "Our encoder adds overheads of 1.2-1.7× in latency and 2.5-4.0× in energy."
    assert _values(text) == [(1.2, "x", "delta"), (1.7, "x", "delta"), (2.5, "x", "delta"), (4.0, "x", "delta")]
    assert _values("The audited kernel requires 2.11 to 2.88x runtime.") == [(2.11, "x", "delta"), (2.88, "x", "delta")]
    assert _values("It speeds up decoding (1.6x-2.2x) on long prompts.") == [(1.6, "x", "delta"), (2.2, "x", "delta")]


def test_a_range_of_multiples_written_in_words_is_a_multiple() -> None:
    """ "by 3-5 times": before, nothing was kept, or the first end with no unit."""
    assert _values("The cache cuts database round trips by 3-5 times.") == [(3.0, "x", "delta"), (5.0, "x", "delta")]


def test_hardware_counted_by_a_multiple_is_a_setting() -> None:
    assert _values("We train on 4-8x A100 GPUs for two days and reach 71.5% accuracy.") == [(71.5, "%", "absolute")]


def test_a_change_between_multiples_names_two_levels() -> None:
    """The gold convention: 'from A to B' names both ends as absolute values, multiples too (before: two deltas)."""
    assert _values("The scheduler raises GPU occupancy from 1.3x to 2.4x.") == [
        (1.3, "x", "absolute"),
        (2.4, "x", "absolute"),
    ]
    # a range of multiples stays a range of gains
    assert _values("We obtain speedups ranging from 1.5x to 3x.") == [(1.5, "x", "delta"), (3.0, "x", "delta")]


def test_a_value_compared_with_is_a_result_not_a_setting() -> None:
    """ "compared with 86.4%" is the baseline's result; before, it was read like "with 10% of the labels" (a
    setting) and dropped. A share of the training data is still a setting."""
    text = "Our tagger reaches 91.2% accuracy, compared with 86.4% for the strongest baseline."
    assert _values(text) == [(91.2, "%", "absolute"), (86.4, "%", "absolute")]
    assert _values("We train with 10% of the labels and reach 80.1% accuracy.") == [(80.1, "%", "absolute")]


def test_a_multiple_named_a_change_by_the_noun_after_it_is_a_result() -> None:
    """ "a 1.65x decrease", "a 4.6x enhancement", "3.4x gains": before, only "improvement" and "reduction" (and
    comparatives) after a multiple made it a result."""
    text = "The redesign brings a 1.65x decrease in flip-flops and a 4.6x enhancement in throughput."
    assert _values(text) == [(1.65, "x", "delta"), (4.6, "x", "delta")]
    assert _values("Tiling gives up to 3.4x gains on small objects.") == [(3.4, "x", "delta")]


def test_the_bounds_of_a_confidence_interval_and_sizes_are_not_range_ends() -> None:
    """The second look at range ends leaves statistics and sizes alone: "(95% CI: 0.8485-0.8745)", "0.5-3B"."""
    assert _values("The ensemble reaches AUROC 0.8618 (95% CI: 0.8485-0.8745).") == [(0.8618, None, "absolute")]
    assert _values("We release a compact 0.5-3B model family that reaches 64.2% accuracy.") == [(64.2, "%", "absolute")]
