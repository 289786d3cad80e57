"""Writing to a place that cannot hold the file (a researcher's morning, session 15): ``paperlab export bibtex
-o /nonexistent/x.bib`` said "paperlab: error: [Errno 2] No such file or directory: '/nonexistent/x.bib'"
(Python's text). Now the file is named first, the reason in words, and a missing folder is named
("… (there is no folder …)"); the same for ``paperlab feed -o`` and for a folder given as the output file.

Papers: our own small BibTeX file written here; no network is asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main

BIB = (
    "@article{c1, title = {Tone-Aware Tokenization for Vietnamese Speech Recognition}, author = {Tran, Minh},\n"
    "  year = {2026}, eprint = {2611.00003}, abstract = {Syllable tokens with tone marks lower word error rate.}}\n"
)


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "asr.bib"
    path.write_text(BIB, encoding="utf-8")
    assert main(["import", str(path)]) == 0
    return path


def test_export_to_a_missing_folder_names_it(bib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "refs.bib"
    capsys.readouterr()
    assert main(["export", "bibtex", "-o", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"paperlab: error: {target}: no such file or directory (there is no folder {target.parent})"), err
    assert main(["export", "bibtex", "-o", str(tmp_path)]) == 1  # a folder as the output file
    assert capsys.readouterr().err.strip() == f"paperlab: error: {tmp_path}: is a directory"


def test_feed_output_to_a_missing_folder_names_it(
    bib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "gone" / "feed.txt"
    capsys.readouterr()
    argv = ["feed", "--today", "2026-11-30", "--no-remember", "--from-library", str(bib), "-o", str(target)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"{target}: no such file or directory (there is no folder {target.parent})" in err
    assert "Errno" not in err
