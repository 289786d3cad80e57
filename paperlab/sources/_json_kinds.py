"""What a home-made JSON paper list's record says it is when it is no paper: its ``type``, ``kind`` or ``category``
(a dataset, an event, a talk, a film, software, a course, teaching material), or the name of the group a
site's file lists it under (``section``: "talks", "teaching"). Such records are left out of a list that also holds
papers, each named in the import's warning with what it says it is."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ._json_roles import folded_key

# a record's type ("Material Didático", "Slides", "Talk", "dataset") or its group's name in a site's file
# ("educationalMaterials", "talks", "teaching"); compared folded, without accents
_NOT_PAPER_KINDS = frozenset(
    "materialdidatico materiaisdidaticos material materials educationalmaterials educationalmaterial teachingmaterials"
    " teachingmaterial teaching courses course lecture lectures lecturenotes slides slidedeck talk talks invitedtalk"
    " invitedtalks presentation presentations video videos podcast podcasts manual handout materiais palestra"
    " palestras charla charlas cursos curso vortrag vortrage lehre".split()
)
# what only a record's own ``type`` or ``kind`` says it is when it is no paper (a ``category`` or ``section`` of
# these words is more often a paper's topic: "Data Mining", "Web Agents"). Web pages and blog posts are not here: a
# bibliography's web sources are references a user keeps (CSL's ``webpage``; tests/test_json_list_roles_s17_im13.py)
_NOT_PAPER_TYPES = _NOT_PAPER_KINDS | frozenset(
    "dataset datasets data event events film films movie documentary software tool tools".split()
)
# a word of a several-word kind that makes it a paper whatever else it says ("Software paper", "Data journal")
_PAPER_WORDS = frozenset(
    "paper papers preprint journal proceedings inproceedings thesis dissertation chapter book report manuscript"
    " publication publications".split()
)
_KIND_KEYS = ("type", "kind", "category", "section")


def non_paper_kind(item: Any) -> str | None:
    """What a record says it is when it says it is no paper (its ``type``, ``kind``, ``category`` or ``section``
    as written), else None. A kind of several words is no paper when one of its words is (``Documentary
    reference``, ``Documentary film``) and none names a paper (``Software paper`` is a paper)."""
    if not isinstance(item, dict):
        return None
    for key, value in item.items():
        if folded_key(str(key)) in _KIND_KEYS and isinstance(value, str):
            plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
            if _says_no_paper(plain, own=folded_key(str(key)) in ("type", "kind")):
                return value.strip()
    return None


def _says_no_paper(kind: str, *, own: bool) -> bool:
    """Whether a kind, lower case without accents, is no paper's; ``own``: the record's own type or kind."""
    if folded_key(kind) in (_NOT_PAPER_TYPES if own else _NOT_PAPER_KINDS):
        return True
    words = set(re.findall(r"[a-z]+", kind))
    return own and len(words) > 1 and not _PAPER_WORDS & words and bool(_NOT_PAPER_TYPES & words)


def paper_records(items: list[Any]) -> tuple[list[tuple[str, Any]], list[tuple[str, str]]]:
    """The records of a list to read as papers, each ``(where, item)`` numbered by its place in the list ("item
    3"), and the records left out as no papers, each ``(where, message)``. A list whose every record says it is no
    paper is read whole (the types then say nothing the reader can trust)."""
    numbered = [(f"item {number}", item) for number, item in enumerate(items, 1)]
    kinds = [non_paper_kind(item) for _, item in numbered]
    if all(kinds):
        return numbered, []
    kept = [pair for pair, kind in zip(numbered, kinds, strict=True) if not kind]
    left = [
        (where, f"its type {kind!r} is not a paper") for (where, _), kind in zip(numbered, kinds, strict=True) if kind
    ]
    return kept, left
