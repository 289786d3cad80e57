"""compare() with the side panel open (R5, session 12: a 1045 px table in a 953 px cell, venue and authors cut off at
the right with the table's own scrollbar below the last of its rows, out of sight). At 1400 x 900 the table of eight
papers with title, results, datasets, metrics, task, date, venue and authors fits the cell; in a narrower window the
table scrolls inside a box no taller than the window, so its scrollbar is in view, and its header row stays on top
while it scrolls. Data: our own made-up papers. Screenshots: test-artifacts/compare-fit-{light,dark,narrow}.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot, show_panel
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

CELL = """
import paperlab
from paperlab import Paper
venues = ["Advances in Neural Information Processing Systems 30", "CVPR", "NAACL-HLT", "ICLR", "ICML"]
papers = [
    Paper(f"Learning transferable visual representations from natural language supervision, part {i}",
          arxiv_id=f"2103.0002{i}", authors=[f"Author{k} Longfamilyname{k}" for k in range(2 + i)],
          journal_ref=venues[i % 5], published=f"201{i}-06-01",
          abstract=f"We reach {80 + i}.5% accuracy on ImageNet and {60 + i}.1 F1 on SQuAD, beating the baseline by "
                   "3.2 points in image classification.")
    for i in range(8)
]
paperlab.compare(papers)
"""

EDGES_JS = """(table) => {
  const out = table.closest('.jp-OutputArea-output').getBoundingClientRect();
  const box = table.getBoundingClientRect();
  const heads = [...table.querySelectorAll('thead tr:first-child th')].map(th => th.textContent.trim());
  return {out: [out.left, out.right], box: [box.left, box.right, box.top, box.bottom],
          scrollWidth: table.scrollWidth, clientWidth: table.clientWidth, heads,
          viewport: [window.innerWidth, window.innerHeight]};
}"""


def _table(page: Page, lab: Lab, name: str):
    write_notebook(lab, name, CELL)
    open_notebook(page, lab, name)
    show_panel(page)
    run_cell(page, 0)
    table = page.locator(".jp-OutputArea-output .paperlab-table table").first
    expect(table).to_be_visible(timeout=60_000)
    return table


def test_compare_fits_the_cell_with_the_side_panel_open(page: Page, lab: Lab) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    table = _table(page, lab, "compare-fit.ipynb")
    edges = table.evaluate(EDGES_JS)
    print(edges)
    for col in ("title", "results", "datasets", "date", "venue", "authors"):
        assert col in edges["heads"], edges
    assert edges["scrollWidth"] <= edges["clientWidth"] + 1, f"the table is wider than its cell: {edges}"
    assert edges["box"][1] <= edges["out"][1] + 1, edges
    text = table.inner_text()
    assert "Advances in Neural Information Processing Systems 30" in " ".join(text.split())
    table.scroll_into_view_if_needed()
    shot(page, "compare-fit-light")
    set_theme(page, "Dark")
    try:
        shot(page, "compare-fit-dark")
        head = table.locator("thead th").first
        colour, background = head.evaluate(
            "th => [getComputedStyle(th).color, getComputedStyle(th.closest('.jp-OutputArea-output')).backgroundColor]"
        )
        assert colour != "rgb(0, 0, 0)", colour  # the header reads in the dark theme
    finally:
        set_theme(page, "Light")


def test_a_table_too_wide_scrolls_in_a_box_whose_scrollbar_is_in_view(page: Page, lab: Lab) -> None:
    page.set_viewport_size({"width": 1000, "height": 700})
    try:
        table = _table(page, lab, "compare-narrow.ipynb")
        table.scroll_into_view_if_needed()
        edges = table.evaluate(EDGES_JS)
        print(edges)
        assert edges["box"][1] <= edges["out"][1] + 1, f"the table runs past its cell: {edges}"
        assert edges["box"][3] - edges["box"][2] <= edges["viewport"][1], f"its scrollbar is below the window: {edges}"
        first_head = table.locator("thead tr:first-child th").nth(1)
        top = first_head.evaluate("th => th.getBoundingClientRect().top")
        table.evaluate("t => { t.scrollTop = 200; }")
        page.wait_for_timeout(200)
        assert abs(first_head.evaluate("th => th.getBoundingClientRect().top") - top) <= 1  # the header stays
        shot(page, "compare-fit-narrow")
    finally:
        page.set_viewport_size({"width": 1400, "height": 900})
