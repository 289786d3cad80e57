"""Markdown slide decks and bylines (session 12, R4's findings 6 and 7), on our own decks
(tests/data/session_s12_r4s/): Marp front matter ("marp: true") was the session's theme and the first presentation
was lost; "---" slide separators between the presenter and the title slide made the presentation a ParseError; a
deck whose first slide is "# Title", "- Author and Author", "- Lab Journal Club - April 7, 2026" gave "no papers
found"; a byline "A, B (CVPR 2025) · arXiv:…" kept only its first author, and a venue or an id on its own line
under the byline was ignored.
"""

from __future__ import annotations

import datetime as dt
import warnings

from paths import DATA

import paperlab

HERE = DATA / "session_s12_r4s"


def _session(name: str) -> tuple[paperlab.Session, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        session = paperlab.Session.from_file(HERE / name)
    return session, [str(w.message) for w in caught]


def test_a_marp_deck_keeps_every_presentation_and_its_byline() -> None:
    session, said = _session("deck-marp.md")
    assert session.theme == "Journal club — 2026-02-10" and session.date == dt.date(2026, 2, 10)
    first, second = session.entries
    assert first.presenter == "Lena Marsh"
    assert first.paper.title == "Pocket-Net: Counting Pebbles with Small Networks"
    assert first.paper.authors == ["Ivo Brandt", "Nia Cole"]  # "(CVPR 2025) · arXiv:…" after the names
    assert first.paper.journal_ref == "CVPR 2025" and first.paper.arxiv_id == "2503.01234"
    assert first.takeaways == ["Small networks count pebbles well", "Wet pebbles stay hard"]
    assert list(first.results[0].value) == [74.6, 3.0, 70.2, 5.0]
    # the venue and the id on their own lines under the byline
    assert second.presenter == "Tom Reyes" and second.paper.authors == ["Uma Stone", "Vic Lind"]
    assert second.paper.journal_ref == "NeurIPS 2024" and second.paper.arxiv_id == "2410.04321"
    assert not said and not session.problems


def test_slide_separators_are_blank_lines() -> None:
    session, _ = _session("deck-separators.txt")
    (entry,) = session.entries
    assert entry.presenter == "Lena Marsh" and entry.paper.title.startswith("Pocket-Net")
    assert entry.paper.authors == ["Ivo Brandt", "Nia Cole"] and entry.paper.journal_ref == "ICLR 2026"
    assert list(entry.results[0].value) == [74.6, 70.2]


def test_a_deck_whose_title_slide_names_the_paper_presents_it() -> None:
    session, said = _session("deck-title-slide.md")
    (entry,) = session.entries
    assert entry.paper.title == "Can a pebble counter count sand"
    assert entry.paper.authors == ["Ivo Brandt", "Nia Cole"]
    assert entry.presenter == ""  # the slide names the authors, not who presented
    assert session.date == dt.date(2026, 4, 7) and session.theme == "Rock Lab Journal Club"
    assert entry.takeaways == ["Sand is many small pebbles"]
    assert not said  # nothing was lost: no warning
    # the slide headings are no papers, and paperlab.load reads the deck as one too
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (paper,) = paperlab.load(HERE / "deck-title-slide.md")
    assert paper.title == entry.paper.title and paper.authors == entry.paper.authors
    assert [p.title for p in paperlab.load(HERE / "deck-title-slide.md", format="session")] == [paper.title]


def test_a_rule_under_a_tables_header_is_no_slide_separator() -> None:
    session, said = _session("aligned-rule.txt")
    (entry,) = session.entries
    rows = entry.results[0]
    assert list(zip(rows.method, rows.value, strict=True)) == [("Pocket-Net", 74.6), ("Mobile-Base", 70.2)]
    assert set(rows.unit) == {"%"} and not said
