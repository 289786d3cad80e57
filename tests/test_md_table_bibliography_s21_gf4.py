"""A project's bibliography written as pipe tables whose paper cell holds the bold title, the authors and year after a
dash and the paper's id as a labelled link ("**Title** — Quill et al., 2019 ([arXiv:1901.01234](…))") was read twice
in a blind round (session 20): once by the table reader with the whole cell as the title, once by the generic finder
with the byline kept in the title. One paper per row now: the title alone, its authors, year and id. Our own made-up
file in the same shape."""

from __future__ import annotations

from pathlib import Path

import paperlab

BIBLIOGRAPHY = """# Bibliography of the widget planner

Every paper the planner builds on, by component.

## 1. Foundations

| Paper | Venue | What the planner uses |
|---|---|---|
| **Widget Routing Is All You Need** — Quill et al., 2019 ([arXiv:1901.01234](https://arxiv.org/abs/1901.01234)) | WIDG | The router's layout |
| **Gadget Normalisation** — Renn, Sato, Moss, 2018 ([arXiv:1807.04321](https://arxiv.org/abs/1807.04321)) | — | Baseline norm |

## 2. Storage

| Paper | Venue | What the planner uses |
|---|---|---|
| **Sprocket Caches Revisited** — Lund & Okafor, 2021 ([arXiv:2103.05555](https://arxiv.org/abs/2103.05555)) | SOSP | **Cache** sizes (`cache.py`) |
"""


def test_each_row_is_one_paper_with_title_authors_year_and_id(tmp_path: Path) -> None:
    path = tmp_path / "PAPERS.md"
    path.write_text(BIBLIOGRAPHY, encoding="utf-8")
    lib = paperlab.load(path)
    got = sorted((p.arxiv_id, p.title, list(p.authors), p.published.year if p.published else None) for p in lib)
    assert got == [
        ("1807.04321", "Gadget Normalisation", ["Renn", "Sato", "Moss"], 2018),
        ("1901.01234", "Widget Routing Is All You Need", ["Quill"], 2019),
        ("2103.05555", "Sprocket Caches Revisited", ["Lund", "Okafor"], 2021),
    ]
    venues = {p.arxiv_id: p.journal_ref for p in lib}
    assert venues["1901.01234"] == "WIDG" and venues["1807.04321"] is None
