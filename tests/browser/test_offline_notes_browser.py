"""What a notebook shows offline, in a real JupyterLab (Chromium) (walkthrough #3 and #5): the citation graph after
a fetch that found Semantic Scholar unreachable says so (not "No citations fetched yet"), and the feed's cards say
arXiv and Hugging Face were unreachable and how to rank one's own library. "Offline" is a closed port on
127.0.0.1 the services' addresses point to. Screenshots: test-artifacts/offline-graph-light.png, offline-notes-light.png (and -dark).
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

GRAPH = """
import os, socket
from paperlab import Library, Paper
from paperlab.sources._http import HttpClient
from paperlab.sources.semantic_scholar import SemanticScholarClient

s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
my_lib = Library([Paper(f"Offline Graph Paper {i}", arxiv_id=f"2303.{i:05d}", published=f"{2015 + i}-01-01")
                  for i in range(8)])
s2 = SemanticScholarClient(base_url=f"http://127.0.0.1:{port}/graph/v1", http=HttpClient(retries=0))
try:
    my_lib.fetch_citations(client=s2)
except Exception as exc:
    print(type(exc).__name__)
my_lib.graph_view(height=260)
"""

FEED = """
os.environ["PAPERLAB_ARXIV_LISTING_URL"] = f"http://127.0.0.1:{port}/atom"
os.environ["PAPERLAB_HF_URL"] = f"http://127.0.0.1:{port}"
import paperlab
paperlab.feed(profile=paperlab.InterestProfile(categories=["cs.LG"], hf_daily=True), remember=False)
"""


def test_graph_and_feed_say_the_services_were_unreachable(page: Page, lab: Lab) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "offline-notes.ipynb", GRAPH, FEED)
    open_notebook(page, lab, "offline-notes.ipynb")
    run_cell(page, 0)
    graph = page.locator(".plg-root").first
    expect(graph).to_be_visible(timeout=120_000)
    note = graph.locator(".plg-empty")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Citations could not be fetched: Semantic Scholar (127.0.0.1:")
    expect(note).to_contain_text("(offline?) — run my_lib.fetch_citations() again once it can be reached")
    run_cell(page, 1)
    feed = page.locator(".plc-root").last
    expect(feed).to_be_visible(timeout=120_000)
    problem = feed.locator(".plc-feed-problem")
    expect(problem).to_contain_text("arXiv and Hugging Face were unreachable (offline?): no new papers to rank.")
    expect(problem).to_contain_text("paperlab.feed(candidates=lib)")
    try:
        for theme in ("Light", "Dark"):
            set_theme(page, theme)
            page.wait_for_timeout(500)
            note.scroll_into_view_if_needed()
            shot(page, f"offline-graph-{theme.lower()}")
            problem.scroll_into_view_if_needed()
            shot(page, f"offline-notes-{theme.lower()}")
    finally:
        set_theme(page, "Light")
    assert errors == []
