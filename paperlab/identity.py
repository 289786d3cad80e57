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
from collections.abc import Iterable
from dataclasses import dataclass

from .date_precision import dated_by_arxiv_id
from .errors import DoubtfulIdWarning, UsageError
from .names import NAME_SUFFIXES, family_first, family_name, written_name
from .paper import Paper, match_words, normalize_title

__all__ = [
    "CATALOGUE_IDS",
    "Merge",
    "citation_keys",
    "disambiguated_id",
    "id_in_doubt",
    "kept_apart",
    "outside_splits",
    "reads_as_nickname",
    "record_place",
    "merge_papers",
    "same_work",
    "set_aside_doubtful_ids",
    "split_merged",
    "timeline",
    "titles_disagree",
    "work_ids",
]

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


def _first_author_words(p: Paper) -> tuple[str, list[str]] | None:
    """(family name, every word) of the first author, or None when unknown."""
    if not p.authors:
        return None
    name = p.authors[0]
    written = written_name(p.extra, name)  # "García Márquez, Gabriel", "星野, 美咲" shown "星野美咲"
    family_words = match_words(written[0] if written else family_name(name))  # "van der Berg, Jan" -> berg
    words = [w for w in match_words(name) if w not in NAME_SUFFIXES] or match_words(name)
    if not family_words:
        return None
    return family_words[-1], words


def _same_first_author(a: Paper, b: Paper) -> bool | None:
    fa, fb = _first_author_words(a), _first_author_words(b)
    if fa is None or fb is None:
        return None
    if family_first(a.authors[0]) and "".join(a.authors[0].split()) == "".join(b.authors[0].split()):
        return True  # "星野 美咲" / "星野美咲": one name, with or without the space
    # "van der Berg" / "Berg", "Lovelace, Ada" / "Ada Lovelace": one family name among the other's words
    return fa[0] == fb[0] or fa[0] in fb[1] or fb[0] in fa[1]


# RIS reference types (TY) and CSL item types, as the kinds of work above
_RIS_KINDS = {
    **dict.fromkeys(("BOOK", "EBOOK", "EDBOOK"), "book"),
    **dict.fromkeys(("JOUR", "EJOUR", "MGZN", "NEWS", "CHAP", "ECHAP", "CONF", "CPAPER", "ENCYC", "DICT"), "part"),
    **dict.fromkeys(("THES",), "thesis"),
    **dict.fromkeys(("RPRT",), "report"),
    **dict.fromkeys(("PAT",), "patent"),
}
_CSL_KINDS = {
    "book": "book",
    **dict.fromkeys(
        (
            "article-journal",
            "article-magazine",
            "article-newspaper",
            "paper-conference",
            "chapter",
            "entry-encyclopedia",
            "entry-dictionary",
        ),
        "part",
    ),
    "thesis": "thesis",
    "report": "report",
    "patent": "patent",
}


def _kind(p: Paper) -> str | None:
    """The kind of work a record's source names: a BibTeX entry type, a RIS ``TY``, a CSL ``type`` (a book is
    never an article quoting its title)."""
    entry_type = p.extra.get("entry_type")
    if isinstance(entry_type, str):
        return _KINDS.get(entry_type.lower())
    for key, kinds in (("ris", _RIS_KINDS), ("csl", _CSL_KINDS)):
        kept = p.extra.get(key)
        kind = kept.get("type") if isinstance(kept, dict) else None
        if isinstance(kind, str):
            return kinds.get(kind.strip() if key == "csl" else kind.strip().upper())
    return None


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
    if dated_by_arxiv_id(a.extra) or dated_by_arxiv_id(b.extra):
        return False  # the month its arXiv id was given, not a year any source gave
    return _is_preprint(a) == _is_preprint(b) or not _same_first_author(a, b)


def _venue_words(p: Paper) -> list[str]:
    if not p.journal_ref or _PREPRINT_VENUE.search(p.journal_ref):
        return []
    return [w for w in match_words(p.journal_ref) if w not in ("of", "the", "on", "and", "in", "for", "a")]


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


_PAGE_RANGE = re.compile(r"^\s*(\d+)\s*(?:-+|\u2013|\u2014)\s*(\d+)\s*$")


def _page_range(p: Paper) -> tuple[str, str] | None:
    """The first and last page a record gives (BibTeX ``pages``, RIS ``SP``/``EP``, CSL ``page``), or None."""
    fields, ris, csl = (p.extra.get(k) for k in ("bibtex_fields", "ris", "csl"))
    text = None
    if isinstance(fields, dict) and isinstance(fields.get("pages"), str):
        text = fields["pages"]
    elif isinstance(csl, dict) and isinstance(csl.get("page"), str):
        text = csl["page"]
    elif isinstance(ris, dict) and ris.get("start_page") and ris.get("end_page"):
        text = f"{ris['start_page']}-{ris['end_page']}"
    m = _PAGE_RANGE.match(text or "")
    return (m.group(1).lstrip("0"), m.group(2).lstrip("0")) if m and m.group(1) != m.group(2) else None


def _same_pages(a: Paper, b: Paper) -> bool:
    """Whether both records give one page range (two pages at least): the same title, year, first author and
    kind on the same pages is one paper whatever its venue is called (a conference's name in one entry, its
    proceedings' title in the other)."""
    ra = _page_range(a)
    return ra is not None and ra == _page_range(b)


def _is_title_id(pid: str) -> bool:
    return pid.startswith("title:")


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
    if a.id == b.id and not _is_title_id(a.id):
        return True  # one stored record (its title may have been edited)
    if _share_catalogue_id(a, b):
        return True  # the same Semantic Scholar paper, DBLP record, ACL Anthology or OpenReview id...
    if normalize_title(a.title) != normalize_title(b.title):
        return False
    if _years_apart(a, b):
        return False
    ka, kb = _kind(a), _kind(b)
    if ka and kb and ka != kb:
        return False
    if _same_first_author(a, b) is False:
        return False
    return _same_venue(a, b) is not False or _same_pages(a, b)


def disambiguated_id(p: Paper) -> str:
    """An id for a title-only record whose canonical id is taken by another work with the same title."""
    first = _first_author_words(p)
    parts = [normalize_title(p.title), str(p.year or ""), first[0] if first else "", _kind(p) or ""]
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


def merge_papers(a: Paper, b: Paper) -> Paper:
    """:meth:`Paper.merge` keeping every citation key of both records, the full title when ``a`` names the paper
    by a nickname (:func:`reads_as_nickname`), the title in mixed case when ``a`` writes the same one in capitals,
    and ``a``'s id when it is a disambiguated title id (so the merged record does not take the id of another work
    with its title).

    Records with different ids (a preprint and its published version) are remembered in ``extra["versions"]``
    (see :func:`timeline`), so :func:`split_merged` can undo a wrong merge."""
    merged = a.merge(b)
    if reads_as_nickname(a.title) and not reads_as_nickname(b.title) and len(b.title) > len(a.title):
        merged = dataclasses.replace(merged, title=b.title)  # "Vision Transformer (ViT)": the paper's own title
    elif a.title.isupper() and not b.title.isupper() and a.title.casefold() == b.title.casefold():
        merged = dataclasses.replace(merged, title=b.title)  # a catalogue's title in capitals: the one in its case
    elif merged.title[:-1].rstrip() == b.title and merged.title[-1:] == "." and not _ABBREVIATION_END.search(b.title):
        merged = dataclasses.replace(merged, title=b.title)  # "Focal Loss for … Detection." from a cell: the clean one
    keys = list(dict.fromkeys(citation_keys(a) + citation_keys(b)))
    if len(keys) > 1:
        merged.extra["bibtex_keys"] = keys
    if a.id != b.id or "versions" in a.extra or "versions" in b.extra:
        versions = _versions(a)
        known = {v["id"] for v in versions}
        versions += [v for v in _versions(b) if v["id"] not in known]
        if len(versions) > 1:
            merged.extra["versions"] = versions
    if _is_title_id(a.id) and _is_title_id(merged.id) and merged.id != a.id:
        merged = dataclasses.replace(merged, id=a.id)
    return merged


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


def record_place(p: Paper, last: bool = False) -> str:
    """Where a record was read: ``"file name, line 12"`` (its first source, or its last with ``last``)."""
    if not p.sources:
        return ""
    src = p.sources[-1] if last else p.sources[0]
    name = src.location.replace("\\", "/").rsplit("/", 1)[-1]
    return ", ".join(x for x in (name, src.record or "") if x)


# -- one id, two works: a link copied to the wrong row ------------------------------------------------------

_NOT_TITLE_WORDS = frozenset(
    "a an and the of for in on to with by from at as is are via arxiv doi abs pdf org http https www".split()
)


def _title_words(title: str) -> set[str]:
    words = [w for w in match_words(title) if w not in _NOT_TITLE_WORDS and not w.isdigit()]
    # a plural is its singular ("Transformers" / "Vision Transformer")
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words}


def titles_disagree(a: str, b: str) -> bool:
    """Whether two titles name different works: each has two words of its own at least (not a placeholder, an
    acronym or an id) and they share fewer than a third of the shorter one's words. A subtitle added or dropped,
    a cut-off title or a version renamed with most of its words agrees.

    >>> titles_disagree("Explaining and Harnessing Adversarial Examples", "Fractional Max-Pooling")
    True
    >>> titles_disagree("DETR: End-to-End Object Detection", "End-to-End Object Detection with Transformers")
    False
    """
    wa, wb = _title_words(a), _title_words(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    return len(wa & wb) * 3 < min(len(wa), len(wb))


# Where a title is the paper's own, as published: catalogues and reference managers. A schedule, session notes
# or a paper list name a paper as people call it ("Vision Transformer (ViT)", "CLIP: Connecting text and images").
_FULL_TITLE_SOURCES = frozenset(
    "arxiv arxiv_oai arxiv_rss bibtex csl dailyarxiv hf hf_page kaggle openalex ris semantic_scholar wos zotero".split()
)
# a coined name: two capitals in a row or a capital after a small letter ("CLIP", "ViT", "GPT-3", "ResNet")
_COINED = r"[A-Za-z]*(?:[A-Z]{2}|[a-z][A-Z])[\w-]*"
_NICKNAME = re.compile(rf"^(?:{_COINED}(?:\s*[:–—-]\s+.*)?|.*\(\s*{_COINED}\s*\))$")


def reads_as_nickname(title: str) -> bool:
    """Whether a title reads as the name a paper goes by, not its full title: six words at most, a coined name
    alone, before a colon or in brackets at the end ("BERT", "CLIP: Connecting text and images", "Vision
    Transformer (ViT)")."""
    return len(title.split()) <= 6 and _NICKNAME.match(" ".join(title.split())) is not None


# a title's last word that keeps its stop: an abbreviation ("et al.", "etc.", "vs.", "Inc.", "U.S.")
_ABBREVIATION_END = re.compile(r"(?:\bal|\betc|\bvs|\bInc|\bLtd|\bCo|\bJr|\bSr|\b[A-Z]|\.[A-Za-z])$")


def _full_title(p: Paper) -> bool:
    return bool(p.sources) and p.sources[0].name in _FULL_TITLE_SOURCES


def _source_years(a: Paper, b: Paper) -> tuple[int, int] | None:
    """Both records' years, when a source gave each (the month of an arXiv id gives none)."""
    if not (a.published and b.published) or dated_by_arxiv_id(a.extra) or dated_by_arxiv_id(b.extra):
        return None
    return a.published.year, b.published.year


def id_in_doubt(a: Paper, b: Paper) -> bool:
    """Whether an arXiv id or DOI both records give is in doubt -- one record was given the other's link -- rather
    than one paper named two ways. The titles must name different works (:func:`titles_disagree`), and then:

    1. the years (more than one apart: a preprint and its publication may be a year apart) or the first authors
       disagree, both known: in doubt;
    2. both titles come from catalogues or reference managers (BibTeX, RIS, CSL, arXiv, Semantic Scholar,
       OpenAlex...), which give a paper's own title: in doubt (a DOI copied to the wrong entry);
    3. the years and first authors are known and agree: one paper (renamed, or named by a nickname);
    4. else -- year or author missing, as in a schedule or a paper list -- the titles' form decides: when one reads
       as a nickname (:func:`reads_as_nickname`, "Vision Transformer (ViT)") it is one paper; two full titles
       ("Explaining and Harnessing Adversarial Examples", "Fractional Max-Pooling") are in doubt.
    """
    if not titles_disagree(a.title, b.title):
        return False
    years, same_author = _source_years(a, b), _same_first_author(a, b)
    if (years and abs(years[0] - years[1]) > 1) or same_author is False:
        return True
    if _full_title(a) and _full_title(b):
        return True
    if years and same_author:
        return False
    return not (reads_as_nickname(a.title) or reads_as_nickname(b.title))


def _shared_ids(a: Paper, b: Paper) -> list[tuple[str, str]]:
    found = []
    if a.arxiv_id and a.arxiv_id == b.arxiv_id:
        found.append(("arxiv", a.arxiv_id))
    if a.doi and b.doi and a.doi.lower() == b.doi.lower():
        found.append(("doi", b.doi))
    return found


def _without_ids(p: Paper, ids: dict[str, str]) -> Paper:
    """``p`` under a new id without ``ids`` (kept in ``extra["doubtful_ids"]``) nor a date only they gave."""
    before = p.extra.get("doubtful_ids")
    extra = {**p.extra, "doubtful_ids": {**(before if isinstance(before, dict) else {}), **ids}}
    published = p.published
    if "arxiv" in ids and dated_by_arxiv_id(p.extra):  # the month of an id in doubt says nothing
        published = None
        extra = {k: v for k, v in extra.items() if k not in ("date_precision", "date_inferred", "date_note")}
    arxiv_id, version = (None, None) if "arxiv" in ids else (p.arxiv_id, p.version)
    doi = None if "doi" in ids else p.doi
    return dataclasses.replace(p, id="", arxiv_id=arxiv_id, version=version, doi=doi, published=published, extra=extra)


def set_aside_doubtful_ids(p: Paper, others: Iterable[Paper]) -> tuple[Paper, list[DoubtfulIdWarning]]:
    """``p`` without the arXiv id and DOI it shares with one of ``others`` whose title names another work
    (:func:`id_in_doubt`: the titles name different works and nothing else shows one paper named two ways), and a
    warning for each naming both titles and where each was read.

    Such an id is doubtful -- one of the two records was given the other's link -- and merging would lose a
    paper; the records stay two papers, the id stays with the record read first and ``p`` keeps it only in
    ``extra["doubtful_ids"]`` (``{"arxiv": ...}``, ``{"doi": ...}``)."""
    notes: list[DoubtfulIdWarning] = []
    for other in others:
        shared = _shared_ids(other, p) if p.arxiv_id or p.doi else []
        if not shared or not id_in_doubt(other, p):
            continue
        p = _without_ids(p, dict(shared))
        for kind, value in shared:
            label = ("arXiv id " if kind == "arxiv" else "DOI ") + value
            here, there = record_place(p, last=True) or "a record", record_place(other) or "another record"
            message = (
                f"{here}: {p.title!r} gives {label}, as {other.title!r} ({there}) does; the titles name different "
                f"works, so both papers are kept and the id stays with {other.title!r} (check the link of {here})"
            )
            notes.append(DoubtfulIdWarning(message, label, (other.title, p.title)))
    return p, notes


# -- ids in other catalogues, version timelines, splitting a wrong merge ------------------------------------

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


def _share_catalogue_id(a: Paper, b: Paper) -> bool:
    if not (a.external_ids or a.url or a.extra.get("bibtex_fields")):
        return False  # nothing to compare: keep bulk merges fast
    ia, ib = work_ids(a), work_ids(b)
    # only the same id is evidence: S2 and DBLP keep separate records of a preprint and its published version
    return any(ia.get(k) is not None and ia.get(k) == ib.get(k) for k in CATALOGUE_IDS)


def kept_apart(a: Paper, b: Paper) -> bool:
    """Whether the user split ``a`` and ``b`` apart (:func:`split_merged`): either lists the other in
    ``extra["distinct_from"]``."""
    apart_a, apart_b = a.extra.get("distinct_from"), b.extra.get("distinct_from")
    return bool(apart_a or apart_b) and (
        (isinstance(apart_a, list) and b.id in apart_a) or (isinstance(apart_b, list) and a.id in apart_b)
    )


def _merged_before(a: Paper, b: Paper) -> bool:
    """Whether one record holds the other as one of its versions (:func:`timeline`): a version under the other's
    id that is the same work as it. A merged record's year, venue and kind are those of its published version,
    which may set it apart from its own preprint's record; the version kept as it was does not."""
    for p, q in ((a, b), (b, a)):
        if "versions" not in p.extra:
            continue
        for v in _versions(p):
            if v["id"] == q.id != p.id and isinstance(v["record"], dict):
                return same_work(Paper.from_dict(v["record"]), q)
    return False


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
        "kind": "preprint" if _is_preprint(p) else "published",
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


def _versions(p: Paper) -> list[dict[str, object]]:
    found = p.extra.get("versions")
    if isinstance(found, list) and found and all(isinstance(v, dict) and "record" in v for v in found):
        return [dict(v) for v in found]
    return [_version_of(p)]


def timeline(p: Paper) -> list[dict[str, object]]:
    """The versions of a work merged into ``p`` (an arXiv preprint and its versions, the venue publication),
    oldest first: ``id``, ``kind`` ("preprint" or "published"), ``date``, ``venue``, ``source``, and ``arxiv``,
    ``version``, ``updated`` or ``doi`` when known. A record never merged is its own single version."""
    entries = [{k: v for k, v in entry.items() if k != "record"} for entry in _versions(p)]
    return sorted(entries, key=lambda e: (e["date"] is None, str(e["date"] or ""), e["kind"] != "preprint"))


def split_merged(p: Paper) -> list[Paper]:
    """Undo a wrong merge: the records merged into ``p``, each kept apart from the others from now on
    (``extra["distinct_from"]``, which :func:`same_work` honours in the library and the store).

    Raises
    ------
    UsageError
        If ``p`` is not a merge of records with different ids.
    """
    versions = _versions(p)
    if len(versions) < 2:
        raise UsageError(f"{p.id}: not a merge of several records (nothing to split)")
    parts = [Paper.from_dict(v["record"]) for v in versions if isinstance(v["record"], dict)]
    ids = [part.id for part in parts]
    for part in parts:
        before = part.extra.get("distinct_from")
        others = [i for i in ids if i != part.id]
        part.extra["distinct_from"] = list(dict.fromkeys([*(before if isinstance(before, list) else []), *others]))
    return parts


Paper.operations.register("timeline", timeline)
