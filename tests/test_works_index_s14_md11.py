"""An index of works written as a table whose cells name each work by its author(s) and its title in quotes
(``Akerlof-like, "Title"``) or by its author(s) and what it is about (in a column of works): refused before ("no
papers found"), now one paper per row with its authors (issue 12; our own files, made-up works)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

INDEX = """# Reading notes

One file per work; the index below says what we use each for.

| File | Work | Our use |
|---|---|---|
| `quill-1970-widgets.md` | Quill, "Markets for Widgets" | Adverse selection |
| `renn-1960-gadgets.md` | Renn & Sato, “The Strategy of Gadgets” | Focal points |
| `moss-2023-griefing.md` | Moss, griefing factor analysis | Attack cost |
| `lind-2004-serum.md` | Lind et al., 'A Truth Serum for Widgets' | Elicitation |
"""

# the work column first, other column names, bold and a note after the quoted title
REORDERED = """| Publication | Topic | Notes |
| --- | --- | --- |
| **Ada Quill**, "Sparse Widget Routing", 2019 | routing | chapter 2 only |
| Bo Renn and Cy Sato, "Gadget Complexes Revisited" | complexes | |
| Dee Moss, a survey of widget markets | markets | optional |
"""

# a table of tools: "Name, description" cells outside a column of works name no work
TOOLS = """| Tool | What it does |
| --- | --- |
| Widgetron | Renders widgets, fast |
| Gadgeteer | Docker, container runtime |
| Sprocket | Quill, the lint tool |
"""


def _load(tmp_path: Path, name: str, text: str) -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(path)


def test_an_index_of_works_reads_each_row_as_a_paper_with_its_authors(tmp_path: Path) -> None:
    papers = _load(tmp_path, "index.md", INDEX)
    assert [(p.title, list(p.authors)) for p in papers] == [
        ("Markets for Widgets", ["Quill"]),
        ("The Strategy of Gadgets", ["Renn", "Sato"]),
        ("griefing factor analysis", ["Moss"]),
        ("A Truth Serum for Widgets", ["Lind"]),
    ]
    assert papers[3].extra.get("more_authors") is True  # "et al."


def test_the_work_column_anywhere_with_bold_names_full_names_and_a_year(tmp_path: Path) -> None:
    papers = _load(tmp_path, "reordered.md", REORDERED)
    assert [(p.title, list(p.authors)) for p in papers] == [
        ("Sparse Widget Routing", ["Ada Quill"]),
        ("Gadget Complexes Revisited", ["Bo Renn", "Cy Sato"]),
        ("a survey of widget markets", ["Dee Moss"]),
    ]
    assert papers[0].published is not None and papers[0].published.year == 2019


def test_name_and_description_cells_outside_a_column_of_works_are_no_papers(tmp_path: Path) -> None:
    path = tmp_path / "tools.md"
    path.write_text(TOOLS, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            papers = paperlab.load(path)
        except paperlab.ParseError:
            papers = []
    assert [p.title for p in papers] == []
