"""The cards of a reading-group schedule in a real JupyterLab (Chromium): year and term headings are no tags.

A walkthrough found the Tag facet listing "2020 (17)" and "2017 (…)": every paper below a schedule's "## 2020" heading
carried the year as a tag. Data: our own schedule ``tests/data/session/schedule-year-headings.md`` (rows under
"## 2021", "## Fall 2019" and "## Robotics"). Screenshots: test-artifacts/cards-schedule-tags-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from paths import DATA
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

SETUP = f"""
import warnings
import paperlab
from paperlab.widget import PaperCards
with warnings.catch_warnings():
    warnings.simplefilter("ignore", paperlab.DoubtfulIdWarning)
    lib = paperlab.load({str(DATA / "session" / "schedule-year-headings.md")!r})
PaperCards(lib)
"""


def test_schedule_year_headings_are_no_tag_chips(page: Page, lab: Lab) -> None:
    write_notebook(lab, "cards-schedule-tags.ipynb", SETUP)
    open_notebook(page, lab, "cards-schedule-tags.ipynb")
    run_cell(page, 0)
    root = page.locator(".plc-root").last
    expect(root).to_be_visible(timeout=60_000)
    expect(root.locator(".plc-toolbar .plc-count").last).to_have_text("5 papers")
    tags = root.locator("button.plc-chip[data-facet='tag']")
    expect(tags).to_have_count(1)
    expect(tags).to_have_text("Robotics (1)")
    for year in ("2021", "Fall 2019"):
        assert root.locator(f"button.plc-chip[data-facet='tag'][data-value='{year}']").count() == 0
    expect(root.locator(".plc-card", has_text="Tension Models of Corrugated Sheets")).to_be_visible()
    shot(page, "cards-schedule-tags-light")
    checked, failures = contrast_failures(page, ".plc-root")
    assert checked > 5 and failures == [], failures
    set_theme(page, "Dark")
    try:
        checked, failures = contrast_failures(page, ".plc-root")
        assert checked > 5 and failures == [], failures
        shot(page, "cards-schedule-tags-dark")
    finally:
        set_theme(page, "Light")
