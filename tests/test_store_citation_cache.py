"""The store's citation cache (issue 17) on both engines: what a fetch saved reads back the same, in order, and a
re-fetch replaces only its own links. Runs on SQLite and on a real PostgreSQL server (``store_backend``)."""

from __future__ import annotations

import pytest

from paperlab import Paper
from paperlab.sources.s2_graph import Link
from paperlab.store import open_store
from paperlab.store.citations import CitationCache

pytestmark = pytest.mark.usefixtures("store_backend")

A = Paper("Paper A citing others in the cache test", arxiv_id="2401.10001")
B = Paper("Paper B citing others in the cache test", arxiv_id="2401.10002")


def _p(i: int) -> Paper:
    return Paper(f"Cited paper number {i} of the cache test", arxiv_id=f"1901.{i:05d}")


def test_saved_links_read_back_in_order_and_refetch_replaces_only_its_own():
    store = open_store()
    cache = CitationCache(store)
    rev = store.revision()
    cache.save(A.id, "references", "semantic_scholar", [Link(_p(3), ["ctx"], ["methodology"], True), Link(_p(1))])
    cache.save(B.id, "references", "semantic_scholar", [Link(_p(1)), Link(_p(2), influential=False)])
    cache.save(A.id, "references", "openalex", [Link(_p(4), source="openalex")])
    assert store.revision() == rev  # a cache: no revision bump
    assert cache.fetched(A.id, "references") == ["openalex", "semantic_scholar"]
    assert cache.fetched(A.id, "citations") == []
    links = cache.links(A.id, "references")
    assert [(link.paper.id, link.source) for link in links] == [
        ("1901.00004", "openalex"),
        ("1901.00003", "semantic_scholar"),
        ("1901.00001", "semantic_scholar"),
    ]
    assert (links[1].contexts, links[1].intents, links[1].influential) == (["ctx"], ["methodology"], True)
    edges = cache.edges([B.id])
    assert [(e.citing, e.cited, e.influential) for e in edges] == [
        (B.id, "1901.00001", None),
        (B.id, "1901.00002", False),
    ]
    assert len(cache.edges()) == 5
    # fetching A's references from Semantic Scholar again replaces exactly those
    cache.save(A.id, "references", "semantic_scholar", [Link(_p(5)), Link(_p(5))])  # a duplicate link counts once
    assert [link.paper.id for link in cache.links(A.id, "references")] == ["1901.00004", "1901.00005"]
    assert len(cache.edges()) == 4
    found = cache.papers(["1901.00001", "1901.00005", "never-stored"])
    assert sorted(found) == ["1901.00001", "1901.00005"] and found["1901.00005"].title == _p(5).title
    CitationCache(open_store())  # opening the cache again keeps everything
    assert len(CitationCache(open_store()).edges()) == 4


def test_dump_loads_into_another_store_the_same(tmp_path):
    """``dump()`` -> JSON -> ``load()`` into a fresh store: the same fetches, links (order, contexts, intents,
    influence) and papers; loading again replaces rather than doubles; a dump that is not one is a ParseError."""
    import json

    from paperlab.errors import ParseError
    from paperlab.store import Store

    store = open_store()
    cache = CitationCache(store)
    cache.save(A.id, "references", "semantic_scholar", [Link(_p(3), ["ctx"], ["methodology"], True), Link(_p(1))])
    cache.save(B.id, "citations", "semantic_scholar", [Link(_p(2), influential=False)])
    dump = json.loads(json.dumps(cache.dump()))
    assert [row[:3] for row in dump["fetches"]] == [
        [A.id, "references", "semantic_scholar"],
        [B.id, "citations", "semantic_scholar"],
    ]
    assert "abstract" not in dump["papers"]["1901.00003"]  # empty fields left out
    other = CitationCache(Store(tmp_path / "other.sqlite3"))
    other.load(dump)
    other.load(dump)
    for paper, direction in ((A, "references"), (B, "citations")):
        assert other.links(paper.id, direction) == cache.links(paper.id, direction)
        assert other.fetched(paper.id, direction) == ["semantic_scholar"]
    assert len(other.edges()) == 3
    with pytest.raises(ParseError, match=r"not a citation cache dump \(KeyError: 'edges'\)") as info:
        other.load({"fetches": [], "papers": {}}, source="broken.json")
    assert info.value.source == "broken.json"
    with pytest.raises(ParseError, match="not a citation cache dump"):
        other.load({"fetches": [["x", "references"]], "edges": [], "papers": {}})
