"""``%bibliography`` (issue 17): the papers a notebook cites through paperlab cards (markdown cells) and
``paperlab.paper("…")`` calls (code cells, magics and all), with their reading status, exported as BibTeX or
CSL-JSON; run through a real IPython InteractiveShell against the test's own store.

Own data: a notebook written here (cards made with ``Paper.to_markdown()``; one card's title is hostile).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from paperlab import Paper
from paperlab.citations.bibliography import Bibliography, bibliography, cited_in_notebook
from paperlab.errors import ParseError, UsageError
from paperlab.store import open_store

HOSTILE = "<img src=x onerror=\"alert('bib')\"> *stars* | pipe"
CARD = Paper(HOSTILE, arxiv_id="2401.00011", authors=["Card Author"], published="2024-01-02")
STORED = Paper("A Stored Paper Cited by Call", arxiv_id="2401.00012", authors=["Call Author"], published="2023-05-01")
OTHER = Paper("Another Stored Paper", doi="10.5555/bib.other", authors=["Doi Author"], published="2022-01-01")


def _notebook(path: Path) -> Path:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Reading\n", "See the card:\n\n", CARD.to_markdown()]},
        {
            "cell_type": "code",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
            "source": "%load_ext paperlab\nimport paperlab\np = paperlab.paper('2401.00012')\n!ls\n",
        },
        {
            "cell_type": "code",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
            "source": "x = paper(ref='10.5555/bib.other')",
        },
        {
            "cell_type": "code",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
            "source": "paper('2401.99999') +",
        },
        {"cell_type": "markdown", "metadata": {}, "source": "paper('not code, not a card')"},
    ]
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


@pytest.fixture
def shell():
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    return ip


def test_cards_and_calls_are_found_in_cell_order(tmp_path: Path) -> None:
    cited = cited_in_notebook(_notebook(tmp_path / "n.ipynb"))
    assert [(c.cell, c.kind, c.ref) for c in cited] == [
        (1, "card", "2401.00011"),
        (2, "call", "2401.00012"),
        (3, "call", "10.5555/bib.other"),
        (4, "call", "2401.99999"),  # a cell that does not parse is searched by pattern
    ]
    assert cited[0].paper == CARD
    with pytest.raises(ParseError, match="expected a Jupyter notebook with a 'cells' list"):
        cited_in_notebook({"nbformat": 4})
    bad = {"cells": [{"cell_type": "markdown", "source": f"<!-- {'application/vnd.paperlab.paper+json'} {{}} -->"}]}
    with pytest.raises(ParseError, match="a paperlab card's data is not a paper") as info:
        cited_in_notebook(bad)
    assert info.value.where == "cell 1"


def test_statuses_missing_and_exports(tmp_path: Path) -> None:
    store = open_store()
    store.upsert_papers([STORED, OTHER])
    store.reading_list("thesis").add(STORED, status="reading")
    store.reading_list("default").add(CARD, status="read")
    bib = bibliography(_notebook(tmp_path / "n.ipynb"))
    assert isinstance(bib, Bibliography) and bib.notebook == "n.ipynb"
    assert [p.id for p in bib.papers] == ["2401.00011", "2401.00012", "doi:10.5555/bib.other"]
    # the statuses as people read them (the reading list's labels), never the stored slugs
    assert [c.status for c in bib.cited] == ["Read in list “default”", "Reading in list “thesis”", None, None]
    assert "<td>Reading in list “thesis”</td>" in bib._repr_html_()
    assert "(`2401.00011`), Read in list “default”; cells" in bib._repr_markdown_()
    assert "to-read" not in bib._repr_html_() + bib._repr_markdown_()
    assert bib.missing == ["2401.99999"]
    assert bibliography(tmp_path / "n.ipynb", reading_list="thesis").cited[1].status == "Reading"
    bibtex = bib.to_bibtex()
    assert bibtex.count("@") == 3 and "2401.00012" in bibtex
    assert [item["title"] for item in bib.to_csl()][1:] == ["A Stored Paper Cited by Call", "Another Stored Paper"]


def test_hostile_titles_are_escaped(tmp_path: Path) -> None:
    open_store().reading_list("<b>x</b>|*y*").add(STORED)  # a list's name is user text too
    bib = bibliography(_notebook(tmp_path / "n.ipynb"))
    assert "To read in list “&lt;b&gt;x&lt;/b&gt;|*y*”" in bib._repr_html_()
    assert "To read in list “&lt;b&gt;x&lt;/b&gt;\\|\\*y\\*”" in bib._repr_markdown_()
    table = bib._repr_html_()
    assert "<img" not in table and "&lt;img src=x onerror=" in table
    assert "2401.99999 (not in the store)" in table and "not on a reading list" in table
    md = bib._repr_markdown_()
    assert "<img" not in md and "\\*stars\\*" in md and "\\|" in md


def test_magic(shell, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nb = _notebook(tmp_path / "n.ipynb")
    open_store().upsert_papers([STORED])
    shown = shell.run_line_magic("bibliography", str(nb))
    assert isinstance(shown, Bibliography) and len(shown.papers) == 2
    assert shell.run_line_magic("bibliography", f"{nb} --bibtex") is None
    out = capsys.readouterr().out
    assert out.count("@") == 2 and "not in the store (run their cells first): 10.5555/bib.other, 2401.99999" in out
    target = tmp_path / "refs.json"
    shell.run_line_magic("bibliography", f"{nb} --csl -o {target}")
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 2
    # the kernel's own notebook, as Jupyter names it
    shell.user_ns["__session__"] = str(nb)
    assert len(shell.run_line_magic("bibliography", "").papers) == 2
    del shell.user_ns["__session__"]
    shell.run_line_magic("bibliography", "")
    assert "which notebook?" in capsys.readouterr().err
    shell.run_line_magic("bibliography", f"{nb} -o x.bib")
    assert "-o/--output needs --bibtex or --csl" in capsys.readouterr().err
    with pytest.raises(UsageError):
        bibliography(None, user_ns={})


def test_an_unsaved_notebook_and_an_empty_bibliography_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"Untitled\.ipynb is not saved yet .* Bibliography button"):
        bibliography(None, user_ns={"__session__": str(tmp_path / "Untitled.ipynb")})
    empty = tmp_path / "empty.ipynb"
    empty.write_text(json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    shown = bibliography(empty)._repr_html_()
    assert "0 works cited" in shown and "paperlab.paper(...)" in shown and "<table" not in shown
    one = tmp_path / "one.ipynb"
    one.write_text(
        json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": CARD.to_markdown()}], "metadata": {},
                    "nbformat": 4, "nbformat_minor": 5}),
        encoding="utf-8",
    )  # fmt: skip
    assert "1 work cited" in bibliography(one)._repr_html_()
