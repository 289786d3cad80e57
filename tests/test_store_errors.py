"""The store's typed errors, the fetch-on-miss of the services layer, and issue 12's AssertionError.

* Every failure is a :class:`StoreError` subclass named for what went wrong (``NotFound``, ``Conflict``,
  ``InvalidValue``, ``Busy``), with the message it always had.
* Fetching a paper the store does not hold is :mod:`paperlab.services.resolve`; the store only asks its
  resolver. A source that has no such paper raises ``NotFound``.
* Issue 12: adding to a reading list a paper that is already stored from another source (same paper,
  different id: a title-only BibTeX record of a stored arXiv paper) failed with a bare AssertionError.

Papers come from our own arXiv answer ``tests/data/app/arxiv_1605.08386.atom.xml`` and a BibTeX
entry for the same paper written here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from paths import DATA

import paperlab
import paperlab.store.db
from paperlab import Paper
from paperlab.errors import Busy, Conflict, InvalidValue, NotFound, StoreError
from paperlab.services import resolve
from paperlab.store import ReadingList, Store, open_store, set_default_resolver

pytestmark = pytest.mark.usefixtures("store_backend")  # every test on SQLite and on PostgreSQL

APP = DATA / "app"
ATOM = APP / "arxiv_1605.08386.atom.xml"  # 1605.08386, "Heat-bath random walks with Markov bases", no DOI
BIBTEX = """@article{stanley2016,
  title={Heat-bath random walks with {M}arkov bases},
  author={Stanley, Caprice and Windisch, Tobias},
  journal={Advances in Applied Mathematics},
  year={2016}
}
"""


def _sqlite_only(store_backend: str) -> None:
    if store_backend != "sqlite":
        pytest.skip("about SQLite's own lock and file header (PostgreSQL: tests/test_store_postgres.py)")


@pytest.fixture
def from_arxiv() -> Paper:
    return paperlab.load(ATOM)[0]


@pytest.fixture
def from_bibtex(tmp_path: Path) -> Paper:
    path = tmp_path / "refs.bib"
    path.write_text(BIBTEX, encoding="utf-8")
    return paperlab.load(path)[0]


@pytest.fixture
def rl(from_arxiv: Paper) -> ReadingList:
    store = open_store()
    store.upsert_papers([from_arxiv])
    rl = store.reading_list("mine")
    rl.add("1605.08386")
    return rl


@pytest.fixture
def no_default_resolver() -> Iterator[None]:
    previous = set_default_resolver(None)
    yield
    set_default_resolver(previous)


# -- typed errors, same messages -----------------------------------------------------------------------
def test_unknown_list_or_paper_is_not_found(rl: ReadingList):
    store = rl.store
    cases = [
        (lambda: store.reading_list("nope", create=False), "no reading list named 'nope'"),
        (lambda: store.delete_list("nope"), "no reading list named 'nope'"),
        (lambda: store.rename_list("nope", "other"), "no reading list named 'nope'"),
        (lambda: rl.move("nonsense", 0), "no paper 'nonsense' in the store"),
        (lambda: rl.entry("nonsense"), "no paper 'nonsense' in the store"),
    ]
    for call, message in cases:
        with pytest.raises(NotFound, match=message) as info:
            call()
        assert isinstance(info.value, StoreError) and isinstance(info.value, LookupError)
    store.upsert_papers([Paper("A paper in the store but not in the list", arxiv_id="2501.00001")])
    for call in (lambda: rl.entry("2501.00001"), lambda: rl.remove("2501.00001"), lambda: rl.tag("2501.00001", "x")):
        with pytest.raises(NotFound, match="paper '2501.00001' is not in reading list 'mine'"):
            call()
    store.delete_list("mine")
    with pytest.raises(NotFound, match="no reading list named 'mine'"):
        rl.entries()


def test_taken_name_is_a_conflict(rl: ReadingList):
    store = rl.store
    store.create_list("other")
    with pytest.raises(Conflict, match="a reading list named 'other' already exists"):
        store.create_list("other")
    with pytest.raises(Conflict, match="cannot rename 'mine': a reading list named 'other' already exists"):
        rl.rename("other")
    assert store.create_list("other", exist_ok=True).name == "other"
    assert store.lists() == ["mine", "other"]


def test_bad_values_are_invalid(rl: ReadingList):
    store = rl.store
    with pytest.raises(InvalidValue, match="invalid reading status 'later': expected one of to-read, reading, read"):
        rl.set_status("1605.08386", "later")
    with pytest.raises(InvalidValue, match="invalid reading status 'done'"):
        rl.add("1605.08386", status="done")
    for name in ("", "   "):
        with pytest.raises(InvalidValue, match="a reading list needs a non-empty name"):
            store.create_list(name)
        with pytest.raises(InvalidValue, match="a reading list needs a non-empty name"):
            store.rename_list("mine", name)
    for bad in ("", " ", None):
        with pytest.raises(InvalidValue, match="tags must be non-empty strings"):
            rl.tag("1605.08386", bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="batch_size must be at least 1") as info:
        store.bulk_import([], batch_size=0)
    assert isinstance(info.value, ValueError)  # as before the typed errors
    assert rl.entry("1605.08386").status == "to-read" and rl.entry("1605.08386").tags == []


def test_lock_timeout_is_busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_backend: str):
    _sqlite_only(store_backend)
    monkeypatch.setattr(paperlab.store.db, "_BUSY_TIMEOUT_MS", 100)
    store = Store(tmp_path / "busy.sqlite3")
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with pytest.raises(Busy, match="the store stayed locked by another writer"):
            store.create_list("blocked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.create_list("free").name == "free"  # the lock released: writes go through again
    store.close()


def test_other_store_failures_stay_plain_store_errors(tmp_path: Path, store_backend: str):
    _sqlite_only(store_backend)
    path = tmp_path / "newer.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(StoreError, match="newer than this paperlab understands") as info:
        Store(path)
    assert type(info.value) is StoreError


# -- issue 12: the same paper from two sources -------------------------------------------------------------
def test_adding_a_paper_stored_from_another_source_merges_into_its_entry(rl: ReadingList, from_bibtex: Paper):
    # the BibTeX record has no arXiv id: its own id is a title id, the store keeps the arXiv record's id
    assert from_bibtex.id.startswith("title:")
    entry = rl.add(from_bibtex, tags=["from bibtex"])  # was: AssertionError
    assert entry.paper.id == "1605.08386"
    assert {s.name for s in entry.paper.sources} == {"arxiv", "bibtex"}
    assert entry.paper.venue == "Advances in Applied Mathematics"  # the BibTeX record's journal, merged in
    assert rl.ids() == ["1605.08386"] and entry.tags == ["from bibtex"]
    assert rl.store.count() == 1


def test_store_paper_returns_the_merged_record_under_its_stored_id(from_arxiv: Paper, from_bibtex: Paper):
    store = open_store()
    store.upsert_papers([from_arxiv])
    merged = store.paper(from_bibtex)  # was: AssertionError
    assert merged.id == "1605.08386" and len(merged.sources) == 2
    with store._write() as conn:  # the map _write_papers returns names where each record is stored
        assert store._write_papers(conn, [from_bibtex]) == {from_bibtex.id: "1605.08386"}


def test_either_order_and_a_doi_record_end_in_one_entry(from_arxiv: Paper, from_bibtex: Paper):
    store = open_store()
    rl = store.reading_list()
    rl.add(from_bibtex, status="reading")  # title-only first ...
    rl.add(from_arxiv, tags=["arxiv"])  # ... then the arXiv record takes over its entry
    assert rl.ids() == ["1605.08386"]
    assert rl.entry("1605.08386").status == "reading" and rl.entry("1605.08386").tags == ["arxiv"]
    doi_only = Paper("An Example Paper Known By Its DOI", doi="10.1000/example.1")
    title_only = Paper("An example paper known by its DOI")
    rl.add(doi_only)
    assert rl.add(title_only).paper.id == "doi:10.1000/example.1"
    assert rl.ids() == ["1605.08386", "doi:10.1000/example.1"] and store.count() == 2


# -- fetch on miss: the services layer -----------------------------------------------------------------------
def test_a_source_without_the_paper_raises_not_found(fake_server):
    fake_server.route("/api/query", (APP / "arxiv_empty.atom.xml").read_bytes(), content_type="application/atom+xml")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
        mp.setenv("PAPERLAB_SEMANTIC_SCHOLAR_URL", fake_server.url)  # unknown DOIs: the fake server answers 404
        with pytest.raises(NotFound, match="arXiv has no paper '0000.0000'"):
            paperlab.paper("0000.0000")
        with pytest.raises(NotFound, match="Semantic Scholar has no paper with DOI '10.9999/none'"):
            resolve.fetch("doi:10.9999/none")
        with pytest.raises(NotFound, match="not an arXiv id/URL or a DOI"):
            open_store().paper("my favourite paper")
    assert open_store().count() == 0


def test_paper_goes_through_the_services_layer(fake_server, monkeypatch):
    fake_server.route("/api/query", ATOM.read_bytes(), content_type="application/atom+xml")
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    p = resolve.paper("arXiv:1605.08386v1")
    assert p.id == "1605.08386" and open_store().get_paper("1605.08386") == p
    assert paperlab.paper("https://arxiv.org/abs/1605.08386").id == p.id  # stored: no second request
    assert len(fake_server.requests_to("/api/query")) == 1


def test_store_resolver_is_injected_not_imported(store_location: str | Path, no_default_resolver: None):
    # without a resolver the store only knows what it holds
    bare = Store(store_location)
    with pytest.raises(NotFound, match="no stored paper '2501.00002', and no resolver to fetch it with"):
        bare.paper("2501.00002")
    with pytest.raises(NotFound):
        bare.reading_list().add("2501.00002")
    # a store given its own resolver asks it once, then holds the paper
    asked: list[str] = []

    def resolver(ref: str) -> Paper:
        asked.append(ref)
        return Paper("Injected paper", arxiv_id="2501.00002")

    store = Store(store_location, resolver=resolver)
    assert store.reading_list().add("2501.00002v3").paper.title == "Injected paper"
    assert store.paper("2501.00002").id == "2501.00002" and asked == ["2501.00002v3"]


def test_import_paperlab_installs_the_services_resolver():
    import subprocess
    import sys

    code = (
        "import sys, paperlab.store as s; r = s.default_resolver(); "
        "print(r is not None, r.__module__, 'paperlab.services.resolve' in sys.modules, "
        "'paperlab.sources.arxiv' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "paperlab", "False", "False"]  # installed lazily: import paperlab stays light
