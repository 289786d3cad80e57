"""Rebuild ``digest-cache/`` for notebooks/04-digest.ipynb from recorded real responses.

Run from the repository root::

    python notebooks/data/make_digest_cache.py REALDATA

(REALDATA: the recorded real corpus, a folder holding fixtures/ and seeds/; default $PAPERLAB_REALDATA.)

The digest of ``digest.toml`` is run "live", but an ``httpx.MockTransport`` answers each request with a
recorded response (nothing goes to the network), so the cache holds exactly what a real run caches: one
JSON file per request URL (the real arXiv and Hugging Face addresses) with its status, body and retrieval time.

- arXiv ``ti:"testing" OR abs:"testing"``: ``q_testing_s0_m15`` (15 entries; lukasschwab/arxiv.py @ 1e25a34)
- arXiv ``ti:"software testing" OR abs:"software testing"``: ``q_testing_s5_m10`` (entries 6-15 of the same set)
- any later page: ``id_0000.0000_s0_m100`` (arXiv's real empty answer)
- Hugging Face ``/api/daily_papers?date=2025-10-15``: hf-daily-paper-newsletter-chinese @ 4b57ca9 (26 papers)
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
from pathlib import Path

import httpx

from paperlab.digests import digest, load_config

HERE = Path(__file__).resolve().parent


def main(shared: Path) -> None:
    bodies = shared / "fixtures" / "arxiv_atom" / "extracted_bodies"
    arxiv = {
        'ti:"testing" OR abs:"testing"': (bodies / "q_testing_s0_m15_80c242b59d59.xml").read_bytes(),
        'ti:"software testing" OR abs:"software testing"': (bodies / "q_testing_s5_m10_c0e94a259d4a.xml").read_bytes(),
    }
    empty = (bodies / "id_0000.0000_s0_m100_8b51d9633a68.xml").read_bytes()
    hf = (
        shared / "fixtures" / "hf_daily_papers" / "hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json"
    ).read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        if request.url.host == "export.arxiv.org":
            body = arxiv[params["search_query"]] if params.get("start") == "0" else empty
            return httpx.Response(200, content=body, headers={"Content-Type": "application/atom+xml"})
        if request.url.path == "/api/daily_papers" and params.get("date") == "2025-10-15":
            return httpx.Response(200, content=hf, headers={"Content-Type": "application/json"})
        return httpx.Response(404, content=b'{"error": "not recorded"}')

    config = load_config(HERE / "digest.toml")
    shutil.rmtree(config.cache_dir, ignore_errors=True)
    config = dataclasses.replace(config, arxiv_delay=0.0, hf_delay=0.0)  # nothing real to be polite to
    result = digest(config, transport=httpx.MockTransport(handler))
    print(result, "->", config.cache_dir)


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("PAPERLAB_REALDATA")
    if not folder or not (Path(folder) / "fixtures").is_dir():
        sys.exit(
            "usage: python notebooks/data/make_digest_cache.py REALDATA (a folder with fixtures/; or set PAPERLAB_REALDATA)"
        )
    main(Path(folder))
