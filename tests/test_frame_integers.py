"""Integer columns of the DataFrames paperlab returns stay integers when some values are missing (pandas nullable
``Int64``): a year shows as 2021, a citation count as 8278, never 2021.0 / 8278.0."""

from __future__ import annotations

import networkx as nx
import pandas as pd

import paperlab
from paperlab import Library, Paper
from paperlab.citations.graph import gaps


def _graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for pid in ("a", "b"):
        g.add_node(pid, in_library=True, title=pid, year=2024, citations=3, paper={})
    g.add_node("x", in_library=False, title="Cited with a year", year=2021, citations=8278, paper={})
    g.add_node("y", in_library=False, title="Cited without a year", year=None, citations=None, paper={})
    for citer in ("a", "b"):
        g.add_edge(citer, "x")
        g.add_edge(citer, "y")
    return g


def test_gaps_keeps_years_and_counts_integer() -> None:
    df = gaps(_graph())
    assert list(df["id"]) == ["x", "y"]
    for col in ("year", "cited_by", "citations"):
        assert df[col].dtype == "Int64", col
    assert df.loc[0, "year"] == 2021 and pd.isna(df.loc[1, "year"])
    shown = df[["id", "year", "citations"]].to_string()
    assert "2021" in shown and "8278" in shown and "2021.0" not in shown and "8278.0" not in shown
    html = df._repr_html_() or ""
    assert "2021.0" not in html and "8278.0" not in html and ">2021<" in html
    assert gaps(nx.DiGraph()).dtypes["year"] == "Int64"  # an empty answer has the same types


def test_other_frames_keep_integer_columns_integer() -> None:
    papers = [
        Paper(title="With counts", arxiv_id="2501.00001", upvotes=12, github_stars=7, version=2, n_authors=3),
        Paper(title="Without counts", arxiv_id="2501.00002"),
    ]
    frame = Library(papers).to_dataframe()
    for col in ("n_authors", "version", "upvotes", "github_stars"):
        assert frame[col].dtype == "Int64", col
    compared = paperlab.compare(papers)
    assert compared["upvotes"].dtype == "Int64" and compared["stars"].dtype == "Int64"
    assert "12.0" not in (compared._repr_html_() or "")
