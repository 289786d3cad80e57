"""The names a record goes by: its citation keys, the id of a title-only record whose title another work has,
where it was read, and the ids of its work in other catalogues."""

from __future__ import annotations

import hashlib
import re

from ..paper import Paper, normalize_title
from ._signals import first_author_words, kind_of


def disambiguated_id(p: Paper) -> str:
    """An id for a title-only record whose canonical id is taken by another work with the same title."""
    first = first_author_words(p)
    parts = [normalize_title(p.title), str(p.year or ""), first[0] if first else "", kind_of(p) or ""]
    parts.append(p.journal_ref or "")
    return "title:" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def citation_keys(p: Paper) -> list[str]:
    """Every citation key a record is known under: its own BibTeX key first, then the keys of records merged into
    it, then the ID of a RIS record and the id of a CSL item when they read as a key (not a URI or a number)."""
    keys = p.extra.get("bibtex_keys")
    found = [k for k in keys if isinstance(k, str)] if isinstance(keys, list) else []
    key = p.extra.get("bibtex_key")
    if isinstance(key, str) and key:
        found.insert(0, key)
    for fmt in ("ris", "csl"):  # a RIS record's ID, a CSL item's id: the key a document cites it by
        kept = p.extra.get(fmt)
        other = kept.get("id") if isinstance(kept, dict) else None
        if isinstance(other, str) and _KEY_SHAPE.fullmatch(other.strip()):
            found.append(other.strip())
    return list(dict.fromkeys(k for k in found if k))


# a citation key as LaTeX and pandoc cite it ("quill2009widget", "gadgets-for-good"), not a URI or a number
_KEY_SHAPE = re.compile(r"[A-Za-z][\w:.+-]*")


def record_place(p: Paper, last: bool = False) -> str:
    """Where a record was read: ``"file name, line 12"`` (its first source, or its last with ``last``)."""
    if not p.sources:
        return ""
    src = p.sources[-1] if last else p.sources[0]
    name = src.location.replace("\\", "/").rsplit("/", 1)[-1]
    return ", ".join(x for x in (name, src.record or "") if x)


#: The catalogue ids :func:`work_ids` knows besides ``arxiv`` and ``doi`` (keys of ``Paper.external_ids``).
CATALOGUE_IDS = ("s2", "corpus", "openalex", "dblp", "acl", "openreview", "mag", "pmid", "pmcid")
_ID_IN_TEXT = (
    ("openreview", re.compile(r"openreview\.net/(?:forum|pdf)\?id=([\w-]+)")),
    ("acl", re.compile(r"(?:aclanthology\.org|aclweb\.org/anthology)/([A-Z]\d{2}-\d{4}|\d{4}\.[\w-]+\.\d+)")),
    ("acl", re.compile(r"^10\.18653/v1/([A-Z]\d{2}-\d{4}|\d{4}\.[\w-]+\.\d+)$", re.I)),  # ACL's DOIs
    ("dblp", re.compile(r"dblp\.org/rec/(?:bibtex/)?((?:conf|journals|books|phd)/[\w/-]+?)(?:\.bib|\.html)?$")),
)


def work_ids(p: Paper) -> dict[str, str]:
    """Every id of the work a record shows: ``arxiv``, ``doi`` (lowercase), its ``external_ids``, and the
    OpenReview, ACL Anthology and DBLP ids its URL, DOI or BibTeX ``biburl`` / ``url`` / ``openreview`` name.

    Examples
    --------
    >>> work_ids(Paper("T", url="https://openreview.net/forum?id=SJgVHkrYDH"))
    {'openreview': 'SJgVHkrYDH'}
    """
    ids: dict[str, str] = {}
    if p.arxiv_id:
        ids["arxiv"] = p.arxiv_id
    if p.doi:
        ids["doi"] = p.doi.lower()
    ids.update(p.external_ids)
    fields = p.extra.get("bibtex_fields")
    texts = [p.url, p.pdf_url, p.doi]
    if isinstance(fields, dict):
        texts += [fields.get(k) for k in ("biburl", "url", "openreview")]
    for text in texts:
        if not isinstance(text, str):
            continue
        for key, pattern in _ID_IN_TEXT:
            m = pattern.search(text)
            if m and key not in ids:
                ids[key] = m.group(1)
    return ids
