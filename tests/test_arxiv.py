"""arXiv Atom feeds and the Kaggle arXiv metadata snapshot.

Own files (``tests/data/arxiv/``, written for these tests; the expected values below are read off them):
- search_page.xml: the 2025/26 serialisation, 6 entries (totalResults 1234) with one of every quirk:
  a title wrapped over two lines, LaTeX with ``|`` in a title and abstracts, accented names, versions 1-3,
  primary/other categories, DOI, journal_ref, a wrapped comment, indented paragraphs, two leading spaces,
  old-style ids, affiliations.
- legacy.xml: the older serialisation (per-element namespaces, 80-column wraps).
- error_abc.xml: arXiv's error entry; empty.xml: an answer with no entries.
- kaggle_snapshot.jsonl: 7 snapshot records: LaTeX in names, wrapped titles, affiliations, a suffix,
  no authors_parsed, missing and empty fields, an empty versions list.

Real files (``realdata``; see ``$PAPERLAB_REALDATA/fixtures/PROVENANCE.md``):
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
from paths import DATA, FIXTURES

import paperlab
from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import detect_format
from paperlab.sources.arxiv import AtomPage, iter_kaggle, parse_atom, read_atom, read_kaggle

BODIES = FIXTURES / "arxiv_atom" / "extracted_bodies"
RECORDINGS = FIXTURES / "arxiv_atom" / "arxiv.py_recordings"
LEGACY = FIXTURES / "arxiv_atom" / "legacy_format" / "zoia_id_list_1601.00001_2020.xml"
KAGGLE = FIXTURES / "arxiv_kaggle_metadata" / "arxivSpider_mnbvc_kaggle-snapshot_first200.jsonl"
Q100 = BODIES / "q_testing_s0_m100_cfe7536492ca.xml"

OWN = DATA / "arxiv"
PAGE = OWN / "search_page.xml"
OWN_LEGACY = OWN / "legacy.xml"
OWN_KAGGLE = OWN / "kaggle_snapshot.jsonl"


def body(prefix: str) -> Path:
    (path,) = BODIES.glob(prefix + "*.xml")
    return path


# -- Atom: the 2025/26 serialisation ---------------------------------------------------------


@pytest.mark.realdata
def test_search_page_counts_match_the_feed() -> None:
    page = parse_atom(Q100.read_bytes(), source=str(Q100))
    assert isinstance(page, AtomPage)
    assert (len(page.papers), page.total_results, page.start_index, page.items_per_page) == (100, 214881, 0, 100)
    assert sum(1 for p in page.papers if p.comment) == 97
    assert sum(1 for p in page.papers if p.journal_ref) == 18
    assert sum(1 for p in page.papers if p.doi) == 32
    assert len({p.arxiv_id for p in page.papers}) == 100
    assert "100 papers" in repr(page) and "214881" in repr(page)


@pytest.mark.realdata
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


@pytest.mark.realdata
def test_latex_and_non_ascii_are_preserved() -> None:
    papers = {p.arxiv_id: p for p in read_atom(Q100)}
    assert papers["2306.03845"].title == "$ω$Test: WebView-Oriented Testing for Android Applications"
    assert "José Raúl Romero" in papers["2405.13786"].authors
    assert papers["2202.06271"].authors[0] == "Katharina Götz"
    assert "number of i.i.d.\\ samples" in papers["2403.16981"].abstract


@pytest.mark.realdata
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


@pytest.mark.realdata
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


@pytest.mark.realdata
def test_versioned_old_style_id() -> None:
    (paper,) = read_atom(body("id_quant-ph_0201082v1"))
    assert (paper.id, paper.arxiv_id, paper.version) == ("quant-ph/0201082", "quant-ph/0201082", 1)
    assert paper.categories == ["quant-ph", "cs.PL"]
    assert paper.comment == "32 pages"
    assert paper.published == dt.date(2002, 1, 18)


@pytest.mark.realdata
def test_error_feed_is_a_parse_error_quoting_arxiv() -> None:
    path = body("id_abc")
    with pytest.raises(ParseError, match="incorrect id format for abc") as info:
        read_atom(path)
    assert info.value.source == str(path)


@pytest.mark.realdata
@pytest.mark.parametrize("prefix", ["id_0000.0000", "id_0808.05394_s0"])
def test_empty_results(prefix: str) -> None:
    page = parse_atom(body(prefix).read_bytes())
    assert page.papers == [] and page.total_results == 0


@pytest.mark.realdata
def test_broken_xml_is_a_parse_error_naming_the_line() -> None:
    data = Q100.read_bytes()
    with pytest.raises(ParseError, match="expected an arXiv Atom XML feed") as info:
        parse_atom(data[: len(data) // 2], source="half.xml")
    assert info.value.source == "half.xml" and info.value.where.startswith("line ")
    with pytest.raises(ParseError, match="expected an Atom <feed>"):
        parse_atom(b"<html><body>Service Unavailable</body></html>", source="x")


@pytest.mark.realdata
def test_recordings_decode_to_the_extracted_bodies() -> None:
    rec = json.loads((RECORDINGS / "q_testing_s0_m100_cfe7536492ca.json").read_text())
    when = dt.datetime(2026, 4, 12, tzinfo=dt.timezone.utc)  # fixed, so both parses stamp the same time
    assert (
        parse_atom(rec["body"].encode("latin-1"), retrieved=when).papers
        == parse_atom(Q100.read_bytes(), retrieved=when).papers
    )


# -- Atom: the legacy serialisation ----------------------------------------------------------


@pytest.mark.realdata
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


@pytest.mark.realdata
def test_kaggle_reads_all_200() -> None:
    papers = read_kaggle(KAGGLE)
    assert len(papers) == 200
    assert papers[0].arxiv_id == "0704.0001" and papers[-1].arxiv_id == "0704.0200"
    assert all(p.sources[0].name == "kaggle" for p in papers)
    assert papers[41].sources[0].record == "line 42"


@pytest.mark.realdata
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


@pytest.mark.realdata
def test_kaggle_categories_primary_first() -> None:
    papers = read_kaggle(KAGGLE)
    assert papers[1].categories == ["math.CO", "cs.CG"] and papers[1].primary_category == "math.CO"


@pytest.mark.realdata
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


@pytest.mark.realdata
def test_kaggle_wrapped_titles_unwrapped() -> None:
    raw = [json.loads(line) for line in KAGGLE.read_text(encoding="utf-8").splitlines()]
    wrapped = {r["id"]: " ".join(r["title"].split()) for r in raw if "\n" in r["title"]}
    assert len(wrapped) == 68
    papers = {p.arxiv_id: p for p in read_kaggle(KAGGLE)}
    for arxiv_id, title in wrapped.items():
        assert papers[arxiv_id].title == title
    assert all("\n" not in p.title and "  " not in p.title for p in papers.values())
    assert all(not p.abstract.startswith(" ") for p in papers.values())


@pytest.mark.realdata
def test_kaggle_affiliations_from_authors_parsed() -> None:
    papers = {p.arxiv_id: p for p in read_kaggle(KAGGLE)}
    affs = [p.extra["affiliations"] for p in papers.values() if "affiliations" in p.extra]
    assert {
        "Bozhidar Z. Iliev": [
            "Institute for Nuclear Research and Nuclear Energy, Bulgarian Academy of Sciences, Sofia, Bulgaria"
        ]
    } in affs


@pytest.mark.realdata
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


@pytest.mark.realdata
def test_kaggle_streams_binary_file_objects() -> None:
    with open(KAGGLE, "rb") as fh:
        it = iter_kaggle(fh)
        first = next(it)
        assert first.arxiv_id == "0704.0001"
        assert sum(1 for _ in it) == 199


# -- paperlab.load() auto-detection ------------------------------------------------------------


@pytest.mark.realdata
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


# == the same behaviours on our own files (tests/data/arxiv) ====================================

# -- Atom: the 2025/26 serialisation ---------------------------------------------------------


def own_papers() -> dict[str, paperlab.Paper]:
    return {p.arxiv_id: p for p in read_atom(PAGE)}


def test_own_search_page_counts_match_the_feed() -> None:
    page = parse_atom(PAGE.read_bytes(), source=str(PAGE))
    assert isinstance(page, AtomPage)
    assert (len(page.papers), page.total_results, page.start_index, page.items_per_page) == (6, 1234, 0, 6)
    assert [p.arxiv_id for p in page.papers] == [
        "2202.12139",
        "2306.03845",
        "2405.11454",
        "astro-ph/0601001",
        "quant-ph/0201082",
        "cs/0503050",
    ]
    assert sum(1 for p in page.papers if p.comment) == 4
    assert sum(1 for p in page.papers if p.journal_ref) == 2
    assert sum(1 for p in page.papers if p.doi) == 1
    assert repr(page) == "AtomPage(6 papers, total_results=1234, start_index=0, items_per_page=6)"


def test_own_first_entry_fields() -> None:
    first = parse_atom(PAGE.read_bytes(), source=str(PAGE)).papers[0]
    assert first.title == "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques"
    assert (first.arxiv_id, first.version, first.id) == ("2202.12139", 1, "2202.12139")
    assert first.authors == ["Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"]
    assert first.published == first.updated == dt.date(2022, 2, 24)
    assert first.categories == ["cs.SE", "cs.LG"] and first.primary_category == "cs.SE"
    assert first.comment == "Workshop paper @ ICST 2022"
    assert first.journal_ref == "Proceedings of a testing workshop, pages 1-8"
    assert first.doi == "10.1109/ICSTW55395.2022.00035"
    assert first.url == "https://arxiv.org/abs/2202.12139v1"
    assert first.pdf_url == "https://arxiv.org/pdf/2202.12139v1"
    assert first.abstract == (
        "We compare four ways of testing deep learning models on a small vision benchmark. "
        "Our comparison is written for this test file and says nothing about the real paper."
    )
    assert first.extra == {}
    (src,) = first.sources
    assert (src.name, src.location, src.record) == ("arxiv", str(PAGE), "entry 1")


def test_own_wrapped_title_latex_and_non_ascii() -> None:
    papers = own_papers()
    omega = papers["2306.03845"]
    # the title is wrapped over two lines in the feed, the comment too
    assert omega.title == "$ω$Test: WebView-Oriented Testing for Android Applications"
    assert omega.comment == "12 pages, 5 figures"
    assert omega.authors == ["Katharina Götz", "José Raúl Romero", "Zoë Ngô"]
    assert (omega.version, omega.published, omega.updated) == (3, dt.date(2023, 6, 6), dt.date(2024, 1, 15))
    assert (omega.journal_ref, omega.doi) == (None, None)
    lipschitz = papers["2405.11454"]
    assert lipschitz.title == "Lipschitz Bounds for $|f|$ Under i.i.d. Noise"
    assert lipschitz.abstract.startswith("We show $|f(x)-f(y)| \\le L|x-y|$ from the number of i.i.d.\\ samples alone.")
    assert lipschitz.abstract.count("|") == 4
    assert lipschitz.categories == ["math.ST", "stat.TH", "cs.LG"] and lipschitz.primary_category == "math.ST"


def test_own_abstract_leading_spaces_stripped_and_paragraphs_kept() -> None:
    papers = own_papers()
    # two leading spaces (old papers in the new serialisation) go; "\n  " marks a paragraph
    assert papers["cs/0503050"].abstract == (
        "Paths of a program are counted with $|E|-|N|+2$.\nThe base of the path space is tested."
    )
    # a bare newline is only a wrap; the indentation of a new paragraph is dropped
    assert papers["2405.11454"].abstract.split("\n")[1:] == [
        "A second paragraph starts on an indented line.",
        "And a third one, with a wrapped line inside it.",
    ]
    assert all("\n " not in p.abstract and not p.abstract.startswith(" ") for p in papers.values())


def test_own_old_style_id_with_affiliations() -> None:
    paper = own_papers()["astro-ph/0601001"]
    assert (paper.arxiv_id, paper.version) == ("astro-ph/0601001", 1)
    assert paper.authors == ["Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski"]
    # an author without affiliation has no key; one with two keeps both, in order
    assert paper.extra["affiliations"] == {
        "Andrew Gould": ["Ohio State"],
        "Susan Dorsher": ["Ohio State"],
        "B. Scott Gaudi": ["CfA", "Harvard"],
    }
    assert paper.journal_ref == "ActaAstron.56:1-50,2006" and paper.comment is None
    assert paper.categories == ["astro-ph"] and paper.primary_category == "astro-ph"
    assert "Smith & Jones (2003)" in paper.abstract and "V_max<17.5" in paper.abstract  # XML entities decoded
    assert paper.url == "https://arxiv.org/abs/astro-ph/0601001v1"


def test_own_versioned_old_style_id() -> None:
    paper = own_papers()["quant-ph/0201082"]
    assert (paper.id, paper.arxiv_id, paper.version) == ("quant-ph/0201082", "quant-ph/0201082", 2)
    assert paper.categories == ["quant-ph", "cs.PL"]
    assert paper.comment == "32 pages"
    assert (paper.published, paper.updated) == (dt.date(2002, 1, 18), dt.date(2002, 3, 4))
    assert paper.pdf_url == "https://arxiv.org/pdf/quant-ph/0201082v2"


def test_own_error_feed_is_a_parse_error_quoting_arxiv() -> None:
    path = OWN / "error_abc.xml"
    with pytest.raises(ParseError, match="arXiv API error: incorrect id format for abc") as info:
        read_atom(path)
    assert info.value.source == str(path)


def test_own_empty_results() -> None:
    page = parse_atom((OWN / "empty.xml").read_bytes())
    assert page.papers == [] and (page.total_results, page.start_index, page.items_per_page) == (0, 0, 100)


def test_own_broken_xml_is_a_parse_error_naming_the_line() -> None:
    data = PAGE.read_bytes()
    with pytest.raises(ParseError, match="expected an arXiv Atom XML feed") as info:
        parse_atom(data[: len(data) // 2], source="half.xml")
    assert info.value.source == "half.xml" and info.value.where.startswith("line ")
    with pytest.raises(ParseError, match="expected an Atom <feed>"):
        parse_atom(b"<html><body>Service Unavailable</body></html>", source="x")


def test_own_retrieved_time_is_stamped_and_parsing_is_deterministic() -> None:
    when = dt.datetime(2026, 4, 12, tzinfo=dt.timezone.utc)
    first = parse_atom(PAGE.read_bytes(), retrieved=when).papers
    assert first == parse_atom(PAGE.read_bytes(), retrieved=when).papers
    assert {p.sources[0].retrieved for p in first} == {when}
    assert [p.sources[0].location for p in first] == ["<string>"] * 6


# -- Atom: the legacy serialisation ----------------------------------------------------------


def test_own_legacy_serialisation_same_semantics() -> None:
    page = parse_atom(OWN_LEGACY.read_bytes(), source=str(OWN_LEGACY))
    assert (page.total_results, page.start_index, page.items_per_page) == (1, 0, 10)
    (paper,) = page.papers
    assert paper.title == "Inelastic effects in molecular transport junctions: The probe technique at high bias"
    assert (paper.arxiv_id, paper.version) == ("1601.00001", 1)
    assert paper.authors == ["Michael Kilgour", "Dvira Segal"]
    assert paper.abstract == (
        'A summary written for the tests in the old layout: B\\"uttiker probes at high bias, wrapped at eighty '
        "columns with bare newlines, so that joining the lines gives one paragraph with single spaces and "
        "$I$-$V$ curves intact."
    )
    assert paper.journal_ref == "J. Chem. Phys. 144, 124107 (2016)"
    assert paper.doi == "10.1063/1.4944470"
    assert paper.categories == ["cond-mat.mes-hall"] and paper.primary_category == "cond-mat.mes-hall"
    assert paper.published == paper.updated == dt.date(2015, 12, 26)
    assert paper.url == "http://arxiv.org/abs/1601.00001v1"
    assert paper.pdf_url == "http://arxiv.org/pdf/1601.00001v1"


# -- Kaggle arXiv metadata -----------------------------------------------------------------------


def test_own_kaggle_reads_every_record() -> None:
    papers = read_kaggle(OWN_KAGGLE)
    assert [p.arxiv_id for p in papers] == [
        "0704.0001",
        "0704.0002",
        "0704.0066",
        "0704.0099",
        "0704.0100",
        "0704.0101",
        "2101.00001",
    ]
    assert all(p.sources[0].name == "kaggle" for p in papers)
    assert [p.sources[0].record for p in papers] == [f"line {i}" for i in range(1, 8)]
    assert papers[0].sources[0].location == str(OWN_KAGGLE)


def test_own_kaggle_first_record_fields() -> None:
    p = next(iter_kaggle(OWN_KAGGLE))
    # the title is wrapped with "\n  " in the file
    assert p.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    assert p.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"]  # from authors_parsed
    assert p.comment == "37 pages, 15 figures; published version"
    assert p.journal_ref == "Phys.Rev.D76:013009,2007"
    assert p.doi == "10.1103/PhysRevD.76.013009"
    assert p.categories == ["hep-ph"] and p.primary_category == "hep-ph"
    assert p.published == dt.date(2007, 4, 2)  # v1: "Mon, 2 Apr 2007 19:18:42 GMT"
    assert p.updated == dt.date(2008, 11, 26)
    assert p.version == 2
    assert p.abstract == (
        "A summary written for the tests, wrapped like the snapshot wraps them at eighty columns, "
        "ending with a newline."
    )
    assert p.pdf_url == "https://arxiv.org/pdf/0704.0001" and p.extra == {}


def test_own_kaggle_categories_primary_first_and_latex_kept_in_abstracts() -> None:
    p = read_kaggle(OWN_KAGGLE)[1]
    assert p.categories == ["math.CO", "cs.CG"] and p.primary_category == "math.CO"
    assert (p.journal_ref, p.doi) == (None, None)  # null in the file
    assert p.abstract == "Our own words: a $(k,\\ell)$-pebble game decides when $|E'| \\le k|V'|-\\ell$."
    assert p.published == dt.date(2007, 3, 31) and p.updated == dt.date(2008, 12, 13)


def test_own_kaggle_latex_author_names_become_unicode() -> None:
    lines = OWN_KAGGLE.read_text(encoding="utf-8").splitlines()
    # without authors_parsed the raw "authors" string is used: C. Bal\'azs -> C. Balázs (pylatexenc)
    record = json.loads(lines[0])
    assert record["authors"].startswith("C. Bal\\'azs")
    del record["authors_parsed"]
    (paper,) = iter_kaggle(io.StringIO(json.dumps(record) + "\n"))
    assert paper.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"]
    papers = {p.arxiv_id: p for p in read_kaggle(OWN_KAGGLE)}
    # record 5 has no authors_parsed in the file: "Ann One, Bob Two and Cy Thr\'ee"
    assert papers["0704.0100"].authors == ["Ann One", "Bob Two", "Cy Thrée"]
    # LaTeX inside authors_parsed: [["Gr{\"o}bner", "W.", ""], ...]
    assert papers["0704.0099"].authors == ["W. Gröbner", "A. Ex"]
    assert papers["0704.0099"].title == "A Title With $\\alpha$-Stable Noise"  # titles keep their LaTeX


def test_own_kaggle_wrapped_titles_unwrapped() -> None:
    raw = [json.loads(line) for line in OWN_KAGGLE.read_text(encoding="utf-8").splitlines()]
    wrapped = {r["id"]: " ".join(r["title"].split()) for r in raw if "\n" in r["title"]}
    assert wrapped == {
        "0704.0001": "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
        "0704.0066": "Made-up title: Lagrangian formalism on bundles",
    }
    papers = {p.arxiv_id: p for p in read_kaggle(OWN_KAGGLE)}
    for arxiv_id, title in wrapped.items():
        assert papers[arxiv_id].title == title
    assert all("\n" not in p.title and "  " not in p.title for p in papers.values())
    assert all(not (p.abstract or "x").startswith(" ") for p in papers.values())


def test_own_kaggle_affiliations_suffixes_and_paragraphs() -> None:
    p = {p.arxiv_id: p for p in read_kaggle(OWN_KAGGLE)}["0704.0066"]
    # [last, first, suffix, affiliation]: the affiliation is wrapped over two lines in the file
    assert p.authors == ["Bozhidar Z. Iliev", "John Doe Jr.", "Collaboration"]
    assert p.extra["affiliations"] == {
        "Bozhidar Z. Iliev": ["Institute for Nuclear Research and Nuclear Energy, Sofia, Bulgaria"]
    }
    assert p.abstract == "One paragraph.\nA second one, marked by indentation."
    assert p.categories == ["math-ph", "math.MP"] and p.version == 1 and p.comment is None


def test_own_kaggle_missing_and_empty_fields() -> None:
    papers = {p.arxiv_id: p for p in read_kaggle(OWN_KAGGLE)}
    bare = papers["0704.0101"]  # only id, title and an empty authors string
    assert (bare.title, bare.authors, bare.abstract, bare.version) == ("Only an Id and a Title", [], None, None)
    assert (bare.date_text, bare.updated, bare.categories, bare.primary_category) == ("2007-04", None, [], None)
    assert bare.date_inferred  # no versions: the month of its id
    assert (bare.comment, bare.journal_ref, bare.doi) == (None, None, None)
    empty = papers["2101.00001"]  # "versions": [], and "" for comments, journal-ref, doi
    assert (empty.version, empty.date_text, empty.updated) == (None, "2021-01", dt.date(2021, 1, 4))
    assert empty.date_inferred  # versions []: the month of its id
    assert (empty.comment, empty.journal_ref, empty.doi) == (None, None, None)
    assert empty.categories == ["cs.LG", "stat.ML"] and empty.primary_category == "cs.LG"
    three = papers["0704.0100"]  # no comments/journal-ref/doi keys at all; three versions
    assert (three.version, three.published, three.updated) == (3, dt.date(2007, 4, 6), dt.date(2007, 4, 8))


def test_own_kaggle_bad_lines_skipped_and_named(tmp_path: Path) -> None:
    lines = OWN_KAGGLE.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1][:60] + "\n"  # line 2: cut off -> invalid JSON
    record = json.loads(lines[4])
    del record["title"]
    lines[4] = json.dumps(record) + "\n"  # line 5: no title
    bad = tmp_path / "corrupted.jsonl"
    bad.write_text("".join(lines), encoding="utf-8")
    with pytest.warns(PartialImportWarning) as caught:
        papers = read_kaggle(bad)
    assert [p.arxiv_id for p in papers] == ["0704.0001", "0704.0066", "0704.0099", "0704.0101", "2101.00001"]
    message = str(caught[0].message)
    assert "line 2" in message and "line 5" in message and "kept 5" in message
    warning = caught[0].message
    assert isinstance(warning, PartialImportWarning)
    assert [p.where for p in warning.problems] == ["line 2", "line 5"]
    assert warning.problems[0].message.startswith("expected a JSON object per line")
    assert warning.problems[1].message == "paper 0704.0100: expected a non-empty 'title'"
    # the streaming reader warns by itself when nobody collects problems
    with pytest.warns(PartialImportWarning, match="line 2"):
        assert sum(1 for _ in iter_kaggle(bad)) == 5


def test_own_kaggle_streams_binary_file_objects() -> None:
    with open(OWN_KAGGLE, "rb") as fh:
        it = iter_kaggle(fh)
        first = next(it)
        assert first.arxiv_id == "0704.0001" and first.sources[0].location == str(OWN_KAGGLE)
        assert sum(1 for _ in it) == 6


# -- paperlab.load() auto-detection ------------------------------------------------------------


def test_own_load_detects_atom_and_kaggle(tmp_path: Path) -> None:
    assert detect_format(PAGE) == "arxiv_atom"
    assert detect_format(OWN_KAGGLE) == "kaggle"
    lib = paperlab.load(PAGE)
    assert len(lib) == 6 and lib["2202.12139"].primary_category == "cs.SE"
    lib = paperlab.load(OWN_KAGGLE)
    assert len(lib) == 7 and lib["0704.0001"].authors[0] == "C. Balázs"
    # content sniffing, without the telling extension
    feed = tmp_path / "feed"
    shutil.copy(OWN_LEGACY, feed)
    assert detect_format(feed) == "arxiv_atom"
    assert paperlab.load(feed)["1601.00001"].doi == "10.1063/1.4944470"
    snapshot = tmp_path / "snapshot"
    shutil.copy(OWN_KAGGLE, snapshot)
    assert detect_format(snapshot) == "kaggle"
