"""The "new since last digest" state: a small JSON sidecar next to the README.

``README.digest.json`` for ``README.md`` holds the digest date and the ids listed under each
keyword, plus the same for the digest before it (so re-running a day's digest compares with the
day before).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ParseError
from .config import parse_date

__all__ = ["STATE_VERSION", "baseline", "next_state", "read_state"]

STATE_VERSION = 1


def read_state(path: Path | None) -> dict[str, Any] | None:
    """The state stored at ``path`` (None when there is none yet).

    Raises
    ------
    ParseError
        If the file is not a paperlab digest state.
    """
    if path is None or not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("paperlab_digest_state") != STATE_VERSION:
            raise ValueError("not a paperlab digest state")
        parse_date(data["date"], "date", str(path))
        if not isinstance(data.get("keywords"), dict):
            raise ValueError("'keywords' is not an object")
    except (ValueError, KeyError, ParseError) as exc:
        raise ParseError(
            f"expected a paperlab digest state file (JSON with 'date' and 'keywords'): {exc}", source=str(path)
        ) from None
    return data


def _state_core(data: Mapping[str, Any]) -> dict[str, Any]:
    return {"date": data["date"], "keywords": {k: list(v) for k, v in data["keywords"].items()}}


def baseline(state: Mapping[str, Any] | None, today: dt.date) -> dict[str, Any] | None:
    """The latest recorded digest strictly before ``today`` (re-running a day compares with the day before)."""
    if not state:
        return None
    candidates = [_state_core(state)]
    if isinstance(state.get("previous"), dict):
        candidates.append(_state_core(state["previous"]))
    earlier = [c for c in candidates if dt.date.fromisoformat(c["date"]) < today]
    return max(earlier, key=lambda c: c["date"]) if earlier else None


def next_state(
    sections: Mapping[str, list[str]], failed: list[str], base: Mapping[str, Any] | None, last_update: dt.date
) -> tuple[list[str], dict[str, Any]]:
    """(ids new since ``base``, the state to store for this digest).

    The papers of a failed query are kept in the stored state, so they are not "new" next time.
    """
    seen: set[str] = set()
    if base is not None:
        for ids in base["keywords"].values():
            seen.update(ids)
    all_ids = list(dict.fromkeys(i for ids in sections.values() for i in ids))
    new = [i for i in all_ids if i not in seen]
    kept = {k: list(v) for k, v in sections.items()}
    for keyword in failed:
        if base is not None:
            kept[keyword] = list(dict.fromkeys(kept.get(keyword, []) + base["keywords"].get(keyword, [])))
    state: dict[str, Any] = {"paperlab_digest_state": STATE_VERSION, "date": last_update.isoformat(), "keywords": kept}
    if base is not None:
        state["previous"] = dict(base)
    return new, state
