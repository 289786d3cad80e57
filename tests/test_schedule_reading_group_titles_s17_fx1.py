"""A reading group's ``Date,Speaker,Title`` schedule (CSV, a markdown table under "# ML reading group", YAML
``speaker:``/``title:``) names its papers in the Title column, as it did before session 17; the same columns read as a
seminar's talks (no papers) only where the file says it lists talks: its name ("seminars.csv"), a heading
("# Colloquium"), or an abstract column. Our own small files (session 17, helper FX1)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning

TITLES = [
    "Sparse Widget Rings in Gadget Fields",
    "Gadget Routing on Widget Graphs",
    "Denoising Widget Diffusion Models",
]
CSV = "Date,Speaker,Title\n" + "".join(
    f"2024-09-{5 + 7 * k:02d},{who},{t}\n"
    for k, (who, t) in enumerate(zip(["Ada Quill", "Bo Renn", "Cy Dale"], TITLES, strict=True))
)
TABLE = "# ML reading group, fall 2024\n\n| Date | Speaker | Title |\n| --- | --- | --- |\n" + "".join(
    f"| 2024-09-{5 + 7 * k:02d} | {who} | {t} |\n"
    for k, (who, t) in enumerate(zip(["Ada Quill", "Bo Renn", "Cy Dale"], TITLES, strict=True))
)
YAML = "".join(
    f"- date: 2024-09-{5 + 7 * k:02d}\n  speaker: {who}\n  title: {t}\n"
    for k, (who, t) in enumerate(zip(["Ada Quill", "Bo Renn", "Cy Dale"], TITLES, strict=True))
)


def _load(path: Path) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(path)


@pytest.mark.parametrize(("name", "text"), [("group.csv", CSV), ("fall2024.md", TABLE), ("group.yml", YAML)])
def test_a_reading_groups_title_column_names_its_papers(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert [p.title for p in _load(path)] == TITLES


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("seminars.csv", CSV),
        ("talks.yml", YAML),
        ("fall2024.md", TABLE.replace("# ML reading group", "# Widget colloquium")),
        ("group.csv", CSV.replace("Speaker,Title", "Speaker,Title,Abstract").replace("\n2024", ",We route.\n2024")),
    ],
)
def test_the_same_columns_in_a_file_that_says_it_lists_talks_are_talks(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    assert meetings[0].presenters == ["Ada Quill"] and meetings[0].papers == []
    with pytest.warns(MeetingsOnlyWarning, match=r"names no paper"):
        assert len(paperlab.load(path)) == 0
