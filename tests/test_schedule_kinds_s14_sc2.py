"""Schedule kinds seen on helper SC1's validation round (session 14), on our own small files: a reading whose link
is labelled by its citation, a title followed by its venue, a front matter's readings dated without a year, and
rows saying a meeting did not happen."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from paperlab.sources.schedule import read_meetings, read_schedule


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


CITED_BULLETS = """# Network reading group

- 2021-03-02: [Quill 2019 (Phys. Rev. E)](https://doi.org/10.1103/PhysRevE.99.012345): "Lantern percolation on sparse graphs"
- 2021-03-09: [Renn and Moss 2018 (Nature Physics)](https://doi.org/10.1038/s41567-018-0001-2): "Folded kernels in ecological webs"
- 2021-03-16: [Lune et al. 2020 (PNAS)](https://www.pnas.org/doi/10.1073/pnas.2000000117): "Widget routing in transport networks"
"""

CITED_TABLE = """| Date | Presenter | Paper |
|---|---|---|
| 2020-05-04 | Ada Quill | [Quill 2019 (ICML)](https://arxiv.org/abs/1905.01234): "Sparse Lanterns for Night Vision" |
| 2020-05-11 | Bo Renn | [Renn et al. 2018](https://arxiv.org/abs/1806.04567) — Widget Routing at Scale |
"""

CITED_HEADINGS = """# Reading group

## 2022-01-11
- [Quill et al. 2019](https://arxiv.org/abs/1901.01234) — Sparse Lanterns for Night Vision

## 2022-01-18
- [Renn & Moss 2021](https://arxiv.org/abs/2104.05678) — Widget Routing at Scale
"""


def test_a_link_labelled_by_its_citation_gives_authors_year_venue_and_the_title_after_it(tmp_path: Path) -> None:
    meetings, _, _ = read_meetings(_write(tmp_path, "network_rg.md", CITED_BULLETS))
    got = [
        (p.title, p.authors, p.journal_ref, p.published and p.published.year, p.doi) for m in meetings for p in m.papers
    ]
    assert got == [
        ("Lantern percolation on sparse graphs", ["Quill"], "Phys. Rev. E", 2019, "10.1103/PhysRevE.99.012345"),
        ("Folded kernels in ecological webs", ["Renn", "Moss"], "Nature Physics", 2018, "10.1038/s41567-018-0001-2"),
        ("Widget routing in transport networks", ["Lune"], "PNAS", 2020, "10.1073/pnas.2000000117"),
    ]
    papers = read_schedule(_write(tmp_path, "table.md", CITED_TABLE))
    assert [(p.title, p.authors, p.journal_ref, p.arxiv_id) for p in papers] == [
        ("Sparse Lanterns for Night Vision", ["Quill"], "ICML", "1905.01234"),
        ("Widget Routing at Scale", ["Renn"], None, "1806.04567"),
    ]
    assert papers[1].extra.get("more_authors") is True  # "Renn et al."
    papers = read_schedule(_write(tmp_path, "headings.md", CITED_HEADINGS))
    assert [(p.title, p.authors) for p in papers] == [
        ("Sparse Lanterns for Night Vision", ["Quill"]),
        ("Widget Routing at Scale", ["Renn", "Moss"]),
    ]


def test_a_link_labelled_by_a_title_with_a_year_is_no_citation(tmp_path: Path) -> None:
    text = "| Date | Presenter | Paper |\n|---|---|---|\n| 2020-05-04 | Ada Quill | [Deep Lanterns 2016](https://arxiv.org/abs/1605.01234) (Quill et al., 2016) |\n"
    papers = read_schedule(_write(tmp_path, "t.md", text))
    assert papers[0].title == "Deep Lanterns 2016"
    text = "| Date | Presenter | Paper |\n|---|---|---|\n| 2020-05-04 | Ada Quill | [LANTERN 2019](https://arxiv.org/abs/1905.01234) — our first reading |\n"
    (paper,) = read_schedule(_write(tmp_path, "acronym.md", text))
    assert paper.authors == []  # a model's name and year, no author


VENUE_TABLE = """| Date | Presenter | Paper |
|---|---|---|
| 2019-02-05 | Ada Quill | Sparse Lanterns for Night Vision, in EMNLP 2018 |
| 2019-02-12 | Cai Lune | Folded Kernels for Sparse Graphs. In Proceedings of ACL 2019 |
| 2019-02-19 | Dee Moss | Learning Widgets, in Theory and Practice |
"""


def test_a_title_followed_by_its_venue_and_year_keeps_them_apart(tmp_path: Path) -> None:
    papers = read_schedule(_write(tmp_path, "nlp_rg.md", VENUE_TABLE))
    assert [(p.title, p.journal_ref, p.published and p.published.year) for p in papers] == [
        ("Sparse Lanterns for Night Vision", "EMNLP", 2018),
        ("Folded Kernels for Sparse Graphs", "Proceedings of ACL", 2019),
        ("Learning Widgets, in Theory and Practice", None, None),  # no venue named: the title as written
    ]
    csv = 'date,presenter,paper\n2019-02-05,Ada Quill,"Sparse Lanterns for Night Vision, In: NAACL-HLT 2019"\n'
    (paper,) = read_schedule(_write(tmp_path, "rg.csv", csv))
    assert (paper.title, paper.journal_ref) == ("Sparse Lanterns for Night Vision", "NAACL-HLT")


FRONT_MATTER = """---
layout: page
title: Reading group
reads:
  - date: 14/09
    title: Sparse Lanterns for Night Vision
    url: https://arxiv.org/abs/2301.01234
    presenter: Ada Quill
  - date: 21/09
    title: NO MEETING
  - date: 28/09
    title: Widget Routing at Scale
    url: https://doi.org/10.1234/wr.2020.5
    presenter: Bo Renn
  - date: 05/10
    title: "(RG is postponed)"
---

We meet on Thursdays.
"""


def test_front_matter_readings_without_a_year_keep_day_and_month_and_say_so(tmp_path: Path) -> None:
    meetings, problems, _ = read_meetings(_write(tmp_path, "reading.md", FRONT_MATTER))
    assert [(m.date, m.extra.get("day"), m.skipped) for m in meetings] == [
        (None, "--09-14", False),
        (None, "--09-21", True),
        (None, "--09-28", False),
        (None, "--10-05", True),
    ]
    assert "no year" in meetings[0].extra["date_note"] and not problems
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        papers = read_schedule(tmp_path / "reading.md")
    assert [p.title for p in papers] == ["Sparse Lanterns for Night Vision", "Widget Routing at Scale"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("reading.md", FRONT_MATTER.replace("We meet", "# Reading group, Fall 2022\n\nWe meet")),
        (
            "schedule.yml",
            "schedule:\n  - date: 09/14\n    title: Sparse Lanterns for Night Vision\n    presenter: Ada Quill\n"
            "  - date: 09/21\n    title: Widget Routing at Scale\n    presenter: Bo Renn\n",
        ),
    ],
)
def test_a_year_of_the_file_dates_the_readings_else_none_is_made_up(tmp_path: Path, name: str, text: str) -> None:
    meetings, problems, _ = read_meetings(_write(tmp_path, name, text))
    if name.endswith(".md"):  # a heading below a long front matter names the year
        assert [m.date and m.date.isoformat() for m in meetings][:1] == ["2022-09-14"] and not problems
    else:
        assert [m.extra.get("day") for m in meetings] == ["--09-14", "--09-21"] and meetings[0].date is None


LABELLED_HEADINGS = """# NLP reading group 2019

## 2019-02-05
- **Paper:** Sparse Lanterns for Night Vision, in EMNLP 2018
- **Presenter:** Ada Quill

## 2019-02-12
- **Paper:** Ada Quill, Bo Renn (2018), [Widget Routing at Scale](https://www.aclweb.org/anthology/D18-1001), in EMNLP
- **Presenter:** Cai Lune

## 2019-02-19
Paper: Folded Kernels for Sparse Graphs. In Proceedings of ACL 2019
Presenter: Dee Moss

## 2019-02-26
(RG is postponed)
"""


def test_labelled_readings_under_meeting_headings_are_papers_with_their_venue(tmp_path: Path) -> None:
    meetings, _, _ = read_meetings(_write(tmp_path, "nlp_rg.md", LABELLED_HEADINGS))
    got = [(m.date.isoformat() if m.date else None, m.presenters, m.skipped) for m in meetings]
    assert got == [
        ("2019-02-05", ["Ada Quill"], False),
        ("2019-02-12", ["Cai Lune"], False),
        ("2019-02-19", ["Dee Moss"], False),
        ("2019-02-26", [], True),
    ]
    papers = [p for m in meetings for p in m.papers]
    assert [(p.title, p.authors, p.journal_ref, p.published and p.published.year) for p in papers] == [
        ("Sparse Lanterns for Night Vision", [], "EMNLP", 2018),
        ("Widget Routing at Scale", ["Ada Quill", "Bo Renn"], "EMNLP", 2018),
        ("Folded Kernels for Sparse Graphs", [], "Proceedings of ACL", 2019),
    ]


CALLED_OFF_TABLE = """| Date | Presenter | Paper |
|---|---|---|
| 2024-02-06 | Ada Quill | [Sparse Lanterns for Night Vision](https://arxiv.org/abs/2301.01234) |
| 2024-02-13 | | Holiday, no reading group ([calendar](https://example.org/calendar)) |
| 2024-02-20 | Bo Renn | [Widget Routing at Scale](https://arxiv.org/abs/2302.04567) |
| 2024-02-27 | | [NO MEETING](https://example.org/strike) |
"""

CALLED_OFF_BULLETS = """# Reading group

- 2023-10-03: [Sparse Lanterns for Night Vision](https://arxiv.org/abs/2301.01234) (Ada Quill)
- 2023-10-10: NO MEETING
- 2023-10-17: (RG is postponed)
- 2023-10-24: [Widget Routing at Scale](https://arxiv.org/abs/2302.04567) (Bo Renn)
- 2023-10-31: cancelled — [department retreat](https://example.org/retreat)
"""

CALLED_OFF_HEADINGS = """# Journal club 2024

## 2024-05-02
- [Sparse Lanterns for Night Vision](https://arxiv.org/abs/2301.01234) — Ada Quill

## 2024-05-09 — NO MEETING

## 2024-05-23: Holiday, no reading group
- [Public holidays](https://example.org/holidays)

## 2024-05-30
- [Widget Routing at Scale](https://arxiv.org/abs/2302.04567) — Bo Renn
"""


@pytest.mark.parametrize(
    ("name", "text", "off"),
    [
        ("table.md", CALLED_OFF_TABLE, ["2024-02-13", "2024-02-27"]),
        ("bullets.md", CALLED_OFF_BULLETS, ["2023-10-10", "2023-10-17", "2023-10-31"]),
        ("headings.md", CALLED_OFF_HEADINGS, ["2024-05-09", "2024-05-23"]),
    ],
)
def test_a_meeting_called_off_names_no_paper_even_beside_a_link(
    tmp_path: Path, name: str, text: str, off: list[str]
) -> None:
    meetings, _, _ = read_meetings(_write(tmp_path, name, text))
    assert [m.date.isoformat() for m in meetings if m.skipped and m.date] == off
    assert all(not m.papers for m in meetings if m.skipped)
    titles = [p.title for p in read_schedule(tmp_path / name)]
    assert titles == ["Sparse Lanterns for Night Vision", "Widget Routing at Scale"]


CITED_BOLD_DATES = """# Complex systems journal club

### March 2021

* **Mar 2** — [Quill (2019), Phys. Rev. E](https://doi.org/10.1103/PhysRevE.99.012345): "Lantern percolation on sparse graphs" (Ada)
* **Mar 9** — [Renn, Moss 2018 (Nat. Phys.)](https://doi.org/10.1038/s41567-018-0001-2) "Folded kernels in ecological webs" (Bo)
"""

CITED_HTML = """<html><body><h1>Reading group</h1>
<table><tr><th>Date</th><th>Presenter</th><th>Paper</th></tr>
<tr><td>2021-03-02</td><td>Ada Quill</td><td><a href="https://doi.org/10.1103/PhysRevE.99.012345">Quill 2019 (Phys. Rev. E)</a>: "Lantern percolation on sparse graphs"</td></tr>
<tr><td>2021-03-09</td><td>Bo Renn</td><td><a href="https://arxiv.org/abs/1806.04567">Renn and Moss 2018</a> — Folded kernels in ecological webs</td></tr>
</table></body></html>
"""


@pytest.mark.parametrize(("name", "text"), [("club.md", CITED_BOLD_DATES), ("club.html", CITED_HTML)])
def test_cited_links_in_other_layouts(tmp_path: Path, name: str, text: str) -> None:
    papers = read_schedule(_write(tmp_path, name, text))
    assert [(p.title, p.authors, p.published and p.published.year) for p in papers] == [
        ("Lantern percolation on sparse graphs", ["Quill"], 2019),
        ("Folded kernels in ecological webs", ["Renn", "Moss"], 2018),
    ]
    assert papers[0].journal_ref == "Phys. Rev. E"
    if name.endswith(".md"):
        assert papers[1].journal_ref == "Nat. Phys."


LABELLED_BULLETS = """# NLP reading group

- 2019-02-05
  - Paper: Sparse Lanterns for Night Vision, in EMNLP 2018
  - Presenter: Ada Quill
- 2019-02-12
  - **Paper:** [Widget Routing at Scale](https://arxiv.org/abs/1808.01234), in EMNLP 2018
  - **Presenter:** Cai Lune
- 2019-02-19
  - Paper: Folded Kernels for Sparse Graphs. In Proceedings of ACL 2019
"""


def test_labelled_readings_under_date_bullets_keep_their_venue(tmp_path: Path) -> None:
    meetings, _, _ = read_meetings(_write(tmp_path, "nlp_rg.md", LABELLED_BULLETS))
    assert [m.presenters for m in meetings] == [["Ada Quill"], ["Cai Lune"], []]
    papers = [p for m in meetings for p in m.papers]
    assert [(p.title, p.journal_ref, p.published and p.published.isoformat()) for p in papers] == [
        ("Sparse Lanterns for Night Vision", "EMNLP", "2018-01-01"),
        ("Widget Routing at Scale", "EMNLP", "2018-08-01"),  # dated by its arXiv id
        ("Folded Kernels for Sparse Graphs", "Proceedings of ACL", "2019-01-01"),
    ]


WEEKDAY_READS = """---
layout: reading
reads:
  - date: Thu 14/09
    paper: Sparse Lanterns for Night Vision
    link: https://arxiv.org/abs/2301.01234
    who: Ada
  - date: Thu 21/09
    paper: NO MEETING
  - date: Thu 28/09
    paper: Widget Routing at Scale
    link: https://arxiv.org/abs/2302.04567
    who: Bo
---
"""

DOTTED_PAPERS = """---
title: Reading group
papers:
  - date: 14.09.
    title: Sparse Lanterns for Night Vision
    url: https://arxiv.org/abs/2301.01234
    presenter: Ada Quill
  - date: 21.09.
    title: Widget Routing at Scale
    url: https://arxiv.org/abs/2302.04567
    presenter: Bo Renn
---
# Reading group, winter term 2023/24
"""

HTML_HEADED = """---
schedule:
  - date: 09/14
    title: Sparse Lanterns for Night Vision
    url: https://arxiv.org/abs/2301.01234
    presenter: Ada Quill
  - date: 09/21
    title: Widget Routing at Scale
    url: https://arxiv.org/abs/2302.04567
    presenter: Bo Renn
  - date: 09/28
    title: No reading group (holiday)
---
<h2>Fall 2021 schedule</h2>
"""


@pytest.mark.parametrize(
    ("text", "days", "dates"),
    [
        (WEEKDAY_READS, ["--09-14", "--09-21", "--09-28"], [None, None, None]),  # no year anywhere: none made up
        (DOTTED_PAPERS, [None, None], ["2023-09-14", "2023-09-21"]),  # the heading below the front matter
        (HTML_HEADED, [None, None, None], ["2021-09-14", "2021-09-21", "2021-09-28"]),  # an HTML heading
    ],
)
def test_front_matter_days_are_read_and_dated_by_the_page_when_it_names_a_year(
    tmp_path: Path, text: str, days: list[str | None], dates: list[str | None]
) -> None:
    meetings, _, _ = read_meetings(_write(tmp_path, "reading.md", text))
    assert [m.extra.get("day") for m in meetings] == days
    assert [m.date and m.date.isoformat() for m in meetings] == dates
    assert [m.skipped for m in meetings][1:2] == ([True] if "NO MEETING" in text else [False])
