"""One-paper pages whose front matter names the paper where the session 11 test round did not look (issue 12; our
own pages, made-up text):

* a publication page whose arXiv link sits in a list of link mappings ("additional_links: [{name: Paper, url:
  'http://arxiv.org/abs/…'}]"): read without its id before;
* a brief naming its paper by a camelCase key only ("arxivId:", "sourceUrl:"), its title a post's ("catchyTitle")
  and its "author" the page's writer: refused before; now the paper, named by its id, with no author.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

PUBLICATION = """---
layout: publication
title: 'Widget Routing: Scaling Human-centered Gadget Translation'
authors: "Ada Quill, Bo Renn, Cai Lune"
conference: Arxiv
year: 2022
additional_links: [{name: Paper, url: 'http://arxiv.org/abs/2207.01234v3'}]
tags: [Evaluation, Datasets]
---
Driven by the goal of routing widgets on a global scale, we ...
"""

BRIEF = """---
arxivId: "2307.01234"
catchyTitle: "The Widget Loop"
blurb: "A short brief on why a deliberate widget step helps."
tags: ["interaction", "review"]
sourceUrl: "https://arxiv.org/abs/2307.01234"
publishedAt: "2026-02-11"
author: "Good bot"
---

## What the paper claims

Systems that force an explicit widget step reduce errors.

## Skeptic check

If the widget step is optional, it won't happen.
"""


def _load(tmp_path: Path, name: str, text: str) -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_arxiv_link_in_a_list_of_link_mappings(tmp_path: Path) -> None:
    (paper,) = _load(tmp_path, "2022widget.markdown", PUBLICATION)
    assert paper.title == "Widget Routing: Scaling Human-centered Gadget Translation"
    assert paper.arxiv_id == "2207.01234" and paper.authors == ["Ada Quill", "Bo Renn", "Cai Lune"]


def test_paper_named_by_a_camel_case_id_key_only(tmp_path: Path) -> None:
    (paper,) = _load(tmp_path, "the-widget-loop.md", BRIEF)
    assert (paper.arxiv_id, paper.title, paper.authors) == ("2307.01234", "arXiv:2307.01234", [])
    assert paper.tags == ["interaction", "review"]
