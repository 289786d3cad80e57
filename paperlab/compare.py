"""Comparison tables and results extraction -> pandas: the public names of :mod:`paperlab.comparison`.

``from paperlab.compare import extract_results`` keeps working. The code lives in the
package :mod:`paperlab.comparison` (lexicons, sentences, tables, views, rendering); this
module stays a plain module because ``paperlab.compare`` is also the function
:func:`compare` in the ``paperlab`` namespace, and a package of that name would put itself
there when one of its submodules is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
from .comparison.metric_reviser import set_phrase_encoder


def _phrase_vectors(texts: Sequence[str]) -> Any:
    """The packaged all-MiniLM-L6-v2 (search's shared encoder) for the metric step of results extraction."""
    from .search.encoders import get_encoder

    return get_encoder().encode(list(texts))


def use_metric_reviser(on: bool = True) -> None:
    """Turn the learned second look at each result's metric (:mod:`paperlab.comparison.metric_reviser`) on or off.

    Off by default: measured leave one fold out it moved metric recall by +0.008 (within noise) and lost a few
    tuples on older sets, while it loads the MiniLM encoder and makes extraction several times slower
    (benchmarks/README.md, session 9). ``bench_extraction.py --reviser`` measures it."""
    set_phrase_encoder(_phrase_vectors if on else None)


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
