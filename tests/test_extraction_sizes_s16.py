"""A model's scale and a number glued to a word by a hyphen are settings, never results: in "keeps 100% of the
16-bit accuracy on models up to 175B parameters" the results table showed "16 accuracy; +175 accuracy" (found using
paperlab as a researcher, on an abstract written for this test). A size reported as the finding stays a result."""

from __future__ import annotations

import pytest

from paperlab.compare import extract_results


def _values(text: str) -> list[float]:
    return sorted(float(v) for v in extract_results(text)["value"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our decomposition keeps 100% of the 16-bit accuracy on models up to 175B parameters, while memory drops"
            " by 50%.",
            [50.0, 100.0],
        ),
        ("A 70B-parameter model trained on 1.5T tokens reaches 82.4% accuracy on GSM8K.", [82.4]),
        ("The 7B LLMs gain 3.1% accuracy with our prompts.", [3.1]),
        ("With 5-shot prompting the model scores 71.2% on MMLU.", [71.2]),
        ("A 3-layer probe reaches 64.0% accuracy.", [64.0]),
        ("The 4-bit variant is 3.25x faster.", [3.25]),
    ],
)
def test_scales_and_compound_adjectives_are_not_results(text: str, expected: list[float]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The network needs fewer FLOPs (0.7G) and a smaller model size (2.3M).", [0.7, 2.3]),  # sizes as findings
        ("Accuracy improves 3-fold over the baseline.", [3.0]),  # "-fold" is a unit
        ("The method gains a 4.5-point improvement in F1.", [4.5]),  # "-point" is a unit
    ],
)
def test_sizes_reported_as_findings_and_hyphenated_units_stay(text: str, expected: list[float]) -> None:
    assert _values(text) == expected
