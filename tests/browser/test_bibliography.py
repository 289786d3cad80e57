"""The panel's "Bibliography of this notebook" in a real JupyterLab: the notebook toolbar's button (and the palette
command) list every paper the open notebook cites -- cards in markdown cells and ``paperlab.paper`` calls, an
unsaved edit included -- with its reading status; BibTeX / CSL-JSON download and copy; a hostile card title shows as
text; readable (WCAG AA) in the light and dark themes.

Own data: the papers of tests/data/app/testing.atom.xml (seeded through the REST API) and a card written here.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from contrast import contrast_failures
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import FIRST, HOSTILE_TITLE, SECOND, open_lab, run_palette, seed, wait_kernel_idle

from paperlab.paper import Paper

pytestmark = pytest.mark.browser

CARD = Paper(HOSTILE_TITLE, arxiv_id="2401.00031", authors=["Card Author"], published="2024-01-02")


def _notebook(lab: Lab, name: str) -> None:
    def cell(kind: str, i: int, source: str) -> dict:
        extra = {"execution_count": None, "outputs": []} if kind == "code" else {}
        return {"cell_type": kind, "id": f"c{i}", "metadata": {}, "source": source, **extra}

    nb = {
        "cells": [
            cell("markdown", 0, "# Reading\n\n" + CARD.to_markdown()),
            cell("code", 1, f'import paperlab\npaperlab.paper("{FIRST.id}")'),
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (lab.root_dir / name).write_text(json.dumps(nb))


def _check_theme(page: Page, theme: str) -> None:
    checked, failures = contrast_failures(page, ".paperlab-bib")
    shot(page, f"bibliography-{theme}")
    assert checked >= 10 and failures == [], (theme, checked, failures)


def _set_aside(lab: Lab, ids: set[str], keep: str) -> list[tuple[str, dict]]:
    """Take the papers ``ids`` out of every list but ``keep``, and say what was taken: a paper an earlier test left on
    another list ("default", test_panel_lists) would have its state named by that list (the first holding it)."""
    taken = []
    for summary in lab.api("GET", "lists")["lists"]:
        path = "lists/" + quote(summary["name"], safe="")
        if summary["name"] == keep:
            continue
        for entry in lab.api("GET", path)["entries"]:
            if entry["paper"]["id"] in ids:
                taken.append((summary["name"], entry))
                lab.api("DELETE", f"{path}/entries/" + quote(entry["paper"]["id"], safe=""))
    return taken


def _put_back(lab: Lab, taken: list[tuple[str, dict]]) -> None:
    """The entries :func:`_set_aside` took, back on their lists with their status, tags and note."""
    for name, entry in taken:
        path = "lists/" + quote(name, safe="")
        lab.api("POST", f"{path}/entries", {"paper": entry["paper"]})
        change = {"status": entry["status"], "tags": entry["tags"], "note": entry["note"] or ""}
        lab.api("PATCH", f"{path}/entries/" + quote(entry["paper"]["id"], safe=""), change)


def test_bibliography_of_the_open_notebook(page: Page, lab: Lab, dialogs: list[str]) -> None:
    # the store as this test needs it, whatever ran before: its papers on its own list only
    taken = _set_aside(lab, {CARD.id, FIRST.id, SECOND.id}, keep="cited")
    seed(lab, FIRST, SECOND, name="cited")  # removed at the end: later tests' feeds rank by the lists
    lab.api("PATCH", f"lists/cited/entries/{FIRST.id}", {"status": "reading"})
    try:
        _walk_through(page, lab, dialogs)
    finally:
        page.close()  # no panel left polling: a list deleted under a loading panel is a console 404
        lab.api("DELETE", "lists/cited")
        _put_back(lab, taken)


def _walk_through(page: Page, lab: Lab, dialogs: list[str]) -> None:
    _notebook(lab, "cites.ipynb")
    open_lab(page, lab, "bibliography", "cites.ipynb")
    wait_kernel_idle(page)
    # an unsaved edit counts: cite SECOND in the code cell without saving
    page.locator(".jp-CodeCell .cm-content").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(f'\npaperlab.paper("{SECOND.id}")\npaperlab.paper("2999.00001")')
    page.locator(".paperlab-bib-toolbar").first.click()
    section = page.locator(".paperlab-bib")
    expect(section).to_be_visible(timeout=15_000)
    items = section.locator(".paperlab-bib-item")
    expect(items).to_have_count(4, timeout=30_000)
    expect(section.locator(".paperlab-bib-status")).to_have_text("cites.ipynb cites 4 works")
    assert [items.nth(i).get_attribute("data-paper-id") for i in range(4)] == [
        CARD.id,
        FIRST.id,
        SECOND.id,
        "2999.00001",
    ]
    expect(items.nth(0).locator(".paperlab-bib-paper")).to_have_text(HOSTILE_TITLE)  # as text
    expect(items.nth(0).locator(".paperlab-bib-state")).to_have_text("not on a reading list")
    expect(items.nth(1).locator(".paperlab-bib-state")).to_have_text("Reading in list “cited”")
    expect(items.nth(2).locator(".paperlab-bib-state")).to_have_text("To read in list “cited”")
    expect(items.nth(2).locator(".paperlab-bib-cells")).to_have_text("cell 2")
    expect(items.nth(1).locator("a.paperlab-bib-paper")).to_have_attribute("href", FIRST.abs_url or "")
    expect(section.locator(".paperlab-bib-missing")).to_contain_text("2999.00001")
    assert page.locator(".paperlab-bib img, .paperlab-bib script, .paperlab-bib b").count() == 0 and dialogs == []

    with page.expect_download() as info:
        section.locator(".paperlab-bib-bibtex").click()
    download = info.value
    bibtex = open(download.path(), encoding="utf-8").read()
    assert download.suggested_filename == "cites.bib" and bibtex.count("@") == 3 and FIRST.title in bibtex
    with page.expect_download() as info:
        section.locator(".paperlab-bib-csl").click()
    csl = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert info.value.suggested_filename == "cites.csl.json"
    assert [item["title"] for item in csl] == [HOSTILE_TITLE, FIRST.title, SECOND.title]

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    section.locator(".paperlab-bib-copy").click()
    expect(section.locator(".paperlab-bib-status")).to_have_text("BibTeX of cites.ipynb copied")
    assert page.evaluate("navigator.clipboard.readText()") == bibtex

    # the palette command lists the current notebook again (here: after the extra call is deleted)
    page.locator(".jp-CodeCell .cm-content").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Shift+Home")
    page.keyboard.press("Backspace")
    run_palette(page, "Bibliography of This Notebook")
    expect(items).to_have_count(3, timeout=30_000)
    expect(section.locator(".paperlab-bib-missing")).to_have_text("")

    _check_theme(page, "light")
    run_palette(page, "Use Theme: JupyterLab Dark")
    expect(page.locator("body[data-jp-theme-light='false']")).to_have_count(1, timeout=15_000)
    page.wait_for_timeout(500)
    try:
        _check_theme(page, "dark")
    finally:
        run_palette(page, "Use Theme: JupyterLab Light")
        expect(page.locator("body[data-jp-theme-light='true']")).to_have_count(1, timeout=15_000)
