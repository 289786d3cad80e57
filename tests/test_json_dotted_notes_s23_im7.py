"""A home-made JSON record whose byline, venue and year stand in one line of notes joined by middle dots ("pub":
"Quill et al. · Journal of Lanterns 2025", as a reading log writes them) gives the paper those fields (session 23,
helper IM7; the shape of SW14's blind-round reading log, whose papers had no authors, no venue and the year of their
arXiv id). Made-up records of ours."""

from __future__ import annotations

import json
from pathlib import Path

import paperlab


def _load(tmp_path: Path, records: list[dict[str, object]]) -> list[paperlab.Paper]:
    path = tmp_path / "papers_db.json"
    path.write_text(json.dumps({"updated": "20260101", "papers": records}, ensure_ascii=False), encoding="utf-8")
    return list(paperlab.load(path))


def test_a_byline_venue_and_year_joined_by_middle_dots_are_the_papers(tmp_path: Path) -> None:
    papers = _load(
        tmp_path,
        [
            {
                "id": "fog",
                "title": "FogNet — Reading Tides by Night",
                "pub": "Quill et al. · Journal of Lanterns 2025",
                "arxiv": "https://arxiv.org/abs/2412.00001",
            },
            {"id": "herons", "title": "Counting Herons at Dusk", "pub": "Renn et al. · arXiv 2503.00002 · 2025"},
            {"id": "slopes", "title": "Slopes and Their Gardens", "pub": "A. Quill, B. Renn · Review of Gardens 2023"},
        ],
    )
    got = [(p.authors, p.venue, p.published.year if p.published else None) for p in papers]
    assert got == [
        (["Quill"], "Journal of Lanterns", 2025),  # the journal's year, not the arXiv id's month (2024)
        (["Renn"], None, 2025),  # a preprint repository's id is no venue
        (["A. Quill", "B. Renn"], "Review of Gardens", 2023),
    ]
    assert papers[0].extra.get("more_authors") is True  # "et al.": the byline is cut short


def test_a_record_with_fields_of_its_own_keeps_them(tmp_path: Path) -> None:
    """Guard: the record's own authors, venue and year win; a dotted value whose last note ends in no year
    ("Quill et al. · Renn") gives nothing."""
    papers = _load(
        tmp_path,
        [
            {
                "title": "Lanterns Again",
                "authors": "Bo Renn",
                "venue": "Pretend Conf",
                "year": 2021,
                "pub": "Quill et al. · Journal of Lanterns 2025",
            },
            {"title": "Lanterns Thrice", "remark": "Quill et al. · Renn"},
        ],
    )
    assert [(p.authors, p.venue, p.published.year if p.published else None) for p in papers] == [
        (["Bo Renn"], "Pretend Conf", 2021),
        ([], None, None),
    ]
