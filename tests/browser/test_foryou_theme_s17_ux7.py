"""'For you' picks stay shown through theme switches (session 17's leftover: once seen empty after a theme switch,
not reproduced then). The section sizes its scroll area to whole picks from the page's layout; a theme switch
reloads JupyterLab's CSS, so the layout read mid-switch can have no room at all. The picks must show again once
the theme is on: at least one whole pick in view after each switch, in the dark and in the light theme. arXiv and
Hugging Face are closed ports on 127.0.0.1, so For you ranks the user's own stored papers; papers are ours."""

from __future__ import annotations

import json

import pytest
from contrast import set_theme
from hostile import refused_port
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed

from paperlab import Paper

pytestmark = pytest.mark.browser

MINE = [
    Paper(
        f"Tidal energy forecasts from buoy arrays, part {i}",
        arxiv_id=f"2512.{47000 + i:05d}",  # ids no other browser test uses (one store per session)
        authors=["Ada Quill"],
        published="2024-02-01",
        abstract="Forecasting tidal energy output from arrays of ocean buoys.",
    )
    for i in range(2)
]
CANDIDATES = [
    Paper(
        f"Ocean buoy networks for tidal power, study {i}",
        arxiv_id=f"2512.{47010 + i:05d}",
        authors=["Bo Renn"],
        published="2024-03-01",
        abstract="Buoy networks measure tides to forecast the power of tidal turbines.",
    )
    for i in range(4)
]

#: How many picks the scroll area shows whole (0: the picks are there but the area has no room for one).
WHOLE_PICKS_JS = """() => {
  const list = document.querySelector('.paperlab-foryou-list');
  if (!list || !list.children.length) return -1;
  const box = list.getBoundingClientRect();
  return [...list.children].filter(it => {
    const r = it.getBoundingClientRect();
    return r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
  }).length;
}"""


#: What the section's fit left (the scroll area's max-height, the section's and picks' top and bottom).
DEBUG_JS = """() => {
  const list = document.querySelector('.paperlab-foryou-list');
  const node = document.querySelector('.paperlab-foryou');
  const r = e => { const b = e.getBoundingClientRect(); return [Math.round(b.top), Math.round(b.bottom)]; };
  return {maxh: list.style.maxHeight, cls: node.className, node: r(node), list: r(list), scroll: list.scrollTop,
          sh: list.scrollHeight, items: [...list.children].map(r)};
}"""


def wait_for_whole_picks(page: Page, theme: str) -> None:
    try:
        page.wait_for_function(f"({WHOLE_PICKS_JS})() >= 1", timeout=20_000)
    except Exception:
        shot(page, f"foryou-theme-{theme}")
        raise AssertionError(f"{theme}: no whole 'For you' pick shown: {page.evaluate(DEBUG_JS)}") from None


def test_for_you_picks_show_again_after_each_theme_switch(page: Page, lab: Lab) -> None:
    profile = {
        "lists": ["ux8-mine"],
        "categories": ["cs.LG"],
        "hf_daily": True,
        "arxiv_listing_url": f"http://127.0.0.1:{refused_port()}/atom",
        "hf_url": f"http://127.0.0.1:{refused_port()}",
    }
    (lab.paperlab_home / "feed-profile.json").write_text(json.dumps(profile))
    seed(lab, *CANDIDATES, name="ux8-stored")  # in the store, not on the profile's lists: the candidates
    seed(lab, *MINE, name="ux8-mine")
    open_lab(page, lab, "foryou-theme-ux8")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("ux8-mine")
    expect(page.locator(".paperlab-card")).to_have_count(len(MINE))
    section = page.locator(".paperlab-foryou")
    section.locator("summary").first.click()
    expect(section.locator(".paperlab-foryou-item").first).to_be_visible(timeout=180_000)
    wait_for_whole_picks(page, "light")
    try:
        for theme in ("Dark", "Light", "Dark"):
            set_theme(page, theme)
            wait_for_whole_picks(page, theme)
            expect(section.locator(".paperlab-foryou-item").first).to_be_visible()
        shot(page, "foryou-theme-dark")
    finally:
        set_theme(page, "Light")  # the next tests start light
