"""A change written "from about A to B" stays two values in the compare table's results column (session 15, review
RV15): the range display of aec406d read "from about 61% to 89%" as the range "61–89%" (only a bare "from 61%" was
a change); a range with a hedge of its own ("about 4-16%") is still one result. Abstracts written here."""

from __future__ import annotations

import pytest

import paperlab
from paperlab.paper import Paper


def _results(sentence: str) -> list[str]:
    paper = Paper(id="title:eta", title="Eta", abstract=f"We propose Eta, a retriever. {sentence}")
    return list(paperlab.compare([paper]).iloc[0]["results"])


@pytest.mark.parametrize("hedge", ["about", "roughly", "approximately", "nearly"])
def test_a_hedged_change_from_one_value_to_another_is_not_a_range(hedge: str) -> None:
    results = _results(f"Accuracy rises from {hedge} 61% to 89% on ImageNet.")
    assert results == ["61% accuracy on ImageNet", "89% accuracy on ImageNet"]


def test_a_hedged_range_is_still_one_result() -> None:
    results = _results("Eta beats every baseline by a wide margin (about 4-16% absolute accuracy) on Open-QA.")
    assert len(results) == 1 and results[0].startswith("4–16% accuracy")


def test_a_range_of_multiples_whose_low_end_has_no_metric_is_one_result() -> None:
    """ "2-3 times faster": the low end is read without the metric the high end gets; shown once, as a range."""
    assert _results("Our method is 2-3 times faster than the baseline.") == ["+2–3x speedup"]
