"""``paperlab search`` after ``paperlab.load(...)`` in a notebook (walkthrough #4): the CLI sees only the store, so
a search that finds nothing says how many papers are stored and how papers read with ``paperlab.load`` are saved;
the advice works (after ``paperlab.open_store().upsert_papers(lib)`` the same search finds the paper).

Papers made up here, written to our own JSONL files in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab import Library, Paper
from paperlab.cli import main

STORED = [Paper(f"Sparse origami folding schedules part {i}", abstract="Folding paper sheets.") for i in range(3)]
LOADED = Paper("Glacier calving forecasts from satellite radar", abstract="Ice shelves break; radar sees it.")


def test_a_search_that_finds_nothing_says_what_is_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Library(STORED).save(str(tmp_path / "stored.jsonl"))
    Library([LOADED]).save(str(tmp_path / "mine.jsonl"))
    assert main(["import", str(tmp_path / "stored.jsonl")]) == 0
    capsys.readouterr()
    lib = paperlab.load(tmp_path / "mine.jsonl")  # read in a notebook, not stored
    assert main(["search", "glacier calving radar", "--mode", "lexical"]) == 1  # no match: 1, as grep (s16 UX6)
    out, err = capsys.readouterr()
    assert out.startswith("0 results in your library (3 papers")
    assert (
        "your library holds 3 stored papers; if the papers you mean were read with paperlab.load() in a notebook, "
        "they are not stored yet" in err
    )
    assert "`paperlab import FILE` (in Python: paperlab.open_store().upsert_papers(lib))" in err
    assert "--corpus FILE" in err
    # the advice works
    paperlab.open_store().upsert_papers(lib)
    assert main(["search", "glacier calving radar", "--mode", "lexical"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("1 result in your library (4 papers") and "Glacier calving" in out
    assert "not stored" not in err
    # a file searched directly says nothing about the store
    assert main(["search", "quantum sheaves", "--mode", "lexical", "--corpus", str(tmp_path / "mine.jsonl")]) == 1
    assert "not stored" not in capsys.readouterr().err


def test_load_says_it_does_not_store() -> None:
    assert "paperlab import FILE" in (paperlab.load.__doc__ or "")
    assert "paperlab.open_store().upsert_papers(lib)" in (paperlab.load.__doc__ or "")
