"""The panel's "For you" section does not keep showing a stale feed: re-opened within minutes it keeps what it
shows (no new request), re-opened after FEED_STALE_MS (10 min, browser clock moved on) it fetches the feed again
and shows thumbs given elsewhere (a notebook's FeedCards store them through the same table), and its Refresh button
fetches it at once. Screenshots: test-artifacts/foryou-refresh-{light,dark}.png."""

from __future__ import annotations

import pytest
from contrast import low_contrast, set_theme
from fakeserver import FakeServer
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_foryou import serve_todays_feed
from test_panel import open_lab, open_panel

pytestmark = pytest.mark.browser


def test_for_you_refreshes_when_stale_and_on_request(page: Page, lab: Lab, dialogs: list[str]) -> None:
    with FakeServer() as srv:
        serve_todays_feed(lab, srv)
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url) if r.url.split("?")[0].endswith("/api/feed") else None)
        page.clock.install()
        open_lab(page, lab, "foryou-refresh")
        open_panel(page)
        section = page.locator(".paperlab-foryou")
        summary = section.locator("summary").first
        summary.click()
        items = section.locator(".paperlab-foryou-item")
        expect(items).to_have_count(2, timeout=120_000)
        first = str(items.first.get_attribute("data-paper-id"))
        assert len(requests) == 1

        # a thumb given elsewhere (a notebook's feed cards): the open panel does not know yet
        lab.api("POST", "feed/thumbs", {"paper_id": first, "thumb": -1})
        summary.click()  # close
        summary.click()  # re-open a moment later: what it shows is fresh enough, no new request
        expect(items.first).to_have_attribute("data-paper-id", first)
        page.wait_for_timeout(500)
        assert len(requests) == 1

        summary.click()
        page.clock.fast_forward("11:00")  # eleven minutes later
        summary.click()
        expect(items.first).not_to_have_attribute("data-paper-id", first, timeout=60_000)
        down = section.locator(f".paperlab-foryou-item[data-paper-id='{first}']")
        expect(down.get_by_role("button", name="Less like this")).to_have_attribute("aria-pressed", "true")
        assert len(requests) == 2

        # Refresh fetches at once: the thumb taken back elsewhere shows
        lab.api("POST", "feed/thumbs", {"paper_id": first, "thumb": 0})
        refresh = section.get_by_role("button", name="Refresh")
        refresh.click()
        expect(down.get_by_role("button", name="Less like this")).to_have_attribute(
            "aria-pressed", "false", timeout=60_000
        )
        expect(items.first).to_have_attribute("data-paper-id", first)
        expect(refresh).to_be_enabled()
        assert len(requests) == 3 and dialogs == []
        for theme in ("Light", "Dark"):
            set_theme(page, theme)
            assert low_contrast(section.locator(".paperlab-foryou-status, .paperlab-foryou-refresh")) == [], theme
            shot(page, f"foryou-refresh-{theme.lower()}")
        set_theme(page, "Light")
