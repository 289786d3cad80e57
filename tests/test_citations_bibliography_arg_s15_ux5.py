"""``paperlab.citations.bibliography(lib)`` (a researcher's morning, session 15: a library passed where a notebook
is expected) raised Python's "TypeError: expected str, bytes or os.PathLike object, not Library". Now a
UsageError says what it takes (a notebook path or its JSON) and where a library's citations come from
(``lib.to_bibtex()``, ``lib.to_csl()``). A notebook's JSON still works.

Papers: made up here; the notebook JSON is our own, one code cell citing an arXiv id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab import Library, Paper
from paperlab.citations import bibliography
from paperlab.errors import UsageError
from paperlab.store import Store

MOE = Paper("Sparse Mixture-of-Experts Routing for Speech", arxiv_id="2305.01234", published="2023-05-02")


def test_a_library_is_refused_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"expected a notebook \(a \.ipynb path or its JSON\), got Library") as err:
        bibliography(Library([MOE]), store=Store(tmp_path / "s.sqlite3"))  # type: ignore[arg-type]
    assert "lib.to_bibtex()" in str(err.value)


def test_notebook_json_still_works(tmp_path: Path) -> None:
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "outputs": [],
                "execution_count": None,
                "source": ['paperlab.paper("2305.01234")'],
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    bib = bibliography(notebook, store=Store(tmp_path / "s.sqlite3"))
    assert bib.notebook == "<notebook>" and [c.ref for c in bib.cited] == ["2305.01234"]
