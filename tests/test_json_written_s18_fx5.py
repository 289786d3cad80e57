"""Session 18 (FX5): a JSON record whose one text is no reference ("Remember to buy milk (2024).
https://example.org/milk": no author before the year, no DOI) is skipped and named in the import's warning, while
an authorless reference with its DOI and an APA reference with authors are read (the review RV18's L6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import PartialImportWarning


def test_a_text_with_no_author_before_its_year_and_no_doi_is_no_paper(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    records = [
        {
            "text": "Quill, A. B., & Dale, B. (2018, March). Widget routing at scale. In Proceedings of the Gadget Conference (pp. 1-10). Press."
        },
        {"text": "Remember to buy milk (2024). https://example.org/milk"},
        {"text": "Lanterns in the fog of sprockets. (2024). https://doi.org/10.5555/lantern.7"},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    with pytest.warns(PartialImportWarning, match="item 2"):
        papers = list(paperlab.load(path))
    assert [(p.title, [str(a) for a in p.authors], p.year, p.doi) for p in papers] == [
        ("Widget routing at scale", ["A. B. Quill", "B. Dale"], 2018, None),
        ("Lanterns in the fog of sprockets", [], 2024, "10.5555/lantern.7"),
    ]


def test_a_note_after_the_venue_and_a_report_number_date_no_record(tmp_path: Path) -> None:
    path = tmp_path / "lab.json"
    records = [
        {
            "title": "Sparse Widget Routing at Scale",
            "authorsLine": "Ada Quill, Bo Dale",
            "venueLine": "Widget Computation 31(8), Aug. 2019 (shorter version in Proc. GADG, Sept. 2018)",
        },
        {"title": "Counting Gadgets Without Labels", "authorsLine": "Cy Renn", "venueLine": "Report No. 2019"},
        {"title": "Lanterns in the Fog of Sprockets", "authorsLine": "Di Mole", "venueLine": "NeurIPS 2023"},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    papers = list(paperlab.load(path))
    # the first was dated 2018 (its note's year), the second 2019 (a report's number)
    assert [p.published and p.published.year for p in papers] == [2019, None, 2023]
