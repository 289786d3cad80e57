"""notebooks/02-search.ipynb runs headless without errors (nbclient, kernel python3 of the venv).

It runs on paperlab's bundled demo corpus (325 papers, their vectors ship with paperlab) and embeds only its
queries with the packaged MiniLM, so it needs nothing outside the repository. Every notebook here runs from a copy
outside the repository (with its data/ folder), as a user who downloads it does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from notebooktools import run_copy

SEARCH_NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02-search.ipynb"


@pytest.mark.slow
def test_search_notebook_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PAPERLAB_REALDATA", raising=False)  # the notebook must not need the real corpus
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = run_copy(SEARCH_NOTEBOOK.name, tmp_path / "elsewhere")  # a copy outside the repository; raises on an error
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


CITATIONS_NOTEBOOK = SEARCH_NOTEBOOK.parent / "06-citations.ipynb"


@pytest.mark.slow
def test_citations_notebook_runs_offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """notebooks/06-citations.ipynb walks a real recorded citation graph (paperlab's cache in
    notebooks/data/citations-graph.json; offline: what it does not hold is named, not fetched), shows the graph
    widget and the notebook's bibliography."""
    monkeypatch.delenv("PAPERLAB_REALDATA", raising=False)
    monkeypatch.setenv("PAPERLAB_SEMANTIC_SCHOLAR_URL", "http://127.0.0.1:9/not-used")  # must not be needed
    nb = run_copy(CITATIONS_NOTEBOOK.name, tmp_path / "elsewhere")  # a copy outside the repository; raises on an error
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []
    plain = "".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "FetchReport(fetched=0, cached=4, failed=2, papers=2957)" in plain
    assert "doi:10.2139/ssrn.2250500 citations -> semantic_scholar: offline and not in the cache" in text
    assert "2960 papers, 2959 citations" in text and "cites 16 works" in text
    assert "0 works cited by two or more seeds" in text
    assert "Papers related to: On computable numbers" in text and "0.50  General recursive functions" in text
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)  # the graph
    assert "Bibliography('06-citations.ipynb', 1 work, 0 not in the store)" in plain
    assert "@misc{" in text  # the BibTeX export


FEED_NOTEBOOK = SEARCH_NOTEBOOK.parent / "05-feed.ipynb"


@pytest.mark.slow
def test_feed_notebook_runs_offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """notebooks/05-feed.ipynb: a morning's feed from the demo corpus with reasons, thumbs re-ranking it, no
    repeats the next day, the profile as JSON, and the replay evaluation plot."""
    monkeypatch.delenv("PAPERLAB_REALDATA", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    scratch = tmp_path / "tmp"  # the kernel's temporary folder
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    nb = run_copy(FEED_NOTEBOOK.name, tmp_path / "elsewhere")  # a copy outside the repository; raises on an error
    assert (
        list(scratch.glob("paperlab-feed-demo-*")) == []
    )  # its scratch store (~90 MB with its model) went with the kernel
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "close to “" in text and "words: " in text  # the reasons
    assert "repeated: set()" in text and '"boosts": {' in text
    assert "'paperlab': " in text and any("image/png" in o.get("data", {}) for o in outputs)
    assert "Reward Model: reward, reward model" in text  # a list's defining phrases
    # the feed shows as its cards; their static list keeps the reasons and the paper rated down
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    md = "".join(str(o.get("data", {}).get("text/markdown", "")) for o in outputs)
    assert "Morning feed 2026-06-12" in md and "close to “" in md and "hidden (less like this): “" in md
