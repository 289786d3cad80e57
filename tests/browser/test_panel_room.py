"""The side panel on a laptop screen (1366 x 768) with a row selected and both sections open (walkthrough 9, #13):
the list used to shrink to the selected row's details and two more rows, the third drawn cut, and "For you"
offline showed "0 new papers" and nothing else. Now the list keeps the details and six more whole rows (the
sections give way and scroll their own content), and offline "For you" ranks the user's own stored papers,
labelled "from your library (offline)". arXiv and Hugging Face are closed ports on 127.0.0.1; papers are ours.
Screenshots: test-artifacts/panel-room-{light,dark}.png.
"""

from __future__ import annotations

import json

import pytest
from contrast import set_theme
from hostile import refused_port
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed, select

from paperlab import Paper

pytestmark = pytest.mark.browser

TOPICS = "sparse attention|speech enhancement|protein folding|graph networks|time series|code review".split("|")
LISTED = [
    Paper(
        f"A study of {TOPICS[i % 6]} number {i}",
        arxiv_id=f"2512.{41000 + i:05d}",  # ids no other browser test uses (one store per session)
        authors=[f"Ann{i} Family{i}"],
        published="2024-05-01",
        abstract=f"We study {TOPICS[i % 6]} with a new method and report results on benchmark {i}.",
    )
    for i in range(14)
]
STORED = [
    Paper(
        f"More on {TOPICS[i % 6]}, part {i} <b>bold</b>",
        arxiv_id=f"2512.{42000 + i:05d}",
        authors=[f"Bob{i} Other{i}"],
        published="2023-03-01",
        abstract=f"Another look at {TOPICS[i % 6]}: methods and results {i}.",
    )
    for i in range(8)
]

# the list's rows drawn whole inside its visible box (the selected one apart)
WHOLE_ROWS_JS = """() => {
  const list = document.querySelector('.paperlab-entries').getBoundingClientRect();
  return [...document.querySelectorAll('.paperlab-card:not(.paperlab-selected)')].filter(li => {
    const b = li.getBoundingClientRect();
    return b.top >= list.top - 0.5 && b.bottom <= list.bottom + 0.5;
  }).length;
}"""


def test_list_keeps_room_and_offline_for_you_ranks_the_library(page: Page, lab: Lab) -> None:
    profile = {
        "lists": ["room"],
        "categories": ["cs.LG"],
        "hf_daily": True,
        "arxiv_listing_url": f"http://127.0.0.1:{refused_port()}/atom",
        "hf_url": f"http://127.0.0.1:{refused_port()}",
    }
    (lab.paperlab_home / "feed-profile.json").write_text(json.dumps(profile))
    seed(lab, *STORED, name="room-stored")  # stored papers, on no list the feed ranks by
    seed(lab, *LISTED, name="room")
    page.set_viewport_size({"width": 1366, "height": 768})
    open_lab(page, lab, "panel-room")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("room")
    expect(page.locator(".paperlab-card")).to_have_count(len(LISTED))
    row = select(page, LISTED[0].id)
    row.locator("textarea").fill("A long note\n" * 3)
    for title in ("For you", "Bibliography of this notebook"):
        section = page.locator(".paperlab-sections details", has_text=title)
        if section.get_attribute("open") is None:
            section.locator("summary").click()
    expect(page.locator(".paperlab-sections details[open]")).to_have_count(2)

    foryou = page.locator(".paperlab-foryou")
    expect(foryou.locator(".paperlab-foryou-item").first).to_be_visible(timeout=180_000)
    # walkthrough 10: offline said the same twice ('N papers from your library (offline)' and 'Offline — …
    # showing N papers from your library') with Refresh and Retry; now one line, one button
    expect(foryou.locator(".paperlab-foryou-problem-text")).to_contain_text("showing")
    expect(foryou.locator(".paperlab-foryou-problem-text")).to_contain_text("from your library")
    expect(foryou.locator(".paperlab-foryou-bar")).to_be_hidden()
    # said once: in this squeezed panel as the brief "Offline · your library" (the whole line in its tooltip)
    expect(foryou.get_by_text("your library").filter(visible=True)).to_have_count(1)
    expect(foryou.get_by_role("button", name="Refresh")).to_have_count(0)
    expect(foryou.get_by_role("button", name="Retry")).to_have_count(1)
    ids = foryou.locator(".paperlab-foryou-item").evaluate_all("els => els.map(e => e.dataset.paperId)")
    assert ids and not {p.id for p in LISTED} & set(ids), ids  # the lists' own papers are not offered
    assert foryou.locator("b").count() == 0  # titles as text

    page.wait_for_timeout(300)  # the details' size reaches the list's minimum
    whole = page.evaluate(WHOLE_ROWS_JS)
    assert whole >= 6, f"only {whole} whole rows beside the selected one"
    shot(page, "panel-room-light")
    for title in ("For you", "Bibliography of this notebook"):  # every section's heading still whole in view
        head = page.locator(".paperlab-sections summary", has_text=title).bounding_box()
        panel = page.locator(".paperlab-panel").bounding_box()
        assert head and panel and head["height"] >= 14 and head["y"] + head["height"] <= panel["y"] + panel["height"]
    set_theme(page, "Dark")
    try:
        page.wait_for_timeout(300)
        shot(page, "panel-room-dark")
    finally:
        set_theme(page, "Light")
        page.set_viewport_size({"width": 1400, "height": 900})
