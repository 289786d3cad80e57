"""The morning feed as cards in a real JupyterLab notebook (Chromium): ``paperlab.feed(...)`` shows each paper
with why it is there and thumbs; pressing a thumb (keyboard or mouse) stores it and re-ranks the cards at once,
a thumb down leaves today's list with Undo, and re-running the cells shows the stored state.

Data, offline: real papers of the bundled demo corpus (six contrastive-learning papers saved; new contrastive and
hallucination papers arriving as ``candidates``) plus one paper of ours with a hostile title, in a store file of
the notebook's own. Screenshots: test-artifacts/feed-cards-light.png, feed-cards-dark.png.
"""

from __future__ import annotations

import ast
import re

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert('feed')> Contrastive <b>tricks</b>"

SETUP = f"""
import paperlab
from paperlab.data import demo_library
from paperlab.paper import Paper
from paperlab.store import Store
from paperlab.store.feed_memory import FeedMemory

demo = demo_library()


def topic(name, n, skip=0):
    return [p for p in demo if p.abstract and any(s.location.endswith(name) for s in p.sources)][skip : skip + n]


store = Store("feed-cards.sqlite3")
for p in topic("hf-papers-contrastive.txt", 6):
    store.reading_list("default").add(p)
hostile = Paper({HOSTILE!r}, abstract="contrastive learning with hard negatives", arxiv_id="2603.00001")
arrivals = [hostile] + topic("hf-papers-contrastive.txt", 8, 6) + topic("hf-papers-ood-hallucination.txt", 8)
profile = paperlab.InterestProfile(categories=[], hf_daily=False, k=8)
paperlab.feed(candidates=arrivals, profile=profile, store=store, today="2026-03-04")
"""

CHECK = """
again = paperlab.feed(candidates=arrivals, profile=profile, store=store, today="2026-03-04")
print("ORDER", [p.id for p in again.papers])
print("THUMBS", dict(FeedMemory(store).thumbs()))
"""

# ids of the cards in the DOM, in display order
ORDER_JS = """r => [...r.querySelectorAll('.plc-card')]
    .sort((a, b) => Number(a.dataset.position) - Number(b.dataset.position)).map(c => c.dataset.id)"""


def _order(root) -> list[str]:
    return root.evaluate(ORDER_JS)


def _printed(page: Page, cell: int, key: str) -> object:
    stdout = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stdout']"
    out = page.locator(".jp-CodeCell").nth(cell).locator(stdout).last
    expect(out).to_contain_text(key, timeout=120_000)
    line = next(x for x in out.inner_text().splitlines() if x.startswith(key))
    return ast.literal_eval(line[len(key) + 1 :])


def test_feed_cards_thumbs_rerank_at_once_and_are_stored(page: Page, lab: Lab, dialogs: list[str]) -> None:
    for leftover in lab.root_dir.glob("feed-cards.sqlite3*"):
        leftover.unlink()
    write_notebook(lab, "feed-cards.ipynb", SETUP, CHECK)
    open_notebook(page, lab, "feed-cards.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    bar = root.locator(".plc-feedbar")
    expect(bar).to_contain_text("Morning feed 2026-03-04", timeout=180_000)
    expect(bar).to_contain_text("8 of your papers ranked for you")
    status = root.locator(".plc-status-text")
    card0 = root.locator(".plc-card[data-position='0']")
    expect(card0.locator(".plc-reason")).to_contain_text("close to “")
    # the hostile title is text: no element made from it, no dialog
    expect(root.locator(".plc-title", has_text="<img src=x onerror")).to_have_count(1)
    assert root.locator("img, b, script").count() == 0 and dialogs == []
    # thumbs: icon buttons with names, tooltips and a pressed state
    up0 = card0.get_by_role("button", name="More like this")
    expect(up0).to_have_attribute("aria-pressed", "false")
    expect(up0).to_have_attribute("title", re.compile("rank papers like it higher"))
    before = _order(root)

    # keyboard: thumb down on the top card -> it leaves today's list, the focus stays at its place
    top = before[0]
    down0 = card0.get_by_role("button", name="Less like this")
    down0.focus()
    page.keyboard.press("Enter")
    expect(root.locator(f".plc-card[data-id='{top}']")).to_have_count(0, timeout=60_000)
    expect(status).to_have_text(
        re.compile(r"^Re-ranked: less like “.+” — it left today’s list \(Undo brings it back\)\.$")
    )
    expect(root.locator(".plc-card[data-position='0']")).to_be_focused()
    # what the re-rank did to the other papers is said in the bar (nothing leaves the list unsaid)
    moved = bar.locator(".plc-feed-moved")
    expect(moved).to_have_text(re.compile(r"^Your last thumb: .*(moved down|left today’s 8|came in).*\.$"))
    hidden = bar.locator(".plc-hidden-item")
    expect(hidden).to_have_count(1)
    assert hidden.get_attribute("data-id") == top
    after_down = _order(root)
    assert top not in after_down and after_down != before

    # mouse: thumb up on the card at position 3 -> stored, re-ranked, pressed, the focus follows the paper
    liked = after_down[3]
    root.locator(".plc-card[data-position='3']").get_by_role("button", name="More like this").click()
    expect(status).to_have_text(
        re.compile(r"^Re-ranked: more like “.+” — it (moved from 4 to \d|stays at 4)\.$"), timeout=60_000
    )
    liked_up = root.locator(f".plc-card[data-id='{liked}']").get_by_role("button", name="More like this")
    expect(liked_up).to_have_attribute("aria-pressed", "true")
    expect(liked_up).to_be_focused()

    for theme in ("Light", "Dark"):
        set_theme(page, theme)
        root.scroll_into_view_if_needed()
        shot(page, f"feed-cards-{theme.lower()}")
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 30 and failures == [], f"{theme}: {failures}"
    set_theme(page, "Light")

    # Undo in the bar: the paper is back in the ranked list, its thumb cleared
    bar.get_by_role("button", name=re.compile("^Undo: bring back")).click()
    expect(root.locator(f".plc-card[data-id='{top}']")).to_have_count(1, timeout=60_000)
    expect(status).to_have_text(re.compile(r"^Re-ranked: thumb on “.+” cleared — it is back, at \d+\.$"))
    expect(hidden).to_have_count(0)

    # stored: a feed rebuilt from the store alone has the cards' order and the thumb up
    run_cell(page, 1)
    order = _printed(page, 1, "ORDER")
    assert _printed(page, 1, "THUMBS") == {liked: 1}
    shown = _order(root)
    assert isinstance(order, list) and shown == order[: len(shown)]
    # re-running the feed cell shows the stored thumb pressed
    run_cell(page, 0)
    fresh = page.locator(".plc-root").last
    expect(fresh.locator(f".plc-card[data-id='{liked}'] .plc-thumb[data-thumb='1']")).to_have_attribute(
        "aria-pressed", "true", timeout=120_000
    )
    assert dialogs == []
