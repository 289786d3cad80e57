"""The DataFrame of compare, diff and leaderboard: plain pandas for analysis, shown styled in a notebook.

Its own module because it imports pandas at the top (a subclass must be importable by name to pickle);
:mod:`paperlab.comparison.views` loads it on first use, so ``import paperlab`` stays light.
"""

from __future__ import annotations

import pandas as pd

from ..text import NO_MATH_CLASS
from .render import cell_text, ensure_accessor

__all__ = ["SHOWN_ROWS", "PaperlabFrame"]

#: Rows a notebook shows of a paperlab table (the frame itself keeps every row).
SHOWN_ROWS = 60
#: compare()'s columns a printed frame leaves out: the evidence behind the results, the date's precision (the
#: date is printed as precise as its source gave it).
_NOT_PRINTED = ("result_values", "date_precision")


class PaperlabFrame(pd.DataFrame):
    """A DataFrame that a notebook shows the way ``df.paperlab.style()`` renders it: titles and code as links,
    missing values blank, lists joined, every text escaped and never typeset as math. Any pandas operation works
    as usual (its results stay PaperlabFrames; they render plainly once they lose the ``paperlab`` attribute)."""

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        return PaperlabFrame

    def __repr__(self) -> str:
        """As pandas prints it; compare()'s frame as the notebook shows it: dates as precise as each source gave
        them ("1999", never "1999-01-01"; "2024-11?" when inferred), the columns empty for every paper left out and
        named below, without the evidence rows (``result_values``). The frame itself keeps every column, the date
        column timestamps, for analysis."""
        if self.attrs.get("paperlab") != "compare" or len(self) == 0:
            return super().__repr__()
        plain = pd.DataFrame(self)
        dates = self.attrs.get("dates") or {}
        if "date" in plain:
            plain = plain.assign(date=[dates.get(i, v) for i, v in zip(plain.index, plain["date"], strict=True)])
        shown = plain.drop(columns=[c for c in _NOT_PRINTED if c in plain])
        empty = [c for c in shown.columns if c != "title" and all(cell_text(v) == "" for v in shown[c])]
        named = [c for c in empty if c != "url"]  # a paper's address, no field of its own
        note = f"\nNot shown, empty for every paper: {', '.join(named)}." if named else ""
        return repr(shown.drop(columns=empty)) + note

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
