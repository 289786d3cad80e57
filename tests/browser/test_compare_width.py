"""paperlab.compare of five papers on a laptop screen (1366 x 768, the side panel open; walkthrough 9, #12 and
#11): the columns a reader came for (results, datasets, metrics) used to be off-screen to the right behind long
titles, author lists, DOIs and MeSH headings. Now they follow the title and are in view without scrolling sideways,
the long text wraps in capped columns, and a MeSH major-topic mark ("*Neural Networks, Computer") shows without its
asterisk. Data: our own made-up papers. Screenshots: test-artifacts/compare-width-{light,dark}.png.
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
long = "Large scale application of neural network based semantic role labeling for automated relation extraction"
authors = [f"Author{i} Longfamilyname{i}" for i in range(12)]
papers = [
    Paper(f"{long} from biomedical texts, part {i}", doi=f"10.1371/journal.pone.000639{i}", authors=authors,
          journal_ref="PLoS One 4(7) 2009", published="2009-07-01",
          keywords=["*Abstracting and Indexing Algorithms", "*Neural Networks, Computer", "Natural Language Processing",
                    "Computer Science - Artificial Intelligence; Computer Science - Computation and Language"],
          abstract=f"We reach {80 + i}.5% accuracy on MMLU and {60 + i}.1 F1 on SQuAD, beating the baseline by 3.2 "
                   "points in question answering.")
    for i in range(5)
]
paperlab.compare(papers)
"""

EDGES_JS = """(table) => {
  const out = table.closest('.jp-OutputArea-output').getBoundingClientRect();
  const heads = [...table.querySelectorAll('thead th')].map(th => [th.textContent.trim(), th.getBoundingClientRect()]);
  return {right: out.right, scrolled: table.scrollLeft,
          cols: Object.fromEntries(heads.map(([t, b]) => [t, [b.left, b.right]]))};
}"""


def test_compare_shows_results_datasets_metrics_without_scrolling(page: Page, lab: Lab) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    try:
        write_notebook(lab, "compare-width.ipynb", CELL)
        open_notebook(page, lab, "compare-width.ipynb")
        show_panel(page)
        run_cell(page, 0)
        table = page.locator(".jp-OutputArea-output table").first
        expect(table).to_be_visible(timeout=60_000)
        edges = table.evaluate(EDGES_JS)
        for col in ("results", "datasets", "metrics"):
            assert col in edges["cols"], edges
            assert edges["cols"][col][1] <= edges["right"] + 1, f"{col} is off-screen: {edges}"
        text = table.inner_text()
        assert "Neural Networks, Computer" in text and "*Neural" not in text and "*Abstracting" not in text
        table.scroll_into_view_if_needed()
        shot(page, "compare-width-light")
        set_theme(page, "Dark")
        try:
            shot(page, "compare-width-dark")
        finally:
            set_theme(page, "Light")
    finally:
        page.set_viewport_size({"width": 1400, "height": 900})
