"""BibTeX / BibLaTeX import (:mod:`.read`) and export (:mod:`.write`).

Import uses bibtexparser 2 (splitting, ``@String`` resolution, month interpolation,
co-author separation) and pylatexenc (LaTeX to Unicode). Export writes entries whose
text fields are escaped so that :func:`parse_bibtex` reads them back unchanged.

Importing this package registers ``Paper.to_bibtex`` and ``Library.to_bibtex``.
"""

from __future__ import annotations

from ...library import Library
from ...paper import Paper
from .read import parse_bibtex, read_bibtex
from .write import library_to_bibtex, paper_to_bibtex

__all__ = ["library_to_bibtex", "paper_to_bibtex", "parse_bibtex", "read_bibtex"]

# The model's exports implemented here (``Paper.to_bibtex``, ``Library.to_bibtex``).
Paper.operations.register("to_bibtex", paper_to_bibtex)
Library.operations.register("to_bibtex", library_to_bibtex)
