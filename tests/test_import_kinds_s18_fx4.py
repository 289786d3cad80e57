"""Import kinds session 17's fresh round described in words (benchmarks/README.md, "Session 17 test round"), each
reproduced on our own small file (session 18, helper FX4): a JSON list whose keys say how a field is written
(``authorsLine``, ``venueLine``); author objects naming the person under the role's own key (``author_name``); an
English serial byline "A, B and C"; a catalogue given as a record's ``source`` (no venue); an HTML character
reference braced mark by mark in a Mendeley title; life dates and DBLP's namesake number in names."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import paperlab


def _load(tmp_path: Path, name: str, text: str) -> paperlab.Library:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(str(path))


def test_keys_saying_how_a_field_is_written(tmp_path: Path) -> None:
    items = [
        {
            "title": "Lanterns in the Fog for Moth Navigation",
            "authorsLine": "Ada Quill, Bo Dale and Cy Renn",
            "venueLine": "Widget Letters",
        },
        {"title": "Widget Routing at Scale", "authorsLine": "Di Mole, Ed Finch", "venueLine": "Gadget Conference 2020"},
        {"title": "Moths at the Window", "authors_text": "Quill, Ada and Dale, Bo", "linkText": "PDF"},
    ]
    lib = _load(tmp_path, "lab.json", json.dumps(items))
    assert [p.authors for p in lib] == [
        ["Ada Quill", "Bo Dale", "Cy Renn"],
        ["Di Mole", "Ed Finch"],
        ["Ada Quill", "Bo Dale"],
    ]
    assert [p.journal_ref for p in lib] == ["Widget Letters", "Gadget Conference 2020", None]
    assert lib[2].url is None  # a link's label is no address


def test_author_objects_under_the_roles_own_key(tmp_path: Path) -> None:
    items = [
        {
            "title": "Lanterns in the Fog",
            "authors": [{"author_id": "1", "author_name": "Ada Quill"}, {"authorId": "2", "authorName": "Bo Dale"}],
            "year": 2021,
        }
    ]
    (paper,) = _load(tmp_path, "s2.json", json.dumps(items))
    assert paper.authors == ["Ada Quill", "Bo Dale"]


def test_a_catalogue_as_source_is_no_venue(tmp_path: Path) -> None:
    items = [
        {"title": "Lanterns in the Fog", "authors": ["Ada Quill"], "year": 2021, "source": "dblp"},
        {"title": "Widget Routing at Scale", "authors": ["Di Mole"], "year": 2020, "source": "Crossref"},
        {"title": "Moths at the Window", "authors": ["Cy Renn"], "year": 2019, "source": "Journal of Night Insects"},
    ]
    lib = _load(tmp_path, "archive.json", json.dumps(items))
    assert [p.journal_ref for p in lib] == [None, None, "Journal of Night Insects"]


def test_an_html_reference_braced_mark_by_mark(tmp_path: Path) -> None:
    bib = (
        "@article{m1, title = {Lanterns {&}{#}x2014; a study of moths}, author = {Quill, Ada}, year = 2020}\n"
        "@article{m2, title = {Moths {\\&}{\\#}8211; part two}, author = {Quill, Ada}, year = 2021}\n"
        "@article{m3, title = {AT{\\&}T lanterns}, author = {Quill, Ada}, year = 2022}\n"
    )
    lib = _load(tmp_path, "mendeley.bib", bib)
    assert [p.title for p in lib] == ["Lanterns \u2014 a study of moths", "Moths \u2013 part two", "AT&T lanterns"]


def test_life_dates_and_namesake_numbers_are_no_part_of_a_name(tmp_path: Path) -> None:
    items = [
        {
            "id": "a",
            "type": "book",
            "title": "History and class consciousness",
            "author": [{"family": "Lukács", "given": "Georg 1884-1945"}],
            "issued": {"date-parts": [["1971"]]},
        },
        {
            "id": "b",
            "type": "article-journal",
            "title": "Moths at the window",
            "author": [{"literal": "Zhongliang Zhang 0001"}, {"family": "Kant", "given": "Immanuel (1724-1804)"}],
            "issued": {"date-parts": [[2020]]},
        },
    ]
    lib = _load(tmp_path, "items.json", json.dumps(items))
    assert [p.authors for p in lib] == [["Georg Lukács"], ["Zhongliang Zhang", "Immanuel Kant"]]
    bib = "@misc{k, title = {Moths}, author = {Quill, Ada, 1950- and Wei Wang 0002}, year = 2020}\n"
    (paper,) = _load(tmp_path, "dblp.bib", bib)
    assert paper.authors == ["Ada Quill", "Wei Wang"]


def test_a_family_name_in_capitals_written_first(tmp_path: Path) -> None:
    bib = (
        "@article{r1, title = {Lanterns in the grid}, author = {RIPEANU Matei and FOSTER Ian}, year = 2002}\n"
        "@article{r2, title = {Moths in the grid}, author = {RIPEANU Matei,IMAMNITCHI Adriana, FOSTER Ian}, year = 2003}\n"
        "@article{r3, title = {Widgets in the grid}, author = {Jun ZHU and IEEE Computer Society}, year = 2004}\n"
    )
    lib = _load(tmp_path, "thesis.bib", bib)
    assert [p.authors for p in lib] == [
        ["Matei RIPEANU", "Ian FOSTER"],
        ["Matei RIPEANU", "Adriana IMAMNITCHI", "Ian FOSTER"],
        ["Jun ZHU", "IEEE Computer Society"],  # given name first already; an organisation as written
    ]


def test_authors_and_doi_from_a_records_formatted_citation(tmp_path: Path) -> None:
    """A Zotero group's items: a title and a year, the authors only in the formatted (HTML, escaped once more)
    citation; the citation of another title gives nothing."""
    escaped = (
        "&lt;div class=&quot;csl-entry&quot;&gt;Quill, A. B., &amp;amp; Dale, B. (2018). Widget routing at scale. "
        "&lt;i&gt;Journal of Widgets&lt;/i&gt;, &lt;i&gt;3&lt;/i&gt;(2), 1–10. https://doi.org/10.5555/widg.2018.3&lt;/div&gt;"
    )
    items = {
        "fetched": "2024-05-01",
        "items": [
            {"key": "AB12", "title": "Widget routing at scale", "year": "2018", "citation": escaped},
            {
                "key": "CD34",
                "title": "Lanterns in the fog",
                "year": "2020",
                "citation": '<div class="csl-entry">Renn, C. (2020). <i>Lanterns in the fog</i>. Moth Press.</div>',
            },
            {"key": "EF56", "title": "Moths at the window", "citation": "Vint, C. (2019). Another title. Moth Press."},
        ],
    }
    lib = _load(tmp_path, "group.json", json.dumps(items))
    assert [p.authors for p in lib] == [["A. B. Quill", "B. Dale"], ["C. Renn"], []]
    assert lib[0].doi == "10.5555/widg.2018.3" and lib[0].journal_ref == "Journal of Widgets"
    assert lib[0].extra["csl"] == {"volume": "3", "issue": "2", "page": "1–10"}  # the venue's numbers kept apart
    assert lib[1].journal_ref == "Moth Press" and lib[2].journal_ref is None


def test_and_in_thai_and_russian_bylines(tmp_path: Path) -> None:
    items = [
        {"title": "Lanterns in the fog", "authors": "สมชาย ใจดี, สมหญิง รักดี และ วิชัย มั่นคง", "year": 2014},
        {"title": "Moths at the window", "authors": "Иван Петров и Анна Смирнова", "year": 2015},
    ]
    lib = _load(tmp_path, "digest.json", json.dumps(items, ensure_ascii=False))
    assert [p.authors for p in lib] == [
        ["สมชาย ใจดี", "สมหญิง รักดี", "วิชัย มั่นคง"],
        ["Иван Петров", "Анна Смирнова"],
    ]


def test_a_year_closing_the_venue_dates_an_undated_record(tmp_path: Path) -> None:
    items = [
        {"title": "Lanterns in the Fog", "authorsLine": "Ada Quill, Bo Dale", "venueLine": "NeurIPS 2023"},
        {
            "title": "Widget Routing at Scale",
            "authorsLine": "Di Mole",
            "venueLine": "Proceedings of the Gadget (GC 2020)",
        },
        {"title": "Moths at the Window", "authorsLine": "Cy Renn", "venueLine": "Widget Letters 2021", "year": 2022},
        {"title": "Standards for Moths", "authorsLine": "Ed Finch", "venueLine": "ISO 9001"},
    ]
    lib = _load(tmp_path, "lab.json", json.dumps(items))
    assert [p.published.year if p.published else None for p in lib] == [2023, 2020, 2022, None]
    assert [p.journal_ref for p in lib] == [x["venueLine"] for x in items]  # the venue as written
