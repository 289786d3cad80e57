"""The topic map's labels and paper popover in a real JupyterLab (Chromium), on the bundled demo corpus.

What a researcher met in a walkthrough: one of 13 topic labels silently missing, labels crowding and covering
points, dark-theme navy dots hard to see, and a clicked paper offering no action. The page reports where its
labels went (``paperlabMap.labels()``) and where each point is (``paperlabMap.screenPosition``).
Screenshots: test-artifacts/map-popover-light.png, map-popover-dark.png.
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

DEMO = {p.id: p for p in demo_library()}
SETUP = (
    "from paperlab.data import demo_library\nfrom paperlab.mapview import TopicMap\n"
    "m = TopicMap(demo_library(), reading_list='map')\nm"
)
CHECK = "from paperlab.store import open_store\nprint('LISTED', open_store().reading_list('map').ids())"


def placed_labels(root: Locator) -> list[dict]:
    return root.evaluate("r => r.paperlabMap.labels()")


def point_at(root: Locator, pid: str) -> list[float]:
    return root.evaluate("(r, i) => r.paperlabMap.screenPosition(i)", pid)


def stage_points(root: Locator) -> list[list[float]]:
    """Every point relative to the stage (the labels' coordinates)."""
    return root.evaluate(
        """(r, ids) => { const b = r.querySelector('.plm-stage').getBoundingClientRect();
           return ids.map(i => r.paperlabMap.screenPosition(i)).map(p => [p[0] - b.left, p[1] - b.top]); }""",
        list(DEMO),
    )


def test_every_topic_is_named_labels_leave_points_visible_and_a_click_offers_actions(
    page: Page, lab: Lab, dialogs: list[str]
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(lab, "map-popover.ipynb", SETUP, CHECK)
    open_notebook(page, lab, "map-popover.ipynb")
    run_cell(page, 0)
    root = page.locator(".plm-root").first
    expect(root).to_be_visible(timeout=240_000)
    root.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shot(page, "map-popover-light")

    # every topic is named: on the map, or (no room) its legend entry says "not on the map"
    labels = placed_labels(root)
    legend = root.locator(".plm-legend button")
    assert len(labels) == legend.count() >= 8
    hidden = [lab_["topic"] for lab_ in labels if lab_["hidden"]]
    expect(root.locator(".plm-legend button.plm-unplaced")).to_have_count(len(hidden))
    for button in root.locator(".plm-legend button.plm-unplaced").all():
        assert "no room for its label" in (button.get_attribute("title") or "")

    # labels overlap no label and hide few points (each goes where it covers the fewest)
    boxes = [lab_["box"] for lab_ in labels if lab_["box"]]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert (
                a["left"] + a["width"] <= b["left"]
                or b["left"] + b["width"] <= a["left"]
                or a["top"] + a["height"] <= b["top"]
                or b["top"] + b["height"] <= a["top"]
            ), f"labels overlap: {a} {b}"
    points = stage_points(root)
    under = [
        p
        for p in points
        if any(
            b["left"] <= p[0] <= b["left"] + b["width"] and b["top"] <= p[1] <= b["top"] + b["height"] for b in boxes
        )
    ]
    assert len(under) <= 0.08 * len(points), f"labels cover {len(under)} of {len(points)} points"

    # a click: one popover next to the point, with "Add to reading list" and "Open"
    free = next(pid for pid, p in zip(DEMO, points, strict=True) if p not in under and 60 < p[0] < 700)
    x, y = point_at(root, free)
    page.mouse.move(x, y)
    expect(root.locator(".plm-tip")).to_be_visible()
    page.mouse.click(x, y)
    card = root.locator(".plm-card")
    expect(card).to_be_visible()
    expect(root.locator(".plm-tip")).to_be_hidden()
    expect(card.locator(".plm-title")).to_have_text(DEMO[free].shown_title)
    box = card.bounding_box()
    assert box and max(box["x"] - x, x - box["x"] - box["width"], 0) <= 30
    assert max(box["y"] - y, y - box["y"] - box["height"], 0) <= 30
    expect(card.get_by_role("link", name="Open")).to_have_attribute("href", re.compile(r"^https://"))
    card.get_by_role("button", name="Add to reading list").click()
    expect(card.locator(".plm-add")).to_have_text("In “map” · To read", timeout=30_000)
    run_cell(page, 1)
    out = page.locator(".jp-CodeCell").nth(1).locator(".jp-OutputArea-output")
    expect(out).to_contain_text(f"LISTED ['{free}']", timeout=30_000)
    root.scroll_into_view_if_needed()
    card.get_by_role("button", name="Close").click()
    expect(card).to_be_hidden()

    # topic colours stay visible on both themes (WCAG non-text contrast 3:1)
    for theme in ("Dark", "Light"):
        set_theme(page, theme)
        root.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        if theme == "Dark":
            shot(page, "map-popover-dark")
        found = root.evaluate(
            """r => { const hex = c => '#' + (c.match(/[\\d.]+/g) || []).slice(0, 3)
                 .map(v => Math.round(+v).toString(16).padStart(2, '0')).join('');
               return { bg: hex(getComputedStyle(r).backgroundColor),
                        colours: [...r.querySelectorAll('.plm-legend .plm-swatch')]
                          .map(s => hex(getComputedStyle(s).backgroundColor)) }; }"""
        )
        low = [c for c in found["colours"] if color_contrast(c, found["bg"]) < 3]
        assert found["colours"] and not low, f"{theme}: topic colours below 3:1 on {found['bg']}: {low}"
    assert dialogs == [] and errors == []
