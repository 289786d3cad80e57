"""The interactive topic map in a real JupyterLab notebook, driven by Chromium.

Data: the bundled demo corpus (325 real papers) as ``demo_library().topic_map(n=6)``. The test asks
the page where each paper's point is (``root.paperlabMap.screenPosition(id)``), then hovers, clicks and
draws a lasso with the mouse like a user, and reads the selection back in the kernel.
Screenshots: test-artifacts/map-light.png, map-dark.png.
"""

from __future__ import annotations

import re

import pytest
from contrast import low_contrast, set_theme
from labtools import Lab, shot
from playwright.sync_api import Page, expect
from test_cards import open_notebook, run_cell, write_notebook

from paperlab.data import demo_library

pytestmark = pytest.mark.browser

DEMO = demo_library()
TITLES = {p.id: p.title for p in DEMO}
HOSTILE = "<img src=x onerror=\"alert('map')\"><script>alert('s')</script> & <b>bold</b>"


def positions(root, ids: list[str]) -> dict[str, list[float]]:
    return root.evaluate("(r, ids) => Object.fromEntries(ids.map(i => [i, r.paperlabMap.screenPosition(i)]))", ids)


def kernel_selection(page: Page, cell: int) -> str:
    run_cell(page, cell)
    out = page.locator(".jp-CodeCell").nth(cell).locator(".jp-OutputArea-output")
    expect(out).to_contain_text("SELECTED", timeout=30_000)
    return out.inner_text()


def test_topic_map_hover_click_lasso_labels_and_themes(page: Page, lab: Lab, dialogs: list[str]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    write_notebook(
        lab,
        "map.ipynb",
        "from paperlab.data import demo_library\nm = demo_library().topic_map(n=6)\nm",
        "print('SELECTED', len(m.selected), sorted(m.selected_ids))",
        "import numpy as np\n"
        "xy = np.array([[p['x'], p['y']] for p in m.points])\n"
        "d = ((xy[:, None] - xy[None]) ** 2).sum(-1)\n"
        "np.fill_diagonal(d, 9)\n"
        "TARGET = m.points[int(d.min(1).argmax())]['id']  # the most isolated point\n"
        f"m.points = [{{**p, 'title': {HOSTILE!r}}} if p['id'] == TARGET else p for p in m.points]\n"
        "print('TARGET', TARGET)",
    )
    open_notebook(page, lab, "map.ipynb")
    run_cell(page, 0)
    root = page.locator(".plm-root").last
    expect(root).to_be_visible(timeout=120_000)
    count = root.locator(".plm-count")
    expect(count).to_have_text("325 papers · 6 topics")
    expect(root.locator(".plm-legend button")).to_have_count(6)

    # labels: most topics labelled, no two visible labels overlap
    boxes = root.evaluate("""r => [...r.querySelectorAll('.plm-label')].filter(l => !l.hidden)
        .map(l => { const b = l.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })""")
    assert len(boxes) >= 4
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    shot(page, "map-light")

    # hover shows the paper's card
    ids = [p.id for p in DEMO]
    where = positions(root, ids)
    first = ids[10]
    page.mouse.move(*where[first])
    tip = root.locator(".plm-tip")
    expect(tip).to_be_visible()
    tip_id = tip.get_attribute("data-id")
    assert tip_id is not None
    expect(tip.locator(".plm-tip-title")).to_have_text(TITLES[tip_id])
    assert abs(where[tip_id][0] - where[first][0]) < 8 and abs(where[tip_id][1] - where[first][1]) < 8

    # click selects it; the kernel sees it
    page.mouse.click(*where[tip_id])
    expect(count).to_have_text("325 papers · 6 topics · 1 selected")
    assert f"SELECTED 1 ['{tip_id}']" in kernel_selection(page, 1)

    # lasso: a rectangle over the left half of the map selects exactly the points inside it
    root.scroll_into_view_if_needed()
    where = positions(root, ids)
    canvas = root.locator("canvas").bounding_box()
    assert canvas is not None
    left, top = canvas["x"] + 4, canvas["y"] + 4
    right, bottom = canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] - 4
    inside = [i for i, (x, y) in where.items() if left < x < right and top < y < bottom]
    assert 20 < len(inside) < 305
    page.mouse.move(left, top)
    page.mouse.down()
    for x, y in [(right, top), (right, bottom), (left, bottom), (left, top + 1)]:
        page.mouse.move(x, y, steps=8)
    page.mouse.up()
    expect(count).to_have_text(f"325 papers · 6 topics · {len(inside)} selected")
    assert f"SELECTED {len(inside)} {sorted(inside)}" in kernel_selection(page, 1)

    # Escape clears; a legend entry selects its topic
    root.focus()
    page.keyboard.press("Escape")
    expect(count).to_have_text("325 papers · 6 topics")
    biggest = root.locator(".plm-legend button").first
    size = int(re.search(r"\((\d+)\)$", biggest.inner_text()).group(1))  # type: ignore[union-attr]
    biggest.click()
    expect(count).to_have_text(f"325 papers · 6 topics · {size} selected")

    # Ctrl+wheel zooms in at the pointer (points spread apart), "Reset view" goes back
    root.scroll_into_view_if_needed()
    where = positions(root, ids)
    a, b = ids[0], ids[1]
    spread = abs(where[a][0] - where[b][0]) + abs(where[a][1] - where[b][1])
    page.mouse.move(round(where[a][0]), round(where[a][1]))  # a whole pixel: mouse events report integers
    page.keyboard.down("Control")
    page.mouse.wheel(0, -400)
    page.keyboard.up("Control")
    zoomed = positions(root, [a, b])
    assert abs(zoomed[a][0] - where[a][0]) < 2 and abs(zoomed[a][1] - where[a][1]) < 2  # zoom is centred on the pointer
    assert abs(zoomed[a][0] - zoomed[b][0]) + abs(zoomed[a][1] - zoomed[b][1]) > 2 * spread
    root.get_by_role("button", name="Reset view").click()
    assert positions(root, [a]) == {a: where[a]}

    # hostile paper text shows as text and runs nothing (on the most isolated point of the layout: no neighbour
    # under the pointer). The kernel cell names the point it picked in layout coordinates; the screen scales x and y
    # apart, so the most isolated point on screen can be another one (it was, once the demo's layout changed)
    run_cell(page, 2)
    out = page.locator(".jp-CodeCell").nth(2).locator(".jp-OutputArea-output")
    expect(out).to_contain_text("TARGET", timeout=30_000)
    target = out.inner_text().split("TARGET", 1)[1].split()[0]
    assert target in ids
    page.wait_for_timeout(500)
    root.scroll_into_view_if_needed()
    where = positions(root, ids)  # running a cell may have scrolled the notebook
    page.mouse.move(*where[target])
    expect(tip.locator(".plm-tip-title")).to_have_text(HOSTILE)
    assert root.locator(".plm-tip img, .plm-tip script, .plm-tip b").count() == 0

    # readable in both themes (WCAG AA on labels, legend, status and card text)
    texts = ".plm-label:not([hidden]), .plm-legend button, .plm-count, .plm-tip-title, .plm-tip-meta, .plm-tip-snippet"
    for theme, light in (("JupyterLab Dark", False), ("JupyterLab Light", True)):
        set_theme(page, theme)
        page.mouse.move(*where[target])
        expect(tip).to_be_visible()
        if not light:
            shot(page, "map-dark")
        low = low_contrast(root.locator(texts))
        assert not low, f"{theme}: text below 4.5:1 contrast: {low}"
    assert dialogs == [] and errors == []
