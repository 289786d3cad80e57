"""Session 18 (FX3): old-style arXiv ids are read only as arXiv's own (an archive of 1991–2007, then YYMMNNN), so a
note naming "arXiv:stat/1234567" keeps its other papers (the whole file was refused, naming the bad id); and a
DailyArXiv-style table's two-digit year ("'27") is of the century the read's reference day gives, not today's."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab


def _load(path: Path, **kw: object) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path, **kw))


def test_a_word_and_seven_digits_is_no_old_style_id(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Notes\n\nWe read Sparse Widget Routing (arXiv:stat/1234567) and Gadget Rings (arXiv:hep-th/9901001) "
        "this week.\n",
        encoding="utf-8",
    )
    assert [(p.title, p.arxiv_id) for p in _load(path)] == [("Gadget Rings", "hep-th/9901001")]


def test_an_old_style_id_in_a_table_cell_is_the_papers(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(
        "| Title | Date | PDF |\n|---|---|---|\n| Sparse Widget Routing at Scale | 2001-12-05 | cs/0112017 |\n"
        "| Counting Gadgets Without Labels | 2024-01-02 | patent/1234567 |\n",
        encoding="utf-8",
    )
    assert [(p.title, p.arxiv_id) for p in _load(path)] == [
        ("Sparse Widget Routing at Scale", "cs/0112017"),
        ("Counting Gadgets Without Labels", None),
    ]


@pytest.mark.parametrize(("day", "year"), [("2026-12-01", 2027), ("2025-06-01", 1927), (dt.date(2030, 1, 1), 2027)])
def test_a_two_digit_year_is_read_as_of_the_reference_date(tmp_path: Path, day: object, year: int) -> None:
    path = tmp_path / "README.md"
    path.write_text(
        "| Title | Date |\n|---|---|\n| [Sparse Widget Routing at Scale](https://example.org/w.pdf) | '27 |\n"
        "| [Counting Gadgets Without Labels](https://example.org/g.pdf) | '22 |\n",
        encoding="utf-8",
    )
    papers = _load(path, reference_date=day)
    assert [p.published for p in papers] == [dt.date(year, 1, 1), dt.date(2022, 1, 1)]
