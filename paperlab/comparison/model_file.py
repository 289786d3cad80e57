"""The JSON weight files of extraction's learned parts (metric ranker, results classifier), read once each."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["read_model"]


def read_model(path: Path) -> dict | None:
    """The model stored at ``path``, or None when there is none (extraction then uses its rules alone)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
