"""A long reading list leaves the closed sections' headings whole (session 20, a researcher's day at 1366x768): with
40 papers of long titles, "Bibliography of this notebook" was drawn cut in half above the export footer, in the
light and the dark theme — the list and the closed sections shrank alike by their length, so the 40 rows took
their share out of two headings. Papers: our own, seeded through the REST API; a notebook is open (the bibliography
section shows for it). Screenshots: test-artifacts/panel-long-list-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot, write_notebook
from playwright.sync_api import Page, expect
from test_panel import open_lab, open_panel, seed
from test_panel_overlap import overlaps

from paperlab import Paper

pytestmark = pytest.mark.browser

PAPERS = [
    Paper(
        f"Tidal Energy Forecasting with Graph Neural Networks over Buoy Arrays under Sensor Drift, Study {i}",
        arxiv_id=f"2512.{48000 + i:05d}",  # ids no other browser test uses (one store per session)
        authors=["Ada Quill", "Bo Renn"],
        published="2025-05-01",
    )
    for i in range(40)
]


def test_closed_section_headings_stay_whole_under_a_long_list(page: Page, lab: Lab) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    seed(lab, *PAPERS, name="long-list-s20")
    write_notebook(lab, "panel-long-list.ipynb", "import paperlab")
    open_lab(page, lab, "panel-long-list", "panel-long-list.ipynb")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("long-list-s20")
    expect(page.locator(".paperlab-card")).to_have_count(len(PAPERS))
    expect(page.locator(".paperlab-sections details[open]")).to_have_count(0)
    for theme in ("Light", "Dark"):  # the lab starts light (asking the palette for the theme it has leaves it open)
        if theme == "Dark":
            set_theme(page, theme)
        for title in ("For you", "Bibliography of this notebook"):
            expect(page.locator(".paperlab-sections summary", has_text=title)).to_be_in_viewport(ratio=1)
        problems, got = overlaps(page)
        shot(page, f"panel-long-list-{theme.lower()}")
        assert problems == [], (theme, problems, got)
    set_theme(page, "Light")
