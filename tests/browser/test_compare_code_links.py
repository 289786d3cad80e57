"""The compare table's code column in a real JupyterLab notebook (walkthrough #2): a paper whose abstract names its
repository shows a "code" link to it (no more "code: empty for every paper"), and a hostile abstract's address
is no way into the page. Data: our own made-up papers. Screenshots: test-artifacts/compare-code-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

CELL = """
import paperlab
from paperlab import Paper
papers = [
    Paper("Long-context forecasting transformers", arxiv_id="2410.04803",
          abstract="We reach 0.38 MSE on ETTh1. Code is available at https://github.com/example-lab/Long-Ctx."),
    Paper("Mid-frequency modelling", arxiv_id="2502.16890", comment="Code: gitlab.com/g/mid-freq)."),
    Paper("No code here", arxiv_id="2212.13706", abstract="Hierarchical forecasts with flows."),
    Paper("Hostile", arxiv_id="2501.00001",
          abstract='See https://github.com/a/b"><img src=x onerror="window.pwned=1">'),
]
paperlab.compare(papers)
"""


def test_compare_table_links_code_found_in_abstracts(page: Page, lab: Lab) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "compare-code.ipynb", CELL)
    open_notebook(page, lab, "compare-code.ipynb")
    run_cell(page, 0)
    table = page.locator(".jp-OutputArea-output table").first
    expect(table).to_be_visible(timeout=60_000)
    headers = table.locator("thead th").all_inner_texts()
    assert "code" in headers, headers
    links = table.get_by_role("link", name="code", exact=True)
    expect(links).to_have_count(3)
    assert [links.nth(i).get_attribute("href") for i in range(3)] == [
        "https://github.com/example-lab/Long-Ctx",
        "https://gitlab.com/g/mid-freq",
        "https://github.com/a/b",
    ]
    caption = page.locator(".jp-OutputArea-output caption").first
    if caption.count():
        assert "code" not in caption.inner_text().split(":", 1)[-1]
    assert table.locator("img").count() == 0 and page.evaluate("window.pwned") is None
    table.scroll_into_view_if_needed()
    shot(page, "compare-code-light")
    set_theme(page, "Dark")
    table.scroll_into_view_if_needed()
    shot(page, "compare-code-dark")
    set_theme(page, "Light")
    assert errors == []
