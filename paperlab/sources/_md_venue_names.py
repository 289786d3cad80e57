"""Whether a name written where a citation names its authors is a venue's: a journal, a publisher, a preprint
server or a conference ("(Nature, 2021)", "(Nature Methods, 2022)", "(bioRxiv, 2022)", "(Phys. Rev. B, 2024)").

A one-word journal name looks like a family name ("(Moss, 2023)" cites Moss), so the readers of markdown lists ask
:func:`venue_name` before taking such a name as an author: a name whose first word names a journal, publisher or
preprint server, or holding a word only a venue's name holds (Journal, Transactions, Letters, Proceedings, …), or
an abbreviated journal title ("Phys. Rev. B", "J. Chem. Phys."), or a known conference acronym, is no author.
"""

from __future__ import annotations

import re

from ..venues import KNOWN_VENUES

__all__ = ["journal_title", "venue_name"]

_FIRST_WORD = re.compile(
    r"(?:nature|science|cell|lancet|pnas|plos|jama|bmj|nejm|elife|neuron|bioinformatics|genome|biorxiv|medrxiv|"
    r"arxiv|chemrxiv|ssrn|corr|ieee|acm|springer|elsevier|wiley|siam|aip|aps|iop|rsc|mdpi|frontiers|"
    r"npj|jmlr|tmlr|pmlr|neurips|openreview|patterns|joule|immunity)\b",
    re.I,
)
_VENUE_WORD = re.compile(
    r"\b(?:journal|transactions|letters|proceedings|reviews?|reports|communications|advances|magazine|"
    r"conference|symposium|workshop|annals|bulletin|quarterly|press|protocols|methods|preprint|"
    r"research|chemistry|physics|medicine|sciences|informatics|computing|intelligence)\b",
    re.I,
)
# an abbreviated journal title: two abbreviated words at least ("Phys. Rev. B", "J. Chem. Phys.", "Proc. Natl.")
_ABBREVIATED = re.compile(r"^(?:[A-Z][a-z]{0,6}\.\s*){2,}(?:[A-Z][a-z]*\.?)?$")
_ACRONYM = re.compile(rf"(?:{KNOWN_VENUES})")


def venue_name(text: str) -> bool:
    """Whether ``text`` is a venue's name rather than a person's.

    >>> [venue_name(t) for t in ("Nature", "Nature Methods", "bioRxiv", "Phys. Rev. B", "CVPR", "Moss", "Ada Quill")]
    [True, True, True, True, True, False, False]
    """
    name = " ".join(text.split()).strip(" .,;:()[]*_")
    if not name:
        return False
    return bool(
        _FIRST_WORD.match(name) or _VENUE_WORD.search(name) or _ABBREVIATED.match(name) or _ACRONYM.fullmatch(name)
    )


_JOURNAL_OPENS = re.compile(
    r"^(?:journal|transactions|proceedings|annals|bulletin|advances\s+in|frontiers\s+in|reviews?\s+of)\b", re.I
)
_JOURNAL_ENDS = re.compile(r"\b(?:letters|reports|reviews?|journal|magazine|transactions|communications)$", re.I)


def journal_title(text: str) -> bool:
    """Whether an emphasised span is a journal's name, not a paper's title: stricter than :func:`venue_name`, as a
    title may hold a venue's words ("The Multiverse and Particle Physics").

    >>> [journal_title(t) for t in ("Cell", "Journal of Widget Science", "Widget Letters", "The Widget Physics")]
    [True, True, True, False]
    """
    name = " ".join(text.split()).strip(" .,;:()[]*_")
    short = len(name.split()) <= 4
    return bool(
        (short and _FIRST_WORD.match(name))
        or _JOURNAL_OPENS.match(name)
        or _JOURNAL_ENDS.search(name)
        or _ABBREVIATED.match(name)
        or _ACRONYM.fullmatch(name)
    )
