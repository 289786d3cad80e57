"""The side panel's filter folds accents and case like the cards and the kernel's search, in a real JupyterLab.

A walkthrough typed "Hubotter" for a paper by "Jonas Hübotter" and found nothing. Data: our own papers, seeded
through the REST API (one hostile title). Screenshot: test-artifacts/panel-fold-light.png.
"""

from __future__ import annotations

import pytest
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed

from paperlab import Paper

pytestmark = pytest.mark.browser

# ids no other browser test uses: the lab (and its store) is shared by the whole session, and a paper stored
# earlier under the same id would keep its own authors and title
PAPERS = [
    Paper("Self-Distillation Enables Continual Learning", arxiv_id="2607.90001", authors=["Jonas Hübotter"]),
    Paper("Schrodinger Equations on Lattices", arxiv_id="2607.90002", authors=["Alan Turing"]),
    Paper("<img src=x onerror=alert(1)> Naïve <b>Café</b> Routing", arxiv_id="2607.90003", authors=["Grace Hopper"]),
]


def test_panel_filter_ignores_accents(page: Page, lab: Lab) -> None:
    seed(lab, *PAPERS, name="fold")
    open_lab(page, lab, "panel-fold")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("fold")
    rows = page.locator(".paperlab-card")
    expect(rows).to_have_count(3)
    box = page.locator(".paperlab-search")
    for typed, title in (
        ("hubotter", PAPERS[0].title),
        ("HÜBOTTER", PAPERS[0].title),
        ("schrödinger", PAPERS[1].title),
        ("naive cafe", PAPERS[2].title),
    ):
        box.fill(typed)
        expect(rows).to_have_count(1)
        expect(rows.first.locator(".paperlab-title")).to_have_text(title)
    assert rows.first.locator(".paperlab-title img, .paperlab-title b").count() == 0  # the title stays text
    box.fill("hubotter")
    shot(page, "panel-fold-light")
