"""The compare table's results column says a range the abstract gives as one result once ("4–16% accuracy"), not as
two results ("4% accuracy; 16% accuracy", seen in a researcher's session on REALM-style abstracts); a change "from A
to B" stays two values, and the frame's ``result_values`` keeps both ends. Abstracts written here."""

from __future__ import annotations

import pytest

import paperlab
from paperlab.paper import Paper


def _results(sentence: str) -> tuple[list[str], list[float]]:
    paper = Paper(id="title:zeta", title="Zeta", abstract=f"We propose Zeta, a retriever. {sentence}")
    row = paperlab.compare([paper]).iloc[0]
    return row["results"], sorted(v["value"] for v in row["result_values"])


@pytest.mark.parametrize(
    ("sentence", "shown", "values"),
    [
        ("Zeta beats every baseline by a wide margin (4-16% absolute accuracy) on Open-QA.", "4–16% accuracy", [4, 16]),
        ("It reaches 0.78 to 0.81 F1 on CoNLL-2003.", "0.78–0.81 F1 on CoNLL-2003", [0.78, 0.81]),
        ("Zeta cuts latency by 1.6--9.3$\\times$ across five GPUs.", "1.6–9.3x lower latency", [1.6, 9.3]),
    ],
)
def test_a_range_is_one_result(sentence: str, shown: str, values: list[float]) -> None:
    results, kept = _results(sentence)
    assert len(results) == 1 and results[0].startswith(shown)
    assert kept == values  # both ends stay in the tidy rows


def test_a_change_from_one_value_to_another_is_not_a_range() -> None:
    results, _ = _results("Accuracy rises from 61% to 89% on ImageNet.")
    assert results == ["61% accuracy on ImageNet", "89% accuracy on ImageNet"]


def test_two_results_of_one_metric_on_different_datasets_stay_two() -> None:
    results, _ = _results("Zeta scores 71.2% accuracy on MMLU and 75.3% accuracy on ARC.")
    assert results == ["71.2% accuracy on MMLU", "75.3% accuracy on ARC"]
