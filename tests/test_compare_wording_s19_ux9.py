"""A wrong field name given to ``compare`` or a results frame without its columns is named in plain words
(session 19's CLI/notebook day: "unknown compare field(s) ['colour']; expected some of ['title', 'date', …]" — a
Python list's repr and a "(s)" the reader has to resolve)."""

from __future__ import annotations

import pandas as pd
import pytest

from paperlab import Paper
from paperlab.compare import compare, leaderboard

PAPERS = [Paper(title="Tiny Drafters for Speculative Decoding", abstract="A 2.7x speedup on MadeUpBench.")]


def test_one_unknown_field_is_named_in_the_singular() -> None:
    with pytest.raises(ValueError) as caught:
        compare(PAPERS, fields=["title", "colour"])
    said = str(caught.value)
    assert said.startswith("unknown compare field 'colour'; the fields are title, date, venue, authors, ")
    assert "(s)" not in said and "[" not in said


def test_several_unknown_fields_are_named_in_the_plural() -> None:
    with pytest.raises(ValueError, match=r"^unknown compare fields 'colour', 'size'; the fields are title, "):
        compare(PAPERS, fields=["colour", "size"])


def test_a_results_frame_without_its_columns_names_them() -> None:
    with pytest.raises(ValueError, match=r"^results lack the column metric; expected tidy results"):
        leaderboard([pd.DataFrame({"method": ["a"], "value": [1.0]})])
    with pytest.raises(ValueError, match=r"^results lack the columns metric, value; expected tidy results"):
        leaderboard([pd.DataFrame({"method": ["a"]})])
