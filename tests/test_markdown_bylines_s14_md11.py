"""Reading lists that name each paper by its title in italics or bold and its authors after it ("*Title* by Ada
Quill", "*Title* - Quill et al."), bulleted or led by one repeated symbol ("🔵 *Title* - Authors"): before, the
byline stayed in the title, or the title became the author ("*Communicating Sequential Widgets* - D. E. Moss et
al." gave the title "D. E. Moss et al"), and symbol-led lines were no list at all; now the emphasis is the title and
the names its authors (issue 12; our own files, made-up papers). Kinds seen on MD11's validation files after their
end score: that round is burned by these fixes."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

BULLETS = """# Reading list

### foundations
- *Computing Widgets and Intelligence* by Ada Quill
- *A Mathematical Theory of Gadgets* by Bo Renn
- *Time, Widgets, and the Ordering of Gadgets in a Distributed System* - Cy Sato
- *Communicating Sequential Widgets* - D. E. Moss et al.
- **End-to-End Arguments in Widget Design** - J.H. Quill, D.P. Renn, and D.D. Sato
"""

EXPECTED = [
    ("Computing Widgets and Intelligence", ["Ada Quill"]),
    ("A Mathematical Theory of Gadgets", ["Bo Renn"]),
    ("Time, Widgets, and the Ordering of Gadgets in a Distributed System", ["Cy Sato"]),
    ("Communicating Sequential Widgets", ["D. E. Moss"]),
    ("End-to-End Arguments in Widget Design", ["J.H. Quill", "D.P. Renn", "D.D. Sato"]),
]

# one symbol repeated as the bullet, blank lines between, a link item among them
SYMBOLS = """---
title: "Winter Reading List"
---

# Winter Reading List

🔵 *Computing Widgets and Intelligence* by Ada Quill

🔵 *A Mathematical Theory of Gadgets* by Bo Renn

🔵  *Communicating Sequential Widgets* - by D. E. Moss et al.

🔵 [**Deep Residual Gadgets**](https://arxiv.org/pdf/1512.01234.pdf)
"""

# a README's feature lines, each led by another emoji, and emphasised words before a dash that name no one
FEATURES = """# Widget Tracker

🔍 *Daily Widget Tracking* - Automatically fetches widgets
🤖 *Gadget Summaries* - Generates short summaries
📊 *Smart Sorting* - Sorts widgets by kind

- *Widgets* - Gadgets
- **Install** - run pip install widgets
"""


def _load(tmp_path: Path, text: str) -> list[paperlab.Paper]:
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return paperlab.load(path)
        except paperlab.ParseError:
            return []


def test_an_emphasised_title_then_its_authors(tmp_path: Path) -> None:
    papers = _load(tmp_path, BULLETS)
    assert [(p.title, list(p.authors)) for p in papers] == EXPECTED
    assert papers[3].extra.get("more_authors") is True


def test_one_symbol_repeated_at_the_start_of_lines_is_a_list_bullet(tmp_path: Path) -> None:
    papers = _load(tmp_path, SYMBOLS)
    assert [(p.title, list(p.authors)) for p in papers] == [
        ("Computing Widgets and Intelligence", ["Ada Quill"]),
        ("A Mathematical Theory of Gadgets", ["Bo Renn"]),
        ("Communicating Sequential Widgets", ["D. E. Moss"]),
        ("Deep Residual Gadgets", []),
    ]


def test_feature_lines_and_words_before_a_dash_that_name_no_one_are_no_bylines(tmp_path: Path) -> None:
    assert [(p.title, list(p.authors)) for p in _load(tmp_path, FEATURES) if p.authors] == []


# the same lines beside a list of linked papers that a layout reader reads as cards
BESIDE_CARDS = """# Reading list

### foundations
- *Computing Widgets and Intelligence* by Ada Quill
- *A Mathematical Theory of Gadgets* by Bo Renn

### learning
- [**Deep Residual Gadgets**](https://arxiv.org/pdf/1512.01234.pdf)
- [**Widget Turing Machines**](https://arxiv.org/pdf/1410.01234.pdf)
- [**Scaling Laws for Neural Widgets**](https://arxiv.org/pdf/2001.01234.pdf)
"""


def test_bylined_titles_are_read_beside_a_list_of_linked_papers(tmp_path: Path) -> None:
    papers = _load(tmp_path, BESIDE_CARDS)
    assert {(p.title, tuple(p.authors)) for p in papers} >= {
        ("Computing Widgets and Intelligence", ("Ada Quill",)),
        ("A Mathematical Theory of Gadgets", ("Bo Renn",)),
        ("Deep Residual Gadgets", ()),
    }
    assert len(papers) == 5


# symbol bullets: bylined titles in one section, linked papers in another (the finder reads the links by their ids)
SECTIONS = """---
title: "Reading List"
---

# Reading List

### foundational
🔵 *Computing Widgets and Intelligence* by Ada Quill

🔵 *A Mathematical Theory of Gadgets* by Bo Renn

### linked
🔵 [**The Annotated Widget**](https://widgets.example/annotated-widget/)

🔵 [**Widget Network Regularization**](https://arxiv.org/pdf/1409.01234.pdf)

🔵 [**Pointer Widgets**](https://arxiv.org/pdf/1506.01234.pdf)

🔵 [**Order Matters: Widgets to gadgets for sets**](https://arxiv.org/pdf/1511.01234.pdf)
"""


def test_bylined_titles_stay_when_the_finder_reads_the_linked_papers_by_their_ids(tmp_path: Path) -> None:
    papers = _load(tmp_path, SECTIONS)
    authored = [(p.title, list(p.authors)) for p in papers if p.authors]
    assert authored == [
        ("Computing Widgets and Intelligence", ["Ada Quill"]),
        ("A Mathematical Theory of Gadgets", ["Bo Renn"]),
    ]
    assert {"Widget Network Regularization", "Pointer Widgets"} <= {p.title for p in papers}
