"""Notes naming a presentation's paper with its citation: 'Paper: "Title" (Esser et al., ICML 2024)', an "arXiv
2403.03206" line under it, a "Raposo et al., 2024" line for the authors. Our own transcript
(tests/data/session/talk-labelled-aligned.txt); a walkthrough found the quotes and the citation kept in the title, and
the arXiv id and the authors lost.
"""

from __future__ import annotations

import warnings

import pytest
from paths import DATA

import paperlab
from paperlab.services.sessions.fields import cited_title, labelled

TALK = DATA / "session" / "talk-labelled-aligned.txt"


def test_the_citation_and_the_id_lines_fill_the_paper() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first, second = paperlab.Session.from_file(TALK).entries
    p = first.paper
    assert p.title == "Scaling Rectified Flow Transformers for High-Resolution Image Synthesis"
    assert (p.authors, p.arxiv_id, p.journal_ref) == (["Esser"], "2403.03206", "ICML 2024")
    q = second.paper
    assert q.title.startswith("Mixture-of-Depths: Dynamically allocating compute")
    assert (q.authors, q.arxiv_id, q.journal_ref) == (["Raposo"], None, None)


@pytest.mark.parametrize(
    ("value", "read"),
    [
        (
            '"Attention Is All You Need" (Vaswani et al., NeurIPS 2017)',
            ("Attention Is All You Need", ["Vaswani"], "NeurIPS 2017"),
        ),
        ("“Deep Residual Learning” (He et al. 2016)", ("Deep Residual Learning", ["He"], None)),
        (
            "Denoising Diffusion Probabilistic Models (Ho et al., 2020)",
            ("Denoising Diffusion Probabilistic Models", ["Ho"], None),
        ),
        ('"Quoted Alone"', ("Quoted Alone", [], None)),
        ("A Title (With a Parenthesis) Kept Whole", ("A Title (With a Parenthesis) Kept Whole", [], None)),
    ],
)
def test_cited_title(value: str, read: tuple[str, list[str], str | None]) -> None:
    assert cited_title(value) == read


def test_id_and_citation_lines_are_header_fields() -> None:
    assert labelled("arXiv 2403.03206") == ("link", "arXiv:2403.03206")
    assert labelled("Raposo et al., 2024") == ("authors", "Raposo")
    assert labelled("arXiv 2403 is a number") is None
