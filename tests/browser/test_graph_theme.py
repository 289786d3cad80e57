"""The citation graph drawn while the dark theme is already on, in a real JupyterLab (Chromium, WebGL via sigma.js).

A walkthrough found a graph created in the dark theme (a fresh run, or a page reload) painting dark titles on
the dark canvas: the view read the theme's colours before it was attached to the page. This test creates the
graph with the dark theme on and reads what the page drew: the label colour sigma uses (``paperlabGraph.theme()``)
and the pixels of a drawn label on sigma's label canvas, against the view's background (WCAG 4.5:1); the ring
that marks a library paper under any colouring; the legend's marks for "library paper", "neighbour" and "no year"
(three different marks); the empty-state hint naming the notebook's variable. Screenshots:
test-artifacts/graph-fresh-dark.png, graph-fresh-light.png.
"""

from __future__ import annotations

import re

import pytest
from contrast import color_contrast, set_theme
from labtools import Lab, shot
from playwright.sync_api import Locator, Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

SETUP = """
from paperlab import Library, Paper
my_lib = Library(
    [Paper(f"Dark Theme Paper Number {i}", arxiv_id=f"2302.{i:05d}", published=f"{2010 + i}-02-01") for i in range(12)]
    + [Paper("A Paper Without Any Date", doi="10.5555/no-date")]  # no arXiv id: its month would date it
)
my_lib.graph_view(height=380)
"""

# the colours (#rrggbb) of the opaque pixels of the first drawn label on sigma's label canvas: its text colour, and
# the background colour of the halo under the letters (and their blends at the letters' edges)
LABEL_PIXELS_JS = """r => {
  const box = r.paperlabGraph.labels()[0];
  const canvas = r.querySelector('canvas.sigma-labels');
  const ratio = canvas.width / canvas.clientWidth;
  const data = canvas.getContext('2d').getImageData(
    Math.floor(box.left * ratio), Math.floor(box.top * ratio),
    Math.ceil(box.width * ratio), Math.ceil(box.height * ratio)).data;
  const hex = v => v.toString(16).padStart(2, '0');
  const colours = new Set();
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] > 200) colours.add('#' + hex(data[i - 3]) + hex(data[i - 2]) + hex(data[i - 1]));
  }
  return [...colours];
}"""
RING_PIXELS_JS = """r => {
  const c = r.querySelector('canvas.sigma-plg-rings');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 128) n++;
  return n;
}"""
SWATCHES_JS = """r => Array.from(r.querySelectorAll('.plg-legend > span')).map(s => {
  const w = getComputedStyle(s.firstElementChild);
  return [s.textContent, [w.backgroundColor, w.backgroundImage, w.boxShadow, w.opacity].join(' | ')];
})"""


def hex_of(root: Locator) -> str:
    rgb = root.evaluate("r => getComputedStyle(r).backgroundColor")
    r, g, b = (int(float(v)) for v in re.findall(r"[\d.]+", rgb)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


def assert_labels_legible(root: Locator, theme: str) -> None:
    colours = root.evaluate("r => r.paperlabGraph.theme()")
    background = hex_of(root)
    assert colours["background"] == background, f"{theme}: view background {colours} vs page {background}"
    assert color_contrast(colours["label"], background) >= 4.5, f"{theme}: label colour {colours}"
    assert color_contrast(colours["ring"], background) >= 3, f"{theme}: library ring {colours}"
    assert root.evaluate("r => r.paperlabGraph.labels().length") >= 3, f"{theme}: no titles drawn"
    colours = root.evaluate(LABEL_PIXELS_JS)
    assert colours, f"{theme}: no opaque pixel in the first label"
    ink = max(colours, key=lambda c: color_contrast(c, background))  # the letters (the halo is the background)
    assert color_contrast(ink, background) >= 4.5, f"{theme}: label pixels {colours[:8]} on {background}"
    assert root.evaluate(RING_PIXELS_JS) > 50, f"{theme}: no library ring drawn"


def test_graph_created_in_dark_theme_has_legible_labels_rings_and_legend(page: Page, lab: Lab) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "graph-theme.ipynb", SETUP)
    open_notebook(page, lab, "graph-theme.ipynb")
    set_theme(page, "Dark")
    try:
        run_cell(page, 0)
        root = page.locator(".plg-root").first
        expect(root).to_be_visible(timeout=120_000)
        expect(root.locator(".plg-empty")).to_have_text(
            "No citations fetched yet — run my_lib.fetch_citations() (cached offline afterwards)"
        )
        root.scroll_into_view_if_needed()
        page.wait_for_timeout(600)
        shot(page, "graph-fresh-dark")
        assert_labels_legible(root, "dark (created in it)")

        legend = dict(root.evaluate(SWATCHES_JS))
        marks = [legend["library paper"], legend["cited or citing neighbour"], legend["no year"]]
        assert len(set(marks)) == 3, f"legend marks not distinct: {marks}"
        assert "rgba(0, 0, 0, 0)" in legend["library paper"] and "inset" in legend["library paper"]  # a ring

        set_theme(page, "Light")
        root.scroll_into_view_if_needed()
        page.wait_for_timeout(400)
        shot(page, "graph-fresh-light")
        assert_labels_legible(root, "light (switched)")

        # a page reload in the dark theme: the restored view draws light titles too
        page.locator(".jp-Notebook").first.click()
        set_theme(page, "Dark")
        page.keyboard.press("Control+s")
        expect(page.locator(".jp-mod-dirty")).to_have_count(0, timeout=15_000)
        page.reload()
        expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=60_000)
        root = page.locator(".plg-root").first
        expect(root).to_be_visible(timeout=60_000)
        root.scroll_into_view_if_needed()
        page.wait_for_timeout(800)
        assert_labels_legible(root, "dark (reloaded)")
    finally:
        set_theme(page, "Light")
    assert errors == []
