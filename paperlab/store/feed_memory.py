"""What the morning feed showed and how the user rated it, kept in the store (table ``feed_memory``).

One row per paper: its wire JSON (so a rated paper can train the ranking later even if it is in no reading
list), the first and last day it was shown, and the thumb (+1 up, -1 down, 0 none). The table is created on
first use with portable SQL, so both engines (SQLite, PostgreSQL) carry it without a schema migration.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from ..errors import InvalidValue
from ..paper import Paper
from .db import now

__all__ = ["FeedMemory"]

_CREATE = """CREATE TABLE IF NOT EXISTS feed_memory (
    paper_id TEXT PRIMARY KEY,
    paper TEXT NOT NULL,
    first_shown TEXT,
    last_shown TEXT,
    thumb INTEGER NOT NULL DEFAULT 0,
    rated TEXT
)"""


class FeedMemory:
    """The feed's memory inside a :class:`~paperlab.store.Store`.

    Parameters
    ----------
    store : Store
        The store holding the table (created on first use).
    """

    def __init__(self, store: Any) -> None:
        self.store = store
        self._ready = False

    def __repr__(self) -> str:
        return f"FeedMemory({self.store!r})"

    def _ensure(self) -> None:
        if not self._ready:
            with self.store._write(bump=False) as conn:
                conn.execute(_CREATE)
            self._ready = True

    def mark_shown(self, papers: Iterable[Paper], day: dt.date) -> None:
        """Remember that ``papers`` were shown on ``day`` (the first day shown is kept)."""
        self._ensure()
        rows = [(p.id, json.dumps(p.to_dict()), day.isoformat(), day.isoformat()) for p in papers]
        with self.store._write(bump=False) as conn:
            conn.executemany(
                "INSERT INTO feed_memory(paper_id, paper, first_shown, last_shown) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(paper_id) DO UPDATE SET last_shown = excluded.last_shown, paper = excluded.paper",
                rows,
            )

    def shown_before(self, day: dt.date) -> set[str]:
        """Ids of papers first shown on a day before ``day``."""
        self._ensure()
        with self.store._read() as conn:
            rows = conn.execute(
                "SELECT paper_id FROM feed_memory WHERE first_shown IS NOT NULL AND first_shown < ?",
                (day.isoformat(),),
            ).fetchall()
        return {r[0] for r in rows}

    def rate(self, paper: Paper, thumb: int) -> None:
        """Store a thumb for ``paper``: 1 (up), -1 (down) or 0 (clear).

        Raises
        ------
        InvalidValue
            ``thumb`` is not -1, 0 or 1.
        """
        if thumb not in (-1, 0, 1):
            raise InvalidValue(f"thumb: expected 1 (up), -1 (down) or 0 (clear), got {thumb!r}")
        self._ensure()
        with self.store._write() as conn:
            conn.execute(
                "INSERT INTO feed_memory(paper_id, paper, thumb, rated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(paper_id) DO UPDATE SET thumb = excluded.thumb, rated = excluded.rated",
                (paper.id, json.dumps(paper.to_dict()), thumb, now()),
            )

    def thumbs(self) -> dict[str, int]:
        """Paper id -> thumb for every rated paper."""
        self._ensure()
        with self.store._read() as conn:
            rows = conn.execute("SELECT paper_id, thumb FROM feed_memory WHERE thumb != 0").fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def rated(self, thumb: int) -> list[Paper]:
        """The papers rated ``thumb`` (1 or -1), most recently rated first."""
        self._ensure()
        with self.store._read() as conn:
            rows = conn.execute(
                "SELECT paper FROM feed_memory WHERE thumb = ? ORDER BY rated DESC, paper_id", (thumb,)
            ).fetchall()
        return [Paper.from_dict(json.loads(r[0])) for r in rows]

    def paper(self, paper_id: str) -> Paper | None:
        """A paper the feed showed or that was rated, by id."""
        self._ensure()
        with self.store._read() as conn:
            row = conn.execute("SELECT paper FROM feed_memory WHERE paper_id = ?", (paper_id,)).fetchone()
        return Paper.from_dict(json.loads(row[0])) if row else None

    def forget(self) -> None:
        """Forget what was shown (thumbs are kept)."""
        self._ensure()
        with self.store._write(bump=False) as conn:
            conn.execute("UPDATE feed_memory SET first_shown = NULL, last_shown = NULL")
