"""The topic map's static fallback (the PNG nbconvert, GitHub and widget-less front ends show) is drawn from what
the widget shows: the same topic labels and colours, labels that do not overlap, every topic in the legend."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex

from paperlab.data import demo_library
from paperlab.mapview import TopicMap


@pytest.fixture(scope="module")
def demo_map() -> TopicMap:
    return demo_library().topic_map(n=6)


def test_static_map_shows_the_widgets_labels_colours_and_legend(demo_map: TopicMap) -> None:
    fig = demo_map._static_figure()
    ax = fig.axes[0]
    widget_labels = [row["label"] for row in demo_map.topics]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [f"{row['label']} ({row['size']})" for row in demo_map.topics]  # every topic, largest first
    shown = [t.get_text() for t in ax.texts]
    assert shown and set(shown) <= set(widget_labels)
    older = set(demo_map.topic_model.labels.values()) - set(widget_labels)
    assert older and not older & set(shown + legend)  # the analysis module's own labels are not used
    points = ax.collections[0]
    colours = [to_hex(c) for c in points.get_facecolors()]
    by_topic = {row["topic"]: row["color"] for row in demo_map.topics}
    assert colours == [by_topic[p["topic"]] for p in demo_map.points]
    np.testing.assert_allclose(points.get_offsets(), [[p["x"], p["y"]] for p in demo_map.points])


def test_static_labels_do_not_overlap_and_stay_inside_the_map(demo_map: TopicMap) -> None:
    fig = demo_map._static_figure()
    ax = fig.axes[0]
    renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    frame = ax.get_window_extent(renderer)
    assert len(boxes) >= 5  # 6 topics on the demo map: at most one without room
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in boxes)


def _sparse_map() -> TopicMap:
    """32 made-up papers in 4 topics at fixed coordinates (a label at its topic's medoid would cover that point)."""
    from paperlab import Paper
    from paperlab.search import Topics

    rng = np.random.default_rng(5)
    centres, sizes = [(0.2, 0.7), (0.75, 0.65), (0.35, 0.55), (0.45, 0.15)], [7, 15, 3, 7]
    papers, assign, coords = [], [], []
    for t, (size, (cx, cy)) in enumerate(zip(sizes, centres, strict=True)):
        for k in range(size):
            papers.append(Paper(f"Topic {t} paper {k}", arxiv_id=f"2402.{len(papers):05d}"))
            assign.append(t)
            coords.append((cx + rng.normal(0, 0.09), cy + rng.normal(0, 0.09)))
    labels = {0: "time / series", 1: "self-distillation", 2: "pointer", 3: "agents"}
    return TopicMap(Topics(papers, np.array(assign), labels, {t: [] for t in labels}, np.array(coords)))


def test_static_labels_hide_no_point_when_there_is_room() -> None:
    tmap = _sparse_map()
    fig = tmap._static_figure()
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # the labels' rounded boxes as drawn, in display pixels
    ax = fig.axes[0]
    dots = ax.transData.transform([(p["x"], p["y"]) for p in tmap.points])
    assert len(ax.texts) == 4
    for text in ax.texts:
        box = text.get_bbox_patch().get_window_extent(canvas.get_renderer())
        hidden = [d for d in dots if box.x0 - 2 < d[0] < box.x1 + 2 and box.y0 - 2 < d[1] < box.y1 + 2]
        assert not hidden, f"{text.get_text()!r} hides {len(hidden)} points"
