"""How a :class:`~paperlab.library.Library` shows itself: its DataFrame (``to_dataframe``) and its notebook display."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .paper import Paper
from .text import plural

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["library_html", "papers_frame"]

_DF_COLUMNS = [
    "id",
    "title",
    "year",
    "authors",
    "n_authors",
    "organization",
    "published",
    "date_precision",
    "date_inferred",
    "updated",
    "arxiv_id",
    "version",
    "doi",
    "primary_category",
    "categories",
    "comment",
    "journal_ref",
    "venue",
    "url",
    "pdf_url",
    "code_url",
    "project_url",
    "upvotes",
    "github_stars",
    "keywords",
    "tags",
    "sources",
    "abstract",
    "ai_summary",
]


def papers_frame(papers: Iterable[Paper]) -> pd.DataFrame:
    """One row per paper with typed columns, indexed by paper id (see :meth:`~paperlab.library.Library.to_dataframe`)."""
    import pandas as pd

    rows = []
    for p in papers:
        row = {c: getattr(p, c, None) for c in _DF_COLUMNS if c not in ("sources", "venue")}
        row["venue"] = p.venue
        row.update(title=p.shown_title, abstract=p.shown_abstract)
        if p.published is None:
            row.update(date_precision=None, date_inferred=None)
        row["sources"] = list(dict.fromkeys(s.name for s in p.sources))
        rows.append(row)
    df = pd.DataFrame(rows, columns=_DF_COLUMNS)
    for c in ("published", "updated"):
        df[c] = pd.to_datetime(df[c])
    for c in ("year", "n_authors", "version", "upvotes", "github_stars"):
        df[c] = df[c].astype("Int64")
    df["date_inferred"] = df["date_inferred"].astype("boolean")
    return df.set_index("id")  # the id once, as the index: reset_index() gives the column back


def library_html(papers: Sequence[Paper], merges: Sequence[Any]) -> str:
    """The notebook display of a library's ``papers``: the count, its merges said in words, the first 20 cards."""
    head = f"<div><b>{len(papers)}</b> {plural(len(papers), 'paper', number=False)}</div>"
    if merges:  # duplicates read as one paper each: say so, the details in .merges
        head += f"<div>{_merged_text(merges)} (<code>.merges</code> names them)</div>"
    shown = "".join(p.to_html() for p in list(papers)[:20])
    more = f"<div>… and {len(papers) - 20} more</div>" if len(papers) > 20 else ""
    return head + shown + more


def _merged_text(merges: Sequence[Any]) -> str:
    """'2 duplicates merged', or, when every merge joins records of different files (a bibliography and the
    reading group's schedule naming the same papers), '3 papers read from more than one file, merged'."""
    files = [{place.split(",")[0] for place in getattr(m, "places", ()) if place} for m in merges]
    if files and all(len(f) > 1 for f in files):
        return f"{plural(len(merges), 'paper')} read from more than one file, merged"
    return f"{plural(len(merges), 'duplicate')} merged"
