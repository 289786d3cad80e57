"""Seminar pages listing talks by date bullets: the talk's title and its speaker after a dash ("**11 June 2025** |
**Title** — **Ada Quill** (Institute)"), or the day at the end after "by Speaker" ("*[Talk](slides)*, by **Ada
Quill**, 16/12/2025."), are meetings with their speakers; a talk's title is no paper, nor is the title its abstract
quotes. Our own small files (session 16, helper SC4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning, ParseError

DETAILS = """---
title: seminars
---

## 2025

- **11 June 2025** | **Widgets for weather and climate prediction** — **Ada Quill** (Widget Institute)
  <details>
  <summary>Abstract & Bio</summary>
  <blockquote>
  <strong>Abstract:</strong> The project "Widgets for weather and climate prediction with sparse gadgets" develops a model.
  </blockquote>
  </details>

## 2023

- **27 March 2023** | **Gadget maps of France from satellites** ([slides](https://example.org/s.pdf)) – Bo Renn (remotely)
  <details>
  <summary>Abstract & Bio</summary>
  <blockquote>
  <strong>Bio:</strong> Bo Renn works on "Sparse Gadget Maps" (Renn et al., 2021).
  </blockquote>
  </details>
"""


def test_date_bullets_of_talks_with_the_speaker_after_a_dash(tmp_path: Path) -> None:
    path = tmp_path / "seminars.md"
    path.write_text(DETAILS, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date, m.presenters, m.papers) for m in meetings] == [
        (dt.date(2025, 6, 11), ["Ada Quill"], []),
        (dt.date(2023, 3, 27), ["Bo Renn"], []),
    ]
    assert (meetings[0].note or "").startswith("Widgets for weather and climate prediction")
    with pytest.warns(MeetingsOnlyWarning, match="names no paper"):  # talks, as a YAML list of talks: no paper to load
        assert len(paperlab.load(path)) == 0


END_DATED = """---
title: Seminars
---

- *[Widget Basis Cryptanalysis Exploiting Gadget Trails](/assets/pdf/ada_16122025.pdf)*, by **[Ada Quill](https://scholar.example.org/a)**, 16/12/2025.
- *[On the Soundness of Gadget Attacks](/assets/pdf/bo_14102025.pdf)*, by **[Bo Renn](https://scholar.example.org/b)**, 14/10/2025.
- *Probabilistic widget cryptanalysis*, by Cai Lune, March 3, 2025.
"""


def test_talk_bullets_ending_with_their_day_after_the_speaker(tmp_path: Path) -> None:
    path = tmp_path / "seminars.md"
    path.write_text(END_DATED, encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date, m.presenters, m.papers, m.note) for m in meetings] == [
        (dt.date(2025, 12, 16), ["Ada Quill"], [], "Widget Basis Cryptanalysis Exploiting Gadget Trails"),
        (dt.date(2025, 10, 14), ["Bo Renn"], [], "On the Soundness of Gadget Attacks"),
        (dt.date(2025, 3, 3), ["Cai Lune"], [], "Probabilistic widget cryptanalysis"),
    ]


def test_one_talk_or_news_bullets_are_no_schedule(tmp_path: Path) -> None:
    path = tmp_path / "news.md"
    path.write_text(
        "# News\n\n- 2021-03-02: Ada Quill joined the lab.\n- 2021-04-05: Bo Renn won a widget prize.\n",
        encoding="utf-8",
    )
    with pytest.raises(ParseError):
        paperlab.Schedule.from_file(path)


BLOCKS = """---
title: Seminars
---

# Widget geometry seminar <br>
### Wednesdays at 2pm
&nbsp;

[Ada Quill](https://example.org/ada), Widget University <br>
_03/26, Room 2, Gadget Hall_

**Widget rings and gadget cluster algebras**<br>
I will introduce a relation between widget rings and gadget algebras.
<br/>
<br/>

Bo Renn, Gadget Institute <br>
**On Tuesday as an exception!** _2pm 04/01, Room 5_

**Exceptional gadgets in widget threefolds**<br>
Crepant resolutions may contain gadgets.
"""


def test_speaker_blocks_dated_by_the_weekday_the_page_names(tmp_path: Path) -> None:
    path = tmp_path / "seminars.md"
    path.write_text(BLOCKS, encoding="utf-8")
    # read as of the day this test was written: the latest such year up to the next one (2031 from 2030 on)
    meetings = paperlab.Schedule.from_file(path, reference_date="2026-11-30").meetings
    assert [(m.date, m.presenters, m.note) for m in meetings] == [
        (dt.date(2025, 3, 26), ["Ada Quill"], "Widget rings and gadget cluster algebras"),  # a Wednesday
        (dt.date(2025, 4, 1), ["Bo Renn"], "Exceptional gadgets in widget threefolds"),  # its own Tuesday
    ]
    assert all("weekday" in m.extra.get("date_inferred", "") for m in meetings)


@pytest.mark.parametrize(
    "page",
    [
        "- [Widget rings and gadgets](slides/a.pdf) — Ada Quill — 16/12/2025\n"
        "- [Sparse gadget routing](slides/b.pdf) — [Bo Renn](https://example.org/b) (2025-10-14)\n",
        "- **16 December 2025**: Widget rings and gadgets — [Ada Quill](https://example.org/a) (Widget U)\n"
        "- **14 October 2025**: Sparse gadget routing – Bo Renn\n",
        "- Widget rings and gadgets, by Ada Quill, 16 December 2025\n- Sparse gadget routing, by Bo Renn, October 14, 2025.\n",
    ],
)
def test_talk_bullets_in_other_orders_and_separators(tmp_path: Path, page: str) -> None:
    path = tmp_path / "talks.md"
    path.write_text(f"# Talks\n\n{page}", encoding="utf-8")
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date, m.presenters, m.papers, m.note) for m in meetings] == [
        (dt.date(2025, 12, 16), ["Ada Quill"], [], "Widget rings and gadgets"),
        (dt.date(2025, 10, 14), ["Bo Renn"], [], "Sparse gadget routing"),
    ]


def test_a_linked_reading_before_the_presenter_stays_a_paper(tmp_path: Path) -> None:
    path = tmp_path / "rg.md"
    path.write_text(
        "# RG\n\n- Mar 3, 2025: [Attention Is All You Need](https://arxiv.org/abs/1706.03762) — Ada Quill\n"
        "- Mar 10, 2025: [Widget Kernels](https://arxiv.org/abs/1909.01234) — Bo Renn\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.presenters, [p.arxiv_id for p in m.papers]) for m in meetings] == [
        (["Ada Quill"], ["1706.03762"]),
        (["Bo Renn"], ["1909.01234"]),
    ]
