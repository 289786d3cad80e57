"""The paper cards after a page reload, in a real JupyterLab (Chromium): the kernel search they showed comes back.

A walkthrough reloaded the page after a search that found nothing: the search box still held the query, but the
list showed every paper, with no ranked chip and no message. The test saves the notebook, reloads the page (the
kernel and its widget models live on) and reads the restored view: after a search with results, the same ranking,
chip and status; after a search with none, an empty list that says why. Data: our own papers (lexical search,
no model). Screenshot: test-artifacts/cards-restored-empty.png.
"""

from __future__ import annotations

import pytest
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import show_cards

pytestmark = pytest.mark.browser

SETUP = """
from paperlab import Library, Paper
from paperlab.widget import PaperCards
papers = [
    Paper("Random Image Transformations Make Models Robust", arxiv_id="2304.00001", published="2023-01-02",
          abstract="Random transformations of images make vision models robust."),
    Paper("Sparse Rewards for Reinforcement Learning Agents", arxiv_id="2304.00002", published="2023-01-03",
          abstract="Agents trained with sparse rewards."),
    Paper("Dialogue Roles Without Labels", arxiv_id="2304.00003", published="2023-01-04",
          abstract="Roles in dialogue found without labelled data."),
]
PaperCards(Library(papers), search_mode="lexical")
"""
EMPTY = "protein folding with cryo microscopy maps"


def reload_cards(page: Page):
    """Save the notebook, reload the page, wait for the restored cards widget."""
    page.keyboard.press("Control+s")
    expect(page.locator(".jp-mod-dirty")).to_have_count(0, timeout=15_000)
    page.reload()
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=60_000)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    return root


def test_reload_restores_the_search_shown(page: Page, lab: Lab) -> None:
    root = show_cards(page, lab, "cards-restore.ipynb", SETUP)
    box = root.locator("input[type=search]")
    box.fill("random transformations")
    box.press("Enter")
    expect(root.locator(".plc-ranked")).to_be_visible(timeout=60_000)
    expect(root.locator(".plc-count").last).to_have_text("1 result · 3 papers")

    root = reload_cards(page)
    expect(root.locator("input[type=search]")).to_have_value("random transformations")
    expect(root.locator(".plc-ranked")).to_contain_text("Ranked by the kernel: “random transformations” (lexical)")
    expect(root.locator(".plc-count").last).to_have_text("1 result · 3 papers")
    expect(root.locator(".plc-title")).to_have_text(["Random Image Transformations Make Models Robust"])
    expect(root.locator(".plc-status-text")).to_have_text(
        "1 result for “random transformations” (lexical), best first."
    )

    # a search that finds nothing, then a reload: the query, an empty list that says why, the status
    box = root.locator("input[type=search]")
    box.fill(EMPTY)
    box.press("Enter")
    expect(root.locator(".plc-empty")).to_contain_text(f"No paper is close enough to “{EMPTY}”", timeout=60_000)
    root = reload_cards(page)
    expect(root.locator("input[type=search]")).to_have_value(EMPTY)
    expect(root.locator(".plc-card")).to_have_count(0)
    expect(root.locator(".plc-empty")).to_contain_text(f"No paper is close enough to “{EMPTY}”")
    expect(root.locator(".plc-status-text")).to_have_text(
        f"No paper passed the relevance cut-off for “{EMPTY}” (lexical)."
    )
    shot(page, "cards-restored-empty")

    # the chip's ✕ goes back to every paper and clears the box
    root.locator(".plc-ranked").get_by_role("button", name="Back to all papers").click()
    expect(root.locator("input[type=search]")).to_have_value("")
    expect(root.locator(".plc-count").last).to_have_text("3 papers")
