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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our kernel reaches a throughput of 1.2M tokens/s on an A100.", [1.2]),  # a rate of tokens is a result
        ("Inference throughput rises to 3.4K tokens per second.", [3.4]),
        ("Our tokenizer reduces sequence length by 1.5K tokens on average.", [1.5]),  # the size of a change
        ("Training on 1.5T tokens, our 7B model reaches 68.9% on MMLU.", [68.9]),  # a corpus and a model: settings
        ("It keeps 99% of the accuracy on models up to 175B parameters.", [99.0]),
    ],
)
def test_a_rate_or_a_change_in_tokens_is_a_result_a_scale_is_not(text: str, expected: list[float]) -> None:
    """The session-16 rule that a model's or corpus's scale is a setting dropped throughputs ("1.2M tokens/s") and
    changes ("by 1.5K tokens") with it."""
    assert sorted(float(v) for v in extract_results(text)["value"]) == expected
