"""What the cards widget sends and answers (paperlab/widget.py): the papers it shows, the kernel's answers to its
commands (``{"ok": ...}``), the ``why`` trait of a search's hits, and the thumbs of a feed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import InvalidValue, PaperlabError
from ..library import Library
from ..paper import Paper

__all__ = [
    "WHY_AT_MOST",
    "WHY_AT_ONCE",
    "answer_with",
    "as_library",
    "failure",
    "holding_note",
    "thumb_value",
    "weaker_trait",
    "why_trait",
]

#: Hits whose reasons come with the search's answer (a screenful of cards), and how many are explained at most.
WHY_AT_ONCE = 6
WHY_AT_MOST = 20


def as_library(papers: Library | Paper | Iterable[Paper]) -> Library:
    if isinstance(papers, Library):
        return papers
    if isinstance(papers, Paper):
        return Library([papers])
    items = list(papers)
    for item in items:
        if not isinstance(item, Paper):
            raise TypeError(f"PaperCards shows Paper objects or a Library, not {type(item).__name__}")
    return Library(items)


def failure(exc: Exception) -> dict[str, Any]:
    return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}


def answer_with(handler: Any, msg: Any) -> dict[str, Any]:
    """``{"ok": True, **handler(msg)}``, or the error for the front end to show: the kernel keeps running."""
    try:
        if not isinstance(msg, dict):
            raise PaperlabError(f"expected a JSON object, got {type(msg).__name__}")
        return {"ok": True, **handler(msg)}
    except Exception as exc:
        return failure(exc)


def why_trait(reasons: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The ``why`` trait: terms and sentence of each explained hit, by id, and ``"related"`` (its own topical terms
    closest to the query) for a hit whose matched words say little."""
    return {
        pid: {"terms": r["terms"], "sentence": r["sentence"], **({"related": r["related"]} if r.get("related") else {})}
        for pid, r in reasons.items()
    }


def weaker_trait(results: Any) -> dict[str, Any]:
    """The ``search_weaker`` trait of a search's results (:class:`~paperlab.search.SearchResults`, duck-typed):
    ``{"n": hits under the relevance cut-off, "ids": those listed}`` — ``ids`` empty when they were left out (the
    cards offer to show them), all of them when a search with ``min_score=0`` listed them; empty when none was cut."""
    if getattr(results, "holding_every_word", False):
        return {}
    ids = [str(i) for i in getattr(results, "weaker_ids", ())]
    n = len(ids) or int(getattr(results, "below_cutoff", 0) or 0)
    return {"n": n, "ids": ids} if n else {}


def thumb_value(value: Any) -> int:
    if isinstance(value, bool) or value not in (-1, 0, 1):
        raise InvalidValue(f"thumb: expected 1 (more like this), -1 (less like this) or 0 (clear), got {value!r}")
    return int(value)


def holding_note(n: int, query: str) -> str:
    """:func:`paperlab.search.results.holding_text`, imported when needed (the search package loads numpy)."""
    from ..search.results import holding_text

    return holding_text(n, query)
