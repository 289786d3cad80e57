"""arXiv Atom feeds and the Kaggle arXiv metadata snapshot, read from real files.

Sources (see ../shared/fixtures/PROVENANCE.md):
- arxiv_atom/extracted_bodies/*.xml: lukasschwab/arxiv.py tests/fixtures @ 1e25a34, recorded 2026-04-12
  (2025/26 serialisation), decoded from arxiv_atom/arxiv.py_recordings/*.json.
- arxiv_atom/legacy_format/zoia_id_list_1601.00001_2020.xml: joe-antognini/zoia @ 5034d22 (old serialisation).
- arxiv_kaggle_metadata/arxivSpider_mnbvc_kaggle-snapshot_first200.jsonl: wanng-ide/arxivSpider_mnbvc @ ccfac71.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from paths import FIXTURES

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.arxiv import AtomPage, iter_kaggle, parse_atom, read_atom, read_kaggle

BODIES = FIXTURES / "arxiv_atom" / "extracted_bodies"
RECORDINGS = FIXTURES / "arxiv_atom" / "arxiv.py_recordings"
LEGACY = FIXTURES / "arxiv_atom" / "legacy_format" / "zoia_id_list_1601.00001_2020.xml"
KAGGLE = FIXTURES / "arxiv_kaggle_metadata" / "arxivSpider_mnbvc_kaggle-snapshot_first200.jsonl"
Q100 = BODIES / "q_testing_s0_m100_cfe7536492ca.xml"


def body(prefix: str) -> Path:
    (path,) = BODIES.glob(prefix + "*.xml")
    return path


# -- Atom: the 2025/26 serialisation ---------------------------------------------------------


def test_search_page_counts_match_the_feed() -> None:
    page = parse_atom(Q100.read_bytes(), source=str(Q100))
    assert isinstance(page, AtomPage)
    assert (len(page.papers), page.total_results, page.start_index, page.items_per_page) == (100, 214881, 0, 100)
    assert sum(1 for p in page.papers if p.comment) == 97
    assert sum(1 for p in page.papers if p.journal_ref) == 18
    assert sum(1 for p in page.papers if p.doi) == 32
    assert len({p.arxiv_id for p in page.papers}) == 100
    assert "100 papers" in repr(page) and "214881" in repr(page)


def test_first_entry_fields() -> None:
    first = parse_atom(Q100.read_bytes(), source=str(Q100)).papers[0]
    assert first.title == "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques"
    assert (first.arxiv_id, first.version, first.id) == ("2202.12139", 1, "2202.12139")
    assert first.authors == ["Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"]
    assert first.published == first.updated == dt.date(2022, 2, 24)
    assert first.categories == ["cs.SE", "cs.LG"] and first.primary_category == "cs.SE"
    assert first.comment == "Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022"
    assert first.journal_ref.startswith("Artificial Intelligence in Software Testing @ 2022 IEEE")
    assert first.doi == "10.1109/ICSTW55395.2022.00035"
    assert first.url == "https://arxiv.org/abs/2202.12139v1"
    assert first.pdf_url == "https://arxiv.org/pdf/2202.12139v1"
    assert first.abstract.startswith("Deep Learning (DL) has revolutionized")
    assert first.abstract.endswith("discuss its results.")
    (src,) = first.sources
    assert (src.name, src.location, src.record) == ("arxiv", str(Q100), "entry 1")


def test_latex_and_non_ascii_are_preserved() -> None:
    papers = {p.arxiv_id: p for p in read_atom(Q100)}
    assert papers["2306.03845"].title == "$ω$Test: WebView-Oriented Testing for Android Applications"
    assert "José Raúl Romero" in papers["2405.13786"].authors
    assert papers["2202.06271"].authors[0] == "Katharina Götz"
    assert "number of i.i.d.\\ samples" in papers["2403.16981"].abstract


def test_abstract_leading_spaces_stripped_and_paragraphs_kept() -> None:
    papers = {p.arxiv_id: p for p in read_atom(Q100)}
    # an old paper: the new serialisation keeps arXiv's two leading spaces
    assert papers["cs/0503050"].abstract.startswith("A systematic, language-independent method")
    # "\n  " marks a paragraph: kept as one newline, the indentation dropped
    assert papers["2206.10210"].abstract.startswith(
        "Context: Machine learning (ML) may enable effective automated test generation.\n"
        "Objective: We characterize emerging research"
    )
    assert all("\n " not in p.abstract and not p.abstract.startswith(" ") for p in papers.values())


def test_old_style_id_with_affiliations() -> None:
    (paper,) = read_atom(body("id_astro-ph_0601001"))
    assert (paper.arxiv_id, paper.version) == ("astro-ph/0601001", 1)
    assert paper.authors == ["Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski"]
    assert paper.extra["affiliations"] == {
        "Andrew Gould": ["Ohio State"],
        "Susan Dorsher": ["Ohio State"],
        "B. Scott Gaudi": ["CfA"],
        "Andrzej Udalski": ["Warsaw University Observatory"],
    }
    assert paper.journal_ref == "ActaAstron.56:1-50,2006"
    assert paper.categories == ["astro-ph"] and paper.primary_category == "astro-ph"
    assert "Gould & Morgan (2003)" in paper.abstract and "V_max<17.5" in paper.abstract


def test_versioned_old_style_id() -> None:
    (paper,) = read_atom(body("id_quant-ph_0201082v1"))
    assert (paper.id, paper.arxiv_id, paper.version) == ("quant-ph/0201082", "quant-ph/0201082", 1)
    assert paper.categories == ["quant-ph", "cs.PL"]
    assert paper.comment == "32 pages"
    assert paper.published == dt.date(2002, 1, 18)


def test_error_feed_is_a_parse_error_quoting_arxiv() -> None:
    path = body("id_abc")
    with pytest.raises(ParseError, match="incorrect id format for abc") as info:
        read_atom(path)
    assert info.value.source == str(path)


@pytest.mark.parametrize("prefix", ["id_0000.0000", "id_0808.05394_s0"])
def test_empty_results(prefix: str) -> None:
    page = parse_atom(body(prefix).read_bytes())
    assert page.papers == [] and page.total_results == 0


def test_broken_xml_is_a_parse_error_naming_the_line() -> None:
    data = Q100.read_bytes()
    with pytest.raises(ParseError, match="expected an arXiv Atom XML feed") as info:
        parse_atom(data[: len(data) // 2], source="half.xml")
    assert info.value.source == "half.xml" and info.value.where.startswith("line ")
    with pytest.raises(ParseError, match="expected an Atom <feed>"):
        parse_atom(b"<html><body>Service Unavailable</body></html>", source="x")


def test_recordings_decode_to_the_extracted_bodies() -> None:
    rec = json.loads((RECORDINGS / "q_testing_s0_m100_cfe7536492ca.json").read_text())
    when = dt.datetime(2026, 4, 12, tzinfo=dt.timezone.utc)  # fixed, so both parses stamp the same time
    assert (
        parse_atom(rec["body"].encode("latin-1"), retrieved=when).papers
        == parse_atom(Q100.read_bytes(), retrieved=when).papers
    )


# -- Atom: the legacy serialisation ----------------------------------------------------------


def test_legacy_serialisation_same_semantics() -> None:
    page = parse_atom(LEGACY.read_bytes(), source=str(LEGACY))
    assert (page.total_results, page.start_index, page.items_per_page) == (1, 0, 10)
    (paper,) = page.papers
    assert paper.title == "Inelastic effects in molecular transport junctions: The probe technique at high bias"
    assert (paper.arxiv_id, paper.version) == ("1601.00001", 1)
    assert paper.authors == ["Michael Kilgour", "Dvira Segal"]
    assert paper.abstract.startswith(
        'We extend the Landauer-B\\"uttiker probe formalism for conductances to the high bias regime, and study'
    )
    assert "\n" not in paper.abstract and "  " not in paper.abstract
    assert paper.abstract.endswith("transport far-from-equilibrium.")
    assert paper.journal_ref == "J. Chem. Phys. 144, 124107 (2016)"
    assert paper.doi == "10.1063/1.4944470"
    assert paper.categories == ["cond-mat.mes-hall"] and paper.primary_category == "cond-mat.mes-hall"
    assert paper.published == paper.updated == dt.date(2015, 12, 26)
    assert paper.url == "http://arxiv.org/abs/1601.00001v1"
    assert paper.pdf_url == "http://arxiv.org/pdf/1601.00001v1"


# -- Kaggle arXiv metadata -----------------------------------------------------------------------


def test_kaggle_reads_all_200() -> None:
    papers = read_kaggle(KAGGLE)
    assert len(papers) == 200
    assert papers[0].arxiv_id == "0704.0001" and papers[-1].arxiv_id == "0704.0200"
    assert all(p.sources[0].name == "kaggle" for p in papers)
    assert papers[41].sources[0].record == "line 42"


def test_kaggle_first_record_fields() -> None:
    p = next(iter_kaggle(KAGGLE))
    assert p.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    assert p.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"]
    assert p.comment == "37 pages, 15 figures; published version"
    assert p.journal_ref == "Phys.Rev.D76:013009,2007"
    assert p.doi == "10.1103/PhysRevD.76.013009"
    assert p.categories == ["hep-ph"] and p.primary_category == "hep-ph"
    assert p.published == dt.date(2007, 4, 2)  # v1: "Mon, 2 Apr 2007 19:18:42 GMT"
    assert p.updated == dt.date(2008, 11, 26)
    assert p.version == 2
    assert p.abstract.startswith(
        "A fully differential calculation in perturbative quantum chromodynamics is presented for the production"
    )
    assert p.abstract.endswith("judicious selection of events.") and "\n" not in p.abstract


def test_kaggle_categories_primary_first() -> None:
    papers = read_kaggle(KAGGLE)
    assert papers[1].categories == ["math.CO", "cs.CG"] and papers[1].primary_category == "math.CO"


def test_kaggle_latex_author_names_become_unicode() -> None:
    # without authors_parsed the raw "authors" string is used: C. Bal\'azs -> C. Balázs (pylatexenc)
    record = json.loads(KAGGLE.read_text(encoding="utf-8").splitlines()[0])
    assert record["authors"].startswith("C. Bal\\'azs")
    del record["authors_parsed"]
    (paper,) = iter_kaggle(io.StringIO(json.dumps(record) + "\n"))
    assert paper.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"]
    # LaTeX inside authors_parsed (as in later parts of the full snapshot) is converted too
    record["authors_parsed"] = [["Bal\\'azs", "C.", ""], ['Gr{\\"o}bner', "W.", ""]]
    (paper,) = iter_kaggle(io.StringIO(json.dumps(record) + "\n"))
    assert paper.authors == ["C. Balázs", "W. Gröbner"]


def test_kaggle_wrapped_titles_unwrapped() -> None:
    raw = [json.loads(line) for line in KAGGLE.read_text(encoding="utf-8").splitlines()]
    wrapped = {r["id"]: " ".join(r["title"].split()) for r in raw if "\n" in r["title"]}
    assert len(wrapped) == 68
    papers = {p.arxiv_id: p for p in read_kaggle(KAGGLE)}
    for arxiv_id, title in wrapped.items():
        assert papers[arxiv_id].title == title
    assert all("\n" not in p.title and "  " not in p.title for p in papers.values())
    assert all(not p.abstract.startswith(" ") for p in papers.values())


def test_kaggle_affiliations_from_authors_parsed() -> None:
    papers = {p.arxiv_id: p for p in read_kaggle(KAGGLE)}
    affs = [p.extra["affiliations"] for p in papers.values() if "affiliations" in p.extra]
    assert {
        "Bozhidar Z. Iliev": [
            "Institute for Nuclear Research and Nuclear Energy, Bulgarian Academy of Sciences, Sofia, Bulgaria"
        ]
    } in affs


def test_kaggle_bad_lines_skipped_and_named(tmp_path: Path) -> None:
    lines = KAGGLE.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[16] = lines[16][:100] + "\n"  # line 17: cut off -> invalid JSON
    record = json.loads(lines[149])
    del record["title"]
    lines[149] = json.dumps(record) + "\n"  # line 150: no title
    bad = tmp_path / "corrupted.jsonl"
    bad.write_text("".join(lines), encoding="utf-8")
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_kaggle(bad)
    assert len(papers) == 198
    message = str(caught[0].message)
    assert "line 17" in message and "line 150" in message and "kept 198" in message
    warning = caught[0].message
    assert isinstance(warning, PartialImportWarning)
    assert [p.where for p in warning.problems] == ["line 17", "line 150"]
    assert warning.problems[1].message.endswith("expected a non-empty 'title'")
    # the streaming reader warns by itself when nobody collects problems
    with pytest.warns(PartialImportWarning, match="line 17"):
        assert sum(1 for _ in iter_kaggle(bad)) == 198


def test_kaggle_nothing_usable_is_a_parse_error(tmp_path: Path) -> None:
    bad = tmp_path / "notkaggle.jsonl"
    bad.write_text('not json\n{"id": "0704.0001"}\n', encoding="utf-8")
    with pytest.raises(ParseError, match="no usable") as info:
        read_kaggle(bad)
    assert info.value.where == "line 1" and len(info.value.problems) == 2


def test_kaggle_streams_binary_file_objects() -> None:
    with open(KAGGLE, "rb") as fh:
        it = iter_kaggle(fh)
        first = next(it)
        assert first.arxiv_id == "0704.0001"
        assert sum(1 for _ in it) == 199


# -- paperlab.load() auto-detection ------------------------------------------------------------


def test_load_detects_atom_and_kaggle(tmp_path: Path) -> None:
    assert detect_format(Q100) == "arxiv_atom"
    assert detect_format(KAGGLE) == "kaggle"
    lib = paperlab.load(Q100)
    assert len(lib) == 100 and lib["2202.12139"].primary_category == "cs.SE"
    lib = paperlab.load(KAGGLE)
    assert len(lib) == 200 and lib["0704.0001"].authors[0] == "C. Balázs"
    # content sniffing, without the telling extension
    feed = tmp_path / "feed"
    shutil.copy(LEGACY, feed)
    assert detect_format(feed) == "arxiv_atom"
    assert paperlab.load(feed)["1601.00001"].doi == "10.1063/1.4944470"
