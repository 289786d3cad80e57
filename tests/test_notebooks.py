"""notebooks/02-search.ipynb runs headless without errors (nbclient, kernel python3 of the venv).

It runs on paperlab's bundled demo corpus (325 papers, their vectors ship with paperlab) and embeds only its
queries with the packaged MiniLM, so it needs nothing outside the repository.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

SEARCH_NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02-search.ipynb"


@pytest.mark.slow
def test_search_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAPERLAB_REALDATA", raising=False)  # the notebook must not need the real corpus
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(SEARCH_NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(SEARCH_NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "learned from:" in text and "Papers like:" in text
    html = "".join(
        o.get("data", {}).get("text/html", "") for o in outputs if o.output_type in ("execute_result", "display_data")
    )
    assert "<Library" in "".join(
        o.get("data", {}).get("text/plain", "") for o in outputs if o.output_type == "execute_result"
    )
    assert "Calibrating Verbal Uncertainty" in html or "Hallucination" in html  # the search table
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the topic map was drawn
