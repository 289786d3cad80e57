"""Signs, changes and lists of gains (session 16, helper X14): the kind and sign the gold conventions give a value ('a
leading + is dropped, a minus kept', 'an improvement, reduction, gain, drop, difference' is a delta, a range gives
both ends) that extraction read wrong or not at all before. Our own sentences of those shapes."""

from __future__ import annotations

from paperlab.compare import extract_results


def _values(text: str) -> list[tuple[float, object, str]]:
    df = extract_results(text).astype(object)
    return [(r.value, r.unit, r.kind) for r in df.where(df.notna(), None).itertuples(index=False)]


def test_a_minus_on_a_change_is_kept() -> None:
    """Before, "by -12.4 pp" and "(-0.8pp)" lost their sign (12.4, 0.8)."""
    text = "The filter lowers refusal on benign prompts by -12.4 pp but hurts recall on rare classes (-0.8pp)."
    assert _values(text) == [(-12.4, "pp", "delta"), (-0.8, "pp", "delta")]


def test_a_signed_share_is_a_change() -> None:
    """ "-4.2%" is a change as "+4.2%" is; before it was a level."""
    text = "Pruned models lose little on the audit set (overall -4.2%, p=0.01) and keep their calibration."
    assert _values(text) == [(-4.2, "%", "delta")]


def test_the_words_before_a_sign_decide() -> None:
    """Before, "by -18.5%" was read as a level with no metric and then dropped as a statistic: nothing was kept."""
    text = "Annotators undercount sarcastic replies (by -18.5% against the reference) and idioms (by -9.3%)."
    assert _values(text) == [(-18.5, "%", "delta"), (-9.3, "%", "delta")]


def test_a_range_of_changes_gives_two_changes() -> None:
    """ "gains ranging from 2.4% to 17.9%", "error reductions between 31% and 44%": before, two levels."""
    text = "The planner yields latency gains ranging from 2.4% to 17.9% across the six clusters."
    assert _values(text) == [(2.4, "%", "delta"), (17.9, "%", "delta")]
    text = "Self-checking gives error reductions between 31% and 44% on the three suites."
    assert _values(text) == [(31.0, "%", "delta"), (44.0, "%", "delta")]


def test_a_change_noun_before_its_size() -> None:
    """ "storage savings of up to 63.5%", "differences of 4.2%": before, levels."""
    assert _values("The codec reaches storage savings of up to 63.5% on archival scans.") == [(63.5, "%", "delta")]
    text = "The two protocols show differences of 4.2% in median accuracy."
    assert _values(text) == [(4.2, "%", "delta")]


def test_a_metric_with_a_dot_before_a_change_noun() -> None:
    """ "2.2 to 3.9% AP@0.5 improvements": the metric's dot hid the change noun after it."""
    text = "Adding the prior yields steady 2.2 to 3.9% AP@0.5 improvements on every backbone."
    assert _values(text) == [(2.2, "%", "delta"), (3.9, "%", "delta")]


def test_a_list_of_gains_with_their_own_tails_is_a_list_of_gains() -> None:
    """ "by 2.61% SQ, 0.93% RQ and 3.05% PQ": before, only the first was a change."""
    text = "Our parser beats the strongest baseline by 2.61% SQ, 0.93% RQ and 3.05% PQ under the same budget."
    assert _values(text) == [(2.61, "%", "delta"), (0.93, "%", "delta"), (3.05, "%", "delta")]


def test_levels_after_a_gain_stay_levels() -> None:
    """A level in its own clause, or a level whose gain is in brackets, is no member of a list of gains."""
    text = "It lifts accuracy by 4.1% on the clean split and reaches 88.2% on the noisy one."
    assert _values(text) == [(4.1, "%", "delta"), (88.2, "%", "absolute")]
    text = "Tuning lifts the three scores to 72.4% (+3.3%), 51.9% (+2.7%), and 64.0% (+6.1%), respectively."
    assert [v for v in _values(text) if v[2] == "absolute"] == [
        (72.4, "%", "absolute"),
        (51.9, "%", "absolute"),
        (64.0, "%", "absolute"),
    ]


def test_ranges_of_multiples_written_with_two_hyphens_or_between() -> None:
    """ "4.2×--7.9×" (LaTeX's en dash) and "between 11.5× and 20.3×": before, only one end was kept."""
    assert _values("Fusing the kernels cuts memory traffic by 4.2×--7.9× on long inputs.") == [
        (4.2, "x", "delta"),
        (7.9, "x", "delta"),
    ]
    text = "End-to-end speedups lie between 11.5× and 20.3×, depending on the batch size."
    assert _values(text) == [(11.5, "x", "delta"), (20.3, "x", "delta")]


def test_names_and_signed_levels_are_unchanged() -> None:
    assert _values("Cases rose during COVID--19 waves while the model kept 91.0% recall.") == [(91.0, "%", "absolute")]
    assert _values("The calibration shifts accuracy from 61% to 74% on the held-out clinics.") == [
        (61.0, "%", "absolute"),
        (74.0, "%", "absolute"),
    ]
