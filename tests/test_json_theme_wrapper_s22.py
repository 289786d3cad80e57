"""A wrapper object whose list holds theme objects, each holding its papers one level down (session 22, lead, from the
blind round SW14's refused kinds): ``{"schema": …, "sections": [{"venue", "year", "papers": [...]}, …]}`` — some
conferences with no paper yet — and a weekly digest ``{"categories": [{"label", "week", "items": [...]}]}`` with one
category. Before, ``paperlab.load`` refused both as 'JSON of unknown shape'. Our own made-up files."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def test_sections_with_empty_conferences_read_the_papers_of_the_others(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "curated.json",
        {
            "schema": "slopes.curated.v1",
            "tag_definitions": {"tasks": [{"id": "tide", "label": "Tides", "definition": "about tides"}]},
            "sections": [
                {"venue": "WIDG", "year": 2027, "conference_start": "2027-06-01", "papers": []},
                {
                    "venue": "SLOPE",
                    "year": 2026,
                    "papers": [
                        {"id": "slope-1", "venue": "SLOPE", "year": 2026, "title": "Gardens on Steep Slopes"},
                        {"id": "slope-2", "venue": "SLOPE", "year": 2026, "title": "Counting Tides by Lantern"},
                    ],
                },
                {"venue": "HARB", "year": 2025, "papers": [{"title": "Harbour Data, Cleaned", "year": 2025}]},
            ],
        },
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = paperlab.load(path)
    assert [p.title for p in papers] == [
        "Gardens on Steep Slopes",
        "Counting Tides by Lantern",
        "Harbour Data, Cleaned",
    ]
    assert [p.venue for p in papers][:2] == ["SLOPE", "SLOPE"]
    assert [p.published.year for p in papers] == [2026, 2026, 2025]


def test_a_digest_with_one_category_reads_its_items(tmp_path: Path) -> None:
    items = [
        {"title": f"Lantern Paper {n}", "authors": "Ada Quill, Bo Renn", "link": f"https://arxiv.org/pdf/2512.1000{n}"}
        for n in range(1, 4)
    ]
    path = _write(tmp_path, "digest.json", {"categories": [{"label": "cs.XX", "slug": "csxx", "items": items}]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = paperlab.load(path)
    assert [p.title for p in papers] == ["Lantern Paper 1", "Lantern Paper 2", "Lantern Paper 3"]
    assert [p.arxiv_id for p in papers] == ["2512.10001", "2512.10002", "2512.10003"]
    assert papers[0].authors == ["Ada Quill", "Bo Renn"]


def test_an_empty_list_under_another_key_than_the_papers_is_no_theme_list(tmp_path: Path) -> None:
    """Themes must hold their papers under one key: a theme whose only list is an empty 'steps' is not a conference
    with no paper yet, and an object of such lists (no paper anywhere) stays refused, naming its shape."""
    path = _write(tmp_path, "plans.json", {"plans": [{"name": "A", "steps": []}, {"name": "B", "steps": []}]})
    with pytest.raises(ParseError, match="unknown shape"):
        paperlab.load(path)
