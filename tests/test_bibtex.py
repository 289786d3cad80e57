"""BibTeX import/export (paperlab.sources.bibtex) on real .bib files from shared/fixtures/bibtex."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest
from paths import FIXTURES

from paperlab import Library, Paper, ParseError, PartialImportWarning, load
from paperlab.sources.bibtex import library_to_bibtex, paper_to_bibtex, parse_bibtex, read_bibtex

BIB = FIXTURES / "bibtex"
# plk/biblatex @ 8e5b060: 92 entries (plus 8 @string); the two @set entries have no title
BIBLATEX_EXAMPLES = BIB / "biblatex-examples.bib"
ZBB = BIB / "zotero-better-bibtex"
STRING_154 = ZBB / "Import fails to perform @String substitutions #154.bib"
ROUND_871 = ZBB / "Issues with round instead of curly braces do not import correctly #871.bib"
PERCENT_95 = ZBB / "Problem when importing BibTeX entries with percent sign #95 or preamble #96.bib"
EPRINTTYPE_959 = ZBB / "eprinttype field dropped on import #959.bib"

ROUND_TRIP_FIELDS = (
    "title",
    "authors",
    "published",
    "doi",
    "arxiv_id",
    "version",
    "abstract",
    "url",
    "journal_ref",
    "keywords",
    "comment",
    "primary_category",
)


def _examples() -> dict[str, Paper]:
    with pytest.warns(PartialImportWarning) as record:
        papers = read_bibtex(BIBLATEX_EXAMPLES)
    assert len(record) == 1
    return {p.extra["bibtex_key"]: p for p in papers}


# -- biblatex-examples.bib -------------------------------------------------------------------


def test_biblatex_examples_counts_and_skipped_entries() -> None:
    with pytest.warns(PartialImportWarning) as record:
        papers = read_bibtex(BIBLATEX_EXAMPLES)
    assert len(papers) == 90
    problems = record[0].message.problems
    assert [p.where for p in problems] == ["entry 'set', line 26", "entry 'stdmodel', line 31"]
    assert all("title" in p.message for p in problems)
    assert all(p.source == str(BIBLATEX_EXAMPLES) for p in problems)
    # file order is kept
    assert papers[0].extra == {"bibtex_key": "westfahl:space", "entry_type": "incollection"}
    assert papers[-1].extra["bibtex_key"] == "loh"


def test_biblatex_examples_arxiv_ids() -> None:
    papers = _examples()
    with_arxiv = {k: (p.arxiv_id, p.version, p.primary_category) for k, p in papers.items() if p.arxiv_id}
    assert with_arxiv == {
        "baez/article": ("math/0307200", 3, None),  # eprint = {math/0307200v3}, eprinttype = {arxiv}
        "baez/online": ("math/0307200", 3, None),
        "itzhaki": ("hep-th/9603067", 1, None),  # version from `version = 1`
        "wassenberg": ("1008.2849", 1, "cs.DS"),  # eprintclass = {cs.DS}
    }
    assert papers["wassenberg"].id == "1008.2849"
    assert papers["wassenberg"].categories == ["cs.DS"]
    # an eprint of another type is not an arXiv id
    assert papers["kullback:reprint"].arxiv_id is None


def test_biblatex_examples_accents_and_latex_become_unicode() -> None:
    papers = _examples()
    assert papers["aksin"].authors == [
        "Özge Aksın",
        "Hayati Türkmen",
        "Levent Artok",
        "Bekir Çetinkaya",
        "Chaoying Ni",
        "Orhan Büyükgüngör",
        "Erhan Özkal",
    ]
    assert papers["aksin"].title == (
        "Effect of immobilization on catalytic characteristics of saturated "
        "Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions"
    )
    assert papers["angenendt"].title == "In Honore Salvatoris – Vom Sinn und Unsinn der Patrozinienkunde"
    assert papers["angenendt"].journal_ref == "Revue d'Histoire Ecclésiastique"
    assert papers["averroes/hannes"].title == (
        "Des Averroës Abhandlung: “Über die Möglichkeit der Conjunktion” oder “Über den materiellen Intellekt”"
    )
    assert papers["kastenholz"].title.startswith("Computation of methodology-independent ionic solvation")
    assert papers["malinowski"].authors == ["Bronisław Malinowski"]
    assert papers["knuth:ct:b"].title == "TeX: The Program"
    assert papers["vazques-de-parga"].comment == "Ed. facs. de la realizada en 1948–49"
    # "Last, First" and "von" parts
    assert papers["vangennep"].authors == ["Arnold van Gennep"]
    assert papers["vazques-de-parga"].authors == ["Luis Vázques de Parga", "José María Lacarra", "Juan Uría Ríu"]


def test_biblatex_examples_fields() -> None:
    papers = _examples()
    # @string journaltitle = jomch, with `~` read as a space
    assert papers["aksin"].journal_ref == "J. Organomet. Chem."
    assert papers["aksin"].published == dt.date(2006, 1, 1)
    assert papers["shore"].published == dt.date(1991, 3, 1)  # date = {1991-03}
    assert papers["knuth:ct"].published == dt.date(1984, 1, 1)  # date = {1984/1986}
    assert papers["doody"].published == dt.date(1974, 1, 1)  # year = 1974
    assert papers["baez/online"].published == dt.date(2004, 10, 27)
    assert papers["westfahl:space"].title == (
        "The True Frontier: Confronting and Avoiding the Realities of Space in American Science Fiction Films"
    )  # title + subtitle
    assert papers["westfahl:space"].published is None
    assert papers["sigfridsson"].doi == "10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P"
    assert papers["markey"].url == "http://mirror.ctan.org/info/bibtex/tamethebeast/ttb_en.pdf"
    assert papers["aristotle:anima"].keywords == ["primary"]
    assert papers["itzhaki"].abstract.startswith(
        "We discuss the limitations of 't Hooft's proposal for the\nblack hole S-matrix."
    )
    assert papers["itzhaki"].title == "Some remarks on 't Hooft's S-matrix for black holes"
    assert papers["cms"].authors == []
    src = papers["itzhaki"].sources[0]
    assert (src.name, src.location, src.record) == ("bibtex", str(BIBLATEX_EXAMPLES), "itzhaki, line 1420")


def test_load_detects_bib_files() -> None:
    with pytest.warns(PartialImportWarning):
        lib = load(BIBLATEX_EXAMPLES, PERCENT_95)
    # duplicates inside the file merge (kullback reprints, baez article/online)
    assert len(lib) == 84
    assert lib["math/0307200v3"].title == "Higher-Dimensional Algebra V: 2-Groups"
    assert lib["10.1016/j.tsf.2009.05.016"].journal_ref == "Thin Solid Films"


# -- zotero-better-bibtex bug-report files ---------------------------------------------------------


def test_string_substitution_154() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (paper,) = read_bibtex(STRING_154)
    assert paper.title == "SQL is great"
    assert paper.authors == ["R. A. Bert"]
    assert paper.extra == {"bibtex_key": "Bert:2001:SQL", "entry_type": "book", "publisher": "Freds Publishing"}


def test_round_parenthesis_entry_and_concatenation_871() -> None:
    (paper,) = read_bibtex(ROUND_871)
    assert paper.title == "The CONNIVER Reference Manual"
    # author = MCDERMOTT # { and Gerald J. Sussman} with @String{MCDERMOTT = "McDermott, Drew V."}
    assert paper.authors == ["Drew V. McDermott", "Gerald J. Sussman"]
    assert paper.published == dt.date(1972, 5, 1)  # month = May (bare macro)
    assert paper.extra["entry_type"] == "techreport"


def test_percent_sign_and_preamble_95_96() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        papers = read_bibtex(PERCENT_95)
    assert len(papers) == 1  # the @PREAMBLE is not an entry
    (paper,) = papers
    assert paper.authors == ["O. Akhavan", "H. Tohidi", "A. Z. Moshfegh"]
    # an unescaped % is text, not a LaTeX comment that would eat the rest of the line
    assert "reduction\nof about 50% in a narrow wavelength range of 400-500" in paper.abstract
    # the file's own mojibake ("Â" before units) is kept as written
    assert paper.abstract.endswith("from 2.2% and 0.8\u00c2nm to 51% and\n21\u00c2nm, respectively.")
    assert paper.keywords == [
        "Copper oxides",
        "Nanoparticles",
        "Sol-gel deposition",
        "Optical properties",
        "Band-gap energy",
        "Electrochromic properties",
    ]
    assert paper.doi == "10.1016/j.tsf.2009.05.016"
    assert paper.id == "doi:10.1016/j.tsf.2009.05.016"
    assert paper.journal_ref == "Thin Solid Films"
    assert paper.published == dt.date(2009, 1, 1)


def test_eprinttype_959() -> None:
    (paper,) = read_bibtex(EPRINTTYPE_959)
    assert paper.title == (
        "Decidability of Quantified Propositional Intuitionistic Logic and S4 on Trees of Height and Arity ≤ω"
    )
    assert paper.arxiv_id is None  # eprinttype = {philpapers}
    assert paper.extra["eprint"] == "philpapers:ZACDOQ"
    assert paper.doi == "10.1023/B:LOGI.0000021744.10237.d0"
    assert paper.keywords == ["article"]


# -- hand-written entries: arXiv ids, names, errors -------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("eprint = {2101.00001v2}, archivePrefix = {arXiv}, primaryClass = {cs.LG}", ("2101.00001", 2, "cs.LG")),
        ("eprint = {math/0307200v3}, eprinttype = {arxiv}", ("math/0307200", 3, None)),
        ("journal = {arXiv preprint arXiv:2101.00001}", ("2101.00001", None, None)),
        ("url = {https://arxiv.org/abs/2101.00001v4}", ("2101.00001", 4, None)),
        ("journal = {CoRR}, volume = {abs/1706.03762}", ("1706.03762", None, None)),
        ("eprint = {ZACDOQ}, eprinttype = {philpapers}", (None, None, None)),
    ],
)
def test_arxiv_id_sources(fields: str, expected: tuple) -> None:
    (paper,) = parse_bibtex(f"@article{{k, title = {{T}}, {fields}}}")
    assert (paper.arxiv_id, paper.version, paper.primary_category) == expected
    if expected[0]:
        assert paper.journal_ref is None  # "arXiv preprint" / CoRR is not a venue


def test_names_corporate_others_and_fields() -> None:
    text = r"""
    @inproceedings{who2020,
      title = {{COVID-19} Report},
      author = {{World Health Organization} and Smith, John and Jane Q. {de la} Doe and others},
      booktitle = {Proc. of {ICML}},
      year = 2020, month = {jun},
      keywords = {a; b, c},
      note = {Oral}, addendum = {Extended version},
    }"""
    (paper,) = parse_bibtex(text, source="inline.bib")
    assert paper.title == "COVID-19 Report"
    assert paper.authors == ["World Health Organization", "John Smith", "Jane Q. de la Doe"]
    assert paper.extra["more_authors"] is True
    assert paper.journal_ref == "Proc. of ICML"
    assert paper.published == dt.date(2020, 6, 1)
    assert paper.keywords == ["a", "b", "c"]
    assert paper.comment == "Oral\nExtended version"
    assert paper.sources[0].location == "inline.bib"


def test_bad_entries_are_reported_and_good_ones_kept() -> None:
    text = """@article{good, title = {Good}}
@article{good, title = {Duplicate key}}
@article{broken title = {no comma after key}}
@misc{notitle, author = {A B}}
@article{last, title = {Last one}}
"""
    with pytest.warns(PartialImportWarning) as record:
        papers = parse_bibtex(text, source="mixed.bib")
    assert [p.title for p in papers] == ["Good", "Last one"]
    problems = record[0].message.problems
    assert [p.where for p in problems] == ["entry 'good', line 2", "line 3", "entry 'notitle', line 4"]
    assert "duplicate entry key 'good'" in problems[0].message
    assert "Expected comma after entry key" in problems[1].message
    assert "mixed.bib" in str(record[0].message)


def test_no_entries_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.bib"
    path.write_text('% just a comment\n@string{x = {y}}\n@preamble{"z"}\n', encoding="utf-8")
    with pytest.raises(ParseError, match="no BibTeX entries found") as info:
        read_bibtex(path)
    assert info.value.source == str(path)
    with pytest.raises(ParseError, match="no usable BibTeX entries"):
        parse_bibtex("@misc{a, author = {X}}")
    with pytest.raises(ParseError, match="file not found|cannot read"):
        read_bibtex(tmp_path / "missing.bib")


def test_latin1_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "old.bib"
    path.write_bytes("@article{k, title = {Caf\xe9 cr\xe8me}}".encode("latin-1"))
    assert read_bibtex(path)[0].title == "Café crème"


# -- export ------------------------------------------------------------------------------------


def test_paper_to_bibtex_arxiv_misc() -> None:
    paper = Paper(
        "Attention Is All You Need",
        authors=["Ashish Vaswani", "Noam Shazeer"],
        arxiv_id="1706.03762v7",
        published="2017-06-12",
        primary_category="cs.CL",
    )
    assert paper.to_bibtex() == (
        "@misc{vaswani2017attention,\n"
        "  title = {Attention Is All You Need},\n"
        "  author = {Ashish Vaswani and Noam Shazeer},\n"
        "  year = {2017},\n"
        "  month = jun,\n"
        "  date = {2017-06-12},\n"
        "  eprint = {1706.03762v7},\n"
        "  archivePrefix = {arXiv},\n"
        "  primaryClass = {cs.CL},\n"
        "}\n"
    )
    assert paper.to_bibtex(key="mykey").startswith("@misc{mykey,\n")


def test_paper_to_bibtex_article_when_journal() -> None:
    paper = Paper(
        "On the Electrodynamics",
        authors=["Albert Einstein"],
        journal_ref="Annalen der Physik",
        published="1905-01-01",
        doi="10.1002/andp.19053221004",
    )
    text = paper.to_bibtex()
    assert text.startswith("@article{einstein1905electrodynamics,\n")
    assert "  journal = {Annalen der Physik},\n" in text
    assert "month" not in text  # year-only date stays year-only
    assert "  doi = {10.1002/andp.19053221004},\n" in text


def test_keys_are_unique_in_a_library() -> None:
    papers = [Paper(f"Attention variant {i}", authors=["A. Vaswani"], published="2017-01-01") for i in range(3)]
    papers.append(Paper("The Attention thing", authors=["Vaswani, A."], published="2017-05-01"))
    text = Library(papers).to_bibtex()
    keys = re.findall(r"^@\w+\{([^,]+),", text, re.M)
    assert keys == ["vaswani2017attention", "vaswani2017attentiona", "vaswani2017attentionb", "vaswani2017attentionc"]
    assert [p.title for p in parse_bibtex(text)] == [p.title for p in papers]


def test_key_fallbacks() -> None:
    assert paper_to_bibtex(Paper("The Über Cool Thing", authors=["Özge Aksın"])).startswith("@misc{aksinuber,")
    assert paper_to_bibtex(Paper("A", published="2020-01-01")).startswith("@misc{2020a,")


NASTY = Paper(
    "Nasty {braces} 100% & $5 #1 under_score ~tilde^caret \\back -- --- ``q'' ?` é ü Ærø 中文 "
    "<script>alert(1)</script>",
    authors=[
        "Žofie Čapková",
        "{World Health Organization}",
        "Barnes and Noble",
        "Doe, Jr., John",
        "Jean-Luc Picard",
        "Ludwig van Beethoven",
        "O'Brien 50% & Co",
    ],
    arxiv_id="2101.00001v3",
    primary_category="cs.LG",
    abstract="Line one 50% done.\nLine two & $x^2$ {b}\n\nPara with \\emph{x} and ~ and %.",
    doi="10.1000/a_b(c)<d>;e",
    url="https://example.org/a_b%20c#frag?x=1&y=~z",
    journal_ref="J. Foo & Bar 12(3)",
    keywords=["deep learning", "x_y", "a&b", "Ümlaut"],
    published=dt.date(2021, 3, 15),
    comment="Accepted at ICLR 2025; 10% code, see {x}",
)


@pytest.mark.parametrize(
    "paper",
    [
        NASTY,
        Paper(
            "Attention Is All You Need",
            authors=["Ashish Vaswani"],
            arxiv_id="1706.03762",
            version=7,
            published="2017-06-12",
        ),
        Paper("Old-style id", arxiv_id="math.GT/0309136v2", published="2003-09-01"),
        Paper("Year only", published="2017-01-01", authors=["A B"]),
        Paper("January 15", published="2017-01-15"),
    ],
    ids=["nasty", "arxiv", "old-id", "year-only", "jan-15"],
)
def test_round_trip_hand_made(paper: Paper) -> None:
    text = paper_to_bibtex(paper)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (back,) = parse_bibtex(text)
    for name in ROUND_TRIP_FIELDS:
        assert getattr(back, name) == getattr(paper, name), name
    assert back.id == paper.id


def test_nasty_title_is_escaped_in_the_file() -> None:
    text = paper_to_bibtex(NASTY)
    title_line = text.splitlines()[1]
    assert r"\{braces\} 100\% \& \$5 \#1 under\_score" in title_line
    assert "{O'Brien 50\\% \\& Co}" in text  # a name with escapes is kept whole


def test_round_trip_every_fixture_paper() -> None:
    papers = list(_examples().values())
    for path in (STRING_154, ROUND_871, PERCENT_95, EPRINTTYPE_959):
        papers += read_bibtex(path)
    assert len(papers) == 94
    text = library_to_bibtex(papers)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = parse_bibtex(text)
    assert len(back) == len(papers)
    for original, again in zip(papers, back, strict=True):
        for name in ROUND_TRIP_FIELDS:
            assert getattr(again, name) == getattr(original, name), (original.extra["bibtex_key"], name)
