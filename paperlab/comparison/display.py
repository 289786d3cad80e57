"""How compare and diff tables read in a notebook (display only; the frames keep every column and paperlab ids):
rows labelled by a readable short reference, columns empty for every paper left out and named in a caption, the
title given room to wrap."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMN_WIDTHS", "drop_empty", "empty_note", "readable_ref", "readable_refs"]

#: Minimum widths of the wordy columns of a compare table (the rest take what they need).
COLUMN_WIDTHS = {"title": "18em", "results": "16em", "task": "9em", "datasets": "9em", "metrics": "9em"}

_SHORT_TITLE = 36


def readable_ref(paper_id: str, title: str | None = None) -> str:
    """A short label a reader recognises: the arXiv id (paperlab's id of an arXiv paper), the DOI, else the title's
    first words (paperlab's ``title:<hash>`` id only when there is no title)."""
    if paper_id.startswith("doi:"):
        return paper_id[4:]
    if paper_id.startswith("title:") and title and title.strip():
        words = " ".join(title.split())
        if len(words) <= _SHORT_TITLE:
            return words
        return words[:_SHORT_TITLE].rsplit(" ", 1)[0].rstrip(",:;.-") + "…"
    return paper_id


def readable_refs(ids: list[str], titles: list[Any]) -> list[str]:
    """:func:`readable_ref` of each row, made unique (a repeated label gets `` (2)``, `` (3)``…)."""
    seen: dict[str, int] = {}
    out = []
    for pid, title in zip(ids, titles, strict=True):
        label = readable_ref(str(pid), title if isinstance(title, str) else None)
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def drop_empty(shown: pd.DataFrame, axis: int = 1) -> tuple[pd.DataFrame, list[str]]:
    """``shown`` (cells already display text) without the columns (``axis=1``) or rows (``axis=0``) that are empty
    everywhere, and their names."""
    empty = (shown == "").all(axis=1 - axis)
    names = [str(n) for n, e in empty.items() if e]
    if not names:
        return shown, []
    return (shown.loc[:, ~empty] if axis == 1 else shown.loc[~empty]), names


def empty_note(names: list[str], what: str) -> str:
    """The caption naming what a table leaves out (escaped)."""
    if not names:
        return ""
    return html.escape(f"Not shown, empty for {what}: {', '.join(names)}.")
