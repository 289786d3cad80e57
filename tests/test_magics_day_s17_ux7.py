"""``%papers`` as a newcomer types it (session 17, UX7, seen using the product from a fresh store):

- ``%papers --help`` printed "unrecognized arguments: --help": it now prints the magic's options; any usage error
  says where they are ("(see %papers --help)").
- Papers imported with ``paperlab import`` were out of the magic's reach (``--source`` took a file, arxiv, hf or
  list:NAME): ``--source store`` shows them, and ``%papers`` showing the demo corpus says the store holds papers.

Papers: our own small BibTeX file, written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from paperlab.cli import main
from paperlab.widget import PaperCards, set_active_library

BIB = r"""
@article{muller2023, title = {Sp{\"a}rliche Aufmerksamkeit f{\"u}r lange Sequenzen}, author = {M{\"u}ller, J{\"o}rg},
  year = {2023}}
@misc{quant2024, title = {Four-bit Quantization Without Tears}, author = {Wei Chen}, year = {2024}}
"""


@pytest.fixture
def shell():
    set_active_library(None)
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    yield ip
    set_active_library(None)


def test_papers_help_prints_the_options(shell: InteractiveShell, capsys: pytest.CaptureFixture[str]) -> None:
    assert shell.run_line_magic("papers", "--help") is None
    out, err = capsys.readouterr()
    assert "--source SOURCE" in out and "store (your stored papers" in " ".join(out.split()) and err == ""
    assert shell.run_line_magic("papers", "-h") is None
    assert "--mode" in capsys.readouterr().out
    assert shell.run_line_magic("papers", "--bogus") is None
    assert capsys.readouterr().err.strip() == "%papers: unrecognized arguments: --bogus (see %papers --help)"


def test_papers_source_store_shows_what_the_cli_imported(
    shell: InteractiveShell, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine.bib").write_text(BIB, encoding="utf-8")
    assert main(["import", str(tmp_path / "mine.bib")]) == 0
    capsys.readouterr()
    demo = shell.run_line_magic("papers", "")
    assert isinstance(demo, PaperCards) and len(demo.library) > 100  # the demo corpus, as before
    said = capsys.readouterr().out
    assert "your store holds 2 papers: %papers --source store shows them" in said
    cards = shell.run_line_magic("papers", "--source store")
    assert isinstance(cards, PaperCards)
    assert sorted(p.title for p in cards.library) == [
        "Four-bit Quantization Without Tears",
        "Spärliche Aufmerksamkeit für lange Sequenzen",
    ]
    hits = shell.run_line_magic("papers", "--source store quantization")
    assert isinstance(hits, PaperCards) and "Four-bit Quantization Without Tears" in [p.title for p in hits.library]


def test_an_empty_store_adds_no_word_to_the_demo(shell: InteractiveShell, capsys: pytest.CaptureFixture[str]) -> None:
    assert isinstance(shell.run_line_magic("papers", ""), PaperCards)
    assert "store" not in capsys.readouterr().out
