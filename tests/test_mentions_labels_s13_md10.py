"""Link labels and note labels that are no paper's title (issue 12; our own files, made-up papers): before, a
Chinese digest's paper was titled "论文链接", a publication list's DOI "article link" (a paper apart from its arXiv
link on the next line), "…, preprint." stayed in the title, and reading notes keyed by arXiv ids were titled by
their section ("Sequential reading notes") or a chunk's label and notes ("chunk 1 (pp. 1–6): …")."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DIGEST = """# 小部件论文阅读笔记

*生成时间: 2025-03-14 10:40:14*

## 1. Widget Attention Reveals More Than Gadgets: Training-Free Widget Retrieval

- **论文链接**: [https://www.arxiv.org/abs/2503.01234](https://www.arxiv.org/abs/2503.01234)
- **PDF链接**: [https://www.arxiv.org/pdf/2503.01234.pdf](https://www.arxiv.org/pdf/2503.01234.pdf)
- **提交日期**: 12 Mar 2025

### 阅读笔记

很好。
"""

PUBLICATIONS = """## Mathematics

### Paper

[2] Harmonic widgets and the gadget complex on Sasakian manifolds, preprint.
[[arXiv:2204.01234](https://arxiv.org/abs/2204.01234)]

[1] Analytic torsions associated with the gadget complex on contact spheres, Internat. J. Widg. 31 (2020), no. 13, 2050112.
[[article link](https://doi.org/10.1142/S0129167X20501234)]
[[arXiv:1911.01234](https://arxiv.org/abs/1911.01234)]
"""

NOTES = """# Literature review: widget lies

Review in progress.

## Sequential reading notes

- **2503.01234 chunk 1 (pp. 1–6):** Widgets operationalize belief through consistency under neutral queries.
- **2503.01234 chunk 2 (pp. 7–12):** Extract widget resolutions then compare programmatically.
- **2511.01234 chunk 1 (pp. 1–6):** 72,863 on-policy gadget examples across seven settings.
"""


def _load(tmp_path: Path, name: str, text: str) -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(path)


def test_a_chinese_link_label_is_no_title(tmp_path: Path) -> None:
    papers = _load(tmp_path, "digest.md", DIGEST)
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Widget Attention Reveals More Than Gadgets: Training-Free Widget Retrieval", "2503.01234")
    ]


def test_lines_of_links_under_a_numbered_title_are_its_paper(tmp_path: Path) -> None:
    papers = _load(tmp_path, "papers.md", PUBLICATIONS)
    assert [(p.title, p.arxiv_id, p.doi, p.journal_ref) for p in papers] == [
        ("Harmonic widgets and the gadget complex on Sasakian manifolds", "2204.01234", None, None),
        (
            "Analytic torsions associated with the gadget complex on contact spheres",
            "1911.01234",
            "10.1142/S0129167X20501234",
            "Internat. J. Widg. 31 (2020), no. 13, 2050112",
        ),
    ]
    assert papers[1].published is not None and papers[1].published.month == 11  # the id's month, not the year's


def test_notes_keyed_by_arxiv_ids_are_titled_by_the_ids(tmp_path: Path) -> None:
    papers = _load(tmp_path, "lit_review.md", NOTES)
    assert [p.title for p in papers] == ["arXiv:2503.01234", "arXiv:2511.01234"]
    path = tmp_path / "lit_review.md"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = paperlab.Session.from_file(path)
    assert [e.paper.title for e in session.entries] == ["arXiv:2503.01234", "arXiv:2511.01234"]


def test_a_paper_field_titles_a_heading_card() -> None:
    """'# Reading note: learning to route tools' over '> **Paper**: *Routing Tool Calls…*': the field's title (the
    heading's before)."""
    path = Path(__file__).parent / "data" / "mentions" / "one-paper-note.md"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = paperlab.load(path)
    assert [(p.title, p.arxiv_id) for p in papers] == [("Routing Tool Calls with Small Language Models", "2602.01234")]


BROKEN_LINES = "\n".join(  # each line broken by two trailing spaces
    [
        "## Papers",
        "",
        "Sparse Widget Routing at Scale  ",
        "Ada Quill, Bo Renn  ",
        "WIDG 2021  ",
        "[PDF](https://example.org/sparse-widgets.pdf)",
        "",
        "Dense Gadget Maps for Everyone  ",
        "Cai Lune  ",
        "GADG 2020  ",
        "[PDF](https://example.org/dense-gadgets.pdf)",
        "",
    ]
)


def test_a_paragraph_of_lines_broken_by_hand_is_titled_by_its_title_line(tmp_path: Path) -> None:
    """Title, authors and venue on lines broken by two trailing spaces, a "[PDF]" link last: titled "WIDG 2021"
    (the line right above the link) before."""
    papers = _load(tmp_path, "README.md", BROKEN_LINES)
    assert [p.title for p in papers] == ["Sparse Widget Routing at Scale", "Dense Gadget Maps for Everyone"]
