"""The library ``%papers`` and new cards work on: the last one shown as cards, else the demo corpus."""

from __future__ import annotations

from ..library import Library

__all__ = ["active_library", "chosen_library", "set_active_library"]

_active: Library | None = None
_chosen: Library | None = None  # the library the user showed (None: none, or only the demo corpus)


def active_library() -> Library:
    """The library ``%papers`` works on: the last one shown as cards, else the demo corpus.

    A library becomes active when it is shown with :class:`PaperCards` (``Library.cards()``,
    ``%papers --source ...``); search results, reading lists and single papers do not
    replace it, so a second search runs over the same library as the first.
    """
    global _active
    if _active is None:
        from ..data import demo_library

        _active = demo_library()
    return _active


def set_active_library(library: Library | None) -> None:
    """Make ``library`` the active library (None: back to the demo corpus on next use)."""
    global _active, _chosen
    if library is not None and not isinstance(library, Library):
        raise TypeError(f"expected a Library, got {type(library).__name__}")
    _active = _chosen = library


def chosen_library() -> Library | None:
    """The library the user showed as cards (made active), or None when ``%papers`` would use the demo corpus."""
    return _chosen
