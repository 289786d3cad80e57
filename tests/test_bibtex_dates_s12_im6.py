"""biblatex dates that say more than a day (R4's finding 10): a range ``2019-05/2019-06``, circa ``1890~``, uncertain
``2021-09?``, a range of years ``1984/1986``. The paper's date is the start, to the precision written, the note says
what else the date said, and the exports write it back: BibTeX as the source wrote it, CSL-JSON as a range of
``date-parts`` and ``circa``; ``paperlab show`` says it ("1890 (circa)"). A plain date is read and written as before. Our own file,
tests/data/export_s12_im6/biblatex-dates.bib."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab
from paperlab import Library
from paperlab.cli import main
from paperlab.sources.bibtex import parse_bibtex
from paperlab.sources.csl import parse_csl

BIB = Path(__file__).parent / "data" / "export_s12_im6" / "biblatex-dates.bib"


def _by_key(papers: list[paperlab.Paper]) -> dict[str, paperlab.Paper]:
    return {p.extra["bibtex_key"]: p for p in papers}


def test_the_date_is_the_start_with_its_precision_and_a_note() -> None:
    papers = _by_key(paperlab.load(BIB))
    seen = {k: (p.published, p.date_text, p.extra.get("date_note")) for k, p in papers.items()}
    assert seen == {
        "okafor2019pebbles": (dt.date(2019, 5, 1), "2019-05", "range 2019-05/2019-06"),
        "lindqvist1890stones": (dt.date(1890, 1, 1), "1890", "circa"),
        "solheim2021cairns": (dt.date(2021, 9, 1), "2021-09", "uncertain"),
        "brandt1984survey": (dt.date(1984, 1, 1), "1984", "range 1984/1986"),
        "okafor2020plain": (dt.date(2020, 3, 14), "2020-03-14", None),
    }


def test_bibtex_export_writes_the_date_as_the_source_wrote_it() -> None:
    papers = paperlab.load(BIB)
    text = Library(papers).to_bibtex()
    for written in ("2019-05/2019-06", "1890~", "2021-09?", "1984/1986", "2020-03-14"):
        assert f"  date = {{{written}}},\n" in text
    again = _by_key(parse_bibtex(text))
    for key, paper in _by_key(papers).items():
        assert (again[key].published, again[key].date_text, again[key].extra.get("date_note")) == (
            paper.published,
            paper.date_text,
            paper.extra.get("date_note"),
        )
    assert Library(list(again.values())).to_bibtex() == text  # and again: the same file


def test_csl_export_gives_the_range_and_circa() -> None:
    papers = _by_key(paperlab.load(BIB))
    assert papers["okafor2019pebbles"].to_csl()["issued"] == {"date-parts": [[2019, 5], [2019, 6]]}
    assert papers["lindqvist1890stones"].to_csl()["issued"] == {"date-parts": [[1890]], "circa": True}
    assert papers["brandt1984survey"].to_csl()["issued"] == {"date-parts": [[1984], [1986]]}
    assert papers["okafor2020plain"].to_csl()["issued"] == {"date-parts": [[2020, 3, 14]]}
    back = parse_csl([papers["okafor2019pebbles"].to_csl()])[0]
    assert (back.published, back.date_text) == (dt.date(2019, 5, 1), "2019-05")


def test_a_changed_date_is_written_not_the_old_range() -> None:
    paper = _by_key(paperlab.load(BIB))["okafor2019pebbles"]
    paper.published = dt.date(2020, 1, 1)
    paper.extra["date_precision"] = "year"
    text = Library([paper]).to_bibtex()
    assert "year = {2020}," in text and "2019-05/2019-06" not in text
    assert paper.to_csl()["issued"] == {"date-parts": [[2020]]}


def test_show_says_what_the_date_said(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(BIB)]) == 0
    capsys.readouterr()
    assert main(["show", "lindqvist1890stones"]) == 0
    assert "date:    1890 (circa)" in capsys.readouterr().out.splitlines()
    assert main(["show", "okafor2020plain"]) == 0
    assert "date:    2020-03-14" in capsys.readouterr().out.splitlines()


def test_a_csl_range_or_circa_is_noted_and_written_to_bibtex() -> None:
    items = [
        {
            "id": "a",
            "type": "article-journal",
            "title": "Pebbles in Spring",
            "issued": {"date-parts": [[2019, 5], [2019, 6]]},
        },
        {"id": "b", "type": "book", "title": "Old River Stones", "issued": {"date-parts": [["1890"]], "circa": True}},
        {"id": "c", "type": "book", "title": "A Plain Year", "issued": {"date-parts": [[1901]]}},
    ]
    papers = parse_csl(items)
    assert [(p.date_text, p.extra.get("date_note")) for p in papers] == [
        ("2019-05", "range 2019-05/2019-06"),
        ("1890", "circa"),
        ("1901", None),
    ]
    text = Library(papers).to_bibtex()
    assert "date = {2019-05/2019-06}," in text and "date = {1890~}," in text and "date = {1901" not in text
    assert [p.extra.get("date_note") for p in parse_bibtex(text)] == ["range 2019-05/2019-06", "circa", None]
