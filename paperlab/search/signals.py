"""Extra similarity signals that ``Library.similar()`` can blend with text similarity.

A *signal* says how related the papers of a library are to one paper by something other than their text: e.g.
co-citation and bibliographic coupling, which :mod:`paperlab.citations` registers as ``"citations"`` (from the
citation cache in the store). Layers above search register their signals here (or, for layers imported lazily, a
loader that registers them: :func:`provide_signal`), so search never imports them. The signals paperlab ships are
named in :data:`PROVIDERS` (signal -> the module that registers it): :func:`get_signal` imports that module on
first use, so no caller has to import it for its side effect.

``similar(paper, signals={"citations": 0.5})`` ranks every paper of the library by its text similarity, divided by
the best one (so it is in [0, 1]), plus each signal's score in [0, 1] times its weight.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..library import Library
from ..paper import Paper
from .results import SearchResults
from .results import _reason as reason_text

if TYPE_CHECKING:
    from .index import PaperIndex

__all__ = ["PROVIDERS", "Signal", "blend_similar", "get_signal", "provide_signal", "register_signal", "signal_names"]

#: ``signal(library, paper) -> {paper id: score in [0, 1]}`` for the papers of ``library`` related to ``paper``
#: (papers it leaves out score 0).
Signal = Callable[[Library, Paper], Mapping[str, float]]

_signals: dict[str, Signal] = {}
_loaders: dict[str, Callable[[], object]] = {}

#: The signals of paperlab's own upper layers: name -> the module whose import registers it (imported by name on
#: first use, never at import time, so the layers stay as import-linter declares them).
PROVIDERS: dict[str, str] = {"citations": "paperlab.citations"}


def register_signal(name: str, signal: Signal) -> None:
    """Make ``signal`` the similarity signal ``name`` (replacing any signal of that name)."""
    _signals[name] = signal


def provide_signal(name: str, loader: Callable[[], object]) -> None:
    """Call ``loader`` (which imports the layer that registers the signal ``name``) when it is first needed."""
    _loaders[name] = loader


def signal_names() -> list[str]:
    """The names of the signals registered or provided, sorted."""
    return sorted({*_signals, *_loaders, *PROVIDERS})


def get_signal(name: str) -> Signal:
    """The signal ``name``, loading the layer that provides it on first use.

    Raises
    ------
    UsageError
        No such signal (the message lists the known ones).
    """
    if name not in _signals and name in _loaders:
        _loaders[name]()
    if name not in _signals and name in PROVIDERS:
        importlib.import_module(PROVIDERS[name])
    found = _signals.get(name)
    if found is None:
        known = ", ".join(signal_names()) or "none"
        raise UsageError(
            f"no similarity signal {name!r}; known signals: {known} (a layer registers its own when imported, "
            "e.g. paperlab.citations)"
        )
    return found


def _signal_scores(library: Library, paper: Paper, weights: Mapping[str, float]) -> dict[str, dict[str, float]]:
    ids = {p.id for p in library}
    scores: dict[str, dict[str, float]] = {}
    for name, weight in weights.items():
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight < 0:
            raise UsageError(f"signals[{name!r}]: the weight must be a number >= 0, got {weight!r}")
        found = get_signal(name)(library, paper)
        scores[name] = {pid: float(s) for pid, s in found.items() if pid != paper.id and pid in ids}
    return scores


def blend_similar(
    index: PaperIndex, library: Library, paper: Paper | str, k: int, mode: str, weights: Mapping[str, float]
) -> SearchResults:
    """``index.similar(paper)`` re-ranked with the signals ``weights`` names (see the module docs).

    The candidates are the text's best ``max(10 k, 200)`` and every paper a signal scores, so a paper the text
    alone would leave out of the ``k`` best (one sharing many references in other words) can come in (outside the
    text's candidates its text part counts 0). Each hit's reason names the signals that raised it.
    """
    text = index.similar(paper, k=max(min(len(library), max(10 * k, 200)), 1), mode=mode)
    target = paper if isinstance(paper, Paper) else library[paper]
    extra = _signal_scores(library, target, weights)
    top = max(text.scores.values(), default=0.0)
    blended = {pid: (s / top if top > 0 else 0.0) for pid, s in text.scores.items() if pid != target.id}
    for name, scores in extra.items():
        for pid, s in scores.items():
            blended[pid] = blended.get(pid, 0.0) + weights[name] * s
    ranked = sorted(blended.items(), key=lambda kv: (-kv[1], kv[0]))[:k]

    explain_text = text._explain  # the text's reason of one hit (not of every candidate: that encodes sentences)

    def explain(hit: Paper) -> str | dict[str, Any]:
        raised = [f"{name} {scores[hit.id]:.2f}" for name, scores in extra.items() if scores.get(hit.id)]
        reason = explain_text(hit) if explain_text is not None else ""
        if not raised:
            return reason
        return "; ".join(part for part in (reason_text(reason)["text"], ", ".join(raised)) if part)

    return SearchResults(
        [library[pid] for pid, _ in ranked],
        [s for _, s in ranked],
        query=f"similar to {target.id}",
        mode=mode,
        explain=explain,
    )
