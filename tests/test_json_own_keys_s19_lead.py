"""A JSON list of papers written with paperlab's own lower-case keys plus keys of its own ("topic", "addedAt") was
taken for a paperlab export, read strictly, and refused whole ("unknown paper field(s) ['topic']"); it is a home-made
list and is read leniently, the extra keys kept (session 19, a blind round's two refused files). Our own files."""

from __future__ import annotations

import json
from pathlib import Path

import paperlab
from paperlab import Paper
from paperlab.sources import detect_format

PAPERS = [
    {
        "id": "2301.00001",
        "title": "Counting Lanterns with Small Drones",
        "authors": ["Ada Quill", "Piet Okafor"],
        "arxiv_id": "2301.00001",
        "topic": "robotics",
    },
    {
        "id": "2202.00002",
        "title": "Soft Widgets for Hard Problems",
        "authors": ["Li Chen"],
        "arxiv_id": "2202.00002",
        "topic": "widgets",
    },
]


def test_own_keys_and_a_topic_are_read_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "reading.json"
    path.write_text(json.dumps(PAPERS), encoding="utf-8")
    lib = paperlab.load(path)
    assert [(p.title, p.authors, p.arxiv_id) for p in lib] == [
        ("Counting Lanterns with Small Drones", ["Ada Quill", "Piet Okafor"], "2301.00001"),
        ("Soft Widgets for Hard Problems", ["Li Chen"], "2202.00002"),
    ]
    assert lib[0].extra["json"]["topic"] == "robotics"  # nothing the file gave is lost


def test_a_bookmark_list_with_an_added_time_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    rows = [{"title": "Soft Widgets", "authors": ["Li Chen"], "url": "https://example.org/b", "addedAt": "2024-02-03"}]
    path.write_text(json.dumps(rows), encoding="utf-8")
    [paper] = paperlab.load(path)
    assert (paper.title, paper.url) == ("Soft Widgets", "https://example.org/b")


def test_paperlab_exports_stay_strict(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    paperlab.Library([Paper("A Kept Paper", authors=["Ada Quill"])]).save(str(path))
    assert detect_format(path) != "json_list"
    assert [(p.title, p.authors) for p in paperlab.load(path)] == [("A Kept Paper", ["Ada Quill"])]
