"""The bibliography section in use, in a real JupyterLab (Chromium): an empty notebook, then "Insert card".

What a researcher met in a walkthrough: the section's BibTeX / CSL-JSON buttons sat right above the list's
Export BibTeX / CSL-JSON buttons with nothing telling them apart; "walk.ipynb cites no paper" did not say what
counts as a citation nor how to add one; and the panel's "Insert card" logged "Widget for added cell with ID:
undefined not found!" (a code cell inserted, then converted). Own data: one paper seeded through the REST API.
Screenshots: test-artifacts/bibliography-panel-light.png, bibliography-panel-dark.png.
"""

from __future__ import annotations

import json
import re

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed, select, wait_kernel_idle

from paperlab.paper import Paper

pytestmark = pytest.mark.browser

PAPER = Paper(
    "Grounded Captions Without Invented Objects",
    arxiv_id="2407.00123",
    authors=["Ann Example"],
    published="2024-07-01",
)


def _notebook(lab: Lab, name: str) -> None:
    nb = {
        "cells": [
            {"cell_type": "code", "id": "c0", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": None}
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (lab.root_dir / name).write_text(json.dumps(nb))


def test_empty_bibliography_says_how_and_insert_card_cites(page: Page, lab: Lab) -> None:
    seed(lab, PAPER, name="bibpanel")
    try:
        _walk(page, lab)
    finally:
        page.close()  # no panel left polling: a list deleted under a loading panel is a console 404
        lab.api("DELETE", "lists/bibpanel")


def _walk(page: Page, lab: Lab) -> None:
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("warning", "error") else None)
    _notebook(lab, "empty-cites.ipynb")
    open_lab(page, lab, "bibliography-panel", "empty-cites.ipynb")
    wait_kernel_idle(page)
    page.locator(".paperlab-bib-toolbar").first.click()
    section = page.locator(".paperlab-bib")
    status = section.locator(".paperlab-bib-status")
    # the empty state says what counts as a citation and how to add one
    expect(status).to_contain_text("empty-cites.ipynb cites no paper yet.")
    expect(status).to_contain_text('paperlab.paper("arXiv id or DOI")')
    expect(status).to_contain_text("“Insert card”")

    # the notebook's buttons are one labelled group; the list's export says it exports the list
    group = page.get_by_role("group", name="This notebook’s bibliography")
    expect(group).to_contain_text("This notebook’s citations:")
    expect(group.get_by_role("button", name="Download .bib")).to_be_visible()
    expect(group.get_by_role("button", name="Download CSL-JSON")).to_be_visible()
    expect(page.locator(".paperlab-footer-label")).to_have_text("Export list:")

    # "Insert card" from the panel: one rendered markdown card below the active cell, no console complaint
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("bibpanel")
    row = select(page, PAPER.id)
    cells = page.locator(".jp-Notebook .jp-Cell")
    expect(cells).to_have_count(1)
    row.get_by_role("button", name="Insert card").click()
    expect(cells).to_have_count(2)
    card = cells.nth(1)
    expect(card).to_have_class(re.compile(r"jp-MarkdownCell"))
    expect(card.locator(".jp-RenderedMarkdown")).to_contain_text(PAPER.title)
    expect(card).to_have_class(re.compile(r"jp-mod-active"))
    row.get_by_role("button", name="Insert code").click()
    expect(cells).to_have_count(3)
    expect(cells.nth(2)).to_have_class(re.compile(r"jp-CodeCell"))
    expect(cells.nth(2).locator(".cm-line")).to_have_text(["import paperlab", f'paperlab.paper("{PAPER.id}")'])
    page.wait_for_timeout(500)
    assert not [m for m in console if "not found" in m or "Widget for added cell" in m], console

    # now the notebook cites the paper (twice: the card and the call), counted once
    section.locator(".paperlab-bib-refresh").click()
    expect(status).to_have_text("empty-cites.ipynb cites 1 work")
    expect(section.locator(".paperlab-bib-cells")).to_have_text("cells 2, 3")
    for theme in ("Light", "Dark"):
        page.locator(".jp-Notebook").first.click()  # the palette's shortcut, not the panel's keys
        set_theme(page, theme)
        section.scroll_into_view_if_needed()
        shot(page, f"bibliography-panel-{theme.lower()}")
        checked, failures = contrast_failures(page, ".paperlab-bib, .paperlab-footer")
        assert checked >= 8 and failures == [], (theme, failures)
    set_theme(page, "Light")
