"""Reading lists: named, ordered lists of stored papers with a status, tags and a note per entry.

Every method reads or writes the database directly, so a change made by another process (another
kernel, the side panel) is seen on the next call.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import Conflict, InvalidValue, NotFound
from ..paper import Paper
from ..text import plural
from .db import Connection, now, parse_time, renumber
from .entries import STATUSES, ListEntry, check_name, check_status, clamp, clean_tags, union
from .entries import list_id as find_list
from .entries import order as list_order
from .list_exports import ListExports
from .papers import PaperStore
from .people import current_user
from .rows import load_paper

__all__ = ["ListEntry", "ListStore", "ReadingList", "STATUSES"]


class ListStore(PaperStore):
    """The reading-list half of :class:`~paperlab.store.Store` (see there)."""

    def lists(self) -> list[str]:
        """Names of the reading lists, in creation order."""
        return [r[0] for r in self._conn().execute("SELECT name FROM lists ORDER BY id")]

    def last_added_list(self) -> str | None:
        """The name of the reading list a paper was added to last (ties: the older list), or None when no list
        holds an entry: one query over the entries, no paper loaded."""
        query = (
            "SELECT l.name FROM list_entries e JOIN lists l ON l.id = e.list_id"
            " ORDER BY e.added DESC, l.id, e.position LIMIT 1"
        )
        row = self._conn().execute(query).fetchone()
        return row[0] if row else None

    def create_list(self, name: str, exist_ok: bool = False) -> ReadingList:
        """Create an empty reading list.

        Raises
        ------
        InvalidValue
            If the name is empty.
        Conflict
            If the name is taken and ``exist_ok`` is false.
        """
        name = check_name(name)
        with self._write() as conn:
            row = conn.execute("SELECT id FROM lists WHERE name = ?", (name,)).fetchone()
            if row and not exist_ok:
                raise Conflict(f"a reading list named {name!r} already exists")
            if not row:
                stamp = now()
                conn.execute("INSERT INTO lists(name, created, updated) VALUES (?, ?, ?)", (name, stamp, stamp))
        return ReadingList(self, name)

    def rename_list(self, old: str, new: str) -> ReadingList:
        """Rename a reading list; its entries are kept.

        Raises
        ------
        NotFound
            If there is no list ``old``.
        InvalidValue, Conflict
            If ``new`` is empty, or another list's name.
        """
        new = check_name(new)
        with self._write() as conn:
            list_id = find_list(conn, old)
            if conn.execute("SELECT 1 FROM lists WHERE name = ? AND id != ?", (new, list_id)).fetchone():
                raise Conflict(f"cannot rename {old!r}: a reading list named {new!r} already exists")
            conn.execute("UPDATE lists SET name = ?, updated = ? WHERE id = ?", (new, now(), list_id))
        return ReadingList(self, new)

    def delete_list(self, name: str) -> None:
        """Delete a reading list and its entries (the papers stay in the store)."""
        with self._write() as conn:
            list_id = find_list(conn, name)
            conn.execute("DELETE FROM list_entries WHERE list_id = ?", (list_id,))
            conn.execute("DELETE FROM lists WHERE id = ?", (list_id,))

    def reading_list(self, name: str = "default", create: bool = True) -> ReadingList:
        """The reading list ``name``, created when absent (unless ``create`` is false: then NotFound)."""
        if create:
            return self.create_list(name, exist_ok=True)
        find_list(self._conn(), name)
        return ReadingList(self, name)


class ReadingList(ListExports):
    """A named reading list in a :class:`Store`.

    Every method reads or writes the database directly, so a change made by another
    process (another kernel, the side panel) is seen on the next call. Papers are
    named by anything :meth:`Store.get_paper` accepts.

    Parameters
    ----------
    store : Store
    name : str
        Name of an existing list (see :meth:`Store.reading_list`).

    Raises
    ------
    NotFound
        From any method, when the list was deleted, or a paper is not in the store or the list.
    """

    def __init__(self, store: ListStore, name: str) -> None:
        self.store = store
        self.name = name

    def __repr__(self) -> str:
        try:
            counts = dict(
                self.store._conn()
                .execute(
                    "SELECT status, count(*) FROM list_entries WHERE list_id = "
                    "(SELECT id FROM lists WHERE name = ?) GROUP BY status",
                    (self.name,),
                )
                .fetchall()
            )
        except Exception:  # noqa: BLE001 - a repr never fails, whatever the engine says
            counts = {}
        total = sum(counts.values())
        detail = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts.get(s))
        return f"<ReadingList {self.name!r}: {plural(total, 'paper')}{' (' + detail + ')' if detail else ''}>"

    # -- helpers ------------------------------------------------------------------------------
    def _id(self, conn: Connection) -> int:
        return find_list(conn, self.name)

    def _paper_id(self, conn: Connection, ref: str | Paper) -> str:
        key = ref.id if isinstance(ref, Paper) else ref
        row = self.store._lookup(conn, key)
        if row is None:
            raise NotFound(f"no paper {key!r} in the store")
        return str(row[0])

    def _entry(self, conn: Connection, list_id: int, paper_id: str) -> tuple[Any, ...]:
        row = conn.execute(
            "SELECT tags, note FROM list_entries WHERE list_id = ? AND paper_id = ?", (list_id, paper_id)
        ).fetchone()
        if row is None:
            raise NotFound(f"paper {paper_id!r} is not in reading list {self.name!r}")
        return tuple(row)

    def _touch(self, conn: Connection, list_id: int, stamp: str) -> None:
        conn.execute("UPDATE lists SET updated = ? WHERE id = ?", (stamp, list_id))

    # -- changes -----------------------------------------------------------------------------
    def add(
        self,
        paper: Paper | str,
        status: str | None = None,
        tags: Iterable[str] = (),
        note: str | None = None,
        position: int | None = None,
    ) -> ListEntry:
        """Add a paper (or update its entry when it is already in the list).

        Parameters
        ----------
        paper : Paper or str
            A Paper (stored, merged with any stored record) or an id/URL/DOI; an id not
            in the store is fetched through :meth:`Store.paper`.
        status : str, optional
            ``"to-read"`` (the default for a new entry), ``"reading"`` or ``"read"``;
            left unchanged for an existing entry when omitted.
        tags : iterable of str
            Tags to add.
        note : str, optional
            Replaces the note when given.
        position : int, optional
            0-based place; appended at the end by default (existing entries keep their
            place unless a position is given).

        Returns
        -------
        ListEntry
        """
        if status is not None:
            check_status(status)
        tags = clean_tags(tags)
        pid = self.store.paper(paper).id  # stores a Paper / fetches an unknown id, outside the transaction
        with self.store._write() as conn:
            list_id = self._id(conn)
            pid = self._paper_id(conn, pid)  # a concurrent merge may have renamed it
            self._put_entry(conn, list_id, pid, (status, tags, note, position))
        return self.entry(pid)

    def _put_entry(
        self,
        conn: Connection,
        list_id: int,
        pid: str,
        change: tuple[str | None, list[str], str | None, int | None],
    ) -> None:
        """Insert or update the entry of ``pid``: (status, tags to add, note, position)."""
        status, tags, note, position = change
        stamp, who = now(), current_user()
        row = conn.execute(
            "SELECT tags FROM list_entries WHERE list_id = ? AND paper_id = ?", (list_id, pid)
        ).fetchone()
        order = list_order(conn, list_id)
        if row is None:
            conn.execute(
                "INSERT INTO list_entries(list_id, paper_id, position, status, tags, note, added, updated, "
                "added_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (list_id, pid, len(order), status or "to-read", json.dumps(tags), note, stamp, stamp, who, who),
            )
            order.append(pid)
        else:
            merged = union(json.loads(row[0]), tags)
            conn.execute(
                "UPDATE list_entries SET status = coalesce(?, status), tags = ?, note = coalesce(?, note), "
                "updated = ?, updated_by = ? WHERE list_id = ? AND paper_id = ?",
                (status, json.dumps(merged), note, stamp, who, list_id, pid),
            )
        if position is not None:
            order.remove(pid)
            order.insert(clamp(position, len(order)), pid)
            renumber(conn, list_id, order)
        self._touch(conn, list_id, stamp)

    def remove(self, paper: Paper | str) -> None:
        """Remove a paper from the list (it stays in the store)."""
        with self.store._write() as conn:
            list_id = self._id(conn)
            pid = self._paper_id(conn, paper)
            self._entry(conn, list_id, pid)
            conn.execute("DELETE FROM list_entries WHERE list_id = ? AND paper_id = ?", (list_id, pid))
            renumber(conn, list_id)
            self._touch(conn, list_id, now())

    def move(self, paper: Paper | str, position: int) -> None:
        """Move a paper to ``position`` (0-based; negative counts from the end)."""
        with self.store._write() as conn:
            list_id = self._id(conn)
            pid = self._paper_id(conn, paper)
            self._entry(conn, list_id, pid)
            order = list_order(conn, list_id)
            order.remove(pid)
            order.insert(clamp(position, len(order)), pid)
            renumber(conn, list_id, order)
            stamp = now()
            conn.execute(
                "UPDATE list_entries SET updated = ?, updated_by = ? WHERE list_id = ? AND paper_id = ?",
                (stamp, current_user(), list_id, pid),
            )
            self._touch(conn, list_id, stamp)

    def _update(self, paper: Paper | str, change: Callable[[list[str], str | None], tuple[Any, ...]], sql: str) -> None:
        with self.store._write() as conn:
            list_id = self._id(conn)
            pid = self._paper_id(conn, paper)
            tags_json, note = self._entry(conn, list_id, pid)
            stamp = now()
            conn.execute(
                f"UPDATE list_entries SET {sql}, updated = ?, updated_by = ? WHERE list_id = ? AND paper_id = ?",
                (*change(json.loads(tags_json), note), stamp, current_user(), list_id, pid),
            )
            self._touch(conn, list_id, stamp)

    def set_status(self, paper: Paper | str, status: str) -> None:
        """Set the reading status: ``"to-read"``, ``"reading"`` or ``"read"``.

        Raises
        ------
        InvalidValue
            For any other status.
        NotFound
            For a paper not in the list.
        """
        check_status(status)
        self._update(paper, lambda tags, note: (status,), "status = ?")

    def tag(self, paper: Paper | str, *tags: str) -> None:
        """Add tags to a paper's entry (existing tags are kept)."""
        new = clean_tags(tags)
        self._update(paper, lambda old, note: (json.dumps(union(old, new)),), "tags = ?")

    def untag(self, paper: Paper | str, *tags: str) -> None:
        """Remove tags from a paper's entry (absent tags are ignored)."""
        drop = set(clean_tags(tags))
        self._update(paper, lambda old, note: (json.dumps([t for t in old if t not in drop]),), "tags = ?")

    def set_note(self, paper: Paper | str, note: str | None) -> None:
        """Replace the note of a paper's entry (None clears it)."""
        self._update(paper, lambda tags, old: (note,), "note = ?")

    def update(
        self,
        paper: Paper | str,
        *,
        status: str | None = None,
        tags: Iterable[str] | None = None,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        note: str | None = None,
        position: int | None = None,
    ) -> ListEntry:
        """Change several things of a paper's entry at once, in one transaction; the entry afterwards.

        Every value is checked before anything is written, so a bad one changes nothing, and two
        concurrent updates never interleave (each ends with exactly the tags it asked for).

        Parameters
        ----------
        paper : Paper or str
            A paper in this list.
        status : str, optional
            The new reading status.
        tags : iterable of str, optional
            Replaces every tag; None leaves them.
        add_tags, remove_tags : iterable of str
            Then added, then removed.
        note : str, optional
            Replaces the note; a blank string clears it; None leaves it.
        position : int, optional
            0-based place (negative counts from the end).

        Raises
        ------
        InvalidValue
            For a bad status, tag, note or position (nothing is changed).
        NotFound
            If the list, the paper or its entry does not exist (nothing is changed).
        """
        if status is not None:
            check_status(status)
        replace = None if tags is None else clean_tags(tags)
        add, drop = clean_tags(add_tags), set(clean_tags(remove_tags))
        if note is not None and not isinstance(note, str):
            raise InvalidValue(f"a note must be a string or None, got {type(note).__name__}")
        if position is not None and (isinstance(position, bool) or not isinstance(position, int)):
            raise InvalidValue(f"a position must be an integer, got {position!r}")
        with self.store._write() as conn:
            list_id = self._id(conn)
            pid = self._paper_id(conn, paper)
            tags_json, old_note = self._entry(conn, list_id, pid)
            new_tags = [t for t in union(json.loads(tags_json) if replace is None else replace, add) if t not in drop]
            new_note = old_note if note is None else (note if note.strip() else None)
            stamp = now()
            conn.execute(
                "UPDATE list_entries SET status = coalesce(?, status), tags = ?, note = ?, updated = ?, "
                "updated_by = ? WHERE list_id = ? AND paper_id = ?",
                (status, json.dumps(new_tags), new_note, stamp, current_user(), list_id, pid),
            )
            if position is not None:
                order = list_order(conn, list_id)
                order.remove(pid)
                order.insert(clamp(position, len(order)), pid)
                renumber(conn, list_id, order)
            self._touch(conn, list_id, stamp)
        return self.entry(pid)

    def rename(self, new: str) -> None:
        """Rename this list."""
        self.store.rename_list(self.name, new)
        self.name = new.strip()

    def clear(self) -> None:
        """Remove every entry."""
        with self.store._write() as conn:
            list_id = self._id(conn)
            conn.execute("DELETE FROM list_entries WHERE list_id = ?", (list_id,))
            self._touch(conn, list_id, now())

    # -- reading -----------------------------------------------------------------------------
    def _rows(self, paper_id: str | None = None) -> list[ListEntry]:
        with self.store._read() as conn:
            list_id = self._id(conn)
            sql = (
                "SELECT p.data, e.position, e.status, e.tags, e.note, e.added, e.updated, e.added_by, e.updated_by "
                "FROM list_entries e JOIN papers p ON p.id = e.paper_id WHERE e.list_id = ?"
            )
            args: tuple[Any, ...] = (list_id,)
            if paper_id is not None:
                sql += " AND e.paper_id = ?"
                args += (paper_id,)
            rows = conn.execute(sql + " ORDER BY e.position", args).fetchall()
        return [
            ListEntry(
                paper=load_paper(d),
                position=pos,
                status=st,
                tags=json.loads(tg),
                note=nt,
                added=parse_time(ad),
                updated=parse_time(up),
                added_by=by,
                updated_by=upby,
            )
            for d, pos, st, tg, nt, ad, up, by, upby in rows
        ]

    def entries(self) -> list[ListEntry]:
        """Every entry, in list order."""
        return self._rows()

    def entry(self, paper: Paper | str) -> ListEntry:
        """The entry of one paper.

        Raises
        ------
        NotFound
            If the paper is not in the store or not in the list.
        """
        pid = self._paper_id(self.store._conn(), paper)
        rows = self._rows(pid)
        if not rows:
            raise NotFound(f"paper {pid!r} is not in reading list {self.name!r}")
        return rows[0]

    def __iter__(self) -> Iterator[Paper]:
        return iter([e.paper for e in self._rows()])

    def __len__(self) -> int:
        conn = self.store._conn()
        return int(conn.execute("SELECT count(*) FROM list_entries WHERE list_id = ?", (self._id(conn),)).fetchone()[0])

    def __contains__(self, paper: object) -> bool:
        if not isinstance(paper, (str, Paper)):
            return False
        conn = self.store._conn()
        row = self.store._lookup(conn, paper.id if isinstance(paper, Paper) else paper)
        return (
            row is not None
            and conn.execute(
                "SELECT 1 FROM list_entries WHERE list_id = ? AND paper_id = ?", (self._id(conn), row[0])
            ).fetchone()
            is not None
        )

    def ids(self) -> list[str]:
        """Paper ids in list order."""
        conn = self.store._conn()
        return list_order(conn, self._id(conn))
