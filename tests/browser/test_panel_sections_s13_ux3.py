"""For you's problem line reads whole in a squeezed side panel (R5, session 12, finding 8: its status-line part; draft test of helper UX2, session 12): with a row's
details, "For you" and the bibliography open it was cut to one line ("Offline — arXiv an…") at 1400 x 900 and
1000 x 700; now it says its brief form whole ("Offline · your library", the whole line in its tooltip and behind
Details), and at 1400 x 900 the bibliography keeps its heading and two lines. arXiv and Hugging Face are closed
ports on 127.0.0.1 (For you ranks the user's own stored papers); papers are ours (tests/browser/test_panel_foryou_room.py)."""

from __future__ import annotations

import json

import pytest
from hostile import refused_port
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed, select
from test_panel_foryou_room import LISTED, STORED, _open

pytestmark = pytest.mark.browser

ROOM_JS = """() => {
  const box = s => document.querySelector(s).getBoundingClientRect();
  // the problem line shown: the whole one, or its brief form when For you is squeezed
  const text = [...document.querySelectorAll('.paperlab-foryou-problem-text, .paperlab-foryou-problem-brief')]
    .find(e => e.getClientRects().length > 0);
  return {bib: box('.paperlab-sections > details.paperlab-bib').height,
          foryou: box('.paperlab-sections > details.paperlab-foryou').height,
          sections: box('.paperlab-sections').bottom, panel: box('.paperlab-panel').bottom,
          shown: text ? text.textContent : null, tip: text ? text.title : null,
          cut: text ? text.scrollWidth > text.clientWidth + 1 || getComputedStyle(text).whiteSpace === 'nowrap'
                      || getComputedStyle(text).textOverflow === 'ellipsis' : null};
}"""


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (1000, 700)])
def test_open_sections_keep_room_and_the_problem_line_wraps(page: Page, lab: Lab, width: int, height: int) -> None:
    profile = {
        "lists": ["ux3-room"],
        "categories": ["cs.CV"],
        "hf_daily": True,
        "arxiv_listing_url": f"http://127.0.0.1:{refused_port()}/atom",
        "hf_url": f"http://127.0.0.1:{refused_port()}",
    }
    (lab.paperlab_home / "feed-profile.json").write_text(json.dumps(profile))
    seed(lab, *STORED, name="ux3-room-stored")
    seed(lab, *LISTED, name="ux3-room")
    page.set_viewport_size({"width": width, "height": height})
    open_lab(page, lab, f"panel-sections-ux3-{width}")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("ux3-room")
    expect(page.locator(".paperlab-card")).to_have_count(len(LISTED))
    select(page, LISTED[0].id)
    _open(page, "For you", True)
    _open(page, "Bibliography of this notebook", True)
    foryou = page.locator(".paperlab-foryou")
    expect(foryou.locator(".paperlab-foryou-item").first).to_be_visible(timeout=180_000)
    expect(foryou.locator(".paperlab-foryou-problem-text")).to_contain_text("from your library")
    page.wait_for_timeout(500)  # the panel's observers have settled the split
    room = page.evaluate(ROOM_JS)
    assert room["cut"] is False, f"For you's problem line is cut: {room}"
    assert "your library" in room["shown"] and room["tip"].startswith("Offline — arXiv and Hugging Face unreachable")
    shot(page, f"panel-sections-{width}x{height}")
    assert room["sections"] <= room["panel"] + 0.5, f"the sections run past the panel: {room}"
    if height >= 900:  # the bibliography keeps its heading and two lines beside For you (was 58 px: a cut line)
        assert room["bib"] >= 70, f"the bibliography is squeezed to its heading: {room}"
