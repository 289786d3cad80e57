"""Markdown paper lists: citations after a title, sentences pointing at a link, and HTML code in DailyArXiv cards
(session 17, helper MD14; kinds session 16's review (RV16) found):

* ``Title (Ho, Jain, Abbeel, 2020)`` and ``Title (Song, Ermon, 2021)`` after a linked, quoted or plain title, also
  before the paper's bare address: every name is an author (the first is no nickname), the year the citation's;
* ``- See [the survey](…) for more.`` / ``For background, see [this survey](…).`` names no title: no paper titled
  "See" or "this survey" (the link is reported as a paper with no title near it); ``Also read [our notes](./…)``
  is nothing;
* the text of a ``<script>`` or ``<style>`` element inside a DailyArXiv HTML card or table is code, never part
  of a title or an author.

Every file is our own, written for these tests, with made-up papers.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab


def _load(tmp_path: Path, text: str, name: str = "README.md") -> tuple[list[paperlab.Paper], list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = list(paperlab.load(path))
    return papers, [str(w.message) for w in caught]


LINKED = """# Papers

- [Denoising Widget Probabilistic Models](https://arxiv.org/abs/2006.11239) (Ho, Jain, Abbeel, 2020)
- [Flow Widgets for Generative Modeling](https://arxiv.org/abs/2210.02747) (Lipman et al., 2023)
- See [the survey](https://arxiv.org/abs/2209.00796) for more.
- Also read [our notes](./notes.md) on these.
"""


def test_a_sentence_pointing_at_a_link_is_no_paper_title(tmp_path: Path) -> None:
    papers, said = _load(tmp_path, LINKED)
    assert [(p.title, list(p.authors)) for p in papers] == [
        ("Denoising Widget Probabilistic Models", ["Ho", "Jain", "Abbeel"]),
        ("Flow Widgets for Generative Modeling", ["Lipman"]),
    ]
    assert any("the survey" in s and "line 5" in s for s in said)  # reported, with its line


PLAIN = """## Reading list

1. "Denoising Widget Probabilistic Models" (Ho, Jain, Abbeel, 2020). https://arxiv.org/abs/2006.11239
2. Score-Based Gadget Modeling (Song, Ermon, 2021) — https://arxiv.org/abs/2011.13456
3. For background, see [this survey](https://arxiv.org/abs/2209.00796).
"""


def test_every_name_of_a_citation_after_the_title_is_an_author(tmp_path: Path) -> None:
    papers, said = _load(tmp_path, PLAIN)
    got = [(p.title, list(p.authors), p.arxiv_id) for p in papers]
    assert got == [
        ("Denoising Widget Probabilistic Models", ["Ho", "Jain", "Abbeel"], "2006.11239"),
        ("Score-Based Gadget Modeling", ["Song", "Ermon"], "2011.13456"),
    ]
    assert any("2209.00796" in s and "no title" in s for s in said)


CARDS = """# Daily papers

## Robotics

<div class="paper-item">
  <div class="paper-title">Widget Routing for Small Robots<script>document.title = "x";</script></div>
  <style>.paper-title { color: red; }</style>
  <div class="paper-date">2026-05-29</div>
  <div class="paper-authors">Ada Quill, Bo Renn</div>
  <a class="paper-link" href="https://arxiv.org/abs/2605.31248">PDF</a>
</div>
<div class="paper-item">
  <div class="paper-title"><style>b{}</style>Sparse Gadget Maps</div>
  <a class="paper-link" href="https://arxiv.org/abs/2605.31249">PDF</a>
</div>
"""

TABLE = """# Daily

<table>
<tr><th>Title</th><th>Date</th><th>Authors</th></tr>
<tr><td><a href="https://arxiv.org/abs/2605.31248">Widget Routing for Small Robots</a><script>var x = 1;</script></td>
<td>2026-05-29</td><td>Ada Quill</td></tr>
<tr><td><a href="https://arxiv.org/abs/2605.31249">Sparse Gadget Maps</a></td><td>2026-05-30</td>
<td>Bo Renn<style>td{}</style></td></tr>
</table>
"""


def test_script_and_style_text_is_no_title_or_author(tmp_path: Path) -> None:
    cards, _ = _load(tmp_path, CARDS, "cards.md")
    assert [(p.title, list(p.authors), p.arxiv_id) for p in cards] == [
        ("Widget Routing for Small Robots", ["Ada Quill", "Bo Renn"], "2605.31248"),
        ("Sparse Gadget Maps", [], "2605.31249"),
    ]
    rows, _ = _load(tmp_path, TABLE, "table.md")
    assert [(p.title, list(p.authors)) for p in rows] == [
        ("Widget Routing for Small Robots", ["Ada Quill"]),
        ("Sparse Gadget Maps", ["Bo Renn"]),
    ]


COURSE = """# Module 2 — Reading

## Required

**Quill, A. & Renn, B. (2023). *Leakage and the widget crisis in
gadget-based science*. Patterns 4(9), 100804.**
<https://doi.org/10.1016/j.patter.2023.100804> — open access.

They surveyed published results.

**Sato, D. B. (1976). *Inference and missing widgets*. Biometrika 63(3), 581–592.**
<https://doi.org/10.1093/biomet/63.3.581> — through the library.

Six pages.
"""


def test_each_bold_reference_over_its_doi_line_is_its_own_paper(tmp_path: Path) -> None:
    papers, _ = _load(tmp_path, COURSE)
    got = [(p.title, list(p.authors), p.doi, p.published.year if p.published else None) for p in papers]
    assert got == [
        (
            "Leakage and the widget crisis in gadget-based science",
            ["A. Quill", "B. Renn"],
            "10.1016/j.patter.2023.100804",
            2023,
        ),
        ("Inference and missing widgets", ["D. B. Sato"], "10.1093/biomet/63.3.581", 1976),
    ]


NOTES_PAPERS = """# Reading notes

## Books

- [Designing Widget-Intensive Applications, second edition](https://example.org/library/widgets/),
  Ada Quill and Bo Renn. Transactions and replication.
- [Gadget Systems: Three Easy Pieces](https://example.org/gadgets/), Cai Lune. Locks and files.

## Papers

- Quill, [Time, Widgets, and the Ordering of Gadgets in a Distributed System](https://example.org/pubs/widgets.pdf)
  (1978): happened-before and logical ordering. Client clocks do not order.
- Renn and Sato, [Lattices](https://example.org/pubs/lattices.pdf)
  (1990): concurrent histories and their sequential readings.
- Moss et al., [GADGET](https://example.org/readings/gadget92.pdf)
  (1992): deeper reading on recovery.
"""


def test_names_then_a_linked_title_then_its_year_on_the_next_line(tmp_path: Path) -> None:
    papers, _ = _load(tmp_path, NOTES_PAPERS)
    got = [(p.title, list(p.authors), p.published.year if p.published else None) for p in papers]
    assert got[2:] == [
        ("Time, Widgets, and the Ordering of Gadgets in a Distributed System", ["Quill"], 1978),
        ("Lattices", ["Renn", "Sato"], 1990),
        ("GADGET", ["Moss"], 1992),
    ]


LITERATURE_NOTES = """# Literature notes — widget diffusion

## The most important papers

### 1. Quill (2018) ★★★ CLOSEST
**Citation:** A. Quill, "Variable Order Widget Equations derived from
Continuous Time Gadget Walks," *Physica W* 503:451-463. arXiv:1712.06767.

**What was proved:** widgets converge.

### 2. Renn & Quill (2014) ★★★
**Citation:** B. Renn and A. Quill, "Semi-Markov approach to continuous time
gadget limit processes," *Annals of Widgets* 42(4). arXiv:1206.1960.
"""


def test_a_quoted_title_wrapped_over_lines_before_the_venue_in_italics(tmp_path: Path) -> None:
    papers, _ = _load(tmp_path, LITERATURE_NOTES, "notes.md")
    got = [(p.title, list(p.authors), p.arxiv_id) for p in papers]
    assert got == [
        ("Variable Order Widget Equations derived from Continuous Time Gadget Walks", ["A. Quill"], "1712.06767"),
        ("Semi-Markov approach to continuous time gadget limit processes", ["B. Renn", "A. Quill"], "1206.1960"),
    ]


NUMBERED_LINES = """## References

[1] Quill, A., Renn, B., & Sato, C. (2018). Widget Graphs in the Libraries Domain. ArXiv, abs/1803.03198. https://doi.org/10.1007/978-3-319-63962-8_291-1
[2] Lune, G. C., & Moss, M. P. E. (2017). Migration of a gadget catalogue into linked data. Semantic Web, 9, 481-491. https://doi.org/10.3233/sw-170274
[3] Dale, T. (2023). Sparwidget: A Visual Gadget Exploration Tool. 11-15. https://doi.org/10.1007/978-3-031-43458-7_2
"""


def test_numbered_reference_lines_closed_by_their_doi_address(tmp_path: Path) -> None:
    papers, said = _load(tmp_path, NUMBERED_LINES)
    got = [(p.title, list(p.authors)[:2], p.published.year if p.published else None, p.doi) for p in papers]
    assert got == [
        ("Widget Graphs in the Libraries Domain", ["A. Quill", "B. Renn"], 2018, "10.1007/978-3-319-63962-8_291-1"),
        (
            "Migration of a gadget catalogue into linked data",
            ["G. C. Lune", "M. P. E. Moss"],
            2017,
            "10.3233/sw-170274",
        ),
        ("Sparwidget: A Visual Gadget Exploration Tool", ["T. Dale"], 2023, "10.1007/978-3-031-43458-7_2"),
    ]
    assert not any("bad one" in s for s in said)  # every line read, none reported


NOTES_UNDER_TITLES = """# Collection of literature

* [Signal Processing for Widget Learning Video Course](https://www.youtube.com/watch?v=abc123)
    * Introduction to audio features and preprocessing

* [High-Quality and Reproducible Automatic Gadget Transcription From Crowdsourced Data](https://www.example-journal.org/2624-6120/4/4/42)
    * Study of how crowdsourced data can positively impact training of gadget models
    * Introduces some basic deep learning architectures and techniques
    * Gives a small overview over related works since 2018

* [A Review of Automatic Gadget Transcription](https://open-access.example.ac.uk/6180/1/review.pdf)
    * Early review, up until 2017

* [Reducing the Synthetic-to-Real Transfer Gap in Widget Retrieval](https://example.org/widget-gap/)
    * Shows that real data still is better
"""


def test_note_bullets_under_a_title_and_video_links_are_no_papers(tmp_path: Path) -> None:
    papers, _ = _load(tmp_path, NOTES_UNDER_TITLES)
    assert [p.title for p in papers] == [
        "High-Quality and Reproducible Automatic Gadget Transcription From Crowdsourced Data",
        "A Review of Automatic Gadget Transcription",
        "Reducing the Synthetic-to-Real Transfer Gap in Widget Retrieval",
    ]
