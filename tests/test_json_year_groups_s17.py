"""A site's publications object keyed by year, whose records name their title under a key paperlab does not know
('titre'): the records are judged all together. At ca513ba the one year holding a record with a DOI was read and the
other years' records were dropped without a word (session 17's fresh import round found it)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError, PartialImportWarning


def _record(title: str, year: int, doi: str = "") -> dict:
    return {
        "subject": "paper",
        "author": ["Ada QUILL", "Bo DALE"],
        "titre": title,
        "booktitle": f"Workshop on Lantern Systems {year}",
        "month": "June",
        "doi": doi,
        "location": "Lorient",
    }


def _write(tmp_path: Path, groups: dict) -> Path:
    path = tmp_path / "publications.json"
    path.write_text(json.dumps(groups), encoding="utf-8")
    return path


def test_one_record_with_a_doi_does_not_make_its_year_the_only_one_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {
            "2025": [],
            "2024": [_record("Tracing faults in lantern circuits", 2024), _record("A poster on tide sensors", 2024)],
            "2023": [_record("Gadget maps for small routers", 2023, "https://doi.org/10.1145/3628356.3630116")],
        },
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            papers = paperlab.load(path)
        except ParseError as err:
            assert "unknown shape" in str(err) and "'2024'" in str(err)  # refused whole, saying why
            return
    assert len(papers) == 3, [p.title for p in papers]  # or read whole


def test_years_whose_records_mostly_show_a_paper_are_all_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {
            "2024": [
                _record("Tracing faults in lantern circuits", 2024, "https://doi.org/10.1145/1111111.2222222"),
                _record("A poster on tide sensors", 2024),
            ],
            "2023": [_record("Gadget maps for small routers", 2023, "https://doi.org/10.1145/3628356.3630116")],
        },
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = paperlab.load(path)
    assert {"10.1145/1111111.2222222", "10.1145/3628356.3630116"} <= {p.doi for p in papers}
    # every record of every year is read or named as skipped: none is lost without a word
    skipped = [str(w.message) for w in caught if issubclass(w.category, PartialImportWarning)]
    assert len(papers) == 3 or (len(papers) == 2 and skipped and "item 2" in skipped[0])


@pytest.mark.parametrize("empty", [[], [{}]])
def test_a_year_with_nothing_in_it_adds_nothing(tmp_path: Path, empty: list) -> None:
    records = [
        _record("Tracing faults in lantern circuits", 2024, "https://doi.org/10.1145/1111111.2222222"),
        _record("Gadget maps for small routers", 2024, "https://doi.org/10.1145/3628356.3630116"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = paperlab.load(_write(tmp_path, {"2025": empty, "2024": records}))
    assert len(papers) == 2
