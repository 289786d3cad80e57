"""Stores written before OpenAlex's reader recorded a date's precision (schema < 3) held a work known only by its
year as 1 January with no precision; upgrading such a store marks those dates a year (once), so the BibTeX
export writes the year alone instead of a made-up 1 January. Real SQLite files and a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from paperlab.paper import Paper, SourceRecord
from paperlab.store import SCHEMA_VERSION, Store


def _papers() -> list[Paper]:
    def paper(title: str, sources: list[str], day: dt.date) -> Paper:
        return Paper(title=title, published=day, sources=[SourceRecord(s, location="old import") for s in sources])

    return [
        paper("A work OpenAlex knows by its year", ["openalex"], dt.date(2019, 1, 1)),
        paper("A BibTeX entry dated on New Year's Day", ["bibtex"], dt.date(2019, 1, 1)),
        paper("A work OpenAlex knows to the day", ["openalex"], dt.date(2019, 3, 5)),
        # merged from a BibTeX entry giving the whole day and OpenAlex: the day may be BibTeX's, so it stays a day
        paper("A BibTeX entry OpenAlex also knows", ["bibtex", "openalex"], dt.date(2019, 1, 1)),
    ]


def _check_upgraded(store: Store, ids: list[str]) -> None:
    year, day, exact, merged = (store.get_paper(i) for i in ids)
    assert year is not None and day is not None and exact is not None and merged is not None
    assert year.extra.get("date_precision") == "year"
    bib = year.to_bibtex()
    assert "year = {2019}" in bib and "month" not in bib and "date =" not in bib
    assert "date_precision" not in day.extra and "date = {2019-01-01}" in day.to_bibtex()  # not OpenAlex's: a day
    assert "date_precision" not in exact.extra and "date = {2019-03-05}" in exact.to_bibtex()
    assert [s.name for s in merged.sources] == ["bibtex", "openalex"]
    assert "date_precision" not in merged.extra and "date = {2019-01-01}" in merged.to_bibtex()


def test_a_schema_2_sqlite_store_marks_openalex_new_year_dates_a_year(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    papers = _papers()
    store = Store(path)
    store.upsert_papers(papers)
    store.close()
    raw = sqlite3.connect(path)  # rewind to schema 2, as a store written before the step was
    raw.execute("DELETE FROM schema_version WHERE version = 3")
    raw.execute("PRAGMA user_version = 2")
    raw.commit()
    raw.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION == 3
    _check_upgraded(store, [p.id for p in papers])
    # a store already at schema 3 is not touched again: its papers recorded their precision when imported
    late = Paper(title="Stored at schema 3", published=dt.date(2021, 1, 1), sources=[SourceRecord("openalex")])
    store.upsert_papers([late])
    store.close()
    store = Store(path)
    stored = store.get_paper(late.id)
    assert stored is not None and "date_precision" not in stored.extra
    store.close()


@pytest.mark.postgres
def test_a_schema_2_postgres_store_marks_openalex_new_year_dates_a_year(postgres_server) -> None:  # type: ignore[no-untyped-def]
    psycopg = pytest.importorskip("psycopg")
    url = postgres_server.new_url()
    papers = _papers()
    store = Store(url)
    store.upsert_papers(papers)
    store.close()
    with psycopg.connect(url, autocommit=True) as raw:
        raw.execute("DELETE FROM schema_version WHERE version = 3")
    store = Store(url)
    assert store.schema_version == SCHEMA_VERSION
    _check_upgraded(store, [p.id for p in papers])
    store.close()
