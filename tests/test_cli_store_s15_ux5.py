"""``paperlab store info FILE`` / ``store copy SOURCE TARGET`` with a mistyped store file (a researcher's morning,
session 15): the missing file was created as a new empty store and reported as "papers: 0" (or "copied 0
paper(s)"), a silent zero. Now it is a usage error (exit 2) naming the file and where the user's store is; no
file is created. A TARGET that does not exist yet is still created by the copy.

Papers: our own small BibTeX file written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main

BIB = "@article{c1, title = {Tone-Aware Tokenization for Vietnamese Speech Recognition}, year = {2026}}\n"


def test_a_mistyped_store_file_is_an_error_not_an_empty_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bib = tmp_path / "asr.bib"
    bib.write_text(BIB, encoding="utf-8")
    assert main(["import", str(bib)]) == 0
    typo = tmp_path / "paperlab.sqlite"
    capsys.readouterr()
    assert main(["store", "info", str(typo)]) == 2
    err = capsys.readouterr().err
    assert f"store info {typo}: no such store file (your store is " in err and not typo.exists()
    assert main(["store", "copy", str(typo), str(tmp_path / "team.sqlite3")]) == 2
    assert "no such store file" in capsys.readouterr().err and not typo.exists()
    assert not (tmp_path / "team.sqlite3").exists()
    # the user's own store into a new file: still copied
    assert main(["store", "info"]) == 0
    mine = capsys.readouterr().out.splitlines()[0].split(maxsplit=1)[1]
    assert main(["store", "copy", mine, str(tmp_path / "team.sqlite3")]) == 0
    assert capsys.readouterr().out.startswith("copied 1 paper")
    assert main(["store", "info", str(tmp_path / "team.sqlite3")]) == 0
    assert "papers:         1" in capsys.readouterr().out
