"""Extraction's hot path (session 14, helper X9): a sentence's lexicon scanned once however many steps ask for its hits,
callers still get lists of their own, and the results frame keeps its columns and types."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from paperlab.compare import extract_results
from paperlab.comparison import lexicons

SENTENCE = "Our tagger reaches 91.2% accuracy and an F1 of 0.87 on the Wobbly Reviews benchmark."


class _CountingPattern:
    """A lexicon pattern that counts the sentences it is run over."""

    def __init__(self, pattern: str) -> None:
        self.rx, self.scans = re.compile(pattern), 0

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        self.scans += 1
        return self.rx.finditer(text)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[_CountingPattern]:
    pattern = _CountingPattern(r"\baccuracy\b")
    monkeypatch.setitem(lexicons._COMPILED, "metric", [("accuracy", pattern)])
    lexicons._lexicon_hits.cache_clear()
    yield pattern
    lexicons._lexicon_hits.cache_clear()


def test_a_sentence_is_scanned_once_per_lexicon(counting: _CountingPattern) -> None:
    first = lexicons.lexicon_hits("metric", SENTENCE)
    again = lexicons.lexicon_hits("metric", SENTENCE)
    assert first == again == [(25, 33, "accuracy")]
    assert counting.scans == 1
    lexicons.lexicon_hits("metric", "Recall is 0.5 and accuracy 0.7.")
    assert counting.scans == 2  # another sentence is read anew


def test_each_caller_gets_its_own_list(counting: _CountingPattern) -> None:
    mine = lexicons.lexicon_hits("metric", SENTENCE)
    mine.append((0, 3, "our"))  # a caller extending its hits (metrics + generic phrases)
    assert lexicons.lexicon_hits("metric", SENTENCE) == [(25, 33, "accuracy")]


def test_the_results_frame_keeps_its_columns_and_float_values() -> None:
    lexicons._lexicon_hits.cache_clear()
    frame = extract_results(SENTENCE)
    assert list(frame["metric"]) == ["accuracy", "F1"]
    assert list(frame["value"]) == [91.2, 0.87] and str(frame["value"].dtype) == "float64"
    empty = extract_results("We release the code.")
    assert len(empty) == 0 and list(empty.columns) == list(frame.columns)
    assert str(empty["value"].dtype) == "float64"
