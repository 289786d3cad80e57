"""A home-made JSON record giving a paper's short name and its full title under two title keys ({"papername":
"FogNet", "fulltitle": "FogNet: Reading Tides by Night"}) is titled by the full title; the short name is kept in
the record's extra fields (session 23, helper IM7; the shape of SW14's blind-round survey site, whose records were
titled 'NL4DV-Stylist'). Made-up records of ours."""

from __future__ import annotations

import json
from pathlib import Path

import paperlab


def _load(tmp_path: Path, records: list[dict[str, object]]) -> list[paperlab.Paper]:
    path = tmp_path / "paper_data.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return list(paperlab.load(path))


def test_the_full_title_wins_over_the_short_name_whichever_key_comes_first(tmp_path: Path) -> None:
    papers = _load(
        tmp_path,
        [
            {
                "papername": "FogNet",
                "fulltitle": "FogNet: Reading Tides by Night",
                "venue": "Pretend Conf",
                "year": 2025,
            },
            {"title": "HeronBench", "full_title": "HeronBench - A Pretend Benchmark of Herons", "year": 2024},
            {"title": "Slopes", "paper": "Slopes and Their Gardens", "year": 2023, "venue": "Pretend Conf"},
        ],
    )
    assert [p.title for p in papers] == [
        "FogNet: Reading Tides by Night",
        "HeronBench - A Pretend Benchmark of Herons",
        "Slopes and Their Gardens",
    ]
    assert [p.extra["json"] for p in papers] == [{"papername": "FogNet"}, {"title": "HeronBench"}, {"title": "Slopes"}]


def test_two_titles_that_are_no_short_and_full_form_keep_the_plain_key(tmp_path: Path) -> None:
    """Guard: a short title that is no opening of the other in whole words ("FogNet" of "FogNetwork …"), and a
    "name" beside a title, change nothing."""
    papers = _load(
        tmp_path,
        [
            {"title": "FogNetwork Counted Again", "papername": "FogNet", "year": 2025, "venue": "Pretend Conf"},
            {"name": "LANTERN", "title": "LANTERN: Counting Lights in the Fog", "year": 2020, "venue": "Pretend Conf"},
        ],
    )
    assert [p.title for p in papers] == ["FogNetwork Counted Again", "LANTERN: Counting Lights in the Fog"]
