"""A journal club's reading list whose bullets write a reference out and close it with a link to the paper's page
labelled by the journal ("Quill et al. (2022) Title. <a href=…>Widget Science.</a>"): the session 11 test round
titled four papers by the journal ("Science.", "PNAS.") and kept author and year in the others' titles. The link's
text is the venue, the title is the text before it (issue 12; our own page, made-up text)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

PAGE = """---
layout: page
title: ""
---

### What we're reading

#### 2022:

- Quill et al. (2020) Empirical evidence for resilience of widget photosynthesis in a warmer world. <a href="https://www.widgets.example/articles/s41477-020-00780-2/" style="color:#16a085">Widget Plants.</a>

- Renn et al. (2021) Multidimensional widget forest recovery. <a href="https://www.science.org/doi/full/10.1126/science.abh0001" style="color:#16a085">Science.</a>

- Lune et al. (2022) Rapid increases in gadget water-use efficiency during an ongoing drought. <a href="https://www.pnas.org/doi/10.1073/pnas.2118050001">PNAS.</a>

- <a href="https://arxiv.org/abs/2101.00001">Sprocket Networks Revisited</a> (2021)
"""


def test_the_link_closing_a_reference_is_its_venue(tmp_path: Path) -> None:
    path = tmp_path / "journal_club.md"
    path.write_text(PAGE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    got = [(p.title, p.authors, p.journal_ref, p.published.year if p.published else None, p.doi) for p in papers]
    assert got == [
        ("Empirical evidence for resilience of widget photosynthesis in a warmer world", ["Quill"], "Widget Plants",
         2020, None),
        ("Multidimensional widget forest recovery", ["Renn"], "Science", 2021, "10.1126/science.abh0001"),
        ("Rapid increases in gadget water-use efficiency during an ongoing drought", ["Lune"], "PNAS", 2022,
         "10.1073/pnas.2118050001"),
        ("Sprocket Networks Revisited", [], None, 2021, None),  # a link titling its paper stays its title
    ]  # fmt: skip
    assert papers[0].url == "https://www.widgets.example/articles/s41477-020-00780-2/"
    assert all(p.extra.get("more_authors") for p in papers[:3])  # "et al."


LIST = """### What we're reading

- Quill et al. (2020) Empirical evidence for resilience of widget photosynthesis. [Widget Plants.](https://www.widgets.example/articles/s41477-020-00780-2/)
- Lune et al. (2022) Rapid increases in gadget water-use efficiency during an ongoing drought. [PNAS.](https://www.pnas.org/doi/10.1073/pnas.2118050001)
- [Sprocket Networks Revisited](https://arxiv.org/abs/2101.00001) (2021)
"""


def test_a_paper_list_item_closed_by_the_journals_link(tmp_path: Path) -> None:
    """The same list written with markdown links (the paper-list reader): the closing link's text is the venue."""
    path = tmp_path / "reading.md"
    path.write_text(LIST, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    assert [(p.title, p.authors, p.journal_ref) for p in papers] == [
        ("Empirical evidence for resilience of widget photosynthesis", ["Quill"], "Widget Plants"),
        ("Rapid increases in gadget water-use efficiency during an ongoing drought", ["Lune"], "PNAS"),
        ("Sprocket Networks Revisited", [], None),
    ]
