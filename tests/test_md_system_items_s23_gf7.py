"""An annotated reading list naming each paper by its system's name in bold, then its authors and its venue with
the year emphasised ('- **Name** — Authors, *Venue Year*.', wrapped over lines, two papers in one item), is read as
those papers: titled by the name, with authors, venue and year; before, load() refused the page ('no papers
found'). Our own made-up file in the shape of a project's to-read list (session 21's blind round, now dev)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

TO_READ = """# To-read — widget analysis

A reading list mapped onto what this repo does. Each entry notes *why it matters here*.

## 0. Read this first

- **Widgetify / Widgeteer** — Quill, Renn, Lune, *WIDG 2019*.
  A custom IR lifted from gadgets. **Almost exactly our architecture.** *Tie-in:* `ssa/`.

## 1. Foundations

- **Gadget analysis** — Quill & Renn, *POPL 1977* / Renn, Quill,
  *TCS 1978*. Foundational; the lattice theory under the passes.
- **Sprocket** — Quill et al., *ICSE 2019*; and **Cogwheel** — Renn et al.,
  *CC 2021*. Declarative decompilers.
- Some tool we use, see `tools/`.
"""


def test_bold_names_with_authors_and_venue_are_papers(tmp_path: Path) -> None:
    path = tmp_path / "to_read.md"
    path.write_text(TO_READ, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    got = [(p.title, p.venue, p.published.year if p.published else None) for p in papers]
    assert got == [
        ("Widgetify / Widgeteer", "WIDG", 2019),
        ("Gadget analysis", "POPL", 1977),
        ("Gadget analysis", "TCS", 1978),
        ("Sprocket", "ICSE", 2019),
        ("Cogwheel", "CC", 2021),
    ]
    assert papers[0].authors == ["Quill", "Renn", "Lune"]
    assert papers[3].authors[0] == "Quill"  # "Quill et al.": the first author, the list cut short


def test_one_such_item_is_no_list(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    one = "# Notes\n\n- **Widgetify** — Quill, Renn, *WIDG 2019*.\n- Another thought.\n"
    path.write_text(one, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            titles = [p.title for p in paperlab.load(path)]
        except paperlab.ParseError:
            titles = []
    assert "Widgetify" not in titles
