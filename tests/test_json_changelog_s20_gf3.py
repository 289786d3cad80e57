"""A changelog kept as JSON, its entries keyed by what changed ("Added a dark theme to …": {"date": …}), loaded as
papers titled by the changes (a record keyed by a phrase with a date reads as a paper keyed by its title). Half
its keys or more opening as a changelog's entries do (Added, Fixed, Improved, Removed, a version) make it no paper
list: refused with the message naming its keys. Our own made-up files."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab

DATA = Path(__file__).parent / "data" / "json_s20_gf3"


def test_a_changelog_keyed_by_its_changes_is_no_paper_list() -> None:
    with pytest.raises(paperlab.ParseError, match="Added a dark theme"):
        paperlab.load(DATA / "changelog.json")
    titles = sorted(p.title for p in paperlab.load(DATA / "titles_keyed.json"))  # papers keyed by title still read
    assert titles[0] == "Counting Hedges from Orbit with Few Labels" and len(titles) == 3
