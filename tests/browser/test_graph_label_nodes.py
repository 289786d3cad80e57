"""Citation-graph labels keep clear of the other nodes, in a real JupyterLab (walkthrough #18).

A researcher's graph of 32 library papers without citations drew titles such as "Compositional simulation-based
inference for…" straight across neighbouring nodes. sigma's label grid picks the candidates (one per cell; sigma 3
has no collision step), and the view's label budget now draws a label only where it covers no label drawn before
and no other node: right of its node, else left, else shortened, else not at all. A hovered node still shows its
title. Data: our own made-up papers (no network). Screenshots: test-artifacts/graph-label-nodes-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot
from playwright.sync_api import Locator, Page, expect
from test_cards import open_notebook, run_cell, write_notebook
from test_graph_layout import settle

pytestmark = pytest.mark.browser

# ids no other test uses: the citation cache is shared by the session's lab (test_graph caches 2401.00001's)
IDS = [f"2608.{70000 + i:05d}" for i in range(32)]
CELL = """
import random
from paperlab import Library, Paper
rng = random.Random(7)
words = ("compositional simulation based inference distillation policy reasoning forecasting series "
         "transformer sentence embeddings multiplication survey research scientist workshop").split()
papers = [Paper(" ".join(rng.choice(words).title() for _ in range(8)) + f" {i}", arxiv_id=f"2608.{70000 + i:05d}",
                published=f"{2015 + i % 12}-01-01") for i in range(32)]
Library(papers).graph_view(height=460)
"""

# opaque pixels on the hover layer (sigma draws the hovered node's ring and label there)
HOVER_PIXELS_JS = """r => {
  const c = r.querySelector('canvas.sigma-hovers');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 200) n++;
  return n;
}"""


def frame(root: Locator) -> dict:
    return root.evaluate(
        """(r, ids) => {
          const g = r.paperlabGraph, box = r.querySelector('.plg-sigma').getBoundingClientRect();
          return {labels: g.labels(), discs: g.discs(), size: g.viewport(),
                  points: ids.map(i => g.screenPosition(i)).map(p => [p[0] - box.left, p[1] - box.top])};
        }""",
        IDS,
    )


def covers(label: dict, disc: dict) -> bool:
    return not (
        disc["x"] + disc["r"] <= label["left"]
        or label["left"] + label["width"] <= disc["x"] - disc["r"]
        or disc["y"] + disc["r"] <= label["top"]
        or label["top"] + label["height"] <= disc["y"] - disc["r"]
    )


def assert_labels_clear_of_nodes(geo: dict) -> None:
    labels, discs = geo["labels"], geo["discs"]
    # the nodes the budget knew are every node, where the page shows them
    assert sorted(d["id"] for d in discs) == sorted(IDS)
    by_id = {d["id"]: d for d in discs}
    for i, (x, y) in zip(IDS, geo["points"], strict=True):
        assert abs(by_id[i]["x"] - x) < 1.5 and abs(by_id[i]["y"] - y) < 1.5, (i, by_id[i], (x, y))
    assert len(labels) >= 6, f"only {len(labels)} labels of 32 nodes"
    covering = [(b["id"], d["id"]) for b in labels for d in discs if d["id"] != b["id"] and covers(b, d)]
    assert not covering, f"labels covering other nodes: {covering}"
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            apart = (
                a["left"] + a["width"] <= b["left"]
                or b["left"] + b["width"] <= a["left"]
                or a["top"] + a["height"] <= b["top"]
                or b["top"] + b["height"] <= a["top"]
            )
            assert apart, f"labels overlap: {a} {b}"


def test_graph_labels_cover_no_other_node_and_hover_still_labels(page: Page, lab: Lab) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "graph-label-nodes.ipynb", CELL)
    open_notebook(page, lab, "graph-label-nodes.ipynb")
    run_cell(page, 0)
    root = page.locator(".plg-root").first
    expect(root).to_be_visible(timeout=120_000)
    expect(root.locator(".plg-count")).to_have_text("32 library papers · 0 neighbours · 0 citations")
    root.scroll_into_view_if_needed()
    settle(root)
    shot(page, "graph-label-nodes-light")
    geo = frame(root)
    assert_labels_clear_of_nodes(geo)

    # a node whose title was left out shows it on hover (ring + label on the hover layer)
    drawn = {b["id"] for b in geo["labels"]}
    unlabelled = next(i for i in IDS if i not in drawn)
    assert root.evaluate(HOVER_PIXELS_JS) == 0
    at = root.evaluate("(r, i) => r.paperlabGraph.screenPosition(i)", unlabelled)
    page.mouse.move(*at)
    expect(root.locator(".plg-tip")).to_be_visible()
    page.wait_for_timeout(200)
    assert root.evaluate(HOVER_PIXELS_JS) > 400, "no label drawn for the hovered node"
    box = root.locator(".plg-sigma").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 3, box["y"] + 3)  # an empty corner of the view: the hover ends
    expect(root.locator(".plg-tip")).to_be_hidden()
    page.wait_for_timeout(300)
    assert root.evaluate(HOVER_PIXELS_JS) == 0

    set_theme(page, "Dark")
    root.scroll_into_view_if_needed()
    settle(root)
    shot(page, "graph-label-nodes-dark")
    assert_labels_clear_of_nodes(frame(root))
    set_theme(page, "Light")
    assert errors == []
