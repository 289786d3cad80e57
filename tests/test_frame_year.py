"""``Library.to_dataframe()`` has the ``year`` column search hits' frames have (walkthrough #19), built once in the
library frame and taken from it by the hit frame: nullable ``Int64``, after ``title``; the id-month of a paper known
only by its arXiv id counts (marked ``date_inferred``)."""

from __future__ import annotations

import datetime as dt

from paperlab import Library, Paper


def _library() -> Library:
    return Library(
        [
            Paper("Sparse Retrieval of Tables", published=dt.date(2019, 1, 1), extra={"date_precision": "year"}),
            Paper("Retrieval Without Any Date", abstract="Retrieval with no date at all."),
            Paper("Retrieval Known By Its Id", arxiv_id="2411.05841"),
        ]
    )


def test_library_frame_has_a_year_column() -> None:
    df = _library().to_dataframe()
    assert list(df.columns[:3]) == ["title", "year", "authors"]
    assert str(df["year"].dtype) == "Int64"
    assert df["year"].tolist()[0] == 2019 and df["year"].isna().tolist() == [False, True, False]
    assert df["year"].tolist()[2] == 2024 and bool(df["date_inferred"].iloc[2])
    assert Library().to_dataframe().columns[1] == "year"  # an empty library's frame too


def test_hit_frames_take_the_same_year() -> None:
    lib = _library()
    res = lib.search("retrieval", k=3, mode="lexical")
    hits, full = res.to_dataframe(), res.to_dataframe(full=True)
    frame = lib.to_dataframe()
    for df in (hits, full):
        assert str(df["year"].dtype) == "Int64"
        assert df["year"].tolist() == frame.loc[df.index, "year"].tolist()
