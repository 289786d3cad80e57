"""The bibliography section follows the notebook you are in, in a real JupyterLab (Chromium).

What a researcher met in a walkthrough: after a page reload (or a tab switch) the open section said "Open a
notebook…" although a notebook was the active one; after "Insert card" it still said "cites no paper yet" until
Refresh was pressed; and the inserted card landed below the active cell out of view. Own data: one paper seeded
through the REST API, two notebooks written here. Screenshots: test-artifacts/bibliography-follow-light.png,
bibliography-follow-dark.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot, write_notebook
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed, select

from paperlab.paper import Paper

pytestmark = pytest.mark.browser

PAPER = Paper(
    "Citations That Follow the Notebook",
    arxiv_id="2408.00321",
    authors=["Bo Example"],
    published="2024-08-01",
)


def test_section_follows_reload_tab_switch_and_insert(page: Page, lab: Lab) -> None:
    seed(lab, PAPER, name="bibfollow")
    # a long notebook citing nothing, and a short one citing the paper through a paperlab.paper call
    write_notebook(lab, "long.ipynb", *[f"x{i} = {i}\n" + "\n".join(["# filler"] * 6) for i in range(30)])
    write_notebook(lab, "cites.ipynb", f'import paperlab\npaperlab.paper("{PAPER.id}")')
    try:
        _walk(page, lab)
    finally:
        page.close()  # no panel left polling: a list deleted under a loading panel is a console 404
        lab.api("DELETE", "lists/bibfollow")


def _tab(page: Page, name: str):
    return page.locator("#jp-main-dock-panel .lm-TabBar-tab").filter(has_text=name)


def _wait_layout_saved(page: Page, lab: Lab, name: str) -> None:
    """Wait until JupyterLab saved the workspace with notebook ``name`` open (a reload restores that layout)."""
    url = f"{lab.url}/lab/api/workspaces/bibfollow?token={lab.token}"
    for _ in range(40):
        if name in page.request.get(url).text():
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"the workspace was never saved with {name} open")


def _walk(page: Page, lab: Lab) -> None:
    open_lab(page, lab, "bibfollow", "cites.ipynb")
    open_panel(page)
    section = page.locator(".paperlab-bib")
    status = section.locator(".paperlab-bib-status")
    section.locator(".paperlab-bib-title").click()  # open the section (remembered across reloads)
    expect(status).to_have_text("cites.ipynb cites 1 work")

    _wait_layout_saved(page, lab, "cites.ipynb")
    # a page reload that opens the long notebook beside it: the restored, active notebook is named, not "Open a…"
    page.goto(lab.page_url("lab/workspaces/bibfollow/tree/long.ipynb"))
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=60_000)
    open_panel(page)
    expect(status).to_contain_text("long.ipynb cites no paper yet.", timeout=20_000)

    # switching tabs follows the notebook in front
    _tab(page, "cites.ipynb").click()
    expect(status).to_have_text("cites.ipynb cites 1 work")
    _tab(page, "long.ipynb").click()
    expect(status).to_contain_text("long.ipynb cites no paper yet.")

    # the active cell is the first one, the notebook is scrolled to its end: the inserted card is out of sight
    notebook = page.locator(".jp-NotebookPanel:visible .jp-Notebook")
    notebook.locator(".jp-Cell").first.locator(".jp-InputPrompt").click()
    notebook.hover()
    for _ in range(10):
        page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    expect(notebook.locator(".jp-Cell").first).not_to_be_in_viewport()

    page.locator(".paperlab-list-select").select_option("bibfollow")
    select(page, PAPER.id).get_by_role("button", name="Insert card").click()
    inserted = notebook.locator(".jp-Cell.jp-mod-active")
    expect(inserted.locator(".jp-RenderedMarkdown")).to_contain_text(PAPER.title)
    expect(inserted).to_be_in_viewport()
    # the count follows the edit without Refresh
    expect(status).to_have_text("long.ipynb cites 1 work")
    expect(section.locator(".paperlab-bib-cells")).to_have_text("cell 2")

    for theme in ("Light", "Dark"):
        set_theme(page, theme)
        section.scroll_into_view_if_needed()
        shot(page, f"bibliography-follow-{theme.lower()}")
    set_theme(page, "Light")
