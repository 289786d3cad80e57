"""The citation cache of the store: references and citations once fetched, so the graph works offline.

Three tables, created on first use in the store (they are a cache, not user data: writes do not bump
the store's revision); the SQL is portable, so SQLite and PostgreSQL stores both carry them:

- ``citation_fetches``: which paper's references or citations were read from which source, when, how many;
- ``citation_edges``: citing id -> cited id, with the source's contexts, intents and ``isInfluential``, and the
  fetch that found it (``via``: ``"<paper id> references"``), so re-fetching one paper replaces only its links;
- ``citation_papers``: the papers at the other end (``Paper.to_dict()`` JSON), by canonical id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import ParseError, StoreError
from ..paper import Paper
from ..sources.s2_graph import Direction, Link
from .db import Database, now

__all__ = ["CitationCache", "Edge"]

_TABLES = (
    """CREATE TABLE IF NOT EXISTS citation_fetches (
        paper_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('references', 'citations')),
        source TEXT NOT NULL,
        fetched TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (paper_id, direction, source)
    )""",
    """CREATE TABLE IF NOT EXISTS citation_edges ({rowid}
        citing TEXT NOT NULL,
        cited TEXT NOT NULL,
        source TEXT NOT NULL,
        contexts TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
        intents TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
        influential INTEGER,                  -- 0, 1 or NULL (unknown)
        via TEXT NOT NULL,                    -- the fetch that found it: '<paper id> <direction>'
        PRIMARY KEY (via, citing, cited, source)
    )""",
    "CREATE INDEX IF NOT EXISTS citation_edges_citing ON citation_edges(citing)",
    "CREATE INDEX IF NOT EXISTS citation_edges_cited ON citation_edges(cited)",
    """CREATE TABLE IF NOT EXISTS citation_papers (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL  -- Paper.to_dict() as JSON
    )""",
)


@dataclass
class Edge:
    """One stored citation: ``citing`` cites ``cited`` (canonical paper ids), as ``source`` says."""

    citing: str
    cited: str
    source: str
    contexts: list[str] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)
    influential: bool | None = None


class CitationCache:
    """References and citations kept in a store file (see the module docs).

    Parameters
    ----------
    db : Database
        The store (e.g. :class:`~paperlab.store.Store`); its connection and write transactions are used.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        # insertion order: SQLite's implicit rowid, an explicit one on PostgreSQL
        rowid = "rowid BIGSERIAL," if db.dialect.name == "postgresql" else ""
        with db._write(bump=False) as conn:
            for stmt in _TABLES:
                conn.execute(stmt.replace("{rowid}", rowid))

    def __repr__(self) -> str:
        return f"CitationCache({self.db!r})"

    def fetched(self, paper_id: str, direction: Direction) -> list[str]:
        """The sources from which the ``direction`` of ``paper_id`` was fetched (empty: never)."""
        rows = (
            self.db._conn()
            .execute(
                "SELECT source FROM citation_fetches WHERE paper_id = ? AND direction = ? ORDER BY source",
                (paper_id, direction),
            )
            .fetchall()
        )
        return [str(r[0]) for r in rows]

    def save(
        self, paper_id: str, direction: Direction, source: str, links: Iterable[Link], paper: Paper | None = None
    ) -> None:
        """Replace what ``source`` said about the ``direction`` of ``paper_id`` with ``links``, in one transaction;
        ``paper`` (the one fetched for) is kept with the papers at the other ends, so a graph of its neighbours
        alone still links them to it."""
        links = list(links)
        via = f"{paper_id} {direction}"
        edges = []
        for link in links:
            other = link.paper.id
            citing, cited = (paper_id, other) if direction == "references" else (other, paper_id)
            flag = None if link.influential is None else int(link.influential)
            edges.append((citing, cited, source, json.dumps(link.contexts), json.dumps(link.intents), flag, via))
        with self.db._write(bump=False) as conn:
            conn.execute("DELETE FROM citation_edges WHERE via = ? AND source = ?", (via, source))
            conn.executemany(
                "INSERT INTO citation_edges(citing, cited, source, contexts, intents, influential, via) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(via, citing, cited, source) DO UPDATE SET "
                "contexts = excluded.contexts, intents = excluded.intents, influential = excluded.influential",
                edges,
            )
            conn.executemany(
                "INSERT INTO citation_papers(id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data",
                [(link.paper.id, json.dumps(link.paper.to_dict())) for link in links]
                + ([(paper_id, json.dumps(paper.to_dict()))] if paper is not None else []),
            )
            conn.execute(
                "INSERT INTO citation_fetches(paper_id, direction, source, fetched, count) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(paper_id, direction, source) DO UPDATE SET fetched = excluded.fetched, count = excluded.count",
                (paper_id, direction, source, now(), len(links)),
            )

    def links(self, paper_id: str, direction: Direction) -> list[Link]:
        """The stored ``direction`` of ``paper_id``, in the order they were saved per source."""
        other = "cited" if direction == "references" else "citing"
        with self.db._read() as conn:
            rows = conn.execute(
                f"SELECT p.data, e.contexts, e.intents, e.influential, e.source FROM citation_edges e "
                f"JOIN citation_papers p ON p.id = e.{other} WHERE e.via = ? ORDER BY e.source, e.rowid",
                (f"{paper_id} {direction}",),
            ).fetchall()
        return [
            Link(_paper(data), json.loads(ctx), json.loads(intents), None if flag is None else bool(flag), source)
            for data, ctx, intents, flag, source in rows
        ]

    def edges(self, paper_ids: Iterable[str] | None = None) -> list[Edge]:
        """Every stored edge touching one of ``paper_ids`` (all edges when None); an edge found by two fetches
        (A's references and B's citations) comes once per fetch."""
        sql = "SELECT citing, cited, source, contexts, intents, influential FROM citation_edges"
        params: tuple[Any, ...] = ()
        if paper_ids is not None:
            ids = self.db.dialect.values(paper_ids)
            sql += f" WHERE {self.db.dialect.any_of('citing')} OR {self.db.dialect.any_of('cited')}"
            params = (ids, ids)
        rows = self.db._conn().execute(sql + " ORDER BY rowid", params).fetchall()
        return [
            Edge(a, b, s, json.loads(c), json.loads(i), None if f is None else bool(f)) for a, b, s, c, i, f in rows
        ]

    def papers(self, ids: Iterable[str]) -> dict[str, Paper]:
        """The stored papers at the other end of edges, by id (ids never stored are absent)."""
        rows = (
            self.db._conn()
            .execute(
                f"SELECT id, data FROM citation_papers WHERE {self.db.dialect.any_of('id')}",
                (self.db.dialect.values(ids),),
            )
            .fetchall()
        )
        return {str(pid): _paper(data) for pid, data in rows}

    def dump(self) -> dict[str, Any]:
        """The whole cache as plain JSON (``fetches``, ``edges``, ``papers``; a paper's empty fields left out), e.g.
        to ship a fetched graph with a notebook; :meth:`load` reads it back into any store."""
        conn = self.db._conn()
        fetches = conn.execute(
            "SELECT paper_id, direction, source, fetched, count FROM citation_fetches ORDER BY paper_id, direction, source"
        ).fetchall()
        edges = conn.execute(
            "SELECT citing, cited, source, contexts, intents, influential, via FROM citation_edges ORDER BY rowid"
        ).fetchall()
        papers = conn.execute("SELECT id, data FROM citation_papers ORDER BY id").fetchall()
        return {
            "fetches": [list(row) for row in fetches],
            "edges": [[a, b, src, json.loads(c), json.loads(i), f, via] for a, b, src, c, i, f, via in edges],
            "papers": {
                pid: {k: v for k, v in json.loads(data).items() if v not in (None, "", [], {})} for pid, data in papers
            },
        }

    def load(self, dump: dict[str, Any], source: str = "<dump>") -> None:
        """Add the rows of a :meth:`dump` (replacing what the cache holds for the same fetches), in one transaction.

        Raises
        ------
        ParseError
            ``dump`` is not a dump (naming ``source`` and the part that is wrong).
        """
        try:
            fetches = [(str(p), str(d), str(s), str(t), int(n)) for p, d, s, t, n in dump["fetches"]]
            edges = [
                (
                    str(a),
                    str(b),
                    str(s),
                    json.dumps(list(c)),
                    json.dumps(list(i)),
                    None if f is None else int(f),
                    str(v),
                )
                for a, b, s, c, i, f, v in dump["edges"]
            ]
            papers = [(str(pid), json.dumps(Paper.from_dict(data).to_dict())) for pid, data in dump["papers"].items()]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ParseError(f"not a citation cache dump ({type(exc).__name__}: {exc})", source=source) from None
        with self.db._write(bump=False) as conn:
            for via in {e[6] for e in edges} | {f"{p} {d}" for p, d, *_ in fetches}:
                conn.execute("DELETE FROM citation_edges WHERE via = ?", (via,))
            conn.executemany(
                "INSERT INTO citation_fetches(paper_id, direction, source, fetched, count) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(paper_id, direction, source) DO UPDATE SET fetched = excluded.fetched, count = excluded.count",
                fetches,
            )
            conn.executemany(
                "INSERT INTO citation_edges(citing, cited, source, contexts, intents, influential, via) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(via, citing, cited, source) DO NOTHING",
                edges,
            )
            conn.executemany(
                "INSERT INTO citation_papers(id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data",
                papers,
            )


def _paper(data: str) -> Paper:
    try:
        return Paper.from_dict(json.loads(data))
    except (ValueError, TypeError) as exc:
        raise StoreError(f"citation_papers: a stored paper cannot be read back ({exc})") from exc
