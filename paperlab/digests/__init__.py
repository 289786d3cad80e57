"""Keyword digests: DailyArXiv-style READMEs from arXiv and Hugging Face Daily Papers.

A digest is described by a small TOML file (:class:`DigestConfig`)::

    keywords = ["testing", "software testing"]
    categories = ["cs", "stat"]      # optional filter
    sources = ["arxiv", "hf"]        # default ["arxiv"]
    max_per_keyword = 100            # per source, as DailyArXiv

    [hf]
    days = 1                         # the daily lists of the last N days

:func:`digest` fetches it and returns a :class:`Digest`: the README text in the layout of
zezhishao/DailyArXiv, the papers as a :class:`~paperlab.library.Library` (each paper once, with one
tag per keyword it matched), the papers new since the previous digest, and a report of what failed.

Query semantics follow zezhishao/DailyArXiv ``utils.py`` (``request_paper_with_arXiv_api`` and
``filter_tags``, commit 079f0ad): for each keyword, ``search_query=ti:"KEYWORD" OR abs:"KEYWORD"``,
``sortBy=lastUpdatedDate`` (newest first), ``max_results=100``; the category filter is applied to
the results afterwards (``"cs"`` keeps every ``cs.*`` paper). Hugging Face Daily Papers of a date
range are matched the same way: the keyword as a phrase in the title or abstract, case-insensitively.

Reproducibility: every response is cached with its retrieval time (``cache_dir``). A run with
``offline=True`` reads only the cache, and the ``Last update`` date comes from the cached retrieval
time (or an explicit ``date``), so re-running offline rebuilds the same README byte for byte.

"New since last digest" state is a small JSON sidecar next to the output
(``README.digest.json`` for ``README.md``): the digest date and the ids listed under each keyword,
plus the same for the digest before it (so re-running a day's digest compares with the day before).

The package along its seams: :mod:`.config` (the TOML configuration), :mod:`.fetch` (each source
through its own HTTP client and retry settings), :mod:`.state` (the "new since last" sidecar),
:mod:`.render` (the README), :mod:`.result` (:class:`Digest`) and :mod:`.run` (:func:`digest`).
"""

from __future__ import annotations

from .config import ARXIV_URL, HF_URL, DigestConfig, load_config, state_path_for
from .render import INTRO
from .result import Digest
from .run import digest
from .state import STATE_VERSION

__all__ = [
    "ARXIV_URL",
    "HF_URL",
    "INTRO",
    "STATE_VERSION",
    "Digest",
    "DigestConfig",
    "digest",
    "load_config",
    "state_path_for",
]
