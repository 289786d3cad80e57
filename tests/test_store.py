"""The SQLite store: papers, reading lists, exports, embeddings, schema, fetching unknown papers.

Papers come from the real Kaggle arXiv snapshot slice
``shared/fixtures/arxiv_kaggle_metadata/arxivSpider_mnbvc_kaggle-snapshot_first200.jsonl`` (ids
0704.0001-0704.0200; 117 have a DOI) and the recorded arXiv API answer
``shared/fixtures/arxiv_atom/extracted_bodies/id_1605.08386_s0_m100_199195aa31ad.xml``.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from paths import FIXTURES

import paperlab
from paperlab import Paper, StoreError
from paperlab.sources.arxiv import read_kaggle
from paperlab.store import SCHEMA_VERSION, ListEntry, ReadingList, Store, open_store
from paperlab.store import paper as fetch_paper  # `paperlab.paper` is also the name of the paper module

KAGGLE = FIXTURES / "arxiv_kaggle_metadata" / "arxivSpider_mnbvc_kaggle-snapshot_first200.jsonl"
ATOM_1605 = FIXTURES / "arxiv_atom" / "extracted_bodies" / "id_1605.08386_s0_m100_199195aa31ad.xml"
S2_TURING = (
    FIXTURES / "semantic_scholar" / "danielnsilva_semanticscholar" / "Paper_full_details_turing1950_at_eea1c0b.json"
)
ATOM_EMPTY = FIXTURES / "arxiv_atom" / "extracted_bodies" / "id_0000.0000_s0_m100_8b51d9633a68.xml"


@pytest.fixture(scope="module")
def kaggle() -> list[Paper]:
    return read_kaggle(KAGGLE)


@pytest.fixture
def store(kaggle: list[Paper]) -> Store:
    s = open_store()
    s.upsert_papers(kaggle)
    return s


# -- papers ---------------------------------------------------------------------------------
def test_default_location_follows_paperlab_home(paperlab_home, monkeypatch, tmp_path):
    s = open_store()
    assert s.path == paperlab_home / "paperlab.sqlite3"
    assert s.path.exists()
    monkeypatch.setenv("PAPERLAB_HOME", str(tmp_path / "other"))
    assert open_store().path == tmp_path / "other" / "paperlab.sqlite3"


def test_papers_round_trip_and_lookup(store: Store, kaggle: list[Paper]):
    assert store.count() == 200 == len(store)
    lib = store.papers()
    assert lib.ids[:3] == ["0704.0001", "0704.0002", "0704.0003"]
    assert [p.to_dict() for p in lib] == [p.to_dict() for p in kaggle]
    first = store.get_paper("0704.0001")
    assert first is not None and first.title.startswith("Calculation of prompt diphoton production")
    # every way a user names a paper
    for ref in (
        "0704.0001v2",
        "arXiv:0704.0001",
        "https://arxiv.org/abs/0704.0001v1",
        "https://arxiv.org/pdf/0704.0001",
        "https://huggingface.co/papers/0704.0001",
        "10.1103/PhysRevD.76.013009",
        "10.1103/physrevd.76.013009",
        "https://doi.org/10.1103/PhysRevD.76.013009",
        "doi:10.1103/PhysRevD.76.013009",
    ):
        found = store.get_paper(ref)
        assert found is not None and found.id == "0704.0001", ref
    assert store.get_paper("0704.9999") is None
    assert "0704.0200" in store and "0704.9999" not in store


def test_stored_json_is_the_wire_format(store: Store, kaggle: list[Paper]):
    con = sqlite3.connect(store.path)
    data = dict(con.execute("SELECT id, data FROM papers").fetchall())
    con.close()
    assert len(data) == 200
    for p in kaggle:
        assert json.loads(data[p.id]) == p.to_dict()


def test_upsert_merges_with_the_stored_record(store: Store):
    before = store.revision()
    extra = Paper(
        "Sparsity-certifying graph decompositions",
        arxiv_id="0704.0002v3",
        upvotes=7,
        tags=["graphs"],
        code_url="https://example.org/code",
    )
    store.upsert_papers([extra])
    assert store.count() == 200
    got = store.get_paper("0704.0002")
    assert got is not None
    assert got.upvotes == 7 and got.tags == ["graphs"] and got.code_url == "https://example.org/code"
    assert got.version == 3  # newer version wins
    assert got.authors == ["Ileana Streinu", "Louis Theran"]  # kept from the Kaggle record
    assert store.revision() > before


def test_doi_record_gaining_arxiv_id_moves_list_entries():
    s = open_store()
    s.upsert_papers(Paper("Attention Is All You Need Revisited Again", doi="10.5555/abc.123"))
    rl = s.reading_list("mine")
    rl.add("10.5555/ABC.123", tags=["t1"])
    assert rl.ids() == ["doi:10.5555/abc.123"]
    s.upsert_papers(Paper("Attention is all you need revisited again", arxiv_id="2101.00001", authors=["A. Author"]))
    assert s.count() == 1
    assert rl.ids() == ["2101.00001"]
    entry = rl.entry("10.5555/abc.123")
    assert entry.tags == ["t1"] and entry.paper.doi == "10.5555/abc.123" and entry.paper.authors == ["A. Author"]


def test_same_title_different_arxiv_ids_stay_separate():
    s = open_store()
    s.upsert_papers(
        [
            Paper("Comment on a paper about graphs", arxiv_id="0801.00001"),
            Paper("Comment on a paper about graphs", arxiv_id="0801.00002"),
        ]
    )
    assert s.count() == 2
    # a title-only record (e.g. from BibTeX) joins one of them, never folds the two together
    s.upsert_papers(Paper("Comment on a Paper About Graphs", keywords=["graphs"]))
    assert s.count() == 2
    a, b = s.get_paper("0801.00001"), s.get_paper("0801.00002")
    assert a is not None and b is not None
    assert (a.keywords, b.keywords) == (["graphs"], [])


def test_search_text_every_word_case_insensitive(store: Store):
    # verified by reading the fixture: only these three mention both words
    assert sorted(store.search_text("Quark GLUON").ids) == ["0704.0001", "0704.0106", "0704.0143"]
    assert store.search_text("balázs").ids == ["0704.0001"]  # author names, non-ASCII
    hits = store.search_text("graph")
    assert len(hits) == 9
    assert hits.ids[0] in ("0704.0027", "0704.0051", "0704.0079", "0704.0179", "0704.0182")  # newest first
    assert len(store.search_text("quark gluon zebra")) == 0
    # LIKE wildcards are literal characters (counted in the fixture: 6 abstracts with '%', 42 with '_')
    assert sorted(store.search_text("%").ids) == [
        "0704.0006",
        "0704.0031",
        "0704.0032",
        "0704.0118",
        "0704.0139",
        "0704.0167",
    ]
    assert len(store.search_text("_")) == 42
    assert store.search_text("É").ids == ["0704.0028"]  # non-ASCII case folding
    assert store.search_text("quark gluon").ids == store.papers().filter(text="quark gluon").sort().ids
    assert len(store.search_text("   ")) == 0


def test_bulk_import_batches_and_merges(kaggle: list[Paper]):
    s = open_store()
    seen: list[int] = []
    assert s.bulk_import(iter(kaggle), batch_size=64, progress=seen.append) == 200
    assert seen == [64, 128, 192, 200]
    assert s.count() == 200
    # importing again merges instead of duplicating, and keeps list entries
    s.reading_list().add("0704.0005", tags=["x"])
    assert s.bulk_import(kaggle, batch_size=1000) == 200
    assert s.count() == 200
    assert s.reading_list().entry("0704.0005").tags == ["x"]
    # duplicates inside one batch merge too
    dup = [
        Paper("Twice in one batch is fine", arxiv_id="0901.0001", upvotes=1),
        Paper("Twice in one batch is fine", arxiv_id="0901.0001v2", code_url="https://example.org/c"),
    ]
    s.bulk_import(dup)
    got = s.get_paper("0901.0001")
    assert got is not None and got.upvotes == 1 and got.code_url == "https://example.org/c" and got.version == 2
    with pytest.raises(ValueError, match="batch_size"):
        s.bulk_import(kaggle, batch_size=0)
    with pytest.raises(TypeError, match="Paper objects"):
        s.bulk_import([{"title": "not a paper"}])  # type: ignore[list-item]


def test_persistence_across_store_instances(kaggle: list[Paper], tmp_path):
    path = tmp_path / "x" / "lib.sqlite3"
    a = Store(path)
    a.upsert_papers(kaggle[:10])
    a.reading_list("to review").add("0704.0003", status="reading", tags=["moon"], note="check eq. 3")
    a.close()
    b = Store(path)
    assert b.count() == 10
    assert b.lists() == ["to review"]
    e = b.reading_list("to review").entries()[0]
    assert (e.paper.id, e.status, e.tags, e.note) == ("0704.0003", "reading", ["moon"], "check eq. 3")


def test_change_by_one_store_seen_by_another(kaggle: list[Paper], tmp_path):
    path = tmp_path / "shared.sqlite3"
    a, b = Store(path), Store(path)
    a.upsert_papers(kaggle[:5])
    rl_b = b.reading_list("shared")
    assert len(rl_b) == 0
    rev = b.revision()
    a.reading_list("shared").add("0704.0004", tags=["a"])
    assert a.revision() == b.revision() > rev
    assert rl_b.ids() == ["0704.0004"]  # no stale cache
    a.reading_list("shared").set_status("0704.0004", "read")
    assert rl_b.entry("0704.0004").status == "read"
    a.rename_list("shared", "renamed")
    assert b.lists() == ["renamed"]
    with pytest.raises(StoreError, match="no reading list named 'shared'"):
        rl_b.entries()


# -- reading lists ------------------------------------------------------------------------------
def test_list_management(store: Store):
    assert store.lists() == []
    rl = store.create_list("ml")
    assert isinstance(rl, ReadingList) and store.lists() == ["ml"]
    with pytest.raises(StoreError, match="already exists"):
        store.create_list("ml")
    store.create_list("physics")
    with pytest.raises(StoreError, match="already exists"):
        store.rename_list("ml", "physics")
    renamed = store.rename_list("ml", "machine learning")
    assert renamed.name == "machine learning"
    assert store.lists() == ["machine learning", "physics"]
    renamed.add("0704.0002")
    store.delete_list("machine learning")
    assert store.lists() == ["physics"]
    assert store.count() == 200  # papers stay
    with pytest.raises(StoreError, match="no reading list named"):
        store.delete_list("machine learning")
    with pytest.raises(StoreError, match="non-empty name"):
        store.create_list("  ")
    with pytest.raises(StoreError, match="no reading list"):
        store.reading_list("nope", create=False)
    rl = store.reading_list("physics")
    rl.rename("phys")
    assert rl.name == "phys" and store.lists() == ["phys"]


def test_add_positions_move_remove(store: Store):
    rl = store.reading_list()
    assert rl.name == "default"
    for pid in ("0704.0001", "0704.0002", "0704.0003"):
        rl.add(pid)
    rl.add("0704.0004", position=0)
    assert rl.ids() == ["0704.0004", "0704.0001", "0704.0002", "0704.0003"]
    assert [e.position for e in rl.entries()] == [0, 1, 2, 3]
    rl.move("0704.0004", -1)
    assert rl.ids() == ["0704.0001", "0704.0002", "0704.0003", "0704.0004"]
    rl.move("https://arxiv.org/abs/0704.0003v1", 0)
    assert rl.ids() == ["0704.0003", "0704.0001", "0704.0002", "0704.0004"]
    rl.move("0704.0001", 99)  # clamped to the end
    assert rl.ids() == ["0704.0003", "0704.0002", "0704.0004", "0704.0001"]
    rl.remove("0704.0002")
    assert rl.ids() == ["0704.0003", "0704.0004", "0704.0001"]
    assert [e.position for e in rl.entries()] == [0, 1, 2]
    assert len(rl) == 3 and "0704.0004" in rl and "0704.0002" not in rl
    with pytest.raises(StoreError, match="not in reading list 'default'"):
        rl.remove("0704.0002")
    with pytest.raises(StoreError, match="no paper 'nonsense'"):
        rl.move("nonsense", 0)
    rl.clear()
    assert len(rl) == 0


def test_re_adding_updates_the_entry(store: Store):
    rl = store.reading_list()
    rl.add("0704.0001", status="reading", tags=["a"], note="first")
    rl.add("0704.0002")
    rl.add("0704.0001", tags=["b"])  # status, note and place kept; tags united
    e = rl.entry("0704.0001")
    assert (e.position, e.status, e.tags, e.note) == (0, "reading", ["a", "b"], "first")
    rl.add("0704.0001", status="read", note="second", position=1)
    e = rl.entry("0704.0001")
    assert (e.position, e.status, e.note) == (1, "read", "second")
    assert len(rl) == 2


def test_status_tags_note(store: Store):
    rl = store.reading_list("s")
    rl.add("0704.0010")
    e = rl.entry("0704.0010")
    assert (e.status, e.tags, e.note) == ("to-read", [], None)
    added = e.added
    rl.set_status("0704.0010", "reading")
    rl.tag("0704.0010", "combinatorics", "graphs", "combinatorics")
    rl.tag("0704.0010", "to-teach")
    rl.untag("0704.0010", "graphs", "absent")
    rl.set_note("0704.0010", "Nice <b>proof</b>")
    e = rl.entry("0704.0010")
    assert isinstance(e, ListEntry)
    assert (e.status, e.tags, e.note) == ("reading", ["combinatorics", "to-teach"], "Nice <b>proof</b>")
    assert e.added == added and e.updated > added
    rl.set_note("0704.0010", None)
    assert rl.entry("0704.0010").note is None
    for bad in ("done", "Read", ""):
        with pytest.raises(StoreError, match="invalid reading status .* expected one of to-read, reading, read"):
            rl.set_status("0704.0010", bad)
    with pytest.raises(StoreError, match="invalid reading status 'later'"):
        rl.add("0704.0011", status="later")
    assert "0704.0011" not in rl
    with pytest.raises(StoreError, match="non-empty strings"):
        rl.tag("0704.0010", "")
    with pytest.raises(StoreError, match="not in reading list"):
        rl.set_status("0704.0011", "read")


def test_adding_a_paper_object_stores_it():
    rl = paperlab.reading_list("new")
    p = Paper("A paper that is not in the store yet", arxiv_id="2401.00001v1", authors=["X. Y."])
    entry = rl.add(p, tags=["fresh"])
    assert entry.paper.id == "2401.00001"
    assert open_store().get_paper("2401.00001v1") is not None
    assert list(rl)[0].title == "A paper that is not in the store yet"


def test_iteration_repr_and_exports(store: Store):
    rl = store.reading_list("exports")
    rl.add("0704.0001", status="read", tags=["qcd"], note="Table 2 *matters*")
    rl.add("0704.0002", status="reading")
    rl.add("0704.0003")
    assert repr(rl) == "<ReadingList 'exports': 3 papers (1 to-read, 1 reading, 1 read)>"
    assert [p.id for p in rl] == ["0704.0001", "0704.0002", "0704.0003"]
    lib = rl.to_library()
    assert lib.ids == ["0704.0001", "0704.0002", "0704.0003"] and lib.name == "exports"

    df = rl.to_dataframe()
    assert list(df.index) == ["0704.0001", "0704.0002", "0704.0003"]
    assert list(df["status"]) == ["read", "reading", "to-read"]
    assert df.loc["0704.0001", "tags"] == ["qcd"] and df.loc["0704.0002", "tags"] == []
    assert df.loc["0704.0001", "note"] == "Table 2 *matters*"
    assert df.loc["0704.0001", "title"].startswith("Calculation of prompt diphoton")
    assert str(df["added"].dtype).startswith("datetime64[") and str(df["added"].dt.tz) == "UTC"
    assert df.loc["0704.0002", "updated"].year == 2008  # the paper's v2 date, not the entry's

    csl = rl.to_csl()
    assert [c["id"] for c in csl] == ["0704.0001", "0704.0002", "0704.0003"]
    assert csl[0]["DOI"] == "10.1103/PhysRevD.76.013009" and csl[0]["keyword"] == "qcd"
    assert csl[0]["annote"] == "Table 2 *matters*"
    json.dumps(csl)

    md = rl.to_markdown()
    assert md.startswith("# Reading list: exports\n")
    assert "[x] **read** · `qcd` · Note: Table 2 \\*matters\\*" in md
    assert "### [Sparsity-certifying Graph Decompositions](https://arxiv.org/abs/0704.0002)" in md
    assert md.index("0704.0001") < md.index("0704.0002") < md.index("0704.0003")
    assert Paper.from_markdown(md.split("[ ] **to-read**")[1]).id == "0704.0003"

    bib = rl.to_bibtex()
    assert bib.count("@") == 3
    assert "10.1103/PhysRevD.76.013009" in bib and "Sparsity-certifying Graph Decompositions" in bib


def test_entries_reflect_other_store_objects_immediately(store: Store):
    rl1 = store.reading_list("x")
    rl2 = Store(store.path).reading_list("x")
    rl1.add("0704.0001")
    rl2.tag("0704.0001", "from-2")
    assert rl1.entry("0704.0001").tags == ["from-2"]


# -- revision, embeddings, schema -------------------------------------------------------------------
def test_revision_increases_on_every_write(store: Store):
    revs = [store.revision()]
    rl = store.reading_list("r")
    revs.append(store.revision())
    for step in (
        lambda: rl.add("0704.0001"),
        lambda: rl.tag("0704.0001", "a"),
        lambda: rl.set_note("0704.0001", "n"),
        lambda: rl.set_status("0704.0001", "read"),
        lambda: rl.move("0704.0001", 0),
        lambda: rl.remove("0704.0001"),
        lambda: store.rename_list("r", "r2"),
        lambda: store.delete_list("r2"),
    ):
        step()
        revs.append(store.revision())
    assert revs == sorted(set(revs))  # strictly increasing
    before = store.revision()
    store.get_paper("0704.0001"), store.search_text("graph"), store.lists()
    assert store.revision() == before  # reads do not count


def test_embeddings_cache():
    s = open_store()
    assert s.get_embeddings("m", ["a"]) == {}
    vec = bytes(range(16))
    h = Store.text_hash("some abstract")
    assert h == Store.text_hash("some abstract") and len(h) == 40
    s.put_embeddings("m", {h: (4, vec), "other": (4, b"\x00" * 16)})
    assert s.get_embeddings("m", [h, "missing"]) == {h: vec}
    assert s.get_embeddings("another-model", [h]) == {}
    s.put_embeddings("m", {h: (4, b"\x01" * 16)})  # replaced
    assert s.get_embeddings("m", [h]) == {h: b"\x01" * 16}


def test_schema_version_and_newer_store_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    s = Store(path)
    assert s.schema_version == SCHEMA_VERSION == 1
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"papers", "lists", "list_entries", "embeddings", "meta"} <= tables
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    s.close()
    with pytest.raises(StoreError, match="newer than this paperlab understands"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(path)


# -- fetching unknown papers ----------------------------------------------------------------------------
def test_paper_fetches_unknown_arxiv_id_and_stores_it(fake_server, monkeypatch):
    fake_server.route("/api/query", ATOM_1605.read_bytes(), content_type="application/atom+xml")
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    p = fetch_paper("https://arxiv.org/abs/1605.08386v1")
    assert p.id == "1605.08386"
    assert p.title == "Heat-bath random walks with Markov bases"
    assert p.authors == ["Caprice Stanley", "Tobias Windisch"]
    assert len(fake_server.requests_to("/api/query")) == 1
    assert fake_server.requests_to("/api/query")[0][2]["id_list"] == ["1605.08386"]
    # stored: the next lookup does not ask the server again
    assert fetch_paper("1605.08386").title == p.title
    assert open_store().get_paper("1605.08386") is not None
    assert len(fake_server.requests_to("/api/query")) == 1


def test_reading_list_add_resolves_unknown_id(fake_server, monkeypatch):
    fake_server.route("/api/query", ATOM_1605.read_bytes(), content_type="application/atom+xml")
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    rl = paperlab.reading_list()
    entry = rl.add("1605.08386", tags=["random walks"])
    assert entry.paper.title == "Heat-bath random walks with Markov bases"
    assert rl.ids() == ["1605.08386"]


def test_paper_unknown_or_unfetchable(fake_server, monkeypatch):
    fake_server.route("/api/query", ATOM_EMPTY.read_bytes(), content_type="application/atom+xml")
    monkeypatch.setenv("PAPERLAB_ARXIV_URL", fake_server.url + "/api/query")
    with pytest.raises(StoreError, match="arXiv has no paper '0000.0000'"):
        fetch_paper("0000.0000")
    with pytest.raises(StoreError, match="not an arXiv id/URL or a DOI"):
        fetch_paper("my favourite paper")
    with pytest.raises(StoreError, match="not an arXiv id/URL or a DOI"):
        paperlab.reading_list().add("my favourite paper")
    assert open_store().count() == 0


def test_paper_fetches_unknown_doi_from_semantic_scholar(fake_server, monkeypatch):
    # recorded S2 answer for Turing 1950 (externalIds.DOI 10.1093/MIND/LIX.236.433)
    fake_server.route("/paper/DOI:10.1093/mind/lix.236.433", S2_TURING.read_bytes())
    monkeypatch.setenv("PAPERLAB_SEMANTIC_SCHOLAR_URL", fake_server.url)
    p = fetch_paper("https://doi.org/10.1093/mind/lix.236.433")
    assert p.title == "Computing Machinery and Intelligence"
    assert p.doi is not None and p.doi.lower() == "10.1093/mind/lix.236.433"
    assert len(fake_server.requests) == 1
    assert fetch_paper("10.1093/MIND/LIX.236.433").id == p.id  # stored: no second request
    assert len(fake_server.requests) == 1
    # a DOI Semantic Scholar does not know (the fake server answers 404)
    with pytest.raises(StoreError, match="Semantic Scholar has no paper with DOI '10.9999/none'"):
        fetch_paper("doi:10.9999/none")
