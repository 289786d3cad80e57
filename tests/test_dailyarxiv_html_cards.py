"""README layouts found in real daily-paper repositories nobody tuned the reader for
(benchmarks/bench_markdown_sweep.py), each of which was "no paper table found":

* paper tables written in HTML (``<table><tr><th>Publish Date</th>…``) under HTML or markdown headings;
* one ``#`` heading per paper with labelled fields (``**Authors**: …``, ``**Link**: [PDF](…)``, ``**Abstract**: …``)
  between ``---`` rules;
* ``##`` headings that link to the paper on arXiv (``## <a id=…></a>[Title](…/abs/…) [[back]](#toc)``) under ``#``
  topic headings, after a table of contents that only links to anchors.

The files are our own (tests/data/dailyarxiv/*-layout.md), written in those layouts with made-up papers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from paths import DATA

import paperlab
from paperlab.errors import PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.dailyarxiv import DailyArxivDigest, parse_dailyarxiv

HTML = DATA / "dailyarxiv" / "html-table-layout.md"
HEADING_CARDS = DATA / "dailyarxiv" / "heading-cards-layout.md"
LINKED_HEADINGS = DATA / "dailyarxiv" / "linked-headings-layout.md"


def _digest(path: Path) -> DailyArxivDigest:
    return parse_dailyarxiv(path.read_text(encoding="utf-8"), source=str(path))


def test_html_paper_tables() -> None:
    with pytest.warns(PartialImportWarning) as record:
        digest = _digest(HTML)
    assert [(p.where, p.message) for p in record[0].message.problems] == [("line 17", "table row has an empty title")]
    assert digest.last_update == dt.date(2025, 9, 19)  # "<h2 …>Updated on 2025-09-19</h2>"
    assert digest.sections == {"Brain": ["2509.00001"], "Vision": ["2508.00003"]}  # <h3> and "## Vision" headings
    brain, vision = digest.papers
    assert (brain.title, brain.authors, brain.arxiv_id, brain.version) == (
        "Listening to Neurons with Tiny Microphones",
        ["Ada Byte", "Bo Circuit"],
        "2509.00001",
        1,
    )
    assert brain.updated == brain.published == dt.date(2025, 9, 17)
    assert brain.abstract == "We record neurons & listen. Signals $T_1$ < $T_2$ are compared."  # entities decoded
    assert brain.sources[0].record == "line 10"
    assert (vision.title, vision.pdf_url, vision.version) == (
        "Seeing in the Dark with Fewer Photons",
        "https://arxiv.org/pdf/2508.00003v2",
        2,
    )  # "<b>…</b>" dropped; the table of stars and forks is no paper table


def test_html_tables_load_through_paperlab_load() -> None:
    assert detect_format(HTML) == "dailyarxiv"
    with pytest.warns(PartialImportWarning):
        lib = paperlab.load(HTML)
    assert sorted(p.arxiv_id for p in lib) == ["2508.00003", "2509.00001"]


def test_one_heading_per_paper_with_labelled_fields() -> None:
    digest = _digest(HEADING_CARDS)
    first, second = digest.papers
    assert (first.title, first.authors, first.arxiv_id, first.pdf_url) == (
        "Listening to Neurons with Tiny Microphones",
        ["Ada Byte", "Bo Circuit"],
        "2509.00001",
        "https://arxiv.org/pdf/2509.00001",
    )
    # the abstract's continuation lines are kept; the Chinese title and abstract (other labels) are not mixed in
    assert first.abstract == "We record neurons and listen. (1) A first contribution. (2) A second contribution."
    assert (second.title, second.authors, second.abstract) == (
        "Seeing in the Dark with Fewer Photons",
        ["Cy Lens"],
        "Fewer photons, same picture.",
    )
    assert [p.sources[0].record for p in digest.papers] == ["line 1", "line 16"]


def test_headings_that_link_to_the_paper() -> None:
    digest = _digest(LINKED_HEADINGS)
    assert digest.sections == {"Galaxies": ["2605.00001"], "Dark Matter": ["2605.00002"]}  # the "#" topics
    galaxies, dark = digest.papers
    assert (galaxies.title, galaxies.arxiv_id, galaxies.version) == ("Counting Galaxies Twice", "2605.00001", 1)
    assert (dark.title, dark.arxiv_id, dark.version) == ("Where the Missing Mass Hides", "2605.00002", 2)
    assert galaxies.url == "http://arxiv.org/abs/2605.00001v1"  # not the "[[back]](#toc-1)" anchor


PAPER_NOTE = DATA / "dailyarxiv" / "paper-note-layout.md"


def test_a_note_about_one_paper_named_in_its_front_matter() -> None:
    (paper,) = paperlab.load(PAPER_NOTE)  # was "no paper table found"
    assert (paper.title, paper.arxiv_id, paper.version) == (
        "Grippers That Feel Nothing: A Made-Up Study",
        "2608.00077",
        2,
    )
    assert paper.authors == ["Ann Palm", "Ben Finger"]  # the "- Authors:" line under the note
    assert paper.updated == dt.date(2026, 8, 21)  # "published:", not the note's "created:" date
    assert paper.tags == ["reading", "robots"]


def test_front_matter_without_a_paper_link_is_still_an_error(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: My week\nurl: https://example.org/blog\n---\n\n# My week\n\nNothing read.\n")
    with pytest.raises(paperlab.ParseError, match="no paper table found"):
        paperlab.load(note)
