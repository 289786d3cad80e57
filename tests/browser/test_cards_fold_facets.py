"""The cards in a real JupyterLab (Chromium): accents folded, facet counts that follow the result, one count.

A walkthrough found: typing "Hubotter" found nothing while "Hübotter" found the paper (the filter, Enter and
``lib.search`` compared accents); the Year chips kept the whole library's counts ("2026 (14)" with 5 cards shown);
the count read "17+ of 20 papers" for a moment on a feed's screenful; a feed's mode menu read "lexical" where every
other cards' read "hybrid". Data: our own papers (titles and authors
written for this test, one hostile title); the feed test uses test_feed_cards_browser's demo papers. Screenshots:
test-artifacts/cards-fold-facets-{light,dark}.png, cards-author-fallback-{light,dark}.png, feed-mode-{light,dark}.png.
"""

from __future__ import annotations

import re

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

YEARS = [2026, 2026, 2025, 2024, 2023, 2022, 2021, 2020]
SETUP = f"""
from paperlab import Library, Paper
from paperlab.widget import PaperCards
papers = [
    Paper("Schrödinger Bridges for Unpaired Translation", arxiv_id="2601.00001", published="2026-01-05",
          authors=["Jonas Hübotter", "Zoë Müller"], abstract="A naïve solver of the bridge problem."),
    Paper("Schrodinger Equations on Lattices", arxiv_id="2501.00002", published="2025-02-01",
          authors=["Alan Turing"], abstract="Numerical methods."),
    Paper("<img src=x onerror=alert(1)> Hübotter <b>bold</b>", arxiv_id="2401.00003", published="2024-03-01",
          authors=["Grace Hopper"], abstract="Hostile title."),
] + [
    Paper(f"Filler study number {{i}} of sparse retrieval", arxiv_id=f"2{{y % 10}}{{i % 12 + 1:02d}}.{{i:05d}}",
          published=f"{{y}}-06-0{{1 + i % 9}}", authors=[f"Author{{i}} Family"], abstract="Retrieval of documents.")
    for i, y in enumerate({YEARS * 4!r})
]
PaperCards(Library(papers), search_mode="lexical")
"""
N = 3 + len(YEARS) * 4
FILLERS = {y: 4 * YEARS.count(y) for y in YEARS}  # fillers by year
ALL_2026 = 1 + FILLERS[2026]

# every text the count ever showed, recorded from before the cards render
RECORD_COUNTS_JS = """() => {
  window.__plcCounts = [];
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('.plc-count')) {
      const t = el.textContent;
      if (t && window.__plcCounts[window.__plcCounts.length - 1] !== t) window.__plcCounts.push(t);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def chip(root, kind: str, value: str):
    return root.locator(f"button.plc-chip[data-facet='{kind}'][data-value='{value}']")


def test_accents_fold_and_facet_counts_follow_the_result(page: Page, lab: Lab) -> None:
    write_notebook(lab, "cards-fold-facets.ipynb", SETUP)
    open_notebook(page, lab, "cards-fold-facets.ipynb")
    page.evaluate(RECORD_COUNTS_JS)
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    count = root.locator(".plc-toolbar .plc-count").last
    expect(count).to_have_text(f"{N} papers")
    box = root.locator("input[type=search]")
    expect(chip(root, "year", "2026")).to_have_text(f"2026 ({ALL_2026})")

    # "hubotter" finds the paper by Jonas Hübotter (and the hostile title holding the word) and marks the name
    box.fill("hubotter")
    expect(count).to_have_text(f"2 of {N} papers")
    card = root.locator(".plc-card[data-id='2601.00001']")
    expect(card.locator(".plc-authors mark")).to_have_text(["Hübotter"])
    hostile = root.locator(".plc-card[data-id='2401.00003'] .plc-title")
    expect(hostile.locator("mark")).to_have_text(["Hübotter"])
    assert hostile.locator("img, b").count() == 0  # the title stays text
    # the facet counts follow the two shown papers; a year none of them has is dimmed
    expect(chip(root, "year", "2026")).to_have_text("2026 (1)")
    expect(chip(root, "year", "2024")).to_have_text("2024 (1)")
    expect(chip(root, "year", "2020")).to_have_text("2020 (0)")
    expect(chip(root, "year", "2020")).to_have_class(re.compile(r"\bplc-chip-none\b"))
    expect(chip(root, "year", "2024")).not_to_have_class(re.compile(r"\bplc-chip-none\b"))

    # both spellings from either spelling, each marked as written
    for typed in ("SCHRODINGER", "schrödinger"):
        box.fill(typed)
        expect(count).to_have_text(f"2 of {N} papers")
        expect(root.locator(".plc-title mark")).to_have_text(["Schrödinger", "Schrodinger"])
    shot(page, "cards-fold-facets-light")
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == [], failures
    set_theme(page, "Dark")
    try:
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 10 and failures == [], failures
        shot(page, "cards-fold-facets-dark")
    finally:
        set_theme(page, "Light")

    # a chosen year: the shown cards are that year's; the other years count what choosing them too would add
    box.fill("")
    expect(count).to_have_text(f"{N} papers")
    expect(chip(root, "year", "2026")).to_have_text(f"2026 ({ALL_2026})")
    chip(root, "year", "2026").click()
    expect(count).to_have_text(f"{ALL_2026} of {N} papers")
    expect(chip(root, "year", "2026")).to_have_text(f"2026 ({ALL_2026})")
    expect(chip(root, "year", "2025")).to_have_text(f"2025 ({1 + FILLERS[2025]})")
    box.fill("filler")
    expect(count).to_have_text(f"{FILLERS[2026]} of {N} papers")
    expect(chip(root, "year", "2026")).to_have_text(f"2026 ({FILLERS[2026]})")
    expect(chip(root, "year", "2025")).to_have_text(f"2025 ({FILLERS[2025]})")
    chip(root, "year", "2026").click()

    # Enter: the kernel's lexical search folds too ("schrodinger" finds "Schrödinger"), the counts follow its ranking
    box.fill("schrodinger")
    box.press("Enter")
    expect(root.locator(".plc-ranked")).to_be_visible(timeout=60_000)
    expect(count).to_have_text(f"2 results · {N} papers")
    assert {root.locator(".plc-card").nth(i).get_attribute("data-id") for i in range(2)} == {"2601.00001", "2501.00002"}
    expect(chip(root, "year", "2026")).to_have_text("2026 (1)")
    expect(chip(root, "year", "2025")).to_have_text("2025 (1)")
    expect(chip(root, "year", "2023")).to_have_text("2023 (0)")
    # an author's name, typed without its accents: the kernel (titles and abstracts) finds nothing close enough,
    # so the cards show the paper holding it (the filter's rule) and say so
    box.fill("zoe muller")
    box.press("Enter")
    status = root.locator(".plc-status-text")
    expect(status).to_have_text(
        "1 paper holds every word of “zoe muller” (title, abstract, authors or keywords) — not ranked by relevance.",
        timeout=60_000,
    )
    expect(root.locator(".plc-ranked")).to_be_hidden()
    expect(count).to_have_text(f"1 of {N} papers")
    expect(root.locator(".plc-card[data-id='2601.00001'] .plc-authors mark")).to_have_text(["Zoë", "Müller"])
    shot(page, "cards-author-fallback-light")
    set_theme(page, "Dark")
    try:
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 10 and failures == [], failures
        shot(page, "cards-author-fallback-dark")
    finally:
        set_theme(page, "Light")

    # the count never showed a partial scan ("17+ of 35 papers") on the way
    shown = page.evaluate("() => window.__plcCounts || []")
    assert shown and not [t for t in shown if "+" in t], shown


def test_feed_cards_menu_shows_the_mode_their_search_uses(page: Page, lab: Lab) -> None:
    """A feed's cards offer the same default search mode as other cards, and Enter searches in the mode shown."""
    from test_feed_cards_browser import SETUP as FEED_SETUP

    for leftover in lab.root_dir.glob("feed-cards.sqlite3*"):
        leftover.unlink()
    write_notebook(lab, "feed-mode.ipynb", FEED_SETUP)
    open_notebook(page, lab, "feed-mode.ipynb")
    page.evaluate(RECORD_COUNTS_JS)
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root.locator(".plc-feedbar")).to_contain_text("8 of your papers ranked for you", timeout=180_000)
    expect(root.locator(".plc-toolbar .plc-count").last).to_have_text("8 papers")
    mode = root.locator("select[aria-label='Search mode']")
    expect(mode).to_have_value("hybrid")
    box = root.locator("input[type=search]")
    box.fill("contrastive representation learning")
    box.press("Enter")
    expect(root.locator(".plc-ranked")).to_contain_text("(hybrid)", timeout=120_000)
    expect(root.locator(".plc-status-text")).to_contain_text("hybrid")
    shot(page, "feed-mode-light")
    set_theme(page, "Dark")
    try:
        shot(page, "feed-mode-dark")
    finally:
        set_theme(page, "Light")
    shown = page.evaluate("() => window.__plcCounts || []")
    assert shown and not [t for t in shown if "+" in t], shown
