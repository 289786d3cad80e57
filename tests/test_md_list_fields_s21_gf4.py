"""Reading lists whose papers were read without their authors or with marks in their titles in a blind round
(session 20): a list of '**Title** \\[[Paper](…)\\] <br />' bullets whose authors follow on the next line ('A and B
and C (YYYY)<br />'), and a list of '### 📖 1.1. [REQUIRED] Title' headings whose authors and venue are bullets
labelled in the list's language ('Tác giả', 'Hội nghị'). The authors are read now, and the emoji, the outline number
and the rank's tag are no part of the title. Our own made-up files in the same shapes."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

BYLINE_BELOW = """# Papers about widget safety

## Papers

### Surveys and Collections

- **Widget Toolkit** \\[[Github](https://github.com/example/widget-toolkit)\\]

- **A Survey of Gadget Attacks on Widget Models** \\[[Paper](https://arxiv.org/abs/2310.01234)\\] <br />
Ada Quill and Bo Renn and Cleo Sato (2023)<br />

- **Sprocket Caches Revisited for Large Gadget Models** \\[[Paper](https://arxiv.org/abs/2312.04321)\\] <br />
Dan van Moss and Eve Okafor (2023)<br />

- **Assessing Widget Jailbreaks at Scale** \\[[Paper](https://arxiv.org/abs/2402.05555)\\] <br />
Fay Lund and Gus Hale (2024)<br />
"""

LABELLED_HEADINGS = """# 📚 Danh sách đọc — widgets

## Hướng 1: Widget routing

### 📖 1.1. [BẮT BUỘC] GEAR: Gadget-based Evidence Routing for Widgets
- **Tác giả:** Quill, Renn, Sato (Widget Lab)
- **Hội nghị:** WIDG 2019
- **Link:** https://arxiv.org/abs/1908.01234
- **Tóm tắt:** Bài báo gốc.

### 📖 1.2. [REQUIRED] Fine-grained Widget Verification with Kernel Gadgets
- **Tác giả:** Moss, Okafor
- **Hội nghị:** WIDG 2020
- **Link:** https://aclanthology.org/2020.widg-main.655/
- **Tóm tắt:** Cải tiến GEAR.
"""


def _load(tmp_path: Path, text: str) -> list[paperlab.Paper]:
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_authors_on_the_line_below_the_title(tmp_path: Path) -> None:
    papers = {p.arxiv_id: p for p in _load(tmp_path, BYLINE_BELOW)}
    assert papers["2310.01234"].authors == ["Ada Quill", "Bo Renn", "Cleo Sato"]
    assert papers["2312.04321"].authors == ["Dan van Moss", "Eve Okafor"]
    assert papers["2402.05555"].authors == ["Fay Lund", "Gus Hale"]
    assert papers["2310.01234"].title == "A Survey of Gadget Attacks on Widget Models"


def test_outline_numbers_rank_tags_and_labelled_authors_in_another_language(tmp_path: Path) -> None:
    got = [(p.title, list(p.authors), p.journal_ref) for p in _load(tmp_path, LABELLED_HEADINGS)]
    assert got == [
        ("GEAR: Gadget-based Evidence Routing for Widgets", ["Quill", "Renn", "Sato"], "WIDG 2019"),
        ("Fine-grained Widget Verification with Kernel Gadgets", ["Moss", "Okafor"], "WIDG 2020"),
    ]
