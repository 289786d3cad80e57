"""A page that lists papers by their addresses alone, one per paragraph (a publisher's article URL holding a DOI,
an arXiv link, a doi.org link, with blank lines between), is read as those papers, each known by its address;
before, every one was skipped as 'no title near it' and load() refused the page. Our own made-up file in the shape
of a course's papers-to-read page (session 21's blind round, now dev); a lone address under a note's heading keeps that title."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

BARE = """https://journals.example.org/compbio/article?id=10.1371/journal.pwid.1002632

https://www.example-science.org/doi/abs/10.1187/wid.13-10-0193

https://arxiv.org/abs/2403.01234

https://doi.org/10.5555/widget.2024.77
"""


def test_bare_addresses_one_per_paragraph_are_papers(tmp_path: Path) -> None:
    path = tmp_path / "papers_to_read.md"
    path.write_text(BARE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    assert [(p.doi, p.arxiv_id) for p in papers] == [
        ("10.1371/journal.pwid.1002632", None),
        ("10.1187/wid.13-10-0193", None),
        (None, "2403.01234"),
        ("10.5555/widget.2024.77", None),
    ]
    assert all(p.title for p in papers)  # titled by the address, no invented title


def test_one_lone_address_under_a_heading_keeps_the_heading_as_its_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# Widget rings\n\nSome words about widgets.\n\nhttps://doi.org/10.5555/widget.2024.77\n", encoding="utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert [(p.title, p.doi) for p in paperlab.load(path)] == [("Widget rings", "10.5555/widget.2024.77")]
