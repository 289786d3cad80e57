"""The panel's "For you" section in a real JupyterLab: today's feed with reasons, thumbs re-rank it at once.

The arXiv listing is our own tests/data/arxiv_feeds/listing_atom.xml with its dates moved to today, served by the
local fake server (the interest profile in the lab's PAPERLAB_HOME points the feed there); a hostile title is
added to check it lands as text.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from fakeserver import FakeServer
from labtools import Lab, shot
from paths import DATA
from playwright.sync_api import Page, expect
from test_panel import FIRST, HOSTILE_TITLE, open_lab, open_panel, run_palette, seed

pytestmark = pytest.mark.browser

LISTING = DATA / "arxiv_feeds" / "listing_atom.xml"


def todays_listing() -> bytes:
    today = dt.date.today().isoformat()
    text = LISTING.read_text(encoding="utf-8").replace("2026-03-04", today)
    # a hostile title on the new paper: it must show as text
    return text.replace("<title>Sparse Adapters for", f"<title>{_xml(HOSTILE_TITLE)} Sparse Adapters for").encode()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def serve_todays_feed(lab: Lab, srv: FakeServer) -> None:
    """Point the lab's interest profile at today's listing on ``srv``; the reading list holds FIRST."""
    srv.route("/atom/cs.LG", todays_listing(), content_type="application/atom+xml")
    profile = {"categories": ["cs.LG"], "hf_daily": False, "arxiv_listing_url": srv.url + "/atom"}
    (lab.paperlab_home / "feed-profile.json").write_text(json.dumps(profile))
    seed(lab, FIRST)


def test_for_you_shows_reasons_and_thumbs_rerank(page: Page, lab: Lab, dialogs: list[str]) -> None:
    with FakeServer() as srv:
        serve_todays_feed(lab, srv)
        open_lab(page, lab, "foryou")
        open_panel(page)
        section = page.locator(".paperlab-foryou")
        section.locator("summary").click()
        items = section.locator(".paperlab-foryou-item")
        expect(items).to_have_count(2, timeout=120_000)
        expect(section.locator(".paperlab-foryou-why").first).to_contain_text("close to")
        expect(section.locator(".paperlab-foryou-paper", has_text="<img src=x")).to_have_count(1)
        assert page.locator(".paperlab-foryou img").count() == 0 and dialogs == []
        first = items.first.get_attribute("data-paper-id")
        items.first.get_by_role("button", name="Less like this").click()
        expect(items.first).not_to_have_attribute("data-paper-id", str(first), timeout=60_000)
        down = section.locator(f".paperlab-foryou-item[data-paper-id='{first}']")
        expect(down.get_by_role("button", name="Less like this")).to_have_attribute("aria-pressed", "true")
        shot(page, "foryou-light")
        run_palette(page, "Use Theme: JupyterLab Dark")
        expect(page.locator("body[data-jp-theme-light='false']")).to_have_count(1, timeout=15_000)
        page.wait_for_timeout(500)
        shot(page, "foryou-dark")
        run_palette(page, "Use Theme: JupyterLab Light")
        expect(page.locator("body[data-jp-theme-light='true']")).to_have_count(1, timeout=15_000)
