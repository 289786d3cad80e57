"""The analysis-ready DataFrame of search hits (:meth:`SearchResults.to_dataframe`).

One row per hit, best first, indexed by paper id (``frame.reset_index()`` gives the ``id`` column back). The
columns, in order: ``title``, ``year`` (nullable ``Int64``), ``authors`` (list), ``score``, ``venue``,
``published`` (``datetime64``; ``date_precision`` says how much of it the source gave: ``"year"``, ``"month"``
or ``"day"``), ``arxiv_id``, ``doi``, ``url`` (the best landing page: the given url, else arXiv, else DOI),
``tags`` (only when some hit has tags), then why it matched: ``matched_terms`` (list), ``related_terms`` (the hit's
own topical terms close to the query, only when some hit has them) and ``best_sentence``.
The one-line ``why`` text and every other :meth:`Library.to_dataframe` column are in ``full=True``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from ..paper import Paper

__all__ = ["HIT_COLUMNS", "hit_frame"]

#: The columns of the default frame, in order (``tags`` and ``related_terms`` only when some hit has them).
HIT_COLUMNS = (
    "title",
    "year",
    "authors",
    "score",
    "venue",
    "published",
    "date_precision",
    "arxiv_id",
    "doi",
    "url",
    "tags",
    "matched_terms",
    "related_terms",
    "best_sentence",
)


def hit_frame(
    papers: Sequence[Paper], library_frame: pd.DataFrame, scores: Mapping[str, float], reasons: Mapping[str, Any]
) -> pd.DataFrame:
    """The default frame of ``papers`` (hits, best first) from their ``Library.to_dataframe()`` rows."""
    import pandas as pd

    ids = [p.id for p in papers]
    rows = library_frame.loc[ids] if ids else library_frame
    df = pd.DataFrame(index=pd.Index(ids, name="id", dtype=object))
    df["title"] = rows["title"].to_numpy()
    df["year"] = pd.array(rows["year"].to_numpy(), dtype="Int64")
    df["authors"] = [list(p.authors) for p in papers]
    df["score"] = pd.array([scores.get(i, float("nan")) for i in ids], dtype="float64")
    for column in ("venue", "published", "date_precision", "arxiv_id", "doi"):
        df[column] = rows[column].to_numpy()
    df["url"] = [p.abs_url for p in papers]
    if any(p.tags for p in papers):
        df["tags"] = [list(p.tags) for p in papers]
    df["matched_terms"] = [list(reasons[i]["terms"]) if i in reasons else [] for i in ids]
    if any(reasons[i].get("related") for i in ids if i in reasons):
        df["related_terms"] = [list(reasons[i].get("related", [])) if i in reasons else [] for i in ids]
    df["best_sentence"] = [reasons[i]["sentence"] if i in reasons else "" for i in ids]
    df["published"] = pd.to_datetime(df["published"])
    return df
