"""Comparison tables and results extraction -> pandas.

Three layers, all rule-based (no models):

* **Facets** of a paper's text: the task, the datasets and metrics it mentions
  (:func:`extract_facets`), and the results it reports in sentences such as
  "94.70% linear accuracy on CIFAR-10 with SimCLR" (:func:`extract_results`).
* **Results tables** found in text: tab-separated slide tables, markdown tables and
  HTML tables become tidy frames with one row per value (:func:`parse_table`,
  :func:`find_tables`); ragged rows and merged header cells are repaired where the
  layout allows it, and everything that cannot be recovered is reported.
* **Views** across papers: :func:`compare` (one row per paper), :func:`diff` (two
  papers, shared vs distinct facets) and :func:`leaderboard` (method x (dataset,
  metric)). ``df.paperlab.style()`` renders them for JupyterLab (links, best values
  marked, every text escaped); ``df.paperlab.to_markdown()`` / ``to_latex()`` export.

Every extracted value keeps its provenance: the paper, and the sentence or the
table cell (source, line, column) it came from.

Modules: :mod:`.lexicons` (metric, dataset and task names), :mod:`.sentences` (facets
and results from text), :mod:`.table_text` (reading a table's text into cells),
:mod:`.table_layout` (header levels, ragged rows, merged cells), :mod:`.tables`
(:class:`ResultsTable`, :func:`parse_table`, :func:`find_tables`), :mod:`.views`
(:func:`compare`, :func:`diff`, :func:`leaderboard`) and :mod:`.render` (the
``df.paperlab`` accessor). ``paperlab.compare`` re-exports the public names.
"""

from __future__ import annotations

from .sentences import extract_facets, extract_results
from .tables import ResultsTable, find_tables, parse_table
from .views import COMPARE_FIELDS, compare, diff, leaderboard, venue_of

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
