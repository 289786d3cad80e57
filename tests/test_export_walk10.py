"""Exports after the session 7 verification walkthrough: a January date keeps its month through a BibTeX round
trip, an ACM publisher's escaped numeric character reference reads as the character, an edited volume's editors
show in ``paperlab show``, and an arXiv id set aside as doubtful is not exported as the paper's own link (so a
re-import does not warn again). Our own small entries, written here."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from paperlab import Library
from paperlab.errors import DoubtfulIdWarning
from paperlab.paper_render import paper_to_csl
from paperlab.sources.bibtex import library_to_bibtex, paper_to_bibtex, parse_bibtex
from paperlab.sources.csl import parse_csl
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


# Two works giving one arXiv id: the id stays with the first; the second keeps it only as doubtful.
TWO = r"""
@article{adv, title = {Explaining and Harnessing Adversarial Examples}, author = {Ian Goodfellow}, year = {2014},
  eprint = {1412.6572}, archivePrefix = {arXiv}, url = {https://arxiv.org/abs/1412.6572}}
@article{fmp, title = {Fractional Max-Pooling}, author = {Ben Graham}, year = {2014}, month = dec,
  eprint = {1412.6572}, archivePrefix = {arXiv}, url = {http://arxiv.org/abs/1412.6572v4}}
"""


def _library() -> Library:
    lib = Library()
    with pytest.warns(DoubtfulIdWarning):
        for paper in parse_bibtex(TWO):
            lib.add(paper)
    return lib


def test_a_doubtful_arxiv_id_is_not_exported_as_the_papers_link_and_reimport_does_not_warn(tmp_path: Path) -> None:
    lib = _library()
    fmp = next(p for p in lib if p.title == "Fractional Max-Pooling")
    assert fmp.doubtful_ids == {"arxiv": "1412.6572"} and fmp.abs_url is None
    text = paper_to_bibtex(fmp)
    assert "1412.6572v4" not in text and "eprint" not in text
    assert "paperlab-doubtful-ids = {arxiv:1412.6572}" in text
    ris = write_ris(list(lib), tmp_path / "both.ris").read_text(encoding="utf-8")
    fmp_ris = ris[ris.index("TI  - Fractional") :]
    assert "UR  -" not in fmp_ris and "N1  - paperlab-doubtful-ids: arxiv:1412.6572" in fmp_ris
    with warnings.catch_warnings():
        warnings.simplefilter("error", DoubtfulIdWarning)
        ris_back = Library()
        for paper in parse_ris(ris):
            ris_back.add(paper)
    assert sorted((p.arxiv_id or "", p.doubtful_ids.get("arxiv", "")) for p in ris_back) == [
        ("", "1412.6572"),
        ("1412.6572", ""),
    ]
    item = paper_to_csl(fmp)
    assert "URL" not in item and "number" not in item and item["paperlab-doubtful-ids"] == {"arxiv": "1412.6572"}
    with warnings.catch_warnings():
        warnings.simplefilter("error", DoubtfulIdWarning)
        csl_back = Library()
        for paper in parse_csl(json.loads(json.dumps([paper_to_csl(p) for p in lib]))):
            csl_back.add(paper)
    assert [p.doubtful_ids for p in csl_back] == [{}, {"arxiv": "1412.6572"}]
    again = Library()
    with warnings.catch_warnings():
        warnings.simplefilter("error", DoubtfulIdWarning)
        for paper in parse_bibtex(library_to_bibtex(lib)):
            again.add(paper)
    back = next(p for p in again if p.title == "Fractional Max-Pooling")
    assert back.arxiv_id is None and back.doubtful_ids == {"arxiv": "1412.6572"}
    assert next(p for p in again if p.arxiv_id == "1412.6572").title.startswith("Explaining")


EDITED = r"""
@book{armsrace, title = {The Arms Race of Models}, editor = {Ada Lovelace and Alan Turing}, year = {2021},
  publisher = {Morgan \&\#38; Claypool}}
"""


def test_cli_show_and_search_name_an_edited_volumes_editors(tmp_path: Path, capsys, monkeypatch) -> None:
    from paperlab.cli import main

    bib = tmp_path / "edited.bib"
    bib.write_text(EDITED, encoding="utf-8")
    assert main(["show", "armsrace", "--corpus", str(bib)]) == 0
    shown = capsys.readouterr().out
    assert "authors: Ada Lovelace, Alan Turing (eds.)" in shown
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["search", "arms race", "--corpus", str(bib), "--mode", "lexical", "-k", "1"]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines() if "The Arms Race of Models" in line]
    assert "Ada Lovelace, Alan Tu" in row  # the first-author column (cut to its width) names the editors


def test_fields_kept_from_the_import_that_name_the_doubtful_ids_do_not_bring_them_back() -> None:
    lib = Library()
    first = r"""@article{adv, title = {Explaining and Harnessing Adversarial Examples}, author = {Ian Goodfellow},
      year = {2014}, eprint = {1412.6572}, archivePrefix = {arXiv}, doi = {10.5555/shared.1}}"""
    second = r"""@misc{fmp, title = {Fractional Max-Pooling}, author = {Ben Graham}, year = {2014},
      journal = {arXiv preprint arXiv:1412.6572}, number = {arXiv:1412.6572}, doi = {10.5555/shared.1}}"""
    with pytest.warns(DoubtfulIdWarning):
        for paper in parse_bibtex(first + second):
            lib.add(paper)
    fmp = next(p for p in lib if p.title == "Fractional Max-Pooling")
    assert fmp.doubtful_ids == {"arxiv": "1412.6572", "doi": "10.5555/shared.1"}
    text = paper_to_bibtex(fmp)
    assert "journal = {arXiv preprint arXiv:1412.6572}" in text  # kept as read
    assert "paperlab-doubtful-ids = {arxiv:1412.6572 doi:10.5555/shared.1}" in text
    with warnings.catch_warnings():
        warnings.simplefilter("error", DoubtfulIdWarning)
        (back,) = parse_bibtex(text)
        again = Library()
        for paper in [*parse_bibtex(first), back]:
            again.add(paper)
    assert back.arxiv_id is None and back.doi is None and back.journal_ref is None
    assert back.doubtful_ids == fmp.doubtful_ids and len(again) == 2
