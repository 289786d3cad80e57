"""Rebuild ``citations-cache/`` for notebooks/06-citations.ipynb: Semantic Scholar answers for eight demo papers.

Run from the repository root::

    python notebooks/data/make_citations_cache.py

The answers are OUR OWN, written by this script in the exact shape of the Graph API's
``/paper/{id}/references`` and ``/paper/{id}/citations`` pages (``citedPaper`` / ``citingPaper`` items with
``contexts``, ``intents`` and ``isInfluential``): which demo paper cites which, and the classic works they
cite, are made up for an offline walk-through -- they are not real citation data, and the citation counts
are round illustrative numbers. (The real answers are exercised in tests/test_citations.py on recorded
responses.)

``Library.fetch_citations()`` is run "live" through paperlab's own client with an ``httpx.MockTransport``
answering each request (nothing goes to the network), so the cache has exactly the keys of a real run: one
JSON file per request URL at the real ``api.semanticscholar.org`` address. The notebook reads it with
``HttpClient(cache_dir=..., offline=True)``. The ids of the eight papers go to ``citations-papers.json``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import httpx

from paperlab import Library, Paper
from paperlab.data import demo_library
from paperlab.sources._http import HttpClient
from paperlab.sources.semantic_scholar import SemanticScholarClient
from paperlab.store import Store

HERE = Path(__file__).resolve().parent
CACHE = HERE / "citations-cache"
PAPERS = HERE / "citations-papers.json"
JSON = {"Content-Type": "application/json"}

# classic works the made-up reference lists draw on (real works; the counts are round illustrative numbers)
CLASSICS: list[dict[str, Any]] = [
    {
        "title": "Multiple emitter location and signal parameter estimation",
        "DOI": "10.1109/TAP.1986.1143830",
        "year": 1986,
        "authors": ["R. Schmidt"],
        "citationCount": 12000,
    },
    {
        "title": "ESPRIT-estimation of signal parameters via rotational invariance techniques",
        "DOI": "10.1109/29.32276",
        "year": 1989,
        "authors": ["R. Roy", "T. Kailath"],
        "citationCount": 9000,
    },
    {
        "title": "Two decades of array signal processing research: the parametric approach",
        "DOI": "10.1109/79.526899",
        "year": 1996,
        "authors": ["H. Krim", "M. Viberg"],
        "citationCount": 7000,
    },
    {
        "title": "Deep Residual Learning for Image Recognition",
        "ArXiv": "1512.03385",
        "year": 2015,
        "authors": ["Kaiming He", "X. Zhang", "Shaoqing Ren", "Jian Sun"],
        "citationCount": 200000,
    },
    {
        "title": "Adam: A Method for Stochastic Optimization",
        "ArXiv": "1412.6980",
        "year": 2014,
        "authors": ["Diederik P. Kingma", "Jimmy Ba"],
        "citationCount": 150000,
    },
]


def _s2(paper: Paper) -> dict[str, Any]:
    return {
        "paperId": None,
        "externalIds": {"ArXiv": paper.arxiv_id} if paper.arxiv_id else {},
        "title": paper.title,
        "year": paper.year,
        "authors": [{"authorId": None, "name": a} for a in paper.authors],
        "citationCount": 0,
    }


def _classic(c: dict[str, Any]) -> dict[str, Any]:
    ids = {k: c[k] for k in ("DOI", "ArXiv") if k in c}
    return {
        "paperId": None,
        "externalIds": ids,
        "title": c["title"],
        "year": c["year"],
        "authors": [{"authorId": None, "name": a} for a in c["authors"]],
        "citationCount": c["citationCount"],
    }


def _pages(chosen: list[Paper]) -> dict[tuple[str, str], dict[str, Any]]:
    """(arXiv id, direction) -> page. Newer papers (earlier in ``chosen``) cite older ones."""
    refs: dict[str, list[dict[str, Any]]] = {p.arxiv_id or "": [] for p in chosen}
    cites: dict[str, list[dict[str, Any]]] = {p.arxiv_id or "": [] for p in chosen}
    for i, paper in enumerate(chosen):
        me = paper.arxiv_id or ""
        for k, classic in enumerate(CLASSICS):
            if (i + k) % 3 != 2:  # each paper cites most classics, not all the same ones
                refs[me].append(
                    {
                        "contexts": [f"as in [{k + 1}]"],
                        "intents": ["background"],
                        "isInfluential": k < 2,
                        "citedPaper": _classic(classic),
                    }
                )
        for older in chosen[i + 1 : i + 3]:
            refs[me].append(
                {
                    "contexts": ["We build on [7]."],
                    "intents": ["methodology"],
                    "isInfluential": True,
                    "citedPaper": _s2(older),
                }
            )
            cites[older.arxiv_id or ""].append(
                {
                    "contexts": ["We build on [7]."],
                    "intents": ["methodology"],
                    "isInfluential": True,
                    "citingPaper": _s2(paper),
                }
            )
    pages = {(pid, "references"): {"offset": 0, "data": items} for pid, items in refs.items()}
    pages.update({(pid, "citations"): {"offset": 0, "data": items} for pid, items in cites.items()})
    return pages


def main() -> None:
    demo = demo_library()
    chosen = [p for p in demo if p.arxiv_id][:8]
    pages = _pages(chosen)

    def handler(request: httpx.Request) -> httpx.Response:
        parts = request.url.path.split("/")  # /graph/v1/paper/ARXIV:<id>/<direction>
        key = (parts[-2].removeprefix("ARXIV:"), parts[-1])
        if key in pages:
            return httpx.Response(200, stream=httpx.ByteStream(json.dumps(pages[key]).encode()), headers=JSON)
        return httpx.Response(404, stream=httpx.ByteStream(b'{"error": "not in our answers"}'), headers=JSON)

    shutil.rmtree(CACHE, ignore_errors=True)
    http = HttpClient(cache_dir=CACHE, transport=httpx.MockTransport(handler))
    s2_url = "https://api.semanticscholar.org/graph/v1"  # the notebook asks the same URLs
    with tempfile.TemporaryDirectory() as tmp, SemanticScholarClient(base_url=s2_url, api_key="", http=http) as s2:
        report = Library(chosen).fetch_citations(store=Store(Path(tmp) / "s.sqlite3"), client=s2)
    PAPERS.write_text(json.dumps([p.id for p in chosen], indent=1) + "\n", encoding="utf-8")
    print(report, "->", CACHE)


if __name__ == "__main__":
    main()
