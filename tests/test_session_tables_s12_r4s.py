"""Slide results tables in the shapes ML slides use most (session 12, R4's findings 1, 2 and 14).

Our own transcripts (tests/data/session_s12_r4s/): a tab table whose best row is bold ("**74.6**"), which was taken
for a second header row and vanished without a problem; a pipe table of "mean ± std" cells ("74.6 ± 0.4",
"61.0±1.2", "70.2 +- 0.5", "57.3 +/- 0.9"), skipped whole as "no row is mostly numbers"; headers marked with
arrows ("PebbleSet ↑", "Latency (ms) ↓"), whose arrow ended up in the metric's name; a table with a ✓/✗ column
beside its one number column, skipped whole.
"""

from __future__ import annotations

import warnings

from paths import DATA

import paperlab
from paperlab.compare import find_tables
from paperlab.comparison.table_text import cell_spread, cell_value, clean_cell, is_num

HERE = DATA / "session_s12_r4s"


def _session(name: str) -> tuple[paperlab.Session, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        session = paperlab.Session.from_file(HERE / name)
    return session, [str(w.message) for w in caught]


def test_a_bold_best_row_is_kept_with_its_values() -> None:
    session, said = _session("bold-best-row.txt")
    rows = session.results
    assert list(zip(rows.method, rows.value, strict=True)) == [
        ("Pocket-Net", 74.6),
        ("Pocket-Net", 61.0),
        ("Mobile-Base", 70.2),
        ("Mobile-Base", 57.3),
    ]
    assert set(rows.metric) == {"accuracy (PebbleSet)", "accuracy (PebbleSet-Wet)"}  # the header is one row
    assert not said and not session.problems  # nothing lost, nothing to report


def test_mean_and_std_cells_give_the_mean_and_keep_the_spread() -> None:
    session, said = _session("spread-arrows-flags.md")
    rows = session.results
    first = rows[rows.presenter == "Lena Marsh"]
    acc = first[first.metric.str.startswith("accuracy")]
    assert list(zip(acc.method, acc.value, acc.spread, strict=True)) == [
        ("Pocket-Net", 74.6, 0.4),  # bold and "±"
        ("Pocket-Net", 61.0, 1.2),  # no spaces
        ("Mobile-Base", 70.2, 0.5),  # "+-"
        ("Mobile-Base", 57.3, 0.9),  # "+/-"
    ]
    assert set(acc.unit) == {"%"}
    assert not any("skipped" in s for s in said)
    assert is_num("81.2 ± 0.3%") and cell_value("81.2 ± 0.3") == 81.2 and cell_spread("81.2±0.3") == 0.3
    assert cell_spread("81.2") is None and not is_num("± 0.3") and not is_num("81.2 ± n/a")


def test_header_arrows_say_which_values_are_better_and_leave_the_name() -> None:
    session, _ = _session("spread-arrows-flags.md")
    rows = session.results
    first = rows[rows.presenter == "Lena Marsh"]
    assert not any("↑" in m or "↓" in m for m in first.metric)
    by_metric = dict(zip(first.metric, first.better, strict=False))
    assert by_metric["accuracy (PebbleSet)"] == "higher"
    # a column stating its own unit is not the caption's accuracy in percent
    assert by_metric["Latency"] == "lower"
    latency = first[first.metric == "Latency"]
    assert list(latency.value) == [8.0, 5.0] and set(latency.unit) == {"ms"}


def test_a_yes_no_column_is_a_setting_of_the_row() -> None:
    session, said = _session("spread-arrows-flags.md")
    rows = session.results
    second = rows[rows.presenter == "Tom Reyes"]
    assert list(zip(second.method, second.value, second["100 labels"], strict=True)) == [
        ("Label-Lite", 9.4, "✓"),
        ("Plain", 22.8, "✗"),
    ]
    assert list(second.col) == [1, 1]  # where the value stands in the slide's table
    assert not any("no row is mostly numbers" in s for s in said)


def test_cell_emphasis_is_markup_not_text() -> None:
    assert clean_cell("**81.2**") == "81.2" and clean_cell("__81.2__") == "81.2" and clean_cell("*81.2*") == "81.2"
    assert clean_cell("<b>Ours</b>") == "Ours" and clean_cell("\\textbf{81.2}") == "81.2"
    assert clean_cell("**83.9 ± 0.2**") == "83.9 ± 0.2"
    assert clean_cell("model_a_b") == "model_a_b" and clean_cell("81.2*") == "81.2*"  # no emphasis there


def test_footnote_marks_after_a_number_keep_it_a_number() -> None:
    assert is_num("85.3†") and cell_value("85.3†") == 85.3 and is_num("81.2*") and cell_value("(65.2)‡") == 65.2
    tables, problems = find_tables("Model\tAcc\tF1\nPocket-Net\t74.6†\t0.81*\nMobile-Base\t70.2\t0.77\n")
    (table,) = tables
    assert list(table.data.value) == [74.6, 0.81, 70.2, 0.77] and not problems  # the marked row is no header


def test_tab_indented_sub_bullets_are_no_table() -> None:
    text = "Key ideas\n- Two stages\n\t- Segment: a small U-Net.\n\t- Count: connected parts.\n"
    assert find_tables(text) == ([], [])  # was "table-like block skipped" (a data loss warning in a session)
