"""notebooks/03-compare-and-sessions.ipynb runs headless without errors (nbclient, kernel python3 of the venv)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "03-compare-and-sessions.ipynb"


@pytest.mark.slow
def test_compare_and_sessions_notebook_runs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    texts = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.output_type == "stream")
    assert "<Session 'Thematic session', 2025-10-01: 5 presentation(s)>" in texts
    assert "1 warning(s) about lost cells" in texts
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.output_type in ("execute_result", "display_data")
    )
    assert "Video, How Do Your Tokens Merge?" in html and "font-weight: bold" in html
