"""R2's findings on exports and detection (session 11): the volume, issue, pages, publisher and editors of RIS and
CSL records survive an export to BibTeX and CSL, a CSL item's type and id give the BibTeX entry type and key, a
RIS ID or CSL id finds the paper, a LaTeX-escaped DOI is the DOI, CSL name objects that mark a cut-short list or
write an organisation twice, and a markdown note with an "@handle" line. Own small files in tests/data/import_r2."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab.names import csl_name_text
from paperlab.sources import detect_format
from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex
from paperlab.sources.ris import read_ris, write_ris

DATA = Path(__file__).parent / "data" / "import_r2"


def _load(name: str) -> paperlab.Library:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(DATA / name)


def test_ris_volume_issue_pages_and_publisher_reach_bibtex_and_csl() -> None:
    lib = _load("kept_numbers.ris")
    bib = lib.to_bibtex()
    assert "@article{brindle2011counting," in bib
    for field in ("volume = {8}", "number = {2}", "pages = {41--57}", "publisher = {Cogwheel House}"):
        assert field in bib
    (item,) = lib.to_csl()
    assert (item["volume"], item["issue"], item["page"], item["id"]) == ("8", "2", "41\u201357", "brindle2011counting")


def test_a_ris_id_finds_the_paper_and_is_written_back_as_the_id(tmp_path: Path) -> None:
    lib = _load("kept_numbers.ris")
    assert lib["brindle2011counting"].title == "Counting sprockets in a humid workshop"
    papers = parse_bibtex("@misc{cogs2018, title = {The Book of Cogs}, author = {Ulric Marsh and others}}")
    text = write_ris(papers, tmp_path / "out.ris").read_text()
    assert "ID  - cogs2018" in text and "AU  - et al." in text
    (back,) = read_ris(tmp_path / "out.ris")
    assert back.extra.get("more_authors") is True


def test_csl_chapter_and_book_become_incollection_and_book_with_their_fields_and_ids() -> None:
    lib = _load("chapters.json")
    bib = lib.to_bibtex()
    assert "@incollection{sprocketChapter2015," in bib and "@book{cogs-book," in bib
    for field in (
        "booktitle = {A Handbook of Small Machines}",
        "pages = {77--90}",
        "volume = {3}",
        "editor = {Ulric Marsh}",
    ):
        assert field in bib
    assert lib["sprocketChapter2015"].title == "Sprockets under load"
    keys = [p.extra.get("bibtex_key") for p in parse_bibtex(bib)]
    assert keys == ["sprocketChapter2015", "cogs-book", "many-hands", "gearco-note"]


def test_a_latex_escaped_doi_is_the_doi_and_our_own_export_reimports_as_the_same_paper(tmp_path: Path) -> None:
    lib = _load("chapters.json")
    paper = lib["sprocketChapter2015"]
    assert paper.doi == "10.5555/hsm-2015_07"
    bib = lib.to_bibtex()
    assert "%5C" not in bib and "doi = {10.5555/hsm-2015_07}" in bib
    (tmp_path / "mine.bib").write_text(bib)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        both = paperlab.load(DATA / "chapters.json", tmp_path / "mine.bib")
    assert len(both) == len(lib)
    (old,) = parse_bibtex("@article{k, title = {Sprockets under load}, doi = {10.5555/hsm-2015%5C_07}}")
    assert old.doi == "10.5555/hsm-2015_07"  # what an earlier export wrote


def test_csl_et_al_family_marks_a_cut_short_list_and_an_organisation_written_twice_is_named_once() -> None:
    lib = _load("chapters.json")
    assert lib["many-hands"].authors == ["Tova Brindle"] and lib["many-hands"].extra.get("more_authors") is True
    assert lib["gearco-note"].authors == ["GearCo"]
    assert "author = {Tova Brindle and others}" in lib.to_bibtex()
    assert csl_name_text({"family": "Dale", "given": "Bea"}) == "Bea Dale"


def test_a_markdown_note_with_an_at_handle_line_is_markdown_not_bibtex(tmp_path: Path) -> None:
    assert detect_format(DATA / "handle_line.md") != "bibtex"
    lib = _load("handle_line.md")
    assert [p.title for p in lib] == ["Tiny Sprockets Turn Fast"]
    plain = tmp_path / "refs.txt"
    plain.write_text("% my refs\n@article{k1,\n  title = {Sprockets},\n}\n")
    assert detect_format(plain) == "bibtex"


def test_exports_round_trip_to_one_library() -> None:
    lib = _load("kept_numbers.ris")
    again = parse_bibtex(library_to_bibtex(lib))
    assert [p.extra["bibtex_key"] for p in again] == ["brindle2011counting"]


def test_a_suffix_after_a_given_first_name_a_title_before_a_name_and_an_organisation_in_capitals(
    tmp_path: Path,
) -> None:
    ris = tmp_path / "names.ris"
    ris.write_text(
        "TY  - JOUR\nTI  - Sprockets of the old school\nAU  - T. U. Brindle, III\nAU  - Prof. Ulric Marsh\n"
        "AU  - Quill, Dr. Ada\nAU  - Cogg, Bea, Jr.\nER  - \n"
    )
    (paper,) = read_ris(ris)
    assert paper.authors == ["T. U. Brindle III", "Ulric Marsh", "Ada Quill", "Bea Cogg Jr."]
    (org,) = parse_bibtex("@misc{k, title = {Gears today}, author = {USA, GEARS and KOWALCZYK, MARTA}}")
    assert org.authors == ["GEARS USA", "Marta Kowalczyk"]  # a person in capitals still in a name's case


def test_a_yaml_list_of_papers_reads_like_a_json_list_and_a_yaml_schedule_stays_a_schedule(tmp_path: Path) -> None:
    assert detect_format(DATA / "papers.yaml") == "json_list"
    lib = _load("papers.yaml")
    assert [(p.title, p.authors, p.year) for p in lib] == [
        ("The Sprocket Handbook", ["Tova Brindle", "Ulric Marsh"], 2019),
        ("Gears, Cogs and Chains", ["Bea Cogg"], 2021),
    ]
    first, second = lib
    assert first.url == "https://example.org/sprockets" and str(second.published) == "2021-03-04"
    assert detect_format(DATA / "meetings.yaml") == "schedule"
    config = tmp_path / "config.yaml"
    config.write_text("name: my config\nvalue: 3\n")
    try:
        detect_format(config)
    except paperlab.ParseError as exc:
        assert "list of papers" in str(exc)
    else:
        raise AssertionError("a YAML of no paper read as papers")
