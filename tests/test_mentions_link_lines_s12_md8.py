"""Entries written "ABBR - Title" with a line of material links under them ("[[paper](…)] [[code](…)]"): the session
11 round's two-entry list read 1 paper of 2, titled by the page's heading. The line above the links titles the
paper (the short name before the dash dropped), and a link labelled "paper" names the paper even where its address
holds no id (issue 12; our own page, made-up text)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

PAGE = """# Widget segmentation

WRS - Interactive Widget Segmentation via Backpropagating Gadget Scheme
[[paper](https://widgets.example.edu/publications/interactive-widget-segmentation/paper)]
[[code](https://github.com/example/wrs)]

f-WRS - f-WRS: Rethinking Backpropagating Refinement for Widget Segmentation
[[paper](https://arxiv.org/pdf/2001.01234.pdf)]
[[code](https://github.com/example/fwrs)]
"""


def test_the_line_above_a_line_of_links_titles_the_paper(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(PAGE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Interactive Widget Segmentation via Backpropagating Gadget Scheme", None),
        ("f-WRS: Rethinking Backpropagating Refinement for Widget Segmentation", "2001.01234"),
    ]
    assert papers[0].url == "https://widgets.example.edu/publications/interactive-widget-segmentation/paper"
