"""The weaker matches of a search in the cards, in a real JupyterLab (session 9 walkthrough: "free energy principle
critique" showed one card, and nothing said the library held more papers on the free energy principle).

The status line says how many of the best hits fell under the relevance cut-off but still stand out from the rest
(above the floor: the hits under it are noise, never offered), with a real button ("Show 2 weaker matches");
pressing it (here with the keyboard) runs the same search again asking for them: they come after the others below
a divider ("Weaker matches, below the relevance cut-off"), each with its own lower "% match", and the status line
says so. ✕ leaves the ranking as ever. A hostile title among the weaker matches stays text; another,
unrelated to the query (under the floor), is not offered.

Data: our own made-up title-only papers (ids ``cu-weaker-browser-*``); the expected counts and badges are computed
with paperlab itself (the same hybrid search in the test process).
Screenshots: test-artifacts/cards-weaker-{offer,shown}-{light,dark}.png.
"""

from __future__ import annotations

import re

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, match_badge, shot
from paths import DATA
from playwright.sync_api import Page, expect
from test_cards import show_cards
from test_cards_restore import reload_cards

from paperlab.library import Library
from paperlab.paper import Paper
from paperlab.search import search_library

pytestmark = pytest.mark.browser

#: Our made-up titles (tests/data/search), a hostile one unrelated to the query (under the floor) and a hostile one
#: among the weaker matches.
TITLES = [
    *(DATA / "search" / "weaker_titles.txt").read_text(encoding="utf-8").splitlines(),
    "<img src=x onerror=alert(1)> Sorting algorithms & their <b>costs</b>",
    "<img src=x onerror=alert(2)> Surprise & <b>free energy</b> in the brain",
]
QUERY = "free energy principle critique"
SETUP = f"""
from paperlab.library import Library
from paperlab.paper import Paper
from paperlab.widget import PaperCards
lib = Library(Paper(title=t, id=f"cu-weaker-browser-{{i}}") for i, t in enumerate({TITLES!r}))
lib.embed(background=False, progress=False)
cards = PaperCards(lib, height=1600)
cards
"""


def _expected() -> tuple[list[str], list[str], dict[str, float]]:
    """The hits past the cut-off and the weaker ones above the floor (ids, best first) and every score, as the kernel
    finds them."""
    lib = Library(Paper(title=t, id=f"cu-weaker-browser-{i}") for i, t in enumerate(TITLES))
    every = search_library(lib, QUERY, k=len(lib), min_score=0)
    weaker = every.down_to_floor().weaker_ids
    assert len(every.weaker_ids) >= len(weaker) + 5  # the floor leaves the noise out
    return [i for i in every.ids if i not in every.weaker_ids], weaker, dict(every.scores)


def _shots(page: Page, name: str) -> None:
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 10 and failures == []
    shot(page, f"cards-weaker-{name}-light")
    set_theme(page, "Dark")
    try:
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 10 and failures == []
        shot(page, f"cards-weaker-{name}-dark")
    finally:
        set_theme(page, "Light")


def _position(card) -> int:
    return int(card.get_attribute("data-position"))


def test_the_weaker_matches_are_offered_shown_below_a_divider_and_cleared(page: Page, lab: Lab) -> None:
    strong, weaker, scores = _expected()
    assert len(strong) >= 1 and len(weaker) >= 2  # the cut is certain in this library
    assert "cu-weaker-browser-13" in weaker and "cu-weaker-browser-12" not in weaker
    page.set_viewport_size({"width": 1366, "height": 1000})
    root = show_cards(page, lab, "cards-weaker.ipynb", SETUP)
    box = root.locator("input[type=search]")
    box.fill(QUERY)
    box.press("Enter")
    status = root.locator(".plc-status-text")
    noun = "result" if len(strong) == 1 else "results"
    expect(status).to_have_text(f"{len(strong)} {noun} for “{QUERY}” (hybrid), best first.", timeout=120_000)
    button = root.locator("button.plc-weaker-toggle")
    expect(button).to_have_text(f"Show {len(weaker)} weaker matches")
    expect(root.locator(".plc-card")).to_have_count(len(strong))
    expect(root.locator(".plc-divider")).to_have_count(0)
    status.scroll_into_view_if_needed()
    _shots(page, "offer")

    button.focus()
    page.keyboard.press("Enter")  # a real button: the keyboard presses it
    expect(status).to_have_text(
        f"{len(strong)} {noun} for “{QUERY}” (hybrid), best first, then {len(weaker)} weaker matches below the "
        "relevance cut-off.",
        timeout=60_000,
    )
    cards = root.locator(".plc-card")
    expect(cards).to_have_count(len(strong) + len(weaker))
    divider = root.locator(".plc-divider")
    expect(divider).to_have_text("Weaker matches, below the relevance cut-off")
    expect(button).to_have_text("Hide the weaker matches")
    expect(button).to_be_focused()
    ranking = list(scores.values())
    for k, pid in enumerate(strong + weaker):
        card = root.locator(f".plc-card[data-id='{pid}']")
        assert _position(card) == k, (pid, k)
        expect(card.locator(".plc-score")).to_have_text(match_badge(scores[pid], ranking))
    last_strong = root.locator(f".plc-card[data-id='{strong[-1]}']").bounding_box()
    first_weak = root.locator(f".plc-card[data-id='{weaker[0]}']").bounding_box()
    line = divider.bounding_box()
    assert last_strong and first_weak and line
    assert last_strong["y"] + last_strong["height"] <= line["y"] and line["y"] + line["height"] <= first_weak["y"]
    hostile = root.locator(".plc-card[data-id='cu-weaker-browser-13'] .plc-title")
    expect(hostile).to_contain_text("<img src=x onerror=alert(2)> Surprise & <b>free energy</b> in the brain")
    expect(root.locator(".plc-card[data-id='cu-weaker-browser-12']")).to_have_count(0)  # under the floor: noise
    assert root.locator("img, b").count() == 0
    divider.scroll_into_view_if_needed()
    _shots(page, "shown")

    root = reload_cards(page)  # a reload shows the same: the weaker ones below the divider, the status, the button
    status, button, cards = (
        root.locator(".plc-status-text"),
        root.locator("button.plc-weaker-toggle"),
        root.locator(".plc-card"),
    )
    expect(status).to_have_text(re.compile(rf"best first, then {len(weaker)} weaker matches below the relevance"))
    expect(root.locator(".plc-divider")).to_have_text("Weaker matches, below the relevance cut-off")
    expect(cards).to_have_count(len(strong) + len(weaker))
    expect(button).to_have_text("Hide the weaker matches")
    divider = root.locator(".plc-divider")

    button.press("Enter")  # pressed again: the weaker ones go
    expect(status).to_have_text(re.compile(rf"^{len(strong)} {noun} for .*best first\.$"), timeout=60_000)
    expect(cards).to_have_count(len(strong))
    expect(divider).to_have_count(0)
    button.press("Enter")
    expect(cards).to_have_count(len(strong) + len(weaker), timeout=60_000)

    root.locator(".plc-ranked button").click()  # ✕: back to all papers
    expect(status).to_have_text("")
    expect(button).to_be_hidden()
    expect(root.locator(".plc-divider")).to_have_count(0)
    expect(cards).to_have_count(len(TITLES))
    expect(box).to_have_value("")
