"""A collection's tree of PDF files ("- ***./Widgets\\Routing***" / "  - **File** : Sparse_Widget_Routing.pdf"): the
session 11 round's list of 11 documents was refused ("no papers found"). Each PDF named by its file name is a
document titled by the name (underscores as spaces, a venue's "ndss2023_" prefix dropped); slides or homework are
none (issue 12; our own page, made-up names)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

TREE = """# 论文以及资料收录清单

- ***./Widget挖掘***
  - **File** : 张三-机器学习.pdf
- ***./Widget挖掘\\Routing***
  - **File** : The_sequential_attack_against_widget_networks.pdf
  - **File** : ndss2023_WidgetHawk Cross-architecture Gadget Detection.pdf
  - **File** : Gizmo.pdf
- ***./Widget挖掘\\Course***
  - **File** : lecture3_slides.pdf
"""


def test_pdf_file_names_are_documents(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(TREE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        titles = [p.title for p in paperlab.load(path)]
    assert titles == [
        "张三-机器学习",
        "The sequential attack against widget networks",
        "WidgetHawk Cross-architecture Gadget Detection",
        "Gizmo",
    ]
