"""Results extraction, session 19 (helper X21): metric names the labelling conventions give although the sentence
does not spell them, and value shapes the rules missed. Our own made-up sentences of the shapes found in v21a (the
develop set); each test failed before its change."""

from __future__ import annotations

from paperlab.compare import extract_results
from paperlab.comparison.metric_names import canonical_metric


def _metrics(text: str) -> list[tuple[float, str | None, str | None]]:
    df = extract_results(text)
    rows = zip(df["value"], df["metric"], df["metric_as_written"], strict=True)
    return [(float(v), m if isinstance(m, str) else None, w if isinstance(w, str) else None) for v, m, w in rows]


def test_a_qualified_bare_success_is_a_success_rate_and_keeps_its_words() -> None:
    """Before, "0.912 semantic success" was named "semantic success"; the conventions name a qualified bare
    "success" ("Target success", "end-to-end success") a success rate. The phrase as written stays beside it."""
    text = (
        "The planner attains 0.912 semantic success with 21.5 generated tokens, compared with 0.874 and 30.2 tokens"
        " for the greedy planner."
    )
    assert _metrics(text)[0] == (0.912, "success rate", "semantic success")
    assert canonical_metric("deterministic Target success") == "success rate"
    assert canonical_metric("time-to-success") == "time-to-success"  # not a bare success


def test_a_correlation_written_as_its_symbol_is_a_correlation() -> None:
    """Before, "($r=0.81$ vs. $0.62$)" gave two values of a metric named "r"."""
    text = (
        "In closed-loop runs, its predicted returns correlate more strongly with the real returns than a replay"
        " baseline ($r=0.81$ vs.\\ $0.62$), while running faster."
    )
    assert _metrics(text) == [(0.81, "correlation", "r"), (0.62, "correlation", "r")]
    assert canonical_metric("R") == "R"


def test_a_metric_qualifying_accuracy_names_it() -> None:
    """Before, "71.3% exact-match accuracy" was named accuracy; the conventions name it exact match."""
    assert _metrics("Our tagger reaches 71.3% exact-match accuracy on the recipe questions.") == [
        (71.3, "exact match", "exact match")
    ]
    assert canonical_metric("test accuracy") == "accuracy"
    assert canonical_metric("top-1 accuracy") == "top-1 accuracy"


def test_lexicon_metrics_spelled_out_are_named_by_their_abbreviation() -> None:
    """Before, "a Mean Reciprocal Rank of 0.61" was named "Reciprocal" (the capitals hid the lexicon's phrase and the
    average word was dropped) and "a mean absolute heading error" kept its words; the conventions name them MRR and
    MAE. A mean rank keeps its average word (a rank alone names no metric)."""
    assert _metrics("Our ranker reaches a Mean Reciprocal Rank of 0.61 on the pantry queries.")[0][:2] == (0.61, "MRR")
    text = "The glider holds a mean absolute heading error of 2.4 degrees in gusty wind."
    assert _metrics(text)[0][:2] == (2.4, "MAE")
    assert canonical_metric("mean absolute percentage error") == "MAPE"
    assert canonical_metric("mean rank") == "mean rank"
    assert canonical_metric("hallucination rate") == "hallucination rate"


def _values(text: str) -> list[tuple[float, str | None, str]]:
    df = extract_results(text)
    rows = zip(df["value"], df["unit"], df["kind"], strict=True)
    return [(round(float(v), 6), u if isinstance(u, str) else None, k) for v, u, k in rows]


def test_a_number_in_scientific_notation_is_its_value() -> None:
    """Before, "$3.1 \\times 10^{-3}$" gave no value at all (the conventions: "$5.223 \\times 10^{-2}$" is 0.05223)."""
    text = "The probe holds a maximum drift error of $3.1 \\times 10^{-3}\\,\\mathrm{rad}$ on the bench."
    assert _values(text) == [(0.0031, None, "absolute")]


def test_a_decimal_without_its_leading_zero_is_read() -> None:
    """Before, ".0412" and ".0377" were not numbers ("from .0412 to .0377" gave nothing)."""
    assert _values("The replay lowers the point MAE from .0412 to .0377 on the toy set.") == [
        (0.0412, None, "absolute"),
        (0.0377, None, "absolute"),
    ]
    # a p-value written so stays out, as "p < 0.001" does
    assert _values("Shame predicted relapse (b = 0.02; P < .001) in the toy cohort.") == []


def test_the_second_end_of_a_tilde_range_or_a_range_of_multiples_is_read() -> None:
    """Before, "12.5%~20.0%" gave the second end as a level (absolute) and "2X-3X faster" only 2 (the 3 was read as
    part of a name, the lower-case "2x-3x" gave -3)."""
    assert _values("It cuts decoding latency by 12.5%~20.0% across both boards.") == [
        (12.5, "%", "delta"),
        (20.0, "%", "delta"),
    ]
    assert _values("The sorter runs 2X-3X faster than the heap baseline.") == [(2.0, "x", "delta"), (3.0, "x", "delta")]
    assert _values("The sorter runs 2x-3x faster than the heap baseline.") == [(2.0, "x", "delta"), (3.0, "x", "delta")]


def test_a_loss_or_an_addition_is_a_change_and_its_elliptical_list_too() -> None:
    """Before, "loses 9.5 accuracy points on Ferns, 8.1 on Moss" gave levels (absolute), and "adds 12.1 ms" too."""
    text = "The pruned tree loses 9.5 accuracy points on Ferns, 8.1 on Moss and 30.2 on Lichen against the full tree."
    assert _values(text) == [(9.5, None, "delta"), (8.1, None, "delta"), (30.2, None, "delta")]
    assert _values("On the toy board, the cache adds 12.1 ms, about 2.5% of the decoding time.")[0] == (
        12.1,
        None,
        "delta",
    )


def test_percent_is_the_unit_not_part_of_the_metric() -> None:
    """Before, "49.3 percent coverage" was named "percent coverage"."""
    df = extract_results("The toy forecaster reaches 49.3 percent coverage versus 51.4 percent for the naive one.")
    assert list(df["metric"]) == ["coverage", "coverage"]
    assert list(df["unit"]) == ["%", "%"]


def test_metrics_joined_by_and_before_a_slash_list_name_its_values_in_order() -> None:
    """Before, "Precision and recall are 0.91/0.87" gave recall to both values (RV18's M6); names that are not
    metrics ("Models A and B") name nothing."""
    df = extract_results("Precision and recall are 0.91/0.87 on the held-out toy split.")
    assert [(v, m.lower()) for v, m in zip(df["value"], df["metric"], strict=True)] == [
        (0.91, "precision"),
        (0.87, "recall"),
    ]
    df = extract_results("Models A and B reach 0.91/0.87 on the toy split.")
    assert not any(isinstance(m, str) for m in df["metric"])


def test_a_unit_of_size_is_not_the_metric() -> None:
    """Before, "21.52 MB of GPU memory" was named "MB" (read as an acronym metric); the phrase after "of" names it."""
    df = extract_results("On the toy board, the tracker uses 21.52 MB of GPU memory per frame.")
    assert list(zip(df["value"], df["metric"], strict=True)) == [(21.52, "GPU memory")]


def test_the_level_of_an_interval_is_not_a_result() -> None:
    """Before, "(95% bootstrap interval [-1.5, +0.2])" and "(95% interval [...])" gave a result of 95%; an interval's
    coverage reported as a result ("68% interval coverage") stays one."""
    text = "The toy accuracy difference is -0.6 percentage points (95% bootstrap interval [-1.5, +0.2] across tasks)."
    assert _values(text) == [(-0.6, "pp", "delta")]
    text = "Solve rates were 46.7% and 56.7% on the toy set (95% interval [40.1, 61.3])."
    assert [v for v, _, _ in _values(text)] == [46.7, 56.7]
    assert _values("The toy model attains near-nominal 68% interval coverage on held-out days.") == [
        (68.0, "%", "absolute")
    ]
