"""The cards after walkthrough 10, in a real JupyterLab (Chromium): the tag row, the Source facet's names and an
empty result's facets (no chip: no label, no bar).

The walkthrough found: a card's tag row clipped a long tag mid-word ("Computer Science - Com"); the Source facet
named a paper list by its raw source name ("paper_list (8)"); a search that found nothing expanded every year of
the library as "(0)" chips. Now the tag row holds whole chips (one too long for the row ends with an ellipsis, its
title the whole text; those that do not fit are left out, the row's title lists them all), the facet says
"Paper list", and an empty result shows no zero chips. Data: our own papers, written here (one hostile tag).
Screenshots: test-artifacts/cards-walk10-{tags,empty}-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, run_cell, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, write_notebook

pytestmark = pytest.mark.browser

SETUP = """
from paperlab import Library, Paper
from paperlab.paper import SourceRecord
from paperlab.widget import PaperCards
LONG = ["Computer Science - Computation and Language", "Computer Science - Artificial Intelligence",
        "Computer Science - Machine Learning", "<img src=x onerror=alert(1)>"]
papers = [
    Paper(f"Reward models from human feedback, part {i}", url=f"https://example.org/rlhf/{i}",
          published=f"{2015 + i}-02-01", authors=[f"Ann{i} Family"], abstract="Learning from preferences.",
          tags=LONG, sources=[SourceRecord("paper_list", "awesome.md", record=f"line {i}")])
    for i in range(6)
]
PaperCards(Library(papers), search_mode='lexical')
"""

# the tag chips drawn cut: partly outside the row's box, or shortened without an ellipsis and a title
CUT_TAGS_JS = """r => {
  const cut = [];
  for (const row of r.querySelectorAll('.plc-tags')) {
    const box = row.getBoundingClientRect();
    for (const tag of row.querySelectorAll('.plc-tag')) {
      const b = tag.getBoundingClientRect();
      const inside = b.left >= box.left - 0.5 && b.right <= box.right + 0.5 && b.bottom <= box.bottom + 0.5;
      const outside = b.top >= box.bottom - 0.5 || b.left >= box.right - 0.5;
      const shortened = tag.scrollWidth > tag.clientWidth + 1;
      const marked = getComputedStyle(tag).textOverflow === 'ellipsis' && tag.title === tag.textContent;
      if (!(inside || outside) || (inside && shortened && !marked)) cut.push(tag.textContent);
    }
  }
  return cut;
}"""


def test_tag_row_source_label_and_empty_result(page: Page, lab: Lab) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    write_notebook(lab, "cards-walk10.ipynb", SETUP)
    open_notebook(page, lab, "cards-walk10.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    expect(root.locator(".plc-card")).to_have_count(6)
    tags = root.locator(".plc-card").first.locator(".plc-tags")
    expect(tags.locator(".plc-tag").first).to_have_text("Paper list")
    assert root.locator(".plc-tags img").count() == 0  # the hostile tag is text
    assert root.evaluate(CUT_TAGS_JS) == []
    # the Source facet names the paper list as the schema does, not by its raw name
    source = root.locator("button.plc-chip[data-facet='source'][data-value='paper_list']")
    expect(source).to_have_text("Paper list (6)")
    shot(page, "cards-walk10-tags-light")
    set_theme(page, "Dark")
    try:
        page.wait_for_timeout(300)
        assert root.evaluate(CUT_TAGS_JS) == []
        shot(page, "cards-walk10-tags-dark")
    finally:
        set_theme(page, "Light")

    # nothing found: no row of "(0)" chips
    box = root.locator("input[type=search]")
    box.fill("zzqx nonexistentword")
    box.press("Enter")
    expect(root.locator(".plc-card")).to_have_count(0, timeout=30_000)
    zero = root.locator("button.plc-chip:visible", has_text="(0)")
    expect(zero).to_have_count(0)
    more = root.locator("button.plc-chip-more:visible")
    expect(more).to_have_count(0)
    # and no bare "Year: Source: Tag:" labels without chips (walkthrough 11): the facet bar is hidden
    expect(root.locator(".plc-facet-label:visible")).to_have_count(0)
    expect(root.locator(".plc-facets")).to_be_hidden()
    shot(page, "cards-walk10-empty-light")
    set_theme(page, "Dark")
    try:
        page.wait_for_timeout(300)
        shot(page, "cards-walk10-empty-dark")
    finally:
        set_theme(page, "Light")
    box.fill("")
    box.press("Enter")
    expect(root.locator(".plc-card")).to_have_count(6, timeout=30_000)
    expect(root.locator(".plc-facets")).to_be_visible()
    expect(root.locator(".plc-facet-label:visible", has_text="Source:")).to_have_count(1)
