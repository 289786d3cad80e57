"""SearchResults: a Library of hits that also carries their scores and explanations."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..library import Library
from ..paper import Paper

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SearchResults"]


class SearchResults(Library):
    """Papers found by a search, best first, with a score and a short explanation each.

    It is a :class:`~paperlab.library.Library` (filter, export, render as usual);
    :meth:`to_dataframe` adds ``score`` and ``why`` columns.

    Parameters
    ----------
    papers : iterable of Paper
        Hits, best first.
    scores : iterable of float
        One score per hit (higher is better; its scale depends on ``mode``).
    query : str, optional
        What was searched for (a query, or ``"similar to <id>"``).
    mode : str
        ``"hybrid"``, ``"semantic"``, ``"lexical"`` or ``"recommend"``.
    explain : callable, optional
        ``explain(paper) -> str``, called lazily the first time explanations are needed.

    Attributes
    ----------
    scores : dict of str to float
        Score by paper id.
    """

    def __init__(
        self,
        papers: Iterable[Paper] = (),
        scores: Iterable[float] = (),
        query: str | None = None,
        mode: str = "hybrid",
        explain: Callable[[Paper], str] | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(name=name)
        self.query = query
        self.mode = mode
        self.scores: dict[str, float] = {}
        for paper, score in zip(papers, scores, strict=True):
            stored = self.add(paper)
            self.scores[stored.id] = max(float(score), self.scores.get(stored.id, float("-inf")))
        self._explain = explain
        self._explanations: dict[str, str] | None = None

    def __repr__(self) -> str:
        q = f" {self.query[:60]!r}" if self.query else ""
        return f"<SearchResults{q} ({self.mode}): {len(self)} paper{'s' if len(self) != 1 else ''}>"

    @property
    def explanations(self) -> dict[str, str]:
        """Why each paper matched (matched terms and/or the best-matching abstract sentence), by id."""
        if self._explanations is None:
            self._explanations = {p.id: (self._explain(p) if self._explain else "") for p in self}
        return self._explanations

    def explain(self, paper: Paper | str) -> str:
        """The explanation of one hit, by Paper or id."""
        key = paper.id if isinstance(paper, Paper) else (self[paper].id)
        return self.explanations[key]

    def to_dataframe(self) -> pd.DataFrame:
        """One row per hit, best first, with ``score`` and ``why`` before the usual columns."""
        df = super().to_dataframe()
        df.insert(0, "score", [self.scores.get(i, float("nan")) for i in df["id"]])
        df.insert(1, "why", [self.explanations.get(i, "") for i in df["id"]])
        return df

    def _repr_html_(self) -> str:
        e = html.escape
        head = f"<div><b>{len(self)}</b> result{'s' if len(self) != 1 else ''}"
        head += f" for <i>{e(self.query)}</i>" if self.query else ""
        head += f" ({e(self.mode)})</div>"
        rows = []
        for p in list(self)[:20]:
            why = self.explanations.get(p.id, "")
            rows.append(
                f'<div style="color:var(--jp-ui-font-color2,#666);font-size:90%">'
                f"score {self.scores.get(p.id, 0):.3f} · {e(why)}</div>{p.to_html()}"
            )
        return head + "".join(rows)
