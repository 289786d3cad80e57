"""Session 18 (helper X18): two review findings of session 17 (RV17) on results extraction. Our own sentences.

- "HR = 0.712" in a sentence about ranking or recommendation is a hit ratio, a result; in a clinical sentence it stays
  a hazard ratio, which the conventions never count.
- A metric written before the number is shared by an elliptical second clause ("F1 ... 0.91 on news, whereas 0.84 on
  tweets"); a metric written only after the number, in a later clause, still names nothing of it.
"""

from __future__ import annotations

import pytest

from paperlab.compare import extract_results


def _rows(text: str) -> list[tuple[float, str | None]]:
    df = extract_results(text)
    return [(float(v), m if isinstance(m, str) else None) for v, m in zip(df["value"], df["metric"], strict=True)]


def test_a_hit_ratio_of_a_recommender_is_a_result() -> None:
    rows = _rows("Our recommender reaches HR = 0.712 and NDCG = 0.433 on the bookshop benchmark.")
    assert rows == [(0.712, "HR"), (0.433, "nDCG")]


def test_a_hazard_ratio_is_still_no_result() -> None:
    assert _rows("The new regimen lowered ward mortality (HR = 0.80, 95% CI 0.70-0.91).") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The tagger reaches an F1 of 0.91 on harbour news, whereas 0.84 on harbour chat.",
            [(0.91, "F1"), (0.84, "F1")],
        ),
        ("The system scores 34.1 BLEU on En-De; 28.7 on En-Fr.", [(34.1, "BLEU"), (28.7, "BLEU")]),
    ],
)
def test_an_elliptical_second_clause_shares_the_metric_written_before(text: str, expected: list) -> None:
    assert _rows(text) == expected


def test_a_metric_written_only_in_a_later_clause_still_names_nothing() -> None:
    rows = _rows("Penalties were 0.025 per step while the success rate of the rover is 93%.")
    assert rows == [(0.025, None), (93.0, "success rate")]
