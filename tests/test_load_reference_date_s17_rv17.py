"""``paperlab.load(path, reference_date=...)``: a reference day that is no date is refused whatever the file's format.

Session 17 made the schedule reader take ``reference_date`` (year-less days are dated relative to it). A bad one was
a ParseError only when the schedule reader's error reached the user: a markdown schedule fell back to the generic
paper finder, and other readers ignored it, so ``load(page, reference_date="2031-13-45")`` read the page as if no
date had been given. Our own small files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError

SCHEDULE = """# Widget reading group

| Date | Presenter | Paper |
| --- | --- | --- |
| Thu, Sep 5 | Ada Quill | [Sparse widget rings](https://arxiv.org/abs/2101.00001) |
| Thu, Sep 12 | Bo Renn | [Routing gadgets on widget graphs](https://arxiv.org/abs/2101.00002) |
"""

BIB = "@article{quill2021, title = {Sparse Widget Rings}, author = {Quill, Ada}, year = {2021}}\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "group.md").write_text(SCHEDULE, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    return {"markdown schedule": tmp_path / "group.md", "bibtex": tmp_path / "refs.bib"}


@pytest.mark.parametrize("bad", ["2031-13-45", "next week", 5])
@pytest.mark.parametrize("kind", ["markdown schedule", "bibtex"])
def test_a_bad_reference_date_is_a_parse_error_naming_it(files: dict[str, Path], kind: str, bad: object) -> None:
    with pytest.raises(ParseError, match="reference_date"):
        paperlab.load(files[kind], reference_date=bad)


@pytest.mark.parametrize("good", ["2026-11-30", dt.date(2026, 11, 30), None])
def test_a_good_reference_date_reads_the_papers(files: dict[str, Path], good: object) -> None:
    lib = paperlab.load(files["markdown schedule"], reference_date=good)
    assert sorted(p.arxiv_id for p in lib) == ["2101.00001", "2101.00002"]
    assert [p.title for p in paperlab.load(files["bibtex"], reference_date=good)] == ["Sparse Widget Rings"]
