"""Markdown paper lists that SW6's READMEs showed read wrong, fixed as kinds and checked on our own small files that
vary each layout (issue 12; made-up papers and addresses): task-list checkboxes, a citation marker after a title
("(Quill et al., 2017)", "(Quill & Renn, 2016)", "(GPT-2, Quill et al., 2019)", "(2018)"), the authors before an
emphasised title ("Quill & Renn — *Title*"), a lone bullet citing its paper, note sub-bullets beside a paper's one
address."""

from __future__ import annotations

import datetime as dt
import time
import warnings
from pathlib import Path

import pytest

import paperlab


def _load(tmp_path: Path, text: str, name: str = "README.md") -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


CHECKBOXES = """# Papers to read

## Widgets

- [ ] Sparse Widget Routing Explained (Quill & Renn, 2016)
  - https://eprint.widgets.example/2016/086.pdf
  - The reference for understanding widget routing

- [x] Gadget Maps: Extracting the Keys to the Sprocket Kingdom (2018)
  - https://gadgetmaps.example/
  - A cache attack on sprockets

- [X] [Teacup: A Secure Payment Network for Widgets](https://arxiv.org/abs/1707.01234)
- [ ] Ekiden Widgets: A Platform for Confidential Gadget Execution (2019)
  - https://arxiv.org/abs/1804.01234
  - Widget contracts in enclaves
"""


def test_checkbox_items_read_without_their_box_and_with_their_address_below(tmp_path: Path) -> None:
    papers = {p.title: p for p in _load(tmp_path, CHECKBOXES)}
    assert set(papers) == {
        "Sparse Widget Routing Explained",
        "Gadget Maps: Extracting the Keys to the Sprocket Kingdom",
        "Teacup: A Secure Payment Network for Widgets",
        "Ekiden Widgets: A Platform for Confidential Gadget Execution",
    }
    assert papers["Sparse Widget Routing Explained"].authors == ["Quill", "Renn"]
    assert papers["Sparse Widget Routing Explained"].published.year == 2016
    assert papers["Teacup: A Secure Payment Network for Widgets"].arxiv_id == "1707.01234"
    ekiden = papers["Ekiden Widgets: A Platform for Confidential Gadget Execution"]
    assert ekiden.arxiv_id == "1804.01234" and ekiden.published.month == 4  # the id's month, not the bare year
    assert not any("[" in t for t in papers)


QUOTED_PLAN = """# 阅读清单

**第1周：Transformer基础**:

- [ ] "Sparse Widgets Are All You Need" (Quill et al., 2017)
  - 动机：解决并行化问题
  - 核心：自注意力机制

**第2周：预训练**:

- [ ] "Gadget-2: Language Widgets are Unsupervised Learners" (GW-2, Renn et al., 2019)
  - 实现：简化版训练脚本
"""


def test_lone_checkbox_items_with_a_citation_marker_are_papers_with_authors_and_year(tmp_path: Path) -> None:
    papers = {p.title: p for p in _load(tmp_path, QUOTED_PLAN)}
    assert set(papers) == {"Sparse Widgets Are All You Need", "Gadget-2: Language Widgets are Unsupervised Learners"}
    first = papers["Sparse Widgets Are All You Need"]
    assert first.authors == ["Quill"] and first.published.year == 2017 and not first.journal_ref
    assert papers["Gadget-2: Language Widgets are Unsupervised Learners"].authors == ["Renn"]


PRIORITY_TABLE = """## 阶段一

| 优先级 | 论文 | 链接 | 关键贡献 |
|--------|------|------|----------|
| 🔴 | Sparse Widgets Are All You Need (Quill et al., 2017) | [arXiv:1706.01234](https://arxiv.org/abs/1706.01234) | 架构 |
| 🟡 | Gadget Variants (Renn, 2020) | [arXiv:2002.01234](https://arxiv.org/abs/2002.01234) | 激活函数 |
| 🔵 | Widget-LM (Sato et al., 2019) | [arXiv:1909.01234](https://arxiv.org/abs/1909.01234) | 并行 |
"""


def test_a_table_titles_citation_marker_gives_the_authors_not_the_title(tmp_path: Path) -> None:
    papers = {p.arxiv_id: p for p in _load(tmp_path, PRIORITY_TABLE)}
    assert [papers[i].title for i in ("1706.01234", "2002.01234", "1909.01234")] == [
        "Sparse Widgets Are All You Need",
        "Gadget Variants",
        "Widget-LM",
    ]
    assert papers["2002.01234"].authors == ["Renn"]
    assert papers["1706.01234"].published.month == 6  # the id's month stands


AUTHOR_DASH = """## Foundational Reading

| Paper                                                | Year | Why It Matters |
| ---------------------------------------------------- | ---- | -------------- |
| Quill & Mac Renn — *General Theory of Widget Equivalences* | 1945 | Birth of widgets. |
| Sato — *Widgets for the Working Gadgeteer* (Chap. 1 PDF) | 1971 | Canonical reference. |
| Lind, Moss and Dale - _Notions of Sprocket Computation_ | 1991 | Monads. |
"""


def test_authors_dash_emphasised_title_cells_give_title_and_authors(tmp_path: Path) -> None:
    papers = {p.title: p for p in _load(tmp_path, AUTHOR_DASH)}
    assert set(papers) == {
        "General Theory of Widget Equivalences",
        "Widgets for the Working Gadgeteer",
        "Notions of Sprocket Computation",
    }
    assert papers["General Theory of Widget Equivalences"].authors == ["Quill", "Mac Renn"]
    assert papers["Notions of Sprocket Computation"].authors == ["Lind", "Moss", "Dale"]
    assert papers["Widgets for the Working Gadgeteer"].published.year == 1971


def test_a_lone_bullet_citing_its_venue_and_year_is_a_paper(tmp_path: Path) -> None:
    papers = _load(tmp_path, "## Query execution\n+ GWP A GPU-based pipelined widget processing engine(SIGWID 2016)")
    assert [(p.title, p.published.year) for p in papers] == [
        ("GWP A GPU-based pipelined widget processing engine", 2016)
    ]


@pytest.mark.parametrize(
    ("text", "title", "authors", "year"),
    [
        ("Sparse Widgets (Quill et al., 2017)", "Sparse Widgets", ["Quill"], 2017),
        ("Widget Routing Explained (Quill & Renn, 2016).", "Widget Routing Explained", ["Quill", "Renn"], 2016),
        ("Widget Routing (Quill and van Renn 2016)", "Widget Routing", ["Quill", "van Renn"], None),
        ("Decoupled Widget Decay (GW-2, Quill, 2019)", "Decoupled Widget Decay", ["Quill"], 2019),
        ("Gadget Maps: the Keys (2018)", "Gadget Maps: the Keys", [], 2018),
    ],
)
def test_title_parts(text: str, title: str, authors: list[str], year: int | None) -> None:
    from paperlab.sources._md_title_parts import title_parts

    parts = title_parts(text)
    assert parts is not None and parts.title == title and parts.authors == authors
    assert year is None or parts.year == year


@pytest.mark.parametrize(
    "text",
    ["A Survey of Widgets (Part I)", "Widgets (WIDG 2019)", "Widget Routing at Scale", "Widgets (see Quill, p. 3)"],
)
def test_title_parts_leave_other_parentheses(text: str) -> None:
    from paperlab.sources._md_title_parts import title_parts

    assert title_parts(text) is None


PUBLISH_DATE = """# Widget Research Papers
### Automatically Updated on 2026.01.30

## Talking Widgets

|Publish Date|Title|Authors|PDF|Code|
|---|---|---|---|---|
|**2026-01-29**|**Sparse Widget Dubbing via Joint Gadget Diffusion**|Ada Quill et.al.|[2601.01234](http://arxiv.org/abs/2601.01234)|null|
|2025-12-30|Gadget Maps for Talking Widgets|Bo Renn et.al.|[2512.01234](http://arxiv.org/abs/2512.01234)|null|

## Updated Widgets

|Updated|Title|Authors|PDF|Code|
|---|---|---|---|---|
|2026-01-28|Widget Routing Revisited|Cy Sato et.al.|[2510.01234](http://arxiv.org/abs/2510.01234)|null|
"""


def test_a_publish_date_column_gives_the_day_published(tmp_path: Path) -> None:
    papers = {p.arxiv_id: p for p in _load(tmp_path, PUBLISH_DATE)}
    assert papers["2601.01234"].published == dt.date(2026, 1, 29)
    assert papers["2512.01234"].published == dt.date(2025, 12, 30)
    assert papers["2601.01234"].extra.get("date_precision") is None
    # a day months after the id's month is a later update: the id's month stands for the first publication
    assert papers["2510.01234"].updated == dt.date(2026, 1, 28)
    assert papers["2510.01234"].published == dt.date(2025, 10, 1)


BOLD_REFERENCES = """# References from Quill et al. (2024) - The Widget Economy

- **Quill A, Renn PJ (2006)** Valuing widgets by the time spent using them: An application to gadgets. *American Widget Review* 96(2):108–113.
  - *First used the time value of widgets.*

- **Sato E, Moss A, Dale F (2019)** Using massive online widget experiments to measure well-being. *Proceedings of the Widget Academy* 116(15):7250–7255.
  - *Estimate the value of free widgets.*

- **Lind DM, Ode JG (2016)** Does the Widget State have a productivity slowdown or a measurement problem? *Gadget Papers on Economic Activity*, 109–157.
"""


def test_bold_vancouver_references_give_title_authors_year_and_venue(tmp_path: Path) -> None:
    papers = _load(tmp_path, BOLD_REFERENCES)
    assert [(p.title, p.authors, p.published.year, p.journal_ref) for p in papers] == [
        (
            "Valuing widgets by the time spent using them: An application to gadgets",
            ["A. Quill", "P. J. Renn"],
            2006,
            "American Widget Review",
        ),
        (
            "Using massive online widget experiments to measure well-being",
            ["E. Sato", "A. Moss", "F. Dale"],
            2019,
            "Proceedings of the Widget Academy",
        ),
        (
            "Does the Widget State have a productivity slowdown or a measurement problem?",
            ["D. M. Lind", "J. G. Ode"],
            2016,
            "Gadget Papers on Economic Activity",
        ),
    ]


MIXED_BIBLIOGRAPHY = """# Bibliography

1.  Quill T, Renn D, Sato L, et al. (2023) Widget learning for prediction of gadget outcomes in sprocket patients. PLoS Widgets 18(1): e0280606. <https://doi.org/10.1371/journal.pwid.0280606>
2.  Moss, H. (2025). Early Prediction of Widget Failure Using First-Day Data: A Review. ArXiv, abs/2505.01234. <https://arxiv.org/abs/2505.01234>
3.  Lind, E., Ma, J., Dale, G. S., & Van Sato, B. (2019). A systematic review shows no benefit of widgets over gadgets for sprocket prediction models. *Journal of widget epidemiology*, *110*, 12-22. [https://www.widgets.example/article/S0895(18)31081-3/fulltext](https://www.widgets.example/article/S0895(18)31081-3/fulltext)
4.  Ode, R. D., Snell, K. I., Harrell Jr, F. E., & Dale, G. S. (2019). Minimum sample size for developing a widget model: PART II binary outcomes. *Statistics in widgets*, *38*(7), 1276-1296. <https://onlinelibrary.wiley.com/doi/full/10.1002/wid.7992>
5.  Ada J. Renn. "Widget Technology and the Illusion of Progress." Widget Sci. 21 (1) 1 - 14, February 2006. <https://doi.org/10.1214/088342306000000060>The next sentence is not part of it.
6.  Metz, P.G.H., Moreno, R.P., Alma, E. et al. WIDG 3—From evaluation of the widget to evaluation of the gadget unit. Intensive Widget Med 31, 1336–1344 (2005). <https://doi.org/10.1007/s00134-005-2762-6>
"""


def test_a_bibliography_of_mixed_styles_gives_each_reference_its_title_and_authors(tmp_path: Path) -> None:
    papers = _load(tmp_path, MIXED_BIBLIOGRAPHY)
    by_title = {p.title: p for p in papers}
    assert "Widget learning for prediction of gadget outcomes in sprocket patients" in by_title
    assert by_title["Widget learning for prediction of gadget outcomes in sprocket patients"].authors[:1] == [
        "T. Quill"
    ]
    review = by_title["Early Prediction of Widget Failure Using First-Day Data: A Review"]
    assert review.arxiv_id == "2505.01234" and review.published == dt.date(2025, 5, 1)  # the id's month stands
    lind = by_title["A systematic review shows no benefit of widgets over gadgets for sprocket prediction models"]
    assert lind.authors[-1] == "B. Van Sato" and lind.published.year == 2019
    ode = by_title["Minimum sample size for developing a widget model: PART II binary outcomes"]
    assert ode.doi == "10.1002/wid.7992" and ode.journal_ref == "Statistics in widgets"
    assert any(p.doi == "10.1214/088342306000000060" for p in papers)  # the DOI ends where its address ends
    metz = by_title["WIDG 3—From evaluation of the widget to evaluation of the gadget unit"]
    assert metz.authors == ["P.G.H. Metz", "R.P. Moreno", "E. Alma"]
    assert not any(t.startswith(("&", "Statistics in", "Alma")) for t in by_title)


WRAPPED_CITATIONS = """# Reading Group

### Paper Collection

##### 2022

* Quill, M., Renn, M., Sato, M., Moss, T. et al, 2022. Widget Data Enabling New Horizons for Gadget
  Research. Nature Widgets, 604, p.635–642. DOI: [10.1038/s41586-022-01234-x](https://doi.org/10.1038/s41586-022-01234-x) :open-access:<br/>
  [[PDF](https://www.widgets.example/articles/s41586-022-01234-x.pdf)]

* Lind, M., Dale, F., Ode, N. and Ma, A., 2022. WIDG: Open Source Secure Widget Infrastructure and
  Processes Supporting Gadget Visiting. *Widget Science Journal*, 21(1), p.4.
  DOI: [10.5334/wsj-2022-004](https://doi.org/10.5334/wsj-2022-004) :open-access:<br/>
  [[PDF](https://widgetscience.example/articles/10.5334/wsj-2022-004/galley/1120/download/)]
"""


def test_a_citation_wrapped_over_lines_with_its_doi_and_pdf_is_one_paper(tmp_path: Path) -> None:
    papers = _load(tmp_path, WRAPPED_CITATIONS)
    assert [(p.title, p.doi, p.authors[0], p.published.year) for p in papers] == [
        ("Widget Data Enabling New Horizons for Gadget Research", "10.1038/s41586-022-01234-x", "M. Quill", 2022),
        (
            "WIDG: Open Source Secure Widget Infrastructure and Processes Supporting Gadget Visiting",
            "10.5334/wsj-2022-004",  # the DOI ends where the address's DOI ends, not at "/galley/…/download/"
            "M. Lind",
            2022,
        ),
    ]


def test_a_note_after_a_headings_id_is_no_part_of_the_title(tmp_path: Path) -> None:
    text = (
        "# Reading list\n\n## Sparse Widget Routing (arXiv 2401.01234) — verified\n\nNotes on it.\n\n"
        "## Gadget Maps for Everyone (arXiv:2402.01234) - checked twice\n\nMore notes.\n\n"
        "## Widget Sorting at Scale (2403.01234) ✅\n\nDone.\n\n"
        "## Widgets (2404.01234) and Gadgets: A Survey\n\nKept whole.\n"
    )
    assert [p.title for p in _load(tmp_path, text)] == [
        "Sparse Widget Routing",
        "Gadget Maps for Everyone",
        "Widget Sorting at Scale",
        "Widgets and Gadgets: A Survey",
    ]


def test_a_paper_lists_citation_after_the_link_gives_its_authors_and_year(tmp_path: Path) -> None:
    text = (
        "# Reading list\n\n"
        "1. [Sparse Widget Routing at Scale](https://arxiv.org/abs/2401.01234) (Quill et al., 2024)\n"
        "2. [Gadget Maps for Everyone](https://arxiv.org/abs/2402.01234) (Renn & Sato, 2024)\n"
        "3. [Widget Sorting: A Survey](https://openreview.net/forum?id=abc123) (Moss, 2023)\n"
        "4. [Gadget Hashing Revisited](https://openreview.net/forum?id=abc124) (ICWID 2022)\n"
    )
    papers = {p.title: p for p in _load(tmp_path, text)}
    assert papers["Gadget Maps for Everyone"].authors == ["Renn", "Sato"]
    assert papers["Gadget Maps for Everyone"].published == dt.date(2024, 2, 1)  # the id's month stands
    assert (papers["Widget Sorting: A Survey"].authors, papers["Widget Sorting: A Survey"].published.year) == (
        ["Moss"],
        2023,
    )
    assert papers["Gadget Hashing Revisited"].authors == []  # a venue and its year name no one


VARIANTS = """# Papers

| Year | Title | Venue |
|---|---|---|
| 2017 | Sparse Widgets Are All You Need (Quill et al.) | WIDG |
| 2019 | *Gadget Maps for Everyone* — Renn & Sato | ICWID |
| 2020 | A Survey of Widgets (Part I) | WIDG |
"""


def test_set_off_titles_and_year_less_markers_in_a_table(tmp_path: Path) -> None:
    papers = {p.title: p for p in _load(tmp_path, VARIANTS)}
    assert set(papers) == {
        "Sparse Widgets Are All You Need",
        "Gadget Maps for Everyone",
        "A Survey of Widgets (Part I)",
    }
    assert papers["Sparse Widgets Are All You Need"].authors == ["Quill"]
    assert papers["Gadget Maps for Everyone"].authors == ["Renn", "Sato"]
    assert papers["A Survey of Widgets (Part I)"].authors == []


def test_a_chinese_checkbox_item_with_book_marks_and_deng(tmp_path: Path) -> None:
    text = "## 论文列表\n\n- [ ] 《稀疏部件就是你所需要的一切》（Quill 等, 2017）\n- [x] Gadget Maps for Everyone（Renn et al., 2019）\n"
    papers = {p.title: p for p in _load(tmp_path, text)}
    assert papers["稀疏部件就是你所需要的一切"].authors == ["Quill"]
    assert papers["稀疏部件就是你所需要的一切"].published.year == 2017
    assert papers["Gadget Maps for Everyone"].authors == ["Renn"]


def test_a_citation_after_a_linked_title_in_an_html_list_gives_its_authors(tmp_path: Path) -> None:
    text = (
        "## Reading list\n\n<ul>\n"
        '<li><a href="https://arxiv.org/abs/2401.01234">Sparse Widget Routing at Scale</a> (Quill et al., 2024)</li>\n'
        '<li><a href="https://arxiv.org/abs/2402.01234">Gadget Maps for Everyone</a> (Renn &amp; Sato, 2024)</li>\n'
        "</ul>\n"
    )
    papers = {p.title: p for p in _load(tmp_path, text)}
    assert papers["Sparse Widget Routing at Scale"].authors == ["Quill"]
    assert papers["Sparse Widget Routing at Scale"].published == dt.date(2024, 1, 1)  # the id's month
    assert papers["Gadget Maps for Everyone"].authors == ["Renn", "Sato"]


def test_a_venue_tag_or_year_before_a_title_gives_venue_and_year_not_title_words(tmp_path: Path) -> None:
    text = (
        "# Awesome Widget Papers\n\n"
        "- [CVPR 2023] Sparse Widget Routing at Scale [[Paper]](https://arxiv.org/abs/2301.01234)\n"
        "- (NeurIPS 2022) Widget Sorting: A Survey, Moss et al. [arXiv](https://arxiv.org/abs/2203.01234)\n"
        "- 2020 - Gadget Pruning for Small Widgets - [link](https://arxiv.org/abs/2005.01234)\n"
        "- WidgetCup Rescue 2025 Team Description Paper [link](https://arxiv.org/abs/2504.01234)\n"
    )
    papers = {p.arxiv_id: p for p in _load(tmp_path, text)}
    assert [papers[i].title for i in ("2301.01234", "2203.01234", "2005.01234", "2504.01234")] == [
        "Sparse Widget Routing at Scale",
        "Widget Sorting: A Survey",
        "Gadget Pruning for Small Widgets",
        "WidgetCup Rescue 2025 Team Description Paper",  # a year inside the title, no tag before it
    ]
    assert (papers["2203.01234"].journal_ref, papers["2203.01234"].published) == ("NeurIPS", dt.date(2022, 3, 1))


def test_a_long_list_of_names_is_read_in_linear_time(tmp_path: Path) -> None:
    # these items made the reference readers backtrack for about a minute at 7a3b8e5 (a list of names could be split
    # in exponentially many ways before the dash or year that never came); a README holding one must load at once
    text = "# Notes\n\n- " + "Ab Cd, " * 22 + "(2019) A title\n- " + "Ab Cd, " * 22 + "- A title\n"
    text += "- " + "Quill, A. " * 22 + "et al. A title\n- [Sparse Widgets](https://arxiv.org/abs/2401.01234)\n"
    started = time.process_time()
    papers = _load(tmp_path, text)
    assert time.process_time() - started < 10
    assert "2401.01234" in {p.arxiv_id for p in papers}
