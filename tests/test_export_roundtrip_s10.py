"""Exports a new user met with unseen real files (issue 12, session 10 review, helper M1): what an import read
comes back in the BibTeX and CSL-JSON exports. Own files in tests/data/import_s10."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import DATA

import paperlab
from paperlab.cli import main

HERE = DATA / "import_s10"
CASE = HERE / "case_protected.bib"

PROTECTED = {
    "quill2019": "Crane-{BERT}: Folding Embeddings with Siamese {BERT}-Networks",
    "fold2020": "{MiniFold}: Deep Self-Attention for Crease Patterns",
    "whole2001": "{The Whole Title Kept As Written}",
    "plain2003": "A plain title with nothing kept",
}


def _titles(text: str) -> dict[str, str]:
    out = {}
    for entry in text.split("\n@"):
        key = entry.split("{", 1)[1].split(",", 1)[0]
        (line,) = [x for x in entry.splitlines() if x.strip().startswith("title = ")]
        out[key] = line.strip()[len("title = {") : -len("},")]
    return out


def test_bibtex_export_keeps_the_braces_that_protect_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = paperlab.load(CASE)
    assert [p.title for p in lib][:2] == [
        "Crane-BERT: Folding Embeddings with Siamese BERT-Networks",  # the text shown, braces gone
        "MiniFold: Deep Self-Attention for Crease Patterns",
    ]
    text = lib.to_bibtex()
    assert _titles(text) == PROTECTED  # was 'Crane-BERT: ...', '{MiniFold}' and '{{...}}' lost
    again = tmp_path / "again.bib"
    again.write_text(text, encoding="utf-8")
    back = paperlab.load(again)
    assert [p.title for p in back] == [p.title for p in lib]
    assert _titles(back.to_bibtex()) == PROTECTED  # import -> export -> import: the same raw title
    assert main(["import", str(CASE)]) == 0  # through the store and the CLI alike
    out = tmp_path / "out.bib"
    assert main(["export", "bibtex", "-o", str(out)]) == 0
    assert _titles(out.read_text(encoding="utf-8")) == PROTECTED


def test_an_edited_title_is_written_as_its_text() -> None:
    (paper,) = [p for p in paperlab.load(CASE) if p.title.startswith("Crane")]
    paper.title = "Crane-BERT, revised"
    assert "title = {Crane-BERT, revised}," in paperlab.Library([paper]).to_bibtex()
