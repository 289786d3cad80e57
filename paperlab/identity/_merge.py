"""The decision -- two records are one work (:func:`same_work`) -- and the merge of the two (:func:`merge_papers`,
recorded as a :class:`Merge`)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..paper import Paper, normalize_title
from ._doubts import reads_as_nickname
from ._keys import CATALOGUE_IDS, citation_keys, record_place, work_ids
from ._signals import is_preprint, is_title_id, kind_of, same_first_author, same_pages, same_venue, years_apart
from ._versions import kept_apart, versions_of


def same_work(a: Paper, b: Paper) -> bool:
    """Whether two records describe one work.

    The same arXiv id, or the same DOI, is the same work (different ones are different works); else
    the normalised titles must be equal and no field both records have -- year, first author's family
    name, kind of work (entry type), venue -- may differ. A preprint (arXiv, an e-print server) and its
    published version by the same first author may be years apart. Venues that read differently are one
    venue when both records give the same page range (a conference's name, its proceedings' title).
    """
    if kept_apart(a, b):
        return False  # the user split them (split_merged)
    if _merged_before(a, b):
        return True  # one of them already holds the other (its timeline): importing it again is no new work
    if a.arxiv_id and b.arxiv_id:
        return a.arxiv_id == b.arxiv_id
    if a.doi and b.doi:
        return a.doi.lower() == b.doi.lower()
    if a.id == b.id and not is_title_id(a.id):
        return True  # one stored record (its title may have been edited)
    if _share_catalogue_id(a, b):
        return True  # the same Semantic Scholar paper, DBLP record, ACL Anthology or OpenReview id...
    if normalize_title(a.title) != normalize_title(b.title):
        return False
    if years_apart(a, b):
        return False
    ka, kb = kind_of(a), kind_of(b)
    if ka and kb and ka != kb:
        return False
    if same_first_author(a, b) is False:
        return False
    return same_venue(a, b) is not False or same_pages(a, b)


def _share_catalogue_id(a: Paper, b: Paper) -> bool:
    if not (a.external_ids or a.url or a.extra.get("bibtex_fields")):
        return False  # nothing to compare: keep bulk merges fast
    ia, ib = work_ids(a), work_ids(b)
    # only the same id is evidence: S2 and DBLP keep separate records of a preprint and its published version
    return any(ia.get(k) is not None and ia.get(k) == ib.get(k) for k in CATALOGUE_IDS)


def _merged_before(a: Paper, b: Paper) -> bool:
    """Whether one record holds the other as one of its versions (:func:`timeline`): a version under the other's
    id that is the same work as it. A merged record's year, venue and kind are those of its published version,
    which may set it apart from its own preprint's record; the version kept as it was does not."""
    for p, q in ((a, b), (b, a)):
        if "versions" not in p.extra:
            continue
        for v in versions_of(p):
            if v["id"] == q.id != p.id and isinstance(v["record"], dict):
                return same_work(Paper.from_dict(v["record"]), q)
    return False


# a title's last word that keeps its stop: an abbreviation ("et al.", "etc.", "vs.", "Inc.", "U.S.")
_ABBREVIATION_END = re.compile(r"(?:\bal|\betc|\bvs|\bInc|\bLtd|\bCo|\bJr|\bSr|\b[A-Z]|\.[A-Za-z])$")


#: ``extra["found_by"]`` of a paper the generic paper finder read: its title is the text nearest the id, a guess
_FINDER = "generic paper finder"


def merge_papers(a: Paper, b: Paper) -> Paper:
    """:meth:`Paper.merge` keeping every citation key of both records, the full title when ``a`` names the paper
    by a nickname (:func:`reads_as_nickname`) or the generic paper finder guessed it from prose (the other record's
    own title, and no longer ``found_by``), the title in mixed case when ``a`` writes the same one in capitals,
    and ``a``'s id when it is a disambiguated title id (so the merged record does not take the id of another work
    with its title).

    Records with different ids (a preprint and its published version) are remembered in ``extra["versions"]``
    (see :func:`timeline`), so :func:`split_merged` can undo a wrong merge."""
    merged = a.merge(b)
    guessed = [p.extra.get("found_by") == _FINDER for p in (a, b)]
    if guessed[0] != guessed[1]:  # a title the finder took from the prose beside an id gives way to a record's own
        merged = dataclasses.replace(merged, title=(b if guessed[0] else a).title)
        merged.extra.pop("found_by", None)
    elif reads_as_nickname(a.title) and not reads_as_nickname(b.title) and len(b.title) > len(a.title):
        merged = dataclasses.replace(merged, title=b.title)  # "Vision Transformer (ViT)": the paper's own title
    elif a.title.isupper() and not b.title.isupper() and a.title.casefold() == b.title.casefold():
        merged = dataclasses.replace(merged, title=b.title)  # a catalogue's title in capitals: the one in its case
    elif merged.title[:-1].rstrip() == b.title and merged.title[-1:] == "." and not _ABBREVIATION_END.search(b.title):
        merged = dataclasses.replace(merged, title=b.title)  # "Focal Loss for … Detection." from a cell: the clean one
    _merge_entries(a, b, merged)
    keys = list(dict.fromkeys(citation_keys(a) + citation_keys(b)))
    if len(keys) > 1:
        merged.extra["bibtex_keys"] = keys
    if a.id != b.id or "versions" in a.extra or "versions" in b.extra:
        versions = versions_of(a)
        known = {v["id"] for v in versions}
        versions += [v for v in versions_of(b) if v["id"] not in known]
        if len(versions) > 1:
            merged.extra["versions"] = versions
    if is_title_id(a.id) and is_title_id(merged.id) and merged.id != a.id:
        merged = dataclasses.replace(merged, id=a.id)
    return merged


# the fields of a preprint's entry that name where it appeared (arXiv), replaced by its published version's
_PREPRINT_PLACE = ("journal", "journaltitle", "booktitle", "publisher", "howpublished", "type", "number")


def _merge_entries(a: Paper, b: Paper, merged: Paper) -> None:
    """The BibTeX fields and entry type of the merged record (``extra``): the published version's when one record
    is a preprint and the other is not (an arXiv @article/@misc and its @inproceedings: the proceedings' type,
    booktitle, volume and pages, not "publisher = arXiv"), else ``a``'s with the fields only ``b`` gives added
    (before, ``b``'s volume and pages were dropped with its whole field map)."""
    fa, fb = a.extra.get("bibtex_fields"), b.extra.get("bibtex_fields")
    fa, fb = (fa if isinstance(fa, dict) else {}), (fb if isinstance(fb, dict) else {})
    published: Paper = a
    preprint: Paper | None = b
    if is_preprint(a) and not is_preprint(b):
        published, preprint = b, a
    elif not (is_preprint(b) and not is_preprint(a)):
        preprint = None  # neither (or both) a preprint: a's fields win, b's fill the gaps
    if preprint is None:
        fields = {**fb, **fa}
    else:
        kept = fa if preprint is a else fb
        fields = {k: v for k, v in kept.items() if k not in _PREPRINT_PLACE}
        fields.update(fb if published is b else fa)
        kind = published.extra.get("entry_type")
        if isinstance(kind, str):
            merged.extra["entry_type"] = kind
    if fields:
        merged.extra["bibtex_fields"] = fields


@dataclass(frozen=True)
class Merge:
    """One merge of two records: the id kept, the id folded in, and their citation keys; for the report, the
    two titles and where each record was read (``"refs.bib, line 12"``), which equality ignores."""

    into: str
    merged: str
    keys: tuple[str, ...] = ()
    titles: tuple[str, ...] = dataclasses.field(default=(), compare=False)
    places: tuple[str, ...] = dataclasses.field(default=(), compare=False)

    @classmethod
    def of(cls, a: Paper, b: Paper) -> Merge:
        keys = tuple(dict.fromkeys(citation_keys(a) + citation_keys(b)))
        return cls(a.id, b.id, keys, (a.title, b.title), (record_place(a), record_place(b, last=True)))

    def __str__(self) -> str:
        titles = list(dict.fromkeys(self.titles)) or [self.into]
        where = " and ".join(p for p in self.places if p)
        keys = f" (keys {', '.join(self.keys)})" if len(self.keys) > 1 else ""
        named = " / ".join(repr(t) for t in titles)
        return f"merged {named}{keys}" + (f": {where}" if where else "")
