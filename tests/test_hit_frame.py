"""The DataFrame of search hits a researcher analyses (``SearchResults.to_dataframe()``): the useful columns first,
each piece of information once, the id as the index only, integer years as nullable ``Int64`` and dates as
``datetime64`` with their precision beside them; ``full=True`` keeps every column of the wire-shaped frame.

Our own papers, searched lexically (no model)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from paperlab import Library, Paper


def _library() -> Library:
    return Library(
        [
            Paper(
                "Sparse retrieval of scientific abstracts",
                authors=["Ada Lovelace", "Alan Turing"],
                abstract="We study sparse retrieval. Retrieval of abstracts is cheap and strong.",
                arxiv_id="2401.00001",
                published=dt.date(2024, 1, 5),
                tags=["IR"],
            ),
            Paper(
                "Dense retrieval without labels",
                authors=["Grace Hopper"],
                abstract="Dense retrieval learns from unlabelled text. It beats sparse baselines.",
                doi="10.1000/dense",
                published=dt.date(2019, 1, 1),
                extra={"date_precision": "year"},
                journal_ref="Journal of Retrieval 3 (2019)",
            ),
            Paper("Retrieval, undated", abstract="Retrieval with no date at all."),
            Paper("Gardening for beginners", abstract="Tomatoes and beans."),
        ]
    )


def test_default_frame_puts_the_useful_columns_first_and_says_each_thing_once() -> None:
    res = _library().search("sparse retrieval", k=3, mode="lexical")
    df = res.to_dataframe()
    assert list(df.columns) == [
        "title",
        "year",
        "authors",
        "score",
        "venue",
        "published",
        "date_precision",
        "arxiv_id",
        "doi",
        "url",
        "tags",
        "matched_terms",
        "best_sentence",
    ]
    # the id is the index only; reset_index() gives it back as the first column
    assert "id" not in df.columns and df.index.name == "id"
    assert list(df.index) == res.ids and df.index[0] == "2401.00001"
    assert list(df.reset_index().columns[:2]) == ["id", "title"]
    assert "why" not in df.columns  # terms + sentence as one string: only in full=True
    top = df.loc["2401.00001"]
    assert top["matched_terms"] and set(top["matched_terms"]) <= {"sparse", "retrieval"}
    assert top["best_sentence"] == "We study sparse retrieval."
    assert top["authors"] == ["Ada Lovelace", "Alan Turing"] and top["tags"] == ["IR"]
    assert top["url"] == "https://arxiv.org/abs/2401.00001"
    assert df.loc["doi:10.1000/dense", "url"] == "https://doi.org/10.1000/dense"
    assert df["score"].is_monotonic_decreasing
    assert df.attrs["score_scale"] == res.score_scale


def test_default_frame_types_years_and_dates() -> None:
    df = _library().search("retrieval", k=3, mode="lexical").to_dataframe()
    assert str(df["year"].dtype) == "Int64" and str(df["score"].dtype) == "float64"
    assert pd.api.types.is_datetime64_any_dtype(df["published"])
    undated = df.index[df["title"] == "Retrieval, undated"][0]
    assert pd.isna(df.loc[undated, "year"]) and pd.isna(df.loc[undated, "published"])
    assert df.loc["doi:10.1000/dense", "year"] == 2019 and df.loc["doi:10.1000/dense", "date_precision"] == "year"
    assert df.loc["2401.00001", "published"] == pd.Timestamp("2024-01-05")
    assert df.loc["2401.00001", "date_precision"] == "day"
    shown = df[["title", "year"]].to_string()
    assert "2019" in shown and "2019.0" not in shown


def test_tags_column_only_when_a_hit_has_tags_and_empty_results_keep_the_columns() -> None:
    lib = _library()
    df = lib.search("dense", k=1, mode="lexical").to_dataframe()
    assert list(df.index) == ["doi:10.1000/dense"] and "tags" not in df.columns
    empty = lib.search("quantum", k=3, mode="lexical").to_dataframe()
    assert len(empty) == 0 and "title" in empty.columns and str(empty["year"].dtype) == "Int64"


def test_full_frame_keeps_every_library_column() -> None:
    lib = _library()
    res = lib.search("sparse retrieval", k=3, mode="lexical")
    full = res.to_dataframe(full=True)
    assert list(full.columns[:4]) == ["score", "why", "matched_terms", "best_sentence"]
    assert set(lib.to_dataframe().columns) <= set(full.columns) and full.index.name == "id"
    reason = res.reasons["2401.00001"]
    assert full.loc["2401.00001", "why"] == reason["text"]


def test_related_terms_column_when_a_reason_has_them() -> None:
    from paperlab.search.results import SearchResults

    papers = list(_library())[:2]

    def explain(p: Paper) -> dict[str, object]:
        if p.arxiv_id:
            return {"terms": ["sparse"], "sentence": "We study sparse retrieval.", "related": ["abstracts"]}
        return {"terms": ["retrieval"], "sentence": ""}

    df = SearchResults(papers, [0.9, 0.5], query="sparse", explain=explain).to_dataframe()
    assert list(df.columns[-3:]) == ["matched_terms", "related_terms", "best_sentence"]
    assert df["related_terms"].tolist() == [["abstracts"], []]
    plain = SearchResults(papers, [0.9, 0.5], explain=lambda p: {"terms": [], "sentence": ""}).to_dataframe()
    assert "related_terms" not in plain.columns and plain["matched_terms"].tolist() == [[], []]


def test_library_frame_has_the_id_once_as_its_index() -> None:
    lib = _library()
    df = lib.to_dataframe()
    assert "id" not in df.columns and df.index.name == "id" and list(df.index) == lib.ids
    back = df.reset_index()
    assert list(back.columns[:2]) == ["id", "title"] and back["id"].tolist() == lib.ids
    assert df.loc["doi:10.1000/dense", "title"] == "Dense retrieval without labels"
    assert Library().to_dataframe().index.name == "id"
