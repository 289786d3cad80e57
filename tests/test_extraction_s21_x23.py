"""Results extraction, session 21 (helper X23): names the labelling conventions give to a metric the text writes
another way — a lexicon metric spelled out ("Fréchet Inception Distance" is FID), the abbreviation a phrase defines
in parentheses ("customer effort score (cES)"), and currencies, which are units, never metrics. Our own made-up
sentences; each test failed before its change."""

from __future__ import annotations

from paperlab.compare import extract_results


def _metrics(text: str) -> list[tuple[float, str | None]]:
    df = extract_results(text)
    return [(float(v), m if isinstance(m, str) else None) for v, m in zip(df["value"], df["metric"], strict=True)]


def test_a_spelled_out_lexicon_metric_is_named_by_its_abbreviation() -> None:
    """Before, "Frechet Inception Distance" stayed as written, so a table kept it apart from the FID of other
    papers."""
    text = "On our sketch set, the new sampler lowers Frechet Inception Distance from 48.31 to 39.02."
    assert _metrics(text) == [(48.31, "FID"), (39.02, "FID")]
    text = "Our kite renderer reaches a Fréchet inception distance of 12.75 on the kite photos."
    assert _metrics(text) == [(12.75, "FID")]


def test_the_abbreviation_a_phrase_defines_names_the_value() -> None:
    """Before, a mixed-case abbreviation in parentheses ("(cES)") was not read: the long phrase named the value."""
    text = "The new help desk raised the customer effort score (cES) by 12.40 points over the old desk."
    assert _metrics(text) == [(12.4, "cES")]


def test_a_currency_is_never_the_metric() -> None:
    """Before, "USD" named all three values (an abbreviation before a number was read as a metric)."""
    text = "The bot answers at 310 times lower cost (USD 0.0031 per ticket for the bot versus USD 0.96 for staff)."
    rows = _metrics(text)
    assert rows[0] == (310.0, "cost")
    assert all(m != "USD" for _, m in rows)


def test_bare_values_of_a_list_take_the_metrics_in_order() -> None:
    """Before, values with no unit in "are 0.81, 0.77 and 0.79, respectively" were all named by the last metric
    (they are read after the list step ran)."""
    text = "On the bird calls, the precision, recall and F1 of our tagger are 0.81, 0.77 and 0.79, respectively."
    assert _metrics(text) == [(0.81, "precision"), (0.77, "recall"), (0.79, "F1")]


def test_both_ends_of_a_list_of_changes_take_the_metrics_in_order() -> None:
    """Before, "from 0.40, 0.35 and 0.52 to 0.61, 0.58 and 0.66, respectively" named all six values by "these
    scores" or the last metric."""
    text = (
        "The new reader beats the old one in accuracy, recall and F1 score, raising these scores from 0.40, 0.35 and"
        " 0.52 to 0.61, 0.58 and 0.66, respectively."
    )
    names = ["accuracy", "recall", "F1"] * 2
    assert _metrics(text) == list(zip([0.4, 0.35, 0.52, 0.61, 0.58, 0.66], names, strict=True))


def _units(text: str) -> list[tuple[float, str | None, str]]:
    df = extract_results(text)
    return [
        (float(v), u if isinstance(u, str) else None, k)
        for v, u, k in zip(df["value"], df["unit"], df["kind"], strict=True)
    ]


def test_a_unit_written_once_after_a_list_is_every_values() -> None:
    """Before, only the last value of "by 0.21, 0.64, and 0.88 percentage points" was in percentage points, and in
    "by 12.5 and 9.1 percent" the first value had no unit."""
    text = "The new timetable cuts missed connections by 0.21, 0.64, and 0.88 percentage points on the three lines."
    assert _units(text) == [(0.21, "pp", "delta"), (0.64, "pp", "delta"), (0.88, "pp", "delta")]
    text = "Both pruning rules reduce the kettle's boil time by 12.5 and 9.1 percent."
    assert _units(text) == [(12.5, "%", "delta"), (9.1, "%", "delta")]


def test_a_range_before_a_list_keeps_its_own_unit() -> None:
    """A guard of the change above (its first form failed it): the second end of a range without a unit
    ("0.61-0.74, and 91.5-95.2% of ...") does not take the next range's %."""
    text = "Tile agreement rates were 0.61-0.74, and 91.5-95.2% of tiles were kept by the new filter."
    assert [(v, u) for v, u, _ in _units(text)] == [(0.61, None), (0.74, None), (91.5, "%"), (95.2, "%")]
