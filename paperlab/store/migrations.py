"""Versioned schema migrations of the store, for both engines.

``MIGRATIONS[n]`` upgrades a store from schema ``n`` to ``n + 1``: a list of statements per engine
(``"sqlite"``, ``"postgresql"``). Every step runs inside one write transaction together with the
record of the new version, so a store is always at one version (PostgreSQL's DDL is transactional too).
The ``schema_version`` table (from version 2) keeps one row per applied version and when it was applied;
SQLite also keeps the version in ``PRAGMA user_version``, which is read from the file's header to refuse a
newer store without writing to it. Add a step per schema change, with its statements for both engines.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

_SQLITE_1 = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO meta(key, value) VALUES ('revision', 0)",
    """CREATE TABLE IF NOT EXISTS papers (
        id TEXT PRIMARY KEY,
        arxiv_id TEXT,
        doi TEXT,            -- lowercase
        title TEXT NOT NULL,
        title_hash INTEGER,  -- 64-bit hash of normalize_title(), when identifying (>= 12 chars)
        published TEXT,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL   -- Paper.to_dict() as JSON
    )""",
    "CREATE INDEX IF NOT EXISTS papers_arxiv_id ON papers(arxiv_id)",
    "CREATE INDEX IF NOT EXISTS papers_doi ON papers(doi)",
    "CREATE INDEX IF NOT EXISTS papers_title_hash ON papers(title_hash)",
    """CREATE TABLE IF NOT EXISTS lists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS list_entries (
        list_id INTEGER NOT NULL,
        paper_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('to-read', 'reading', 'read')),
        tags TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
        note TEXT,
        added TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (list_id, paper_id)
    )""",
    "CREATE INDEX IF NOT EXISTS list_entries_paper ON list_entries(paper_id)",
    """CREATE TABLE IF NOT EXISTS embeddings (
        model TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        dim INT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, text_hash)
    )""",
]

# The same tables on PostgreSQL: 64-bit integers, bytea vectors, and an explicit ``rowid`` (insertion order,
# kept by an upsert as SQLite's is) so every query reads the same on both engines.
_POSTGRES_1 = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)",
    "INSERT INTO meta(key, value) VALUES ('revision', 0) ON CONFLICT DO NOTHING",
    """CREATE TABLE IF NOT EXISTS papers (
        rowid BIGSERIAL UNIQUE,
        id TEXT PRIMARY KEY,
        arxiv_id TEXT,
        doi TEXT,
        title TEXT NOT NULL,
        title_hash BIGINT,
        published TEXT,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS papers_arxiv_id ON papers(arxiv_id)",
    "CREATE INDEX IF NOT EXISTS papers_doi ON papers(doi)",
    "CREATE INDEX IF NOT EXISTS papers_title_hash ON papers(title_hash)",
    """CREATE TABLE IF NOT EXISTS lists (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS list_entries (
        list_id BIGINT NOT NULL,
        paper_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('to-read', 'reading', 'read')),
        tags TEXT NOT NULL DEFAULT '[]',
        note TEXT,
        added TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (list_id, paper_id)
    )""",
    "CREATE INDEX IF NOT EXISTS list_entries_paper ON list_entries(paper_id)",
    """CREATE TABLE IF NOT EXISTS embeddings (
        model TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        dim INT NOT NULL,
        vector BYTEA NOT NULL,
        PRIMARY KEY (model, text_hash)
    )""",
]

# Version 2: who added and who last changed each entry (NULL on entries written before), and the
# schema_version table itself (both engines run these statements as written).
_BOTH_2 = [
    "ALTER TABLE list_entries ADD COLUMN added_by TEXT",
    "ALTER TABLE list_entries ADD COLUMN updated_by TEXT",
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)",
]

# PostgreSQL also keeps the text search_text() matches (title, abstract, authors) in a generated column, so a
# search reads it instead of parsing every row's JSON: at 20,000 papers a search takes 0.27 s instead of 1.7 s, for
# imports at about half the speed (benchmarks/bench_store_engines.py). SQLite's json_extract is cheap enough.
_POSTGRES_2 = [
    *_BOTH_2,
    """ALTER TABLE papers ADD COLUMN searched TEXT GENERATED ALWAYS AS (
        title || ' ' || coalesce(data::json ->> 'abstract', '') || ' ' || coalesce(data::json ->> 'authors', '')
    ) STORED""",
]

# Version 3: stores written before OpenAlex's readers recorded a date's precision held a work known only by its
# year (OpenAlex writes it as 1 January) with no precision; the BibTeX export now writes a date with none recorded
# as a whole day, so such a paper would export a made-up 1 January. Its date is marked a year, once: only papers of
# these stores whose sources are all OpenAlex, with a 1 January date and no recorded precision (papers stored from
# version 3 on record theirs at import). A paper another source also gave (BibTeX, Crossref...) may have that source's
# whole day, so its date is kept a day.
_OPENALEX_YEAR = "published LIKE '____-01-01' AND {no_precision} AND {openalex}"
_SQLITE_3 = [
    "UPDATE papers SET data = json_set(data, '$.extra.date_precision', 'year') WHERE "
    + _OPENALEX_YEAR.format(
        no_precision="json_type(data, '$.extra') = 'object' AND json_type(data, '$.extra.date_precision') IS NULL",
        openalex="EXISTS (SELECT 1 FROM json_each(data, '$.sources') WHERE json_extract(value, '$.name') = 'openalex')"
        " AND NOT EXISTS (SELECT 1 FROM json_each(data, '$.sources')"
        " WHERE json_extract(value, '$.name') IS NOT 'openalex')",
    )
]
_POSTGRES_3 = [
    "UPDATE papers SET data = jsonb_set(data::jsonb, '{extra,date_precision}', '\"year\"')::text WHERE "
    + _OPENALEX_YEAR.format(
        no_precision="jsonb_typeof(data::jsonb -> 'extra') = 'object' AND data::jsonb -> 'extra' -> 'date_precision' IS NULL",
        openalex="data::jsonb -> 'sources' @> '[{\"name\": \"openalex\"}]'::jsonb"
        " AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(data::jsonb -> 'sources') = 'array'"
        " THEN data::jsonb -> 'sources' ELSE '[]'::jsonb END) AS s(source)"
        " WHERE source ->> 'name' IS DISTINCT FROM 'openalex')",
    )
]

#: ``MIGRATIONS[n][engine]``: the statements that upgrade a store from schema ``n`` to ``n + 1``.
MIGRATIONS: dict[int, dict[str, list[str]]] = {
    0: {"sqlite": _SQLITE_1, "postgresql": _POSTGRES_1},
    1: {"sqlite": _BOTH_2, "postgresql": _POSTGRES_2},
    2: {"sqlite": _SQLITE_3, "postgresql": _POSTGRES_3},
}

#: The schema version this paperlab writes.
SCHEMA_VERSION = len(MIGRATIONS)
