"""Markdown paper lists read by general signals (session 16, helper MD13; kinds found on session 15's fresh READMEs):

* reference-style links (``[Title][key]``, ``[Title][]``, ``[key]`` with ``[key]: https://…`` defined anywhere) are
  read as markdown reads them: the title without ``[…][key]``, the definition's id on its paper, and no paper of
  its own per definition;
* ``(Nature, 2021)`` after a linked title is the venue and the year, not an author;
* a citation head before the title -- ``Quill et al. (2024), [Title](…)``, ``Ada Quill, *et al*., *Title*,
  [Widget Rev. 3, 11 (2025)](…)`` -- gives the authors and year, never the title;
* a reference written out with its title in emphasis after the names (``Ada Quill. *Title.* Venue 3(1), 1999.``)
  has that title and those authors, not the other way round.

Every file is our own, written for these tests, with made-up papers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab
from paperlab.sources._md_links import resolve_reference_links


def _load(tmp_path: Path, text: str) -> list[paperlab.Paper]:
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    return list(paperlab.load(path))


REFERENCE_STYLE = """# Related work

The closest work is [Widget Routing at Scale][routing], which argues the point.

## References

- Quill et al. (2024), [Widget Routing at Scale][routing].
- Renn et al. (2025), [Sparse Gadget Maps for Small Robots][maps].
- Lune & Sato (2023), [Counting Sprockets Without Labels][].
- Moss et al. (2025/2026), [Gadget Forecasting in the Wild][Forecast].

[routing]: https://arxiv.org/abs/2401.01234
[maps]: <https://arxiv.org/abs/2502.04321> "the preprint"
[Counting Sprockets Without Labels]: https://arxiv.org/abs/2303.05555
[forecast]: https://example.org/papers/gadget-forecasting
"""


def test_reference_style_links_resolve_to_their_definitions(tmp_path: Path) -> None:
    papers = _load(tmp_path, REFERENCE_STYLE)
    got = [(p.title, p.arxiv_id, p.authors, p.published) for p in papers]
    assert got == [
        ("Widget Routing at Scale", "2401.01234", ["Quill"], dt.date(2024, 1, 1)),
        ("Sparse Gadget Maps for Small Robots", "2502.04321", ["Renn"], dt.date(2025, 2, 1)),
        ("Counting Sprockets Without Labels", "2303.05555", ["Lune", "Sato"], dt.date(2023, 3, 1)),
        ("Gadget Forecasting in the Wild", None, ["Moss"], dt.date(2025, 1, 1)),
    ]
    assert not any("][" in p.title or p.title.startswith("arXiv:") for p in papers)


def test_resolving_keeps_lines_and_unused_definitions() -> None:
    text = "See [A Widget Paper][w].\n\n[w]: https://arxiv.org/abs/2401.00001\n[unused]: https://arxiv.org/abs/2401.00002\n"
    out = resolve_reference_links(text)
    assert out.split("\n") == [
        "See [A Widget Paper](https://arxiv.org/abs/2401.00001).",
        "",
        "",
        "[unused]: https://arxiv.org/abs/2401.00002",
        "",
    ]
    assert resolve_reference_links("a [bracket] and [x](y) with no definition") == (
        "a [bracket] and [x](y) with no definition"
    )


VENUE_AFTER_TITLE = """# Tools

<details><summary>WidgetFold</summary>

- **Paper:** [Highly accurate widget folding](https://www.nature.com/articles/s41586-021-00001-x) (Nature, 2021)
- **Code:** https://github.com/example/widgetfold

</details>

<details><summary>GadgetFold</summary>

- **Paper:**
  - [Gadget folding made accessible](https://www.nature.com/articles/s41592-022-00002-y) (Nature Methods, 2022)
  - [Fast gadget folding for all](https://www.biorxiv.org/content/10.1101/2022.01.01.123456v1) (bioRxiv, 2022)

</details>
"""


def test_a_journal_in_brackets_is_the_venue_not_an_author(tmp_path: Path) -> None:
    papers = _load(tmp_path, VENUE_AFTER_TITLE)
    assert [(p.title, p.authors, p.published, p.journal_ref) for p in papers] == [
        ("Highly accurate widget folding", [], dt.date(2021, 1, 1), "Nature"),
        ("Gadget folding made accessible", [], dt.date(2022, 1, 1), "Nature Methods"),
        ("Fast gadget folding for all", [], dt.date(2022, 1, 1), "bioRxiv"),
    ]


NUMBERED_ET_AL = """# Published papers using WidgetSolver

1. Ada-Marie Quill, *et al*., *Low-energy widget states in gadget phases*, [Widget Rev. B, **11**, 155107 (2025)](https://journals.example.org/wrb/abstract/10.1234/WidgetRevB.11.155107).

2. Bo Renn, *et al*., *Sprocket dynamics with natural orbitals: Formalism*, [Gadget Mater 4, 86 (2024)](https://www.example.org/articles/s41524-024-00001-1).

3. Cai Lune, *et al*., *Widget correlations at zero temperature*, [Widget Rev. B, **12**(3), 125111](https://journals.example.org/wrb/abstract/10.1234/WidgetRevB.12.125111).
"""


def test_numbered_et_al_items_give_authors_title_and_year(tmp_path: Path) -> None:
    papers = _load(tmp_path, NUMBERED_ET_AL)
    assert [(p.title, p.authors, p.published) for p in papers] == [
        ("Low-energy widget states in gadget phases", ["Ada-Marie Quill"], dt.date(2025, 1, 1)),
        ("Sprocket dynamics with natural orbitals: Formalism", ["Bo Renn"], dt.date(2024, 1, 1)),
        ("Widget correlations at zero temperature", ["Cai Lune"], None),  # no year in the item
    ]
    assert all(p.extra.get("more_authors") for p in papers)
    assert papers[0].doi == "10.1234/WidgetRevB.11.155107"


ITALIC_REFERENCES = """# Related work

Quill's *A Widget Maintenance System* (1979) started the line.

## References

- Ada Quill. *A Widget Maintenance System.* Gadget Intelligence 12(3), 1979.
- Bo Renn and Cai Lune. *Building Sprocket Solvers.* Widget Press, 1993.
- Dee Moss, Eli Stone, Fay Ray. *Gadgets à la Carte.* WIDG 2018.
- Gil Hart, Ivo Lind, Jo Park. *On the Logic of Widget Change: Partial Meet
  Contraction and Revision Functions.* Journal of Widget Logic 50(2), 1985.
"""


def test_an_emphasised_title_after_the_names_is_the_title(tmp_path: Path) -> None:
    papers = _load(tmp_path, ITALIC_REFERENCES)
    got = {(p.title, tuple(p.authors), p.published.year if p.published else None) for p in papers}
    assert got >= {
        ("A Widget Maintenance System", ("Ada Quill",), 1979),
        ("Building Sprocket Solvers", ("Bo Renn", "Cai Lune"), 1993),
        ("Gadgets à la Carte", ("Dee Moss", "Eli Stone", "Fay Ray"), 2018),
        (  # wrapped onto the item's next line, no id
            "On the Logic of Widget Change: Partial Meet Contraction and Revision Functions",
            ("Gil Hart", "Ivo Lind", "Jo Park"),
            1985,
        ),
    }
    assert not any(p.title in {"Ada Quill", "Bo Renn and Cai Lune"} for p in papers)


def test_a_journal_after_a_paper_list_link_is_no_author(tmp_path: Path) -> None:
    text = (
        "# Reading list\n\n"
        "1. [Widget folding at scale](https://arxiv.org/abs/2101.01234) (Nature, 2021)\n"
        "2. [Gadget maps for all](https://www.nature.com/articles/s41592-022-00003-z) (Nature Methods, 2022)\n"
        "3. [Sprocket counting](https://arxiv.org/abs/2203.04567) (Moss, 2022)\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, p.authors, p.published) for p in papers] == [
        ("Widget folding at scale", [], dt.date(2021, 1, 1)),
        ("Gadget maps for all", [], dt.date(2022, 1, 1)),
        ("Sprocket counting", ["Moss"], dt.date(2022, 3, 1)),
    ]


CITATION_BLOCKS = """# LITERATURE.md — citations for the widget model

## A. Priors

### A1. Quill 1998 — the original widget paper

**Citation:** A. B. Quill, *"The weight of random widgets,"*
Widget Rev. D **57**, 5499–5508 (2015). arXiv:1512.03333.

**How we use it.** The prior of the widget model.

### A2. Quill–Renn 2010 — a log-uniform prior

**Reference:** A. B. Quill, C. Renn, *"Likely values of the gadget
expectation value,"* Widget Rev. D **81**, 073003 (2016). arXiv:1603.01024.

## B. Alternatives

**Citations:**
- D. Moss, E. Stone, *"Statistical understanding of
  sprockets in Gaussian landscapes,"* Widget Rev. D **76**,
  093001 (2017). arXiv:1707.03446.
- D. Moss, E. Stone, *"Sprocket masses from
  Gaussian landscapes,"* Widget Rev. Lett. **100**, 141801 (2017).
  arXiv:1710.04262.
"""


def test_citation_blocks_give_their_titles_not_the_headings(tmp_path: Path) -> None:
    papers = _load(tmp_path, CITATION_BLOCKS)
    assert [(p.title, p.authors, p.arxiv_id) for p in papers] == [
        ("The weight of random widgets", ["A. B. Quill"], "1512.03333"),
        ("Likely values of the gadget expectation value", ["A. B. Quill", "C. Renn"], "1603.01024"),
        ("Statistical understanding of sprockets in Gaussian landscapes", ["D. Moss", "E. Stone"], "1707.03446"),
        ("Sprocket masses from Gaussian landscapes", ["D. Moss", "E. Stone"], "1710.04262"),
    ]
    assert papers[1].journal_ref == "Widget Rev. D 81, 073003"  # no label, no id in the venue


BOOK_PLAN = """# 小部件研发书单

## 路线图

### 第一阶段
1. 《Widget Virology: Small Gadgets》- 基础
2. 《Introduction to Sprocket Chemistry》- 入门
3. 《小部件设计原理》

### 第二阶段
1. 《Deep Widgets for the Life Sciences》- AI设计

## 详细书单

#### 《Widget Virology: Small Gadgets》
- **重点内容**：结构与机制

#### 《Gadget Immunobiology Explained》
- **重点内容**：基础
"""


def test_books_in_book_title_marks_are_read_without_their_notes(tmp_path: Path) -> None:
    papers = _load(tmp_path, BOOK_PLAN)
    assert [p.title for p in papers] == [
        "Widget Virology: Small Gadgets",
        "Introduction to Sprocket Chemistry",
        "小部件设计原理",
        "Deep Widgets for the Life Sciences",
        "Gadget Immunobiology Explained",  # under a heading; the first book named again is the same book
    ]


def test_an_old_style_arxiv_id_labelled_in_a_citation_is_its_id(tmp_path: Path) -> None:
    text = (
        "# Literature\n\n### A1. Quill 1998 — the first widget paper\n\n"
        '**Citation:** A. B. Quill, *"The weight of random widgets,"*\n'
        "Widget Rev. D **57**, 5499 (1998). arXiv:**hep-ph/9712333**.\n\n"
        "### A2. Renn 2001\n\n"
        "C. Renn, *Sprockets on the lattice*, Widget Phys. **4**, 11 (2001). arXiv: math.GT/0109136.\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("The weight of random widgets", "hep-ph/9712333"),
        ("Sprockets on the lattice", "math.GT/0109136"),
    ]


def test_a_table_cell_of_names_then_a_linked_title(tmp_path: Path) -> None:
    text = (
        "# Related work\n\n| Reference | Connection to this repository |\n|---|---|\n"
        "| Quill, Renn, Sato and Moss, [Deep Widgets](https://arxiv.org/abs/1802.03042v1) | Learning widget strategies"
        " under gadget costs and a terminal risk objective, our default benchmark. |\n"
        "| Lune, [Is Widget Routing Learning?](https://arxiv.org/abs/2607.13353) | Discusses routing as learning. |\n"
        "| Stone et al., [Gadget Band Network](https://arxiv.org/abs/2103.01775v1) | The learned band policy. |\n"
    )
    papers = _load(tmp_path, text)
    assert [(p.title, p.authors) for p in papers] == [
        ("Deep Widgets", ["Quill", "Renn", "Sato", "Moss"]),  # a short title, not the connection's sentence
        ("Is Widget Routing Learning?", ["Lune"]),
        ("Gadget Band Network", ["Stone"]),
    ]


ANNOTATED = """# Annotated bibliography

## The object

**Quill et al. 2026 — "Widget Concepts and their Function in a Large Gadget."**
Widget Lab. arXiv:2604.07729; also on the lab's pages.

The paper this project extends, and what it licenses here.

## Theory

**Renn & Sato 2014.** *Journal of Widget Science* — decision affect theory. doi:10.1234/jws.2014.77
"""


def test_a_reference_wholly_in_bold_and_a_journal_in_italics(tmp_path: Path) -> None:
    papers = _load(tmp_path, ANNOTATED)
    first = papers[0]
    assert (first.title, first.authors, first.arxiv_id) == (
        "Widget Concepts and their Function in a Large Gadget",  # not the section heading above it
        ["Quill"],
        "2604.07729",
    )
    assert all(p.title != "Journal of Widget Science" for p in papers)  # the italic after the names is the journal


NICKNAMED = """# The final five

1. **WidgetNet** — "Widget Classification with Deep Gadget Networks" (Quill, Renn & Sato, 2012) — [paper](https://papers.example.org/paper/4824-widget-classification.pdf)
   The origin story.
2. **GadgetRes** — "Deep Residual Learning for Gadgets" (Moss et al., 2015) — [arXiv:1512.03385](https://arxiv.org/abs/1512.03385)
   Residual connections.
"""


def test_a_nickname_before_a_dash_is_no_author(tmp_path: Path) -> None:
    papers = {p.title: p for p in _load(tmp_path, NICKNAMED)}
    gadget = papers["Deep Residual Learning for Gadgets"]
    assert gadget.authors == ["Moss"] and gadget.arxiv_id == "1512.03385"
    assert gadget.journal_ref is None  # the citation is no venue
    assert not any(a.endswith("—") for p in papers.values() for a in p.authors)
    assert papers["Widget Classification with Deep Gadget Networks"].authors == ["Quill", "Renn", "Sato"]
