"""Session 18 (FX3): kinds of markdown lists session 17's blind round saw read wrongly, each on our own small file:

* an item's own arXiv id in brackets closing its linked title ("[Title (arXiv 2401.01234)](…)") is no part of it;
* nested bullets "* Title" / "  - By A, B, and C" / "  - 2021" / "  - [arXiv](…)": the names without "By" are its
  authors (a sub-bullet of a year alone is the paper's field, not a note);
* APA bullets "Quill, A. et al. (2021). Title. *Journal*" are titled by the title, never "et al".
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab


def _load(tmp_path: Path, text: str, name: str = "list.md") -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_an_items_own_id_in_brackets_is_no_part_of_its_title(tmp_path: Path) -> None:
    text = (
        "# Papers\n\n"
        "- **[Sparse Widget Routing at Scale (arXiv 2401.01234)](https://arxiv.org/abs/2401.01234)** (Jan 5, 2024)\n"
        "- **[Counting Gadgets Without Labels (2402.04321)](https://arxiv.org/abs/2402.04321)** — counting\n"
        "- **[Lanterns for Sprocket Networks (arXiv:2403.05555)](https://arxiv.org/abs/2403.05555)**\n"
        "- [Gadget Maps (2017 edition)](https://arxiv.org/abs/1706.01234)\n"
    )
    assert [(p.title, p.arxiv_id) for p in _load(tmp_path, text)] == [
        ("Sparse Widget Routing at Scale", "2401.01234"),
        ("Counting Gadgets Without Labels", "2402.04321"),
        ("Lanterns for Sprocket Networks", "2403.05555"),
        ("Gadget Maps (2017 edition)", "1706.01234"),
    ]


def test_nested_bullets_by_authors_and_a_year_line(tmp_path: Path) -> None:
    text = (
        "# Reading list\n\n* Sparse Widget Routing at Scale\n  - By Ada Quill, Bo Dale, and Cy Renn\n  - 2021\n"
        "  - [arXiv](https://arxiv.org/abs/2101.01234)\n* Counting Gadgets Without Labels\n  - By Di Mole and Ed Finch\n"
        "  - 2019\n  - [PDF](https://example.org/papers/gadgets.pdf)\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, p.authors) for p in papers] == [
        ("Sparse Widget Routing at Scale", ["Ada Quill", "Bo Dale", "Cy Renn"]),
        ("Counting Gadgets Without Labels", ["Di Mole", "Ed Finch"]),
    ]
    assert papers[1].published == dt.date(2019, 1, 1)


def test_apa_bullets_with_et_al_keep_their_titles(tmp_path: Path) -> None:
    text = (
        "# Bibliography\n\n- Quill, A. et al. (2021). Sparse widget routing at scale. *Journal of Widgets*, 4(2), 11-19.\n"
        "- Dale, B. et al. (2019). Counting gadgets without labels. *Gadget Letters*, 7, 1-9.\n"
        "- Renn, C., & Mole, D. (2020). Lanterns for sprocket networks. *Sprocket Review*, 2(1), 3-5.\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, p.authors[:1], p.journal_ref) for p in papers] == [
        ("Sparse widget routing at scale", ["A. Quill"], "Journal of Widgets"),
        ("Counting gadgets without labels", ["B. Dale"], "Gadget Letters"),
        ("Lanterns for sprocket networks", ["C. Renn"], "Sprocket Review"),
    ]


def test_comma_bullets_split_title_people_venue_and_year(tmp_path: Path) -> None:
    text = (
        "# Widget reading\n\n## Books\n\n"
        "* Sparse Widget Routing and Its Uses, Quill, Ada Mary, Gadget University, 2005.\n"
        "* The Theory and Practice of Gadget Counting, Bo T. Dale, Sprocket University, 2006.\n"
        "* Lanterns for Sprocket Networks, Cy Renn, Widget Press, 2018\n\n## Papers\n\n"
        "* Recent Developments in Widget Research, Journal of Gadget Studies, 2015.\n"
        "* An Overview of Gadget Models, Manufacturing & Widget Operations Management, 2003.\n"
        "* Why Widgets Need Algorithms, Gadget University, IJCAI, 2016.\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, p.authors, p.published and p.published.year, p.journal_ref) for p in papers] == [
        ("Sparse Widget Routing and Its Uses", ["Ada Mary Quill"], 2005, None),
        ("The Theory and Practice of Gadget Counting", ["Bo T. Dale"], 2006, None),
        ("Lanterns for Sprocket Networks", ["Cy Renn"], 2018, "Widget Press"),
        ("Recent Developments in Widget Research", [], 2015, "Journal of Gadget Studies"),
        ("An Overview of Gadget Models", [], 2003, "Manufacturing & Widget Operations Management"),
        ("Why Widgets Need Algorithms", [], 2016, "IJCAI"),
    ]


def test_a_title_going_on_past_a_comma_in_lower_case_is_not_cut() -> None:
    from paperlab.sources._md_references import title_venue_year

    assert title_venue_year("Widgets and gadgets in the wild, a field study of small robots, 2019.") is None
    ref = title_venue_year("Widgets and Gadgets in the Wild, Ada Quill, 2019.")
    assert ref is not None and (ref.title, ref.authors, ref.year) == (
        "Widgets and Gadgets in the Wild",
        ["Ada Quill"],
        2019,
    )


def test_numbered_references_wrapped_over_lines_are_read(tmp_path: Path) -> None:
    text = (
        "# Related work\n\n## Pinned references\n\n"
        "1. Ada Quill and Bo Dale. “In Search of an Understandable Widget Routing\n"
        "   Algorithm.” *WIDG 2014*, pp. 305–319.\n   <https://www.example.org/conference/widg14/quill>\n"
        "2. Cy Renn, Di Mole, Ed Finch,\n   and Fay Lune. “Gadget Counting: Semantic-Aware Checking for Fast\n"
        "   Discovery of Deep Sprockets.” *GADG 2016*, pp. 399–414.\n"
        "   [DBLP record](https://dblp.org/rec/conf/gadg/Renn16)\n"
        "3. widget-io/router, tag `v3.7.0`, pinned commit\n   [`b867cf13`](https://github.com/widget-io/router/tree/b867cf13).\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, p.authors, p.published and p.published.year) for p in papers] == [
        ("In Search of an Understandable Widget Routing Algorithm", ["Ada Quill", "Bo Dale"], 2014),
        (
            "Gadget Counting: Semantic-Aware Checking for Fast Discovery of Deep Sprockets",
            ["Cy Renn", "Di Mole", "Ed Finch", "Fay Lune"],
            2016,
        ),
    ]
