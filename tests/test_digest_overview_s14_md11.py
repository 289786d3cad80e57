"""A DailyArXiv-style page whose overview names the day's papers by bold titles alone (numbered or bulleted items,
each with a line of summary below) above its paper tables: before, only the tables' papers were read (1 of 9 on a
real page); now each overview title is a paper too, beside the tables' (issue 12; our own files, made-up papers)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

TABLE = """
## Paper Details

### Widgets

| # | Title | Date | Authors |
| --- | --- | --- | --- |
| 1 | **[Sparse Widget Routing at Scale](https://arxiv.org/abs/2601.01234v1)** | 2026-01-05 | Ada Quill et al. |
"""

OVERVIEW = (
    """# Daily Papers

Last update: 2026-01-06

## Today's Overview

### Widgets (1 new today)

1. The study focuses on widget routing at scale.

### Gadgets (3 new today)

1. **Gadget Complexes and Their Homology in Contact Geometry**{BR}
   The study focuses on gadget complexes, employing homology to address contact spheres.

2. **Learning Sprocket Embeddings with Contrastive Objectives**{BR}
   The study focuses on sprockets, employing contrastive learning.

3. __A Benchmark for Long-Horizon Gadget Assembly__{BR}
   The study introduces a benchmark.
"""
    + TABLE
)

# bullets instead of numbers, Chinese summaries
BULLETS = (
    """# 每日论文

## 今日概览

- **Gadget Complexes and Their Homology in Contact Geometry**
  研究了小工具复形的同调。
- **Learning Sprocket Embeddings with Contrastive Objectives**
  研究了链轮嵌入。
"""
    + TABLE
)

# a page's how-to steps in bold are no papers, nor is a single bold title
STEPS = (
    """# Daily Papers

## Usage

1. **Installation**{BR}
   Run pip install.

2. **Configuration**{BR}
   Edit the keywords file.

## Highlight

- **Gadget Complexes and Their Homology in Contact Geometry**{BR}
  The one paper we liked.
"""
    + TABLE
)


def _load(tmp_path: Path, text: str) -> list[paperlab.Paper]:
    path = tmp_path / "README.md"
    path.write_text(text.replace("{BR}", "  "), encoding="utf-8")  # a hard line break after the bold title
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(path)


def test_the_overview_titles_are_papers_beside_the_tables(tmp_path: Path) -> None:
    titles = [p.title for p in _load(tmp_path, OVERVIEW)]
    assert titles[0] == "Sparse Widget Routing at Scale"
    assert sorted(titles[1:]) == [
        "A Benchmark for Long-Horizon Gadget Assembly",
        "Gadget Complexes and Their Homology in Contact Geometry",
        "Learning Sprocket Embeddings with Contrastive Objectives",
    ]


def test_bulleted_overview_with_summaries_in_another_language(tmp_path: Path) -> None:
    titles = [p.title for p in _load(tmp_path, BULLETS)]
    assert len(titles) == 3 and "Learning Sprocket Embeddings with Contrastive Objectives" in titles


def test_bold_steps_and_a_lone_bold_title_are_no_papers(tmp_path: Path) -> None:
    assert [p.title for p in _load(tmp_path, STEPS)] == ["Sparse Widget Routing at Scale"]
