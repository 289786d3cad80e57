"""Every result read from a library's papers as one tidy table: ``lib.results(metric="speedup")``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..paper import Paper
from .metric_ranker import metric_key
from .views import as_papers, extra_results, result_rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RESULT_COLUMNS", "results_of"]

#: the columns of :func:`results_of`, in order (what was measured first, the sentence it was read from last)
RESULT_COLUMNS = [
    "paper",
    "title",
    "metric",
    "value",
    "unit",
    "kind",
    "direction",
    "dataset",
    "method",
    "setting",
    "metric_as_written",
    "where",
    "evidence",
]


def _as_written(row: dict[str, Any]) -> dict[str, Any]:
    """The metric as the paper wrote it (a table's header is its own, already as written)."""
    written = row.get("metric_as_written")
    return {"metric_as_written": written if isinstance(written, str) else row.get("metric")}


def _matches(name: Any, wanted: str | None, loose: bool) -> bool:
    """Is a row's metric (``loose``: compared as ``metric_key`` does, "Speedups" = "speedup") or dataset named by
    ``wanted``? Case aside, ``wanted`` may be any part of it: "accuracy" finds "top-1 accuracy"."""
    if wanted is None:
        return True
    if not isinstance(name, str) or not name.strip():
        return False
    if loose:
        return (metric_key(wanted) or "") in (metric_key(name) or "")
    return wanted.strip().casefold() in name.casefold()


def results_of(papers: Iterable[Paper] | Paper, metric: str | None = None, dataset: str | None = None) -> pd.DataFrame:
    """One row per result read from the papers (their abstracts, and the tables a session carries), as in the
    ``results`` column of :func:`paperlab.compare`.

    Parameters
    ----------
    papers : iterable of Paper (e.g. a Library)
    metric : str, optional
        Keep results whose metric contains this, case and plurals aside ("speedup", "accuracy").
    dataset : str, optional
        Keep results whose dataset contains this, case aside.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RESULT_COLUMNS`: the paper's id and title, the metric (its canonical form, "BLEU" for
        "sacreBLEU score", "accuracy" for "test accuracy") and ``metric_as_written`` (the paper's phrase), the value as
        printed with its ``unit`` ("%", "x", "pp" or none) and ``kind`` ("absolute", or "delta" for a gain or a reduction, whose
        ``direction`` is "up"/"down"), the dataset, method and setting when the sentence names them, and the
        sentence itself (``evidence``, ``where``: which sentence or table). Empty (with these columns) when
        nothing matches; ``df.attrs["filters"]`` says what was asked for.
    """
    import pandas as pd

    for name, given in (("metric", metric), ("dataset", dataset)):
        if given is not None and (not isinstance(given, str) or not given.strip()):
            raise ValueError(f"results(): {name} must be a non-empty string, got {given!r}")
    plist = as_papers(papers)
    extra = extra_results(plist)  # the slides' tables a session's papers carry, as compare() reads them
    rows = [  # the rows compare()'s result_values holds, without its facets (task, datasets, metrics)
        {**{c: row.get(c) for c in RESULT_COLUMNS}, "paper": p.id, "title": p.shown_title, **_as_written(row)}
        for p in plist
        for row in result_rows(p, extra)
        if _matches(row.get("metric"), metric, True) and _matches(row.get("dataset"), dataset, False)
    ]
    out = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    # one missing-value marker in every text column: a column no sentence filled (all None) was shown "None" beside
    # a partly filled one's NaN
    texts = [c for c in out.columns if c != "value" and all(isinstance(v, str) for v in out[c].dropna())]
    out = out.astype({**dict.fromkeys(texts, "str"), **({"value": "float64"} if out.empty else {})})
    out.attrs["filters"] = {k: v for k, v in (("metric", metric), ("dataset", dataset)) if v is not None}
    return out
