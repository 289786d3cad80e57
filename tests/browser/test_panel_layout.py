"""The side panel's room, in a real JupyterLab (Chromium, the panel at its default width): rows, pills, sections.

What a researcher met in a walkthrough: every title cut to about 22 characters (the author column took a third); the selected row
showed the cut title and then the whole title again; the status pills wrapped ("Read 0" alone on a line); with
"For you" and the bibliography both open only about four rows of the list were left; and the sections were
closed again after every reload. The test measures what the page lays out. Screenshots:
test-artifacts/panel-layout-light.png, panel-layout-dark.png.
"""

from __future__ import annotations

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import card, open_lab, open_panel, seed, select

from paperlab import Paper

pytestmark = pytest.mark.browser

WORDS = "Sparse Attention Retrieval Diffusion Alignment Reasoning Benchmark Robust Speech Array Vision".split()
PAPERS = [
    Paper(
        f"{WORDS[i % 11]} {WORDS[(i + 3) % 11]} for Long-Context {WORDS[(i + 5) % 11]} Models: A Study of "
        f"{WORDS[(i + 7) % 11]} Number {i}",
        arxiv_id=f"2506.{i:05d}",
        authors=[f"Author{i} Family{i}"],
        published=f"{2014 + i % 10}-05-01",
    )
    for i in range(14)
]
# per row: the title's height, line height, width and whether its text overflows what is shown
ROWS_JS = """() => [...document.querySelectorAll('.paperlab-card:not(.paperlab-selected) .paperlab-row')].map(r => {
  const t = r.querySelector('.paperlab-title');
  return {h: t.clientHeight, line: parseFloat(getComputedStyle(t).lineHeight), w: t.clientWidth,
          row: r.clientWidth, text: t.textContent, tip: r.title};
})"""
PILLS_JS = """() => [...document.querySelectorAll('.paperlab-status-filter-button')].map(b => {
  const box = b.getBoundingClientRect();
  return [b.textContent, Math.round(box.top), Math.round(box.right)];
})"""


def test_rows_pills_and_sections_use_the_panel(page: Page, lab: Lab) -> None:
    seed(lab, *PAPERS, name="roomy")
    open_lab(page, lab, "panel-layout")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("roomy")
    expect(page.locator(".paperlab-card")).to_have_count(len(PAPERS))

    # titles take most of the row (first author and year stacked at the right), one line each so that 20+ rows
    # fit a laptop screen (issue 15), the whole title in the row's tooltip
    rows = page.evaluate(ROWS_JS)
    for r in rows:
        assert r["w"] >= 0.62 * r["row"], f"title squeezed: {r}"
        assert r["h"] <= 1.2 * r["line"], f"a row's title should take one line: {r}"
        assert r["tip"].startswith(r["text"]), f"the whole title should be in the tooltip: {r}"

    # the selected row shows its title once, whole
    paper = PAPERS[3]
    row = select(page, paper.id)
    assert row.inner_text().count(paper.title) == 1, row.inner_text()
    whole = row.locator(".paperlab-card-fulltitle")
    expect(whole).to_have_text(paper.title)
    assert whole.evaluate("e => e.scrollHeight <= e.clientHeight + 1"), "the selected title is cut"

    # the status pills on one line, inside the panel
    panel = page.locator(".paperlab-panel").bounding_box()
    assert panel
    pills = page.evaluate(PILLS_JS)
    assert len({top for _, top, _ in pills}) == 1, f"pills wrapped: {pills}"
    assert max(right for _, _, right in pills) <= panel["x"] + panel["width"], f"pills cut at the right: {pills}"

    # both sections open: the list keeps at least 40% of the panel, every section is reachable
    for title in ("Bibliography of this notebook", "For you"):
        page.locator(".paperlab-sections summary", has_text=title).click()
    expect(page.locator(".paperlab-sections details[open]")).to_have_count(2)
    list_box = page.locator(".paperlab-entries").bounding_box()
    assert list_box and list_box["height"] >= 0.38 * panel["height"], (list_box, panel)
    shot(page, "panel-layout-light")

    # the sections open as left: after a reload both are open again; one closed stays closed
    page.reload()
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=60_000)
    open_panel(page)
    expect(page.locator(".paperlab-sections details[open]")).to_have_count(2)
    page.locator(".paperlab-sections summary", has_text="For you").click()
    expect(page.locator(".paperlab-sections details[open]")).to_have_count(1)
    page.reload()
    expect(page.locator("#jupyterlab-splash")).to_have_count(0, timeout=60_000)
    open_panel(page)
    expect(page.locator(".paperlab-bib[open]")).to_have_count(1)
    expect(page.locator(".paperlab-foryou[open]")).to_have_count(0)

    page.locator(".paperlab-list-select").select_option("roomy")
    select(page, PAPERS[3].id)
    expect(card(page, PAPERS[3].id).locator(".paperlab-card-fulltitle")).to_have_text(PAPERS[3].title)
    page.locator(".jp-Launcher, .jp-MainAreaWidget").first.click()  # the palette's shortcut, not the panel's keys
    set_theme(page, "Dark")
    try:
        shot(page, "panel-layout-dark")
        checked, failures = contrast_failures(page, ".paperlab-panel")
        assert checked > 20 and failures == [], failures
    finally:
        set_theme(page, "Light")
