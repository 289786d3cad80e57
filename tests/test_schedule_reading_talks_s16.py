"""A reading group's page whose date bullets read like talks ('**12 March 2024** | **Title** — **Presenter**') names
papers read, not talks: load() refused it as 'a schedule naming no paper' after this session's talk rules (found by
review RV16; the start of the session read its three papers). A seminar page of the same shape stays talks."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning

READING = """# Reading group

Papers we read, and who presented them.

- **12 March 2024** | **Sparse Mixtures for Cheap Decoding** — **Ada Okafor**
- **19 March 2024** | **Lanterns in the Fog: Robust Retrieval** — **Tunde Bello**
- **26 March 2024** | **Counting Moths with Few Labels** — **Chiamaka Eze**
"""

SEMINAR = """# Department seminar

Invited talks, Tuesdays at noon.

- **12 March 2024** | **Sparse Mixtures for Cheap Decoding** — **Ada Okafor** (Lagos)
- **19 March 2024** | **Lanterns in the Fog: Robust Retrieval** — **Tunde Bello** (Ibadan)
"""


def test_a_reading_groups_title_presenter_bullets_are_papers_with_presenters(tmp_path: Path) -> None:
    path = tmp_path / "reading.md"
    path.write_text(READING, encoding="utf-8")
    lib = paperlab.load(path)
    assert [(p.title, p.extra.get("presenters")) for p in lib] == [
        ("Sparse Mixtures for Cheap Decoding", ["Ada Okafor"]),
        ("Lanterns in the Fog: Robust Retrieval", ["Tunde Bello"]),
        ("Counting Moths with Few Labels", ["Chiamaka Eze"]),
    ]
    assert [p.extra.get("meeting_date") for p in lib] == ["2024-03-12", "2024-03-19", "2024-03-26"]


def test_a_seminar_page_of_the_same_shape_stays_talks(tmp_path: Path) -> None:
    path = tmp_path / "seminar.md"
    path.write_text(SEMINAR, encoding="utf-8")
    with pytest.warns(MeetingsOnlyWarning, match="no paper"):
        assert len(paperlab.load(path)) == 0
