"""The panel's "For you" section does not keep showing a stale feed: re-opened within minutes it keeps what it
shows (no new request), re-opened after FEED_STALE_MS (10 min, browser clock moved on) it fetches the feed again
and shows thumbs given elsewhere (a notebook's FeedCards store them through the same table), and its Refresh button
fetches it at once; offline, Retry brings the real feed once the network is back. Screenshots:
test-artifacts/foryou-refresh-{light,dark}.png, foryou-retry-online-light.png."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from contrast import low_contrast, set_theme
from fakeserver import FakeServer
from hostile import refused_port
from labtools import Lab, shot
from paths import DATA
from playwright.sync_api import Page, expect
from test_foryou import serve_todays_feed, todays_listing
from test_panel import FIRST, PAPERS, open_lab, open_panel, seed

pytestmark = pytest.mark.browser

OWN = [p for pid, p in PAPERS.items() if pid != FIRST.id][:3]


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


def test_retry_brings_the_real_feed_once_the_network_is_back(page: Page, lab: Lab, dialogs: list[str]) -> None:
    """Review R #2: offline, "For you" ranks the user's own papers ('(offline)'); the server kept that fallback
    for the day and Retry asked for the kept feed, so the panel said '(offline)' until midnight. Now Retry (and
    Refresh) has the server ask the sources again: arXiv back -> today's papers; Hugging Face back too -> its
    papers join and the problem line goes. The services are closed ports on 127.0.0.1, then our recorded answers
    served by the local fake server on those same ports."""
    arxiv_port, hf_port = refused_port(), refused_port()
    profile = {
        "categories": ["cs.LG"],
        "hf_daily": True,
        "arxiv_listing_url": f"http://127.0.0.1:{arxiv_port}/atom",
        "hf_url": f"http://127.0.0.1:{hf_port}",
    }
    (lab.paperlab_home / "feed-profile.json").write_text(json.dumps(profile))
    seed(lab, FIRST)
    # the store's own papers on no list: the offline fallback (a paper on any list is saved, so it is left out since
    # the default profile learns from every list; run alone, the store held no other paper and the fallback was empty)
    seed(lab, *OWN, name="foryou-retry-own")
    lab.api("DELETE", "lists/foryou-retry-own")  # the papers stay in the store
    open_lab(page, lab, "foryou-retry")
    open_panel(page)
    section = page.locator(".paperlab-foryou")
    section.locator("summary").first.click()
    status, problem = section.locator(".paperlab-foryou-status"), section.locator(".paperlab-foryou-problem-text")
    expect(status).to_have_text(re.compile(r"^\d+ papers? from your library \(offline\)$"), timeout=120_000)
    expect(problem).to_have_text(re.compile(r"^Offline — arXiv and Hugging Face unreachable; showing \d+ papers"))
    # walkthrough 10: the problem line is the one line (the status would repeat it) and Retry the one button
    expect(status).to_be_hidden()
    expect(section.get_by_role("button", name="Refresh")).to_have_count(0)
    expect(section.get_by_role("button", name="Retry")).to_have_count(1)

    with FakeServer(port=arxiv_port) as arxiv:
        arxiv.route("/atom/cs.LG", todays_listing(), content_type="application/atom+xml")
        section.get_by_role("button", name="Retry").click()
        expect(status).to_have_text(f"2 new papers on {dt.date.today().isoformat()}", timeout=120_000)
        expect(problem).to_have_text("Offline — Hugging Face unreachable; showing 2 papers from the others")
        expect(section).not_to_contain_text("(offline)")
        with FakeServer(port=hf_port) as hf:
            hf.route("/api/daily_papers", (DATA / "hf" / "daily_papers_nested.json").read_bytes())
            section.get_by_role("button", name="Retry").click()  # the day's feed was built: only refresh asks HF
            expect(section.locator(".paperlab-foryou-problem")).to_be_hidden(timeout=120_000)
            assert hf.requests, "Retry did not ask Hugging Face again"
    expect(status).to_be_visible()  # all sources answered: the status and Refresh again
    expect(section.get_by_role("button", name="Refresh")).to_have_count(1)
    expect(section.get_by_role("button", name="Retry")).to_have_count(0)
    items = section.locator(".paperlab-foryou-item")
    assert items.count() > 2
    expect(section.locator(".paperlab-foryou-paper", has_text="LoRA")).to_have_count(1)
    shot(page, "foryou-retry-online-light")
    assert dialogs == []
