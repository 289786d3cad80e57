"""The DataFrame of compare, diff and leaderboard: plain pandas for analysis, shown styled in a notebook.

Its own module because it imports pandas at the top (a subclass must be importable by name to pickle);
:mod:`paperlab.comparison.views` loads it on first use, so ``import paperlab`` stays light.
"""

from __future__ import annotations

import pandas as pd

from ..text import NO_MATH_CLASS
from .render import ensure_accessor

__all__ = ["SHOWN_ROWS", "PaperlabFrame"]

#: Rows a notebook shows of a paperlab table (the frame itself keeps every row).
SHOWN_ROWS = 60


class PaperlabFrame(pd.DataFrame):
    """A DataFrame that a notebook shows the way ``df.paperlab.style()`` renders it: titles and code as links,
    missing values blank, lists joined, every text escaped and never typeset as math. Any pandas operation works
    as usual (its results stay PaperlabFrames; they render plainly once they lose the ``paperlab`` attribute)."""

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        return PaperlabFrame

    def __repr__(self) -> str:
        """As pandas prints it, with compare()'s dates as precise as each source gave them ("1999", never
        "1999-01-01"; "2024-11?" when inferred); the column itself stays timestamps, for analysis."""
        dates = self.attrs.get("dates")
        if self.attrs.get("paperlab") != "compare" or not dates or "date" not in self.columns:
            return super().__repr__()
        shown = pd.DataFrame(self).assign(date=[dates.get(i, v) for i, v in zip(self.index, self["date"], strict=True)])
        return repr(shown)

    def _repr_html_(self) -> str | None:
        if self.attrs.get("paperlab") not in ("compare", "diff", "leaderboard") or len(self) == 0:
            return super()._repr_html_()
        ensure_accessor()
        shown = self if len(self) <= SHOWN_ROWS else self.head(SHOWN_ROWS)
        styler = shown.paperlab.style()
        more = (
            f"<p>{SHOWN_ROWS} of {len(self)} rows shown; the frame holds all of them.</p>"
            if len(self) > SHOWN_ROWS
            else ""
        )
        return f'<div class="paperlab-table {NO_MATH_CLASS}">{styler.to_html()}{more}</div>'
