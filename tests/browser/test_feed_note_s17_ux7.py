"""A feed with nothing saved says once why its order, in the cards' bar, not under every card (session 16's
leftover: "newest first: save papers to personalise the feed" was each card's "Why:"). Data: our own papers written
here, ranked on an empty store of the test's own. Screenshots: test-artifacts/feed-note-{light,dark}.png."""

from __future__ import annotations

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

SETUP = """
import tempfile
import paperlab
from paperlab import Library, Paper
papers = Library([
    Paper(f"Sparse routing study {i}", arxiv_id=f"2611.{i:05d}", published=f"2026-11-{10 + i}",
          authors=[f"Ada Quill{i}"], abstract="Experts routed sparsely.", upvotes=i)
    for i in range(1, 6)
])
day = paperlab.feed(candidates=papers, store=tempfile.mkdtemp() + "/empty.sqlite3", remember=False)
day.cards(height=420)
"""


def test_an_unpersonalised_feed_says_why_once_in_its_bar(page: Page, lab: Lab) -> None:
    write_notebook(lab, "feed-note.ipynb", SETUP)
    open_notebook(page, lab, "feed-note.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    expect(root.locator(".plc-card")).to_have_count(5, timeout=30_000)
    note = root.locator(".plc-feedbar .plc-feed-unpersonal")
    expect(note).to_have_count(1)
    expect(note).to_contain_text("Not personalised yet (no saved papers): the most upvoted come first")
    expect(root.locator(".plc-feedbar")).to_contain_text("5 of your papers; thumbs re-rank at once")
    expect(root.locator(".plc-feedbar")).not_to_contain_text("ranked for you")  # nothing saved to rank by
    expect(root.locator(".plc-card .plc-reason")).to_have_count(0)  # no "Why:" repeating it on every card
    assert "save papers" not in " ".join(root.locator(".plc-card").all_inner_texts())
    expect(root.locator(".plc-card").first).to_contain_text("Sparse routing study 5")  # most upvoted first
    shot(page, "feed-note-light")
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 5 and failures == [], failures
    set_theme(page, "Dark")
    try:
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 5 and failures == [], failures
        shot(page, "feed-note-dark")
    finally:
        set_theme(page, "Light")
