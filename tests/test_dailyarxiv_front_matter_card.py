"""A one-paper page that is all front matter (issue 12): the paper is read from its keys — an arXiv link or id, or
a title with authors and a field only a paper has; a blog post's front matter is no paper. Our own files."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError

DATA = Path(__file__).parent / "data" / "md_s11"


def _one(path: Path) -> paperlab.Paper:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        papers = list(paperlab.load(path))
    assert len(papers) == 1
    return papers[0]


def test_a_card_of_front_matter_only_is_one_paper() -> None:
    paper = _one(DATA / "paper_card_front_matter.md")
    assert (paper.title, paper.arxiv_id, paper.authors, paper.tags) == (
        "Harbor Attention: Mooring Long Sequences in Small Memory",
        "2602.05678",
        ["Ada Quill", "Bo Renn", "Cai Lune"],
        ["attention", "efficiency"],
    )


def test_front_matter_without_arxiv_names_its_venue_code_and_year(tmp_path: Path) -> None:
    """No arXiv link: a title, 'authors: A, B and C', venue, year, paper_url and code make the paper."""
    page = tmp_path / "harbor.md"
    page.write_text(
        '---\nlayout: paper\ntitle: "Harbor Attention: Mooring Long Sequences"\nauthors: "Ada Quill, Bo Renn and Cai '
        'Lune"\nvenue: ICLR 2026\nyear: 2026\npaper_url: https://openreview.net/forum?id=AbCdEf123\n'
        "code: https://github.com/example/harbor\n---\n",
        encoding="utf-8",
    )
    paper = _one(page)
    assert (paper.title, paper.authors, paper.journal_ref, paper.url, paper.code_url) == (
        "Harbor Attention: Mooring Long Sequences",
        ["Ada Quill", "Bo Renn", "Cai Lune"],
        "ICLR 2026",
        "https://openreview.net/forum?id=AbCdEf123",
        "https://github.com/example/harbor",
    )
    assert (paper.published, paper.extra["date_precision"]) == (dt.date(2026, 1, 1), "year")


@pytest.mark.parametrize(
    "front",
    [
        # a nested paper mapping, an id YAML reads as a number
        "---\ntitle: Harbor\npaper:\n  title: Harbor Attention\n  authors: [Ada Quill, Bo Renn]\n"
        "  arxiv_id: 2602.05670\n---\n",
        # authors as {name: ...} mappings, a summary below
        "---\ntitle: Harbor Attention\nauthors:\n  - name: Ada Quill\n    affiliation: Example University\n"
        "  - name: Bo Renn\nlink: https://arxiv.org/abs/2602.05670\n---\n\nA short summary of the paper.\n",
        # Hugo's TOML front matter
        '+++\ntitle = "Harbor Attention"\nauthors = ["Ada Quill", "Bo Renn"]\narxiv = "2602.05670"\n+++\n',
    ],
)
def test_front_matter_shapes(tmp_path: Path, front: str) -> None:
    page = tmp_path / "note.md"
    page.write_text(front, encoding="utf-8")
    paper = _one(page)
    assert (paper.title, paper.arxiv_id, paper.authors) == ("Harbor Attention", "2602.05670", ["Ada Quill", "Bo Renn"])


def test_a_blog_posts_front_matter_is_no_paper(tmp_path: Path) -> None:
    page = tmp_path / "post.md"
    page.write_text(
        '---\nlayout: post\ntitle: "My thoughts on attention"\nauthor: Ada Quill\ndate: 2026-02-11\n---\n\n'
        "I have been reading a lot about attention lately.\n",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="no papers found"):
        paperlab.load(page)
