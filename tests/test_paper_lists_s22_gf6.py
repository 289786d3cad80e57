"""Paper lists (session 22, helper GF6): a line 'Title. [website](…). Added: Jan 29.' is one paper, read once, known
by the paper's address its material-labelled link leads to (an arXiv page, a PDF). Own made-up file written here."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

TO_READ = """-  Widget Routing in Sparse Meshes. [website](https://arxiv.org/abs/1905.10434). Added: Jan 29.
- Opening the black box of widget gadgets. [website](https://arxiv.org/pdf/1703.00810.pdf). Added: Jan 29.
- ON THE GADGET BOTTLENECK OF DEEP WIDGETS. [website](https://openreview.net/pdf?id=wid_GET-A-). Added: Jan 29.
"""


def test_a_title_with_a_website_link_to_the_paper_is_read_once_by_its_address(tmp_path: Path) -> None:
    path = tmp_path / "toread.md"
    path.write_text(TO_READ, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    assert [p.arxiv_id for p in papers] == ["1905.10434", "1703.00810", None]
    assert [p.title.rstrip(".") for p in papers] == [
        "Widget Routing in Sparse Meshes",
        "Opening the black box of widget gadgets",
        "ON THE GADGET BOTTLENECK OF DEEP WIDGETS",
    ]
    assert papers[2].url == "https://openreview.net/pdf?id=wid_GET-A-"
