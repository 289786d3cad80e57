"""The cards of a reading-group schedule say who presented each paper and when, in a real JupyterLab (Chromium).

The lead's walkthrough (session 10): papers read from a "| Date | Presenter | Paper |" table showed only "Schedule";
now each card's meta line says "Presented by Maria Okafor · 2026-02-05" (several presenters joined, a name written
with markup as text), and the markdown card the cards insert below says it too.

Data: our own schedule ``tests/data/session/s10-presented.md``.
Screenshots: test-artifacts/cards-presented-{light,dark}.png, cards-presented-inserted.png.
"""

from __future__ import annotations

import re

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from paths import DATA
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

SETUP = f"""
import warnings
import paperlab
from paperlab.widget import PaperCards
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    lib = paperlab.load({str(DATA / "session" / "s10-presented.md")!r})
PaperCards(lib, search_mode="lexical")
"""


def test_schedule_cards_say_who_presented_when(page: Page, lab: Lab, dialogs: list[str]) -> None:
    write_notebook(lab, "cards-presented.ipynb", SETUP)
    open_notebook(page, lab, "cards-presented.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    expect(root.locator(".plc-toolbar .plc-count").last).to_have_text("3 papers")
    maria = root.locator(".plc-card", has_text="Attention Is All You Need")
    expect(maria.locator(".plc-presented")).to_have_text("Presented by Maria Okafor · 2026-02-05")
    two = root.locator(".plc-card", has_text="Deep Residual Learning")
    expect(two.locator(".plc-presented")).to_have_text("Presented by Ken Ito, Lena Vogt · 2026-02-12")
    hostile = root.locator(".plc-card", has_text="Layer Normalization").locator(".plc-presented")
    expect(hostile).to_have_text("Presented by Sam Lee <img src=x onerror=alert> · 2026-02-19")
    assert root.locator("img").count() == 0 and dialogs == []
    for theme in ("Light", "Dark"):
        set_theme(page, theme)
        shot(page, f"cards-presented-{theme.lower()}")
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 5 and failures == [], f"{theme}: {failures}"
    set_theme(page, "Light")

    # the markdown card inserted below says it too, as text
    maria.get_by_role("button", name="Insert as a markdown cell below").click()
    inserted = page.locator(".jp-Notebook .jp-Cell").nth(1)
    expect(inserted).to_have_class(re.compile(r"jp-MarkdownCell"), timeout=15_000)
    expect(inserted.locator(".jp-RenderedMarkdown em").first).to_contain_text("Presented by Maria Okafor · 2026-02-05")
    shot(page, "cards-presented-inserted")
    assert dialogs == []
