"""TopicMap: the interactive topic map of a library (an anywidget).

The front end is ``paperlab/static/map.js`` (built from ``js/src/mapview/``): every paper is a
point on the 2-D map of :meth:`Library.topics <paperlab.Library.topics>`, coloured by topic.
Hovering a point shows its card, a click selects it and opens one popover next to it with "Add to
reading list" (an anywidget command: the kernel writes the store) and "Open"; dragging draws a lasso
that selects every point inside it; the selection comes back to the kernel as
:attr:`TopicMap.selected_ids` and :attr:`TopicMap.selected` (a :class:`~paperlab.Library`). Topic labels
are placed where they overlap no other label and hide the fewest points; a label with no room is left out
and its legend entry says "not on the map". Labels are the topic's most distinctive words and phrases
(:func:`topic_labels`: c-TF-IDF, no word twice, a two-word phrase only when both its words are distinctive
on their own). The map draws on a canvas; all paper text reaches the page only through ``textContent``.

Renderers without widgets (nbconvert, GitHub) get the static matplotlib map as a PNG and a short
markdown summary of the topics.

Widget layer: imports the model and :mod:`paperlab.search`.
"""

from __future__ import annotations

import base64
import colorsys
import html
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import anywidget
import numpy as np
import Stemmer
import traitlets
from anywidget.experimental import command

from .errors import PaperlabError
from .feed.reasons import GENERIC_VERBS
from .library import Library
from .markup import csl_plain_text, plain_abstract
from .paper import Paper
from .search import Topics, tfidf_vectorizer
from .search.ranking import QUERY_STOP
from .services.widgetlist import add_to_widget_list, widget_reading_list

__all__ = ["PALETTE", "TopicMap", "topic_labels", "topic_map"]

_STATIC = Path(__file__).parent / "static"

#: Topic colours: ten hues (blue, orange, green, red, purple, teal, magenta, grey, olive, brown), then a second
#: shade of each; every one keeps 3:1 contrast against JupyterLab's light (white) and dark (#212121) backgrounds
#: (WCAG's non-text contrast). That band of lightness is narrow, so some hues are close (blue and teal, orange
#: and red): topics take the colours largest first, each the free colour whose nearest look-alike is farthest
#: away on the map (:func:`_topic_colors`), so neighbouring topics are told apart.
PALETTE: tuple[str, ...] = (
    "#1f77b4",
    "#d45f00",
    "#2a9a3a",
    "#de3b3b",
    "#9467d8",
    "#0f93a3",
    "#d04ca8",
    "#7f7f7f",
    "#8f8f10",
    "#a2680f",
    "#4f8fdc",
    "#b8542a",
    "#5a8a1e",
    "#c0455f",
    "#7a62b8",
    "#3c8f80",
    "#b05cc8",
    "#96866e",
    "#a09030",
    "#b0763e",
)
_SAME_HUE = 40.0  # degrees: two saturated colours closer in hue than this look alike (greys look alike too)
_SNIPPET = 240
_LABEL_WORDS = 3  # terms in a topic label
_KEPT_WORDS = 12  # a topic's most distinctive single words: a phrase is kept only when both its words are
_SHARED_BY = 2  # a label term is used by at least this many papers of its topic (fewer words rather than one paper's)
_SCANNED = 40  # terms looked at per label (a phrase further down may still replace the single words it holds)


_STEMMER = Stemmer.Stemmer("english")

#: Words that never name a topic: English stopwords, the search's query stopwords ("propose", "gets", "results")
#: and the verbs abstracts use to say what a method does, not what it is about ("flow / allow / generative
#: modeling", "sampling / denoising diffusion / reach" on a reading group's diffusion papers).
_LABEL_STOP = sorted(QUERY_STOP | GENERIC_VERBS)


def _stem(word: str) -> str:
    """A word's Snowball stem, without a plural 's' ("learning" and "learn", "llms" and "llm", "models" and
    "model" count as one word in a label)."""
    stem = _STEMMER.stemWord(word.lower())
    return stem[:-1] if len(stem) > 3 and stem.endswith("s") and not stem.endswith("ss") else stem


def _parts(term: str) -> list[str]:
    """The stems of a label term's words and of the parts of its hyphenated words: "LiDAR-based SLAM" holds
    "lidar", "base" and "slam", so it repeats "LiDAR localization"'s "lidar" ("polynomial-time" holds
    "polynomial"); a hyphenated word written whole too ("pre-training" is "pretraining")."""
    parts = [_stem(part) for word in term.split() for part in word.split("-") if part]
    joined = [_stem(word.replace("-", "")) for word in term.split() if "-" in word.strip("-")]
    return parts + joined  # "pre-training" holds "pretraining" too


def _label_text(paper: Paper) -> str:
    """The title and abstract whose words label a topic, read by the importers' one markup reader
    (:mod:`paperlab.markup`) after unescaping (markup written as ``&lt;jats:p&gt;``): markup tags and an
    abstract's leading "Abstract" heading dropped, text in angle brackets ("A<B and C>D", ``<https://…>``) kept."""
    title = csl_plain_text(html.unescape(paper.shown_title))
    return f"{title}. {plain_abstract(html.unescape(paper.shown_abstract or ''))}"


def _label_terms(ranked: list[str], n: int = _LABEL_WORDS, taken: frozenset[str] = frozenset()) -> list[str]:
    """The first ``n`` terms of ``ranked`` (most distinctive first) that make a readable label.

    Terms with a word in ``taken`` (words of other topics' labels) come after every term without one, so a
    label leads with what tells its topic apart ("multimodal / mllms / ..." beside "reasoning / llms / ...").

    A two-word phrase is kept only when both of its words are among the topic's ``_KEPT_WORDS`` most
    distinctive single words, and only when no other distinctive phrase continues it ("large language" next
    to "language models" is a cut of "large language models": neither is a phrase of its own); no word
    appears twice (plural or not, nor as a part of a hyphenated word: "LiDAR localization / LiDAR-based SLAM"); a
    phrase takes the place of a single word it contains, so the label says "language models", not "language /
    language models"; a hyphenated word takes no word's place ("diffusion", not "diffusion-based").
    """
    kept = {_stem(w) for w in [t for t in ranked if " " not in t][:_KEPT_WORDS]}
    pairs = [t.split() for t in ranked[:_SCANNED] if len(t.split()) == 2]
    chosen: list[list[str]] = []
    scanned = sorted(ranked[:_SCANNED], key=lambda t: any(w in taken for w in _parts(t)))
    for term in scanned:
        words, parts = [_stem(w) for w in term.split()], _parts(term)
        if len(words) > 1 and not all(w in kept for w in words):
            continue
        if len(words) == 2 and any(p[0] == term.split()[1] or p[1] == term.split()[0] for p in pairs):
            continue  # a link of a longer phrase ("large language" + "language models"): cut either way
        if len(set(parts)) < len(parts):
            continue
        stems = [_parts(" ".join(c)) for c in chosen]
        used = {w for c in stems for w in c}
        overlap = [w for w in parts if w in used]  # "LiDAR-based" after "LiDAR localization": "lidar" again
        inside = [i for i, st in enumerate(stems) if len(chosen[i]) == 1 and set(st) < set(parts)]  # "SLAM"
        if not overlap:
            if len(chosen) < n:
                chosen.append(term.split())
        elif len(words) > 1 and inside and set(overlap) <= {w for i in inside for w in stems[i]}:
            # the phrase takes the place of the terms it contains (first one's slot); a hyphenated word takes none
            # ("diffusion", not "diffusion-based")
            chosen = [c for i, c in enumerate(chosen) if i not in inside]
            chosen.insert(inside[0], term.split())
    return [" ".join(c) for c in chosen]


def _in_turn(rows: Any, order: list[int], terms: np.ndarray, n: int, taken: frozenset[str]) -> list[str]:
    """Up to ``n`` terms, one per paper (row) in turn: each paper's most distinctive term (``order``) that makes
    a label term (:func:`_label_terms`) and shares no word with the terms taken before it.

    A topic whose papers share no distinctive word is named by several of them, not by one paper's title words.
    """
    chosen: list[str] = []
    for r in range(rows.shape[0]):
        used = {w for term in chosen for w in _parts(term)}
        ranked = [str(terms[i]) for i in order if rows[r, i] > 0]
        ranked = [t for t in ranked if not used & set(_parts(t))]
        chosen += _label_terms(ranked, 1, taken)[: n - len(chosen)]
    return chosen


def _as_written(terms: list[str], texts: list[str]) -> list[str]:
    """Label terms (lowercased by the vectoriser) with each word as the topic's papers write it most often when
    that form is an acronym or mixed case ("OOD", "MLLMs", "VQA", "DoA", "MUSIC"); words a sentence only
    capitalises stay lowercase ("speech", not "Speech")."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for word in re.findall(r"\w[\w-]*", text):
            forms.setdefault(word.lower(), Counter())[word] += 1

    def written(word: str) -> str:
        seen = forms.get(word)
        best = seen.most_common(1)[0][0] if seen else word
        return best if any(c.isupper() for c in best[1:]) else word

    return [" ".join(written(w) for w in term.split()) for term in terms]


def topic_labels(topics: Topics, n: int = _LABEL_WORDS) -> dict[int, str]:
    """A readable label per topic: its most distinctive terms by c-TF-IDF, joined by " / ".

    Each topic's tf-idf mean (words and two-word phrases of the titles and abstracts, arxiv-sanity's settings)
    minus the whole library's ranks its terms; only terms at least two of the topic's papers use are taken (a
    label of fewer words rather than one paper's title words; each paper's best term in turn when they share
    none);
    :func:`_label_terms` keeps complete phrases and no word twice.
    Labels are told apart across topics: the largest topic is labelled first, and a later label puts the words
    earlier labels already hold after its own distinctive ones (no two labels lead with the same word, and
    none repeats another). A topic without a distinctive term keeps the label :class:`~paperlab.search.Topics`
    gave it.
    """
    papers = topics.papers
    texts = [_label_text(p) for p in papers]
    many = len(texts) > 50
    vec = tfidf_vectorizer(min_df=2 if many else 1, max_df=0.5 if len(texts) > 20 else 1.0)
    vec.set_params(stop_words=sorted(set(vec.get_stop_words() or ()) | set(_LABEL_STOP)))
    try:
        tf = vec.fit_transform(texts)
    except ValueError:  # no term survives the settings (a tiny or empty library)
        return dict(topics.labels)
    terms = vec.get_feature_names_out()
    overall = np.asarray(tf.mean(axis=0)).ravel()
    member = np.array([topics.assignments[p.id] for p in papers])
    labels: dict[int, str] = {}
    taken: set[str] = set()
    for t in sorted(topics.labels, key=lambda t: (-int(np.sum(member == t)), t)):  # largest first
        fallback = topics.labels[t]
        rows = np.flatnonzero(member == t)
        if not len(rows):
            labels[t] = fallback
            continue
        distinct = np.asarray(tf[rows].mean(axis=0)).ravel() - overall
        order = [i for i in np.argsort(-distinct)[:200] if distinct[i] > 0]
        # terms several of the topic's papers use: one paper's title words do not name a topic of three
        shared = np.asarray((tf[rows] > 0).sum(axis=0)).ravel() >= min(_SHARED_BY, len(rows))
        chosen = _label_terms([str(terms[i]) for i in order if shared[i]], n, frozenset(taken))
        if not chosen:  # the papers share no distinctive term: each paper's most distinctive one, in turn
            chosen = _in_turn(tf[rows], order, terms, n, frozenset(taken))
        label = " / ".join(_as_written(chosen, [texts[r] for r in rows])) if chosen else fallback
        labels[t] = label if label not in labels.values() else f"{label} ({t})"
        taken |= {w for term in chosen for w in _parts(term)}
    return {t: labels[t] for t in topics.labels}


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


def _open_url(paper: Paper) -> str:
    """Where the map's "Open" goes: an arXiv paper's current abstract page over https (a listing's url is an
    ``http://arxiv.org/abs/…v1``: the first version, over http), else the paper's landing page ("" if none)."""
    if paper.arxiv_id:
        return f"https://arxiv.org/abs/{paper.arxiv_id}"
    return paper.abs_url or ""


def _points(topics: Topics, xy: np.ndarray, statuses: dict[str, str]) -> list[dict[str, Any]]:
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
            "url": _open_url(p),
            "status": statuses.get(p.id, ""),
        }
        for p, (x, y) in zip(topics.papers, xy, strict=True)
    ]


def _hue(color: str) -> tuple[float, float]:
    """Hue (degrees) and saturation of ``#rrggbb``."""
    h, _, sat = colorsys.rgb_to_hls(*(int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    return h * 360, sat


def _alike(a: str, b: str) -> bool:
    """Whether two palette colours are told apart by hue too little (or are both greyish)."""
    (ha, sa), (hb, sb) = _hue(a), _hue(b)
    if sa < 0.25 or sb < 0.25:
        return sa < 0.25 and sb < 0.25
    return min(abs(ha - hb), 360 - abs(ha - hb)) < _SAME_HUE


def _topic_colors(centres: dict[int, np.ndarray]) -> dict[int, str]:
    """A palette colour per topic (``centres``: label anchors, largest topic first): the free colour whose
    nearest look-alike (:func:`_alike`) among the topics already coloured is farthest away (first on a tie)."""
    colors: dict[int, str] = {}

    def room(color: str, centre: np.ndarray) -> float:
        alike = [float(((centres[u] - centre) ** 2).sum()) for u, c in colors.items() if _alike(color, c)]
        return min(alike, default=float("inf"))

    for t, centre in centres.items():
        free = [c for c in PALETTE if c not in colors.values()] or list(PALETTE)
        colors[t] = max(free, key=lambda c: room(c, centre))  # max() keeps the first of equals: palette order
    return colors


def _topic_rows(topics: Topics, xy: np.ndarray, labels: dict[int, str]) -> list[dict[str, Any]]:
    """One row per topic, largest first: label, size, colour and the anchor of its label.

    The anchor is the topic's medoid point (the member nearest the members' mean), so a label
    always sits on its own points even when a topic's points form a ring or two islands.
    """
    ids = [p.id for p in topics.papers]
    member = np.array([topics.assignments[i] for i in ids])
    rows: list[dict[str, Any]] = []
    for t, label in labels.items():
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
                "color": "",
                "x": round(float(centre[0]), 5),
                "y": round(float(centre[1]), 5),
            }
        )
    rows.sort(key=lambda r: (-int(r["size"]), int(r["topic"])))
    colors = _topic_colors({r["topic"]: np.array([r["x"], r["y"]]) for r in rows})
    return [{**r, "color": colors[r["topic"]]} for r in rows]


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
    reading_list : str
        The reading list the popover's "Add to reading list" writes to (and whose statuses it shows).
    store : Store, optional
        Where that reading list lives (default: the kernel's store).

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
    reading_list_name = traitlets.Unicode("default").tag(sync=True)

    def __init__(
        self,
        topics: Topics | Library,
        *,
        n: int | None = None,
        encoder: Any = None,
        height: int = 480,
        reading_list: str = "default",
        store: Any = None,
    ) -> None:
        if isinstance(topics, Library):
            topics = topics.topics(n=n, encoder=encoder)
        if not isinstance(topics, Topics):
            raise TypeError(f"expected Topics or a Library, got {type(topics).__name__}")
        self._store = store
        xy = _normalised(np.asarray(topics.coords, dtype=np.float64))
        super().__init__(reading_list_name=reading_list, height=height)
        self.points = _points(topics, xy, self._listed())
        self.topics = _topic_rows(topics, xy, topic_labels(topics))
        self._topics = topics
        self._by_id = {p.id: p for p in topics.papers}

    # -- the reading list behind "Add to reading list" ---------------------------------------
    def _list(self) -> Any:
        return widget_reading_list(self._store, self.reading_list_name)

    def _listed(self) -> dict[str, str]:
        """Statuses of the papers on the reading list (none when the store cannot be read: the map still shows); a
        list not made yet is left unmade until a paper is added to it (looking at a map made an empty "default"
        list, which the side panel then showed instead of the user's own list)."""
        from .store import open_store

        try:
            store = self._store if self._store is not None else open_store()
            if self.reading_list_name not in store.lists():
                return {}
            return {entry.paper.id: entry.status for entry in self._list().entries()}
        except PaperlabError:
            return {}

    @command
    def _cmd_list(self, msg: Any, buffers: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
        """``{"id": paper id}``: add that paper to the reading list; answers its new status."""
        answer, entry = add_to_widget_list(msg, self._by_id.get, "on this map", self._store, self.reading_list_name)
        if entry is not None:
            self.points = [{**p, "status": entry.status} if p["id"] == answer["id"] else p for p in self.points]
        return answer, []

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
    def _static_figure(self) -> Any:
        """The map as a matplotlib figure, drawn from what the widget shows: its points, its topic colours and
        labels (:func:`topic_labels`), largest topics first, each label at its topic's anchor or the nearest
        offset where it overlaps no label already placed (else left off the map, as the widget does); the legend
        lists every topic with its size."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(8, 6), dpi=80)
        renderer = FigureCanvasAgg(fig).get_renderer()
        ax = fig.add_subplot()
        colors = {row["topic"]: row["color"] for row in self.topics}
        ax.scatter(
            [p["x"] for p in self.points],
            [p["y"] for p in self.points],
            s=12,
            c=[colors.get(p["topic"], PALETTE[0]) for p in self.points],
            alpha=0.85,
            linewidths=0,
        )
        placed: list[Any] = []
        ax.autoscale_view()
        dots = ax.transData.transform([(p["x"], p["y"]) for p in self.points]).reshape(-1, 2)  # display pixels
        for row in self.topics:
            ax.scatter([], [], s=30, color=row["color"], label=f"{row['label']} ({row['size']})")
            text = ax.text(row["x"], row["y"], row["label"], fontsize=9, ha="center", va="center", color="#1a1a1a")
            text.set_bbox({"boxstyle": "round,pad=0.2", "fc": "white", "ec": row["color"], "alpha": 0.85})
            _place_label(ax, text, placed, renderer, dots)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False, title="Topics")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(f"Topic map: {len(self.points)} papers, {len(self.topics)} topics")
        return fig

    def _static_png(self) -> str:
        buf = io.BytesIO()
        self._static_figure().savefig(buf, format="png", bbox_inches="tight")
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


# Where a static label is tried, in label widths and heights from its anchor (the widget's first offsets).
_DOT_RADIUS = 4.0  # display pixels: a dot (scatter size 12 at 80 dpi: 2 px) and the label box's rounded pad
_STATIC_OFFSETS = ((0, 0), (0, -1), (0, 1), (0.5, 0), (-0.5, 0), (0.5, -1), (-0.5, -1), (0.5, 1), (-0.5, 1))


def _place_label(ax: Any, text: Any, placed: list[Any], renderer: Any, dots: np.ndarray) -> None:
    """Move ``text`` to the offset where it stays inside ``ax``, overlaps no box in ``placed`` and hides the fewest
    ``dots`` (points in display pixels, a dot's radius around each), the first such offset on a tie; remove it
    when there is none."""
    box = text.get_window_extent(renderer).expanded(1.1, 1.2)
    frame = ax.get_window_extent(renderer)
    best: tuple[int, Any, tuple[float, float]] | None = None
    for dx, dy in _STATIC_OFFSETS:
        moved = box.translated(dx * box.width, dy * box.height)
        inside = frame.x0 <= moved.x0 and moved.x1 <= frame.x1 and frame.y0 <= moved.y0 and moved.y1 <= frame.y1
        if inside and not any(moved.overlaps(other) for other in placed):
            r = _DOT_RADIUS
            hidden = int(
                np.sum(
                    (dots[:, 0] + r > moved.x0)
                    & (dots[:, 0] - r < moved.x1)
                    & (dots[:, 1] + r > moved.y0)
                    & (dots[:, 1] - r < moved.y1)
                )
            )
            if best is None or hidden < best[0]:
                best = (hidden, moved, (dx * box.width, dy * box.height))
    if best is None:
        text.remove()  # no room: the legend still names the topic
        return
    _, moved, shift = best
    centre = ax.transData.transform(text.get_position()) + shift
    text.set_position(ax.transData.inverted().transform(centre))
    placed.append(moved)


def topic_map(
    library: Library, n: int | None = None, encoder: Any = None, height: int = 480, **kwargs: Any
) -> TopicMap:
    """The interactive topic map of ``library`` (engine of ``Library.topic_map``; ``kwargs``: ``reading_list``,
    ``store`` of :class:`TopicMap`)."""
    return TopicMap(library, n=n, encoder=encoder, height=height, **kwargs)
