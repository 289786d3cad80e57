"""A home-made JSON paper list whose records are ``{id, cite, year, type}`` with the whole reference written out under
``cite``, its title in quotes ('A. Quill, D. Okafor, 2025, “Title,” Venue', IEEE's 'A. Quill, “Title,” Venue, vol. 3,
2021.'): each record is that paper, read by the one reader of written-out references (session 23, helper IM7; the
shape of SW14's blind-round lab list). Made-up records of ours."""

from __future__ import annotations

import json
from pathlib import Path

import paperlab

_RECORDS = [
    {
        "id": 1,
        "cite": "A.B. Quill, D. Okafor, C.D.E. Penn, 2025, “Counting Lanterns in the Fog with Little Data,” Journal of Made-up Lights",
        "year": 2025,
        "type": "Journal Papers",
    },
    {
        "id": 2,
        "cite": "Y.T. Marsh, A.B. Quill, 2023, “Slopes and Their Gardens: A Pretend Survey,” Review of Invented Gardens",
        "year": 2023,
        "type": "Journal Papers",
    },
    {
        "id": 3,
        "cite": "B. Renn and A.B. Quill, “Herons at Dusk, Counted Twice,” in Proc. Pretend Conference on Birds, vol. 3, pp. 1–9, 2021.",
        "year": 2021,
        "type": "Conference Papers",
    },
]


def _write(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "publications.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def test_records_whose_cite_writes_the_reference_out_are_read_as_those_papers(tmp_path: Path) -> None:
    papers = paperlab.load(_write(tmp_path, _RECORDS))
    assert [(p.title, p.authors, p.venue, p.published.year if p.published else None) for p in papers] == [
        (
            "Counting Lanterns in the Fog with Little Data",
            ["A.B. Quill", "D. Okafor", "C.D.E. Penn"],
            "Journal of Made-up Lights",
            2025,
        ),
        (
            "Slopes and Their Gardens: A Pretend Survey",
            ["Y.T. Marsh", "A.B. Quill"],
            "Review of Invented Gardens",
            2023,
        ),
        ("Herons at Dusk, Counted Twice", ["B. Renn", "A.B. Quill"], "Proc. Pretend Conference on Birds", 2021),
    ]


def test_the_year_written_between_byline_and_title_is_the_papers_when_the_record_has_none(tmp_path: Path) -> None:
    """Without a "year" key the year comes from the text: the one between the names and the quoted title, not a
    number of the venue after it."""
    records = [{k: v for k, v in r.items() if k != "year"} for r in _RECORDS[:2]]
    papers = paperlab.load(_write(tmp_path, records))
    assert [(p.authors[0], p.published.year if p.published else None) for p in papers] == [
        ("A.B. Quill", 2025),
        ("Y.T. Marsh", 2023),
    ]
