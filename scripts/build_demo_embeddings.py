"""Precompute the default model's vectors of the demo corpus, so searching it embeds only the query.

Writes ``paperlab/data/demo-embeddings.npz``: ``model`` (the encoder name, the embedding cache's
key), ``hashes`` (SHA-1 of each paper's indexed text, :func:`paperlab.search.text_hash`) and
``vectors`` (float16, unit length, one row per hash). :func:`paperlab.search.embed` seeds the
embedding cache from it. Re-run after changing ``paperlab/data/demo.jsonl``, the default model
or :func:`paperlab.search.paper_text`.

Usage: python scripts/build_demo_embeddings.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from paperlab.data import demo_library  # noqa: E402
from paperlab.search import DEFAULT_MODEL, PACKAGED_EMBEDDINGS, get_encoder, paper_text, text_hash  # noqa: E402


def main() -> None:
    texts = list(dict.fromkeys(paper_text(p) for p in demo_library()))
    encoder = get_encoder(DEFAULT_MODEL)
    t = time.perf_counter()
    vectors = encoder.encode(texts).astype(np.float16)
    hashes = np.array([text_hash(x) for x in texts])
    np.savez_compressed(PACKAGED_EMBEDDINGS, model=np.array(encoder.name), hashes=hashes, vectors=vectors)
    print(
        f"{len(texts)} texts embedded with {encoder.name} in {time.perf_counter() - t:.0f} s -> "
        f"{PACKAGED_EMBEDDINGS.relative_to(ROOT)} ({PACKAGED_EMBEDDINGS.stat().st_size / 1024:.0f} KiB)"
    )


if __name__ == "__main__":
    main()
