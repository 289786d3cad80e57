"""The one place where SQLite's SQL and PostgreSQL's differ.

Every query of the store is written once, in the portable subset both engines run (``?`` placeholders,
``INSERT ... ON CONFLICT``, ``coalesce``, a ``rowid`` column on ``papers``); the few constructs that differ
are fragments of a :class:`Dialect`: matching a column against a list of values, the text
:meth:`~paperlab.store.Store.search_text` searches and how it folds case, and where NULLs sort.
:meth:`Dialect.sql` turns a portable statement into the engine's own (PostgreSQL: ``%s`` placeholders).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["Dialect", "POSTGRES", "SQLITE"]

_PLACEHOLDER = re.compile(r"\?")


class Dialect:
    """SQLite's fragments; :data:`POSTGRES` overrides what differs."""

    name = "sqlite"

    def sql(self, statement: str) -> str:
        """``statement`` (portable SQL with ``?`` placeholders) in this engine's own form."""
        return statement

    def any_of(self, column: str) -> str:
        """A condition true when ``column`` equals one of the values of one parameter (:meth:`values`)."""
        return f"{column} IN (SELECT value FROM json_each(?))"

    def values(self, values: Iterable[Any]) -> Any:
        """The parameter of :meth:`any_of`: the values, without duplicates."""
        return json.dumps(sorted(set(values)))

    def searched(self) -> str:
        """The text search_text() matches: title, abstract and the authors' names."""
        return (
            "(title || ' ' || coalesce(json_extract(data, '$.abstract'), '') || ' ' "
            "|| coalesce(json_extract(data, '$.authors'), ''))"
        )

    def contains_word(self, ascii_word: bool) -> str:
        """A condition: the searched text contains the (lowercase) word of one parameter, case-insensitively.

        An ASCII word is a ``LIKE`` pattern (``%word%``, escaped with ``\\``); any other word is plain text.
        """
        if ascii_word:  # SQLite's LIKE folds ASCII case natively (fast)
            return f"{self.searched()} LIKE ? ESCAPE '\\'"
        return f"instr(paperlab_lower({self.searched()}), ?) > 0"

    def desc_nulls_last(self, column: str) -> str:
        """``column`` in descending order, NULLs last (SQLite sorts NULL lowest)."""
        return f"{column} DESC"


class _Postgres(Dialect):
    name = "postgresql"

    def sql(self, statement: str) -> str:
        return _pg_sql(statement)

    def any_of(self, column: str) -> str:
        return f"{column} = ANY(?)"

    def values(self, values: Iterable[Any]) -> Any:
        return sorted(set(values))

    def searched(self) -> str:
        return "searched"  # a generated column of the same text (schema 2, paperlab.store.migrations)

    def contains_word(self, ascii_word: bool) -> str:
        if ascii_word:
            return f"{self.searched()} ILIKE ? ESCAPE '\\'"
        return f"strpos(lower({self.searched()}), ?) > 0"

    def desc_nulls_last(self, column: str) -> str:
        return f"{column} DESC NULLS LAST"


@functools.lru_cache(maxsize=512)
def _pg_sql(statement: str) -> str:
    # psycopg's placeholders are %s, so a literal % is written %% (the store's SQL has no '?' in a literal)
    return _PLACEHOLDER.sub("%s", statement.replace("%", "%%"))


SQLITE = Dialect()
POSTGRES = _Postgres()
