"""When two records describe one work, and merging them: the one rule the :class:`~paperlab.library.Library`
and the store (:mod:`paperlab.store.keys`) share.

A shared title is not enough: two records are one work when they have the same arXiv id, or the same DOI,
or the same normalised title and nothing that both records know tells them apart -- the year, the first
author's family name, the kind of work (a book is not an article) and the venue.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from .paper import Paper, normalize_title

__all__ = ["Merge", "citation_keys", "disambiguated_id", "merge_papers", "same_work"]

# Kinds of work (BibTeX / BibLaTeX entry types) that are never the same work as one of another kind;
# types not listed (misc, unpublished, online, ...) say nothing and match any kind.
_KINDS = {
    **dict.fromkeys(("book", "mvbook", "booklet", "collection", "mvcollection", "reference", "mvreference"), "book"),
    **dict.fromkeys(("proceedings", "mvproceedings", "periodical", "manual"), "volume"),
    **dict.fromkeys(("phdthesis", "mastersthesis", "thesis"), "thesis"),
    **dict.fromkeys(
        ("article", "inproceedings", "conference", "incollection", "inbook", "inreference", "suppbook"), "part"
    ),
    "patent": "patent",
    "techreport": "report",
    "report": "report",
}
_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.findall(r"[a-z0-9]+", text)


def _first_author_words(p: Paper) -> tuple[str, list[str]] | None:
    """(family name, every word) of the first author, or None when unknown."""
    if not p.authors:
        return None
    name = p.authors[0]
    if "," in name:  # "Family, Given"
        family_words = _words(name.split(",", 1)[0])
        words = _words(name)
    else:
        words = [w for w in _words(name) if w not in _SUFFIXES] or _words(name)
        family_words = words[-1:]
    if not family_words:
        return None
    return family_words[-1], words


def _same_first_author(a: Paper, b: Paper) -> bool | None:
    fa, fb = _first_author_words(a), _first_author_words(b)
    if fa is None or fb is None:
        return None
    # "van der Berg" / "Berg", "Lovelace, Ada" / "Ada Lovelace": one family name among the other's words
    return fa[0] == fb[0] or fa[0] in fb[1] or fb[0] in fa[1]


def _kind(p: Paper) -> str | None:
    entry_type = p.extra.get("entry_type")
    return _KINDS.get(entry_type.lower()) if isinstance(entry_type, str) else None


_PREPRINT_VENUE = re.compile(r"\barxiv\b|^corr$|\be-?print\b|\bpreprints?\b", re.I)


def _is_preprint(p: Paper) -> bool:
    """An arXiv (or other e-print server) record without a journal of its own."""
    if p.journal_ref:
        return _PREPRINT_VENUE.search(p.journal_ref) is not None
    return p.arxiv_id is not None


def _years_apart(a: Paper, b: Paper) -> bool:
    """Different years, unless one record is a preprint of the other by the same first author: a preprint's
    year is that of its posting or of its latest version (Zotero and arXiv give the latter), not the work's."""
    if not (a.published and b.published) or a.published.year == b.published.year:
        return False
    return _is_preprint(a) == _is_preprint(b) or not _same_first_author(a, b)


def _venue_words(p: Paper) -> list[str]:
    if not p.journal_ref or _PREPRINT_VENUE.search(p.journal_ref):
        return []
    return [w for w in _words(p.journal_ref) if w not in ("of", "the", "on", "and", "in", "for", "a")]


def _is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


def _same_venue(a: Paper, b: Paper) -> bool | None:
    """Whether two venues can name the same place: abbreviated words ("J. Widget Stud.") and acronyms
    ("NAACL-HLT", "ACL" for the words' initials, in order) count; at least half the words must match."""
    va, vb = _venue_words(a), _venue_words(b)
    if not va or not vb:
        return None
    short, long = (va, vb) if len(va) <= len(vb) else (vb, va)
    initials = "".join(w[0] for w in long if not w.isdigit())

    def matched(s: str) -> bool:
        if any(w.startswith(s) or s.startswith(w) for w in long):
            return True
        letters = s.rstrip("0123456789")  # "ecai2002"
        return len(letters) >= 3 and letters.isalpha() and _is_subsequence(letters, initials)

    return sum(map(matched, short)) * 2 >= len(short)


def _is_title_id(pid: str) -> bool:
    return pid.startswith("title:")


def same_work(a: Paper, b: Paper) -> bool:
    """Whether two records describe one work.

    The same arXiv id, or the same DOI, is the same work (different ones are different works); else
    the normalised titles must be equal and no field both records have -- year, first author's family
    name, kind of work (entry type), venue -- may differ. A preprint (arXiv, an e-print server) and its
    published version by the same first author may be years apart.
    """
    if a.arxiv_id and b.arxiv_id:
        return a.arxiv_id == b.arxiv_id
    if a.doi and b.doi:
        return a.doi.lower() == b.doi.lower()
    if a.id == b.id and not _is_title_id(a.id):
        return True  # one stored record (its title may have been edited)
    if normalize_title(a.title) != normalize_title(b.title):
        return False
    if _years_apart(a, b):
        return False
    ka, kb = _kind(a), _kind(b)
    if ka and kb and ka != kb:
        return False
    return _same_first_author(a, b) is not False and _same_venue(a, b) is not False


def disambiguated_id(p: Paper) -> str:
    """An id for a title-only record whose canonical id is taken by another work with the same title."""
    first = _first_author_words(p)
    parts = [normalize_title(p.title), str(p.year or ""), first[0] if first else "", _kind(p) or ""]
    parts.append(p.journal_ref or "")
    return "title:" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def citation_keys(p: Paper) -> list[str]:
    """Every citation key a record is known under: its own key first, then the keys of records merged into it."""
    keys = p.extra.get("bibtex_keys")
    found = [k for k in keys if isinstance(k, str)] if isinstance(keys, list) else []
    key = p.extra.get("bibtex_key")
    if isinstance(key, str) and key:
        found.insert(0, key)
    return list(dict.fromkeys(k for k in found if k))


def merge_papers(a: Paper, b: Paper) -> Paper:
    """:meth:`Paper.merge` keeping every citation key of both records, and ``a``'s id when it is a
    disambiguated title id (so the merged record does not take the id of another work with its title)."""
    merged = a.merge(b)
    keys = list(dict.fromkeys(citation_keys(a) + citation_keys(b)))
    if len(keys) > 1:
        merged.extra["bibtex_keys"] = keys
    if _is_title_id(a.id) and _is_title_id(merged.id) and merged.id != a.id:
        merged = dataclasses.replace(merged, id=a.id)
    return merged


@dataclass(frozen=True)
class Merge:
    """One merge of two records: the id kept, the id folded in, and their citation keys."""

    into: str
    merged: str
    keys: tuple[str, ...] = ()

    @classmethod
    def of(cls, a: Paper, b: Paper) -> Merge:
        return cls(a.id, b.id, tuple(dict.fromkeys(citation_keys(a) + citation_keys(b))))
