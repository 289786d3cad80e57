"""The data model: Paper (paperlab/paper.py) and Library (paperlab/library.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings

import pandas as pd
import pytest
from paths import DATA, FIXTURES

from paperlab import MIME_TYPE, Library, Paper, ParseError, PartialImportWarning, SourceRecord
from paperlab.paper import normalize_arxiv_id, normalize_title
from paperlab.sources.bibtex import read_bibtex

T0 = dt.datetime(2025, 3, 20, tzinfo=dt.timezone.utc)
HOSTILE_TITLE = "<script>alert(1)</script> Attention"
HOSTILE_ABSTRACT = "We show <img src=x onerror=alert(1)> that & works"


# -- identity ------------------------------------------------------------------------------


def test_canonical_id_arxiv_without_version() -> None:
    paper = Paper("Some title", arxiv_id="2503.14895v2", doi="10.1000/X")
    assert (paper.id, paper.arxiv_id, paper.version) == ("2503.14895", "2503.14895", 2)
    assert Paper("Some title", arxiv_id="arXiv:math.GT/0309136").id == "math.GT/0309136"
    assert Paper("Some title", arxiv_id="https://arxiv.org/abs/0704.0001v1").id == "0704.0001"


def test_canonical_id_doi() -> None:
    paper = Paper("Some title", doi="https://doi.org/10.1016/J.TSF.2009.05.016")
    assert paper.doi == "10.1016/J.TSF.2009.05.016"
    assert paper.id == "doi:10.1016/j.tsf.2009.05.016"
    assert Paper("Other", doi="doi:10.1016/J.TSF.2009.05.016").id == paper.id


def test_canonical_id_title_hash_is_stable() -> None:
    a = Paper("Über  die Möglichkeit\nder Conjunktion")
    b = Paper("uber die moglichkeit der CONJUNKTION")
    c = Paper("  Über die Möglichkeit, der Conjunktion! ")
    assert a.id == b.id == c.id
    assert re.fullmatch(r"title:[0-9a-f]{16}", a.id)
    assert Paper("Uber die Moglichkeit der Konjunktion").id != a.id
    assert normalize_title("Über  die Möglichkeit\nder Conjunktion") == "uber die moglichkeit der conjunktion"
    assert a.title == "Über die Möglichkeit der Conjunktion"  # whitespace normalised


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2503.14895v1", ("2503.14895", 1)),
        ("0704.0001", ("0704.0001", None)),
        ("1008.2849v12", ("1008.2849", 12)),
        ("arXiv:astro-ph/0601001", ("astro-ph/0601001", None)),
        ("math.GT/0309136v2", ("math.GT/0309136", 2)),
        ("hep-th/9603067", ("hep-th/9603067", None)),
        ("http://arxiv.org/abs/2503.14895v2", ("2503.14895", 2)),
        ("https://arxiv.org/pdf/2101.00001v3.pdf", ("2101.00001", 3)),
        ("https://arxiv.org/abs/math/0307200v3", ("math/0307200", 3)),
        ("arXiv preprint arXiv:2101.00001", ("2101.00001", None)),
        ("10.1016/j.tsf.2009.05.016", None),
        ("12345.67890", None),
        ("no id here", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_arxiv_id(text: str | None, expected: tuple[str, int | None] | None) -> None:
    assert normalize_arxiv_id(text) == expected


def test_invalid_fields_raise_parse_error_naming_the_field() -> None:
    with pytest.raises(ParseError, match="field 'arxiv_id'"):
        Paper("T", arxiv_id="not an id")
    with pytest.raises(ParseError, match="field 'title'"):
        Paper("   ")
    with pytest.raises(ParseError, match="field 'published'"):
        Paper("T", published="March 2020")


def test_defaults_derived_fields() -> None:
    paper = Paper("T", authors=["A", "B", "A"], primary_category="cs.CL", categories=["cs.LG"])
    assert paper.authors == ["A", "B"]  # repeated names dropped
    assert paper.n_authors == 2
    assert paper.categories == ["cs.CL", "cs.LG"]
    assert paper.abs_url is None
    assert Paper("T", arxiv_id="2101.00001").abs_url == "https://arxiv.org/abs/2101.00001"
    assert Paper("T", doi="10.1/x").abs_url == "https://doi.org/10.1/x"
    assert Paper("T", published="2020-05-06").year == 2020


# -- merge ---------------------------------------------------------------------------------


def test_merge_keeps_richer_fields_and_unites_tags() -> None:
    a = Paper(
        "Attention Is All You Need",
        arxiv_id="1706.03762v5",
        abstract="Short.",
        tags=["nlp", "to-read"],
        upvotes=3,
        authors=["A. Vaswani"],
        published="2017-06-12",
        updated="2017-12-06",
        sources=[SourceRecord("arxiv", "a.xml", T0, "entry 1")],
        extra={"k": "a", "only_a": 1},
    )
    b = Paper(
        "Attention is all you need",
        arxiv_id="1706.03762v7",
        abstract="A much longer abstract.",
        tags=["to-read", "transformers"],
        upvotes=10,
        doi="10.5555/3295222.3295349",
        authors=["Ashish Vaswani", "Noam Shazeer"],
        published="2017-06-13",
        updated="2023-08-02",
        keywords=["attention"],
        sources=[SourceRecord("hf", "daily.json", T0, None)],
        extra={"k": "b", "only_b": 2},
    )
    m = a.merge(b)
    assert m.title == "Attention Is All You Need"  # first record's title
    assert m.abstract == "A much longer abstract."
    assert m.tags == ["nlp", "to-read", "transformers"]
    assert m.keywords == ["attention"]
    assert (m.upvotes, m.version) == (10, 7)
    assert m.doi == "10.5555/3295222.3295349"
    assert m.authors == ["Ashish Vaswani", "Noam Shazeer"] and m.n_authors == 2
    assert (m.published, m.updated) == (dt.date(2017, 6, 12), dt.date(2023, 8, 2))
    assert [s.name for s in m.sources] == ["arxiv", "hf"]
    assert m.extra == {"k": "a", "only_a": 1, "only_b": 2}
    assert m.id == "1706.03762"
    # merging does not modify its inputs
    assert a.tags == ["nlp", "to-read"] and b.upvotes == 10


# -- wire format ---------------------------------------------------------------------------------


def _full() -> Paper:
    return Paper(
        "Full paper",
        arxiv_id="2503.14895v2",
        authors=["A One", "B Two"],
        organization="Org",
        abstract="Abs",
        published="2025-03-19",
        updated="2025-03-21",
        categories=["cs.CL"],
        primary_category="cs.CL",
        comment="10 pages",
        journal_ref="ICLR 2025",
        doi="10.1/x",
        url="https://example.org/p",
        pdf_url="https://arxiv.org/pdf/2503.14895v2",
        code_url="https://github.com/a/b",
        project_url="https://a.github.io",
        upvotes=4,
        github_stars=5,
        ai_summary="Sum",
        keywords=["k"],
        tags=["t"],
        sources=[SourceRecord("arxiv", "x.xml", T0, "entry 1")],
        extra={"s2": {"id": 1}},
    )


def test_to_dict_from_dict_round_trip() -> None:
    paper = _full()
    data = paper.to_dict()
    assert data["published"] == "2025-03-19"
    assert data["sources"] == [
        {"name": "arxiv", "location": "x.xml", "retrieved": "2025-03-20T00:00:00+00:00", "record": "entry 1"}
    ]
    assert json.loads(paper.to_json()) == data
    again = Paper.from_dict(json.loads(json.dumps(data)))
    assert again == paper
    assert again.to_dict() == data
    assert Paper.from_dict({"title": "Only a title"}).id == Paper("Only a title").id


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": 5}, "field 'title': expected a string"),
        ({"authors": ["A"]}, "field 'title': expected a non-empty string"),
        ({"title": "T", "colour": "red"}, r"unknown paper field\(s\) \['colour'\]"),
        ({"title": "T", "authors": 5}, "field 'authors': expected a list of strings"),
        ({"title": "T", "tags": ["ok", 3]}, "field 'tags': expected a list of strings"),
        ({"title": "T", "published": "yesterday"}, "field 'published': expected an ISO date"),
        ({"title": "T", "upvotes": True}, "field 'upvotes': expected an integer"),
        ({"title": "T", "version": "two"}, "field 'version': expected an integer"),
        ({"title": "T", "doi": 10.1}, "field 'doi': expected a string"),
        ({"title": "T", "extra": [1]}, "field 'extra': expected an object"),
        ({"title": "T", "sources": "arxiv"}, "field 'sources': expected a list"),
        ({"title": "T", "sources": [{"location": "x"}]}, "field 'sources': expected objects with a 'name'"),
        ({"title": "T", "sources": [{"name": "x", "retrieved": "noon"}]}, "field 'sources.retrieved'"),
        (["title"], "expected a JSON object for a paper, got list"),
    ],
)
def test_from_dict_names_the_bad_field(data: object, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        Paper.from_dict(data)  # type: ignore[arg-type]


# -- renderings ------------------------------------------------------------------------------


def test_markdown_card_round_trip() -> None:
    paper = _full()
    card = paper.to_markdown()
    assert card.startswith("### [Full paper](https://example.org/p)\n")
    assert "arXiv:2503.14895" in card and "[PDF](https://arxiv.org/pdf/2503.14895v2)" in card
    assert Paper.from_markdown(card) == paper
    assert Paper.from_markdown("# notes\n\n" + card + "\nmore text") == paper
    with pytest.raises(ParseError, match="data comment is missing"):
        Paper.from_markdown("### Just a heading")
    with pytest.raises(ParseError, match="not valid JSON"):
        Paper.from_markdown(f"<!-- {MIME_TYPE} {{broken}} -->")


def test_mimebundle() -> None:
    bundle = _full()._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html", "text/markdown", MIME_TYPE}
    assert bundle[MIME_TYPE] == _full().to_dict()
    assert bundle["text/plain"] == "Paper('2503.14895', 'Full paper', 2025)"
    # the card's root: our class, and the classes MathJax 3 / 2 skip (a "$" in the text is never typeset)
    assert bundle["text/html"].startswith('<div class="paperlab-card mathjax_ignore tex2jax_ignore"')


def test_html_card_escapes_hostile_text() -> None:
    paper = Paper(
        HOSTILE_TITLE,
        abstract=HOSTILE_ABSTRACT,
        authors=["<b>Eve</b>"],
        tags=["<i>x</i>"],
        url="javascript:alert(1)",
        pdf_url="javascript:alert(2)",
        code_url="https://github.com/ok/ok",
    )
    card = paper.to_html()
    assert "<script" not in card and "<img" not in card and "<b>Eve" not in card and "<i>x" not in card
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Attention" in card
    assert "&lt;img src=x onerror=alert(1)&gt;" in card
    assert "javascript:" not in card  # neither linked nor shown as a link target
    assert 'href="https://github.com/ok/ok"' in card


def test_markdown_card_of_hostile_paper() -> None:
    paper = Paper(HOSTILE_TITLE, abstract=HOSTILE_ABSTRACT, url="javascript:alert(1)", pdf_url="javascript:alert(2)")
    card = paper.to_markdown()
    assert "<script" not in card and "<img" not in card
    assert "](javascript:" not in card  # not linked
    assert card.startswith("### &lt;script&gt;alert(1)&lt;/script&gt; Attention\n")
    assert Paper.from_markdown(card) == paper  # the data comment still carries the exact text


def test_csl_json() -> None:
    item = _full().to_csl()
    assert item == {
        "id": "2503.14895",
        "type": "article-journal",
        "title": "Full paper",
        "author": [{"family": "One", "given": "A"}, {"family": "Two", "given": "B"}],
        "issued": {"date-parts": [[2025, 3, 19]]},
        "abstract": "Abs",
        "DOI": "10.1/x",
        "URL": "https://example.org/p",
        "container-title": "ICLR 2025",
        "note": "10 pages",
        "number": "arXiv:2503.14895",
        "publisher": "arXiv",
        "keyword": "k, t",
    }
    bare = Paper("Bare", authors=["Plato"]).to_csl()
    assert bare == {"id": bare["id"], "type": "article", "title": "Bare", "author": [{"literal": "Plato"}]}


# -- Library -------------------------------------------------------------------------------------


def test_library_dedups_own_bib_files() -> None:
    """tests/data/bibtex: 10 titled entries in biblatex-style.bib (9 papers), 7 in producers.bib (3 papers)."""
    with pytest.warns(PartialImportWarning):  # the @set entry has no title
        papers = read_bibtex(DATA / "bibtex" / "biblatex-style.bib")
    lib = Library(papers)
    assert len(papers) == 10 and len(lib) == 9
    cho = lib["1406.1078"]  # @inproceedings (v3, eprintclass) and @online (v1) with the same eprint
    assert [s.record for s in cho.sources] == ["cho:encdec, line 34", "cho:encdec:online, line 46"]
    assert cho.published == dt.date(2014, 6, 3)  # earliest date (the @online one)
    assert cho.version == 3 and cho.primary_category == "cs.CL"
    assert (
        cho.journal_ref
        == "Proceedings of the 2014 Conference on Empirical Methods in Natural Language Processing (EMNLP)"
    )
    # the 7 names of the @inproceedings are kept; the @online's "and others" cut only its own list (no "et al.")
    assert len(cho.authors) == 7 and "more_authors" not in cho.extra
    assert cho.byline() == "Kyunghyun Cho, Bart van Merriënboer, Çağlar Gülçehre +4 more"
    assert lib.ids.index("1406.1078") == 2  # position of the first record
    # the chapter's title has a subtitle, so it stays apart from the article of the same name
    assert len(lib.filter(text="Long Short-Term Memory")) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        producers = Library(read_bibtex(DATA / "bibtex" / "producers.bib"))
    assert producers.ids == ["1706.03762", "1512.03385", "1810.04805"]
    attention = producers.filter(text="Attention Is All You Need")
    # Zotero (arXiv id from url), Google Scholar (title only, "Attention is all you need"), DBLP (CoRR abs/ id)
    assert len(attention) == 1 and len(attention[0].sources) == 3
    assert attention[0].journal_ref == "Advances in neural information processing systems"
    assert attention[0].published == dt.date(2017, 1, 1)


@pytest.mark.realdata
def test_library_dedups_real_bib_file() -> None:
    """$PAPERLAB_REALDATA/fixtures/bibtex/biblatex-examples.bib: 90 titled entries, 85 distinct works (a 1997
    reprint is not its 1959 original: see paperlab.identity.same_work)."""
    with pytest.warns(PartialImportWarning):
        papers = read_bibtex(FIXTURES / "bibtex" / "biblatex-examples.bib")
    lib = Library(papers)
    assert len(lib) == 85
    baez = lib["math/0307200"]
    assert [s.record for s in baez.sources] == ["baez/article, line 68", "baez/online, line 1386"]
    # "date = 2004" and "date = {2004-10-27}" agree: the merge keeps the more precise date
    assert baez.published == dt.date(2004, 10, 27) and baez.date_precision == "day"
    assert baez.journal_ref == "Theory and Applications of Categories"
    assert lib.ids.index("math/0307200") == 3  # position of the first record
    kullback = lib.filter(text="Information Theory and Statistics")
    assert [len(p.sources) for p in kullback] == [1, 2]  # 1959 original; the two 1997 Dover reprint entries


def test_library_dedup_across_keys_and_merge_keeps_position() -> None:
    lib = Library(
        [
            Paper("First paper in the list", arxiv_id="2101.00001"),
            Paper("A paper known by title only"),
            Paper("Third paper of this list", doi="10.1/third"),
        ]
    )
    # same title, now with an arXiv id: merges into the title-only record, keeps its position
    lib.add(Paper("A Paper Known by Title Only", arxiv_id="2202.00002v2", upvotes=7))
    assert lib.ids == ["2101.00001", "2202.00002", "doi:10.1/third"]
    assert lib[1].upvotes == 7 and lib[1].version == 2
    # same DOI, different title wording
    lib.add(Paper("Third paper (journal version)", doi="10.1/THIRD", journal_ref="JMLR"))
    assert len(lib) == 3 and lib[2].journal_ref == "JMLR"
    # versioned arXiv id
    lib.add(Paper("First paper in the list, v3", arxiv_id="2101.00001v3"))
    assert len(lib) == 3 and lib["2101.00001"].version == 3
    # a record that joins two separate ones (arXiv id of one, DOI of the other)
    lib2 = Library([Paper("Preprint version title", arxiv_id="2303.00003"), Paper("Published title", doi="10.1/p")])
    lib2.add(Paper("Published title!", arxiv_id="2303.00003v2", doi="10.1/p"))
    assert lib2.ids == ["2303.00003"]
    assert lib2[0].doi == "10.1/p"


def test_library_add_operator_dedups() -> None:
    a = Library([Paper("Paper number one here", arxiv_id="2101.00001", tags=["a"])], name="mine")
    b = Library([Paper("Paper number one here", arxiv_id="2101.00001v2", tags=["b"]), Paper("Paper number two here")])
    c = a + b
    assert len(c) == 2 and c.name == "mine"
    assert c["2101.00001"].tags == ["a", "b"]
    assert len(a) == 1 and a[0].tags == ["a"]  # operands unchanged
    a += b
    assert len(a) == 2
    assert repr(c) == "<Library 'mine': 2 papers>"
    with pytest.raises(TypeError, match="Library holds Paper objects"):
        Library([{"title": "x"}])  # type: ignore[list-item]


def test_library_lookup() -> None:
    lib = Library(
        [
            Paper("Paper number one here", arxiv_id="2101.00001v2"),
            Paper("Paper number two here", doi="10.1016/J.TSF.2009.05.016"),
            Paper("Paper number three here"),
        ]
    )
    assert lib[0].title == "Paper number one here"
    assert lib[-1].title == "Paper number three here"
    for key in ("2101.00001", "2101.00001v1", "arXiv:2101.00001v9", "https://arxiv.org/abs/2101.00001"):
        assert lib[key].title == "Paper number one here", key
    for key in (
        "10.1016/j.tsf.2009.05.016",
        "doi:10.1016/J.TSF.2009.05.016",
        "https://doi.org/10.1016/j.tsf.2009.05.016",
    ):
        assert lib[key].title == "Paper number two here", key
    assert lib[Paper("Paper number three here").id].title == "Paper number three here"
    assert "2101.00001v5" in lib and Paper("paper NUMBER two here") in lib
    with pytest.raises(KeyError, match="9999.99999"):
        lib["9999.99999"]
    assert lib.get("9999.99999") is None
    assert isinstance(lib[1:], Library) and len(lib[1:]) == 2


def _filter_lib() -> Library:
    return Library(
        [
            Paper(
                "Retrieval augmented generation",
                authors=["Jane Doe"],
                published="2024-01-10",
                categories=["cs.CL"],
                tags=["RAG"],
                sources=[SourceRecord("arxiv", "a", T0)],
            ),
            Paper(
                "Diffusion models for images",
                authors=["John Roe"],
                published="2024-03-01",
                categories=["cs.CV", "stat.ML"],
                keywords=["diffusion"],
                sources=[SourceRecord("hf", "b", T0)],
            ),
            Paper("Undated survey of retrieval", abstract="Generation and more", categories=["math.ST"]),
        ]
    )


def test_library_filters() -> None:
    lib = _filter_lib()
    titles = lambda lb: [p.title for p in lb]  # noqa: E731
    assert titles(lib.filter(text="RETRIEVAL generation")) == [
        "Retrieval augmented generation",
        "Undated survey of retrieval",
    ]
    assert titles(lib.filter(text="doe")) == ["Retrieval augmented generation"]
    assert titles(lib.filter(since="2024-01-10")) == ["Retrieval augmented generation", "Diffusion models for images"]
    assert titles(lib.filter(since=dt.date(2024, 1, 11), until="2024-03-01")) == ["Diffusion models for images"]
    assert titles(lib.filter(until="2024-01-09")) == []
    assert titles(lib.filter(tag="rag")) == ["Retrieval augmented generation"]
    assert titles(lib.filter(tag="Diffusion")) == ["Diffusion models for images"]  # keywords count as tags
    assert titles(lib.filter(category="cs")) == ["Retrieval augmented generation", "Diffusion models for images"]
    assert titles(lib.filter(category="stat.ML")) == ["Diffusion models for images"]
    assert titles(lib.filter(category="c")) == []
    assert titles(lib.filter(source="hf")) == ["Diffusion models for images"]
    assert titles(lib.filter(lambda p: p.published is None)) == ["Undated survey of retrieval"]
    assert titles(lib.sort("published")) == [
        "Diffusion models for images",
        "Retrieval augmented generation",
        "Undated survey of retrieval",
    ]


def test_library_to_dataframe_dtypes() -> None:
    lib = _filter_lib()
    lib.add(
        Paper(
            "Counted paper with stars",
            upvotes=12,
            github_stars=3,
            arxiv_id="2101.00001v2",
            authors=["A", "B"],
            sources=[SourceRecord("hf", "x", T0), SourceRecord("hf", "y", T0)],
        )
    )
    df = lib.to_dataframe()
    assert len(df) == 4
    assert pd.api.types.is_datetime64_any_dtype(df["published"])
    assert pd.api.types.is_datetime64_any_dtype(df["updated"])
    for column in ("n_authors", "version", "upvotes", "github_stars"):
        assert str(df[column].dtype) == "Int64", column
    assert df.loc["2101.00001", "upvotes"] == 12
    assert pd.isna(df.iloc[0]["upvotes"])
    assert df.iloc[0]["published"] == pd.Timestamp("2024-01-10")
    assert pd.isna(df.iloc[2]["published"])
    assert df.loc["2101.00001", "authors"] == ["A", "B"]
    assert df.loc["2101.00001", "sources"] == ["hf"]
    assert list(df.index) == lib.ids
    empty = Library().to_dataframe()
    assert len(empty) == 0 and str(empty["upvotes"].dtype) == "Int64"
