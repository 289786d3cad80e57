"""``df.paperlab``: render and export the frames of compare, diff and leaderboard (every text escaped)."""

from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING, Any

from ..text import md_escape as md_cell  # text safe inside a markdown table cell (one line, markup escaped)
from ..text import md_link_text
from ..urls import html_link, is_http_url, md_url
from .display import (
    CAPPED_WIDTHS,
    COLUMN_WIDTHS,
    SHOWN_KEYWORDS,
    SHOWN_ORDER,
    drop_empty,
    empty_note,
    readable_ref,
    readable_refs,
    shown_keywords,
)
from .lexicons import LOWER_IS_BETTER

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = ["PaperlabAccessor", "cell_text", "ensure_accessor", "md_cell"]


def cell_text(v: Any) -> str:
    """A cell as plain text: lists joined with "; ", missing values empty, dates ISO, floats short."""
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    try:
        import pandas as pd

        if v is pd.NaT or (not isinstance(v, str) and pd.isna(v)):
            return ""
        if isinstance(v, pd.Timestamp):
            return v.date().isoformat()
    except (TypeError, ValueError):
        pass
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _only_label(column: str, titles: dict[str, str], labels: dict[str, str]) -> str:
    """A diff column ``only <paper id>`` labelled by the paper's label (:func:`.display.paper_labels`), else its
    readable reference."""
    if not column.startswith("only "):
        return column
    pid = column[5:]
    return f"only {labels.get(pid) or readable_ref(pid, titles.get(pid))}"


def _isna(v: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


class PaperlabAccessor:
    """``df.paperlab``: render and export paperlab tables.

    Works on frames made by :func:`compare`, :func:`diff` and :func:`leaderboard`;
    raises ``AttributeError`` on any other frame.
    """

    def __init__(self, df: pd.DataFrame) -> None:
        kind = df.attrs.get("paperlab")
        if kind not in ("compare", "diff", "leaderboard"):
            raise AttributeError("df.paperlab works on frames from paperlab.compare(), diff() or leaderboard()")
        self._df = df
        self.kind = kind

    def __repr__(self) -> str:
        return f"<PaperlabAccessor {self.kind}: {self._df.shape[0]}x{self._df.shape[1]}>"

    def _display_frame(self) -> pd.DataFrame:
        df = self._df
        if self.kind == "compare":
            df = df.drop(columns=[c for c in ("url", "result_values", "date_precision") if c in df])  # date: as given
            dates = self._df.attrs.get("dates")
            if dates and "date" in df:  # as precise as each source gave it, "?" when inferred
                df = df.assign(date=[dates.get(i, v) for i, v in zip(df.index, df["date"], strict=True)])
            if "categories" in df:
                df = df.assign(categories=[shown_keywords(v, SHOWN_KEYWORDS) for v in df["categories"]])
        elif self.kind == "diff" and "categories" in df.index:
            df = df.copy()
            df.loc["categories"] = [shown_keywords(v) for v in df.loc["categories"]]
        return df

    def _row_labels(self, df: pd.DataFrame) -> pd.Index:
        """compare's rows as the notebook table labels them (:func:`.display.readable_refs`: arXiv id, DOI, else
        first author and year, "Lovelace 2025a"), not paperlab's ``title:…`` ids."""
        titles = list(df["title"]) if "title" in df else [None] * len(df)
        labels = self._df.attrs.get("labels") or {}
        return type(df.index)(readable_refs([str(i) for i in df.index], titles, labels), name="paper")

    def _column_label(self, column: Any) -> str:
        """A column's name as shown: diff's ``only <paper id>`` by the paper's label."""
        if self.kind != "diff":
            return str(column)
        return _only_label(str(column), self._df.attrs.get("titles", {}), self._df.attrs.get("labels", {}))

    def style(self) -> Styler:
        """A Styler for JupyterLab: titles and code links clickable, best values bold, text escaped; rows labelled
        by arXiv id, DOI, else first author and year ("Lovelace 2025a"; short title without them), columns (compare)
        or facets (diff) empty everywhere left out and named in the caption, the title column wide enough to read."""
        df = self._display_frame()
        if self.kind == "leaderboard":
            return _leaderboard_styler(df)
        # every cell becomes escaped text; only the links paperlab builds itself are markup
        shown = df.copy()
        for c in shown.columns:
            shown[c] = [html.escape(cell_text(v)) for v in shown[c]]
        if self.kind == "compare":
            self._link_cells(df, shown)
            shown, dropped = drop_empty(shown, axis=1)
            shown = shown[sorted(shown.columns, key=lambda c: SHOWN_ORDER.index(c) if c in SHOWN_ORDER else 99)]
            shown.index = self._row_labels(df)
            note = empty_note(dropped, "every paper")
            if any(str(i).startswith(("title:", "doi:")) for i in df.index):
                note += (
                    " Rows are labelled by arXiv id, DOI, else first author and year (or short title);"
                    " the frame's index holds paperlab ids."
                )
        else:
            shown = shown.rename(columns=self._column_label)
            shown, dropped = drop_empty(shown, axis=0)
            note = empty_note(dropped, "both papers")
        styler = shown.style.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
        for c in ("upvotes", "stars"):
            if self.kind == "compare" and c in shown and df[c].notna().any():
                best = df[c].max()
                flags = ["font-weight:bold" if not _isna(v) and v == best else "" for v in df[c]]
                styler = styler.apply(lambda s, _f=flags: _f, subset=[c])
        styler = _sized(styler, shown)
        styler = styler.set_table_styles(_SCROLLING, overwrite=False)
        if note:
            caption = [{"selector": "caption", "props": "caption-side: bottom; text-align: left; font-size: smaller"}]
            styler = styler.set_caption(note.strip()).set_table_styles(caption, overwrite=False)
        return styler.set_properties(**{"text-align": "left", "vertical-align": "top"})

    def _link_cells(self, df: pd.DataFrame, shown: pd.DataFrame) -> None:
        """Titles link to the paper, code cells to the code (http(s) URLs only)."""
        for c, texts, urls in (("title", df.get("title"), self._df.get("url")), ("code", None, self._df.get("code"))):
            if c not in shown or urls is None:
                continue
            shown[c] = [
                html_link(urls[i], html.escape(str(texts[i]) if texts is not None else "code"))
                if is_http_url(urls[i])
                else shown.at[i, c]
                for i in shown.index
            ]

    def to_markdown(self) -> str:
        """A GitHub-flavoured markdown table (pipes and markup in cells escaped), rows and diff columns labelled as
        in the notebook table ("Lovelace 2025a", not a ``title:…`` id)."""
        df = self._display_frame()
        if self.kind == "leaderboard":
            return _leaderboard_markdown(df)
        cols = list(df.columns)
        rows = self._row_labels(df) if self.kind == "compare" else df.index
        lines = [
            "| " + " | ".join([md_cell(rows.name or "")] + [md_cell(self._column_label(c)) for c in cols]) + " |",
            "|" + "---|" * (len(cols) + 1),
        ]
        for label, (i, row) in zip(rows, df.iterrows(), strict=True):
            cells = []
            for c in cols:
                text = md_cell(cell_text(row[c]))
                if self.kind == "compare" and c == "title" and (url := md_url(self._df.at[i, "url"])):
                    text = f"[{md_link_text(cell_text(row[c]))}]({url})"
                if self.kind == "compare" and c == "code" and (url := md_url(row[c])):
                    text = f"[code]({url})"
                cells.append(text)
            lines.append("| " + " | ".join([md_cell(str(label))] + cells) + " |")
        return "\n".join(lines) + "\n"

    def to_latex(self, **kwargs: Any) -> str:
        """A LaTeX ``tabular`` (booktabs rules; special characters escaped), rows and diff columns labelled as in the
        notebook table."""
        df = self._display_frame()
        if self.kind == "leaderboard":
            styler = df.style.format(precision=2, na_rep="", escape="latex")
            styler = styler.format_index(escape="latex", axis=0).format_index(escape="latex", axis=1)
        else:
            shown = df.copy()
            for c in shown.columns:
                shown[c] = [cell_text(v) for v in shown[c]]
            if self.kind == "compare":
                shown.index = self._row_labels(df)
            shown = shown.rename(columns=self._column_label)
            styler = shown.style.format(escape="latex").format_index(escape="latex", axis=0)
            styler = styler.format_index(escape="latex", axis=1)
        kwargs.setdefault("hrules", True)
        return styler.to_latex(**kwargs)


#: A table wider than its cell scrolls inside a box no taller than the window (its scrollbar in view, not below the
#: last row), its header row staying on top (in the theme's background: light and dark); cells pad less sideways.
_SCROLLING = [
    {"selector": "", "props": "display: block; overflow: auto; max-height: 85vh"},
    {"selector": "td, th", "props": "padding-left: 0.4em; padding-right: 0.4em"},
    {
        "selector": "thead tr:first-child th",
        "props": "position: sticky; top: 0; z-index: 1; background: var(--jp-layout-color0, #fff)",
    },
]


def _sized(styler: Styler, shown: pd.DataFrame) -> Styler:
    """Column widths: the wordy columns room to read (:data:`.display.COLUMN_WIDTHS`), the long text columns and the
    row labels (DOIs) capped and wrapped (:data:`.display.CAPPED_WIDTHS`), dates on one line."""
    widths: dict[Any, list[dict[str, str]]] = {}
    for c in shown.columns:
        props = [f"min-width: {COLUMN_WIDTHS[c]}"] if c in COLUMN_WIDTHS else []
        if c in CAPPED_WIDTHS:
            props += [f"width: {CAPPED_WIDTHS[c]}", f"max-width: {CAPPED_WIDTHS[c]}", "overflow-wrap: break-word"]
        if c == "date":
            props.append("white-space: nowrap")  # 2025-03-10 on one line
        if props:
            widths[c] = [{"selector": "td", "props": "; ".join(props)}]
    styler = styler.set_table_styles(widths, overwrite=False) if widths else styler
    # a label wraps between words, never inside one ("Optimizatio/n"); a DOI breaks at its hyphens
    labels = "min-width: 7em; max-width: 9em; overflow-wrap: break-word"
    return styler.set_table_styles([{"selector": "th.row_heading", "props": labels}], overwrite=False)


def _leaderboard_styler(df: pd.DataFrame) -> Styler:
    """Values with 2 decimals, the best of each column bold (lowest for error-like metrics)."""
    styler = df.style.format(precision=2, na_rep="")
    for col in df.columns:
        metric = col[1] if isinstance(col, tuple) else col
        lower = re.sub(r"\s*\(.*\)$", "", str(metric)) in LOWER_IS_BETTER
        styler = (
            styler.highlight_min(subset=[col], props="font-weight:bold")
            if lower
            else styler.highlight_max(subset=[col], props="font-weight:bold")
        )
    return styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)


def _leaderboard_markdown(df: pd.DataFrame) -> str:
    head = [" · ".join(md_cell(x) for x in ((c,) if not isinstance(c, tuple) else c) if x) for c in df.columns]
    idx_names = [n or "" for n in df.index.names]
    lines = ["| " + " | ".join(idx_names + head) + " |", "|" + "---|" * (len(idx_names) + len(head))]
    for key, row in df.iterrows():
        keys = key if isinstance(key, tuple) else (key,)
        vals = ["" if _isna(v) else f"{v:g}" for v in row]
        lines.append("| " + " | ".join([md_cell(str(k)) for k in keys] + vals) + " |")
    return "\n".join(lines) + "\n"


_REGISTERED = False


def ensure_accessor() -> None:
    """Register ``df.paperlab`` on first use (keeps ``import paperlab`` free of pandas)."""
    global _REGISTERED
    if not _REGISTERED:
        import pandas as pd

        pd.api.extensions.register_dataframe_accessor("paperlab")(PaperlabAccessor)
        _REGISTERED = True
