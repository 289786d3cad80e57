"""``%papers QUERY`` in a real browser: every card of the search's hits says why it matched ("Matched: " and the
hit's best sentence, its matched terms marked), as a search typed in the cards does; no card is left with an empty
"Matched: …" line waiting for reasons that never come. The search box holds the query, the status line names it.

Data: the bundled demo corpus (325 real papers); expectations computed with paperlab itself (the same lexical
search in the test process). Screenshots: test-artifacts/cards-magic-reasons-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import show_cards

from paperlab.data import demo_library
from paperlab.search import search_library

pytestmark = pytest.mark.browser

QUERY = "object hallucination"


def test_papers_magic_cards_say_why_each_hit_matched(page: Page, lab: Lab) -> None:
    expected = search_library(demo_library(), QUERY, k=5, mode="lexical").reasons
    root = show_cards(
        page, lab, "cards-magic-reasons.ipynb", f"%load_ext paperlab\n%papers {QUERY} -k 5 --mode lexical"
    )
    expect(root.locator(".plc-card")).to_have_count(5, timeout=30_000)
    expect(root.locator("input[type='search']").first).to_have_value(QUERY)
    why = root.locator(".plc-why")
    expect(why).to_have_count(5, timeout=30_000)
    expect(root.locator(".plc-why-pending")).to_have_count(0)
    shown = sorted(why.all_text_contents())
    assert shown == sorted(f"Matched: {r['sentence']}" for r in expected.values())
    assert all(why.nth(i).locator("mark").count() > 0 for i in range(5))  # the matched terms are marked
    shot(page, "cards-magic-reasons-light")
    set_theme(page, "Dark")
    shot(page, "cards-magic-reasons-dark")
    set_theme(page, "Light")
