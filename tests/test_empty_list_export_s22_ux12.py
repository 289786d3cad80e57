"""Exporting an empty reading list says so. UX11 found ``rl.to_bibtex()`` of an empty list return '' with no
word, and ``paperlab export bibtex --list NAME`` print nothing and exit 0: a researcher who had not yet added
anything, or mistyped a list, saw an empty file and no reason. Now the Python export warns, naming the list and how
to add to it, and the CLI says on stderr that there was nothing to export; a list with papers exports as before.

Data: a made-up BibTeX entry written here; the store is the test's own (PAPERLAB_HOME of conftest).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.cli import main

BIB = """@article{vik:25,
  author = {Vik, Sigrun},
  title = {Lichen Growth Rates Measured from Old Photographs},
  year = 2025,
}
"""


def test_an_empty_list_warns_when_exported_and_a_full_one_does_not() -> None:
    rl = paperlab.reading_list("ux12-empty")
    with pytest.warns(UserWarning, match=r"reading list 'ux12-empty' is empty: its BibTeX has no entries") as said:
        assert rl.to_bibtex() == ""
    assert "paperlab.reading_list('ux12-empty').add(ID)" in str(said[0].message)
    with pytest.warns(UserWarning, match=r"reading list 'ux12-empty' is empty: its RIS has no entries"):
        rl.to_ris()
    rl.add(paperlab.Paper("Lichen Growth Rates Measured from Old Photographs", doi="10.5555/ux12.lichen"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "Lichen Growth Rates" in rl.to_bibtex()


def test_the_cli_says_an_empty_list_had_nothing_to_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paperlab.reading_list("ux12-empty")
    assert main(["export", "bibtex", "--list", "ux12-empty"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == (
        "paperlab: nothing to export: reading list 'ux12-empty' is empty (add: import FILE --list NAME)"
    )
    bib = tmp_path / "lichen.bib"
    bib.write_text(BIB, encoding="utf-8")
    assert main(["import", str(bib), "--list", "ux12-empty"]) == 0
    capsys.readouterr()
    assert main(["export", "bibtex", "--list", "ux12-empty"]) == 0
    out, err = capsys.readouterr()
    assert "Lichen Growth Rates" in out and "nothing to export" not in err
