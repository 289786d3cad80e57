"""Reading notes whose papers are paragraphs opening with a citation and an emphasised title (session 17, helper
MD14; the kind of session 16's fresh round that ``load()`` refused):

* ``**Quill et al. 2023, *Title*, arxiv.org/abs/…**`` — the whole reference in bold, the address without its
  scheme — is that paper: its arXiv id, the italic title (a one-word title such as a model's name too, after a
  dated citation), the authors and the year;
* ``**Quill et al. 2021**, *Title*. Venue.`` paragraphs with no id at all are papers too, the notes after the bold
  reference no venue;
* a DOI beside such a reference titles its paper by the emphasised title, never by the names in bold.

Every file is our own, written for these tests, with made-up papers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab


def _load(tmp_path: Path, text: str) -> list[paperlab.Paper]:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return list(paperlab.load(path))


WHOLE_REFERENCE_BOLD = """# Reading notes — what the literature changes here

## A. Small models

**Quill et al. 2023, *Routing Widgets Through Sparse Gadgets*,
arxiv.org/abs/2305.16264.** Repeating data costs little up to a point.
*Here:* our runs are far past this.

**Renn & Sato 2022, *Gizmo*, arxiv.org/abs/2203.15556.** A compute-optimal recipe.
*Here:* the model is too large for its data.

**Lune 2023, *Tiny Sprocket Stories*, www.arxiv.org/abs/2305.07759.** Models under 10M parameters write prose.
*Here:* one author is a narrow distribution.
"""


def test_bold_references_with_scheme_less_arxiv_addresses_are_papers(tmp_path: Path) -> None:
    papers = _load(tmp_path, WHOLE_REFERENCE_BOLD)
    got = {p.arxiv_id: (p.title, list(p.authors), p.published) for p in papers}
    assert got == {
        "2305.16264": ("Routing Widgets Through Sparse Gadgets", ["Quill"], dt.date(2023, 5, 1)),
        "2203.15556": ("Gizmo", ["Renn", "Sato"], dt.date(2022, 3, 1)),
        "2305.07759": ("Tiny Sprocket Stories", ["Lune"], dt.date(2023, 5, 1)),
    }
    assert all(not p.journal_ref for p in papers)  # the notes after the bold reference are no venue


ID_LESS = """# What we read

**Quill et al. 2021**, *Widget Routing for Sparse Mixtures*. NeurIPS.
Routing by widgets halves the cost.

**Renn & Sato 2019, "Compact Gadgets at Scale".** Gadgets compress well.

**Okafor, Lind and Braun (2020)**, _Sparse Lattices Revisited_, https://doi.org/10.1000/xyz123
A note on lattices.
"""


def test_citation_paragraphs_without_ids_are_papers(tmp_path: Path) -> None:
    papers = _load(tmp_path, ID_LESS)
    got = [(p.title, list(p.authors), p.published.year if p.published else None, p.doi) for p in papers]
    assert got == [
        ("Widget Routing for Sparse Mixtures", ["Quill"], 2021, None),
        ("Compact Gadgets at Scale", ["Renn", "Sato"], 2019, None),
        ("Sparse Lattices Revisited", ["Okafor", "Lind", "Braun"], 2020, "10.1000/xyz123"),
    ]
    assert papers[0].journal_ref == "NeurIPS"
    assert not papers[1].journal_ref  # "Gadgets compress well." is a note


@pytest.mark.parametrize(
    "prose",
    [
        "We follow Quill et al. 2021 and report *all* runs.\n\nThe *second* run failed.\n",
        "**Setup.** We use *three* seeds and report the mean.\n\n**Results.** See *Table 2*.\n",
    ],
)
def test_prose_paragraphs_with_emphasis_are_no_papers(tmp_path: Path, prose: str) -> None:
    with pytest.raises(paperlab.ParseError):
        _load(tmp_path, "# Notes\n\n" + prose)


H4_NOTES = """#### Sparse routing
#### Widget Routing: sparse mixtures of gadgets for fast inference
#### abstract
- A basic router sends every token to every expert, which wastes
compute on tokens that need none.
- We route by widgets instead.
#### introduction
- routers are costly
![fig](figs/fig.png)
"""

H2_UNDER_TOPIC = """# Sparse routing

## Widget Routing: sparse mixtures of gadgets for fast inference

## Abstract

- We route by widgets.

## Results

- It is fast.
"""


@pytest.mark.parametrize("text", [H4_NOTES, H2_UNDER_TOPIC])
def test_notes_on_one_paper_titled_by_the_heading_beside_its_section_names(tmp_path: Path, text: str) -> None:
    papers = _load(tmp_path, text)
    assert [p.title for p in papers] == ["Widget Routing: sparse mixtures of gadgets for fast inference"]


def test_a_readme_with_one_long_heading_among_its_sections_is_no_paper(tmp_path: Path) -> None:
    text = (
        "# widgetlib\n\n## Installation\n\npip install widgetlib\n\n"
        "## Efficient Widget Routing for Sparse Mixtures of Experts\n\nSome text.\n\n## Usage\n\nRun it.\n"
    )
    with pytest.raises(paperlab.ParseError):
        _load(tmp_path, text)


HEADING_PER_PAPER = """# Literature

Status: `unread` → `skimmed` → `read`.

## Vectorisation

### WidgetVec: Evolutionary Widget Vectorization with Adaptive Curve Number
Quill, Renn, Sato · Springer, 2024 · `10.1007/978-3-031-70085-9_24`
Status: **unread**.

### DiffWidget — Differentiable Widget Rasterization for Editing and Learning
Lune et al. `[not checked: authors and year]`
Status: **unread**.

### GLIDE — Towards Layer-wise Gadget Vectorization
`[not checked]`

## Generation

### GadgetPlanGAN: Vector residential gadget adversarial generation
`10.1016/j.autcon.2022.104470`

### Ideas for the thesis

- try both
"""


def test_headings_beside_paper_headings_are_papers_too(tmp_path: Path) -> None:
    papers = _load(tmp_path, HEADING_PER_PAPER)
    assert [(p.title, p.doi) for p in papers] == [
        ("WidgetVec: Evolutionary Widget Vectorization with Adaptive Curve Number", "10.1007/978-3-031-70085-9_24"),
        ("Differentiable Widget Rasterization for Editing and Learning", None),
        ("Towards Layer-wise Gadget Vectorization", None),
        ("GadgetPlanGAN: Vector residential gadget adversarial generation", "10.1016/j.autcon.2022.104470"),
    ]


LONG_BOLD_AUTHORS = """# Sources

**Quill, A., Renn, B., Sato, C., Lune, D., Moss, E., Dale, F., Okafor, G.,
Lind, H., Braun, I., Marsh, J., Young, K., Joy, L., Vale, M., Hart, N.,
Stone, O., Wood, P., Fox, Q., Gray, R., Hale, S., Ives, T., Kerr, U.,
Lowe, V., Nash, W., Orr, X., Page, Y., & Reed, Z. (2026).** *Identifying widgets in gadget systems.*
**Trends in Widget Sciences** 30(6), 488–501.
DOI: [10.1016/j.tws.2025.10.011](https://doi.org/10.1016/j.tws.2025.10.011) · PMID 41219038

**Renn, B., & Sato, C. (2023).** *Sprockets without labels.* arXiv:2308.08708
"""


def test_a_bold_author_list_over_many_lines_keeps_its_first_author_and_a_clean_title(tmp_path: Path) -> None:
    papers = _load(tmp_path, LONG_BOLD_AUTHORS)
    got = [(p.title, list(p.authors)[:2]) for p in papers]
    assert got == [
        ("Identifying widgets in gadget systems", ["A. Quill", "B. Renn"]),
        ("Sprockets without labels", ["B. Renn", "C. Sato"]),
    ]
