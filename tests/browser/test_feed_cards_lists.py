"""The morning feed's cards name the user's own reading lists, never one the user does not have (Chromium, JupyterLab).

A researcher saved papers to "thesis" and to a list of their own named with markup; the feed learns from both. The
cards' list menu ("List:") starts on one of those lists and offers only them (it showed "List: default", a list the
user never made); each pick says which list(s) hold the saved papers it is close to, the list name shown as text.

Data, offline: real papers of the bundled demo corpus in a store file of the notebook's own.
Screenshots: test-artifacts/feed-cards-lists-light.png, feed-cards-lists-dark.png.
"""

from __future__ import annotations

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

GROUP = "<img src=x onerror=alert('list')> reading group"

SETUP = f"""
import paperlab
from paperlab.data import demo_library
from paperlab.store import Store

demo = demo_library()


def topic(name, n, skip=0):
    return [p for p in demo if p.abstract and any(s.location.endswith(name) for s in p.sources)][skip : skip + n]


store = Store("feed-lists.sqlite3")
for p in topic("hf-papers-contrastive.txt", 6):
    store.reading_list("thesis").add(p)
for p in topic("hf-papers-ood-hallucination.txt", 6):
    store.reading_list({GROUP!r}).add(p)
arrivals = topic("hf-papers-contrastive.txt", 6, 6) + topic("hf-papers-ood-hallucination.txt", 6, 6)
profile = paperlab.InterestProfile(categories=[], hf_daily=False, k=8)
paperlab.feed(candidates=arrivals, profile=profile, store=store, today="2026-03-04")
"""


def test_feed_cards_name_only_the_users_lists(page: Page, lab: Lab, dialogs: list[str]) -> None:
    for leftover in lab.root_dir.glob("feed-lists.sqlite3*"):
        leftover.unlink()
    write_notebook(lab, "feed-lists.ipynb", SETUP)
    open_notebook(page, lab, "feed-lists.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root.locator(".plc-feedbar")).to_contain_text("Morning feed 2026-03-04", timeout=180_000)
    menu = root.get_by_role("combobox", name="Reading list the cards add to")
    options = menu.locator("option")
    expect(options).to_have_count(2)
    assert sorted(options.all_inner_texts()) == sorted(["thesis", GROUP])
    assert menu.input_value() in ("thesis", GROUP)
    expect(root).not_to_contain_text("default")
    reasons = root.locator(".plc-reason")
    expect(reasons.first).to_contain_text("close to “")
    texts = reasons.all_inner_texts()
    assert any("(in thesis" in t for t in texts), texts
    assert any(f"{GROUP}" in t for t in texts), texts  # the list's name is text, shown as written
    assert root.locator("img, script").count() == 0 and dialogs == []
    # the card's button adds to the list the menu shows
    card0 = root.locator(".plc-card[data-position='0']")
    add = card0.locator(".plc-list")
    expect(add).to_have_attribute("title", f"Add to reading list {menu.input_value()}")

    for theme in ("Light", "Dark"):
        set_theme(page, theme)
        root.scroll_into_view_if_needed()
        shot(page, f"feed-cards-lists-{theme.lower()}")
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 30 and failures == [], f"{theme}: {failures}"
    set_theme(page, "Light")
