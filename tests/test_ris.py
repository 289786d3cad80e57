"""RIS import (paperlab.sources.ris): our own samples in tests/data/ris reproduce the quirks of database exports
(a byte-order mark, Ovid's ``1.`` numbering and text between records, T1/A1/Y1/N2/JF instead of TI/AU/PY/AB/T2,
``YYYY//`` and ``YYYY/MM//`` dates, a DOI given as a URL or only as a doi.org link, CRLF lines, continuation
lines, a record without a title, a file cut short); the realdata tests check four real exports."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from paths import DATA, FIXTURES

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.ris import parse_ris, read_ris, write_ris

RIS = DATA / "ris"


def _quiet(path: Path) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        return read_ris(path)


def test_ovid_style_record_with_bom_numbering_and_trailing_text() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_ris(RIS / "quirks.ris")
    assert [p.title for p in papers] == [
        "Sleep and memory in shift workers: a cohort study",  # Ovid's closing full stop dropped (session 10)
        "Attention Is Not All You Need Either",
        "A Field Guide to Mosses",
    ]
    first = papers[0]
    assert first.authors == ["Ada B Okafor", "Pieter van der Berg"]
    assert first.published == dt.date(2021, 1, 1) and first.extra["date_precision"] == "year"
    assert first.abstract == "We followed 212 shift workers for two years. Memory scores fell with irregular sleep."
    assert first.journal_ref == "Journal of Sleep Studies"
    assert first.doi == "10.5555/jss.2021.014"  # given as http://dx.doi.org/...
    assert first.keywords == ["sleep", "memory", "shift work"]
    assert first.extra["ris"] == {
        "type": "JOUR",
        "volume": "14",
        "issue": "2",
        "start_page": "101",
        "end_page": "117",
        "id": "2021-00001-001",
    }
    assert first.sources[0].record == "record 1, line 2"
    (warning,) = caught
    problem = warning.message.problems[0]  # type: ignore[union-attr]
    assert problem.where == "record 3, line 37" and "expected a title" in problem.message


def test_arxiv_link_month_date_and_book() -> None:
    _, arxiv, book = _quiet(RIS / "quirks.ris")
    assert arxiv.arxiv_id == "2305.01234" and arxiv.version == 2
    assert arxiv.published == dt.date(2023, 5, 1) and arxiv.extra["date_precision"] == "month"
    assert arxiv.journal_ref == "Proceedings of the Workshop on Toy Models"
    assert arxiv.comment is None  # N1 notes of database exports are not the paper's comment
    assert book.published == dt.date(2018, 3, 7) and "date_precision" not in book.extra
    assert book.journal_ref is None and book.extra["ris"]["publisher"] == "Green Press"
    assert book.url == "https://example.org/mosses"


def test_crlf_lines_and_doi_from_a_link() -> None:
    conf, article = read_ris(RIS / "crlf.ris")
    assert conf.title == "Tiny Graphs for Big Questions" and conf.extra["ris"]["type"] == "CONF"
    assert conf.published == dt.date(2022, 11, 30) and conf.doi == "10.5555/csmall.2022.7"
    assert article.authors == ["Ken Ito", "Giulia Rossi"] and article.journal_ref == "Genome Letters"
    assert article.doi == "10.5555/gl.2019.3" and article.published == dt.date(2019, 7, 15)


def test_endnote_style_names_dates_journal_abbreviation_and_dois() -> None:
    moss, report, short = read_ris(RIS / "endnote.ris")
    assert moss.authors == ["Rowan Hart Jr.", "Wei Ng"]  # "Family, Given, Suffix"
    assert moss.published == dt.date(2017, 1, 1) and moss.extra["date_precision"] == "year"  # "Spring 2017"
    assert moss.journal_ref == "Bryol. Notes"  # JA
    assert moss.doi == "10.5555/bn.2017.2"  # "10.5555/bn.2017.2 [doi]"
    assert report.doi is None and report.id.startswith("title:")  # "DO  - N/A" is no DOI
    assert report.url == "https://example.org/report" and report.extra["ris"]["type"] == "RPRT"
    assert short.doi == "10/abc123"  # a short DOI


def test_truncated_file_keeps_the_complete_record() -> None:
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_ris(RIS / "truncated.ris")
    assert [p.title for p in papers] == ["A Complete Record"]
    problem = caught[0].message.problems[0]  # type: ignore[union-attr]
    assert problem.where == "record 2, line 7" and "no 'ER  - ' line" in problem.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "no RIS records found"),
        ("just some text\nwithout tags\n", "no RIS records found"),
        ("TY  - JOUR\nAU  - Nobody, A\nER  - \n", "expected a title"),
    ],
)
def test_unusable_text_raises_parse_error(text: str, expected: str) -> None:
    with pytest.raises(ParseError, match=expected) as info:
        parse_ris(text, source="x.ris")
    assert info.value.source == "x.ris"


def test_latin1_and_utf16_files(tmp_path: Path) -> None:
    text = "TY  - JOUR\nTI  - Café society\nAU  - Müller, Jörg\nER  - \n"
    for encoding in ("latin-1", "utf-16"):
        path = tmp_path / f"{encoding}.ris"
        path.write_bytes(text.encode(encoding))
        (paper,) = read_ris(path)
        assert paper.title == "Café society" and paper.authors == ["Jörg Müller"]


def test_detection_by_suffix_and_content(tmp_path: Path) -> None:
    assert detect_format(RIS / "quirks.ris") == "ris"
    copy = tmp_path / "export.txt"
    copy.write_bytes((RIS / "quirks.ris").read_bytes())
    assert detect_format(copy) == "ris"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialImportWarning)
        assert len(paperlab.load(copy)) == 3


@pytest.mark.parametrize("name", ["quirks.ris", "crlf.ris", "truncated.ris", "endnote.ris"])
def test_write_ris_reads_back_the_same_papers(tmp_path: Path, name: str) -> None:
    papers = _quiet(RIS / name)
    back = read_ris(write_ris(papers, tmp_path / "out.ris"))
    assert [_fields(p) for p in back] == [_fields(p) for p in papers]


def test_write_ris_of_papers_from_elsewhere(tmp_path: Path) -> None:
    paper = paperlab.Paper(
        "A Paper", arxiv_id="2401.00001", authors=["Ada Lovelace"], published="2024-01-02", keywords=["k"]
    )
    text = write_ris([paper], tmp_path / "out.ris").read_text(encoding="utf-8")
    assert "TY  - GEN\nTI  - A Paper\nAU  - Lovelace, Ada\nPY  - 2024\nDA  - 2024/01/02" in text
    assert "UR  - https://arxiv.org/abs/2401.00001" in text
    (back,) = read_ris(tmp_path / "out.ris")
    assert _fields(back) == {**_fields(paper), "extra": {"ris": {"type": "GEN"}}}


def _fields(paper: paperlab.Paper) -> dict[str, object]:
    data = paper.to_dict()
    data.pop("sources")
    return data


# -- the recorded real corpus --------------------------------------------------------------------------------
# Read from each file: records (TY ... ER), AU/A1 lines per record, first title, DOIs, dates, KW lines.
REAL = {
    "asreview_demo_data_scopus.ris": {
        "first": "Stress and the brain-gut axis in functional and chronic-inflammatory gastrointestinal diseases: "
        "A transdisciplinary challenge",
        "authors": [4, 1, 6, 3, 3, 9],
        "dois": [
            "10.1016/j.psyneuen.2019.104501",
            "10.1016/j.mehy.2019.109324",
            "10.1016/j.jpsychores.2019.109836",
            "10.1016/j.yebeh.2019.106490",
            "10.1080/19490976.2018.1562268",
            "10.1136/gutjnl-2019-318308",
        ],
        "dates": [(2020, 1, 1, "year")] + [(2019, 1, 1, "year")] * 5,
        "keywords": [9, 32, 27, 26, 45, 45],  # record 5 names "brain" twice
    },
    "asreview_demo_data_embase.ris": {
        "first": "Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound",
        "authors": [2, 7, 12, 2, 2, 4],
        "dois": [
            "10.4103/2303-9027.138783",
            "10.1002/cncr.20369",
            "10.1016/j.ijscr.2018.11.060",
            "10.1016/j.clp.2018.07.012",
            "10.3748/wjg.v17.i1.130",
            "10.1089/cren.2017.0016",
        ],
        "dates": [(y, 1, 1, "year") for y in (2014, 2004, 2019, 2018, 2011, 2017)],
        "keywords": [22, 27, 45, 39, 19, 38],
    },
    "asreview_demo_data_pubmed_zotero.ris": {
        "first": "The importance of cognitive flexibility and flexibility in coping with stress for the quality of "
        "life in inflammatory bowel disease patients during biological therapy. A preliminary report",  # no closing stop
        "authors": [4, 4, 6, 5, 4, 3],
        "dois": [
            "10.5114/pg.2018.81081",
            "10.1007/s10151-019-02080-0",
            "10.1097/MD.0000000000016881",
            "10.2196/14432",
            "10.1186/s12876-019-1034-9",
            "10.1097/MD.0000000000016231",
        ],
        "dates": [
            (2019, 1, 1, "year"),  # DA 2019///
            (2019, 10, 1, "month"),  # DA 2019/10//undefined
            (2019, 8, 1, "month"),
            (2019, 7, 24, None),  # DA 2019/07/24/
            (2019, 7, 2, None),
            (2019, 6, 1, "month"),
        ],
        "keywords": [5, 4, 10, 5, 4, 9],
    },
    "asreview_demo_data_ovid_psycinfo.ris": {
        "first": "The influence of self-criticism on depression symptoms among ambulatory patients with "
        "inflammatory bowel disease",  # the catalogue's closing full stop dropped
        "authors": [5, 4, 6, 3, 5, 9],
        "dois": [  # DO  - http://dx.doi.org/...
            "10.1002/cpp.2398",
            "10.1177/1359105317742958",
            "10.1016/j.jpsychores.2019.02.002",
            "10.1080/08870446.2019.1662014",
            "10.1080/17482631.2019.1648945",
            "10.1007/s10880-019-09649-9",
        ],
        "dates": [(2019, 1, 1, "year")] * 6,  # Y1  - 2019//
        "keywords": [0, 6, 10, 0, 7, 0],
    },
}


@pytest.mark.realdata
@pytest.mark.parametrize("name", sorted(REAL))
def test_real_database_exports(name: str) -> None:
    expected = REAL[name]
    path = FIXTURES / "ris" / name
    assert detect_format(path) == "ris"
    with warnings.catch_warnings():
        warnings.simplefilter("error", PartialImportWarning)
        papers = read_ris(path)
    assert len(papers) == 6 and papers[0].title == expected["first"]
    assert [len(p.authors) for p in papers] == expected["authors"]
    assert [p.doi for p in papers] == expected["dois"]
    dates = [(p.published.year, p.published.month, p.published.day, p.extra.get("date_precision")) for p in papers]
    assert dates == expected["dates"]
    assert [len(p.keywords) for p in papers] == expected["keywords"]
    assert all(p.abstract and p.journal_ref for p in papers)  # AB or N2; T2, JF or JO


@pytest.mark.realdata
def test_real_exports_have_24_distinct_papers_and_read_back(tmp_path: Path) -> None:
    paths = sorted((FIXTURES / "ris").glob("*.ris"))
    lib = paperlab.load(*paths)
    assert len(lib) == 24
    papers = [p for path in paths for p in read_ris(path)]
    back = read_ris(write_ris(papers, tmp_path / "all.ris"))
    assert [_fields(p) for p in back] == [_fields(p) for p in papers]


def test_several_authors_on_one_au_a1_or_a2_line_are_one_name_each(tmp_path: Path) -> None:
    with pytest.warns(PartialImportWarning, match=r"record 4, line 23: expected a title"):
        papers = read_ris(RIS / "several-authors-a-line.ris")
    assert [p.authors for p in papers] == [
        ["Ada Quill", "Dora Okafor", "Pieter van der Berg"],
        ["Saga Lund", "Oona Vale"],
        ["Emi Nakamura", "Ada Quill", "Dora Okafor"],
    ]
    assert "editors" not in papers[0].extra["ris"]
    assert papers[1].extra["ris"]["editors"] == ["Tomas Marsh", "Chika Ibe"]
    back = read_ris(write_ris(papers, tmp_path / "out.ris"))
    assert [p.authors for p in back] == [p.authors for p in papers]
    assert back[1].extra["ris"]["editors"] == ["Tomas Marsh", "Chika Ibe"]
