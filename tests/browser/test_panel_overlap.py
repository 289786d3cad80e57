"""The side panel's boxes never overlap, in a real JupyterLab (Chromium) at a laptop's 1366x768.

A walkthrough found the "For you" heading half hidden under the selected row's "Added by root" line, with the row's
details open and the bibliography expanded (the sections scrolled by themselves as their content loaded). Data: our
own papers, seeded through the REST API. Screenshots: test-artifacts/panel-overlap-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot, write_notebook
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed, select

from paperlab import Paper

pytestmark = pytest.mark.browser

PAPERS = [
    Paper(
        f"A Study of Long-Context Retrieval Number {i} with a Title Long Enough to Be Cut",
        arxiv_id=f"2507.{i:05d}",
        authors=[f"Author{i} Family{i}", "Second Author", "Third Author", "Fourth Author"],
        published=f"2025-07-{i + 1:02d}",
        abstract="Retrieval over long contexts. " * 8,
    )
    for i in range(5)
]

# the boxes of the panel's parts as drawn on screen: what is clipped by a scrolled box is left out
BOXES_JS = """() => {
  const visible = (el) => {
    let r = el.getBoundingClientRect();
    let top = r.top, bottom = r.bottom;
    for (let p = el.parentElement; p && !p.classList.contains('jp-SideBar'); p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowY !== 'visible') {
        const pr = p.getBoundingClientRect();
        top = Math.max(top, pr.top); bottom = Math.min(bottom, pr.bottom);
      }
    }
    return {top, bottom, full: r.bottom - r.top, text: el.textContent.trim().slice(0, 40)};
  };
  const sel = '.paperlab-entries, .paperlab-sections, .paperlab-footer, .paperlab-sections summary, ' +
              '.paperlab-card-provenance, .paperlab-selected .paperlab-details';
  const sections = document.querySelector('.paperlab-sections');
  return {boxes: [...document.querySelectorAll(sel)].map(e => ({cls: e.className || e.tagName, ...visible(e)})),
          sectionsScroll: sections ? sections.scrollTop : null};
}"""


def overlaps(page: Page) -> tuple[list[str], dict]:
    """Pairs of the list, the sections and the footer drawn over one another, and section headings drawn cut or not
    at all (scrolled out of view) or over the list."""
    got = page.evaluate(BOXES_JS)
    boxes = got["boxes"]
    by = {b["cls"]: b for b in boxes}
    problems = []
    entries, sections, footer = by.get("paperlab-entries"), by.get("paperlab-sections"), by.get("paperlab-footer")
    assert entries and sections and footer, boxes
    for upper, lower in ((entries, sections), (sections, footer), (entries, footer)):
        if upper["bottom"] > lower["top"] + 0.5:
            problems.append(
                f"{upper['cls']} ends at {upper['bottom']:.1f} below {lower['cls']}'s top {lower['top']:.1f}"
            )
    for b in boxes:
        if b["cls"] == "SUMMARY" and b["bottom"] - b["top"] < b["full"] - 0.5:
            problems.append(f"heading {b['text']!r} drawn cut: {b['bottom'] - b['top']:.1f} of {b['full']:.1f} px")
        if b["cls"] == "SUMMARY" and b["bottom"] - b["top"] > 0 and b["top"] < entries["bottom"] - 0.5:
            problems.append(f"heading {b['text']!r} at {b['top']:.1f} over the list (ends {entries['bottom']:.1f})")
    return problems, got


def test_details_and_open_sections_never_overlap(page: Page, lab: Lab) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    seed(lab, *PAPERS, name="overlap")
    # a notebook citing every paper: the bibliography section is taller than the room the sections have
    write_notebook(lab, "panel-overlap.ipynb", *(f'paperlab.paper("{p.arxiv_id}")' for p in PAPERS))
    open_lab(page, lab, "panel-overlap", "panel-overlap.ipynb")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("overlap")
    expect(page.locator(".paperlab-card")).to_have_count(len(PAPERS))
    row = select(page, PAPERS[3].id)
    expect(row.locator(".paperlab-details")).to_be_visible()
    page.locator(".paperlab-sections summary", has_text="Bibliography of this notebook").click()
    expect(page.locator(".paperlab-bib[open]")).to_have_count(1)
    expect(page.locator(".paperlab-bib-item")).to_have_count(len(PAPERS), timeout=30_000)
    problems, got = overlaps(page)
    assert problems == [], (problems, got)
    # a button at the end of the bibliography takes the focus (Tab, a click): the browser scrolls it into view,
    # and the "For you" heading above it must stay whole, never cut under the list's selected row
    page.locator(".paperlab-bib button").last.focus()
    page.wait_for_timeout(300)
    problems, got = overlaps(page)
    shot(page, "panel-overlap-light")
    assert problems == [], (problems, got)
    expect(page.locator(".paperlab-sections summary", has_text="For you")).to_be_in_viewport(ratio=1)
    expect(page.locator(".paperlab-bib button").last).to_be_in_viewport(ratio=1)
    set_theme(page, "Dark")
    try:
        shot(page, "panel-overlap-dark")
    finally:
        set_theme(page, "Light")
