"""The generic paper finder on a layout of the session 10 test round (issue 12): a lab data catalog naming its one
paper in a journal version and three preprint versions. Our own file in tests/data/md_s11/."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab.sources._mentions import find_papers

DATA = Path(__file__).parent / "data" / "md_s11"


def test_one_paper_in_several_versions_is_one_paper_titled_without_its_label() -> None:
    """'- Paper: Title' over a DOI and arXiv v1, v2, v3 (abs and pdf): one paper, the DOI and the arXiv id both
    its, titled without the 'Paper:' label; the licence and the download link are no papers."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(DATA / "lab_catalog.md"))
    assert [(p.title, p.arxiv_id, p.doi) for p in papers] == [
        ("Harbor Attention: Mooring Long Sequences in Small Memory", "2602.05678", "10.1234/harbor.2026.001")
    ]


def test_a_title_then_a_dash_and_the_papers_address_on_a_line_of_its_own() -> None:
    """Paper-club notes: the second paper is a paragraph 'Title — https://arxiv.org/abs/…' (it was 'no title near
    it' and lost); a sentence ending in an address ('… see arXiv:ID') still titles nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(DATA / "paper_club_notes.md"))
    assert [(p.title, p.arxiv_id, p.authors) for p in papers] == [
        ("Harbor Attention: Mooring Long Sequences in Small Memory", "2602.05678", ["Ada Quill", "Bo Renn"]),
        ("Tidal Adapters: Parameter-Efficient Tuning at Scale", "2603.02345", ["Cai Lune"]),
    ]  # the byline on the paragraph line above each ('**Ada Quill, Bo Renn**', 'Cai Lune et al.')
    (paper,), _ = find_papers("# Notes\n\nWe build on the method of https://arxiv.org/abs/2603.02345\n", "n.md")
    assert paper.title == "arXiv:2603.02345"
