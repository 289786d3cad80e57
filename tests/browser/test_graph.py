"""The citation graph widget in a real JupyterLab notebook, driven by Chromium (WebGL through sigma.js).

Data: our own papers, cached as references in the lab's store by the first cell (no network): two library
papers citing three neighbours, one of them with a hostile title. The test asks the page where each node is
(``root.paperlabGraph.screenPosition(id)``), hovers, clicks and presses "Add to reading list" like a user, then
reads the reading list back in the kernel; it switches the colour to reading status, checks the dark theme
(screenshots test-artifacts/graph-light.png, graph-dark.png) and shows a 2,000-node graph that still answers
a hover.
"""

from __future__ import annotations

import pytest
from contrast import low_contrast, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=\"alert('graph')\"><script>alert('s')</script> & <b>bold</b>"

SETUP = f"""
from paperlab import Library, Paper
from paperlab.sources.s2_graph import Link
from paperlab.store import open_store
from paperlab.store.citations import CitationCache

A = Paper("Counting Examples with Fewer Labels", arxiv_id="2401.00001", published="2024-01-05", authors=["Ann Example"])
B = Paper("Measuring Example Transfer", doi="10.5555/graph.b", published="2020-03-01", authors=["Bo Example"])
def n(i, title, year, cites):
    return Paper(title, arxiv_id=f"1901.{{i:05d}}", published=f"{{year}}-01-01", extra={{"citationCount": cites}})
X = n(1, "Shared Foundations of Example Learning", 2015, 5000)
Y = n(2, {HOSTILE!r}, 2018, 40)
Z = n(3, "A Paper Only One Library Paper Cites", 2019, 10)
cache = CitationCache(open_store())
cache.save(A.id, "references", "semantic_scholar", [Link(X), Link(Y), Link(B)])
cache.save(B.id, "references", "semantic_scholar", [Link(X), Link(Z)])
v = Library([A, B]).graph_view(reading_list="graph", height=460)
v
"""
CHECK = "from paperlab.store import open_store\nprint('LISTED', open_store().reading_list('graph').ids())"
BIG = """
import random
import networkx as nx
from paperlab import Paper
from paperlab.graphview import GraphView
rng = random.Random(7)
g = nx.DiGraph()
for i in range(2000):
    p = Paper(f"Generated paper {i}", arxiv_id=f"2001.{i:05d}", published=f"{2000 + i % 25}-01-01")
    g.add_node(p.id, paper=p.to_dict(), in_library=i < 40, title=p.title, year=p.year, citations=rng.randrange(5000))
for i in range(2000, 6000):
    a, b = rng.randrange(40), rng.randrange(2000)
    if a != b:
        g.add_edge(f"2001.{a:05d}", f"2001.{b:05d}")
big = GraphView(g, height=420)
big
"""


def positions(root, ids: list[str]) -> dict[str, list[float]]:
    return root.evaluate("(r, ids) => Object.fromEntries(ids.map(i => [i, r.paperlabGraph.screenPosition(i)]))", ids)


def test_graph_hover_click_to_add_colours_and_dark_theme(page: Page, lab: Lab, dialogs: list[str]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "graph.ipynb", SETUP, CHECK, BIG)
    open_notebook(page, lab, "graph.ipynb")
    run_cell(page, 0)
    root = page.locator(".plg-root").first
    expect(root).to_be_visible(timeout=120_000)
    expect(root.locator(".plg-count")).to_have_text("2 library papers · 3 neighbours · 5 citations")
    root.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shot(page, "graph-light")

    # hover a neighbour: its card, as text
    ids = ["2401.00001", "doi:10.5555/graph.b", "1901.00001", "1901.00002", "1901.00003"]
    where = positions(root, ids)
    assert all(where[i] is not None for i in ids)
    page.mouse.move(*where["1901.00001"])
    tip = root.locator(".plg-tip")
    expect(tip).to_be_visible()
    expect(tip.locator(".plg-title")).to_have_text("Shared Foundations of Example Learning")
    expect(tip).to_contain_text("5000 citations")
    expect(tip).to_contain_text("not in your library")

    # the hostile title is text, and runs nothing
    page.mouse.move(*where["1901.00002"])
    expect(tip.locator(".plg-title")).to_have_text(HOSTILE)
    assert root.locator(".plg-tip img, .plg-tip script, .plg-tip b").count() == 0

    # click opens the card; "Add to reading list" writes the store through the kernel
    page.mouse.click(*where["1901.00003"])
    card = root.locator(".plg-card")
    expect(card).to_be_visible()
    expect(card.locator(".plg-title")).to_have_text("A Paper Only One Library Paper Cites")
    card.get_by_role("button", name="Add to reading list").click()
    expect(card.locator(".plg-add")).to_have_text("In “graph” · To read")
    run_cell(page, 1)
    out = page.locator(".jp-CodeCell").nth(1).locator(".jp-OutputArea-output")
    expect(out).to_contain_text("LISTED ['1901.00003']", timeout=30_000)
    card.get_by_role("button", name="Close").click()
    expect(card).to_be_hidden()

    # colour by reading status: the added paper takes the to-read colour (#e69f00), the others stay grey;
    # neighbours are drawn half-way into the background (white here)
    root.locator("select").select_option("status")
    colors = root.evaluate("(r, ids) => ids.map(i => r.paperlabGraph.nodeColor(i))", ids)
    assert (colors[4], colors[0], colors[2]) == ("#f3cf80", "#8c8c8c", "#c6c6c6")
    expect(root.locator(".plg-legend")).to_contain_text("to-read")

    # dark theme: text readable (WCAG AA) on the card, the tip, the legend and the toolbar
    texts = ".plg-title, .plg-meta, .plg-legend > span, .plg-count"
    for theme, light in (("JupyterLab Dark", False), ("JupyterLab Light", True)):
        set_theme(page, theme)
        root.scroll_into_view_if_needed()
        where = positions(root, ids)
        page.mouse.move(where["1901.00001"][0] - 60, where["1901.00001"][1] - 60)
        page.mouse.move(*where["1901.00001"], steps=4)
        expect(tip).to_be_visible()
        if not light:
            shot(page, "graph-dark")
        low = low_contrast(root.locator(texts))
        assert not low, f"{theme}: text below 4.5:1 contrast: {low}"

    # 2,000 nodes: drawn, and a hover still answers
    run_cell(page, 2)
    big = page.locator(".plg-root").nth(1)
    expect(big.locator(".plg-count")).to_contain_text("40 library papers · 1960 neighbours", timeout=120_000)
    big.scroll_into_view_if_needed()
    big.evaluate(
        "r => new Promise(ok => { const t = () => r.paperlabGraph.settled() ? ok() : requestAnimationFrame(t); t(); })"
    )
    (at,) = positions(big, ["2001.00003"]).values()
    page.mouse.move(*at)
    expect(big.locator(".plg-tip .plg-title")).to_have_text("Generated paper 3", timeout=10_000)
    assert dialogs == [] and errors == []
