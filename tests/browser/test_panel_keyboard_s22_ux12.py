"""The side panel's reading list by keyboard only, on a narrow panel (session 22, a researcher's day):

- Escape on an open row closed it and blurred it: the focus fell to the page, and the next Tab started again from the
  top of JupyterLab. Now the row closes and keeps the keyboard (↓ goes on to the next row, Enter opens it again).
- The open row kept its corner ("2026" over "12 author…") beside the title: on a 250 px panel a long title wrapped
  into six lines of two words. The open row's title now takes the whole width (its details name authors and date),
  and a closed row's corner says "Imaginary Research Lab" or "12 authors", not a count cut short.
- "Export list: BibTeX" on an empty list downloaded an empty file without a word; it now says the list is empty.

Papers: made up here (a paper known only by its author count and organisation, as a lab's report is).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import card, open_lab, open_panel, seed

from paperlab import Paper

pytestmark = pytest.mark.browser

LONG = Paper(
    "Scaling Laws for Made-Up Sensor Foundation Models Trained on Synthetic Radar Returns",
    arxiv_id="2605.99902",
    n_authors=12,
    organization="Imaginary Research Lab",
    published="2026-05-03",
)
COUNTED = Paper("Tide Gauges Read by Phone Cameras", arxiv_id="2605.99903", n_authors=12, published="2026-05-04")
NAMED = Paper("Kelp Canopy Mapping", arxiv_id="2605.99904", authors=["Ana Ruiz"], published="2025-02-01")
LIST = "ux12-keyboard"
EMPTY = "ux12-nothing-yet"


def test_the_list_by_keyboard_on_a_narrow_panel(page: Page, lab: Lab, dialogs: list[str]) -> None:
    seed(lab, LONG, COUNTED, NAMED, name=LIST)
    seed(lab, name=EMPTY)
    page.set_viewport_size({"width": 1200, "height": 800})
    open_lab(page, lab, "ux12-keyboard")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option(LIST)
    expect(page.locator(".paperlab-card")).to_have_count(3)
    assert page.locator(".paperlab-panel").bounding_box()["width"] <= 260  # JupyterLab's default side panel
    expect(card(page, LONG.id).locator(".paperlab-row-author")).to_have_text("Imaginary Research Lab")
    expect(card(page, COUNTED.id).locator(".paperlab-row-author")).to_have_text("12 authors")
    expect(card(page, NAMED.id).locator(".paperlab-row-author")).to_have_text("Ruiz")

    # keyboard only: Tab from the filter box reaches the list, Enter opens the row, Escape closes it in place
    page.locator(".paperlab-search").focus()
    for _ in range(5):  # the four status filter buttons, then the list
        page.keyboard.press("Tab")
    first = card(page, LONG.id)
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(first).to_have_class("paperlab-card paperlab-selected")
    title = first.locator(".paperlab-title")
    box = title.bounding_box()
    row = first.locator(".paperlab-row").bounding_box()
    assert box and row and box["width"] >= 0.8 * row["width"], (box, row)  # the title has the row's width
    assert box["height"] <= 4 * 17, box  # in at most four lines (six beside the corner)
    expect(first.locator(".paperlab-details")).to_contain_text("12 authors · Imaginary Research Lab · 2026-05-03")
    shot(page, "panel-keyboard-narrow-open")
    page.keyboard.press("Escape")
    expect(page.locator(".paperlab-details")).to_have_count(0)
    expect(first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(card(page, COUNTED.id)).to_be_focused()
    expect(card(page, COUNTED.id)).to_have_class("paperlab-card paperlab-selected")
    page.keyboard.press("Escape")
    expect(card(page, COUNTED.id)).to_be_focused()
    page.keyboard.press("Shift+Tab")  # back out of the list, to the last status filter
    expect(page.locator(".paperlab-status-filter-button").last).to_be_focused()

    # the empty list's export says so, and downloads nothing
    page.locator(".paperlab-list-select").select_option(EMPTY)
    expect(page.locator(".paperlab-empty")).to_contain_text(f"No papers in “{EMPTY}” yet")
    downloads: list[object] = []
    page.on("download", lambda d: downloads.append(d))
    page.locator(".paperlab-export-bibtex").focus()
    page.keyboard.press("Enter")
    toast = page.locator(".Toastify__toast", has_text=f"“{EMPTY}” is empty: nothing to export")
    expect(toast).to_be_visible()
    page.wait_for_timeout(500)
    assert downloads == []
    assert dialogs == []
    lab.api("DELETE", "lists/" + quote(EMPTY, safe=""))
