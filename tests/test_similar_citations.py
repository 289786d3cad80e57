"""Co-citation and bibliographic coupling as a signal of ``Library.similar`` (issue 17), from the citation cache of
the default store on SQLite and PostgreSQL; and the generic registry of similarity signals.

Own records: Papers and citation links built here (made-up titles and ids). The recorded real responses go
through the fetch path in tests/test_citations.py; the last test fetches them from the local fake server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from paperlab import Library, Paper
from paperlab.errors import UsageError
from paperlab.search import similar_papers
from paperlab.search.signals import get_signal, register_signal, signal_names
from paperlab.sources.s2_graph import Link
from paperlab.store import open_store
from paperlab.store.citations import CitationCache

TARGET = Paper(
    "Widget counting with sparse labels",
    arxiv_id="2401.10001",
    abstract="We count widgets in images with sparse labels using a counting network and density maps.",
)
# nearly the same words as TARGET, but cites nothing TARGET cites
TWIN_TEXT = Paper(
    "Widget counting with sparse labels revisited",
    arxiv_id="2401.10002",
    abstract="We count widgets in images with sparse labels using a density counting network.",
)
# other words, but cites the same five papers as TARGET
SAME_REFS = Paper(
    "Estimating object numbers from weak supervision",
    arxiv_id="2401.10003",
    abstract="Object numbers in photographs are estimated from weak supervision with a regression model.",
)
OTHER = Paper(
    "Protein folding with attention",
    arxiv_id="2401.10004",
    abstract="Attention layers predict protein structures from sequences.",
)
REFS = [Paper(f"Reference work number {i} on widgets", arxiv_id=f"2001.0000{i}") for i in range(1, 6)]


def _cache_references() -> None:
    cache = CitationCache(open_store())
    cache.save(TARGET.id, "references", "semantic_scholar", [Link(r) for r in REFS])
    cache.save(SAME_REFS.id, "references", "semantic_scholar", [Link(r) for r in REFS[:4]])
    cache.save(TWIN_TEXT.id, "references", "semantic_scholar", [Link(Paper("Unrelated older work", doi="10.5555/u"))])


def test_shared_references_raise_a_paper_with_citations(store_backend: str) -> None:
    lib = Library([TARGET, TWIN_TEXT, SAME_REFS, OTHER])
    _cache_references()
    plain = lib.similar(TARGET.id, k=3, mode="lexical")
    assert plain.ids == [TWIN_TEXT.id]  # no word of SAME_REFS's text is in TARGET's: BM25 does not list it
    blended = lib.similar(TARGET.id, k=3, mode="lexical", citations=True)
    # 4 of TARGET's 5 references shared: coupling 4 / sqrt(5 * 4) = 0.89, no co-citation: signal 0.45, weight 0.5
    assert blended.ids == [TWIN_TEXT.id, SAME_REFS.id]
    assert blended.scores[SAME_REFS.id] == pytest.approx(0.5 * 0.5 * 4 / 20**0.5)
    assert blended.scores[TWIN_TEXT.id] == 1.0  # the text similarity scaled to the best one
    assert blended.explain(SAME_REFS.id) == "citations 0.45"
    assert blended.explain(TWIN_TEXT.id) == plain.explain(TWIN_TEXT.id)
    # a heavier text-free weight; and no weight at all is the plain ranking
    assert lib.similar(TARGET, k=1, mode="lexical", citations=5).ids == [SAME_REFS.id]
    assert lib.similar(TARGET, k=3, mode="lexical", citations=False).ids == plain.ids


def test_without_a_cached_graph_citations_change_nothing(store_backend: str) -> None:
    lib = Library([TARGET, TWIN_TEXT, SAME_REFS, OTHER])
    plain = lib.similar(TARGET.id, k=3, mode="lexical")
    assert lib.similar(TARGET.id, k=3, mode="lexical", citations=True).ids == plain.ids


def test_a_paper_outside_the_library_gets_its_signal_too(store_backend: str) -> None:
    _cache_references()
    lib = Library([TWIN_TEXT, SAME_REFS, OTHER])
    assert lib.similar(TARGET, k=2, mode="lexical", citations=True).ids == [TWIN_TEXT.id, SAME_REFS.id]


def test_signal_registry_is_generic_and_checked(tmp_path: Path) -> None:
    import paperlab.citations  # noqa: F401  (registers the "citations" signal, as Library.similar(citations=True) does)

    assert "citations" in signal_names()
    lib = Library([TARGET, TWIN_TEXT, SAME_REFS, OTHER])
    register_signal("test-favourite", lambda library, paper: {OTHER.id: 1.0, "not-in-library": 1.0})
    hits = similar_papers(lib, TARGET.id, k=2, mode="lexical", signals={"test-favourite": 2.0})
    assert hits.ids[0] == OTHER.id and "not-in-library" not in hits.ids
    with pytest.raises(UsageError, match="no similarity signal 'nope'; known signals: citations"):
        get_signal("nope")
    with pytest.raises(UsageError, match=r"signals\['test-favourite'\]: the weight must be a number >= 0"):
        similar_papers(lib, TARGET.id, mode="lexical", signals={"test-favourite": -1.0})


def test_the_citations_signal_loads_by_name_in_a_fresh_process(tmp_path: Path) -> None:
    """No caller imports paperlab.citations for its side effect: get_signal("citations") (what similar() and the feed
    call) imports it on first use; until then nothing of it is loaded, and similar(citations=True) blends it."""
    code = """
import json, sys
from paperlab import Library, Paper
from paperlab.search.signals import get_signal, signal_names
from paperlab.sources.s2_graph import Link
from paperlab.store import open_store
before = "paperlab.citations" in sys.modules
names = signal_names()
store = open_store()  # $PAPERLAB_STORE
a, b = Paper("Counting widgets", arxiv_id="2401.10001"), Paper("Protein folding", arxiv_id="2401.10004")
refs = [Paper(f"Reference {i}", arxiv_id=f"2001.0000{i}") for i in range(1, 4)]
from paperlab.store.citations import CitationCache
cache = CitationCache(store)
cache.save(a.id, "references", "semantic_scholar", [Link(r) for r in refs])
cache.save(b.id, "references", "semantic_scholar", [Link(r) for r in refs])
hits = Library([a, b]).similar(a, k=1, mode="lexical", citations=True)
print(json.dumps({"before": before, "names": names, "after": "paperlab.citations" in sys.modules,
                  "signal": get_signal("citations").__module__, "hits": hits.ids, "why": hits.explain(b.id)}))
"""
    env = {**os.environ, "PAPERLAB_STORE": str(tmp_path / "s.sqlite3")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["before"] is False and "citations" in answer["names"]
    assert answer["after"] is True and answer["signal"] == "paperlab.citations"
    assert answer["hits"] == ["2401.10004"] and answer["why"] == "citations 0.50"  # coupling 1, co-citation 0
