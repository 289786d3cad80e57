"""The DOI an entry gives only as a link: ``url = {http://dx.doi.org/10.…}``, ``howpublished =
{\\url{https://doi.org/10.…}}``, a ``note`` that is such a link alone (``Available at doi.org/10.…``).

A resolver's address (``doi.org``, ``dx.doi.org``, ``doi.acm.org``, ``doi.ieeecomputersociety.org``) or a
publisher's ``/doi/`` path (``dl.acm.org/doi/10.…``, ``…/doi/abs/10.…``) ending in a DOI names the entry's own DOI;
percent-encoding is undone (``10.1000%2F182``) and a closing full stop or brace is no part of it
(:func:`~.fields.valid_doi`, which reads a DOI as :func:`~paperlab.identifiers.find_doi` does and keeps a SICI
DOI's ``<…>`` whole). A link holding "doi" in another sense (``/doi/abs/something``, a path
without a ``10.`` prefix) names none, and neither does a note that cites a link among other words ("see
https://doi.org/…", another work's).

The arXiv id an entry gives only in ``howpublished`` or ``note`` (:func:`link_arxiv`): the field is that id alone,
as arXiv's own citation writes it (``arXiv:2401.01234``, ``arXiv preprint arXiv:2401.01234``, Zotero's
``arXiv:2401.01234 [cs.LG]``) or an arXiv abstract or PDF link alone (``\\url{https://arxiv.org/abs/…}``).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from bibtexparser.model import Entry

from ...identifiers import lone_arxiv_id
from .fields import valid_doi
from .text import verbatim

__all__ = ["arxiv_alone", "doi_of_link", "link_arxiv", "link_doi"]

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
# what a note may write before the link: a label of it ("Available at:", "URL:", "DOI:", "Retrieved from")
_NOTE_LABEL = re.compile(
    r"(?:(?:available\s+(?:at|from|online(?:\s+at)?)|url|online|link|doi|retrieved\s+from)\s*:?\s*)?", re.I
)
_URL_MACRO = re.compile(r"\\url\s*\{([^{}]*)\}")


def doi_of_link(text: str) -> str | None:
    """The DOI a link names when the text is that link alone: a resolver's address, a publisher's ``/doi/`` path
    ending in the DOI, or any page whose path ends in a whole DOI (JOSS's ``/papers/10.21105/joss.01686``, a
    preprint server's ``/content/10.1101/2020.01.02.123456v2``, its version no part of the DOI); else None. Also
    read for a CSL item's ``URL`` and a RIS record's ``UR`` and ``L2``."""
    text = text.strip()
    m = _DOI_LINK.fullmatch(text) if len(text) < 1000 else None  # a link, not a page of text
    if m:
        return valid_doi(unquote(m.group(1)))
    m = _PATH_DOI.fullmatch(text) if len(text) < 1000 else None
    if m is None:
        return None
    doi = re.sub(r"\.pdf$", "", unquote(m.group(2)), flags=re.I)  # Springer's ".../content/pdf/10.1007/….pdf"
    if "rxiv." in m.group(1).lower():  # bioRxiv, medRxiv: "…123456v2.full.pdf" is version 2 of the DOI's preprint
        doi = re.sub(r"v\d+(?:\.(?:full|abstract|supplementary-material))?(?:\.pdf)?$", "", doi)
    return valid_doi(doi)


def link_doi(entry: Entry) -> str | None:
    """The DOI of an entry whose ``url`` or ``howpublished`` is a DOI link, or whose ``note`` is one alone (after a
    label such as "Available at"); None otherwise (the entry's ``doi`` field, when it has one, is read first)."""
    for name in ("url", "howpublished", "note"):
        field = entry.fields_dict.get(name)
        value = field.value if field is not None and isinstance(field.value, str) else ""
        value = verbatim(_URL_MACRO.sub(r"\1", " ".join(value.split())))
        if name == "note":
            value = _NOTE_LABEL.sub("", value, count=1)
        if value and (doi := doi_of_link(value)):
            return doi
    return None


# an arXiv id alone, as arXiv's citation and Zotero's note write it: "arXiv:2401.01234", "arXiv preprint
# arXiv:2401.01234v2", "arXiv: 2401.01234 [cs.LG]", "arXiv preprint, arXiv:hep-th/9901001."; or an arXiv link alone
_ARXIV_CITED = re.compile(
    r"(?:(?:arxiv\s+(?:preprint|e-?print)\s*,?\s*)?arxiv\s*:|arxiv(?:\s+(?:preprint|e-?print))?)\s*(\S+?)\s*"
    r"(?:\[[\w.\- ]+\])?\s*\.?",
    re.I,
)
# Nature's and Science's way of citing a preprint: "Preprint at https://arxiv.org/abs/…"
_PREPRINT_AT = re.compile(r"preprint\s+(?:at|on|available\s+at)\s*:?\s*", re.I)
_ARXIV_LINK = re.compile(
    r"(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/([\w./-]+?)(?:\.pdf)?/?(?:[?#]\S*)?", re.I
)


def link_arxiv(entry: Entry) -> tuple[str, int | None] | None:
    """The arXiv id and version of an entry whose ``howpublished`` or ``note`` is its arXiv id or link alone
    (after a label such as "Available at"); None otherwise: a note naming an arXiv id among other words
    ("extended version of arXiv:…") names another work's."""
    for name in ("howpublished", "note"):
        field = entry.fields_dict.get(name)
        value = field.value if field is not None and isinstance(field.value, str) else ""
        if found := arxiv_alone(verbatim(_URL_MACRO.sub(r"\1", " ".join(value.split())))):
            return found
    return None


def arxiv_alone(text: str) -> tuple[str, int | None] | None:
    """The arXiv id and version a text names when it is that id or an arXiv link alone, after a label such as
    "Available at" (``arXiv:2401.01234 [cs.LG]``, ``arXiv preprint arXiv:2401.01234``,
    ``https://arxiv.org/pdf/2401.01234v2``); None for anything else. Also read for a CSL item's ``note``."""
    value = _NOTE_LABEL.sub("", _PREPRINT_AT.sub("", " ".join(text.split()), count=1), count=1).strip()
    m = (_ARXIV_CITED.fullmatch(value) or _ARXIV_LINK.fullmatch(value)) if 0 < len(value) < 300 else None
    return lone_arxiv_id(m.group(1)) if m else None
