"""A home-made JSON list of theme objects whose papers sit one level down (:mod:`paperlab.sources.json_list`):
``[{"company": "…", "theme": "…", "key_papers": [{"title": …}, …], "notes": "…"}, …]``. No theme object is a paper
itself; each holds one list of paper objects under a key of any name, and those are the list's records, each with its
theme's name as its ``section``. A theme holding no such list, or two, makes the list none (so does a list of one object,
unless a wrapper object names the list: ``{"sections": [{"venue": …, "papers": [...]}]}``, ``minimum=1``). A theme whose
list is empty under the key the other themes hold their papers by (a conference with no paper yet) is a group of none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._json_roles import folded_key

__all__ = ["nested_groups"]

_NAME_KEYS = ("theme", "topic", "name", "category", "group", "section", "heading", "label")


def nested_groups(
    items: list[Any], titled: Callable[[Any], bool], *, minimum: int = 2
) -> list[tuple[str, list[Any]]] | None:
    """The groups (name, records) of a list of theme objects (see the module); None for any other list."""
    if len(items) < minimum:  # one object holding a list of papers is a wrapper, read as such (or refused) elsewhere
        return None
    groups: list[tuple[str, list[Any]]] = []
    held: set[str] = set()  # the keys themes hold their papers by
    empty: set[str] = set()  # the keys of themes' empty lists
    for item in items:
        if not isinstance(item, dict) or titled(item):
            return None
        papers = [(k, v) for k, v in item.items() if isinstance(v, list) and _paper_objects(v, titled)]
        if not papers:
            papers = [(k, v) for k, v in item.items() if isinstance(v, list) and not v]
            empty.update(k for k, _ in papers)
        else:
            held.update(k for k, _ in papers)
        if len(papers) != 1:
            return None
        names = {folded_key(k): v for k, v in item.items() if isinstance(v, str)}
        groups.append((next((names[k].strip() for k in _NAME_KEYS if k in names), ""), papers[0][1]))
    return groups if held and empty <= held else None


def _paper_objects(value: list[Any], titled: Callable[[Any], bool]) -> bool:
    """Whether a list holds paper objects: all objects, at least half of them titled."""
    return bool(value) and all(isinstance(x, dict) for x in value) and 2 * sum(map(titled, value)) >= len(value)
