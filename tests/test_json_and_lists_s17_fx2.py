"""Session 17 fixes (FX2): JSON lists of things that are no papers stay refused; a markdown item's id is its own."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError


def _load(tmp_path: Path, text: str, name: str) -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


POSTS = [
    {
        "id": "1",
        "text": "Excited to share our new work on widget routing",
        "created_at": "2021",
        "url": "https://x.example/a/status/1",
        "user": "Ada Quill, Bo Dale",
    },
    {
        "id": "2",
        "text": "Slides from my talk at the gadget meetup today",
        "created_at": "2022",
        "url": "https://x.example/a/status/2",
        "user": "Ada Quill",
    },
]
COMMITS = [
    {
        "sha": "abc",
        "message": "Fix the parser for long lines",
        "date": "2021",
        "html_url": "https://git.example/x/y/commit/abc",
        "author": "Ada Quill",
    },
    {
        "sha": "def",
        "message": "Add an exporter for RIS files",
        "date": "2022",
        "html_url": "https://git.example/x/y/commit/def",
        "author": "Bo Dale",
    },
]
REPOS = [
    {
        "name": "fastparse",
        "description": "A library for parsing things quickly",
        "html_url": "https://git.example/x/f",
        "created": "2021",
    },
    {
        "name": "slowparse",
        "description": "A library for parsing things slowly",
        "html_url": "https://git.example/x/s",
        "created": "2022",
    },
]
PRODUCTS = {
    "products": [
        {"sku": "A1", "label": "Stainless steel water bottle", "release": 2021, "page": "https://shop.example/a1"},
        {"sku": "B2", "label": "Bamboo cutting board large", "release": 2022, "page": "https://shop.example/b2"},
    ]
}


@pytest.mark.parametrize("data", [POSTS, COMMITS, REPOS, PRODUCTS], ids=["posts", "commits", "repos", "products"])
def test_json_lists_with_a_link_and_a_year_but_no_paper_are_refused(tmp_path: Path, data: object) -> None:
    with pytest.raises(ParseError, match="unknown shape"):
        _load(tmp_path, json.dumps(data), "things.json")


def test_json_records_with_an_arxiv_link_or_a_venue_are_still_papers(tmp_path: Path) -> None:
    data = [
        {"heading": "Tidal Gardens for Quiet Bays", "when": "2021", "link": "https://arxiv.org/abs/2101.00001"},
        {
            "heading": "Kelp Counting Under Glass",
            "where": "Journal of Quiet Places",
            "when": "2022",
            "link": "https://example.org/kelp",
        },
    ]
    papers = _load(tmp_path, json.dumps(data), "mine.json")
    assert [p.title for p in papers] == ["Tidal Gardens for Quiet Bays", "Kelp Counting Under Glass"]
    assert papers[0].arxiv_id == "2101.00001" and papers[1].journal_ref == "Journal of Quiet Places"


READING_LIST = """# Reading list

- [Residual Widget Networks](notes/resnet.md) — compare with https://arxiv.org/abs/1706.03762
- [Widget Routing](notes/wr.md) (Quill et al., 2025) https://arxiv.org/abs/2501.01234
- [Gadget Maps](notes/gm.md) — Renn and Lune, NeurIPS 2024. https://arxiv.org/abs/2402.04321
"""


def test_a_bare_address_after_other_words_is_not_the_items_id(tmp_path: Path) -> None:
    papers = _load(tmp_path, READING_LIST, "reading.md")
    got = [(p.title, p.arxiv_id, p.published and p.published.year) for p in papers]
    assert got == [
        ("Residual Widget Networks", None, None),  # "compare with …": another paper's address
        ("Widget Routing", "2501.01234", 2025),  # only a citation before it: the item's own
        ("Gadget Maps", "2402.04321", 2024),
    ]


NOTES = """# Notes

**Quill et al. 2021**, *unpublished*

**Eldan & Li 2023**, *TinyStories*

Read [The Lottery Ticket Hypothesis](https://arxiv.org/abs/1803.03635) first.
See [the survey](https://arxiv.org/abs/2101.00001) for more.
"""


def test_a_status_is_no_title_and_a_title_case_link_after_read_is_a_paper(tmp_path: Path) -> None:
    papers = _load(tmp_path, NOTES, "notes.md")
    titles = [p.title for p in papers]
    assert "unpublished" not in titles  # "*unpublished*" after a citation is its status, no one-word title
    assert "TinyStories" in titles  # a one-word title after a dated citation still is one
    assert "The Lottery Ticket Hypothesis" in titles  # "Read [The … Hypothesis](…)" names a paper
    assert not any(t.lower() == "the survey" for t in titles)  # "See [the survey](…)" points at one
