"""Schedules: a paper cell written as a title with its citation after it ("Title, Quill et al., ICLR 2023") is that
title by that first author at that venue (the lead's walkthrough: the whole cell was the title), and a reading
under a meeting heading "- [Title](link) — Ada Quill" is titled by its link's text and presented by Ada Quill
(R4M's note: it was titled "Ada Quill Title" and lost its presenter; a link to OpenReview was lost). Our own pages."""

from __future__ import annotations

from pathlib import Path

import paperlab

TABLE = """# Widget reading group

| Date | Presenter | Paper |
|------|-----------|-------|
| 2026-02-05 | Ada Quill | Flow Matching for Widget Modeling, Quill et al., ICLR 2023 |
| 2026-02-12 | Bo Dale | Sparse Gadget Routing (Renn and Moss, NeurIPS 2021) |
| 2026-02-19 | Cy Moss | [Widget Transformers](https://arxiv.org/abs/2301.01234) |
| 2026-02-26 | Di Rowe | Discussion, Week 4, Room 2 |
"""

HEADINGS = """# Widget reading group

## 2026-02-05
- [Flow Matching for Widget Modeling](https://arxiv.org/abs/2210.02747) — Ada Quill
- [Sparse Gadget Routing](https://openreview.net/forum?id=abc123) — Bo Dale

## 2026-02-12
- [Widget Transformers](https://arxiv.org/abs/2301.01234) — Cy Moss
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "schedule.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_cell_cited_after_its_title(tmp_path: Path) -> None:
    papers = {p.title: p for p in paperlab.load(_write(tmp_path, TABLE))}
    flow = papers["Flow Matching for Widget Modeling"]
    assert flow.authors == ["Quill"] and flow.extra.get("more_authors") is True
    assert flow.journal_ref == "ICLR 2023"
    assert flow.published is not None and flow.published.year == 2023 and flow.extra["date_precision"] == "year"
    assert flow.extra["presenters"] == ["Ada Quill"]
    routing = papers["Sparse Gadget Routing"]
    assert routing.authors == ["Renn", "Moss"] and routing.journal_ref == "NeurIPS 2021"
    assert "Widget Transformers" in papers


def test_schedule_meetings_keep_the_short_titles(tmp_path: Path) -> None:
    schedule = paperlab.Schedule.from_file(_write(tmp_path, TABLE))
    titles = [[p.title for p in m.papers] for m in schedule.meetings]
    assert titles[:3] == [["Flow Matching for Widget Modeling"], ["Sparse Gadget Routing"], ["Widget Transformers"]]


def test_a_reading_under_a_meeting_heading_with_its_presenter_after_a_dash(tmp_path: Path) -> None:
    schedule = paperlab.Schedule.from_file(_write(tmp_path, HEADINGS))
    first, second = schedule.meetings
    assert [p.title for p in first.papers] == ["Flow Matching for Widget Modeling", "Sparse Gadget Routing"]
    assert first.presenters == ["Ada Quill", "Bo Dale"]
    assert first.papers[1].url == "https://openreview.net/forum?id=abc123"
    assert [p.title for p in second.papers] == ["Widget Transformers"] and second.presenters == ["Cy Moss"]
    papers = {p.title: p for p in paperlab.load(_write(tmp_path, HEADINGS))}
    assert papers["Flow Matching for Widget Modeling"].extra["presenters"] == ["Ada Quill"]
    assert papers["Sparse Gadget Routing"].extra["presenters"] == ["Bo Dale"]
