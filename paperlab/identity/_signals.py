"""What two records of one title may both know, and what tells them apart: the kind of work, the first author,
the year (a preprint's may differ from its publication's), the venue and the page range."""

from __future__ import annotations

import re

from ..date_precision import dated_by_arxiv_id
from ..names import NAME_SUFFIXES, family_first, family_name, written_name
from ..paper import Paper, match_words

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


def first_author_words(p: Paper) -> tuple[str, list[str]] | None:
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


def same_first_author(a: Paper, b: Paper) -> bool | None:
    fa, fb = first_author_words(a), first_author_words(b)
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


def kind_of(p: Paper) -> str | None:
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


def is_preprint(p: Paper) -> bool:
    """An arXiv (or other e-print server) record without a journal of its own."""
    if p.journal_ref:
        return _PREPRINT_VENUE.search(p.journal_ref) is not None
    return p.arxiv_id is not None


def years_apart(a: Paper, b: Paper) -> bool:
    """Different years, unless one record is a preprint of the other by the same first author: a preprint's
    year is that of its posting or of its latest version (Zotero and arXiv give the latter), not the work's."""
    if not (a.published and b.published) or a.published.year == b.published.year:
        return False
    if dated_by_arxiv_id(a.extra) or dated_by_arxiv_id(b.extra):
        return False  # the month its arXiv id was given, not a year any source gave
    return is_preprint(a) == is_preprint(b) or not same_first_author(a, b)


def _venue_words(p: Paper) -> list[str]:
    if not p.journal_ref or _PREPRINT_VENUE.search(p.journal_ref):
        return []
    return [w for w in match_words(p.journal_ref) if w not in ("of", "the", "on", "and", "in", "for", "a")]


def _capitalised(p: Paper) -> set[str]:
    """The venue's words written with two capitals or more ("NeurIPS", "ICLR", "InterSpeech"), folded."""
    return {w.casefold() for w in re.findall(r"\w+", p.journal_ref or "") if sum(c.isupper() for c in w) >= 2}


def _is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


def _acronym_of(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` is an acronym of ``words``: the start of one word after another, in order, some words
    skipped ("anips" of Advances in Neural Information Processing Systems, "neurips": Neur-I-P-S, "iclr",
    "interspeech": Inter-Speech), beginning with a word's first letter each time.

    >>> _acronym_of("neurips", ["advances", "neural", "information", "processing", "systems"])
    True
    >>> _acronym_of("neurocomputing", ["neural", "computation"])
    False
    """
    seen: set[tuple[int, int]] = set()
    todo = [(0, 0)]  # (letters read, next word): each state once, so the search is linear in their product
    while todo:
        at, first = todo.pop()
        if at == len(letters):
            return True
        if (at, first) in seen:
            continue
        seen.add((at, first))
        for i in range(first, len(words)):
            common = 0
            for x, y in zip(words[i], letters[at:], strict=False):
                if x != y:
                    break
                common += 1
            todo += [(at + n, i + 1) for n in range(1, common + 1)]
    return False


# words a venue's name may carry or drop without naming another venue: "Proceedings of the 2020 Conference on …",
# "Proc. ACL", "Annual Meeting of …", "International Conference on …"
_GENERIC_VENUE_WORDS = frozenset(
    "proceedings proc conference conf international intl int annual meeting symposium workshop edition ed".split()
)


def _content_words(words: list[str]) -> list[str]:
    """A venue's words that name it: no number or year ("2020", "33rd") and no word every venue may carry."""
    return [w for w in words if not any(c.isdigit() for c in w) and w not in _GENERIC_VENUE_WORDS]


def same_venue(a: Paper, b: Paper) -> bool | None:
    """Whether two venues can name the same place: abbreviated words ("J. Widget Stud.") and acronyms
    ("NAACL-HLT", "ACL" for the words' initials, in order; "NeurIPS" of the starts of Neural Information Processing
    Systems) count. Every word naming the shorter venue (years, numbers and "Proceedings", "Conference"... aside)
    must match one of the other's, one left over only in a long name of four such words or more or when it is an
    acronym (the "HLT" of "NAACL-HLT"): "Neural Computation" shares one word with "Neural Information Processing
    Systems" and is another venue."""
    va, vb = _venue_words(a), _venue_words(b)
    if not va or not vb:
        return None
    ca, cb = _content_words(va) or va, _content_words(vb) or vb
    short, long = (ca, vb) if len(ca) <= len(cb) else (cb, va)
    initials = "".join(w[0] for w in long if not w.isdigit())
    named = [w for w in long if not w.isdigit()]
    capitals = _capitalised(a) | _capitalised(b)  # "NeurIPS", "InterSpeech": acronyms; "Science", "Nature": words

    def matched(s: str) -> bool:
        if any(w.startswith(s) or s.startswith(w) for w in long):
            return True
        letters = s.rstrip("0123456789")  # "ecai2002"
        if len(letters) < 3 or not letters.isalpha():
            return False
        spelled = len(letters) <= 15 and s in capitals and _acronym_of(letters, named)
        return _is_subsequence(letters, initials) or spelled

    left = [w for w in short if not matched(w)]
    # one word left over: in a long name, or an acronym beside the other's name (the "HLT" of "NAACL-HLT")
    return not left or len(left) == 1 and (len(short) >= 4 or left[0] in capitals and len(short) > 1)


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


def same_pages(a: Paper, b: Paper) -> bool:
    """Whether both records give one page range (two pages at least): the same title, year, first author and
    kind on the same pages is one paper whatever its venue is called (a conference's name in one entry, its
    proceedings' title in the other)."""
    ra = _page_range(a)
    return ra is not None and ra == _page_range(b)


def is_title_id(pid: str) -> bool:
    return pid.startswith("title:")
