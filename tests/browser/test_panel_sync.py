"""The side panel's live sync and its links, in a real JupyterLab driven by Chromium.

- A change another process (a kernel) writes to the store shows in the panel within 300 ms:
  the panel long-polls ``GET /paperlab/api/revision?since=N&timeout=S`` instead of asking
  every second. Here the test process itself is that other process: it writes the store file
  the server reads, and the page records when the new card appears.
- Only http(s) URLs of a paper become links in the panel (js/src/common/paper.ts ``safeUrl``).

Papers come from our own arXiv API answer tests/data/app/testing.atom.xml.
"""

from __future__ import annotations

import statistics
import time

import pytest
from labtools import Lab, shot, show_panel
from paths import DATA
from playwright.sync_api import Page, expect

from paperlab.paper import Paper
from paperlab.sources.arxiv import read_atom
from paperlab.store import Store

pytestmark = pytest.mark.browser

PAPERS = read_atom(DATA / "app" / "testing.atom.xml")
LATENCY_MS = 300


def reset_list(lab: Lab, name: str, *papers: Paper) -> None:
    if name in [entry["name"] for entry in lab.api("GET", "lists")["lists"]]:
        lab.api("DELETE", f"lists/{name}")
    lab.api("POST", "lists", {"name": name})
    for p in papers:
        lab.api("POST", f"lists/{name}/entries", {"paper": p.to_dict()})


def open_panel(page: Page, lab: Lab, workspace: str) -> None:
    page.goto(lab.page_url(workspace=workspace))
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=60_000)
    show_panel(page)


# The page records (Date.now()) when the card of a paper id appears. Wrapped in an object:
# evaluate_handle would otherwise wait for the promise before the test writes anything.
WATCH = """id => ({seen: new Promise(resolve => {
  const selector = `.paperlab-card[data-paper-id="${CSS.escape(id)}"]`;
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) { observer.disconnect(); resolve(Date.now()); }
  });
  observer.observe(document.body, {childList: true, subtree: true});
})})"""


def test_a_store_change_from_another_process_shows_within_300_ms(page: Page, lab: Lab) -> None:
    reset_list(lab, "default")
    open_panel(page, lab, "longpoll")
    expect(page.locator(".paperlab-empty")).to_contain_text("No papers in “default” yet")
    page.wait_for_timeout(1_500)  # the panel's first loads are done: it is waiting on the long-poll
    latencies = []
    with Store(lab.paperlab_home / "paperlab.sqlite3") as store:
        for paper in PAPERS[:3]:
            seen = page.evaluate_handle(WATCH, paper.id)  # a promise of when the card appears
            written = time.time() * 1000
            store.reading_list("default").add(paper)
            shown = page.evaluate("w => w.seen", seen)
            latencies.append(shown - written)
            page.wait_for_timeout(400)
    shot(page, "panel-longpoll")
    expect(page.locator(".paperlab-card")).to_have_count(3)
    assert max(latencies) <= LATENCY_MS, f"store change to panel card (ms): {latencies}"
    assert statistics.median(latencies) <= LATENCY_MS


def test_an_idle_panel_holds_one_long_poll_instead_of_polling(page: Page, lab: Lab) -> None:
    reset_list(lab, "default", PAPERS[0])
    open_panel(page, lab, "idle")
    expect(page.locator(".paperlab-card")).to_have_count(1)
    page.wait_for_timeout(1_000)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/paperlab/api/" in r.url else None)
    page.wait_for_timeout(3_500)
    # a 1 s poll would have asked three or four times; the long-poll request is still pending
    assert asked == [], asked


def test_only_http_urls_become_links_in_the_panel(page: Page, lab: Lab) -> None:
    paper = Paper(
        title="<img src=x onerror=alert(1)> Links & <b>URLs</b>",
        url="javascript:alert(3)",
        pdf_url="data:text/html,<script>alert(4)</script>",
        code_url="  https://example.org/code  ",
        project_url="https://example.org/\nx",
        authors=["Eve <script>alert(6)</script>"],
        published="2025-03-18",
    )
    reset_list(lab, "default", paper)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_panel(page, lab, "links")
    card = page.locator(".paperlab-card")
    expect(card).to_have_count(1)
    expect(card.locator(".paperlab-title")).to_have_text(paper.title)
    card.locator(".paperlab-row").click()  # the details, with the links
    expect(card.locator(".paperlab-details")).to_be_visible()
    assert card.locator(".paperlab-title").evaluate("e => e.tagName") == "SPAN"  # no link: javascript: URL
    hrefs = card.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert hrefs == ["https://example.org/code"]
    expect(card.locator(".paperlab-card-meta")).to_contain_text("Eve <script>alert(6)</script>")
    assert page.locator(".paperlab-panel img, .paperlab-panel script").count() == 0
    assert dialogs == []
