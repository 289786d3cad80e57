"""BibTeX: a bare ``eprint`` that is an arXiv id names the arXiv paper, and the export keeps the user's own LaTeX
(UI reviewer R5's findings 1 and 3).

- ``eprint = {2405.01234}`` with no ``archivePrefix``/``eprinttype`` is the arXiv paper 2405.01234 (its id, its link,
  one paper with the same work named by its arXiv URL elsewhere); old-style ``hep-th/9901077v2`` too; an eprint that
  is no arXiv id (``2015.12345``: no month 15) or of another archive (``eprinttype = {jstor}``) is kept as written.
- The BibTeX export (a reading list's too) writes an abstract read from BibTeX as the file wrote it
  (``$\\mathcal{L}(\\theta, ...)$``, not ``ℒ(θ, …)`` with ``\\textasciicircum{}``), a bare ``%`` escaped; a plain
  abstract of another source is escaped whole (``99.9\\%``, ``R\\&D``, ``\\#4``, ``file\\_name``, ``\\$5``).

Our own files in tests/data/bibtex_s12_im7/; the round trip is also checked over the recorded BibTeX fixtures.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from paths import FIXTURES

import paperlab
from paperlab.cli import main
from paperlab.paper import Paper
from paperlab.sources.bibtex import parse_bibtex, read_bibtex
from paperlab.sources.bibtex.write import library_to_bibtex

DATA = Path(__file__).parent / "data" / "bibtex_s12_im7"
SHELF, ARXIV_CSL = DATA / "shelf.bib", DATA / "arxiv.json"
MATH = r"$\mathcal{L}(\theta, \phi; \mathbf{x}^{(i)})$"


def _read(text: str) -> dict[str, Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {str(p.extra["bibtex_key"]): p for p in parse_bibtex(text)}


def _abstract_field(entry_text: str) -> str:
    m = re.search(r"^  abstract = \{(.*)\},$", entry_text, re.M | re.S)
    assert m, entry_text
    return m.group(1)


def test_bare_eprint_that_is_an_arxiv_id_is_the_arxiv_paper() -> None:
    papers = _read(SHELF.read_text())
    lanterns, quiet = papers["moss2024lanterns"], papers["dale1999quiet"]
    assert (lanterns.id, lanterns.arxiv_id) == ("2405.01234", "2405.01234")
    assert (quiet.arxiv_id, quiet.version) == ("hep-th/9901077", 2)
    assert "eprint" not in lanterns.extra
    assert "arxiv.org/abs/2405.01234" in (lanterns.abs_url or "")


def test_bare_eprint_of_no_arxiv_shape_or_another_archive_is_kept_as_written() -> None:
    papers = _read(SHELF.read_text())
    month15, jstor = papers["quill2020pubmed"], papers["quill2021jstor"]
    assert month15.arxiv_id is None and month15.id.startswith("title:")
    assert month15.extra["eprint"] == "2015.12345"
    assert jstor.arxiv_id is None and jstor.extra["eprint"] == "jstor:1810.04806"


def test_bare_eprint_merges_with_the_paper_named_by_its_arxiv_url() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(SHELF, ARXIV_CSL)
    same = [p for p in lib if p.title == "Lanterns for Sparse Attention"]
    assert len(same) == 1 and same[0].arxiv_id == "2405.01234"


def test_export_writes_the_abstract_as_the_bib_file_wrote_it_and_reads_it_back() -> None:
    papers = _read(SHELF.read_text())
    lanterns = papers["moss2024lanterns"]
    assert "ℒ(θ, ϕ; 𝐱⁽ⁱ⁾)" in (lanterns.abstract or "")  # the readable form, for cards and search (as readable())
    text = lanterns.to_bibtex()
    raw = _abstract_field(text)
    assert MATH in raw and "textasciicircum" not in raw and "ℒ" not in raw
    assert raw == lanterns.extra["abstract_markup"]
    back = _read(text)["moss2024lanterns"]
    assert back.extra["abstract_markup"] == lanterns.extra["abstract_markup"]  # the raw text exactly
    assert back.abstract == lanterns.abstract


def test_a_bare_percent_of_the_bib_file_is_escaped_on_export() -> None:
    markup = _read(SHELF.read_text())["mallory2024markup"]
    raw = _abstract_field(markup.to_bibtex())
    assert "99.9\\% accuracy" in raw and "<b>bold</b>" in raw
    assert re.search(r"(?<!\\)%", raw) is None
    assert _read(markup.to_bibtex())["mallory2024markup"].abstract == markup.abstract


def test_a_plain_abstract_of_another_source_is_escaped_whole() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (plain,) = [p for p in paperlab.load(ARXIV_CSL) if p.title == "Counting Sparks"]
    raw = _abstract_field(plain.to_bibtex())
    for escaped in ("99.9\\%", "R\\&D", "\\#4", "file\\_name", "\\$5", "\\textasciitilde{} 2"):
        assert escaped in raw, (escaped, raw)
    assert "ℒ(θ; 𝐱" in raw  # Unicode stays Unicode
    assert re.search(r"(?<!\\)[%&#_$]", raw) is None
    (back,) = _read(plain.to_bibtex()).values()
    assert back.abstract == plain.abstract


def test_reading_list_export_keeps_the_raw_abstract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SHELF), str(ARXIV_CSL), "--list", "jc"]) == 0
    out = tmp_path / "jc.bib"
    assert main(["export", "bibtex", "--list", "jc", "-o", str(out)]) == 0
    capsys.readouterr()
    text = out.read_text()
    lanterns = text.split("@", 2)[1]  # the entry read from our .bib file (the CSL paper's caret is escaped)
    assert "moss2024lanterns" in lanterns and MATH in lanterns and "textasciicircum" not in lanterns
    assert "99.9\\% accuracy" in text and "99.9\\% accuracy on R\\&D" in text
    assert re.search(r"eprint = \{2405\.01234(v1)?\},\n  archivePrefix = \{arXiv\}", lanterns)
    exported = _read(text)
    original = _read(SHELF.read_text())
    assert (
        exported["moss2024lanterns"].extra["abstract_markup"] == original["moss2024lanterns"].extra["abstract_markup"]
    )


@pytest.mark.realdata
def test_recorded_bibtex_files_keep_their_raw_abstracts_through_a_round_trip() -> None:
    checked = 0
    for path in sorted((FIXTURES / "bibtex").rglob("*.bib")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            papers = read_bibtex(path)
        with_raw = [p for p in papers if isinstance(p.extra.get("abstract_markup"), str)]
        back = _read(library_to_bibtex(with_raw)) if with_raw else {}
        for p in with_raw:
            again = back[str(p.extra["bibtex_key"])]
            assert again.abstract == p.abstract, (path.name, p.extra["bibtex_key"])
            raw = str(p.extra["abstract_markup"])
            assert again.extra["abstract_markup"] == re.sub(r"(?<!\\)%", r"\\%", raw), (path.name, p.id)
            checked += 1
    assert checked >= 10
