"""Results tables found in text -> tidy frames with one row per value, and the repairs that took."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ImportProblem, ParseError
from .table_layout import (
    Layout,
    caption_info,
    column_meta,
    column_ranges,
    column_unit,
    fill_merged_labels,
    join_variant_labels,
    layout_of,
    out_of_range,
    unique_names,
)
from .table_text import MISSING, Grid, cell_spread, cell_unit, cell_value, find_caption, is_num, read_grid, table_blocks

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ResultsTable", "find_tables", "parse_table"]

TIDY_COLUMNS = [
    "paper",
    "table",
    "method",
    "setting",
    "dataset",
    "metric",
    "value",
    "unit",
    "column",
    "source",
    "line",
    "col",
    "cell",
]


@dataclass
class ResultsTable:
    """A results table recovered from text.

    Attributes
    ----------
    data : pandas.DataFrame
        Tidy values: ``paper, table, method, setting, dataset, metric, value, unit,
        column, source, line, col, cell`` plus one column per label column of the table
        (e.g. ``Reduction``; a yes/no column is one too); ``line``/``col``/``cell`` say where each value was
        read. ``spread`` holds the ± part of "mean ± spread" cells and ``better`` "higher" or "lower" when the
        header marks it ("Acc ↑"), when the table has them.
    wide : pandas.DataFrame
        The repaired table as shown (label columns then value columns).
    caption : str or None
    header : list of str
        Recovered column names (levels joined with " / ").
    problems : list of ImportProblem
        What was repaired and what could not be recovered, with line numbers.
    source : str
    first_line : int
    """

    data: pd.DataFrame
    wide: pd.DataFrame
    caption: str | None
    header: list[str]
    problems: list[ImportProblem] = field(default_factory=list)
    source: str = "<text>"
    first_line: int = 1

    def __repr__(self) -> str:
        cap = f" {self.caption[:50]!r}" if self.caption else ""
        return (
            f"<ResultsTable{cap}: {self.wide.shape[0]} rows x {len(self.header)} columns, "
            f"{len(self.data)} values, {len(self.problems)} problem(s)>"
        )

    def _repr_html_(self) -> str:
        cap = f"<div><i>{html.escape(self.caption)}</i></div>" if self.caption else ""
        return cap + self.wide.to_html(escape=True, na_rep="")


def parse_table(
    text: str | pd.DataFrame,
    *,
    format: str | None = None,
    caption: str | None = None,
    source: str = "<text>",
    first_line: int = 1,
    paper: str | None = None,
    name: str | None = None,
) -> ResultsTable:
    """Parse one results table into a tidy frame.

    Parameters
    ----------
    text : str or pandas.DataFrame
        The table: tab-separated lines, a markdown table, an HTML ``<table>``, or a
        DataFrame (e.g. from :func:`pandas.read_html`, column levels become header rows).
    format : {"tsv", "markdown", "html", None}
        Detected from the text when omitted.
    caption : str, optional
        The table's caption; the metric, dataset and unit it names fill in what the
        header leaves open ("Accuracy (ACC, %) ... on DRCT-2M").
    source : str
        File name for provenance and error messages.
    first_line : int
        Line number of the table's first line in ``source``.
    paper : str, optional
        Paper id recorded in the ``paper`` column.
    name : str, optional
        Table label recorded in the ``table`` column (default: "Table N" from the caption).

    Returns
    -------
    ResultsTable

    Raises
    ------
    ParseError
        If the text holds no table, or a table without numeric values; the message
        names the source and line.
    """
    grid = read_grid(text, format, source, first_line)
    return _build_table(grid, caption=caption, source=source, first_line=first_line, paper=paper, name=name)


@dataclass
class _Context:
    """What every value of a table shares: where it comes from and what the caption says."""

    paper: str | None
    table: str | None
    source: str
    unit: str | None
    problems: list[ImportProblem]


def _build_table(
    grid: Grid, *, caption: str | None, source: str, first_line: int, paper: str | None, name: str | None
) -> ResultsTable:
    import pandas as pd

    problems: list[ImportProblem] = []
    lay = layout_of(grid, problems, source, first_line)
    rows, lines = lay.rows, grid.lines
    for j in range(lay.value_start):
        fill_merged_labels(rows, lines, j, problems, source)
    if lay.method_col is not None:
        join_variant_labels(rows, lay.method_col)
    cap_metric, cap_dataset, cap_unit = caption_info(caption)
    col_meta = [column_meta(lay.levels[j], cap_metric, cap_dataset) for j in range(lay.width)]
    col_units = [column_unit(lay.levels[j]) for j in range(lay.width)]
    ctx = _Context(paper, name or _table_name(caption), source, cap_unit, problems)
    ranges = column_ranges(rows, lay.width, lay.value_start)
    records: list[dict[str, Any]] = []
    wide_rows: list[list[Any]] = []
    for r, ln in zip(rows, lines, strict=False):
        if _misaligned(r, ln, lay, ranges, problems, source):
            continue
        wide_rows.append(
            [r[j] for j in range(lay.value_start)]
            + [cell_value(r[j]) if is_num(r[j]) else None for j in range(lay.value_start, lay.width)]
        )
        records.extend(_row_records(r, ln, lay, (col_meta, col_units), ctx))
    extra_cols = [lay.label_names[j] for j in range(lay.value_start) if j != lay.method_col]
    extra_cols += [c for c in ("spread", "better") if any(c in rec for rec in records)]  # "81.2 ± 0.3", "Acc ↑"
    columns = TIDY_COLUMNS + list(dict.fromkeys(c for c in extra_cols if c not in TIDY_COLUMNS))
    data = pd.DataFrame(records, columns=columns)
    data = data.astype({"value": "float64", "line": "Int64", "col": "Int64"})
    wide = pd.DataFrame(wide_rows, columns=unique_names(lay.label_names + lay.names[lay.value_start :]))
    return ResultsTable(
        data=data, wide=wide, caption=caption, header=lay.names, problems=problems, source=source, first_line=first_line
    )


def _table_name(caption: str | None) -> str | None:
    """ "Table 2" from a caption "Table 2: Results on ..."."""
    m = re.match(r"\s*(Table\s+\w+)", caption) if caption else None
    return m.group(1) if m else None


def _misaligned(
    r: list[str],
    ln: int,
    lay: Layout,
    ranges: list[tuple[float, float] | None],
    problems: list[ImportProblem],
    source: str,
) -> bool:
    """A value far outside its column's range means the row lost cells: report it, and skip the row."""
    bad = [(j, r[j]) for j in range(lay.value_start, lay.width) if out_of_range(r[j], ranges[j])]
    if not bad:
        return False
    row_cells = [r[j] for j in range(lay.value_start, lay.width) if r[j]]
    j0, v0 = bad[0]
    problems.append(
        ImportProblem(
            source,
            f"line {ln}",
            f"values {row_cells} do not fit their columns ({v0} under {lay.names[j0]!r} is out of range): "
            "cells were lost in this row and the values cannot be placed; row skipped",
        )
    )
    return True


def _row_records(
    r: list[str],
    ln: int,
    lay: Layout,
    meta: tuple[list[tuple[str | None, str]], list[str | None]],
    ctx: _Context,
) -> list[dict[str, Any]]:
    """The tidy values of one row (a non-numeric cell is reported and skipped)."""
    method = r[lay.method_col] if lay.method_col is not None else None
    labels = {lay.label_names[j]: (r[j] or None) for j in range(lay.value_start) if j != lay.method_col}
    setting = ", ".join(f"{k}={v}" for k, v in labels.items() if v and k != "group" and v not in MISSING) or None
    out: list[dict[str, Any]] = []
    for j in range(lay.value_start, lay.width):
        cell = r[j]
        if not cell or cell in MISSING or not is_num(cell):
            if cell and cell not in MISSING:
                ctx.problems.append(
                    ImportProblem(
                        ctx.source, f"line {ln}", f"cell {cell!r} under {lay.names[j]!r} is not a number; skipped"
                    )
                )
            continue
        dataset, metric = meta[0][j]
        out.append(
            {
                "paper": ctx.paper,
                "table": ctx.table,
                "method": method,
                "setting": setting,
                "dataset": dataset,
                "metric": metric,
                "value": cell_value(cell),
                "unit": cell_unit(cell) or meta[1][j] or ctx.unit,
                "column": lay.names[j],
                "source": ctx.source,
                "line": ln,
                "col": lay.cols[j],
                "cell": cell,
                **labels,
                **({"spread": spread} if (spread := cell_spread(cell)) is not None else {}),
                **({"better": lay.better[j]} if lay.better[j] else {}),
            }
        )
    return out


def find_tables(
    text: str, *, source: str = "<text>", paper: str | None = None, first_line: int = 1
) -> tuple[list[ResultsTable], list[ImportProblem]]:
    """Find and parse every results table in a text.

    Tab-separated blocks (consecutive lines with tabs), markdown tables and HTML
    ``<table>`` elements are recognised; a "Table N..." paragraph within a few lines
    after (else before) a block is its caption.

    Parameters
    ----------
    text : str
    source : str
        File name for provenance.
    paper : str, optional
        Paper id recorded with every value.
    first_line : int
        Line number of the text's first line in ``source``.

    Returns
    -------
    (list of ResultsTable, list of ImportProblem)
        The tables, and the blocks that looked like tables but held no results
        (each naming its line), plus every table's repair notes.
    """
    lines = text.split("\n")
    tables: list[ResultsTable] = []
    problems: list[ImportProblem] = []
    for start, end, fmt in table_blocks(lines):
        caption = find_caption(lines, start, end)
        block = "\n".join(lines[start:end])
        try:
            t = parse_table(
                block, format=fmt, caption=caption, source=source, first_line=first_line + start, paper=paper
            )
        except ParseError as exc:
            problems.append(
                ImportProblem(
                    source,
                    f"lines {first_line + start}-{first_line + end - 1}",
                    f"table-like block skipped: {exc.message}",
                )
            )
            continue
        tables.append(t)
        problems.extend(t.problems)
    return tables, problems
