"""Citation-graph labels read over the edges, and the counts speak of one paper as one, in a real JupyterLab.

Session 5's walkthrough found the graph's node labels drawn straight over the edges (hard to read, most of all in
the dark theme) and a bar reading "1 library papers". Each label now has a halo of the view's background colour
under its letters: the test reads the label canvas's pixels in the first drawn label's box and finds opaque pixels
of the background colour there (without a halo the label canvas holds only the text colour), in the light and the
dark theme. Data: our own papers cached as references in the lab's store (no network): one library paper citing
one neighbour (the singular bar), and one citing twelve (a star whose edges run under the labels).
Screenshots: test-artifacts/graph-halo-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import color_contrast, set_theme
from labtools import Lab, shot
from playwright.sync_api import Locator, Page, expect
from test_cards import open_notebook, run_cell, write_notebook
from test_graph_theme import hex_of

pytestmark = pytest.mark.browser

ONE = """
from paperlab import Library, Paper
from paperlab.sources.s2_graph import Link
from paperlab.store import open_store
from paperlab.store.citations import CitationCache

cache = CitationCache(open_store())
solo = Paper("A Lone Library Paper", arxiv_id="2402.00001", published="2024-02-01", authors=["Una Solo"])
cache.save(solo.id, "references", "semantic_scholar", [Link(Paper("Its Only Reference", arxiv_id="1801.00001"))])
Library([solo]).graph_view(height=300)
"""
STAR = """
hub = Paper("Hub Paper Citing Twelve Others", arxiv_id="2402.00002", published="2024-02-01")
refs = [Paper(f"Cited Neighbour Number {i} With a Long Title", arxiv_id=f"1802.{i:05d}",
              published=f"{2005 + i}-01-01", extra={"citationCount": 100 * i}) for i in range(12)]
cache.save(hub.id, "references", "semantic_scholar", [Link(p) for p in refs])
Library([hub]).graph_view(height=420)
"""

# opaque pixels of the background colour (a halo) and of any other colour (text) in the first drawn label's box
HALO_PIXELS_JS = """(r, bg) => {
  const box = r.paperlabGraph.labels()[0];
  const canvas = r.querySelector('canvas.sigma-labels');
  const ratio = canvas.width / canvas.clientWidth;
  const pad = 2;
  const d = canvas.getContext('2d').getImageData(
    Math.floor((box.left - pad) * ratio), Math.floor((box.top - pad) * ratio),
    Math.ceil((box.width + 2 * pad) * ratio), Math.ceil((box.height + 2 * pad) * ratio)).data;
  const [R, G, B] = [1, 3, 5].map(i => parseInt(bg.slice(i, i + 2), 16));
  let halo = 0, ink = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] < 230) continue;
    const near = Math.abs(d[i] - R) + Math.abs(d[i + 1] - G) + Math.abs(d[i + 2] - B) < 24;
    if (near) halo++; else ink++;
  }
  return {halo, ink};
}"""


def assert_haloed(root: Locator, theme: str) -> None:
    background = hex_of(root)
    colours = root.evaluate("r => r.paperlabGraph.theme()")
    assert colours["halo"] == background, f"{theme}: halo {colours} on {background}"
    assert color_contrast(colours["label"], colours["halo"]) >= 4.5, f"{theme}: {colours}"
    assert root.evaluate("r => r.paperlabGraph.labels().length") >= 3, f"{theme}: no titles drawn"
    pixels = root.evaluate(HALO_PIXELS_JS, background)
    assert pixels["ink"] > 20, f"{theme}: no text in the label: {pixels}"
    assert pixels["halo"] > 50, f"{theme}: no halo under the label: {pixels}"


def test_graph_labels_have_a_halo_and_one_paper_is_counted_as_one(page: Page, lab: Lab) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "graph-halo.ipynb", ONE, STAR)
    open_notebook(page, lab, "graph-halo.ipynb")
    run_cell(page, 0)
    solo = page.locator(".plg-root").first
    expect(solo).to_be_visible(timeout=120_000)
    expect(solo.locator(".plg-count")).to_have_text("1 library paper · 1 neighbour · 1 citation")
    run_cell(page, 1)
    star = page.locator(".plg-root").nth(1)
    expect(star).to_be_visible(timeout=120_000)
    expect(star.locator(".plg-count")).to_have_text("1 library paper · 12 neighbours · 12 citations")
    star.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    try:
        assert_haloed(star, "light")
        shot(page, "graph-halo-light")
        set_theme(page, "Dark")
        star.scroll_into_view_if_needed()
        page.wait_for_timeout(600)
        assert_haloed(star, "dark")
        shot(page, "graph-halo-dark")
    finally:
        set_theme(page, "Light")
    assert errors == []
