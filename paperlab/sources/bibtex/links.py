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

from bibtexparser.model import Entry

from ...identifiers import NOTE_LABEL, arxiv_alone, doi_of_link
from .blocks import fields_of
from .text import verbatim

__all__ = ["link_arxiv", "link_doi"]

_URL_MACRO = re.compile(r"\\url\s*\{([^{}]*)\}")


def link_doi(entry: Entry) -> str | None:
    """The DOI of an entry whose ``url`` or ``howpublished`` is a DOI link, or whose ``note`` is one alone (after a
    label such as "Available at"); None otherwise (the entry's ``doi`` field, when it has one, is read first)."""
    for name in ("url", "howpublished", "note"):
        field = fields_of(entry).get(name)
        value = field.value if field is not None and isinstance(field.value, str) else ""
        value = verbatim(_URL_MACRO.sub(r"\1", " ".join(value.split())))
        if name == "note":
            value = NOTE_LABEL.sub("", value, count=1)
        if value and (doi := doi_of_link(value)):
            return doi
    return None


def link_arxiv(entry: Entry) -> tuple[str, int | None] | None:
    """The arXiv id and version of an entry whose ``howpublished`` or ``note`` is its arXiv id or link alone
    (after a label such as "Available at"); None otherwise: a note naming an arXiv id among other words
    ("extended version of arXiv:…") names another work's."""
    for name in ("howpublished", "note"):
        field = fields_of(entry).get(name)
        value = field.value if field is not None and isinstance(field.value, str) else ""
        if found := arxiv_alone(verbatim(_URL_MACRO.sub(r"\1", " ".join(value.split())))):
            return found
    return None
