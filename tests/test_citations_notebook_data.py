"""notebooks/data/citations-graph.json (notebook 06) is paperlab's own reading of recorded real Semantic Scholar
answers: notebooks/data/make_citations_cache.py serves them from the local fake server to paperlab's client and
dumps the citation cache; re-running it gives the committed file (the fetch times aside), and the file holds no
raw response (no abstracts, no fetch records naming the fake server)."""

from __future__ import annotations

import importlib.util
import json

import pytest
from paths import REALDATA, ROOT

SCRIPT = ROOT / "notebooks" / "data" / "make_citations_cache.py"
COMMITTED = ROOT / "notebooks" / "data" / "citations-graph.json"


def _committed() -> dict:
    return json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_committed_graph_is_a_cache_dump_not_responses() -> None:
    data = _committed()
    assert [s["title"] for s in data["seeds"]][2] == "Computing Machinery and Intelligence"
    papers = data["cache"]["papers"]
    assert len(papers) == 2960 and len(data["cache"]["edges"]) == 2959  # the neighbours and the 3 seeds
    assert not any("abstract" in p or "sources" in p for p in papers.values())
    assert "127.0.0.1" not in COMMITTED.read_text(encoding="utf-8")
    directions = sorted((f[0], f[1], f[4]) for f in data["cache"]["fetches"])
    assert directions == [
        ("doi:10.1093/mind/lix.236.433", "citations", 1000),
        ("doi:10.1093/mind/lix.236.433", "references", 16),
        ("doi:10.2139/ssrn.2250500", "references", 67),
        (data["seeds"][1]["id"], "citations", 1881),
    ]


@pytest.mark.realdata
def test_script_rebuilds_the_committed_graph_from_the_recordings() -> None:
    spec = importlib.util.spec_from_file_location("make_citations_cache", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    built, committed = script.build(REALDATA), _committed()
    assert built["seeds"] == committed["seeds"]
    assert built["cache"]["edges"] == committed["cache"]["edges"]
    assert built["cache"]["papers"] == committed["cache"]["papers"]
    timeless = [[f[0], f[1], f[2], f[4]] for f in built["cache"]["fetches"]]
    assert timeless == [[f[0], f[1], f[2], f[4]] for f in committed["cache"]["fetches"]]
