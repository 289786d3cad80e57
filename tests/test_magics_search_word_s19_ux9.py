"""``%papers search speculative decoding`` — the CLI's habit (``paperlab search QUERY``) typed in a notebook —
searched for "search speculative decoding": the cards' search chip said so, and a paper that writes "search"
ranked up (session 19, UX9, seen in JupyterLab). A first word ``search`` is now the command word, not part of the
query; quoting keeps it (``%papers 'search engines'``).

Papers: our own small BibTeX file, written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from paperlab.widget import PaperCards, set_active_library

BIB = r"""
@misc{draft2024, title = {Draft and Verify: Speculative Decoding with Tiny Drafters}, author = {Quill, Ada},
  year = {2024}, abstract = {A tiny drafter proposes tokens and the target model verifies them.}}
@misc{beam2023, title = {Beam Search for Speculative Decoding}, author = {Bello, Tunde}, year = {2023},
  abstract = {We search over draft trees with beam search.}}
@misc{engines2022, title = {Search Engines for Papers}, author = {Okafor, Ngozi}, year = {2022},
  abstract = {A search engine indexes papers.}}
"""


@pytest.fixture
def shell():
    set_active_library(None)
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "paperlab")
    yield ip
    set_active_library(None)


def test_a_leading_search_word_is_not_searched_for(shell: InteractiveShell, tmp_path: Path) -> None:
    bib = tmp_path / "mine.bib"
    bib.write_text(BIB, encoding="utf-8")
    cards = shell.run_line_magic("papers", f"search speculative decoding --source {bib} --mode lexical")
    assert isinstance(cards, PaperCards)
    assert cards.library.query == "speculative decoding"
    assert "Search Engines for Papers" not in [p.title for p in cards.library]


def test_a_quoted_query_keeps_the_word(shell: InteractiveShell, tmp_path: Path) -> None:
    bib = tmp_path / "mine.bib"
    bib.write_text(BIB, encoding="utf-8")
    cards = shell.run_line_magic("papers", f"'search engines' --source {bib} --mode lexical")
    assert isinstance(cards, PaperCards) and cards.library.query == "search engines"
    assert cards.library[0].title == "Search Engines for Papers"


def test_help_says_so(shell: InteractiveShell, capsys: pytest.CaptureFixture[str]) -> None:
    shell.run_line_magic("papers", "--help")
    assert "a first word 'search'" in " ".join(capsys.readouterr().out.split())
