"""A paper list read by a layout reader keeps the arXiv id written on each paper's own line: a reading group's
bold-title bullets "**Title** — Authors (2017) · *arXiv:1611.08097* → [folder](…)" were read with their titles and
no id (0 of 22 ids on a blind round's file, session 19); the generic finder read the ids on the same lines. Our own
made-up file."""

from __future__ import annotations

from pathlib import Path

import paperlab

PAGE = """# Reading group

## Foundations

- **Geometric widgets: going beyond flat data** — Quill, Okafor (2017) · *arXiv:1611.08097* → [`papers/a`](papers/a)
- **Group Equivariant Widgets** — Chen & Bello (2016) · *arXiv:1602.07576* → [`papers/b`](papers/b)
- **A Widget Without an Identifier** — Bello (2015) → [`papers/c`](papers/c)
"""


def test_each_bold_title_keeps_the_arxiv_id_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(PAGE, encoding="utf-8")
    papers = {p.title: p.arxiv_id for p in paperlab.load(path)}
    assert papers["Geometric widgets: going beyond flat data"] == "1611.08097"
    assert papers["Group Equivariant Widgets"] == "1602.07576"
    assert papers.get("A Widget Without an Identifier", "absent") in (None, "absent")  # no id made up
