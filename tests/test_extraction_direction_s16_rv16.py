"""A change written with a minus is a change downwards: ``direction`` agrees with the sign of ``value``.

Since session 16 a written minus is kept on a change ("(-2.3%)" is value -2.3, kind delta); its direction said
"up", so ``lib.results()`` listed a drop of F1 among the gains. Our own sentences (session 16, reviewer RV16)."""

from __future__ import annotations

import pytest

from paperlab.compare import extract_results


def _rows(text: str) -> list[tuple[float, str, str | None]]:
    df = extract_results(text)
    return [(float(v), k, d) for v, k, d in zip(df["value"], df["kind"], df["direction"], strict=True)]


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("F1 drops to 71.2% (-2.3%) on SQuAD.", (-2.3, "delta", "down")),
        ("Accuracy changes by -3.2% on CIFAR-10.", (-3.2, "delta", "down")),
        ("Perplexity improves by -0.8 on WikiText-103.", (-0.8, "delta", "down")),
    ],
)
def test_a_change_with_a_minus_goes_down(text: str, change: tuple[float, str, str]) -> None:
    assert change in _rows(text)
    assert not [r for r in _rows(text) if r[1] == "delta" and r[0] < 0 and r[2] != "down"]


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Our method improves accuracy by 3.2% on CIFAR-10.", (3.2, "delta", "up")),  # a gain stays up
        ("Pruning reduces latency by 40% on a phone.", (40.0, "delta", "down")),  # a reduction in words stays down
        ("F1 reaches 71.2% on SQuAD.", (71.2, "absolute", None)),  # a level has no direction
    ],
)
def test_unsigned_changes_and_levels_keep_their_direction(text: str, change: tuple[float, str, str | None]) -> None:
    assert change in _rows(text)
