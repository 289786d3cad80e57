"""``paperlab.load`` of a folder says what to do (session 20: a researcher's first try, ``paperlab.load("myrefs")``
on a folder of a BibTeX file, a CSL-JSON file and a schedule, answered "myrefs: cannot read file: Is a directory").
The command line already named the files to pass; the notebook now does too. Data: our own files, written here."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError, PartialImportWarning

BIB = "@article{quill2023, title = {Tidal Forecasting with Graph Networks}, author = {Quill, Ada}, year = {2023}}\n"


def test_a_folder_names_how_to_load_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "myrefs"
    folder.mkdir()
    (folder / "refs.bib").write_text(BIB)
    with pytest.raises(ParseError) as raised:
        paperlab.load(folder)
    hint = f"is a folder: load its files, e.g. paperlab.load(sorted(glob.glob('{folder}/*')))"
    assert str(raised.value) == f"{folder}: {hint}"
    assert [p.title for p in paperlab.load(sorted(glob.glob(f"{folder}/*")))] == [
        "Tidal Forecasting with Graph Networks"
    ]


def test_a_folder_among_files_is_skipped_with_the_hint(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BIB)
    with pytest.warns(PartialImportWarning, match=r"is a folder: load its files") as caught:
        lib = paperlab.load(tmp_path / "refs.bib", tmp_path)
    assert len(lib) == 1 and caught[0].message.problems[0].source == str(tmp_path)  # type: ignore[union-attr]
