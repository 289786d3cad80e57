"""Author names as the tagged and JSON formats write them, turned into paperlab's ``Given Family`` order.

Shared by the RIS, Web of Science and CSL-JSON readers (a module of its own so that none of them imports another
for it).
"""

from __future__ import annotations

__all__ = ["name_given_first"]


def name_given_first(value: str) -> str:
    """An RIS name (``Family, Given`` or ``Family, Given, Suffix``; Embase's ``Liu R.`` as is) as
    ``Given Family Suffix``, the way paperlab writes authors."""
    family, _, rest = value.partition(",")
    given, _, suffix = rest.partition(",")
    return " ".join(" ".join((given, family, suffix)).split()) if given.strip() else " ".join(value.split())
