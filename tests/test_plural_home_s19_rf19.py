"""Session 19 (RF19): one home for a count and its noun. ``paperlab.errors`` kept a two-line copy of
``paperlab.text.plural`` because it sits below text in the layers; ``plural`` now lives in errors and text offers
the same function, so an import's warnings and every other message count alike."""

from __future__ import annotations

import paperlab.errors
import paperlab.text
from paperlab.errors import FoundByFinderWarning, ImportProblem, MergedRecordsWarning, PartialImportWarning


def test_the_warnings_count_with_the_one_plural_that_text_offers() -> None:
    assert paperlab.text.plural is paperlab.errors.plural
    assert not hasattr(paperlab.errors, "_count")  # no second counter
    bad = ImportProblem("refs.bib", "entry 'x', line 3", "no title")
    assert str(PartialImportWarning("refs.bib", [bad], kept=1)).startswith("refs.bib: kept 1 record, skipped 1 bad one")
    assert "kept 2 table values" in str(PartialImportWarning("s.md", [bad], kept=2, what="table value"))
    assert str(FoundByFinderWarning("notes.md", 3)) == "notes.md: 3 papers found, none skipped"
    assert str(MergedRecordsWarning("refs.bib", [])).startswith("refs.bib: 0 records of a work read already")
