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
