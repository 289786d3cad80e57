"""How compare/diff/leaderboard tables look in a notebook: styled, blanks for missing values, text escaped."""

from __future__ import annotations

import pickle

import pandas as pd

import paperlab
from paperlab import Paper
from paperlab.comparison.frame import SHOWN_ROWS


def _papers() -> list[Paper]:
    full = Paper(
        title="Fast <b>attention</b> costs $5",
        arxiv_id="2501.00001",
        authors=["Ada Lovelace"],
        published="2025-01-02",
        code_url="https://github.com/x/y",
        abstract="We reach 91.2% accuracy on ImageNet.",
    )
    bare = Paper(title="A page with nothing but a title")  # no date, authors, votes: all missing
    return [full, bare]


def test_compare_shows_a_styled_table_without_missing_value_markers() -> None:
    df = paperlab.compare(_papers())
    assert isinstance(df, pd.DataFrame) and len(df) == 2  # still a DataFrame for analysis
    shown = df._repr_html_()
    assert shown is not None
    for marker in ("NaT", "&lt;NA&gt;", ">None<", ">nan<", ">[]<"):
        assert marker not in shown, marker
    assert "Fast &lt;b&gt;attention&lt;/b&gt;" in shown and "<b>attention" not in shown  # escaped, a link
    assert 'href="https://arxiv.org/abs/2501.00001"' in shown and 'href="https://github.com/x/y"' in shown
    assert shown.startswith('<div class="paperlab-table mathjax_ignore tex2jax_ignore">')  # "$5" is no math


def test_the_table_stays_plain_pandas_for_analysis() -> None:
    df = paperlab.compare(_papers())
    assert pd.isna(df.loc[_papers()[1].id, "date"])  # the frame keeps real missing values
    back = pickle.loads(pickle.dumps(df))
    assert back.equals(df) and type(back) is type(df)
    plain = pd.DataFrame({"x": [1]})
    assert type(df.head(1)) is type(df) and "paperlab-table" not in (plain._repr_html_() or "")


def test_a_long_table_shows_its_first_rows_and_says_so() -> None:
    papers = [Paper(title=f"Paper number {i}", arxiv_id=f"2501.{i:05d}") for i in range(SHOWN_ROWS + 5)]
    shown = paperlab.compare(papers)._repr_html_() or ""
    assert f"{SHOWN_ROWS} of {SHOWN_ROWS + 5} rows shown" in shown
    assert "Paper number 0" in shown and f"Paper number {SHOWN_ROWS + 4}" not in shown


def test_diff_shows_styled_too() -> None:
    a, b = _papers()
    from paperlab.compare import diff

    shown = diff(a, b)._repr_html_() or ""
    assert "paperlab-table" in shown and "[]" not in shown


def test_mesh_major_topic_marks_are_not_shown_but_kept() -> None:
    # a leading '*' marks a major MeSH topic (PubMed exports): the reader sees the heading, the frame keeps the mark
    mesh = ["*Neural Networks, Computer", "Neural Networks, Computer", "*Abstracting and Indexing <b>x</b>"]
    a = Paper(title="MeSH-indexed paper", doi="10.1371/journal.pone.0000001", keywords=mesh)
    b = Paper(title="Other paper", arxiv_id="2501.00002", keywords=["Humans"])
    df = paperlab.compare([a, b])
    assert df.loc[a.id, "categories"][:2] == ["*Neural Networks, Computer", "Neural Networks, Computer"]
    shown = df._repr_html_() or ""
    assert "Neural Networks, Computer; Abstracting and Indexing &lt;b&gt;x&lt;/b&gt;" in shown
    assert "*Neural" not in shown and "*Abstracting" not in shown
    md = df.paperlab.to_markdown()
    assert "Neural Networks, Computer; Abstracting" in md and "\\*Neural" not in md and "*Neural" not in md
    from paperlab.compare import diff

    shown_diff = diff(a, b)._repr_html_() or ""
    assert "Neural Networks, Computer" in shown_diff and "*Neural" not in shown_diff


def test_a_library_and_search_hits_compare_themselves() -> None:
    """``hits.compare()`` is what a researcher types after a search: the same table as ``paperlab.compare(hits)``."""
    lib = paperlab.Library(
        [
            Paper(
                id="2401.00001", title="Sparse routing for mixture of experts", abstract="Routing reaches 81.2% top-1."
            ),
            Paper(id="2401.00002", title="Dense attention baselines", abstract="We report 77.5% top-1 accuracy."),
        ]
    )
    table = lib.compare(fields=["title", "results"])
    assert list(table.index) == ["2401.00001", "2401.00002"]
    assert list(table.columns)[:2] == ["title", "results"]
    pd.testing.assert_frame_equal(table, paperlab.compare(lib, fields=["title", "results"]))
    hits = lib.search("mixture of experts routing", k=1, mode="lexical")
    assert list(hits.compare().index) == [hits[0].id] == ["2401.00001"]


def test_a_paper_with_a_dozen_keywords_shows_five_and_counts_the_rest() -> None:
    # a Hugging Face page carries a dozen AI keywords: the row would grow taller than the screen
    words = [f"keyword number {i}" for i in range(12)]
    many = Paper(title="A paper with many keywords", arxiv_id="2501.00003", keywords=words)
    few = Paper(title="A paper with six", arxiv_id="2501.00004", keywords=words[:6])
    df = paperlab.compare([many, few])
    assert df.loc[many.id, "categories"] == words  # the frame keeps them all
    shown = df._repr_html_() or ""
    assert "keyword number 4; +7 more" in shown and "keyword number 5" not in shown.split("+7 more")[0]
    assert "keyword number 5" in shown  # the paper with six shows all six ("+1 more" hides nothing)
    assert "+7 more" in df.paperlab.to_markdown()
