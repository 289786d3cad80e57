"""A numbered list of paper titles with one the title classifier doubts ("Sakana Widget Technical Report"): before,
that one was left out (8 of 9 read in the session 12 round's paper pack); now a doubted title is a paper in a list
whose items are mostly (two in three, three at least) papers, and still none in a list of topics. Also "Quill et al.
- Cuttlefish": one word is a title after an author's "et al." (our own files, made-up titles)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

PACK = """# 小部件论文包

## 覆盖论文

1. Sakana Widget Technical Report
2. TRINITY: An Evolved Widget Coordinator
3. Learning to Orchestrate Gadgets in Natural Language with the Conductor
4. FrugalWidget: How to Use Large Gadget Models While Reducing Cost
5. RouteWidget: Learning to Route Gadgets with Preference Data
"""

TOPICS = """## Contents

- Widget API reference
- Installation guide
- Setup and usage
- Sparse Widget Routing with Learned Gadget Embeddings
"""

DASHED = """Approved for the review:
1.\tQuill & Renn - An Efficient Widget Selection Tool for Gadget Servers (from blog)
2.\tMoss et al. - Self-Driving Widget Stores (microsoft academic)
3.\tKaftan et al. - Cuttlefish (you have read)
"""


def _titles(tmp_path: Path, name: str, text: str) -> list[tuple[str, list[str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return [(p.title, p.authors) for p in paperlab.load(path)]
        except paperlab.ParseError:
            return []


def test_a_doubted_title_in_a_list_of_papers_is_a_paper(tmp_path: Path) -> None:
    titles = [t for t, _ in _titles(tmp_path, "README.md", PACK)]
    assert titles[0] == "Sakana Widget Technical Report" and len(titles) == 5


def test_a_doubted_line_in_a_list_of_topics_is_none(tmp_path: Path) -> None:
    titles = [t for t, _ in _titles(tmp_path, "README.md", TOPICS)]
    assert "Widget API reference" not in titles


def test_one_word_title_after_et_al(tmp_path: Path) -> None:
    assert _titles(tmp_path, "papers.md", DASHED)[-1] == ("Cuttlefish", ["Kaftan"])
