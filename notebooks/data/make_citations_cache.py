"""Rebuild ``citations-graph.json`` for notebooks/06-citations.ipynb from RECORDED REAL Semantic Scholar answers.

Run from the repository root, with the recorded corpus beside it (``$PAPERLAB_REALDATA`` by default)::

    python notebooks/data/make_citations_cache.py --realdata PATH/TO/REALDATA

Provenance (``$PAPERLAB_REALDATA/fixtures/PROVENANCE-2.md`` and ``PROVENANCE.md``): every answer served below was
recorded by the tests of danielnsilva/semanticscholar (MIT licence, ``tests/data/``), copied unchanged into
``fixtures/semantic_scholar/``:

- ``danielnsilva_semanticscholar_test_get_paper_references.yaml`` (commit 3a90c488b01c2e5c6bae520380e87dd873338c34):
  the references of DOI 10.2139/ssrn.2250500, 2 pages (67 references, ``fields=title``);
- ``danielnsilva_semanticscholar_test_get_paper_citations.yaml`` (commit f1161622cdfe85507a11ac363d8ea725ee3801e5):
  19 pages of the citations of CorpusID:14514057 (1,881 citing papers, ``fields=title``);
- ``danielnsilva_semanticscholar_test_get_papers.yaml`` (commit 3a90c488…): a ``POST /paper/batch`` answer giving
  the authors of 10.2139/ssrn.2250500;
- ``danielnsilva_semanticscholar/Paper_full_details_turing1950_at_eea1c0b.json`` (commit a0e9eb9): the full details
  of Turing's "Computing Machinery and Intelligence" (1950) with its 1,000 citations and 16 references embedded.
  paperlab asks for references and citations page by page, so these embedded items are served unchanged inside
  the Graph API's page envelope (``{"offset": 0, "data": [{"citedPaper": item}, ...]}``).

Every answer is served by the local fake server of the tests (tests/fakeserver.py, 127.0.0.1 only) to paperlab's
own clients: ``SemanticScholarClient.paper`` (Turing), ``.papers`` (the batch) and ``Library.fetch_citations``
(paged, into a scratch store). A request that was not recorded is answered 404 and named in the report
(the citations of the SSRN paper and the references of CorpusID:14514057 were never recorded).

What is committed is paperlab's own citation cache, not the responses: ``CitationCache.dump()`` of that store
(which paper's references/citations were fetched, the edges, and the papers at their ends: ids, titles, years,
authors, external ids, counts), plus the three seed papers. Two titles are OURS, as the recordings asked for no
title: the SSRN paper's (its public title) and a placeholder naming CorpusID:14514057, whose title was not
recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the tests' local fake server

from fakeserver import FakeServer  # noqa: E402

from paperlab import Library, Paper  # noqa: E402
from paperlab.errors import PartialImportWarning  # noqa: E402
from paperlab.sources._cassette import read_cassette  # noqa: E402
from paperlab.sources._http import HttpClient  # noqa: E402
from paperlab.sources.s2_graph import s2_lookup_id  # noqa: E402
from paperlab.sources.semantic_scholar import SemanticScholarClient  # noqa: E402
from paperlab.store import Store  # noqa: E402
from paperlab.store.citations import CitationCache  # noqa: E402

OUT = HERE / "citations-graph.json"
PREFIX = "danielnsilva_semanticscholar"
SSRN_DOI = "10.2139/ssrn.2250500"
SSRN_TITLE = "The Miracle of Microfinance? Evidence from a Randomized Evaluation"  # ours: not in the recordings
CORPUS_ID = "CorpusID:14514057"
CORPUS_TITLE = "CorpusID:14514057 (its 1,881 citations were recorded, its title was not)"  # ours
TURING = "Paper_full_details_turing1950_at_eea1c0b.json"


def _cassette_pages(server: FakeServer, file: Path, path: str) -> None:
    """Serve the recorded pages of ``file`` at ``path``, each by its ``offset``."""
    for ix in read_cassette(file.read_bytes(), file.name):
        offset = ix.uri.split("offset=")[1].split("&")[0]
        server.route(path, ix.body or "", match=lambda q, o=offset: q.get("offset") == [o])


def _turing_pages(server: FakeServer, details: dict[str, Any], base: str) -> None:
    """Turing's embedded citations and references, each list unchanged as one page of its endpoint."""
    for direction, key in (("citations", "citingPaper"), ("references", "citedPaper")):
        page = {"offset": 0, "data": [{key: item} for item in details[direction]]}
        server.route(f"{base}/{direction}", json.dumps(page))


def _seeds(s2: SemanticScholarClient, server: FakeServer, fixtures: Path) -> list[Paper]:
    """The library: the SSRN paper (authors from the recorded batch), CorpusID:14514057, Turing (full details)."""
    batch = read_cassette((fixtures / f"{PREFIX}_test_get_papers.yaml").read_bytes(), "batch")[0]
    server.route("/graph/v1/paper/batch", batch.body or "")
    asked = json.loads(batch.body or "[]")  # the recorded answer: paperId and authors, in the order asked
    ssrn_authors = [a["name"] for a in asked[1]["authors"]]
    ssrn = Paper(SSRN_TITLE, doi=SSRN_DOI, authors=ssrn_authors, extra={"paperId": asked[1]["paperId"]})
    corpus = Paper(CORPUS_TITLE, extra={"paperId": CORPUS_ID})
    details = (fixtures / PREFIX / TURING).read_bytes()
    server.route("/graph/v1/paper/DOI:10.1093/MIND/LIX.236.433", details)
    turing = s2.paper("DOI:10.1093/MIND/LIX.236.433")
    return [ssrn, corpus, turing]


#: what the notebook needs of a paper at the other end of an edge (no abstracts, no fetch records: these name the
#: fake server's 127.0.0.1 URL)
KEEP = ("title", "id", "arxiv_id", "doi", "authors", "published", "journal_ref")
KEEP_EXTRA = ("paperId", "citationCount", "year", "date_precision", "date_note")


def _slim(paper: dict[str, Any]) -> dict[str, Any]:
    kept = {k: paper[k] for k in KEEP if k in paper}
    extra = {k: paper["extra"][k] for k in KEEP_EXTRA if k in paper.get("extra", {})}
    return {**kept, "extra": extra} if extra else kept


def build(realdata: Path) -> dict[str, Any]:
    """Serve the recordings, fetch through paperlab into a scratch store, and return what is committed."""
    fixtures = realdata / "fixtures" / "semantic_scholar"
    with FakeServer() as server, tempfile.TemporaryDirectory() as tmp:
        http = HttpClient(retries=0, timeout=10.0, sleep=lambda s: None)
        s2 = SemanticScholarClient(base_url=f"{server.url}/graph/v1", api_key="", http=http)
        seeds = _seeds(s2, server, fixtures)
        ssrn, corpus, turing = seeds
        base = "/graph/v1/paper"
        _cassette_pages(
            server, fixtures / f"{PREFIX}_test_get_paper_references.yaml", f"{base}/{s2_lookup_id(ssrn)}/references"
        )
        _cassette_pages(server, fixtures / f"{PREFIX}_test_get_paper_citations.yaml", f"{base}/{CORPUS_ID}/citations")
        details = json.loads((fixtures / PREFIX / TURING).read_text(encoding="utf-8"))
        _turing_pages(server, details, f"{base}/{s2_lookup_id(turing)}")
        store = Store(Path(tmp) / "citations.sqlite3")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PartialImportWarning)
            report = Library(seeds).fetch_citations(store=store, client=s2, limit=None)
        s2.close()
        dump = CitationCache(store).dump()
    print(report)
    for what, why in report.failed.items():
        print(f"  not recorded: {what} ({why.splitlines()[0][:100]})")
    print(f"  {len(caught)} partial-page warnings (items S2 could not read are left out)")
    dump["papers"] = {pid: _slim(paper) for pid, paper in dump["papers"].items()}
    seeds_json = [
        {k: v for k, v in p.to_dict().items() if k != "sources" and v not in (None, "", [], {})} for p in seeds
    ]
    return {"seeds": seeds_json, "cache": dump}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--realdata", type=Path, default=os.environ.get("PAPERLAB_REALDATA"), help="the recorded corpus"
    )
    args = parser.parse_args(argv)
    if not args.realdata or not (Path(args.realdata) / "fixtures" / "semantic_scholar").is_dir():
        parser.error("--realdata: a folder holding fixtures/semantic_scholar (or set PAPERLAB_REALDATA)")
    data = build(Path(args.realdata))
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    cache = data["cache"]
    print(f"{len(cache['edges'])} edges, {len(cache['papers'])} papers -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
