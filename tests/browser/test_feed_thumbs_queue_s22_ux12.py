"""Thumbs pressed in a row on the feed's cards are all kept (session 22, a researcher's day). On a fresh kernel
the first thumb takes a few seconds to save and re-rank; a second thumb pressed meanwhile (thumb up on one paper,
thumb down on the next, as one reads down the list) was dropped without a word: the store kept only the first.
Now a thumb pressed while the kernel re-ranks waits its turn, the status line says so, and both are stored.

Data, offline: the feed of tests/browser/test_feed_cards_browser.py (real papers of the bundled demo corpus, six
saved, sixteen arriving) in a store file of the notebook's own.
"""

from __future__ import annotations

import re

import pytest
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook
from test_feed_cards_browser import CHECK, SETUP, _order, _printed

pytestmark = pytest.mark.browser


def test_two_thumbs_pressed_in_a_row_are_both_stored(page: Page, lab: Lab, dialogs: list[str]) -> None:
    for leftover in lab.root_dir.glob("feed-cards.sqlite3*"):
        leftover.unlink()
    write_notebook(lab, "feed-thumbs-row.ipynb", SETUP, CHECK)
    open_notebook(page, lab, "feed-thumbs-row.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root.locator(".plc-feedbar")).to_contain_text("Morning feed 2026-03-04", timeout=180_000)
    status = root.locator(".plc-status-text")
    first, second = _order(root)[1:3]
    # every text the status line shows, kept (the waiting line may last only as long as the first re-rank)
    status.evaluate(
        "el => { window.statusSeen = []; new MutationObserver(() => window.statusSeen.push(el.textContent))"
        ".observe(el, {childList: true, characterData: true, subtree: true}); }"
    )
    # thumb up on one card and, at once, thumb down on the next: the second waits for the first's re-rank
    root.locator(f".plc-card[data-id='{first}']").get_by_role("button", name="More like this").click()
    root.locator(f".plc-card[data-id='{second}']").get_by_role("button", name="Less like this").click()
    shot(page, "feed-thumbs-row")
    expect(root.locator(f".plc-card[data-id='{second}']")).to_have_count(0, timeout=60_000)
    expect(status).to_have_text(
        re.compile(r"^Re-ranked: less like “.+” — it left today’s list \(Undo brings it back\)\.$"), timeout=60_000
    )
    up = root.locator(f".plc-card[data-id='{first}']").get_by_role("button", name="More like this")
    expect(up).to_have_attribute("aria-pressed", "true")
    seen = page.evaluate("window.statusSeen")
    waiting = [t for t in seen if re.match(r"^Saving your thumb on “.+” and re-ranking… then the thumb on “.+”\.$", t)]
    assert waiting, f"the status line never said the second thumb waits: {seen}"
    run_cell(page, 1)
    assert _printed(page, 1, "THUMBS") == {first: 1, second: -1}
    assert dialogs == []
