"""notebooks/03-compare-and-sessions.ipynb runs headless without errors (nbclient, kernel python3 of the venv).

It reads the transcript that ships with the notebook (notebooks/data/reading-group-session.txt) and paperlab's
bundled demo corpus. It runs from a copy outside the repository (with its data/ folder), as a user who downloads
the notebook does: it finds its files next to itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from notebooktools import run_copy

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "03-compare-and-sessions.ipynb"


@pytest.mark.slow
def test_compare_and_sessions_notebook_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PAPERLAB_REALDATA", raising=False)  # the notebook must not need the real corpus
    nb = run_copy(NOTEBOOK.name, tmp_path / "my-notebooks", timeout=300)  # raises on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []
    texts = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "<Session 'Thematic session', 2025-11-12: 5 presentation(s)>" in texts
    assert "1 warning(s) about lost cells" in texts
    assert "line 121 · values ['12.40', '850.50', '2.01'] do not fit their columns" in texts  # the lost row
    assert "<Library 'demo': 325 papers> · Do Generated Data Always Help Contrastive Learning?" in texts
    assert "papers on contrastive learning" in texts
    assert "<Library 'Thematic session': 5 papers> ['An Image Is Worth 16x16 Words" in texts
    html = "".join(
        o.get("data", {}).get("text/html", "") for o in outputs if o.output_type in ("execute_result", "display_data")
    )
    assert "Token Merging: Your ViT But Faster" in html and "font-weight: bold" in html
    assert "AdaInf" in html and "CIFAR-10" in html  # the result found in the demo paper's abstract
    assert "top-1 accuracy" in html and "ImageNet-1K" in html  # demo.results(metric="accuracy", dataset="ImageNet")
