"""'For you' beside the bibliography on a laptop screen (1366 x 768, walkthrough 11): with a row of the reading list
selected and both sections open, For you showed its status line and then its first pick cut mid-line (a scroll
area about two lines tall). Now its picks are whole at rest (a pick is cut only by the edge of its scroll area
while the user scrolls), at least two show beside the bibliography while the list keeps its selected row and six
whole rows, and with one section open that section takes the room. With less room the picks take a shorter look
(the title on two lines and the why on one; one line each when even less), all of a pick in its row's tooltip; a
list of fewer than six papers keeps no blank room for rows it does not have. arXiv and Hugging Face are closed ports on
127.0.0.1 (For you ranks the user's own stored papers); papers are ours.
With a short list and the bibliography closed, For you takes the room the list does not need (more picks, with
their why lines) instead of a blank under the list's last row (walkthrough 11).
Screenshots: test-artifacts/panel-foryou-room-{both,foryou,roomy,bib}-{light,dark}.png (both open, the list of three
with For you shown with its why lines, the same with the bibliography closed, the bibliography alone).
"""

from __future__ import annotations

import json

import pytest
from contrast import set_theme
from hostile import refused_port
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed, select
from test_panel_room import WHOLE_ROWS_JS

from paperlab import Paper

pytestmark = pytest.mark.browser

TOPICS = "action recognition|video anomalies|temporal segmentation|captioning models|pose estimation|tracking".split(
    "|"
)
LISTED = [
    Paper(
        f"Learning {TOPICS[i % 6]} from few labels, study {i}",
        arxiv_id=f"2512.{43000 + i:05d}",  # ids no other browser test uses (one store per session)
        authors=[f"Cara{i} Lind{i}"],
        published="2024-02-01",
        abstract=f"We study {TOPICS[i % 6]} with a new method and report results on benchmark {i}.",
    )
    for i in range(14)
]
SHORT = LISTED[:3]
# titles of one to three lines in the panel, as a real feed's are
STORED = [
    Paper(
        ("Few-shot " if i % 3 else "")
        + f"{TOPICS[i % 6].capitalize()} with Captioning Foundation Models"
        + (" and a Long Tail of Rare Classes in Untrimmed Videos" if i % 4 == 1 else "")
        + f" <b>{i}</b>",
        arxiv_id=f"2512.{44000 + i:05d}",
        authors=[f"Dana{i} Moor{i}", f"Eli{i} Park{i}"],
        published="2023-10-01",
        abstract=f"Another look at {TOPICS[i % 6]} for video understanding: methods and results {i}.",
    )
    for i in range(12)
]

# the picks of For you against the part of their scroll area the user sees (below its sticky heading, if the
# heading is inside it): whole, cut (partly visible) and the status/problem line in view
PICKS_JS = """() => {
  const list = document.querySelector('.paperlab-foryou-list');
  let box = list;
  while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowY)) box = box.parentElement;
  const r = box.getBoundingClientRect();
  let top = r.top + box.clientTop, bottom = top + box.clientHeight;
  const head = box.querySelector(':scope > summary');
  if (head) top = Math.max(top, head.getBoundingClientRect().bottom);
  let whole = 0, cut = 0;
  for (const li of list.querySelectorAll('.paperlab-foryou-item')) {
    const b = li.getBoundingClientRect();
    if (b.top >= top - 0.5 && b.bottom <= bottom + 0.5) whole++;
    else if (b.top < bottom - 0.5 && b.bottom > top + 0.5) cut++;
  }
  const line = [...document.querySelectorAll('.paperlab-foryou-problem-line, .paperlab-foryou-bar')]
    .find(e => e.getClientRects().length);
  const lb = line ? line.getBoundingClientRect() : null;
  const sections = document.querySelector('.paperlab-sections').getBoundingClientRect();
  return {whole, cut, area: bottom - top, line: !!lb && lb.top >= sections.top - 0.5 && lb.bottom <= sections.bottom + 0.5,
          scroller: box.className};
}"""


def _open(page: Page, title: str, open_: bool) -> None:
    section = page.locator(".paperlab-sections > details", has_text=title)
    if (section.get_attribute("open") is not None) != open_:
        section.locator(":scope > summary").click()


def _picks(page: Page) -> dict:
    page.wait_for_timeout(300)  # the panel's observers have settled the split
    return page.evaluate(PICKS_JS)


def _shots(page: Page, name: str) -> None:
    shot(page, f"panel-foryou-room-{name}-light")
    set_theme(page, "Dark")
    try:
        page.wait_for_timeout(300)
        shot(page, f"panel-foryou-room-{name}-dark")
    finally:
        set_theme(page, "Light")


def test_for_you_shows_whole_picks_beside_the_bibliography(page: Page, lab: Lab) -> None:
    profile = {
        "lists": ["foryou-room", "foryou-room-short"],
        "categories": ["cs.CV"],
        "hf_daily": True,
        "arxiv_listing_url": f"http://127.0.0.1:{refused_port()}/atom",
        "hf_url": f"http://127.0.0.1:{refused_port()}",
    }
    (lab.paperlab_home / "feed-profile.json").write_text(json.dumps(profile))
    seed(lab, *STORED, name="foryou-room-stored")
    seed(lab, *LISTED, name="foryou-room")
    seed(lab, *SHORT, name="foryou-room-short")
    page.set_viewport_size({"width": 1366, "height": 768})
    try:
        open_lab(page, lab, "panel-foryou-room")
        open_panel(page)
        page.locator(".paperlab-list-select").select_option("foryou-room")
        expect(page.locator(".paperlab-card")).to_have_count(len(LISTED))
        select(page, LISTED[0].id).locator("textarea").fill("A long note\n" * 3)
        _open(page, "For you", True)
        _open(page, "Bibliography of this notebook", True)
        foryou = page.locator(".paperlab-foryou")
        expect(foryou.locator(".paperlab-foryou-item").first).to_be_visible(timeout=180_000)
        expect(foryou.locator(".paperlab-foryou-problem-text")).to_contain_text("from your library")
        assert foryou.locator("b").count() == 0  # titles as text

        both = _picks(page)
        assert both["cut"] == 0, f"a pick drawn cut at rest: {both}"
        assert both["whole"] >= 2, f"only {both['whole']} whole picks beside the bibliography: {both}"
        assert both["line"], "the For you status line is out of view"
        rows = page.evaluate(WHOLE_ROWS_JS)
        assert rows >= 6, f"the list kept only {rows} whole rows beside the selected one"
        head = page.locator(".paperlab-sections summary", has_text="Bibliography").bounding_box()
        panel = page.locator(".paperlab-panel").bounding_box()
        assert head and panel and head["height"] >= 14 and head["y"] + head["height"] <= panel["y"] + panel["height"]
        _shots(page, "both")

        # scrolled to its end the picks still come whole at the bottom (the area ends at a pick)
        area = foryou.locator(".paperlab-foryou-list")
        area.evaluate("el => { el.scrollTop = el.scrollHeight; }")
        scrolled = _picks(page)
        assert scrolled["whole"] >= 2 and scrolled["cut"] == 0, scrolled

        _open(page, "Bibliography of this notebook", False)
        alone = _picks(page)
        assert alone["cut"] == 0 and alone["whole"] >= 2 and alone["area"] >= both["area"], alone
        assert page.evaluate(WHOLE_ROWS_JS) >= 6

        # the walkthrough's list: three papers, one selected; no blank kept for rows it does not have, the picks
        # shown with their byline and why
        page.locator(".paperlab-list-select").select_option("foryou-room-short")
        expect(page.locator(".paperlab-card")).to_have_count(3)
        select(page, SHORT[0].id)
        _open(page, "Bibliography of this notebook", True)
        short = _picks(page)
        assert short["cut"] == 0 and short["whole"] >= 2, short
        assert foryou.locator(".paperlab-foryou-why").first.is_visible()  # not the one-line look
        last = page.locator(".paperlab-card").last.bounding_box()
        sections = page.locator(".paperlab-sections").bounding_box()
        assert last and sections and sections["y"] - (last["y"] + last["height"]) < 40, (last, sections)
        _shots(page, "foryou")

        # the same list with the bibliography closed (walkthrough 11): For you takes the room the list does not
        # need (no blank of ~270 px between the list's last row and its heading, with three short picks under it)
        _open(page, "Bibliography of this notebook", False)
        for selected in (True, False):
            if not selected:  # the walkthrough's shot: no row selected
                page.locator(".paperlab-card.paperlab-selected").press("Escape")
                expect(page.locator(".paperlab-card.paperlab-selected")).to_have_count(0)
            roomy = _picks(page)
            last = page.locator(".paperlab-card").last.bounding_box()
            head = foryou.locator(":scope > summary").bounding_box()
            assert last and head and head["y"] - (last["y"] + last["height"]) < 30, (selected, last, head)
            assert roomy["cut"] == 0 and roomy["whole"] >= 2, (selected, roomy)
        # more picks than the walkthrough's three (these long titles take the short look to show more than three)
        assert roomy["whole"] > 3, roomy
        expect(foryou.locator(".paperlab-foryou-why").first).to_be_visible()  # not the one-line look
        _shots(page, "roomy")

        _open(page, "For you", False)
        _open(page, "Bibliography of this notebook", True)
        bib = page.locator(".paperlab-bib")
        closed = page.locator(".paperlab-foryou").bounding_box()
        assert closed and closed["height"] < 40  # For you closed: its heading only
        expect(bib.locator(".paperlab-bib-status")).to_be_visible()
        _shots(page, "bib")
    finally:
        page.set_viewport_size({"width": 1400, "height": 900})
