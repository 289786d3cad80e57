"""How the store recognises a paper: match keys, and merging a batch with the stored records.

A record matches a stored one by canonical id, arXiv id, DOI or normalised title, and is merged with it
when :func:`paperlab.identity.same_work` says they are one work (the rule the Library uses): records with
different arXiv ids or DOIs, or with one title and a different year, first author, kind or venue, stay apart.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Iterable

from ..errors import warn_partial
from ..identity import disambiguated_id, merge_papers, outside_splits, same_work, set_aside_doubtful_ids
from ..paper import Paper, normalize_title

__all__ = [
    "match_keys",
    "merge_batch",
    "same_paper",
    "title_hash",
    "title_key",
    "title_key_uncached",
]

# -- title keys ----------------------------------------------------------------------------
# bytes.translate table: ASCII letters and digits -> lowercase, every other byte -> space
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


def title_key_uncached(title: str) -> str | None:
    """:func:`normalize_title` when identifying (>= 12 chars), else None.

    With an ASCII fast path: it was a large part of :meth:`Store.bulk_import`.
    """
    if title.isascii():  # one table lookup per byte: letters and digits lowercased, all else a space
        norm = b" ".join(title.encode("ascii").translate(_ASCII_WORDS).split()).decode("ascii")
    else:
        norm = normalize_title(title)
    return norm if len(norm) >= 12 else None


#: :func:`title_key_uncached`, cached: merging computes it several times per paper
title_key = functools.lru_cache(maxsize=1 << 15)(title_key_uncached)


def title_hash(norm: str) -> int:
    """Signed 64-bit hash of a title key: a small index entry instead of the whole title."""
    return int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big", signed=True)


def match_keys(p: Paper) -> list[str]:
    """The keys under which the store finds another record of ``p``: id, arXiv id, DOI, title."""
    keys = [f"id:{p.id}"]
    if p.arxiv_id:
        keys.append(f"arxiv:{p.arxiv_id}")
    if p.doi:
        keys.append(f"doi:{p.doi.lower()}")
    norm = title_key(p.title)
    if norm:
        keys.append(f"title:{norm}")
    return keys


def same_paper(a: Paper, b: Paper) -> bool:
    """Whether two records sharing a key describe one paper: :func:`paperlab.identity.same_work`,
    the rule :class:`~paperlab.library.Library` uses too.

    Records with different arXiv ids (or different DOIs) are different papers even when their
    titles are equal ("Erratum", "Comment on ..."), and so are records with the same title and a
    different year, first author, kind of work or venue.
    """
    return same_work(a, b)


# -- merging a batch -------------------------------------------------------------------------
class _Merger:
    """The records being merged: id -> record, key -> ids, and old id -> new id."""

    def __init__(self) -> None:
        self.work: dict[str, Paper] = {}
        self.index: dict[str, list[str]] = {}
        self.renames: dict[str, str] = {}
        self.splits = False  # whether a record split by the user (extra["distinct_from"]) was put

    def put(self, p: Paper) -> None:
        self.work[p.id] = p
        self.splits = self.splits or "distinct_from" in p.extra
        for k in match_keys(p):
            ids = self.index.setdefault(k, [])
            if p.id not in ids:
                ids.append(p.id)

    def matches(self, p: Paper) -> list[str]:
        """Ids of the records ``p`` shares a key with and may be merged with."""
        found: list[str] = []
        for k in match_keys(p):
            for pid in self.index.get(k, ()):
                if pid in self.work and pid not in found and same_paper(self.work[pid], p):
                    found.append(pid)
        return found

    def _outside_splits(self, p: Paper) -> Paper:
        """``p`` without the arXiv id or DOI of a record kept apart from it (:func:`outside_splits`)."""
        keys = [k for k in match_keys(p)[1:] if k.startswith(("arxiv:", "doi:"))]
        return outside_splits(p, [self.work[pid] for k in keys for pid in self.index.get(k, ()) if pid in self.work])

    def _set_aside_doubtful_ids(self, p: Paper) -> Paper:
        """``p`` without the arXiv id or DOI of a record whose title names another work (:func:`set_aside_doubtful_ids`)."""
        keys = [k for k in match_keys(p)[1:] if k.startswith(("arxiv:", "doi:"))]
        holders = [self.work[pid] for k in keys for pid in self.index.get(k, ()) if pid in self.work]
        if holders:
            p, doubts = set_aside_doubtful_ids(p, holders)
            for doubt in doubts:
                warn_partial(doubt)
        return p

    def add(self, p: Paper) -> None:
        """Merge one incoming record into the work set."""
        if self.splits:
            p = self._outside_splits(p)
        if p.arxiv_id or p.doi:
            p = self._set_aside_doubtful_ids(p)
        matches = self.matches(p)
        if not matches:
            if p.id in self.work:  # another work whose title gives the same id
                old, p = p.id, dataclasses.replace(p, id=disambiguated_id(p))
                self.renames.setdefault(old, p.id)
            self.put(p)
            return
        # fold together only records compatible with each other, not just with p: a
        # title-only record must not join two papers that share its title
        merged = self.work[matches[0]]
        used = [matches[0]]
        for other in matches[1:]:
            if same_paper(merged, self.work[other]):
                merged = merge_papers(merged, self.work[other])
                used.append(other)
        merged = merge_papers(merged, p)
        if merged.id in self.work and merged.id not in used:  # the merged record's id is taken by its twin
            twin = merged.id
            merged = merge_papers(self.work[twin], merged)
            used.append(twin)
        for old in used:
            del self.work[old]
            if old != merged.id:
                self.renames[old] = merged.id
        if p.id != merged.id and p.id not in self.work and p.id not in self.renames:
            # the incoming record itself now lives under another id (e.g. a title-only record
            # folded into a stored arXiv record): callers look it up under the final id
            self.renames[p.id] = merged.id
        self.renames.pop(merged.id, None)
        self.put(merged)

    def final_renames(self) -> dict[str, str]:
        """``renames`` with chains a -> b -> c followed to their end."""
        renames = self.renames
        for old in list(renames):
            new = renames[old]
            seen = {old}
            while new in renames and new not in seen:
                seen.add(new)
                new = renames[new]
            renames[old] = new
        return renames


def merge_batch(incoming: Iterable[Paper], existing: list[Paper]) -> tuple[dict[str, Paper], dict[str, str]]:
    """Merge ``incoming`` papers with each other and with ``existing`` stored records.

    Returns
    -------
    work : dict
        id -> record, for every record to write (and every untouched existing one).
    renames : dict
        old id -> final id, for records merged into another one, and for every incoming
        record that is stored under another id than its own.
    """
    merger = _Merger()
    for p in existing:
        merger.put(p)
    for p in incoming:
        merger.add(p)
    return merger.work, merger.final_renames()
