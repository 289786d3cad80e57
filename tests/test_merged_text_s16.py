"""A library read from a bibliography and a schedule naming the same papers says so in words that fit: the papers
were read from more than one file and merged, not "duplicates" (which sounds like a fault of the user's file)."""

from __future__ import annotations

from pathlib import Path

import paperlab

BIB = """@article{ada2024,
  title = {Sparse Mixtures for Cheap Decoding},
  author = {Okafor, Ada},
  year = {2024},
  eprint = {2401.01234}, archivePrefix = {arXiv}
}
@article{ada2024b,
  title = {Sparse Mixtures for Cheap Decoding},
  author = {Okafor, Ada},
  year = {2024},
  eprint = {2401.01234}, archivePrefix = {arXiv}
}
"""

SCHEDULE = """date,presenter,paper
2026-11-03,Tunde Bello,https://arxiv.org/abs/2401.01234
"""


def test_papers_named_by_two_files_are_merged_papers_not_duplicates(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB.split("@article{ada2024b")[0], encoding="utf-8")
    (tmp_path / "group.csv").write_text(SCHEDULE, encoding="utf-8")
    lib = paperlab.load(bib, tmp_path / "group.csv")
    assert len(lib) == 1
    html = lib._repr_html_()
    assert "<div>1 paper read from more than one file, merged (<code>.merges</code> names them)</div>" in html
    assert "duplicate" not in html


def test_two_records_of_one_file_are_still_called_duplicates(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    lib = paperlab.load(bib)
    assert len(lib) == 1
    assert "<div>1 duplicate merged (<code>.merges</code> names them)</div>" in lib._repr_html_()
