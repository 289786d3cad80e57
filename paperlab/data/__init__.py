"""The bundled demo corpus: real papers imported by paperlab's own importers from the project's seed
documents and recorded API responses (see ``scripts/build_demo_corpus.py``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..library import Library

__all__ = ["DEMO_PATH", "demo", "demo_library"]

DEMO_PATH = Path(__file__).with_name("demo.jsonl")


@lru_cache(maxsize=1)
def _demo_dicts() -> tuple[dict, ...]:
    import json

    with open(DEMO_PATH, encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def demo_library() -> Library:
    """The demo corpus as a fresh Library (a few hundred ML papers from arXiv, Hugging Face and
    DailyArXiv digests)."""
    from ..paper import Paper

    return Library((Paper.from_dict(d) for d in _demo_dicts()), name="demo")


demo = demo_library  # ``paperlab.demo()``
