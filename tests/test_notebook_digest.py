"""notebooks/04-digest.ipynb runs headless (nbclient, kernel python3 of the venv), offline, and shows what it says.

It reads notebooks/data/digest.toml and the shipped response cache notebooks/data/digest-cache/ (4 responses made
by notebooks/data/make_digest_cache.py from our own answers in tests/data/digest/: arxiv_testing.xml for "testing"
(10 papers), arxiv_software_testing.xml for "software testing" (4 of those 10; it claims 57 results, so the next
page is asked for and answered by tests/data/arxiv/empty.xml), and hf_day_2025-10-15.json, 6 Hugging Face daily
papers of which only 2510.08783 (1 upvote) mentions "testing" and 2510.12586 has the most upvotes (67)).
So the digest holds 16 papers (10 arXiv, 6 Hugging Face): 11 under "testing" (the 10 arXiv ones and 2510.08783),
4 under both keywords; "fuzz testing" finds 2508.08888 first.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
DIGEST_NOTEBOOK = NOTEBOOKS / "04-digest.ipynb"
CACHE = NOTEBOOKS / "data" / "digest-cache"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def cache_fingerprint() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(CACHE.iterdir())}


@pytest.mark.slow
def test_digest_notebook_runs_offline() -> None:
    before = cache_fingerprint()
    assert len(before) == 4
    nb = nbformat.read(DIGEST_NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError on the first failing cell

    code = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []

    def cell_output(prefix: str) -> str:
        cell = next(c for c in code if c.source.startswith(prefix))
        parts = [o.get("text", "") for o in cell.outputs if o.output_type == "stream"]
        parts += [
            o["data"].get("text/plain", "") + o["data"].get("text/markdown", "") + o["data"].get("text/html", "")
            for o in cell.outputs
            if o.output_type in ("execute_result", "display_data")
        ]
        return "\n".join(parts)

    built = cell_output("d = paperlab.digest(")
    assert "16 papers in 3 sections, 16 new, complete>" in built
    assert "{'testing': 11, 'software testing': 4, 'Hugging Face Daily Papers': 6}" in built
    assert "4 papers under both keywords" in cell_output("both = ")
    cards = cell_output("cards = d.library.cards()")
    assert "16</b> papers" in cards
    shown = [o for c in code if c.source.startswith("cards = ") for o in c.outputs if "data" in o]
    assert WIDGET_MIME in shown[0]["data"]  # the widget, then its static cards for renderers without widgets
    assert "upvotes" in cell_output("hf = d.section(") and "67" in cell_output("hf = d.section(")
    hits = cell_output("hits = ").splitlines()
    # Fuzz Testing Network Protocols; the four papers that only share "testing" fall below the relevance cut-off
    assert len(hits) == 1 and hits[0].split()[1] == "2508.08888"
    assert "sections read back unchanged: True" in cell_output("from IPython.display import Markdown")
    new = cell_output("import dataclasses")
    assert "10 papers in 2 sections, 10 new" in new and "16 papers in 3 sections, 6 new" in new
    assert "### New since the last digest (2025-10-15)" in new and new.count("\n- [") == 6
    assert "## other picks" in cell_output("picked = ")
    assert cache_fingerprint() == before  # offline: the cache was only read
