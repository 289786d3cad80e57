"""'For you' beside a long reading list shows whole picks (UX10's leftover, session 20; reproduced in session 21 at
1366 x 768 with 40 papers): the list was sized by its content, so in the panel's shrink its 40 rows out-weighed the
open section in proportion to their length and For you kept its heading, its status line and one pick drawn cut
(0 whole picks; 2-3 beside a list of 16). The list now takes the room the open sections leave, down to its own
minimum (40% of the panel, or the selected row's details and six rows). arXiv and Hugging Face are closed ports on
127.0.0.1: For you ranks our own stored papers. Screenshots: test-artifacts/foryou-long-list-{light,dark}.png.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from contrast import set_theme
from hostile import refused_port
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed, select
from test_panel_foryou_room import PICKS_JS

from paperlab import Paper

pytestmark = pytest.mark.browser

LONG = [
    Paper(
        f"Coastal Flood Mapping from Synthetic Aperture Radar with Weak Labels and Tidal Priors, Study {i}",
        arxiv_id=f"2512.{49000 + i:05d}",  # ids no other browser test uses (one store per session)
        authors=["Ines Fold", "Oto Marr"],
        published="2025-04-01",
        abstract=f"We map coastal floods from radar images with weak labels and tidal priors, site {i}.",
    )
    for i in range(40)
]
POOL = [  # stored, on no list: what For you ranks offline
    Paper(
        f"Radar Flood Segmentation under Cloud Cover, Variant {i}",
        arxiv_id=f"2512.{49100 + i:05d}",
        authors=[f"Pia Lund{i}"],
        published="2024-09-01",
        abstract=f"Flood segmentation from radar when clouds hide the optical images, coastal sites {i}.",
    )
    for i in range(8)
]


def _picks(page: Page) -> dict:
    page.wait_for_timeout(300)  # the panel's observers have settled the split
    return page.evaluate(PICKS_JS)


def test_for_you_shows_whole_picks_beside_a_long_list(page: Page, lab: Lab) -> None:
    profile = {
        "lists": ["foryou-long-s21"],
        "categories": ["cs.CV"],
        "hf_daily": True,
        "arxiv_listing_url": f"http://127.0.0.1:{refused_port()}/atom",
        "hf_url": f"http://127.0.0.1:{refused_port()}",
    }
    (lab.paperlab_home / "feed-profile.json").write_text(json.dumps(profile))
    seed(lab, *POOL, name="foryou-long-s21-pool")
    lab.api("DELETE", f"lists/{quote('foryou-long-s21-pool', safe='')}")  # its papers stay in the store
    seed(lab, *LONG, name="foryou-long-s21")
    page.set_viewport_size({"width": 1366, "height": 768})
    try:
        open_lab(page, lab, "foryou-long-list")
        open_panel(page)
        page.locator(".paperlab-list-select").select_option("foryou-long-s21")
        expect(page.locator(".paperlab-card")).to_have_count(len(LONG))
        page.locator(".paperlab-sections > details", has_text="For you").locator(":scope > summary").click()
        foryou = page.locator(".paperlab-foryou")
        expect(foryou.locator(".paperlab-foryou-item").first).to_be_visible(timeout=180_000)
        for theme in ("Light", "Dark"):  # the lab starts light
            if theme == "Dark":
                set_theme(page, theme)
            picks = _picks(page)
            shot(page, f"foryou-long-list-{theme.lower()}")
            assert picks["cut"] == 0 and picks["whole"] >= 2, (theme, picks)  # before: 0 whole, 1 cut
            assert picks["line"], f"the For you status line is out of view ({theme})"
        set_theme(page, "Light")
        select(page, LONG[3].id)  # the selected row's details take their room from the list, not from For you
        picks = _picks(page)
        assert picks["cut"] == 0 and picks["whole"] >= 2, picks
    finally:
        page.set_viewport_size({"width": 1400, "height": 900})
