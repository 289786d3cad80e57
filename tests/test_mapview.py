"""The interactive topic map's kernel side: what it sends to the page, selection, static fallback.

Data: the bundled demo corpus (325 real papers) mapped into 6 topics; expectations come from
``Library.topics`` itself. The page side (hover, click, lasso, labels) is in tests/browser/test_map.py.
"""

from __future__ import annotations

import base64

import numpy as np
import pytest
from browser.contrast import color_contrast

from paperlab import Library
from paperlab.data import demo_library
from paperlab.mapview import PALETTE, TopicMap, _alike, _topic_colors, topic_labels


@pytest.fixture(scope="module")
def demo_map() -> TopicMap:
    return demo_library().topic_map(n=6)


def test_every_paper_is_a_point_in_the_unit_square_with_its_topic(demo_map: TopicMap) -> None:
    demo = demo_library()
    topics = demo_map.topic_model
    assert [p["id"] for p in demo_map.points] == [p.id for p in topics.papers]
    assert {p["id"] for p in demo_map.points} == {p.id for p in demo}
    xs = [p["x"] for p in demo_map.points]
    ys = [p["y"] for p in demo_map.points]
    assert 0 <= min(xs) and max(xs) <= 1 and 0 <= min(ys) and max(ys) <= 1
    assert max(xs) - min(xs) == pytest.approx(1, abs=1e-3)  # uses the whole map
    assert max(ys) - min(ys) == pytest.approx(1, abs=1e-3)
    for point in demo_map.points:
        assert point["topic"] == topics.assignments[point["id"]]
    hallucination = next(p for p in demo if "hallucinat" in p.title.lower())
    card = next(p for p in demo_map.points if p["id"] == hallucination.id)
    assert card["title"] == hallucination.title and card["year"] == hallucination.year
    assert card["snippet"] and len(card["snippet"]) <= 242


def test_topics_are_labelled_distinctly_coloured_and_anchored_on_their_own_points(demo_map: TopicMap) -> None:
    topics = demo_map.topic_model
    rows = demo_map.topics
    labels = topic_labels(topics)  # the map's readable labels (tests/test_mapview_labels.py)
    assert [r["label"] for r in sorted(rows, key=lambda r: r["topic"])] == [labels[t] for t in sorted(topics.labels)]
    assert [r["size"] for r in rows] == sorted((r["size"] for r in rows), reverse=True)
    assert sum(r["size"] for r in rows) == len(demo_map.points)
    assert len({r["color"] for r in rows}) == len(rows)
    for row in rows:
        members = {(p["x"], p["y"]) for p in demo_map.points if p["topic"] == row["topic"]}
        assert (row["x"], row["y"]) in members


def test_palette_has_twenty_distinct_colours() -> None:
    assert len(set(PALETTE)) == len(PALETTE) == 20
    # each keeps 3:1 against the light and the dark layout colour
    for color in PALETTE:
        assert color_contrast(color, "#ffffff") >= 3 and color_contrast(color, "#212121") >= 3, color


def _nearest(centres: dict[int, np.ndarray], t: int, k: int) -> list[int]:
    return sorted((u for u in centres if u != t), key=lambda u: float(((centres[u] - centres[t]) ** 2).sum()))[:k]


def test_neighbouring_topics_never_look_alike(demo_map: TopicMap) -> None:
    # topics in a row, each next to the one before: no two neighbours share a hue family
    row = {t: np.array([float(t), 0.0]) for t in range(14)}
    colors = _topic_colors(row)
    assert not [t for t in range(13) if _alike(colors[t], colors[t + 1])], colors
    # the demo map (13 topics): a topic's two nearest topics never look alike (the walkthrough saw three
    # blues and ochre / olive / orange side by side)
    centres = {r["topic"]: np.array([r["x"], r["y"]]) for r in demo_map.topics}
    color = {r["topic"]: r["color"] for r in demo_map.topics}
    alike = [(t, u) for t in centres for u in _nearest(centres, t, 2) if _alike(color[t], color[u])]
    assert alike == [], alike


def test_selection_comes_back_as_a_library_in_selection_order(demo_map: TopicMap) -> None:
    ids = [demo_map.points[5]["id"], demo_map.points[0]["id"]]
    demo_map.selected_ids = ids  # what the page does after a click or a lasso
    assert [p.id for p in demo_map.selected] == ids
    assert isinstance(demo_map.selected, Library)
    demo_map.select(demo_map.selected[:1])
    assert demo_map.selected_ids == ids[:1]
    with pytest.raises(KeyError, match="not on this map: nosuch"):
        demo_map.select(["nosuch"])
    demo_map.select([])
    assert len(demo_map.selected) == 0


def test_static_fallback_is_the_matplotlib_map_and_a_short_markdown_summary(demo_map: TopicMap) -> None:
    data, _ = demo_map._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    png = base64.b64decode(data["image/png"])
    assert png.startswith(b"\x89PNG") and len(png) > 5_000
    md = data["text/markdown"]
    assert md.startswith("**Topic map**: 325 papers, 6 topics")
    assert len(md) < 2_000 and "<" not in md
    for row in demo_map.topics:
        assert f"({row['size']})" in md


def test_rejects_what_is_not_a_library_or_topics() -> None:
    with pytest.raises(TypeError, match="expected Topics or a Library, got list"):
        TopicMap([])  # type: ignore[arg-type]


def test_library_topic_map_adds_to_the_reading_list_and_store_it_is_given(tmp_path) -> None:
    from paperlab.store import Store

    store = Store(tmp_path / "team.db")
    lib = demo_library()
    m = lib.topic_map(n=4, reading_list="group", store=store)
    first = lib[0].id
    answer, _ = m._cmd_list({"id": first}, [])
    assert answer["ok"] and answer["list"] == "group"
    assert store.reading_list("group").ids() == [first]
    assert next(p for p in m.points if p["id"] == first)["status"] == answer["status"]
