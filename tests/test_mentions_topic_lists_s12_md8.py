"""An awesome list's opening list of topics is no list of papers (issue 12: the session 11 round's GUI-agent list
read 8 papers for 5, its opening bullets "Vision, language, multimodal foundation models (with explicit support for
GUI)" and "Works in general domains …" titled as papers). A list item without any id is a paper only in a list whose
items are mostly papers; a list of titles alone is still read (our own pages, made-up text)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

AWESOME = """# Awesome Widget Agent Paper List

This repo covers a variety of papers related to widget agents, such as:
- Datasets
- Benchmarks
- Models
- Agent frameworks
- Vision, language, multimodal foundation models (with explicit support for widget screens)
- Works in general domains widely used by widget agents (e.g., mark prompting)
- [New!] Agentic Gadget Search (As it's becoming an important part for agents in the digital world)

## All Papers (from most recent to oldest)
<details open>
<summary>Papers</summary>

- [Widget2Web: A Hierarchical Benchmark for Visual Widget Development](https://arxiv.org/abs/2603.01234)
    - Ada Quill, Bo Renn
    - 📅 Date: March 27, 2026
- [Rethinking Gadget Pruning for Historical Screenshots in Widget Agents](https://arxiv.org/abs/2603.05678)
    - Cai Lune
    - 📅 Date: March 26, 2026

</details>
"""

TITLES = """# Reading list

Papers we want to read this term:

- Sparse Widget Networks for Efficient Gadget Routing
- Learning to Rank Widgets with Contrastive Gadget Pretraining
- A Theory of Widget Generalization in Overparameterized Gadgets
"""


def _titles(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [p.title for p in paperlab.load(path)]


def test_an_opening_list_of_topics_is_no_papers(tmp_path: Path) -> None:
    assert _titles(tmp_path, AWESOME) == [
        "Widget2Web: A Hierarchical Benchmark for Visual Widget Development",
        "Rethinking Gadget Pruning for Historical Screenshots in Widget Agents",
    ]


def test_a_list_of_titles_alone_is_still_read(tmp_path: Path) -> None:
    assert _titles(tmp_path, TITLES) == [
        "Sparse Widget Networks for Efficient Gadget Routing",
        "Learning to Rank Widgets with Contrastive Gadget Pretraining",
        "A Theory of Widget Generalization in Overparameterized Gadgets",
    ]


def test_authors_and_date_in_sub_items(tmp_path: Path) -> None:
    """The generated list's papers give their authors and day in sub-items ("    - Ada Quill, Bo Renn",
    "    - 📅 Date: March 27, 2026"): the round read neither (authors [], the month of the arXiv id)."""
    path = tmp_path / "README.md"
    path.write_text(AWESOME, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    assert [(p.authors, p.published.isoformat()) for p in papers] == [
        (["Ada Quill", "Bo Renn"], "2026-03-27"),
        (["Cai Lune"], "2026-03-26"),
    ]
