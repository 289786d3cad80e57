"""Copying one store into another: e.g. a member's SQLite store into the team's PostgreSQL database.

Papers merge with what the target holds (as any import does), reading lists are created or extended (an entry
already in the target's list gains the copied tags; its status and note are the copied ones), and cached
embeddings are copied as they are. Each copied entry is recorded as added by whoever added it in the source
(when the source recorded it), else by the user running the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..text import plural
from .core import Store
from .people import acting_as

__all__ = ["CopyReport", "copy_store"]

_EMBEDDING_BATCH = 2000


@dataclass(frozen=True)
class CopyReport:
    """What :func:`copy_store` copied."""

    papers: int
    lists: int
    entries: int
    embeddings: int

    def __str__(self) -> str:
        return (
            f"copied {plural(self.papers, 'paper')}, {plural(self.entries, 'entry', 'entries')} in "
            f"{plural(self.lists, 'reading list')} and {plural(self.embeddings, 'cached vector')}"
        )


def _copy_lists(source: Store, target: Store) -> tuple[int, int]:
    lists = entries = 0
    for name in source.lists():
        into = target.reading_list(name)
        lists += 1
        for e in source.reading_list(name, create=False).entries():
            with acting_as(e.added_by):
                into.add(e.paper.id, status=e.status, tags=e.tags, note=e.note)
            entries += 1
    return lists, entries


def _copy_embeddings(source: Store, target: Store) -> int:
    copied = 0
    models = [r[0] for r in source._conn().execute("SELECT DISTINCT model FROM embeddings ORDER BY model")]
    for model in models:
        rows = source._conn().execute(
            "SELECT text_hash, dim, vector FROM embeddings WHERE model = ? ORDER BY text_hash", (model,)
        )
        while batch := rows.fetchmany(_EMBEDDING_BATCH):
            target.put_embeddings(model, {str(h): (int(d), bytes(v)) for h, d, v in batch})
            copied += len(batch)
    for model, count in source.imported_models().items():  # searches keep refusing to re-embed them
        target.record_import(model, count)
    return copied


def copy_store(source: Store, target: Store, progress: Callable[[int], None] | None = None) -> CopyReport:
    """Copy every paper, reading list and cached embedding of ``source`` into ``target`` (both :class:`Store`).

    Parameters
    ----------
    source, target : Store
        E.g. ``Store("~/.local/share/paperlab/paperlab.sqlite3")`` and ``Store("postgresql://...")``.
    progress : callable, optional
        Called with the running count of papers copied.

    Returns
    -------
    CopyReport
    """
    papers = target.bulk_import(source.papers(), progress=progress)
    lists, entries = _copy_lists(source, target)
    return CopyReport(papers, lists, entries, _copy_embeddings(source, target))
