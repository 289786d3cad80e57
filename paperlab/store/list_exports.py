"""The exports of a reading list (DataFrame, BibTeX, CSL-JSON, markdown), shared by :class:`ReadingList`."""

from __future__ import annotations

import dataclasses
import warnings
from typing import TYPE_CHECKING, Any

from ..library import Library
from ..text import md_escape
from .entries import ListEntry, union

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ListExports"]


class ListExports:
    """What a reading list exports; the list supplies ``name`` and ``_rows()`` (its entries in order)."""

    name: str

    def _rows(self, paper_id: str | None = None) -> list[ListEntry]:
        raise NotImplementedError

    # -- exports ------------------------------------------------------------------------------
    def to_library(self) -> Library:
        """The papers of the list, in list order."""
        return Library((e.paper for e in self._rows()), name=self.name)

    def to_dataframe(self) -> pd.DataFrame:
        """One row per entry: the columns of :meth:`Library.to_dataframe` plus ``position``,
        ``status``, ``tags`` (this list's tags), ``note``, ``added``, ``entry_updated``, ``added_by`` and ``updated_by``.

        The paper's own tags (e.g. from a digest) are in ``paper_tags``; ``updated`` stays
        the paper's latest-version date.
        """
        import pandas as pd

        entries = self._rows()
        df = Library([e.paper for e in entries]).to_dataframe()
        df = df.rename(columns={"tags": "paper_tags"})
        df["position"] = [e.position for e in entries]
        df["status"] = [e.status for e in entries]
        df["tags"] = [list(e.tags) for e in entries]
        df["note"] = [e.note for e in entries]
        df["added"] = pd.to_datetime([e.added for e in entries], utc=True)
        df["entry_updated"] = pd.to_datetime([e.updated for e in entries], utc=True)
        df["added_by"] = [e.added_by for e in entries]
        df["updated_by"] = [e.updated_by for e in entries]
        return df

    def to_bibtex(self) -> str:
        """The papers as one BibTeX file, with this list's reading status (``paperlab-status``), note (``annote``)
        and tags (``keywords``) of each entry."""
        from ..sources.bibtex import library_to_bibtex

        rows = self._rows()
        if not rows:
            self._say_empty("BibTeX")
        return library_to_bibtex(rows)

    def _say_empty(self, fmt: str) -> None:
        """Warn that this list holds no paper: its export is an empty text, which read like a failed export."""
        warnings.warn(
            f"reading list {self.name!r} is empty: its {fmt} has no entries (add papers with "
            f"paperlab.reading_list({self.name!r}).add(ID), the cards' '+ Reading list' or the side panel)",
            UserWarning,
            stacklevel=3,
        )

    def to_csl(self) -> list[dict[str, Any]]:
        """The papers as CSL-JSON items; this list's tags are added to ``keyword``, its note is ``annote`` and the
        reading status is ``paperlab-status`` (a variable of ours, as BibTeX's field)."""
        items = []
        for e in self._rows():
            item = e.paper.to_csl()
            item["paperlab-status"] = e.status
            if e.tags:
                words = [w for w in (item.get("keyword") or "").split(", ") if w]
                item["keyword"] = ", ".join(union(words, e.tags))
            if e.note:
                item["annote"] = e.note
            items.append(item)
        return items

    def to_ris(self) -> str:
        """The papers as one RIS file, with this list's tags (added to ``KW``), note and reading status (``N1``
        notes, the status as ``paperlab-status: reading``) of each entry."""
        papers = []
        rows = self._rows()
        if not rows:
            self._say_empty("RIS")
        for e in rows:
            p = e.paper
            notes = [n for n in (p.comment, e.note, f"paperlab-status: {e.status}") if n]
            papers.append(dataclasses.replace(p, tags=union(list(p.tags), e.tags), comment="\n".join(notes)))
        return Library(papers, name=self.name).to_ris()

    def to_markdown(self) -> str:
        """The list as markdown: a heading, then per entry its paper's title, under it the entry's status, tags and
        note, then the rest of the paper card."""
        marks = {"to-read": "[ ]", "reading": "[~]", "read": "[x]"}
        parts = [f"# Reading list: {md_escape(self.name)}\n"]
        for e in self._rows():
            meta = [f"{marks[e.status]} **{e.status}**"]
            if e.tags:
                meta.append(" ".join(f"`{t}`" for t in e.tags if "`" not in t))
            if e.note:
                meta.append("Note: " + md_escape(e.note))
            heading, _, card = e.paper.to_markdown().partition("\n")  # the card opens with its '### title'
            parts.append(heading + "\n" + " · ".join(meta) + "\n\n" + card.lstrip("\n"))
        return "\n".join(parts)
