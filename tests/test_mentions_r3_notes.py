"""R3's one-paper notes (session 11): a heading whose link is labelled "[pdf]" keeps the words before it as the
paper's title; own small files in tests/data/md7_r3/."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "md7_r3"


def _load(name: str) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(DATA / name))


def test_a_heading_with_a_pdf_link_is_titled_by_its_words_not_by_the_link_label() -> None:
    (paper,) = _load("heading_pdf_link.md")
    assert paper.title == "Ratchet Pooling for Tiny Boards"
    assert paper.arxiv_id == "2102.00042"
