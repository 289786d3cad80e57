"""The citation graph widget's readability in a real JupyterLab (Chromium, WebGL through sigma.js).

What a researcher met in a walkthrough, each checked as the page draws it: the bundled demo (325 papers, no
citations fetched) drew every title on top of each other, half clipped at the right, in a half-moon; the
header did not say why there were no edges; a click showed the hover tip and the opened card at once, the
card far from its node; the oldest year's colour vanished on the dark theme. The page tells the test where
each node is (``paperlabGraph.screenPosition``) and which labels it drew in the last frame
(``paperlabGraph.labels()``: boxes in canvas pixels). Screenshots: test-artifacts/graph-demo-light.png,
graph-demo-dark.png, graph-edges-light.png, graph-edges-dark.png.
"""

from __future__ import annotations

import re

import pytest
from contrast import color_contrast, set_theme
from labtools import Lab, shot
from playwright.sync_api import Locator, Page, expect
from test_cards import open_notebook, run_cell, write_notebook

from paperlab.data import demo_library

pytestmark = pytest.mark.browser

EMPTY_HINT = "No citations fetched yet — run demo.fetch_citations() (cached offline afterwards)"
DEMO_IDS = [p.id for p in demo_library()]

DEMO = "import paperlab\ndemo = paperlab.demo()\ndemo.graph_view(height=460)"
EDGES = """
import random
import networkx as nx
from paperlab import Paper
from paperlab.graphview import GraphView
rng = random.Random(3)
g = nx.DiGraph()
words = "sparse attention retrieval diffusion alignment reasoning benchmark robust speech array".split()
for i in range(80):
    title = " ".join(rng.choice(words).title() for _ in range(9)) + f" {i}"
    p = Paper(title, arxiv_id=f"2105.{i:05d}", published=f"{1990 + i % 35}-01-01")
    g.add_node(p.id, paper=p.to_dict(), in_library=i < 12, title=p.title, year=p.year, citations=rng.randrange(900))
for i in range(12, 80):
    g.add_edge(f"2105.{rng.randrange(12):05d}", f"2105.{i:05d}")
    g.add_edge(f"2105.{rng.randrange(12):05d}", f"2105.{i:05d}")
GraphView(g, height=420)
"""
EDGE_IDS = [f"2105.{i:05d}" for i in range(80)]
LIBRARY_EDGE_IDS = EDGE_IDS[:12]


def settle(root: Locator) -> None:
    root.evaluate(
        "r => new Promise(ok => { const t = () => r.paperlabGraph.settled() ? ok() : requestAnimationFrame(t); t(); })"
    )
    root.page.wait_for_timeout(300)


def geometry(root: Locator, ids: list[str]) -> dict:
    """Node centres relative to the canvas, the canvas size and the labels drawn in the last frame."""
    return root.evaluate(
        """(r, ids) => {
          const g = r.paperlabGraph, box = r.querySelector('.plg-sigma').getBoundingClientRect();
          return {
            points: ids.map(i => g.screenPosition(i)).map(p => [p[0] - box.left, p[1] - box.top]),
            size: g.viewport(), labels: g.labels()
          };
        }""",
        ids,
    )


def assert_fitted(geo: dict, pad: float = 6) -> None:
    """Every node inside the canvas with a margin, and the nodes spread over most of it (no empty third)."""
    width, height = geo["size"]
    xs = [p[0] for p in geo["points"]]
    ys = [p[1] for p in geo["points"]]
    assert min(xs) >= pad and max(xs) <= width - pad, (min(xs), max(xs), width)
    assert min(ys) >= pad and max(ys) <= height - pad, (min(ys), max(ys), height)
    assert max(xs) - min(xs) >= 0.75 * width, f"nodes span {max(xs) - min(xs):.0f} of {width} px"
    assert max(ys) - min(ys) >= 0.6 * height, f"nodes span {max(ys) - min(ys):.0f} of {height} px"


def assert_labels_readable(geo: dict, nodes: int) -> None:
    """Some labels, not all of a crowded graph, none overlapping another, none leaving the canvas."""
    width, height = geo["size"]
    labels = geo["labels"]
    assert 5 <= len(labels) < nodes, f"{len(labels)} labels of {nodes} nodes"
    for b in labels:
        assert b["left"] >= 0 and b["left"] + b["width"] <= width, b
        assert b["top"] >= 0 and b["top"] + b["height"] <= height, b
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            apart = (
                a["left"] + a["width"] <= b["left"]
                or b["left"] + b["width"] <= a["left"]
                or a["top"] + a["height"] <= b["top"]
                or b["top"] + b["height"] <= a["top"]
            )
            assert apart, f"labels overlap: {a} {b}"


def background(root: Locator) -> str:
    rgb = root.evaluate("r => getComputedStyle(r).backgroundColor")
    r, g, b = (int(float(v)) for v in re.findall(r"[\d.]+", rgb)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


def assert_year_colours_visible(root: Locator, ids: list[str], theme: str) -> None:
    """Library nodes (solid) keep WCAG's 3:1 non-text contrast against the view's background."""
    bg = background(root)
    colours = root.evaluate("(r, ids) => ids.map(i => r.paperlabGraph.nodeColor(i))", ids)
    low = {c: round(color_contrast(c, bg), 2) for c in set(colours) if color_contrast(c, bg) < 3}
    assert not low, f"{theme}: node colours below 3:1 on {bg}: {low}"


def assert_one_popover_near(root: Locator, node_id: str) -> None:
    """A click shows one popover (no hover tip besides it), next to the node."""
    card = root.locator(".plg-card")
    expect(card).to_be_visible()
    expect(root.locator(".plg-tip")).to_be_hidden()
    (x, y) = root.evaluate("(r, i) => r.paperlabGraph.screenPosition(i)", node_id)
    box = card.bounding_box()
    assert box is not None
    dx = max(box["x"] - x, 0, x - (box["x"] + box["width"]))
    dy = max(box["y"] - y, 0, y - (box["y"] + box["height"]))
    assert dx <= 30 and dy <= 30, f"popover {box} is far from its node at {(x, y)}"


def test_demo_graph_without_citations_is_readable(page: Page, lab: Lab, dialogs: list[str]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "graph-demo.ipynb", DEMO)
    open_notebook(page, lab, "graph-demo.ipynb")
    run_cell(page, 0)
    root = page.locator(".plg-root").first
    expect(root).to_be_visible(timeout=120_000)
    expect(root.locator(".plg-count")).to_have_text("325 library papers · 0 neighbours · 0 citations")
    expect(root.locator(".plg-empty")).to_have_text(EMPTY_HINT)
    root.scroll_into_view_if_needed()
    settle(root)
    shot(page, "graph-demo-light")
    geo = geometry(root, DEMO_IDS)
    assert_fitted(geo)
    assert_labels_readable(geo, len(DEMO_IDS))

    # zoom in with the wheel, then "Reset view": the whole graph fits again
    stage = root.locator(".plg-sigma")
    stage.hover()
    page.mouse.wheel(0, -600)
    page.wait_for_timeout(600)
    zoomed = geometry(root, DEMO_IDS)
    assert max(p[0] for p in zoomed["points"]) > zoomed["size"][0], "the wheel did not zoom in"
    root.get_by_role("button", name="Reset view").click()
    page.wait_for_timeout(400)
    assert_fitted(geometry(root, DEMO_IDS))

    # a click: one popover, next to the node, with the paper's actions
    node = DEMO_IDS[len(DEMO_IDS) // 2]
    at = root.evaluate("(r, i) => r.paperlabGraph.screenPosition(i)", node)
    page.mouse.move(*at)
    expect(root.locator(".plg-tip")).to_be_visible()
    page.mouse.click(*at)
    assert_one_popover_near(root, node)
    card = root.locator(".plg-card")
    expect(card.get_by_role("button", name="Add to reading list")).to_be_visible()
    page.mouse.move(at[0] + 1, at[1])
    page.wait_for_timeout(200)
    expect(root.locator(".plg-tip")).to_be_hidden()
    card.get_by_role("button", name="Close").click()

    for theme in ("Dark", "Light"):
        set_theme(page, theme)
        root.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        if theme == "Dark":
            shot(page, "graph-demo-dark")
        assert_year_colours_visible(root, DEMO_IDS, theme)
    assert dialogs == [] and errors == []


def test_graph_with_citations_fills_the_view_and_labels_fit(page: Page, lab: Lab, dialogs: list[str]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "graph-edges.ipynb", EDGES)
    open_notebook(page, lab, "graph-edges.ipynb")
    run_cell(page, 0)
    root = page.locator(".plg-root").first
    expect(root).to_be_visible(timeout=120_000)
    expect(root.locator(".plg-count")).to_contain_text("12 library papers · 68 neighbours")
    expect(root.locator(".plg-empty")).to_be_hidden()
    root.scroll_into_view_if_needed()
    settle(root)
    shot(page, "graph-edges-light")
    geo = geometry(root, EDGE_IDS)
    assert_fitted(geo)
    assert_labels_readable(geo, len(EDGE_IDS))

    node = LIBRARY_EDGE_IDS[0]
    at = root.evaluate("(r, i) => r.paperlabGraph.screenPosition(i)", node)
    page.mouse.move(*at)
    page.mouse.click(*at)
    assert_one_popover_near(root, node)
    root.locator(".plg-card").get_by_role("button", name="Close").click()

    for theme in ("Dark", "Light"):
        set_theme(page, theme)
        root.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        if theme == "Dark":
            shot(page, "graph-edges-dark")
        assert_year_colours_visible(root, LIBRARY_EDGE_IDS, theme)
    assert dialogs == [] and errors == []
