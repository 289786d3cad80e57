"""A home-made JSON paper list whose records say they are no papers (session 21, helper GF5): a dataset, an event,
a film, a web article beside the papers are not read as papers, and the warning names each with its type."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab.errors import PartialImportWarning

DATA = Path(__file__).parent / "data" / "import_s21_gf5"


def test_records_whose_type_is_no_paper_are_left_out_and_named() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = paperlab.load(DATA / "kinds_gf5.json")
    assert [p.title for p in papers] == [
        "Tidal Gardens and the Learning of Slopes",
        "Slopes Without Type: a Note",
        "slopekit: Measuring Garden Slopes",  # "Software paper": a paper
        "Mining Slope Records at Scale",  # a topic's category, not a type
    ]
    warning = caught[0].message
    assert isinstance(warning, PartialImportWarning)
    said = {p.where.rsplit(", ", 1)[-1]: p.message for p in warning.problems}
    assert said == {
        "item 2": "its type 'dataset' is not a paper",
        "item 3": "its type 'event' is not a paper",
        "item 5": "its type 'Documentary film' is not a paper",
        "item 7": "its type 'Web article' is not a paper",
    }
    assert [p.sources[0].record for p in papers] == ["item 1", "item 4", "item 6", "item 8"]  # numbered as written
