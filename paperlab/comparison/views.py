"""Views across papers: compare (one row per paper), diff (two papers), leaderboard (method x (dataset, metric))."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..paper import Paper
from ..text import plural
from ..urls import code_url_in_text
from .display import paper_labels
from .render import cell_text, ensure_accessor
from .sentences import extract_facets, extract_results
from .tables import ResultsTable

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COMPARE_FIELDS", "as_papers", "compare", "diff", "extra_results", "leaderboard", "result_rows", "venue_of"]

COMPARE_FIELDS = [
    "title",
    "date",
    "venue",
    "authors",
    "code",
    "upvotes",
    "stars",
    "categories",
    "task",
    "datasets",
    "metrics",
    "results",
]


def _frame() -> type[pd.DataFrame]:
    """The DataFrame subclass of these views (:mod:`paperlab.comparison.frame`: imports pandas, so loaded on use)."""
    from .frame import PaperlabFrame

    return PaperlabFrame


def as_papers(papers: Iterable[Paper] | Paper) -> list[Paper]:
    """``papers`` as a list of Paper (one Paper is a list of one); anything else a TypeError naming it."""
    if isinstance(papers, Paper):
        return [papers]
    out = list(papers)
    for p in out:
        if not isinstance(p, Paper):
            raise TypeError(f"compare() expects Paper objects (or a Library), got {type(p).__name__}")
    return out


def _format_result(r: Any, upper: float | None = None) -> str:
    """A result as a reader says it ("5.11 FID on CelebA-HQ"); ``upper``: the high end of a range the text gives as
    one result ("4-16% absolute accuracy" is "4–16% accuracy")."""
    written = getattr(r, "metric_as_written", None)  # the phrase as the paper wrote it ("mAP@0.5", not "mAP")
    metric = cell_text(written if isinstance(written, str) else r.metric)
    unit, dataset, setting = (cell_text(x) for x in (r.unit, r.dataset, r.setting))
    value = _delta_text(r.value, unit, r.kind, getattr(r, "direction", None), metric)
    if upper is not None:
        value = _NUMBER.sub(lambda m: f"{m.group(0)}\u2013{upper:g}", value, count=1)
    parts = [value, metric]
    if dataset:
        parts.append(f"on {dataset}")
    if setting:
        parts.append(f"with {setting}")
    return " ".join(p for p in parts if p)


def _delta_text(value: float, unit: str, kind: str, direction: str | None, metric: str = "") -> str:
    """A level as written ("23.57"); a gain signed "+4%"; a reduction "−4%" ("3x lower latency" for a multiple, "4x
    fewer parameters" when what is counted is a plural)."""
    if kind != "delta" or value <= 0:
        return f"{value:g}{unit}"
    if direction == "down" and unit == "x":
        counted = re.search(r"[^s\W]s$", metric.split(" ")[-1]) is not None  # "parameters", "FLOPs", not "loss"
        return f"{value:g}{unit} {'fewer' if counted else 'lower'}"
    if direction == "down":
        return f"\u2212{value:g}{unit}"
    return f"+{value:g}{unit}"


def _carried(p: Paper) -> list[dict[str, Any]]:
    """The tidy result rows a paper carries from the session it was read from (``extra["session_results"]``)."""
    rows = p.extra.get("session_results") if isinstance(p.extra, dict) else None
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def extra_results(papers: Sequence[Paper], results: Sequence[pd.DataFrame] | None = None) -> pd.DataFrame | None:
    """The tidy table results of ``papers`` beyond their text, as one frame with a ``paper`` column (None: none):
    ``results`` given (a session's tables), and the slides' tables a session's papers carry (``extra
    ["session_results"]``) for the papers ``results`` does not name."""
    import pandas as pd

    given = list(results or [])
    named = {str(x) for d in given if "paper" in d for x in d["paper"]}
    given += [pd.DataFrame(rows).assign(paper=p.id) for p in papers if p.id not in named and (rows := _carried(p))]
    return pd.concat(given, ignore_index=True) if given else None


def _paper_results(p: Paper, extra: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The results read from a paper's text, and its rows of ``extra`` (None when ``extra`` names no paper)."""
    found = extract_results(p)
    mine = extra[extra["paper"] == p.id] if extra is not None and "paper" in extra else None
    return found, mine


def result_rows(p: Paper, extra: pd.DataFrame | None = None) -> list[dict[str, Any]]:
    """A paper's result rows, as :func:`compare`'s ``result_values`` holds them: those read from its text, then
    its tables' (its rows of ``extra``, :func:`extra_results`). The one extraction of results that ``compare``
    and ``lib.results()`` share; no facet (task, datasets, metrics) is read."""
    found, mine = _paper_results(p, extra)
    values = [r._asdict() for r in found.itertuples(index=False)]
    return values + (mine.to_dict("records") if mine is not None else [])


def _compare_row(p: Paper, extra: pd.DataFrame | None) -> dict[str, Any]:
    """A paper's row of :func:`compare`; ``extra`` holds tidy table results of any papers."""
    import pandas as pd

    facets = extract_facets(p)
    found, mine = _paper_results(p, extra)
    values = [r._asdict() for r in found.itertuples(index=False)]
    summaries = _summaries(found)
    tabled: list[Any] = []  # the metrics of the paper's tables (named by their headers, unlike the text's)
    if mine is not None:
        values += mine.to_dict("records")
        tabled = list(mine["metric"]) if "metric" in mine else []
        named = mine["table"].fillna("table") if "table" in mine else pd.Series("table", index=mine.index)
        for table, group in mine.groupby(named, sort=False):  # a user's own frame may name no table
            summaries.append(f"{table}: {len(group)} values, {group['method'].nunique()} methods")
    return {
        "title": p.shown_title,  # LaTeX decoded, as the cards show it
        "url": p.abs_url,
        "date": pd.Timestamp(p.published) if p.published else pd.NaT,
        "date_precision": p.date_precision,
        "venue": p.venue,
        "authors": p.byline() or None,
        "code": _code_of(p),
        "upvotes": p.upvotes,
        "stars": p.github_stars,
        "categories": list(dict.fromkeys(p.categories + p.keywords)),
        "task": facets["task"],
        "datasets": _with_results(facets["datasets"], [r.get("dataset") for r in values]),
        # the lexicon's and the tables'; not those of results read from the text (any noun: "females", "inputs")
        "metrics": _with_results(facets["metrics"], tabled),
        "results": summaries,
        "result_values": values,
    }


def _with_results(named: list[str], of_results: list[Any]) -> list[str]:
    """A facet's names (the datasets the lexicon knows in the text) and those of the paper's results after them,
    each once whatever its case: the results column's "5.11 FID on CelebA-HQ" puts CelebA-HQ among the datasets."""
    seen = {n.casefold() for n in named}
    out = list(named)
    for name in of_results:
        if isinstance(name, str) and name.strip() and name.strip().casefold() not in seen:
            seen.add(name.strip().casefold())
            out.append(name.strip())
    return out


def _summaries(found: pd.DataFrame) -> list[str]:
    """The results cell: each result once. A baseline the abstract repeats ("from 100% to 37.6% ... from 100% to
    2%") is one result shown once; ``result_values`` keeps every sentence's row as evidence."""
    seen: set[tuple[Any, ...]] = set()
    out: list[str] = []
    rows = list(found.itertuples(index=False))
    skip = False
    for i, r in enumerate(rows):
        after = rows[i + 1] if i + 1 < len(rows) else None
        key = (r.value, r.unit, r.metric, r.dataset, r.kind, r.setting)
        if skip or key in seen:
            skip = False
            continue
        seen.add(key)
        upper = after.value if after is not None and _one_range(r, after) else None
        if after is not None and upper is not None:
            # "2-3 times faster": the low end read without the high end's metric
            r = r._replace(**{k: getattr(after, k) for k in ("metric", "metric_as_written") if hasattr(r, k)})
            seen.add((upper, r.unit, r.metric, r.dataset, r.kind, r.setting))
            skip = True
        out.append(_format_result(r, upper))
    return out


_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:e[+-]?\d+)?")
# two numbers written as one range: "4-16%", "1.6--9.3$\times$", "0.78 to 0.81" (never "from 100% to 37.6%": a change)
_RANGE = re.compile(
    r"(?<![\w.])(?<!from )(?<!from \$)(\d+(?:\.\d+)?)\s*(?:\\?%|\$?\\times\$?|×|x)?\$?\s*(?:--?|–|—|\bto\b)\s*\$?(\d+(?:\.\d+)?)(?![\d.]\d)"
)

# "from" and a hedge before the low end: a change ("from about 61% to 89%"), not a range
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:about|around|roughly|approximately|approx\.|nearly|almost|only|just|some|ca\.|~|≈)\s*)+\$?$",
    re.I,
)


def _one_range(low: Any, high: Any) -> bool:
    """Whether two results read from one sentence are the two ends of one range the sentence writes ("4-16% absolute
    accuracy"): the same metric (or none read for the low end: "2-3 times faster"), unit, kind, dataset and setting,
    and the text writes "low-high" or "low to high"."""
    same = ("where", "evidence", "unit", "dataset", "kind", "setting")
    if any(cell_text(getattr(low, k, None)) != cell_text(getattr(high, k, None)) for k in same):
        return False
    if cell_text(low.metric) and cell_text(low.metric) != cell_text(high.metric):
        return False
    if not isinstance(low.evidence, str) or not low.value < high.value:
        return False
    return any(
        (float(m.group(1)), float(m.group(2))) == (low.value, high.value)
        and not _FROM_BEFORE.search(low.evidence[: m.start()])
        for m in _RANGE.finditer(low.evidence)
    )


def _code_of(paper: Paper) -> str | None:
    """Where a paper's code is: its own code link, else a repository address in its project link, abstract or
    comments (``"Code: https://github.com/thuml/Timer-XL."``; :func:`paperlab.urls.code_urls_in_text`)."""
    return paper.code_url or code_url_in_text(paper.project_url, paper.abstract, paper.comment)


def venue_of(paper: Paper) -> str | None:
    """The venue of a paper, e.g. ``"ICLR 2025"`` or ``"ICLR 2025 Workshop"``: :attr:`Paper.venue`.

    One parser (:func:`paperlab.venues.parse_venue`) serves cards and comparison tables:
    the journal reference, else a comment such as "Accepted at CVPR 2025"; a paper only
    submitted or under review has no venue.

    Parameters
    ----------
    paper : Paper

    Returns
    -------
    str or None
    """
    return paper.venue


def compare(
    papers: Iterable[Paper] | Paper, fields: Sequence[str] | None = None, results: Sequence[pd.DataFrame] | None = None
) -> pd.DataFrame:
    """One row per paper: metadata and the facets extracted from its text.

    Parameters
    ----------
    papers : iterable of Paper (e.g. a Library)
    fields : list of str, optional
        Columns to keep, from :data:`COMPARE_FIELDS` (default: all).
    results : list of DataFrame, optional
        Extra tidy results (e.g. a session's tables) merged into the ``results`` column
        by their ``paper`` id.

    Returns
    -------
    pandas.DataFrame
        Indexed by paper id; ``title`` is plain text (the link is in ``url``, which
        ``df.paperlab.style()`` uses), list-valued facets are lists, ``results`` is a
        list of readable strings and ``result_values`` the tidy rows behind them;
        ``datasets`` names those of the results too. ``date`` is a
        timestamp (to sort and filter) and ``date_precision`` says how much of it the
        source gave ("year", "month", "day"): a year-only 2016 is 2016-01-01 with
        precision "year", shown "2016". Every column is kept, also one empty for every
        paper (code that reads ``df["code"]`` works on any library); the notebook table
        and the printed frame leave those out and name them.
        Render with ``df.paperlab.style()``, export with ``df.paperlab.to_markdown()``
        or ``df.paperlab.to_latex()``.

    Raises
    ------
    ValueError
        For an unknown field name.
    """
    import pandas as pd

    chosen = list(fields) if fields is not None else list(COMPARE_FIELDS)
    unknown = [f for f in chosen if f not in COMPARE_FIELDS]
    if unknown:
        named = ", ".join(repr(f) for f in unknown)
        raise ValueError(
            f"unknown compare {plural(len(unknown), 'field', number=False)} {named}; the fields are "
            f"{', '.join(COMPARE_FIELDS)}"
        )
    plist = as_papers(papers)
    extra = extra_results(plist, results)  # a session's papers read by paperlab.load carry their slides' tables
    rows = [_compare_row(p, extra) for p in plist]
    cols = chosen + [c for c in ("url", "result_values") if c not in chosen]
    if "date" in cols:  # how much of each date its source gave ("year": 2016 is no January 1st)
        cols.insert(cols.index("date") + 1, "date_precision")
    df = _frame()(rows, columns=cols, index=pd.Index([p.id for p in plist], name="id"))
    for c in ("upvotes", "stars"):
        if c in df:
            df[c] = df[c].astype("Int64")
    df.attrs["paperlab"] = "compare"
    df.attrs["labels"] = paper_labels(plist)  # the rows' labels in a notebook ("Lovelace 2025" for a title-only paper)
    # the dates as precise as each source gave them ("2017", "2024-11?" when inferred), for the displays
    df.attrs["dates"] = {p.id: f"{p.date_text}{'?' if p.date_inferred else ''}" for p in plist if p.published}
    ensure_accessor()
    return df


def diff(a: Paper, b: Paper) -> pd.DataFrame:
    """Two papers side by side: shared and distinct facets.

    Parameters
    ----------
    a, b : Paper

    Returns
    -------
    pandas.DataFrame
        One row per facet (``task``, ``datasets``, ``metrics``, ``categories``,
        ``authors``) with columns ``shared``, ``only <a id>``, ``only <b id>``.
    """
    import pandas as pd

    if not isinstance(a, Paper) or not isinstance(b, Paper):
        raise TypeError("diff() compares two Paper objects")
    fa, fb = extract_facets(a), extract_facets(b)
    fa["categories"], fb["categories"] = a.categories + a.keywords, b.categories + b.keywords
    fa["authors"], fb["authors"] = a.authors, b.authors
    rows = {}
    for facet in ("task", "datasets", "metrics", "categories", "authors"):
        xa, xb = fa[facet], fb[facet]
        rows[facet] = {
            "shared": [x for x in xa if x in xb],
            f"only {a.id}": [x for x in xa if x not in xb],
            f"only {b.id}": [x for x in xb if x not in xa],
        }
    df = _frame()(pd.DataFrame.from_dict(rows, orient="index"))
    df.attrs["paperlab"] = "diff"
    df.attrs["titles"] = {a.id: a.title, b.id: b.title}
    df.attrs["labels"] = paper_labels([a, b])  # the notebook display labels the columns by these
    ensure_accessor()
    return df


def leaderboard(
    results: pd.DataFrame | Iterable[pd.DataFrame | ResultsTable], *, index: Sequence[str] = ("method", "setting")
) -> pd.DataFrame:
    """Pivot tidy results (across papers) into method x (dataset, metric).

    Parameters
    ----------
    results : DataFrame, ResultsTable, or an iterable of them
        Tidy results from :func:`extract_results`, :func:`parse_table` or a
        :class:`~paperlab.sources.session.Session`.
    index : sequence of str
        Row keys; columns absent from the results are ignored.

    Returns
    -------
    pandas.DataFrame
        Rows ``index``, columns a MultiIndex ``(dataset, metric)``; duplicate values
        are averaged. ``df.paperlab.style()`` marks the best value of each column
        (lowest for error-like metrics).

    Raises
    ------
    ValueError
        If there are no results or the required columns are missing.
    """
    import pandas as pd

    if isinstance(results, pd.DataFrame):
        frames = [results]
    elif isinstance(results, ResultsTable):
        frames = [results.data]
    else:
        frames = [r.data if isinstance(r, ResultsTable) else r for r in results]
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        raise ValueError("leaderboard() needs at least one non-empty results frame")
    df = pd.concat(frames, ignore_index=True)
    missing = [c for c in ("method", "metric", "value") if c not in df]
    if missing:
        raise ValueError(
            f"results lack the {plural(len(missing), 'column', number=False)} {', '.join(missing)}; expected tidy "
            "results (method, dataset, metric, value)"
        )
    keys = [k for k in index if k in df and df[k].notna().any()]
    df = df.assign(dataset=df["dataset"].fillna("—") if "dataset" in df else "—")
    for k in keys:
        df[k] = df[k].fillna("")
    df = df[df["method"].astype(str) != ""]
    board = _frame()(
        df.pivot_table(index=keys, columns=["dataset", "metric"], values="value", aggfunc="mean", sort=False)
    )
    board.attrs["paperlab"] = "leaderboard"
    ensure_accessor()
    return board
