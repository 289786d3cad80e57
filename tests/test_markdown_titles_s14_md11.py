"""Titles and authors of markdown paper lists that SW5's READMEs showed read wrong, each on our own small files
that vary the layout (issue 12; made-up papers and addresses): a badge image before a table's title, a topic
heading over one paper's link, a broken link's brackets, a venue label before the title, a note after the authors,
an emoji label as the venue, the authors under an "Authors:" sub-heading."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

BADGES = """| **Title** | **Year** | **Links** |
| --- | --- | :---: |
| ![arXiv](https://img.shields.io/badge/arXiv-red) Sparse Widget Routing at Scale | 2025 | [Paper](https://arxiv.org/abs/2512.01234v1) |
| [![arXiv](https://img.shields.io/badge/arXiv-blue.svg)](https://arxiv.org/abs/2512.01235) Gadget Maps for Everyone | 2025 | [Paper](https://arxiv.org/abs/2512.01235v1) |
"""

TOPIC_HEADING = """# Paper Reading

## Deep Learning

### Normalization

1. [Widget Normalization: Accelerating Gadget Training by Reducing Sprocket Shift, 2015](https://arxiv.org/pdf/1502.01234.pdf)
"""

BROKEN_LINK = """1. > "A long quote from the paper's abstract about widgets."

[Is the Widget A Hedge Against Gadgets? Evidence from Sprocket Markets"] (https://arxiv.org/pdf/2604.01234)
"""

LABELLED = """## Day 4: fusion

* 🔗 [Widget Docs: Better Results With Rank Fusion](https://docs.widgets.example/rank-fusion)
* 🔗 [WIDG 2009 Research Paper: Reciprocal Widget Fusion Outperforms Gadgets](https://dl.acm.org/doi/10.1145/1234567.1234568)
"""

FIELDS = """# Reading List

## Geometric-Mean Widget Optimization
- **ArXiv**: 2507.01234 | https://arxiv.org/abs/2507.01234
- **Authors**: Ada Quill, Bo Renn, Cy Sato et al. (12 authors, Widget Lab affiliates)
- **Conference**: 🤗 HF Daily Pick

## Audio Gadgets 3: Open Models
- **ArXiv**: 2507.01235 | https://arxiv.org/abs/2507.01235
- **Authors**: Dee Moss, Eve Lind et al. (Widget U + Gadget U)
- **Conference**: WIDG 2025
"""

AUTHORS_HEADING = """# Papers

### [Applicative Widgets with Effects](https://widgets.example/papers/applicative.pdf)
##### Authors:
Ada Quill, Bo Renn
Cy Sato
##### Abstract
Some intuitions about widgets.

---

### [Deriving Gadgets](https://gadgets.example/deriving-gadgets.pdf)
**Authors:**
Dee Moss, Eve Lind
##### Abstract
Notes.
"""


def _load(tmp_path: Path, text: str) -> list[paperlab.Paper]:
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(path)


def test_a_badge_image_before_a_table_title_is_no_part_of_it(tmp_path: Path) -> None:
    assert [p.title for p in _load(tmp_path, BADGES)] == ["Sparse Widget Routing at Scale", "Gadget Maps for Everyone"]


def test_a_topic_heading_over_one_papers_link_leaves_the_title_to_the_link(tmp_path: Path) -> None:
    (paper,) = _load(tmp_path, TOPIC_HEADING)
    assert paper.title == "Widget Normalization: Accelerating Gadget Training by Reducing Sprocket Shift"
    assert paper.arxiv_id == "1502.01234"


def test_a_broken_links_brackets_and_quote_are_no_part_of_the_title(tmp_path: Path) -> None:
    (paper,) = _load(tmp_path, BROKEN_LINK)
    assert paper.title == "Is the Widget A Hedge Against Gadgets? Evidence from Sprocket Markets"


def test_a_venue_label_before_the_title_gives_venue_and_year(tmp_path: Path) -> None:
    papers = [p for p in _load(tmp_path, LABELLED) if p.doi]
    assert [(p.title, p.journal_ref, p.published and p.published.year) for p in papers] == [
        ("Reciprocal Widget Fusion Outperforms Gadgets", "WIDG", 2009)
    ]


def test_a_note_after_the_authors_and_an_emoji_label_are_no_author_and_no_venue(tmp_path: Path) -> None:
    first, second = _load(tmp_path, FIELDS)
    assert list(first.authors) == ["Ada Quill", "Bo Renn", "Cy Sato"] and first.extra.get("more_authors")
    assert first.journal_ref is None
    assert list(second.authors) == ["Dee Moss", "Eve Lind"] and second.journal_ref == "WIDG 2025"


def test_the_names_under_an_authors_sub_heading_or_bold_label_are_the_authors(tmp_path: Path) -> None:
    papers = _load(tmp_path, AUTHORS_HEADING)
    assert [(p.title, list(p.authors)) for p in papers] == [
        ("Applicative Widgets with Effects", ["Ada Quill", "Bo Renn", "Cy Sato"]),
        ("Deriving Gadgets", ["Dee Moss", "Eve Lind"]),
    ]


REFERENCES = """Approved for my literature review:
1.\tQuill & Renn - An Efficient Widget Selection Tool (from blog)
2.\tSato et al. - Self-Driving Gadgets (microsoft academic)
3.\tMoss - Widget Processes and Dynamic Allocation Indices (microsoft academic)
4.\tLind - Algorithms for the Multi-armed Gadget Problem (google it)
"""

TOPICS = """Reading, by topic:
1. Normalization - Widget Normalization Accelerates Gadget Training
2. Attention - Widgets Are All You Need
3. Routing - Sparse Widget Routing at Scale
"""


def test_one_name_before_the_dash_is_the_author_in_a_list_of_references(tmp_path: Path) -> None:
    papers = _load(tmp_path, REFERENCES)
    assert [(p.title, list(p.authors)) for p in papers][2:] == [
        ("Widget Processes and Dynamic Allocation Indices", ["Moss"]),
        ("Algorithms for the Multi-armed Gadget Problem", ["Lind"]),
    ]


def test_one_word_before_the_dash_in_a_list_of_topics_names_no_author(tmp_path: Path) -> None:
    assert all(not p.authors for p in _load(tmp_path, TOPICS))


QUOTED = """## Widget papers

- [Realistic 3D Widget Reconstruction “in-the-wild”](https://arxiv.org/abs/2003.01234)
- ["Why Should I Trust the Widget?": Explaining Gadget Predictions](https://arxiv.org/abs/1602.01234)
- ["Sparse Widget Routing at Scale"](https://arxiv.org/abs/2101.01234)
"""


def test_quotes_inside_a_title_are_kept_and_quotes_around_it_dropped(tmp_path: Path) -> None:
    assert [p.title for p in _load(tmp_path, QUOTED)] == [
        "Realistic 3D Widget Reconstruction “in-the-wild”",
        '"Why Should I Trust the Widget?": Explaining Gadget Predictions',
        "Sparse Widget Routing at Scale",
    ]
