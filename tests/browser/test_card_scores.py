"""Match badges of close scores: cards whose scores would both read "73% match" show "73.4% match" and
"73.2% match"; a score alone in its whole percent keeps the whole percent. Light and dark screenshots:
test-artifacts/card-scores-{light,dark}.png."""

from __future__ import annotations

import pytest
from contrast import low_contrast, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import show_cards

from paperlab.data import demo_library

pytestmark = pytest.mark.browser

SCORES = [0.734, 0.7321, 0.61, 0.0004]


def test_close_scores_show_a_decimal_in_light_and_dark(page: Page, lab: Lab) -> None:
    papers = list(demo_library())[:4]
    scores = {p.id: s for p, s in zip(papers, SCORES, strict=True)}
    root = show_cards(
        page,
        lab,
        "card-scores.ipynb",
        "from paperlab.data import demo_library\nfrom paperlab.widget import PaperCards\n"
        "w = PaperCards(demo_library()[:4])\nw",
        f"w.query = 'close scores'; w.scores = {scores!r}",
    )
    badges = root.locator(".plc-score")
    expect(badges).to_have_text(["73.4% match", "73.2% match", "61% match", "<1% match"], timeout=30_000)
    assert root.locator(".plc-card[data-position='0'] .plc-title").text_content() == papers[0].title
    for theme in ("Light", "Dark"):
        set_theme(page, theme)
        assert low_contrast(badges) == [], theme
        shot(page, f"card-scores-{theme.lower()}")
    set_theme(page, "Light")
