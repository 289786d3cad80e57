"""One id, two works: an arXiv id or DOI two records give under titles that name different works (a link copied
to the wrong row) is set aside, not merged on."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from ..date_precision import dated_by_arxiv_id
from ..errors import DoubtfulIdWarning
from ..paper import Paper, match_words
from ..paper_fields import titled_from_id
from ._keys import record_place
from ._signals import same_first_author

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


def _full_title(p: Paper) -> bool:
    return bool(p.sources) and p.sources[0].name in _FULL_TITLE_SOURCES


def _guessed_title(p: Paper) -> bool:
    """A title the generic paper finder took from the text nearest an id in prose ("DDIM (arXiv:2010.02502) gets
    10-50x fewer steps"): a guess, which never puts the id in doubt."""
    return p.extra.get("found_by") == "generic paper finder"


def _made_up_title(p: Paper) -> bool:
    """A title paperlab made from the record's id because its source gave none ("Untitled (doi:10.5555/w.7)")."""
    return p.extra.get("title_from") == "id" and titled_from_id(p.title)


def _source_years(a: Paper, b: Paper) -> tuple[int, int] | None:
    """Both records' years, when a source gave each (the month of an arXiv id gives none)."""
    if not (a.published and b.published) or dated_by_arxiv_id(a.extra) or dated_by_arxiv_id(b.extra):
        return None
    return a.published.year, b.published.year


def id_in_doubt(a: Paper, b: Paper) -> bool:
    """Whether an arXiv id or DOI both records give is in doubt -- one record was given the other's link -- rather
    than one paper named two ways. The titles must name different works (:func:`titles_disagree`), neither guessed
    by the generic paper finder from the prose beside an id (the id is what it read), and then:

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
    if _guessed_title(a) or _guessed_title(b):  # the id is what was read; the title only the text beside it
        return False
    if _made_up_title(a) or _made_up_title(b):  # "Untitled (doi:…)" of a "[No title]" record names no other work
        return False
    years, same_author = _source_years(a, b), same_first_author(a, b)
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
