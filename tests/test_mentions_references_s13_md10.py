"""References written out in markdown lists and paragraphs, read as papers split into title, authors, year and
venue whatever the citation style (issue 12; our own files, made-up references). Before: the numbered reference
paragraphs and the publication list of author / bold title / venue lines were refused, and the other lines were
kept whole as titles ("Quill & Renn - Title (from blog)", "Quill, Ada. Title. Press, 2002.")."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

NUMBERED_PARAGRAPHS = """# Publicaciones

## 2023

**[3]** Quill, A., Renn, B. and Lune, C., 2023. Sparse Widget Routing in Gadget Networks. International Conference on Widgets.

**[2]** B. Renn, Quill, A., Moss, D., Does the Widget Matter? Gadget Predictions with Co-attention.

## 2021

[1] Lune, C., Quill, A., 2021, December. Widget Fairness: Improving Gadget Lending. In 2021 Widget Symposium (pp. 12-20). IEEE.
"""

PUBLICATION_LIST = """Publications (in order of time):

1. 李明, 王芳,
   **稀疏小部件路由的研究**
   小部件学报, 17, 185, 1996.
2. Ada Quill, Bo Renn,
   *Widget Maps of the Gadget Sky*
   Widget Journal, 3, 12, 1999.
"""

DASHED = """Approved for the literature review:
1.\tQuill & Renn - An Efficient Widget Selection Tool for Gadget Servers (from blog)
2.\tQuill, Renn & Lune - Automated Selection of Widgets and Gadgets (from blog)
3.\tMoss et al. - Self-Driving Widget Stores (microsoft academic)
4.\tStone et al. – Tuning Widgets in Stochastic Gadgets (google it)
"""

MLA = """## Works cited

- Quill, Ada. Train to Widgetland. 1956. Reprint, Gadget Books, 2002.
- Renn, Bo and Cai Lune. Borders and Widgets: Gadgets in Partition. New Delhi, 2011.
- Moss, D. K. and E. F. Stone. The Widget in English Novels. Gadget Press: Springfield, 1984.
- Ray, F.G. "Widgets: The Man and the Gadget." Widget Studies. Ed. F.G. Ray. Springfield: Gadget Books, 2001.
"""

LINKED = """## Literature

- **[Quill et al. (2019) Deep Widget Descent: Where Bigger Gadgets Hurt](https://arxiv.org/abs/1912.00001)**; link to [PDF](https://arxiv.org/pdf/1912.00001)
- We read **[Ten Simple Rules for Structuring Widgets (Widget Comp Biol, 2017)](https://doi.org/10.1234/journal.wcb.1005619)**.
"""


def _load(tmp_path: Path, name: str, text: str) -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(path)


def _year(p: paperlab.Paper) -> int | None:
    return p.published.year if p.published else None


def test_numbered_reference_paragraphs(tmp_path: Path) -> None:
    papers = _load(tmp_path, "references.md", NUMBERED_PARAGRAPHS)
    assert [(p.title, p.authors, _year(p)) for p in papers] == [
        ("Sparse Widget Routing in Gadget Networks", ["A. Quill", "B. Renn", "C. Lune"], 2023),
        ("Does the Widget Matter? Gadget Predictions with Co-attention", ["B. Renn", "A. Quill", "D. Moss"], 2023),
        ("Widget Fairness: Improving Gadget Lending", ["C. Lune", "A. Quill"], 2021),
    ]
    assert papers[0].journal_ref == "International Conference on Widgets"


def test_publication_list_of_author_title_and_venue_lines(tmp_path: Path) -> None:
    papers = _load(tmp_path, "publications.md", PUBLICATION_LIST)
    assert [(p.title, p.authors, _year(p)) for p in papers] == [
        ("稀疏小部件路由的研究", ["李明", "王芳"], 1996),
        ("Widget Maps of the Gadget Sky", ["Ada Quill", "Bo Renn"], 1999),
    ]
    assert papers[1].journal_ref == "Widget Journal, 3, 12"


def test_authors_dash_title_lines(tmp_path: Path) -> None:
    papers = _load(tmp_path, "papers.md", DASHED)
    assert [(p.title, p.authors, bool(p.extra.get("more_authors"))) for p in papers] == [
        ("An Efficient Widget Selection Tool for Gadget Servers", ["Quill", "Renn"], False),
        ("Automated Selection of Widgets and Gadgets", ["Quill", "Renn", "Lune"], False),
        ("Self-Driving Widget Stores", ["Moss"], True),
        ("Tuning Widgets in Stochastic Gadgets", ["Stone"], True),
    ]


def test_mla_bibliography(tmp_path: Path) -> None:
    papers = _load(tmp_path, "bibliography.md", MLA)
    assert [(p.title, p.authors, _year(p)) for p in papers] == [
        ("Train to Widgetland", ["Ada Quill"], 1956),
        ("Borders and Widgets: Gadgets in Partition", ["Bo Renn", "Cai Lune"], 2011),
        ("The Widget in English Novels", ["D. K. Moss", "E. F. Stone"], 1984),
        ("Widgets: The Man and the Gadget", ["F.G. Ray"], 2001),
    ]


def test_a_link_text_that_is_a_reference(tmp_path: Path) -> None:
    papers = _load(tmp_path, "notes.md", LINKED)
    assert [(p.title, p.authors, _year(p), p.journal_ref) for p in papers] == [
        ("Deep Widget Descent: Where Bigger Gadgets Hurt", ["Quill"], 2019, None),
        ("Ten Simple Rules for Structuring Widgets", [], 2017, "Widget Comp Biol"),
    ]


def test_titles_that_only_look_like_references_stay_whole() -> None:
    from paperlab.sources._md_references import reference_parts

    assert reference_parts("Widgets - A Survey of Gadgets") is None  # one word before the dash
    assert reference_parts("Paris, France. A New Widget City") is None  # no year: no MLA reference
    assert reference_parts("Attention Is All You Need") is None


QUOTED_MLA = """### Journal Articles

1. Quill. "Widgets against the Mainstream." *widgets_against_mainstream.pdf*.
2. Renn, Bo. "Working Widget Bibliography." *91-bo-renn.pdf*.
3. Lune, Dr. Cai. "Analysis of Widgets, a Gadget Adaptation." *IJWG2201026.pdf*.
"""

FIELD_NOTE = """Title: Software Widget Architecting
Author: Ada B. Quill and Bo Renn


Quill talks about the right approach to architecting widgets.

- widgets first
- gadgets later
"""

GERMAN_FIELD_NOTE = """Titel: Verteilte Widget-Routen in großen Netzen
Autor: Cai Lune

Notizen zum Lesekreis.
"""


def test_mla_entries_with_quoted_titles_and_no_year(tmp_path: Path) -> None:
    papers = _load(tmp_path, "bibliography.md", QUOTED_MLA)
    assert [(p.title, p.authors) for p in papers] == [
        ("Widgets against the Mainstream", ["Quill"]),
        ("Working Widget Bibliography", ["Bo Renn"]),
        ("Analysis of Widgets, a Gadget Adaptation", ["Dr. Cai Lune"]),
    ]


def test_notes_opened_by_title_and_author_fields(tmp_path: Path) -> None:
    papers = _load(tmp_path, "paper_notes.md", FIELD_NOTE)
    assert [(p.title, p.authors) for p in papers] == [("Software Widget Architecting", ["Ada B. Quill", "Bo Renn"])]
    path = tmp_path / "notizen.md"
    path.write_text(GERMAN_FIELD_NOTE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = paperlab.Session.from_file(path)
    assert [(e.paper.title, e.paper.authors) for e in session.entries] == [
        ("Verteilte Widget-Routen in großen Netzen", ["Cai Lune"])
    ]


TITLE_FIRST = """# Awesome widget papers

- Sparse Widget Routing at Scale. Ada Quill, Bo Renn. WIDG 2021.
- Dense Gadget Maps for Everyone. Cai Lune and Dan Moss. GADG 2020.
- Learning Widgets from Gadgets. Eve Stone et al. ICLR 2019.
"""

IEEE = """## Papers

1. "Sparse Widget Routing at Scale," A. Quill and B. Renn, in Proc. WIDG, 2021.
2. "Dense Gadget Maps for Everyone," C. Lune, D. Moss, and E. Stone, IEEE Trans. Widgets, vol. 3, pp. 1-9, 2020.
3. "Learning Widgets from Gadgets," F. Ray, in Proc. ICLR, 2019.
"""


def test_title_first_references(tmp_path: Path) -> None:
    papers = _load(tmp_path, "README.md", TITLE_FIRST)
    assert [(p.title, p.authors, _year(p)) for p in papers] == [
        ("Sparse Widget Routing at Scale", ["Ada Quill", "Bo Renn"], 2021),
        ("Dense Gadget Maps for Everyone", ["Cai Lune", "Dan Moss"], 2020),
        ("Learning Widgets from Gadgets", ["Eve Stone"], 2019),
    ]
    assert papers[2].extra.get("more_authors")


def test_ieee_references(tmp_path: Path) -> None:
    papers = _load(tmp_path, "papers.md", IEEE)
    assert [(p.title, p.authors, _year(p)) for p in papers] == [
        ("Sparse Widget Routing at Scale", ["A. Quill", "B. Renn"], 2021),
        ("Dense Gadget Maps for Everyone", ["C. Lune", "D. Moss", "E. Stone"], 2020),
        ("Learning Widgets from Gadgets", ["F. Ray"], 2019),
    ]


def test_an_abbreviation_after_the_title_is_no_author() -> None:
    from paperlab.sources._md_references import reference_parts

    assert reference_parts("Widget torsions on contact spheres, Internat. J. Widg. 31 (2020), no. 13.") is None
    assert reference_parts("Attention Is All You Need. Google Brain. NeurIPS 2017.") is None


ACM = """# Papers we liked

* Quill, A. and Renn, B. 2021. Sparse widget routing at scale. In Proceedings of WIDG, 1–9.
* Lune, C. 2020. Dense gadget maps for everyone. Gadget Journal 3, 2, 11–19.
"""

BOOK_MARKS = """## 论文

1. 《稀疏小部件路由的研究》, 李明, 王芳, 小部件学报, 2019.
2. 《密集小工具地图》, 张伟, 小工具会议, 2020.
"""

LINKED_LIST = """# Reading list

- **Sparse Widget Routing at Scale** - Ada Quill, Bo Renn (WIDG 2021) [[paper](https://example.org/widg21.pdf)] [[code](https://github.com/x/y)]
- **Dense Gadget Maps for Everyone** - Cai Lune (GADG 2020) [[paper](https://example.org/gadg20.pdf)]
- [WIDG 2019] Learning Widgets from Gadgets [[pdf](https://example.org/lw.pdf)]
"""


def test_acm_references_with_the_year_after_the_authors(tmp_path: Path) -> None:
    papers = _load(tmp_path, "README.md", ACM)
    assert [(p.title, p.authors, _year(p)) for p in papers] == [
        ("Sparse widget routing at scale", ["A. Quill", "B. Renn"], 2021),
        ("Dense gadget maps for everyone", ["C. Lune"], 2020),
    ]


def test_titles_in_chinese_book_title_marks(tmp_path: Path) -> None:
    papers = _load(tmp_path, "README.md", BOOK_MARKS)
    assert [(p.title, p.authors, _year(p), p.journal_ref) for p in papers] == [
        ("稀疏小部件路由的研究", ["李明", "王芳"], 2019, "小部件学报"),
        ("密集小工具地图", ["张伟"], 2020, "小工具会议"),
    ]


def test_bold_titles_with_authors_and_a_venue_prefix(tmp_path: Path) -> None:
    papers = _load(tmp_path, "README.md", LINKED_LIST)
    assert [(p.title, p.authors, _year(p)) for p in papers] == [
        ("Sparse Widget Routing at Scale", ["Ada Quill", "Bo Renn"], 2021),
        ("Dense Gadget Maps for Everyone", ["Cai Lune"], 2020),
        ("Learning Widgets from Gadgets", [], 2019),
    ]
    assert papers[2].journal_ref == "WIDG"


NOTES_HEADING = """# Notes: Sparse Widget Routing at Scale

**Authors:** Ada Quill, Bo Renn
**Venue:** WIDG 2021
**Link:** https://arxiv.org/abs/2101.00033

## Summary
Widgets route sparsely.
"""

CHINESE_FIELDS = """# 论文笔记：稀疏小部件路由

- 标题：Sparse Widget Routing at Scale
- 作者：Ada Quill, Bo Renn

## 摘要
很好。
"""


def test_a_notes_label_is_no_part_of_the_title(tmp_path: Path) -> None:
    papers = _load(tmp_path, "notes.md", NOTES_HEADING)
    assert [(p.title, p.arxiv_id) for p in papers] == [("Sparse Widget Routing at Scale", "2101.00033")]


def test_title_and_author_fields_as_bullets_under_the_heading(tmp_path: Path) -> None:
    papers = _load(tmp_path, "notes.md", CHINESE_FIELDS)
    assert [(p.title, p.authors) for p in papers] == [("Sparse Widget Routing at Scale", ["Ada Quill", "Bo Renn"])]
