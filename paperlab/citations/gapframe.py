"""The frame ``Library.gaps()`` answers: plain pandas for analysis, and a line saying what an empty answer means.

An empty frame was printed as ``Empty DataFrame`` whether nothing is missing from the library or nothing about its
references is known yet (never fetched: ``lib.fetch_citations()`` needs the network). The note tells the two
apart, and says of a partly fetched library how many papers' references the answer rests on.

Its own module because it imports pandas at the top (a subclass must be importable by name to pickle);
:mod:`paperlab.citations.graph` loads it on first use, so ``import paperlab`` stays light.
"""

from __future__ import annotations

import html

import pandas as pd

from ..text import plural

__all__ = ["GapFrame", "gaps_note"]


def gaps_note(rows: int, papers: int, fetched: int | None, min_cited_by: int) -> str:
    """What an answer of ``rows`` gaps means for a library of ``papers`` papers whose references were fetched for
    ``fetched`` of them (None: not known, a graph given alone); empty when a full answer needs no word."""
    fetch = "lib.fetch_citations() fetches them (it needs the network)"
    if papers == 0:
        return "No gaps: the library is empty."
    if fetched == 0:
        return f"Gaps unknown: the references of none of the {plural(papers, 'paper')} were fetched; {fetch}."
    known = "" if fetched is None else f" (references known for {fetched} of {plural(papers, 'paper')})"
    if rows == 0:
        by = "any of its papers" if min_cited_by <= 1 else f"{min_cited_by} or more of its papers"
        return f"No gaps: no paper outside the library is cited by {by}{known}."
    if fetched is not None and fetched < papers:
        return f"Gaps from the references of {fetched} of {plural(papers, 'paper')}: {fetch} for the rest."
    return ""


class GapFrame(pd.DataFrame):
    """A DataFrame of gaps that also prints its note (``attrs["note"]``): why it is empty, or on how many papers'
    references it rests. Any pandas operation works as usual."""

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        return GapFrame

    @property
    def note(self) -> str:
        """What the answer means when a table alone would not say it ("" when it needs no word)."""
        return str(self.attrs.get("note") or "")

    @property
    def shown_note(self) -> str:
        """The note this frame prints: :attr:`note`, and first, for a frame a filter made empty (``g[g.year >
        2030]``, ``g.query(...)``), that the filter left none of the gaps found: an empty answer's note ("no gaps",
        "unknown") would say what the filter does not."""
        found = int(self.attrs.get("gaps") or 0)
        if len(self) or not found:
            return self.note
        by = int(self.attrs.get("min_cited_by") or 0)
        what = f"papers outside the library cited by {by} or more of its papers" if by > 1 else "gaps"
        kept = "left out the one gap found" if found == 1 else f"kept none of the {found} gaps found"
        left = f"No row left: the filter {kept} ({what}); the unfiltered frame shows {'it' if found == 1 else 'them'}."
        return " ".join(x for x in (left, self.note) if x)

    def __repr__(self) -> str:
        note = self.shown_note
        if not note:
            return super().__repr__()
        if len(self) == 0:
            return note
        return f"{super().__repr__()}\n{note}"

    def _repr_html_(self) -> str | None:
        table = super()._repr_html_() if len(self) else ""
        note = self.shown_note
        if not note:
            return table
        return f"{table or ''}<p>{html.escape(note)}</p>"
