"""Values extraction missed or mislabelled (session 18, helper X20): the levels of a change written "from about A to
B", a level written "up to N% <metric>", a slash list of values without names ("92.9/92.6%"), a later multiple of the
same measure ("4X faster on long inputs and 2.5X on short ones") and LaTeX's "\\textasciitilde" before a number.
Our own sentences of those shapes; each test failed before."""

from __future__ import annotations

from paperlab.compare import extract_results


def _rows(text: str) -> list[tuple[float, str | None, str]]:
    df = extract_results(text)
    rows = zip(df["value"], df["unit"], df["kind"], strict=True)
    return [(float(v), u if isinstance(u, str) else None, k) for v, u, k in rows]


def test_the_ends_of_a_change_written_with_an_adverb_are_levels() -> None:
    """Before, "from about 40% to 12%" gave two gains (delta): the adverb hid the "from"; both ends are the levels
    before and after the change, as in "from 40% to 12%"."""
    text = "The scheduler lowers the queueing delay from about 40% to 12%."
    assert _rows(text) == [(40.0, "%", "absolute"), (12.0, "%", "absolute")]
    text = "The new loader cuts the memory overhead from roughly 12–15% to only 2–4% relative to the baseline."
    assert [k for _, _, k in _rows(text)] == ["absolute"] * 4


def test_up_to_a_level_of_a_named_metric_is_a_level() -> None:
    """Before, "show up to 96.2% accuracy" was read as a gain of 96.2%; a gain still reads as one."""
    text = "Experiments show up to 96.2% accuracy and 90.1% macro F1 on the noisy split."
    assert _rows(text) == [(96.2, "%", "absolute"), (90.1, "%", "absolute")]
    assert _rows("Our method improves accuracy by up to 7.5% on the noisy split.") == [(7.5, "%", "delta")]
    assert _rows("It gains up to 4.1% accuracy over the baseline.") == [(4.1, "%", "delta")]
    assert _rows("Training is faster (up to 35.7%) with no loss.") == [(35.7, "%", "delta")]


def test_a_slash_list_of_values_without_names_gives_every_value() -> None:
    """Before, only the first value of "88.1/86.4%" was read, without its unit, and "(0.83/0.74)" gave one value."""
    text = "Our tagger obtains 88.1/86.4% on the clean/noisy splits."
    assert _rows(text) == [(88.1, "%", "absolute"), (86.4, "%", "absolute")]
    df = extract_results("In-sample AUROC is high (0.83/0.74), but it does not transfer.")
    assert list(df["value"]) == [0.83, 0.74]
    assert list(df["metric"]) == ["AUROC", "AUROC"]
    # counts and ratings are no such lists
    assert _rows("The model solves 17/36 tasks.") == []
    assert [v for v, _, _ in _rows("The rating is 4.5/5.0 overall.")] == [4.5]


def test_a_later_multiple_of_the_same_measure_is_a_result() -> None:
    """Before, the second multiple ("2.5X on short ones") was dropped: a bare multiple with nothing after it."""
    assert _rows("The model is 4X faster on long inputs and 2.5X on short ones.") == [
        (4.0, "x", "delta"),
        (2.5, "x", "delta"),
    ]
    assert _rows("It cuts latency by 8x on CPUs and 3x on GPUs.") == [(8.0, "x", "delta"), (3.0, "x", "delta")]


def test_a_latex_tilde_glued_to_a_number() -> None:
    """Before, "\\textasciitilde64%" hid the number (nothing was read)."""
    assert _rows("Pruning shrinks the index by \\textasciitilde64% with no loss.") == [(64.0, "%", "delta")]


def test_a_share_with_a_word_of_change_after_it_is_a_change_not_a_setting() -> None:
    """Before, "with 35% lower peak memory" was read as a setting ("with 25% of the labels") and dropped, and "41%"
    listed before "47% fewer" was lost; settings stay out."""
    assert _rows("The pruned model matches the baseline with 35% lower peak memory.") == [(35.0, "%", "delta")]
    text = "Our planner finishes the tasks while using 41% and 47% fewer generated tokens than the baseline."
    assert _rows(text) == [(41.0, "%", "delta"), (47.0, "%", "delta")]
    assert _rows("We fine-tune with only 25% programmable elements.") == []


def test_a_multiple_written_with_the_x_before_its_number() -> None:
    """Before, "x2.5 to x9 less memory" gave nothing; a name such as "x86" or "x265" is still no multiple."""
    assert [(v, u) for v, u, _ in _rows("The cache needs roughly x2.5 to x9 less memory than the baseline.")] == [
        (2.5, "x"),
        (9.0, "x"),
    ]
    assert _rows("We compile for x86 and x64 targets with 91.2% accuracy.") == [(91.2, "%", "absolute")]
    assert [v for v, _, _ in _rows("The x265 encoder reaches 38.1 dB PSNR.")] == [38.1]


def test_gains_listed_after_by_up_to_and_the_second_level_after_from_up_to() -> None:
    """Before, "23% (H100)" after "by up to 41% (A100) and" was read as a level, and "from 61.5 up to 70.2%" gave a
    gain of 70.2%; a list after "up to" alone stays levels."""
    text = "It lifts throughput by up to 41% (A100) and 23% (H100) over the baseline."
    assert _rows(text) == [(41.0, "%", "delta"), (23.0, "%", "delta")]
    text = "The refined prompt raises exact match from 61.5 up to 70.2% on the dev split."
    assert [k for _, _, k in _rows(text)] == ["absolute", "absolute"]
    text = "The detector reaches up to 99.1% accuracy and 93.6% macro F1."
    assert _rows(text) == [(99.1, "%", "absolute"), (93.6, "%", "absolute")]
