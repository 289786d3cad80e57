"""Helpers for the browser tests: the running-JupyterLab handle, Chromium flags, screenshots."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paths import ARTIFACTS
from servertools import call_api

CHROMIUM = Path("/usr/bin/chromium")
#: The reading-list panel's tab in JupyterLab's left sidebar.
PANEL_TAB = ".jp-SideBar.jp-mod-left .lm-TabBar-tab[data-id='paperlab-reading-list']"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Lab:
    """A running JupyterLab: its base URL, token, notebook folder and paperlab store folder."""

    url: str
    token: str
    root_dir: Path
    paperlab_home: Path
    log: Path

    def page_url(self, path: str = "lab", workspace: str | None = None) -> str:
        """URL of a page, with the token; ``workspace`` gives a fresh, reset layout."""
        if workspace:
            path = f"lab/workspaces/{workspace}"
        sep = "&" if "?" in path else "?"
        return (
            f"{self.url}/{path}{sep}reset&token={self.token}"
            if workspace
            else f"{self.url}/{path}{sep}token={self.token}"
        )

    def api(self, method: str, path: str, body: object = None) -> object:
        """Call the paperlab REST API with the token (for test setup and checks)."""
        return call_api(self.url, self.token, method, path, body)


def shot(page, name: str) -> Path:
    """Save a screenshot to test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def write_notebook(lab: Lab, name: str, *sources: str) -> None:
    """Write a notebook ``name`` into the lab's folder, one code cell per source (one empty cell without any)."""
    cells = [
        {"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [], "source": src}
        for i, src in enumerate(sources or [""])
    ]
    nb = {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (lab.root_dir / name).write_text(json.dumps(nb))


def show_panel(page: Any) -> None:
    """Show the reading-list panel (a restored layout may already show it, or still be showing it)."""
    from playwright.sync_api import expect

    panel = page.locator(".paperlab-panel")
    for _ in range(3):
        try:
            expect(panel).to_be_visible(timeout=1_500)
            return
        except AssertionError:
            page.locator(PANEL_TAB).click()
    expect(panel).to_be_visible()


def match_badge(score: float, ranking: Iterable[float]) -> str:
    """The card badge of ``score`` in a ranking with ``ranking`` scores (js/src/widget/score.ts, probabilities):
    a whole percent, one decimal when another score of the ranking rounds to the same whole percent."""
    pct = math.floor(score * 100 + 0.5)  # JavaScript's Math.round
    if any(other != score and math.floor(other * 100 + 0.5) == pct for other in ranking):
        tenths = math.floor(score * 1000 + 0.5)
        return ">99.9% match" if tenths >= 1000 else "<0.1% match" if tenths < 1 else f"{tenths / 10:.1f}% match"
    return ">99% match" if pct >= 100 else "<1% match" if pct < 1 else f"{pct}% match"


#: The kernel the test notebooks name (write_notebook), as JupyterLab lists it.
KERNEL_LABEL = "Python 3 (ipykernel)"
#: Dialogs JupyterLab raises for a moment's trouble on a loaded machine (a REST call that timed out); they are
#: dismissed and the run is sent again. A kernel dialog is answered with KERNEL_LABEL. Any other dialog over the
#: notebook fails the test, with its text.
TRANSIENT_DIALOGS = ("Server Connection Error", "A connection to the Jupyter server could not be established")


def clear_transient_dialog(page: Any) -> None:
    """Dismiss a transient JupyterLab dialog over the page, answer a kernel dialog with the notebook's kernel; raise
    with the text of any other dialog."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count() == 0:
        return
    text = " ".join(dialog.first.inner_text().split())
    if text.startswith("Select Kernel"):
        # Notebook 7 asks for a kernel when its start of the notebook's own one did not answer in time (seen on a
        # loaded machine with many sessions open): pick the notebook's kernel, as a user would
        dialog.first.locator("select").select_option(label=KERNEL_LABEL)
        dialog.first.locator(".jp-Dialog-footer .jp-mod-accept").click()
        print(f"answered JupyterLab's kernel dialog with {KERNEL_LABEL!r}")
        return
    if not any(t in text for t in TRANSIENT_DIALOGS):
        raise AssertionError(f"a JupyterLab dialog covers the notebook: {text!r}")
    print(f"dismissed a transient JupyterLab dialog: {text!r}")
    dialog.first.locator(".jp-Dialog-footer button").last.click()


def run_cell(page: Any, index: int) -> None:
    """Run the index-th code cell (click into it, Shift+Enter) and wait until the kernel took it.

    Right after a kernel starts, JupyterLab may show it idle before it accepts code; a run sent
    then is dropped (the prompt stays "[ ]:"), so it is sent again. A dialog over the notebook is
    handled by :func:`clear_transient_dialog` before each try.
    """
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect

    prompt = page.locator(".jp-CodeCell .jp-InputPrompt").nth(index)
    for _ in range(5):
        clear_transient_dialog(page)
        try:
            page.locator(".jp-CodeCell .cm-content").nth(index).click(timeout=15_000)
        except PlaywrightError:
            continue  # a dialog opened meanwhile and caught the click: handled at the next try
        page.keyboard.press("Shift+Enter")
        try:
            expect(prompt).not_to_have_text("[ ]:", timeout=3_000)
            return
        except AssertionError:
            continue
    clear_transient_dialog(page)
    raise AssertionError(f"cell {index} was never run")
