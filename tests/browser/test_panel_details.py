"""The side panel's details area and its "For you" section offline, in a real JupyterLab (Chromium).

What a researcher met in a walkthrough: the selected row kept its cut title; "Abstract" was there twice (a
link and a disclosure); the footer said "changed by e3fc3afa…" (an anonymous Jupyter user's random id); and
"For you" offline filled the narrow panel with a dozen lines of repeated error text; a list only one person
edits said "Added by root" under every entry (%readinglist says it only in a shared list). Screenshots:
test-artifacts/panel-details-light.png, panel-details-one-person-{light,dark}.png, foryou-offline-light.png,
foryou-offline-dark.png.
"""

from __future__ import annotations

import json
import re

import pytest
from contrast import contrast_failures, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_panel import FIRST, PAPERS, open_lab, open_panel, seed, select

from paperlab import Paper
from paperlab.store import Store, acting_as, current_user

pytestmark = pytest.mark.browser

LONG_TITLE = (
    "Counting Objects That Are Not There: A Long Study of Hallucinated Objects in Vision-Language Models "
    "Across Twelve Benchmarks"
)
PAPER = Paper(
    LONG_TITLE,
    arxiv_id="2509.00042",
    authors=["Ann Example", "Bo Example"],
    published="2025-09-01",
    abstract="We count objects that the models describe but the images do not hold.",
)
ANONYMOUS_ID = "e3fc3afa0b1c4d2e9f8a7b6c5d4e3f2a"
# offline, "For you" ranks the store's own papers that are on no list instead: the test stores four (on a list it
# then deletes: the papers stay in the store) and asks for three, whatever earlier tests left in the lab's store
OWN = [p for pid, p in PAPERS.items() if pid != FIRST.id][:4]
OFFLINE_LINE = "Offline — arXiv and Hugging Face unreachable; showing 3 papers from your library"


def test_details_show_the_whole_title_one_abstract_and_readable_names(page: Page, lab: Lab) -> None:
    seed(lab, PAPER, name="details")
    open_lab(page, lab, "panel-details")
    open_panel(page)
    page.locator(".paperlab-list-select").select_option("details")
    row = select(page, PAPER.id)

    # the whole title, wrapped inside the panel, once (the selected row's own title)
    full = row.locator(".paperlab-card-fulltitle")
    expect(full).to_have_text(LONG_TITLE)
    box, panel = full.bounding_box(), page.locator(".paperlab-panel").bounding_box()
    assert box and panel and box["x"] + box["width"] <= panel["x"] + panel["width"] + 1
    assert box["height"] > 2 * 14, "the full title should wrap over several lines"

    # "Abstract" once: the disclosure; the link to the paper says what it opens
    details = row.locator(".paperlab-details")
    expect(details.get_by_text("Abstract", exact=True)).to_have_count(1)
    expect(details.get_by_role("link", name="arXiv page")).to_have_attribute("href", re.compile(r"arxiv\.org/abs"))
    details.locator("summary", has_text="Abstract").click()
    expect(details).to_contain_text("We count objects")

    # who added it: nothing in a list one person made (as %readinglist); once someone else changed it, both names,
    # never a hash (also for an entry an older server wrote as a hex id)
    who = row.locator(".paperlab-card-provenance")
    expect(details).to_be_visible()
    expect(who).to_have_count(0)
    shot(page, "panel-details-one-person-light")
    set_theme(page, "Dark")
    expect(who).to_have_count(0)
    shot(page, "panel-details-one-person-dark")
    set_theme(page, "Light")
    with acting_as(ANONYMOUS_ID):
        Store(lab.paperlab_home / "paperlab.sqlite3").reading_list("details").set_status(PAPER.id, "reading")
    expect(who).to_have_text(f"Added by {current_user()} · changed by an anonymous Jupyter user", timeout=30_000)
    assert not re.search(r"[0-9a-f]{8}", who.inner_text())
    shot(page, "panel-details-light")


def test_for_you_offline_is_one_line_with_retry_and_details(page: Page, lab: Lab, dialogs: list[str]) -> None:
    profile = {
        "categories": ["cs.CL", "cs.CV", "cs.LG"],
        "hf_daily": True,
        "arxiv_listing_url": "http://nonexistent.invalid/atom",
        "hf_url": "http://nonexistent.invalid",
        "k": 3,
    }
    (lab.paperlab_home / "feed-profile.json").write_text(json.dumps(profile))
    seed(lab, PAPER)
    seed(lab, *OWN, name="foryou-offline-own")
    lab.api("DELETE", "lists/foryou-offline-own")  # stored, on no list: what For you offers offline
    open_lab(page, lab, "foryou-offline")
    open_panel(page)
    section = page.locator(".paperlab-foryou")
    section.locator("summary").first.click()
    problem = section.locator(".paperlab-foryou-problem")
    expect(problem.locator(".paperlab-foryou-problem-text")).to_have_text(OFFLINE_LINE, timeout=120_000)
    # the status line says what there is, not the errors; the messages wait behind "Details"
    status = section.locator(".paperlab-foryou-status")
    expect(status).to_have_text("3 papers from your library (offline)")
    expect(section.locator(".paperlab-foryou-item")).to_have_count(3)
    messages = problem.locator(".paperlab-foryou-details li")
    expect(messages.first).to_be_hidden()
    height = problem.bounding_box()
    assert height and height["height"] < 70, f"the offline notice takes {height['height']:.0f} px"
    shot(page, "foryou-offline-light")
    problem.locator("summary", has_text="Details").click()
    expect(messages.first).to_be_visible()
    assert messages.count() >= 2
    expect(problem.locator(".paperlab-foryou-details")).to_contain_text("nonexistent.invalid")

    # Retry asks again (still offline: the same one line, once the answer is in)
    problem.get_by_role("button", name="Retry").click()
    expect(status).to_have_text("3 papers from your library (offline)", timeout=120_000)
    expect(problem.locator(".paperlab-foryou-problem-text")).to_have_text(OFFLINE_LINE)
    for theme in ("Dark", "Light"):
        set_theme(page, theme)
        if theme == "Dark":
            shot(page, "foryou-offline-dark")
        checked, low = contrast_failures(page, ".paperlab-foryou")
        assert checked >= 3 and not low, f"{theme}: {low}"
    assert dialogs == []
