"""``%papers NAME`` in a real JupyterLab (Chromium) when no paper passes the relevance cut-off but papers hold every
word (walkthrough #8: ``%papers hubotter`` showed "0 results · 0 papers"): the cards show the papers holding the
author's name, unranked, and the status line says why. Data: the papers of test_cards_fold_facets (our own; the
hostile title is escaped as tests/test_search_every_word.py checks in the kernel's HTML). Screenshots: test-artifacts/papers-every-word-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook
from test_cards_fold_facets import SETUP

pytestmark = pytest.mark.browser

MAGIC = (
    SETUP.replace('PaperCards(Library(papers), search_mode="lexical")', "")
    + "from paperlab.widget import set_active_library\n"
    + "set_active_library(Library(papers))\n"
    + "%load_ext paperlab\n"
    + "%papers zoe muller --mode lexical\n"
)


def test_papers_magic_shows_the_papers_holding_an_authors_name(page: Page, lab: Lab) -> None:
    write_notebook(lab, "papers-every-word.ipynb", MAGIC)
    open_notebook(page, lab, "papers-every-word.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    expect(root.locator(".plc-status-text")).to_have_text(
        "1 paper holds every word of “zoe muller” (title, abstract, authors or keywords) — not ranked by relevance.",
        timeout=60_000,
    )
    expect(root.locator(".plc-ranked")).to_be_hidden()
    cards = root.locator(".plc-card")
    expect(cards).to_have_count(1)
    expect(cards).to_have_attribute("data-id", "2601.00001")
    expect(root.locator(".plc-score")).to_have_count(0)  # not ranked: no "% match" badge
    expect(root.locator(".plc-card[data-id='2601.00001'] .plc-authors mark")).to_have_text(["Zoë", "Müller"])
    shot(page, "papers-every-word-light")
    set_theme(page, "Dark")
    try:
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 5 and failures == [], failures
        shot(page, "papers-every-word-dark")
    finally:
        set_theme(page, "Light")
