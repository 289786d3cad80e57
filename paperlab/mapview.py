"""TopicMap: the interactive topic map of a library (an anywidget).

The front end is ``paperlab/static/map.js`` (built from ``js/src/mapview/``): every paper is a
point on the 2-D map of :meth:`Library.topics <paperlab.Library.topics>`, coloured by topic.
Hovering a point shows its card, a click selects it, dragging draws a lasso that selects every
point inside it; the selection comes back to the kernel as :attr:`TopicMap.selected_ids` and
:attr:`TopicMap.selected` (a :class:`~paperlab.Library`). Topic labels are placed so that they do
not overlap (a label that cannot be placed without overlapping is left out and shown on hover of
its topic's points instead). The map draws on a canvas; all paper text reaches the page only
through ``textContent``.

Renderers without widgets (nbconvert, GitHub) get the static matplotlib map as a PNG and a short
markdown summary of the topics.

Widget layer: imports the model and :mod:`paperlab.search`.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

import anywidget
import numpy as np
import traitlets

from .library import Library
from .paper import Paper
from .search import Topics

__all__ = ["PALETTE", "TopicMap", "topic_map"]

_STATIC = Path(__file__).parent / "static"

#: Distinct topic colours (Okabe-Ito and Tableau hues, darkened or lightened where needed) that all keep
#: 3:1 contrast against JupyterLab's light (white) and dark (#212121) backgrounds (WCAG's non-text contrast);
#: a topic's colour is ``PALETTE[topic % len(PALETTE)]``.
PALETTE: tuple[str, ...] = (
    "#0072b2",
    "#b97f00",
    "#009e73",
    "#cc79a7",
    "#d55e00",
    "#2f8fc4",
    "#a0645a",
    "#7f7f7f",
    "#8f8f14",
    "#9467bd",
    "#118a96",
    "#a08c00",
    "#5a6fd0",
    "#d6677a",
    "#2ca02c",
    "#b07aa1",
    "#d0650a",
    "#4e79a7",
    "#9c755f",
    "#e15759",
)
_SNIPPET = 240


def _authors(paper: Paper) -> str:
    names = paper.authors
    if not names:
        return ""
    if len(names) <= 3:
        return ", ".join(names)
    return f"{names[0]}, {names[1]} … {names[-1]} ({len(names)} authors)"


def _snippet(paper: Paper) -> str:
    text = " ".join((paper.shown_abstract or "").split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1].rsplit(" ", 1)[0] + " …"


def _normalised(coords: np.ndarray) -> np.ndarray:
    """Map coordinates scaled into [0, 1] on each axis (a 2-D embedding's aspect ratio carries no meaning)."""
    if len(coords) == 0:
        return coords.reshape(0, 2)
    lo = coords.min(axis=0)
    span = coords.max(axis=0) - lo
    return (coords - lo) / np.where(span > 0, span, 1.0)


def _points(topics: Topics, xy: np.ndarray) -> list[dict[str, Any]]:
    assignments = topics.assignments
    return [
        {
            "id": p.id,
            "x": round(float(x), 5),
            "y": round(float(y), 5),
            "topic": assignments[p.id],
            "title": p.shown_title,
            "authors": _authors(p),
            "year": p.year,
            "venue": p.venue or "",
            "snippet": _snippet(p),
        }
        for p, (x, y) in zip(topics.papers, xy, strict=True)
    ]


def _topic_rows(topics: Topics, xy: np.ndarray) -> list[dict[str, Any]]:
    """One row per topic, largest first: label, size, colour and the anchor of its label.

    The anchor is the topic's medoid point (the member nearest the members' mean), so a label
    always sits on its own points even when a topic's points form a ring or two islands.
    """
    ids = [p.id for p in topics.papers]
    member = np.array([topics.assignments[i] for i in ids])
    rows: list[dict[str, Any]] = []
    for t, label in topics.labels.items():
        pts = xy[member == t]
        if not len(pts):
            continue
        centre = pts[np.argmin(((pts - pts.mean(axis=0)) ** 2).sum(axis=1))]
        rows.append(
            {
                "topic": int(t),
                "label": label,
                "terms": list(topics.terms.get(t, [])),
                "size": int(len(pts)),
                "color": PALETTE[int(t) % len(PALETTE)],
                "x": round(float(centre[0]), 5),
                "y": round(float(centre[1]), 5),
            }
        )
    rows.sort(key=lambda r: (-int(r["size"]), int(r["topic"])))
    return rows


class TopicMap(anywidget.AnyWidget):
    """The interactive topic map of a library: hover for a card, click or lasso to select.

    Parameters
    ----------
    topics : Topics or Library
        A :class:`~paperlab.search.Topics` (``library.topics()``), or a library to map.
    n : int, optional
        Number of topics when ``topics`` is a library.
    encoder : str, optional
        Embedding model when ``topics`` is a library.
    height : int
        Height of the map in pixels.

    Attributes
    ----------
    selected_ids : list of str
        Ids of the points selected in the front end (click, shift-click, lasso).
    selected : Library
        The selected papers.

    Examples
    --------
    >>> from paperlab.data import demo_library
    >>> m = demo_library().topic_map(n=6)  # doctest: +SKIP
    >>> m  # doctest: +SKIP
    >>> m.selected  # after drawing a lasso  # doctest: +SKIP
    """

    _esm = _STATIC / "map.js"

    points = traitlets.List(traitlets.Dict(), help="one point per paper: id, x, y in [0, 1], topic, card text").tag(
        sync=True
    )
    topics = traitlets.List(traitlets.Dict(), help="one row per topic: topic, label, terms, size, color, x, y").tag(
        sync=True
    )
    selected_ids = traitlets.List(traitlets.Unicode(), help="ids selected in the front end").tag(sync=True)
    height = traitlets.Int(480).tag(sync=True)

    def __init__(
        self, topics: Topics | Library, *, n: int | None = None, encoder: Any = None, height: int = 480
    ) -> None:
        if isinstance(topics, Library):
            topics = topics.topics(n=n, encoder=encoder)
        if not isinstance(topics, Topics):
            raise TypeError(f"expected Topics or a Library, got {type(topics).__name__}")
        xy = _normalised(np.asarray(topics.coords, dtype=np.float64))
        super().__init__(points=_points(topics, xy), topics=_topic_rows(topics, xy), height=height)
        self._topics = topics
        self._by_id = {p.id: p for p in topics.papers}

    @property
    def topic_model(self) -> Topics:
        """The :class:`~paperlab.search.Topics` this map shows."""
        return self._topics

    @property
    def selected(self) -> Library:
        """The papers selected on the map, in selection order."""
        return Library((self._by_id[i] for i in self.selected_ids if i in self._by_id), name="selected on the map")

    def select(self, ids: list[str] | Library) -> None:
        """Select papers by id (or a library's papers) from the kernel; unknown ids raise KeyError."""
        wanted = [p.id for p in ids] if isinstance(ids, Library) else list(ids)
        unknown = [i for i in wanted if i not in self._by_id]
        if unknown:
            raise KeyError(f"not on this map: {', '.join(unknown[:5])}")
        self.selected_ids = wanted

    # -- static fallback ---------------------------------------------------------------------
    def _static_png(self) -> str:
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, 6), dpi=80)
        try:
            self._topics.plot(ax=ax)
            buf = io.BytesIO()
            fig.savefig(buf, format="png", bbox_inches="tight")
        finally:
            plt.close(fig)
        return base64.b64encode(buf.getvalue()).decode("ascii")

    def _markdown(self) -> str:
        from .text import md_escape

        lines = [f"**Topic map**: {len(self.points)} papers, {len(self.topics)} topics", ""]
        lines += [f"- {md_escape(t['label'])} ({t['size']})" for t in self.topics]
        if self.selected_ids:
            lines += ["", f"{len(self.selected_ids)} selected"]
        return "\n".join(lines)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The widget view, plus the static map (PNG) and a markdown summary for renderers without widgets."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        data = {**data, "image/png": self._static_png(), "text/markdown": self._markdown()}
        return data, metadata


def topic_map(library: Library, n: int | None = None, encoder: Any = None, height: int = 480) -> TopicMap:
    """The interactive topic map of ``library`` (engine of ``Library.topic_map``)."""
    return TopicMap(library, n=n, encoder=encoder, height=height)
