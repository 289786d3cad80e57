"""The papers of the store: writing (merging with stored records), bulk imports, lookups and search.

Fetching a paper the store does not hold belongs to the services layer
(:mod:`paperlab.services.resolve`): :meth:`PaperStore.paper` asks the store's *resolver* — the one
given to :class:`~paperlab.store.Store`, else the default one the services layer installs with
:func:`set_default_resolver` — and stores what it returns.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from ..errors import InvalidValue, NotFound
from ..identifiers import parse_reference
from ..identity import citation_keys, disambiguated_id, split_merged
from ..library import Library
from ..paper import Paper
from .db import Connection, Database, now, renumber
from .keys import merge_batch, title_hash, title_key, title_key_uncached
from .rows import INSERT, UPSERT, load_paper, paper_row

__all__ = ["PaperStore", "Resolver", "default_resolver", "set_default_resolver"]

#: Fetches the paper a reference names from its source; raises NotFound when the source has none.
Resolver = Callable[[str], Paper]

_default: list[Resolver] = []  # at most one: the resolver installed by the services layer


def set_default_resolver(resolver: Resolver | None) -> Resolver | None:
    """Install the resolver every store without its own uses (None removes it); returns the previous one.

    :mod:`paperlab.services.resolve` installs its arXiv / Semantic Scholar fetcher when imported
    (``import paperlab`` imports it).
    """
    previous = _default[0] if _default else None
    _default.clear()
    if resolver is not None:
        _default.append(resolver)
    return previous


def default_resolver() -> Resolver | None:
    """The resolver installed with :func:`set_default_resolver`, or None."""
    return _default[0] if _default else None


def _batch_keys(papers: list[Paper]) -> tuple[list[str], list[str], list[str], list[str], list[int | None]]:
    """The match keys of every paper (as :func:`~paperlab.store.keys.match_keys`, one list per kind),
    each computed once: they serve the lookup of stored records and, on the fast path, the rows."""
    ids: list[str] = []
    arxiv_ids: list[str] = []
    dois: list[str] = []
    titles: list[str] = []
    hashes: list[int | None] = []  # per paper
    for p in papers:
        if not isinstance(p, Paper):
            raise TypeError(f"the store holds Paper objects, not {type(p).__name__}")
        ids.append(p.id)
        if p.arxiv_id:
            arxiv_ids.append(p.arxiv_id)
        if p.doi:
            dois.append(p.doi.lower())
        norm = title_key_uncached(p.title)  # once per paper here; the merge path caches it
        if norm:
            titles.append(norm)
            hashes.append(title_hash(norm))
        else:
            hashes.append(None)
    return ids, arxiv_ids, dois, titles, hashes


def _holder(parts: list[Paper], merged_id: str, keep: str | None) -> int:
    """Which part of a split keeps the reading-list entries: the one ``keep`` names (its id, arXiv id or DOI),
    else the one under the merged record's id (the id the lists showed), else the first."""
    if keep is not None:
        ref = parse_reference(keep)
        for i, p in enumerate(parts):
            doi = ref.doi and p.doi and p.doi.lower() == ref.doi.lower()
            if p.id == keep.strip() or (ref.arxiv_id and p.arxiv_id == ref.arxiv_id) or doi:
                return i
        ids = ", ".join(p.id for p in parts)
        raise InvalidValue(f"keep={keep!r}: none of the split records ({ids}) is that paper")
    return next((i for i, p in enumerate(parts) if p.id == merged_id), 0)


def _split_sources(papers: list[Paper], existing: list[Paper]) -> list[Paper]:
    """The stored merges that incoming parts of a split (:meth:`Library.split`) were taken from: a stored
    record whose versions hold an incoming part and a record that part is kept apart from."""
    apart = {p.id: set(d) for p in papers if isinstance(d := p.extra.get("distinct_from"), list)}
    found = []
    for record in existing:
        versions = record.extra.get("versions")
        if not apart or not isinstance(versions, list):
            continue
        ids = {v.get("id") for v in versions if isinstance(v, dict)}
        if any(pid in ids and others & ids for pid, others in apart.items()):
            found.append(record)
    return found


def _repoint_entries(conn: Connection, old: str, new: str) -> None:
    # an entry for ``new`` may already exist in the same list: keep that one
    conn.execute(
        "UPDATE list_entries SET paper_id = ? WHERE paper_id = ? "
        "AND list_id NOT IN (SELECT list_id FROM list_entries WHERE paper_id = ?)",
        (new, old, new),
    )
    rows = conn.execute("SELECT DISTINCT list_id FROM list_entries WHERE paper_id = ?", (old,)).fetchall()
    conn.execute("DELETE FROM list_entries WHERE paper_id = ?", (old,))
    for (list_id,) in rows:
        renumber(conn, list_id)


class PaperStore(Database):
    """The papers half of :class:`~paperlab.store.Store` (see there)."""

    #: fetches papers the store does not hold; None: the default one (:func:`set_default_resolver`)
    resolver: Resolver | None = None

    _load = staticmethod(load_paper)

    # -- writing -----------------------------------------------------------------------------
    def _existing_for(
        self,
        conn: Connection,
        ids: Iterable[str],
        arxiv_ids: Iterable[str],
        dois: Iterable[str],
        title_hashes: Iterable[int],
    ) -> list[Paper]:
        """Stored papers sharing an id, arXiv id, lowercase DOI or title hash with the given ones."""
        any_of = self.dialect.any_of
        rows = conn.execute(
            f"SELECT id, data FROM papers WHERE {any_of('id')} OR {any_of('arxiv_id')} "
            f"OR {any_of('doi')} OR {any_of('title_hash')}",
            [self.dialect.values(values) for values in (ids, arxiv_ids, dois, title_hashes)],
        ).fetchall()
        return [load_paper(data) for _, data in rows]

    def _write_papers(self, conn: Connection, papers: list[Paper]) -> dict[str, str]:
        """Merge ``papers`` into the store inside the caller's transaction.

        Returns a map from every given paper's id to the id it is stored under.
        """
        ids, arxiv_ids, dois, titles, hashes = _batch_keys(papers)
        existing = self._existing_for(conn, ids, arxiv_ids, dois, [h for h in hashes if h is not None])
        if merges := _split_sources(papers, existing):  # saving the parts of a split: split the stored merge
            for merged in merges:
                self._split_row(conn, merged, None)
            existing = self._existing_for(conn, ids, arxiv_ids, dois, [h for h in hashes if h is not None])
        stamp = now()
        if not existing and all(len(keys) == len(set(keys)) for keys in (ids, arxiv_ids, dois, titles)):
            # fast path (bulk imports of new papers): no stored record and no two records of
            # the batch share a key, so nothing to merge
            conn.executemany(INSERT, [paper_row(p, stamp, h) for p, h in zip(papers, hashes, strict=True)])
            return {p.id: p.id for p in papers}
        before = {p.id: p for p in existing}
        work, renames = merge_batch(papers, existing)
        gone = [pid for pid in before if pid not in work]
        if gone:
            conn.executemany("DELETE FROM papers WHERE id = ?", [(pid,) for pid in gone])
        for old, new in renames.items():
            if old in before:
                _repoint_entries(conn, old, new)
        changed = [paper_row(p, stamp) for pid, p in work.items() if pid not in before or p != before[pid]]
        conn.executemany(UPSERT, changed)
        return {p.id: renames.get(p.id, p.id) for p in papers}

    def upsert_papers(self, papers: Iterable[Paper] | Paper) -> int:
        """Store papers, merging each with its stored record (:meth:`Paper.merge`).

        A record matches a stored one by canonical id, arXiv id, DOI or normalised
        title (records with different arXiv ids or DOIs never match). When merging
        changes a paper's id (e.g. a DOI-only record gains its arXiv id), reading-list
        entries follow it.

        Parameters
        ----------
        papers : Paper or iterable of Paper

        Returns
        -------
        int
            Number of papers given.
        """
        batch = [papers] if isinstance(papers, Paper) else list(papers)
        if not batch:
            return 0
        with self._write() as conn:
            self._write_papers(conn, batch)
        return len(batch)

    @contextmanager
    def _bulk_mode(self) -> Iterator[bool]:
        """Settings for a bulk import, restored afterwards; yields whether the cyclic GC was paused.

        The engine's own settings (SQLite: a larger page cache, fewer checkpoints), bounded.
        """
        paused = gc.isenabled()
        with self._engine.bulk_settings():
            if paused:
                gc.disable()
            try:
                yield paused
            finally:
                if paused:
                    gc.enable()

    def bulk_import(
        self, papers: Iterable[Paper], batch_size: int = 5000, progress: Callable[[int], None] | None = None
    ) -> int:
        """Stream many papers into the store: one transaction per ``batch_size`` records.

        Only one batch is held in memory at a time, so memory stays flat however long
        the stream. Records are merged like :meth:`upsert_papers`.

        Parameters
        ----------
        papers : iterable of Paper
            E.g. :func:`paperlab.sources.arxiv.iter_kaggle` over a metadata dump.
        batch_size : int
            Records per transaction.
        progress : callable, optional
            Called with the running count after each batch.

        Returns
        -------
        int
            Number of records read from ``papers``.

        Notes
        -----
        Durability is that of every write of the store: WAL mode with ``synchronous =
        NORMAL``, so a committed batch survives a crash of the process; a power loss may
        lose the last batches committed before it, but never corrupts the database
        (SQLite fsyncs the WAL before each checkpoint).

        While it runs, Python's automatic cyclic garbage collection is paused (and
        restored afterwards): each batch holds thousands of young objects, which the
        collector would scan again and again for nothing, as the import makes no
        reference cycles. A young-generation collection after each batch still frees
        any cycles the given iterable makes, so memory stays flat.
        """
        if batch_size < 1:
            raise InvalidValue(f"batch_size must be at least 1, got {batch_size}")
        it = iter(papers)
        total = 0
        with self._bulk_mode() as paused:
            while batch := list(islice(it, batch_size)):
                with self._write() as conn:
                    self._write_papers(conn, batch)
                total += len(batch)
                del batch
                title_key.cache_clear()  # keeps memory flat: the cache only serves one batch
                if paused:
                    gc.collect(1)  # what the paused collector would have found: young cycles
                if progress is not None:
                    progress(total)
        return total

    def _upsert_one(self, p: Paper) -> str:
        with self._write() as conn:
            return self._write_papers(conn, [p])[p.id]

    def split_paper(self, ref: str, keep: str | None = None) -> list[Paper]:
        """Undo a wrong merge kept in the store: the stored paper ``ref`` becomes the records merged into it
        again (:func:`paperlab.identity.split_merged`), each stored on its own and kept apart from the others
        from now on (``extra["distinct_from"]`` is stored with them, so a later import of either record merges
        with its own part only, on SQLite and PostgreSQL alike).

        Reading-list entries of the merged paper (status, tags, note) stay on one part: the one ``keep``
        names (its id, arXiv id or DOI), by default the part stored under the merged paper's id -- the id
        the lists showed (for a preprint merged with its published version, the arXiv preprint). The other
        parts are in no list. Saving the parts of :meth:`Library.split` (``upsert_papers``) splits the
        stored merge the same way.

        Returns
        -------
        list of Paper
            The parts, as stored.

        Raises
        ------
        NotFound
            No stored paper ``ref``.
        UsageError
            The paper is not a merge of several records.
        InvalidValue
            ``keep`` names none of the parts.
        """
        with self._write() as conn:
            row = self._lookup(conn, ref)
            if row is None:
                raise NotFound(f"no paper {ref!r} in the store")
            return self._split_row(conn, load_paper(row[1]), keep)

    def _split_row(self, conn: Connection, merged: Paper, keep: str | None) -> list[Paper]:
        """Replace the stored ``merged`` by its parts inside the caller's transaction (see :meth:`split_paper`)."""
        parts = split_merged(merged)
        holder = _holder(parts, merged.id, keep)
        conn.execute("DELETE FROM papers WHERE id = ?", (merged.id,))
        taken = conn.execute(
            f"SELECT id FROM papers WHERE {self.dialect.any_of('id')}", [self.dialect.values(p.id for p in parts)]
        ).fetchall()
        for i, part in enumerate(parts):
            if part.id in {t for (t,) in taken}:  # another work took this title-derived id meanwhile
                parts[i] = dataclasses.replace(part, id=disambiguated_id(part))
        stamp = now()
        conn.executemany(UPSERT, [paper_row(p, stamp) for p in parts])
        if parts[holder].id != merged.id:
            _repoint_entries(conn, merged.id, parts[holder].id)
        return parts

    def delete_papers(self, refs: Iterable[str]) -> int:
        """Remove papers (and their reading-list entries); return how many were removed."""
        removed = 0
        with self._write() as conn:
            for ref in refs:
                row = self._lookup(conn, ref)
                if row is None:
                    continue
                lists = conn.execute("SELECT list_id FROM list_entries WHERE paper_id = ?", (row[0],)).fetchall()
                conn.execute("DELETE FROM list_entries WHERE paper_id = ?", (row[0],))
                conn.execute("DELETE FROM papers WHERE id = ?", (row[0],))
                for (list_id,) in lists:
                    renumber(conn, list_id)
                removed += 1
        return removed

    # -- reading -----------------------------------------------------------------------------
    def _lookup(self, conn: Connection, ref: str) -> tuple[str, str] | None:
        """(id, data) of the stored paper ``ref`` names, or None."""
        text = str(ref).strip()
        row = conn.execute("SELECT id, data FROM papers WHERE id = ?", (text,)).fetchone()
        if row:
            return row
        parsed = parse_reference(text)
        if parsed.arxiv_id:
            row = conn.execute(
                "SELECT id, data FROM papers WHERE arxiv_id = ? ORDER BY id LIMIT 1", (parsed.arxiv_id,)
            ).fetchone()
            if row:
                return row
        if parsed.doi:
            row = conn.execute(
                "SELECT id, data FROM papers WHERE doi = ? ORDER BY id LIMIT 1", (parsed.doi.lower(),)
            ).fetchone()
            if row:
                return row
        return None if parsed.arxiv_id or parsed.doi else _by_citation_key(conn, text)

    def get_paper(self, ref: str) -> Paper | None:
        """The stored paper named by ``ref``, or None.

        Parameters
        ----------
        ref : str
            Canonical id, arXiv id (with or without version), arXiv abs/pdf URL,
            Hugging Face papers URL, DOI or doi.org URL, or a BibTeX citation key the paper was imported under.
        """
        row = self._lookup(self._conn(), ref)
        return load_paper(row[1]) if row else None

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, str) and self._lookup(self._conn(), ref) is not None

    def _stored(self, paper_id: str) -> Paper:
        """The paper just written under ``paper_id``."""
        found = self.get_paper(paper_id)
        if found is None:  # e.g. deleted by another process in between
            raise NotFound(f"no paper {paper_id!r} in the store")
        return found

    def paper(self, ref: str | Paper) -> Paper:
        """The stored paper ``ref`` names; fetched from its source and stored when absent.

        A :class:`Paper` is stored (merged with any stored record of it) and the stored
        record returned. An unknown reference is handed to the store's resolver (see
        :mod:`paperlab.services.resolve`): arXiv ids and URLs are fetched from the arXiv API
        (base URL from ``$PAPERLAB_ARXIV_URL`` when set), DOIs from Semantic Scholar (base URL
        from ``$PAPERLAB_SEMANTIC_SCHOLAR_URL`` when set).

        Raises
        ------
        NotFound
            If ``ref`` is neither stored nor an arXiv id/URL or DOI, or the source has
            no such paper.
        FetchError
            If the source could not be reached.
        """
        if isinstance(ref, Paper):
            return self._stored(self._upsert_one(ref))
        found = self.get_paper(ref)
        if found is not None:
            return found
        resolver = self.resolver or default_resolver()
        if resolver is None:
            raise NotFound(f"no stored paper {ref!r}, and no resolver to fetch it with")
        return self._stored(self._upsert_one(resolver(ref)))

    def papers(self) -> Library:
        """Every stored paper, in insertion order."""
        rows = self._conn().execute("SELECT data FROM papers ORDER BY rowid").fetchall()
        return Library((load_paper(d) for (d,) in rows), name="store")

    def search_text(self, query: str, limit: int | None = None) -> Library:
        """Papers whose title, abstract or authors contain every word of ``query``.

        Case-insensitive plain substring match, newest first.
        """
        words = query.lower().split()
        if not words:
            return Library(name=f"search {query!r}")
        conds, args = [], []
        for w in words:
            conds.append(self.dialect.contains_word(w.isascii()))
            args.append("%" + re.sub(r"([%_\\])", r"\\\1", w) + "%" if w.isascii() else w)
        order = self.dialect.desc_nulls_last("published")
        sql = f"SELECT data FROM papers WHERE {' AND '.join(conds)} ORDER BY {order}, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self._conn().execute(sql, args).fetchall()
        return Library((load_paper(d) for (d,) in rows), name=f"search {query!r}")

    def count(self) -> int:
        """Number of stored papers."""
        return int(self._conn().execute("SELECT count(*) FROM papers").fetchone()[0])

    def __len__(self) -> int:
        return self.count()


def _by_citation_key(conn: Connection, key: str) -> tuple[str, str] | None:
    """(id, data) of the first stored paper imported under the BibTeX citation key ``key``
    (:func:`paperlab.identity.citation_keys`), or None. The quoted key narrows the rows; each is checked."""
    if not key or not key.isprintable() or any(c.isspace() or c in '"\\' for c in key):
        return None  # no citation key (JSON would escape these characters)
    pattern = '%"' + re.sub(r"([%_\\])", r"\\\1", key) + '"%'
    rows = conn.execute("SELECT id, data FROM papers WHERE data LIKE ? ESCAPE '\\' ORDER BY rowid", (pattern,))
    return next((row for row in rows.fetchall() if key in citation_keys(load_paper(row[1]))), None)
