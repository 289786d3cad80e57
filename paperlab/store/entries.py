"""The entries of reading lists: :class:`ListEntry`, the statuses, and the checks and small helpers of
:mod:`paperlab.store.lists`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import InvalidValue, NotFound
from ..paper import Paper
from .db import Connection

__all__ = [
    "STATUSES",
    "STATUS_LABELS",
    "ListEntry",
    "check_name",
    "check_status",
    "clamp",
    "clean_tags",
    "list_id",
    "order",
    "union",
]

STATUSES = ("to-read", "reading", "read")
#: How each status is shown to people (cards, panel, bibliography, exports): the one place that names them.
STATUS_LABELS = {"to-read": "To read", "reading": "Reading", "read": "Read"}


# -- checks and small helpers ------------------------------------------------------------------
def check_status(status: str) -> str:
    """``status`` when it is one of :data:`STATUSES`, else InvalidValue."""
    if status not in STATUSES:
        raise InvalidValue(f"invalid reading status {status!r}: expected one of {', '.join(STATUSES)}")
    return status


def check_name(name: str) -> str:
    """A list name, stripped; InvalidValue when blank."""
    if not isinstance(name, str) or not name.strip():
        raise InvalidValue(f"a reading list needs a non-empty name, got {name!r}")
    return name.strip()


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags stripped and without duplicates; InvalidValue for a blank or non-string tag."""
    if isinstance(tags, str):
        tags = [tags]
    out = []
    for t in tags:
        if not isinstance(t, str) or not t.strip():
            raise InvalidValue(f"tags must be non-empty strings, got {t!r}")
        out.append(t.strip())
    return union([], out)


def union(a: list[str], b: list[str]) -> list[str]:
    """``a`` then the items of ``b`` not in it, in order."""
    return list(dict.fromkeys([*a, *b]))


def clamp(position: int, n: int) -> int:
    """A 0-based place among ``n`` items (negative counts from the end), clamped to 0..n."""
    if position < 0:
        position += n + 1
    return max(0, min(position, n))


def list_id(conn: Connection, name: str) -> int:
    """The id of the list ``name``; NotFound when there is none."""
    row = conn.execute("SELECT id FROM lists WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise NotFound(f"no reading list named {name!r}")
    return int(row[0])


def order(conn: Connection, list_id: int) -> list[str]:
    """Paper ids of a list in list order."""
    return [
        r[0] for r in conn.execute("SELECT paper_id FROM list_entries WHERE list_id = ? ORDER BY position", (list_id,))
    ]


# -- types -----------------------------------------------------------------------------------------
@dataclass
class ListEntry:
    """One paper in a reading list.

    Parameters
    ----------
    paper : Paper
        The stored paper.
    position : int
        0-based place in the list.
    status : str
        ``"to-read"``, ``"reading"`` or ``"read"``.
    tags : list of str
        The user's tags for this paper in this list.
    note : str or None
        Free-text note.
    added, updated : datetime.datetime
        When the entry was added and last changed (UTC).
    added_by, updated_by : str or None
        Who added the entry and who last changed it (the Jupyter user in the server extension,
        ``$PAPERLAB_USER`` or the OS user in a kernel); None for entries written before paperlab recorded it.
    """

    paper: Paper
    position: int
    status: str
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    added: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    updated: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    added_by: str | None = None
    updated_by: str | None = None

    def __repr__(self) -> str:
        tags = f", tags={self.tags!r}" if self.tags else ""
        return f"ListEntry({self.position}: {self.paper.id!r}, {self.status!r}{tags})"
