"""Session 22 (helper X25): the values of one list that ", respectively" pairs with a list of names are results
together, or none of them. Every sentence here is our own, made up in the shape of an abstract."""

from __future__ import annotations

from paperlab.compare import extract_results


def _metrics(text: str) -> list[tuple[float, str | None]]:
    df = extract_results(text)
    return list(zip(df["value"], df["metric"], strict=True))


def test_the_values_of_a_respectively_list_are_results_together() -> None:
    """Before, the results classifier judged each bare value of "are 0.73 and 0.69, respectively" alone and dropped
    the first (its probability under the bare cut) while keeping the second."""
    text = "On the bell set, the precision and recall of our sorter are 0.73 and 0.69, respectively."
    assert _metrics(text) == [(0.73, "precision"), (0.69, "recall")]


def test_a_unit_of_size_is_never_the_rankers_pick() -> None:
    """Before, the metric ranker could pick the unit written after a number ("21.52 GB of flash space" was named
    "GB" when no rule named it); units of size and currencies are units, never what is measured."""
    assert _metrics("The parser keeps 21.52 MB of flash space per page.") == [(21.52, "flash space")]
    assert _metrics("The kite planner needs 21.52 MB of board power per frame.") == [(21.52, "board power")]
