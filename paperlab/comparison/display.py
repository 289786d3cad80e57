"""How compare and diff tables read in a notebook (display only; the frames keep every column and paperlab ids):
rows labelled by a readable short reference, columns empty for every paper left out and named in a caption, the
title given room to wrap."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping, Sequence
from string import ascii_lowercase
from typing import TYPE_CHECKING, Any

from ..names import first_author

if TYPE_CHECKING:
    import pandas as pd

    from ..paper import Paper

__all__ = [
    "CAPPED_WIDTHS",
    "COLUMN_WIDTHS",
    "SHOWN_KEYWORDS",
    "SHOWN_ORDER",
    "drop_empty",
    "empty_note",
    "paper_labels",
    "readable_ref",
    "readable_refs",
    "shown_keywords",
]

#: Minimum widths of the wordy columns of a compare table (the rest take what they need).
COLUMN_WIDTHS = {"title": "10em", "results": "11em", "task": "6em", "datasets": "6em", "metrics": "6em"}
#: Widths the long text columns wrap in, so that the columns a reader came for fit a laptop screen (1366 px with
#: the side panel open) without scrolling sideways, and title to authors fit a 950 px cell (1400 px, side panel
#: open); the frame keeps every word.
CAPPED_WIDTHS = {"title": "12em", "venue": "6em", "authors": "7em", "categories": "9em", "code": "4em"}
#: The order a notebook shows compare's columns in: what papers are compared on (results, datasets, metrics, task)
#: right after the title, the long descriptive text (authors, categories) last. The frame keeps its own order.
SHOWN_ORDER = (
    "title",
    "results",
    "datasets",
    "metrics",
    "task",
    "date",
    "venue",
    "code",
    "upvotes",
    "stars",
    "authors",
    "categories",
)

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


def readable_refs(ids: list[str], titles: list[Any], labels: Mapping[str, str] | None = None) -> list[str]:
    """The label of each row: its entry in ``labels`` (:func:`paper_labels`, by id) when it has one, else
    :func:`readable_ref`; made unique (a repeated label gets `` (2)``, `` (3)``…)."""
    seen: dict[str, int] = {}
    out = []
    for pid, title in zip(ids, titles, strict=True):
        label = (labels or {}).get(str(pid)) or readable_ref(str(pid), title if isinstance(title, str) else None)
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def paper_labels(papers: Sequence[Paper]) -> dict[str, str]:
    """A short label of each paper, by id, as a reader cites it: the arXiv id or DOI when it has one, else its first
    author's family name and year ("Lovelace 2025"; "Lovelace 2025a", "Lovelace 2025b" for several), else the
    title's first words (:func:`readable_ref`)."""
    cited: dict[str, str] = {}
    for p in papers:
        family = first_author(p.authors, p.extra)
        if p.id.startswith("title:") and family and p.year:
            cited[p.id] = f"{family} {p.year}"
    shared = Counter(cited.values())
    taken: Counter[str] = Counter()
    labels = {}
    for p in papers:
        label = cited.get(p.id)
        if label is not None and shared[label] > 1:
            k = taken[label]
            taken[label] += 1
            label = f"{label}{ascii_lowercase[k]}" if k < 26 else f"{label} ({k + 1})"
        labels[p.id] = label or readable_ref(p.id, p.title)
    return labels


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


#: How many keywords a compare table shows per paper before "+N more" (a Hugging Face page may carry a dozen: the
#: row would grow taller than the screen); the frame keeps them all.
SHOWN_KEYWORDS = 5


def shown_keywords(values: Any, limit: int | None = None) -> Any:
    """Keywords as a reader sees them: a MeSH major-topic mark (the leading ``*`` of "*Neural Networks, Computer")
    dropped, repeats that leaves dropped, past ``limit`` the rest counted ("+6 more"); anything but a list or tuple
    as it is (the paper keeps the raw form)."""
    if not isinstance(values, (list, tuple)):
        return values
    shown = list(dict.fromkeys(str(v).lstrip("*").strip() for v in values if str(v).lstrip("*").strip()))
    if limit is not None and len(shown) > limit + 1:  # "+1 more" would take the room of the one it hides
        return [*shown[:limit], f"+{len(shown) - limit} more"]
    return shown
