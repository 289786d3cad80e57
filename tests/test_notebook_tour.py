"""notebooks/01-tour.ipynb runs headless (nbclient, kernel python3 of the venv) and shows what it says.

It uses only the bundled demo corpus (paperlab/data/demo.jsonl, 325 papers; 56 from the Hugging
Face daily papers API; 2503.14350 is "VEGGIE: Instructional Editing and Reasoning of Video
Concepts with Grounded Generation") and the lexical search mode, so it needs no model and no network.
The notebook runs in a temporary folder (it writes tour.bib there) with its own PAPERLAB_HOME.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from paperlab.store import Store

TOUR = Path(__file__).resolve().parents[1] / "notebooks" / "01-tour.ipynb"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@pytest.mark.slow
def test_tour_notebook_runs(tmp_path: Path, paperlab_home: Path) -> None:
    shutil.copy(TOUR, tmp_path / TOUR.name)
    nb = nbformat.read(tmp_path / TOUR.name, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError on the first failing cell

    code = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert [o for o in outputs if o.output_type == "error"] == []

    def result_of(prefix: str) -> dict:
        """What the cell shows: the data of its displays (cards: the widget, then its static cards below)."""
        cell = next(c for c in code if c.source.startswith(prefix))
        shown = [o["data"] for o in cell.outputs if o.output_type in ("execute_result", "display_data")]
        return {k: v for data in reversed(shown) for k, v in data.items()}

    assert result_of("import paperlab")["text/plain"] == "<Library 'demo': 325 papers>"
    # the cards: a widget view, with escaped HTML cards as the static fallback
    cards = result_of("cards = lib.cards()")
    assert WIDGET_MIME in cards and "325</b> papers" in cards["text/html"]
    assert result_of("cards.selected")["text/plain"] == "<Library 'demo': 0 papers>"
    stream = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "56 from the Hugging Face daily papers API" in stream
    # the reading list went to the store the notebook's kernel used
    ids = result_of('rl = paperlab.reading_list("tour")')["text/plain"]
    assert ids.startswith("['2503.14350', ")
    assert Store(paperlab_home / "paperlab.sqlite3").reading_list("tour").ids()[0] == "2503.14350"
    listed = result_of("%readinglist tour")  # the side panel's list view: status, title, first author, year
    assert listed["text/plain"] == "ReadingListView('tour': 2 papers; 2 to read)"
    assert "Reading list “tour”" in listed["text/html"] and "2 papers" in listed["text/html"]
    assert listed["text/markdown"].count("- [ ] **") == 2
    ranked = result_of("%papers video generation")
    assert WIDGET_MIME in ranked and "5</b> papers" in ranked["text/html"]
    # BibTeX export written next to the notebook
    bib = (tmp_path / "tour.bib").read_text(encoding="utf-8")
    assert bib.count("@") == 2 and "2503.14350" in bib
    assert "VEGGIE" in bib
    # the pasted markdown card renders and reads back
    assert result_of("from IPython.display import Markdown")["text/markdown"].startswith("### [VEGGIE")
    assert result_of("paperlab.Paper.from_markdown")["text/plain"] == "True"
