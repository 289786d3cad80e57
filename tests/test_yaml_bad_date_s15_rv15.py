"""A YAML file holding a date no calendar has ("2026-13-45", "2025-02-30") is refused with a ParseError naming the
file and the line (session 15, review RV15): ``paperlab.load`` raised a bare ``ValueError: month must be in 1..12``
from YAML's date reading, without the file. Our own small files, written in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError


@pytest.mark.parametrize("day", ["2026-13-45", "2025-02-30"])
def test_a_yaml_date_no_calendar_has_is_a_parse_error_with_its_line(tmp_path: Path, day: str) -> None:
    path = tmp_path / "reading.yaml"
    path.write_text(
        f"- title: Lantern microscopy in deep tissue\n  authors: [Ada Quill]\n  date: {day}\n", encoding="utf-8"
    )
    with pytest.raises(ParseError) as caught:
        paperlab.load(path)
    assert "reading.yaml" in str(caught.value) and "line 3" in str(caught.value)
