"""Cards of a search in a real browser: a hit whose matched words say little ("matched: language, model") shows the
related terms the kernel found for it in its reason line, after its best sentence ("Matched: … · related:
hallucinations, lvlms"), as the CLI and the HTML display do; a hostile related term is shown as text.

Data: the bundled demo corpus (325 real papers, its shipped vectors); expectations computed with paperlab itself (the
same hybrid search in the test process). Screenshots: test-artifacts/cards-related-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import show_cards

from paperlab.data import demo_library
from paperlab.search import search_library

pytestmark = pytest.mark.browser

QUESTION = "why do language models make things up, and how can we detect it"


def test_cards_show_the_related_terms_of_weakly_matched_hits(page: Page, lab: Lab) -> None:
    reasons = search_library(demo_library(), QUESTION, k=10).reasons
    code = (
        "from paperlab.data import demo_library\nfrom paperlab.search import search_library\n"
        f"w = search_library(demo_library(), {QUESTION!r}, k=10).cards(height=1500)\nw"
    )
    root = show_cards(page, lab, "cards-related.ipynb", code)
    expect(root.locator(".plc-card")).to_have_count(10, timeout=30_000)
    expect(root.locator(".plc-why-pending")).to_have_count(0, timeout=60_000)
    with_related = 0
    for pid, reason in reasons.items():
        line = root.locator(f".plc-card[data-id='{pid}'] .plc-why")
        related = reason.get("related") or []
        expected = f"Matched: {reason['sentence']}" + (f" · related: {', '.join(related)}" if related else "")
        expect(line).to_have_text(expected)
        if related:
            expect(line.locator(".plc-why-related")).to_have_text(", ".join(related))
            with_related += 1
    assert with_related >= 2, reasons
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == []
    shot(page, "cards-related-light")
    set_theme(page, "Dark")
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == []
    shot(page, "cards-related-dark")
    set_theme(page, "Light")

    # a hostile related term (and no sentence): text, never markup
    first = next(iter(reasons))
    page.locator(".jp-Notebook .jp-Cell").last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.type(
        f"w.why = {{{first!r}: {{'terms': [], 'sentence': '', 'related': ['<img src=x onerror=alert(1)>', 'b&c']}}}}"
    )
    page.keyboard.press("Shift+Enter")
    line = root.locator(f".plc-card[data-id='{first}'] .plc-why")
    expect(line).to_have_text("Related: <img src=x onerror=alert(1)>, b&c", timeout=30_000)
    assert root.locator("img, script").count() == 0
