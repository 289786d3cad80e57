"""Topic-map labels leave every point visible on a sparse map, in a real JupyterLab (walkthrough #18).

A researcher's map of 32 papers in 4 topics had the "time / series / forecasting" label drawn over a point (a
dot half hidden under the label's edge: only points whose centre lay inside a label counted as covered). Each
label now goes where it covers no point's dot when any place near its topic does. Data: our own made-up papers
at fixed map coordinates (no embedding model). Screenshots: test-artifacts/map-label-points-{light,dark}.png.
"""

from __future__ import annotations

import pytest
from contrast import set_theme
from labtools import Lab, shot
from playwright.sync_api import Locator, Page, expect
from test_cards import open_notebook, run_cell, write_notebook

pytestmark = pytest.mark.browser

IDS = [f"2402.{i:05d}" for i in range(32)]
CELL = """
import numpy as np
from paperlab import Paper
from paperlab.mapview import TopicMap
from paperlab.search import Topics
rng = np.random.default_rng(5)
themes = ["time series forecasting", "on-policy self-distillation", "pointer sentinel mixture", "scientific agent"]
sizes = [7, 15, 3, 7]
centres = [(0.2, 0.7), (0.75, 0.65), (0.35, 0.55), (0.45, 0.15)]
papers, assign, coords = [], [], []
for t, (theme, size, (cx, cy)) in enumerate(zip(themes, sizes, centres)):
    for k in range(size):
        i = len(papers)
        papers.append(Paper(f"{theme.title()} study {k}", arxiv_id=f"2402.{i:05d}", abstract=f"We study {theme}."))
        assign.append(t)
        coords.append((cx + rng.normal(0, 0.09), cy + rng.normal(0, 0.09)))
coords[-8] = (0.2, 0.7)  # a point of another topic at the first topic's centre, where its label would go
labels = {t: theme.replace(" ", " / ") for t, theme in enumerate(themes)}
topics = Topics(papers, np.array(assign), labels, {t: [] for t in labels}, np.array(coords, dtype=np.float32))
TopicMap(topics, height=480)
"""
RADIUS = 3.5  # a point's dot (view.ts)


def dots_under_labels(root: Locator) -> list[tuple[str, int]]:
    """(point, topic) pairs whose dot a visible label covers, in stage pixels."""
    found = root.evaluate(
        """(r, ids) => {
          const b = r.querySelector('.plm-stage').getBoundingClientRect();
          const pts = ids.map(i => [i, r.paperlabMap.screenPosition(i)]).map(([i, p]) => [i, p[0] - b.left, p[1] - b.top]);
          return r.paperlabMap.labels().filter(l => l.box).flatMap(l => pts.filter(([i, x, y]) =>
            x + %s > l.box.left && x - %s < l.box.left + l.box.width &&
            y + %s > l.box.top && y - %s < l.box.top + l.box.height).map(([i]) => [i, l.topic]));
        }"""
        % ((RADIUS,) * 4),
        IDS,
    )
    return [(i, t) for i, t in found]


def test_map_labels_cover_no_point_of_a_sparse_map(page: Page, lab: Lab) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "map-label-points.ipynb", CELL)
    open_notebook(page, lab, "map-label-points.ipynb")
    run_cell(page, 0)
    root = page.locator(".plm-root").last
    expect(root).to_be_visible(timeout=120_000)
    expect(root.locator(".plm-count")).to_have_text("32 papers · 4 topics")
    root.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shot(page, "map-label-points-light")
    labels = root.evaluate("r => r.paperlabMap.labels()")
    assert [lab_["hidden"] for lab_ in labels] == [False] * 4, labels
    assert dots_under_labels(root) == []

    set_theme(page, "Dark")
    root.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shot(page, "map-label-points-dark")
    assert dots_under_labels(root) == []
    set_theme(page, "Light")
    assert errors == []
