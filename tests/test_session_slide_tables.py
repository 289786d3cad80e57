"""Slide tables of a notes-style transcript: a method name with a number in it in a space-aligned table
("DALL-E 3  —  0.67"), and values written as multipliers ("0.5x"). Our own transcript, written for this test
(tests/data/session/talk-labelled-aligned.txt): a walkthrough found "DALL-E 3" read as the label "DALL-E" with the
value 3 put under FID, and a markdown table of "1.0x" values skipped as not numeric.
"""

from __future__ import annotations

import warnings

from paths import DATA

import paperlab
from paperlab.comparison.table_text import cell_value, is_num

TALK = DATA / "session" / "talk-labelled-aligned.txt"


def _results():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        session = paperlab.Session.from_file(TALK)
    return session, [str(w.message) for w in caught]


def test_a_method_name_holding_a_number_stays_one_label_in_a_full_row() -> None:
    session, said = _results()
    rows = session.results
    first = rows[rows.presenter == "Dana Whitfield"]
    assert list(zip(first.method, first.metric, first.value, strict=True)) == [
        ("SD3-8B", "GenEval", 0.74),
        ("DALL-E 3", "GenEval", 0.67),
        ("SDXL", "GenEval", 0.55),
    ]
    assert not any("DALL-E 3" in s for s in said)  # nothing split, nothing dropped


def test_multiplier_values_are_numbers_with_unit_x() -> None:
    session, _ = _results()
    rows = session.results
    second = rows[rows.presenter == "Omar Haddad"]
    units = [u if isinstance(u, str) else None for u in second.unit]  # pandas shows a missing unit as NaN
    assert list(zip(second.method, second.metric, second.value, units, strict=True)) == [
        ("baseline", "FLOPs", 1.0, "x"),
        ("baseline", "loss", 2.71, None),
        ("MoD (12.5% capacity)", "FLOPs", 0.5, "x"),
        ("MoD (12.5% capacity)", "loss", 2.69, None),
    ]
    assert is_num("2.5x") and is_num("3×") and cell_value("0.5x") == 0.5
    assert not is_num("x") and not is_num("2.5xl") and not is_num("4x4")
