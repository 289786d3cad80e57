"""Rebuild ``digest-cache/`` for notebooks/04-digest.ipynb from our own arXiv and Hugging Face answers.

Run from the repository root::

    python notebooks/data/make_digest_cache.py [ANSWERS]

ANSWERS is a folder of answers (default: ``tests/data/digest/``, the small answers we wrote for
tests/test_digest.py) holding, by these names:

- ``arxiv_testing.xml``: the arXiv answer for ``ti:"testing" OR abs:"testing"`` (ours: 10 papers)
- ``arxiv_software_testing.xml``: the answer for ``ti:"software testing" OR abs:"software testing"``
  (ours: 4 of those 10; it claims 57 results, so the digest asks for the next page once)
- ``hf_day_2025-10-15.json``: Hugging Face ``/api/daily_papers?date=2025-10-15`` (ours: 6 papers; only 2510.08783
  mentions "testing")
- ``empty.xml`` (optional): the arXiv answer for any later page; without it ``tests/data/arxiv/empty.xml``
  (our empty answer, totalResults 0)

The digest of ``digest.toml`` is run "live", but an ``httpx.MockTransport`` answers each request with one of these
answers (nothing goes to the network), so the cache has exactly the shape and keys of a real run's: one JSON file
per request URL (the real arXiv and Hugging Face addresses) with its status, body and retrieval time (the time
this script ran).
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
from pathlib import Path

import httpx

from paperlab.digests import digest, load_config

HERE = Path(__file__).resolve().parent
TEST_DATA = HERE.parents[1] / "tests" / "data"
DEFAULT_ANSWERS = TEST_DATA / "digest"
DEFAULT_EMPTY = TEST_DATA / "arxiv" / "empty.xml"


def main(answers: Path = DEFAULT_ANSWERS) -> None:
    arxiv = {
        'ti:"testing" OR abs:"testing"': (answers / "arxiv_testing.xml").read_bytes(),
        'ti:"software testing" OR abs:"software testing"': (answers / "arxiv_software_testing.xml").read_bytes(),
    }
    empty_file = answers / "empty.xml"
    empty = (empty_file if empty_file.is_file() else DEFAULT_EMPTY).read_bytes()
    hf = (answers / "hf_day_2025-10-15.json").read_bytes()

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
    if len(sys.argv) > 2:
        sys.exit("usage: python notebooks/data/make_digest_cache.py [ANSWERS] (default: tests/data/digest)")
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ANSWERS
    if not (folder / "arxiv_testing.xml").is_file():
        sys.exit(f"{folder}: no arxiv_testing.xml (a folder of answers, like tests/data/digest)")
    main(folder)
