"""Identifier parsing, the one home for it: arXiv ids, DOIs and the references users type.

Model layer (imports nothing of ours). :class:`~paperlab.paper.Paper` normalises its ``arxiv_id`` and
``doi`` fields with :func:`normalize_arxiv_id` and :func:`normalize_doi`; :meth:`Library.get
<paperlab.library.Library.get>` and the store read a reference (an id, an ``arXiv:`` reference, an
arXiv abs/pdf URL, a DOI, ``doi:``, ``https://doi.org/`` or ``http://dx.doi.org/``) with
:func:`parse_reference`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

__all__ = [
    "DOI_IN_TEXT",
    "NOTE_LABEL",
    "Reference",
    "arxiv_alone",
    "arxiv_id_value",
    "doi_of_link",
    "find_doi",
    "is_bare_arxiv_id",
    "labelled_doi",
    "lone_arxiv_id",
    "normalize_arxiv_id",
    "normalize_doi",
    "parse_reference",
]

# Old-style ids (arXiv's identifier scheme before April 2007): one of arXiv's archives of those years, perhaps a
# subject class ("math.GT"), then YYMMNNN from 9107 to 0703 ("hep-th/9901001"); "patent/1234567" is none
_OLD_ARCHIVES = (
    "acc-phys|adap-org|alg-geom|ao-sci|astro-ph|atom-ph|bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|cond-mat|cs|dg-ga"
    "|funct-an|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|math|mtrl-th|nlin|nucl-ex|nucl-th|patt-sol|physics|plasm-ph"
    "|q-alg|q-bio|quant-ph|solv-int|supr-con"
)
OLD_ARXIV_ID = rf"(?:{_OLD_ARCHIVES})(?:\.[A-Z]{{2}})?/(?:9[1-9]|0[0-7])(?:0[1-9]|1[0-2])\d{{3}}"
# New-style ids (0704.0001, 2503.14895v1) and old-style ids (astro-ph/0601001, math.GT/0309136v2).
_ARXIV_NEW = re.compile(r"(?<![\w.])(\d{4}\.\d{4,5})(v\d+)?(?![\d])")
_ARXIV_OLD = re.compile(rf"(?<![\w.-])({OLD_ARXIV_ID})(v\d+)?(?!\d)")
# a bare new-style id without version: normalize_arxiv_id() returns it unchanged
_ARXIV_PLAIN = re.compile(rf"\d{{4}}\.\d{{4,5}}|{OLD_ARXIV_ID}")
# a resolver URL or "doi:" in front of a DOI (whitespace after "doi:" allowed)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_DOI_PREFIX_START = frozenset("hHdD")
# a reference that is a DOI: the prefix is optional, the DOI itself must look like one
_DOI_REFERENCE = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
# a DOI anywhere in a text ("10.1/x", in a URL, "10.1/x [doi]", "doi = {10.1/x}"), or a short DOI (10/abc1) on its
# own; never a bracket or brace of the markup around it
DOI_IN_TEXT = re.compile(r"10\.\d{4,9}/[^\s\[\]{}<>\"]+|(?<![\w.])10/[a-z0-9]+(?![\w/])", re.ASCII | re.I)
# arXiv's own DOIs name the arXiv id: 10.48550/arXiv.2503.14895
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.I)
# a reference that is an arXiv id and nothing else: the id ("arXiv:" before it, its category after it, a full stop
# copied from a sentence), or a page's URL ending in it (arxiv.org/abs|pdf|html, huggingface.co/papers, with or
# without https://); "1412.6980import os" is none
_ARXIV_ID_PART = rf"(?:\d{{4}}\.\d{{4,5}}|{OLD_ARXIV_ID})(?:v\d+)?"
_ARXIV_REFERENCE = re.compile(
    rf"(?:(?i:arxiv):\s*)?{_ARXIV_ID_PART}(?:\s*\[[\w.-]+\])?\.?"
    rf"|(?i:(?:https?://)?(?:[\w-]+\.)+[a-z]{{2,}}(?:/[\w.~%-]+)*/){_ARXIV_ID_PART}(?:\.pdf)?/?(?:[?#]\S*)?\.?"
)


def normalize_arxiv_id(text: str | None) -> tuple[str, int | None] | None:
    """Find an arXiv identifier in ``text`` (an id, an ``arXiv:`` reference or a URL).

    Parameters
    ----------
    text : str or None
        E.g. ``"2503.14895v1"``, ``"arXiv:astro-ph/0601001"``,
        ``"http://arxiv.org/abs/2503.14895v2"``, ``"https://arxiv.org/pdf/2503.14895v2.pdf"``.

    Returns
    -------
    tuple of (str, int or None), or None
        The id without version and the version number, or None if there is no id.
    """
    if not text:
        return None
    text = str(text).strip()
    for pattern in (_ARXIV_NEW, _ARXIV_OLD):
        m = pattern.search(text)
        if m:
            version = int(m.group(2)[1:]) if m.group(2) else None
            return m.group(1), version
    return None


_ARXIV_VALUE = re.compile(rf"(?i:arxiv:\s*)?(\d{{4}}\.\d{{4,5}}(?:v\d+)?|{OLD_ARXIV_ID}(?:v\d+)?)")


def arxiv_id_value(text: str) -> str | None:
    """The arXiv id a value holds and nothing else, new style or old ("2505.01754v1", "arXiv: 2505.01754",
    "hep-ph/9901234v2", "arXiv:math.AG/0601001": a cell, an attribute), its version kept as written; None for any
    other text (an id inside a sentence or a URL).

    >>> arxiv_id_value(" arXiv:2505.01754v1 "), arxiv_id_value("see 2505.01754"), arxiv_id_value("cs/0112017")
    ('2505.01754v1', None, 'cs/0112017')
    """
    m = _ARXIV_VALUE.fullmatch(text.strip())
    return m.group(1) if m else None


# a value that is an arXiv id alone: new style YYMM.NNNN (April 2007 to 2014) or YYMM.NNNNN (2015 on), old style
# archive(.XX)/YYMMNNN (1991 to March 2007), perhaps with a version; the month is a month
_LONE_NEW = re.compile(
    r"((?:0[7-9]|1[0-4])(?:0[1-9]|1[0-2])\.\d{4}|(?:1[5-9]|[2-9]\d)(?:0[1-9]|1[0-2])\.\d{5})(?:v(\d+))?"
)
_LONE_OLD = re.compile(rf"({OLD_ARXIV_ID})(?:v(\d+))?")


def lone_arxiv_id(text: str) -> tuple[str, int | None] | None:
    """The arXiv id and version a value holds when it is an arXiv id and nothing else (a bare BibTeX ``eprint``),
    else None: a number of another archive is not read as one.

    >>> lone_arxiv_id("1810.04805"), lone_arxiv_id("cs/0112017v2"), lone_arxiv_id("2015.12345")
    (('1810.04805', None), ('cs/0112017', 2), None)
    """
    for pattern in (_LONE_NEW, _LONE_OLD):
        m = pattern.fullmatch(text.strip())
        if m:
            return m.group(1), int(m.group(2)) if m.group(2) else None
    return None


def is_bare_arxiv_id(text: str) -> bool:
    """Whether ``text`` is already an arXiv id without version, new style or old (``normalize_arxiv_id`` keeps it)."""
    return _ARXIV_PLAIN.fullmatch(text) is not None


def normalize_doi(text: str) -> str:
    """A DOI without surrounding whitespace and without a ``doi:``, ``https://doi.org/`` or
    ``http://dx.doi.org/`` prefix; its case is kept (compare DOIs lowercased).

    The text is not checked to look like a DOI: a source's DOI field is kept as given.
    """
    doi = text.strip()
    if doi[:1] in _DOI_PREFIX_START:  # fast path: most DOIs start with "10."
        doi = _DOI_PREFIX.sub("", doi)
    return doi


def find_doi(text: str) -> str | None:
    """The first DOI in ``text`` (a DOI field, a resolver or publisher URL, a citation that holds one), without
    trailing punctuation; None when ``text`` holds no DOI.

    >>> find_doi("http://doi.ieeecomputersociety.org/10.1109/ICAC.2004.47"), find_doi("10/dvzd5z"), find_doi("N/A")
    ('10.1109/ICAC.2004.47', '10/dvzd5z', None)
    """
    m = DOI_IN_TEXT.search(text)
    return m.group(0).rstrip(".,;:)") if m else None


# "DOI: 10.1/x", "doi 10.1/x" in a note: the label, then the DOI
_LABELLED_DOI = re.compile(r"(?<![\w/.])doi\s*:?\s*(10\.\d{4,9}/[^\s,;{}\[\]<>\"]+)", re.I)
# a word right before the label qualifies it: "Preprint DOI: …", "Original DOI …" name another work's DOI
_QUALIFIED = re.compile(r"[^\W\d_]\s*$")
# a note citing a related work before the label, as PubMed writes it: "Erratum in: J Widget. 2021;3:4. doi: 10.…",
# "Comment on: …", "Retraction in: …", "Update of: …"
_OTHER_WORK = re.compile(
    r"\b(?:errat(?:um|a)|corrigendum|correct(?:ed|ion)|comment(?:ed)?|retract(?:ed|ion)|updated?|republished|reply|"
    r"response|expression\s+of\s+concern)(?:\s+(?:and\s+republished\s+)?(?:in|on|of|for|to))?\s*:",
    re.I,
)


def labelled_doi(text: str) -> str | None:
    """The DOI a note names as the record's own, after the label "DOI" at its start, a line's start or after a
    number or punctuation (Zotero writes ``48 DOI: 10.1002/…`` into a note, "Online publication: doi 10.1007/…");
    None for a DOI without the label (a reply's, a related paper's) or with a word before the label ("Preprint
    DOI: …").

    >>> labelled_doi("48 DOI: 10.1002/9781118910566.ch13"), labelled_doi("Preprint DOI: 10.31235/osf.io/y8ked")
    ('10.1002/9781118910566.ch13', None)
    >>> labelled_doi("Erratum in: J Widget. 2021;3:4. doi: 10.1234/err")  # a related work's, as PubMed notes it
    """
    for m in _LABELLED_DOI.finditer(text):
        before = text[: m.start()].rsplit("\n", 1)[-1]
        if not _QUALIFIED.search(before) and not _OTHER_WORK.search(before):
            return m.group(1).rstrip(".,;:)")
    return None


@dataclass(frozen=True)
class Reference:
    """What a reference a user typed names.

    Parameters
    ----------
    text : str
        The reference, stripped (also tried as a stored canonical id).
    arxiv_id : str, optional
        The arXiv id without version, for arXiv ids, ``arXiv:`` references, abs/pdf URLs and arXiv DOIs.
    doi : str, optional
        The DOI (case kept) for DOIs, ``doi:`` references and doi.org / dx.doi.org URLs.
    """

    text: str
    arxiv_id: str | None = None
    doi: str | None = None

    def match_keys(self) -> list[str]:
        """The :meth:`Paper.match_keys <paperlab.paper.Paper.match_keys>` a paper named by this reference has."""
        keys = [f"arxiv:{self.arxiv_id}"] if self.arxiv_id else []
        if self.doi:
            keys.append(f"doi:{self.doi.lower()}")
        return keys


def parse_reference(ref: str) -> Reference:
    """Recognise a reference: a DOI (or ``doi:``/doi.org/dx.doi.org form), an arXiv id or URL, else nothing.

    The whole text is the reference (spaces around it, an ``arXiv:`` prefix, an ``[cs.LG]`` category after it and a
    final full stop allowed): an id with other text around it ("1412.6980import os") names nothing.

    A DOI's trailing period (copied from a sentence) is dropped; an arXiv DOI
    (``10.48550/arXiv.<id>``) names the arXiv id too. ``title:...`` and other ``doi:...`` texts
    are only canonical ids.
    """
    text = str(ref).strip()
    m = _DOI_REFERENCE.match(text)
    if m:
        doi = m.group(1).rstrip(".")
        arx = _ARXIV_DOI.match(doi)
        found = normalize_arxiv_id(arx.group(1)) if arx else None
        return Reference(text, arxiv_id=found[0] if found else None, doi=doi)
    if text.startswith(("title:", "doi:")):
        return Reference(text)
    found = normalize_arxiv_id(text) if _ARXIV_REFERENCE.fullmatch(text) else None
    return Reference(text, arxiv_id=found[0]) if found else Reference(text)


# -- identifiers a link or a note gives alone (read by the BibTeX, RIS, CSL-JSON and home-made JSON importers) ----------
# a DOI link: a resolver's host, or a publisher's "/doi/" path (ACM, Wiley, Taylor & Francis, SAGE), then the DOI
# and nothing after it but a slash, full stops or a closing brace (a publisher's query after "?" aside)
_DOI_LINK = re.compile(
    r"(?:https?://)?(?:(?:dx\.|www\.)?doi\.org|doi\.acm\.org|doi\.ieeecomputersociety\.org"
    r"|(?:[\w-]+\.)+[a-z]{2,}/doi(?:/(?:abs|full|pdf|epdf|epub|book))?)"
    r"/(10(?:\.|%2e)\d{4,9}(?:/|%2f)[^\s?#{}]+?)[/.}]*(?:[?#][^\s{}]*)?",
    re.I,
)
# any web page whose path ends in a whole DOI ("https://joss.theoj.org/papers/10.21105/joss.01686"), a query aside
_PATH_DOI = re.compile(
    r"https?://((?:[\w-]+\.)+[a-z]{2,})/(?:[\w.~%-]+/)*?(10\.\d{4,9}/[^\s?#{}]+?)[/.}]*(?:[?#][^\s{}]*)?", re.I
)
# a publisher's page below the DOI's own, no part of the DOI: Wiley's and Frontiers' ".../10.1111/j.x/abstract",
# ".../full", Springer's ".../figures/1", ".../references", ".../fulltext", ".../pdf"
_PAGE_TAIL = re.compile(
    r"(?:/(?:abstract|full|fulltext|pdf|epdf|epub|html|meta|download|references|citations|figures|tables|metrics"
    r"|supplementary|suppinfo|summary)(?:/\d+)?)+$",
    re.I,
)
# what a note may write before the link: a label of it ("Available at:", "URL:", "DOI:", "Retrieved from")
NOTE_LABEL = re.compile(
    r"(?:(?:available\s+(?:at|from|online(?:\s+at)?)|url|online|link|doi|retrieved\s+from)\s*:?\s*)?", re.I
)


def doi_of_link(text: str) -> str | None:
    """The DOI a link names when the text is that link alone: a resolver's address, a publisher's ``/doi/`` path
    ending in the DOI, or any page whose path ends in a whole DOI (JOSS's ``/papers/10.21105/joss.01686``, a
    preprint server's ``/content/10.1101/2020.01.02.123456v2``, its version no part of the DOI); else None. Also
    read for a CSL item's ``URL`` and a RIS record's ``UR`` and ``L2``."""
    text = text.strip()
    m = _DOI_LINK.fullmatch(text) if len(text) < 1000 else None  # a link, not a page of text
    if m:
        return _valid_doi(_PAGE_TAIL.sub("", unquote(m.group(1))))
    m = _PATH_DOI.fullmatch(text) if len(text) < 1000 else None
    if m is None:
        return None
    doi = _PAGE_TAIL.sub("", unquote(m.group(2)))
    doi = re.sub(r"\.pdf$", "", doi, flags=re.I)  # Springer's ".../content/pdf/10.1007/….pdf"
    if "rxiv." in m.group(1).lower():  # bioRxiv, medRxiv: "…123456v2.full.pdf" is version 2 of the DOI's preprint
        doi = re.sub(r"v\d+(?:\.(?:full|abstract|supplementary-material))?(?:\.pdf)?$", "", doi)
    return _valid_doi(doi)


# an arXiv id alone, as arXiv's citation and Zotero's note write it: "arXiv:2401.01234", "arXiv preprint
# arXiv:2401.01234v2", "arXiv: 2401.01234 [cs.LG]", "arXiv preprint, arXiv:hep-th/9901001."; or an arXiv link alone
_ARXIV_CITED = re.compile(
    r"(?:(?:arxiv\s+(?:preprint|e-?print)\s*,?\s*)?arxiv\s*:|arxiv(?:\s+(?:preprint|e-?print))?)\s*(\S+?)\s*"
    r"(?:\[[\w.\- ]+\])?\s*\.?",
    re.I,
)
# Nature's and Science's way of citing a preprint: "Preprint at https://arxiv.org/abs/…"
_PREPRINT_AT = re.compile(r"preprint\s+(?:at|on|available\s+at)\s*:?\s*", re.I)
# a reference's closing year and full stop after the id or link: " (2020).", "."
_CLOSING_YEAR = re.compile(r"(?:\s*\((?:19|20)\d{2}\))?\s*\.?\s*$")
_ARXIV_LINK = re.compile(
    r"(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/([\w./-]+?)(?:\.pdf)?/?(?:[?#]\S*)?", re.I
)


def arxiv_alone(text: str) -> tuple[str, int | None] | None:
    """The arXiv id and version a text names when it is that id or an arXiv link alone, after a label such as
    "Available at" (``arXiv:2401.01234 [cs.LG]``, ``arXiv preprint arXiv:2401.01234``,
    ``https://arxiv.org/pdf/2401.01234v2``, Nature's ``Preprint at https://arxiv.org/abs/2401.01234 (2024).``); None
    for anything else. Also read for a CSL item's ``note``.

    >>> arxiv_alone("Preprint at https://arxiv.org/abs/2001.08361 (2020)."), arxiv_alone("arXiv 2020")
    (('2001.08361', None), None)
    """
    value = NOTE_LABEL.sub("", _PREPRINT_AT.sub("", " ".join(text.split()), count=1), count=1).strip()
    value = _CLOSING_YEAR.sub("", value)  # Nature's "Preprint at https://arxiv.org/abs/… (2020)."
    m = (_ARXIV_CITED.fullmatch(value) or _ARXIV_LINK.fullmatch(value)) if 0 < len(value) < 300 else None
    return lone_arxiv_id(m.group(1)) if m else None


def _valid_doi(value: str) -> str | None:
    text = normalize_doi(value)
    return text if re.fullmatch(r"10\.\d{4,9}/\S+", text) else find_doi(value)
