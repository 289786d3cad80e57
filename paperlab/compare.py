"""Comparison tables and results extraction -> pandas: the public names of :mod:`paperlab.comparison`.

``from paperlab.compare import extract_results`` keeps working. The code lives in the
package :mod:`paperlab.comparison` (lexicons, sentences, tables, views, rendering); this
module stays a plain module because ``paperlab.compare`` is also the function
:func:`compare` in the ``paperlab`` namespace, and a package of that name would put itself
there when one of its submodules is imported.
"""

from __future__ import annotations

from .comparison import (
    COMPARE_FIELDS,
    ResultsTable,
    compare,
    diff,
    extract_facets,
    extract_results,
    find_tables,
    leaderboard,
    parse_table,
    venue_of,
)

__all__ = [
    "COMPARE_FIELDS",
    "ResultsTable",
    "compare",
    "diff",
    "extract_facets",
    "extract_results",
    "find_tables",
    "leaderboard",
    "parse_table",
    "venue_of",
]
