"""The reading list behind a widget's "Add to reading list" (the graph and the topic map share it).

Both widgets answer the front end's ``_cmd_list`` command ``{"id": paper id}`` the same way: add that paper to
the widget's reading list (in the widget's store, or the default store) and answer its new status, or a typed
error the popover shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import PaperlabError
from ..paper import Paper

__all__ = ["add_to_widget_list", "widget_reading_list"]


def widget_reading_list(store: Any, name: str) -> Any:
    """The reading list ``name`` of ``store`` (the default store when ``store`` is None)."""
    from ..store import open_store

    return (store if store is not None else open_store()).reading_list(name)


def add_to_widget_list(
    msg: Any, find: Callable[[str], Paper | None], where: str, store: Any, name: str
) -> tuple[dict[str, Any], Any]:
    """Add the paper ``msg["id"]`` names (looked up by ``find``) to the reading list ``name``.

    Returns the command's answer (``{"ok": True, "id", "status", "list"}`` or ``{"ok": False, "error"}``; an
    unknown id reads "no paper 'x' {where}") and the new list entry (None on error).
    """
    try:
        paper_id = str(msg.get("id")) if isinstance(msg, dict) else ""
        paper = find(paper_id)
        if paper is None:
            raise PaperlabError(f"no paper {paper_id!r} {where}")
        entry = widget_reading_list(store, name).add(paper)
    except (PaperlabError, ValueError) as exc:
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}, None
    return {"ok": True, "id": paper_id, "status": entry.status, "list": name}, entry
