"""The versions of a merged work: its timeline (a preprint, its versions, the publication), and splitting a wrong
merge, whose parts are kept apart from then on."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..errors import UsageError
from ..paper import Paper
from ._signals import is_preprint


def kept_apart(a: Paper, b: Paper) -> bool:
    """Whether the user split ``a`` and ``b`` apart (:func:`split_merged`): either lists the other in
    ``extra["distinct_from"]``."""
    apart_a, apart_b = a.extra.get("distinct_from"), b.extra.get("distinct_from")
    return bool(apart_a or apart_b) and (
        (isinstance(apart_a, list) and b.id in apart_a) or (isinstance(apart_b, list) and a.id in apart_b)
    )


def outside_splits(p: Paper, others: Iterable[Paper]) -> Paper:
    """``p`` without the arXiv id and DOI it shares with a record the user split from it (:func:`kept_apart`):
    a later record naming both parts of a split (a Semantic Scholar record giving the preprint's arXiv id and
    its publication's DOI) joins one part and leaves the other part's id to it, so each id stays on one record."""
    for other in others:
        if not kept_apart(other, p):
            continue
        if p.arxiv_id and p.arxiv_id == other.arxiv_id:
            p = dataclasses.replace(p, arxiv_id=None)
        if p.doi and other.doi and p.doi.lower() == other.doi.lower():
            p = dataclasses.replace(p, doi=None)
    return p


def _version_of(p: Paper) -> dict[str, object]:
    """One record as a version of its work: what it is, when, where, and the record itself (for a split)."""
    record = p.to_dict()
    record["extra"] = {k: v for k, v in record["extra"].items() if k != "versions"}
    entry: dict[str, object] = {
        "id": p.id,
        "kind": "preprint" if is_preprint(p) else "published",
        "date": p.published.isoformat() if p.published else None,
        "venue": p.venue or p.journal_ref,
        "source": p.sources[0].name if p.sources else None,
    }
    if p.arxiv_id:
        entry.update(arxiv=p.arxiv_id, version=p.version, updated=p.updated.isoformat() if p.updated else None)
    if p.doi:
        entry["doi"] = p.doi
    entry["record"] = record
    return entry


def versions_of(p: Paper) -> list[dict[str, object]]:
    found = p.extra.get("versions")
    if isinstance(found, list) and found and all(isinstance(v, dict) and "record" in v for v in found):
        return [dict(v) for v in found]
    return [_version_of(p)]


def timeline(p: Paper) -> list[dict[str, object]]:
    """The versions of a work merged into ``p`` (an arXiv preprint and its versions, the venue publication),
    oldest first: ``id``, ``kind`` ("preprint" or "published"), ``date``, ``venue``, ``source``, and ``arxiv``,
    ``version``, ``updated`` or ``doi`` when known. A record never merged is its own single version."""
    entries = [{k: v for k, v in entry.items() if k != "record"} for entry in versions_of(p)]
    return sorted(entries, key=lambda e: (e["date"] is None, str(e["date"] or ""), e["kind"] != "preprint"))


def split_merged(p: Paper) -> list[Paper]:
    """Undo a wrong merge: the records merged into ``p``, each kept apart from the others from now on
    (``extra["distinct_from"]``, which :func:`same_work` honours in the library and the store).

    Raises
    ------
    UsageError
        If ``p`` is not a merge of records with different ids.
    """
    versions = versions_of(p)
    if len(versions) < 2:
        raise UsageError(f"{p.id}: not a merge of several records (nothing to split)")
    parts = [Paper.from_dict(v["record"]) for v in versions if isinstance(v["record"], dict)]
    ids = [part.id for part in parts]
    for part in parts:
        before = part.extra.get("distinct_from")
        others = [i for i in ids if i != part.id]
        part.extra["distinct_from"] = list(dict.fromkeys([*(before if isinstance(before, list) else []), *others]))
    return parts
