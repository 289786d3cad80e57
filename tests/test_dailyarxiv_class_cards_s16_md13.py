"""DailyArXiv-style pages of HTML cards whose classes name their fields (session 16, helper MD13; found on session
15's fresh READMEs, where each card was titled by its link, "📄 PDF: 2605.31248", with no author): the card's
title, authors, date, abstract and keyword are read from the elements so named, whatever the generator calls the card
or its fields ("paper-title", "card-title", "title"; "paper-authors", "author"; "paper-date", "date"), and a role
after a name ("(last author)") is no part of it.

The files are our own, written for these tests, with made-up papers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab

STYLED = """## Updated on 2026.06.01
<style>
.paper-title { font-weight: bold; }
</style>

## Widgets
<div class="paper-list">
<div class="paper-item paper-item-odd">
  <div class="paper-header">
    <div class="paper-title">Trainable Widget Models for Gadget Equations</div>
    <div class="paper-date">2026-05-29</div>
  </div>
  <div class="paper-authors">Ada Quill (last author)</div>
  <div class="paper-meta">
    <span class="paper-categories">cs.LG</span>
    <a class="paper-link" href="https://arxiv.org/abs/2605.01234" target="_blank">📄 PDF: 2605.01234</a>
  </div>
  <div class="paper-abstract">
    <div class="abstract-label">📖 Abstract:</div>
    We study widgets that learn gadgets.
  </div>
</div>
</div>

## Gadgets
<section class="card">
  <h4 class="card-title">Sparse Sprocket Routing</h4>
  <p class="card-author">Bo Renn, Cai Lune and Dee Moss</p>
  <span class="date">2026-05-28</span>
  <a href="https://arxiv.org/pdf/2605.04321v2">PDF</a>
</section>
<section class="card">
  <h4 class="card-title">Counting Widgets in the Wild</h4>
  <p class="card-author">Eli Stone</p>
  <a href="https://doi.org/10.1234/widgets.2026.7">Journal page</a>
</section>
"""


def test_html_cards_are_read_by_their_field_classes(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(STYLED, encoding="utf-8")
    papers = list(paperlab.load(path))
    got = [(p.title, p.authors, p.arxiv_id, p.doi, p.published, p.tags) for p in papers]
    assert got == [
        ("Trainable Widget Models for Gadget Equations", ["Ada Quill"], "2605.01234", None, dt.date(2026, 5, 29),
         ["Widgets"]),
        ("Sparse Sprocket Routing", ["Bo Renn", "Cai Lune", "Dee Moss"], "2605.04321", None, dt.date(2026, 5, 28),
         ["Gadgets"]),
        ("Counting Widgets in the Wild", ["Eli Stone"], None, "10.1234/widgets.2026.7", None, ["Gadgets"]),
    ]  # fmt: skip
    assert papers[0].abstract == "We study widgets that learn gadgets."
    assert papers[0].extra.get("more_authors") is True  # the last author only is named
    assert not any(p.title.startswith("📄") for p in papers)
