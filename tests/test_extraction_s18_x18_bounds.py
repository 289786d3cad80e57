"""Session 18 (helper X18): a metric phrase found by its head word ("... rate", "... cost") stops at a word that is
no modifier: a dash or command-line flag before it, or a verb or plural subject ("the cache keeps miss rate"). Our own
sentences."""

from __future__ import annotations

import pytest

from paperlab.compare import extract_results
from paperlab.comparison.lexicons import generic_metric_hits


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("With warm caches, routing holds GPU cost at 12% of the baseline.", "GPU cost"),
        ("After pruning, the planner keeps failure rate under 3%.", "failure rate"),
        ("The scrubber, run --with deletion rate logging, reaches 40%.", "deletion rate"),
        ("Our tagger improves the news click-through rate by 4%.", "click-through rate"),
        ("The expected calibration error drops to 0.03.", "expected calibration error"),  # a naming participle stays
    ],
)
def test_a_head_phrase_keeps_only_its_modifiers(text: str, phrase: str) -> None:
    assert [p for _, _, p in generic_metric_hits(text, [])] == [phrase]


def test_the_extracted_metric_has_no_verb_or_subject_in_it() -> None:
    df = extract_results("With warm caches, routing holds GPU cost at 12% of the baseline.")
    assert list(zip(df["value"], df["metric"], strict=True)) == [(12.0, "GPU cost")]
