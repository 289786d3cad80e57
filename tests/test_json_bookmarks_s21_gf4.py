"""JSON files that list papers without a paper list's usual keys, refused whole in a blind round (session 20): a
bookmark list ``{"links": [{"url", "title", "createdAt", "read"}]}`` whose arXiv links are titled only 'arXiv Paper',
and a lab's topics whose papers are bare DOI lists. Both are read now: every bookmark a record (an arXiv link titled
by its label keeps the id and no made-up title; the warning says so), every DOI a paper known by its DOI alone (no
title, authors or date invented; the warning says so). Our own made-up files in the same shapes."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import detect_format

BOOKMARKS = {
    "links": [
        {"id": "1", "url": "https://widgets.example.org/blog/routing", "title": "Routing Widgets",
         "createdAt": "2025-10-25T00:00:00Z", "metadata": {}, "read": False},
        {"id": "2", "url": "https://arxiv.org/pdf/2507.01234", "title": "arXiv Paper",
         "createdAt": "2025-10-25T00:01:00Z", "metadata": {}, "read": True},
        {"id": "3", "url": "https://pubs.example.org/doi/abs/10.1021/widg.5c01234", "title": "Gadget Letters Paper",
         "createdAt": "2025-10-25T00:02:00Z", "metadata": {}, "read": False},
    ]
}  # fmt: skip
TOPICS = {
    "topics": [
        {"id": "energy", "name": "Energy: widgets for light", "papers": ["10.1016/j.widg.2026.102603", "10.1039/d2wg02504c"]},
        {"id": "env", "name": "Environment: porous gadgets", "papers": ["10.1038/gadgets13377"]},
    ]
}  # fmt: skip


def test_bookmark_list_with_paper_links_is_read(tmp_path: Path) -> None:
    path = tmp_path / "reading-list.json"
    path.write_text(json.dumps(BOOKMARKS), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(path)
    got = [(p.title, p.arxiv_id, p.doi) for p in lib]
    assert got == [
        ("Routing Widgets", None, None),
        ("Untitled (arXiv:2507.01234)", "2507.01234", None),  # its id kept, no title made up from 'arXiv Paper'
        ("Gadget Letters Paper", None, "10.1021/widg.5c01234"),
    ]
    said = [str(w.message) for w in caught if issubclass(w.category, PartialImportWarning)]
    assert len(said) == 1 and "item 2" in said[0] and "'arXiv Paper' is no title" in said[0]


def test_bare_doi_lists_per_topic_are_papers_known_by_their_doi(tmp_path: Path) -> None:
    path = tmp_path / "research.json"
    path.write_text(json.dumps(TOPICS), encoding="utf-8")
    assert detect_format(path) == "json_list"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(path)
    assert [p.doi for p in lib] == ["10.1016/j.widg.2026.102603", "10.1039/d2wg02504c", "10.1038/gadgets13377"]
    assert all(p.authors == [] and p.published is None and p.extra.get("title_from") == "id" for p in lib)
    said = [str(w.message) for w in caught if issubclass(w.category, PartialImportWarning)]
    assert len(said) == 1 and "3 kept in part" in said[0] and "DOI alone" in said[0]


def test_a_plain_list_of_dois_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "dois.json"
    path.write_text(json.dumps(["10.1000/widg.1", "https://doi.org/10.1000/widg.2"]), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert [p.doi for p in paperlab.load(path)] == ["10.1000/widg.1", "10.1000/widg.2"]


def test_link_list_without_any_paper_link_stays_refused(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    links = {"links": [{"url": f"https://shop.example.org/item/{n}", "title": f"Lamp {n}"} for n in range(5)]}
    path.write_text(json.dumps(links), encoding="utf-8")
    with pytest.raises(ParseError, match="unknown shape"):
        paperlab.load(path)
