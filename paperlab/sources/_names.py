"""Author names as the tagged and JSON formats write them, turned into paperlab's ``Given Family`` order.

Shared by the RIS, Web of Science and CSL-JSON readers (a module of its own so that none of them imports another
for it).
"""

from __future__ import annotations

from ..text import is_degree, strip_name_marks

__all__ = ["name_given_first"]


def name_given_first(value: str) -> str:
    """An RIS name (``Family, Given`` or ``Family, Given, Suffix``; Embase's ``Liu R.`` as is) as
    ``Given Family Suffix``, the way paperlab writes authors; a degree in the suffix's place (``Case, Amanda,
    Ph.D.``) and equal-contribution marks (``Yuan*``) are no part of it."""
    name = strip_name_marks(value)
    family, _, rest = name.partition(",")
    given, _, suffix = rest.partition(",")
    suffix = "" if is_degree(suffix) else suffix
    return " ".join(" ".join((given, family, suffix)).split()) if given.strip() else " ".join(name.split())
