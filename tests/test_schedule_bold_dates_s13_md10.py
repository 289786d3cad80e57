"""Schedules written with a bold date before the presenter, and German gendered column names (issue 12; our own
files, made-up papers): "- **March 12** — Ada Quill: [Title](…)" lost its presenter before (the date's closing "**"
stood before the name), and "Vortragende(r)" named no column (the page was refused)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

BULLETS = """# Reading group 2024

- **March 12** — Ada Quill: [Sparse Widget Routing](https://arxiv.org/abs/2101.00033)
- __March 19__ – Bo Renn: [Dense Gadget Maps](https://arxiv.org/abs/2102.00044)
- **March 26** — no meeting (spring break)
"""

GERMAN = """# Lesekreis Maschinelles Lernen

| Datum | Vortragende(r) | Paper |
|---|---|---|
| 12.03.2024 | Ada Quill | [Sparse Widget Routing](https://arxiv.org/abs/2101.00033) |
| 19.03.2024 | Bo Renn | [Dense Gadget Maps](https://arxiv.org/abs/2102.00044) |
"""


def _schedule(tmp_path: Path, name: str, text: str) -> paperlab.Schedule:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.Schedule.from_file(path)


def test_a_bold_date_then_the_presenter(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "reading-group.md", BULLETS)
    assert [(m.date.isoformat(), m.presenters, m.skipped) for m in schedule if m.date] == [
        ("2024-03-12", ["Ada Quill"], False),
        ("2024-03-19", ["Bo Renn"], False),
        ("2024-03-26", [], True),
    ]


def test_a_german_gendered_presenter_column(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "lesekreis.md", GERMAN)
    assert [(m.date.isoformat(), m.presenters) for m in schedule if m.date] == [
        ("2024-03-12", ["Ada Quill"]),
        ("2024-03-19", ["Bo Renn"]),
    ]
