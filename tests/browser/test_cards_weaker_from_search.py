"""The weaker matches of cards made from a search (`%papers QUERY --source FILE`, ``lib.search(q).cards()``), in a
real JupyterLab (UI review R6: with no hit past the cut-off "Show 1 weaker match" failed with "Search failed:
ValueError: matmul ..."; with one hit it found nothing and the offer vanished). Such cards hold the hits only; the
weaker matches are searched for in the library the search read, join the cards below the divider, and the count
speaks of the papers searched. Data: our own made-up titles of test_cards_weaker."""

from __future__ import annotations

import pytest
from labtools import Lab
from playwright.sync_api import Page, expect
from test_cards import show_cards
from test_cards_weaker import QUERY, TITLES, _expected

pytestmark = pytest.mark.browser

SETUP = f"""
from paperlab.library import Library
from paperlab.paper import Paper
lib = Library(Paper(title=t, id=f"cu-weaker-browser-{{i}}") for i, t in enumerate({TITLES!r}))
lib.embed(background=False, progress=False)
hits = lib.search({QUERY!r}, k=len(lib))
hits.cards(height=1400)
"""


def test_search_made_cards_show_their_weaker_matches_from_the_searched_library(page: Page, lab: Lab) -> None:
    strong, weaker, _scores = _expected()
    page.set_viewport_size({"width": 1366, "height": 1000})
    root = show_cards(page, lab, "cards-weaker-from-search.ipynb", SETUP)
    cards = root.locator(".plc-card")
    expect(cards).to_have_count(len(strong), timeout=120_000)
    expect(root.locator(".plc-toolbar .plc-count").last).to_have_text(
        f"{len(strong)} result{'s' * (len(strong) != 1)} · {len(TITLES)} papers searched"
    )
    button = root.locator("button.plc-weaker-toggle")
    expect(button).to_have_text(f"Show {len(weaker)} weaker matches")
    button.click()
    expect(cards).to_have_count(len(strong) + len(weaker), timeout=60_000)
    expect(root.locator(".plc-divider")).to_have_text("Weaker matches, below the relevance cut-off")
    for pid in weaker:
        expect(root.locator(f".plc-card[data-id='{pid}']")).to_have_count(1)
    expect(root.locator(".plc-status-text")).to_contain_text(f"then {len(weaker)} weaker matches below the relevance")
    expect(root.locator(".plc-error, .plc-status-error")).to_have_count(0)
    assert "Search failed" not in root.inner_text()
    # R6: in a narrow notebook (1000 px with the file browser open), beside the button and the embedding progress,
    # the sentence was squeezed into a ~70 px column, one or two words a line
    page.set_viewport_size({"width": 760, "height": 900})
    page.wait_for_timeout(300)
    text = root.locator(".plc-status-text").bounding_box()
    assert text is not None and text["width"] >= 200, text
