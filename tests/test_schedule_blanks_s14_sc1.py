"""A schedule's template rows and placeholder dates are no meetings, a dated TBA week is one, and the papers a
page lists outside its meetings (a pool of candidates, contenders, summaries) are read as papers of no meeting
(session 14, helper SC1). Our own small files, in markdown, CSV, YAML and HTML, day-first and month-first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import paperlab
from paperlab.sources import detect_format


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert detect_format(path) == "schedule"
    return path


def _meetings(path: Path) -> list[tuple[dt.date | None, list[str], list[str]]]:
    return [(m.date, m.presenters, [p.title for p in m.papers]) for m in paperlab.Schedule.from_file(path)]


def _titles(path: Path) -> list[str]:
    return [p.title for p in paperlab.load(path)]


TEMPLATE_MD = """# Lamp reading group

| Date | Presenter | Paper | Notes |
|------|-----------|-------|-------|
| 2025-03-04 | Ora Penn | [Wick Trimming at Scale](https://arxiv.org/abs/2503.01234) | first one |
| 2025-03-11 | Ilo Vant | <a href="#">Paper Title 2</a> | Brief description of the discussion. |
| YYYY-MM-DD | Name 3 | <a href="#">Paper Title 3</a> | Brief description of the discussion. |
| YYYY-MM-DD | Name 4 | [Paper Title 4](#) | Brief description of the discussion. |
"""


def test_a_templates_example_rows_are_no_meetings_and_name_no_paper(tmp_path: Path) -> None:
    path = _write(tmp_path, "schedule.md", TEMPLATE_MD)
    assert _meetings(path) == [
        (dt.date(2025, 3, 4), ["Ora Penn"], ["Wick Trimming at Scale"]),
        (dt.date(2025, 3, 11), ["Ilo Vant"], []),  # a real meeting whose paper cell still holds the template's
    ]
    assert _titles(path) == ["Wick Trimming at Scale"]


def test_a_csv_template_row_day_first_is_no_meeting(tmp_path: Path) -> None:
    text = (
        "Date,Presenter,Paper\n"
        "17/09/2024,Rue Hale,Soot and Smoke in Open Lamps\n"
        "24/09/2024,Tam Oru,Glass Chimneys Considered Harmful\n"
        "DD/MM/YYYY,Presenter 3,Title of the paper\n"
    )
    path = _write(tmp_path, "journal_club.csv", text)
    assert [(d, who) for d, who, _ in _meetings(path)] == [
        (dt.date(2024, 9, 17), ["Rue Hale"]),
        (dt.date(2024, 9, 24), ["Tam Oru"]),
    ]
    assert _titles(path) == ["Soot and Smoke in Open Lamps", "Glass Chimneys Considered Harmful"]


def test_yaml_entries_left_as_the_templates_are_no_meetings(tmp_path: Path) -> None:
    text = (
        "- date: 2024-10-01\n  presenter: Ada Quill\n  paper: Lantern Oil Viscosity Revisited\n"
        "- date: MM/DD/YYYY\n  presenter: Your Name\n  paper: Your paper here\n"
    )
    path = _write(tmp_path, "reading_group.yml", text)
    assert _meetings(path) == [(dt.date(2024, 10, 1), ["Ada Quill"], ["Lantern Oil Viscosity Revisited"])]
    assert _titles(path) == ["Lantern Oil Viscosity Revisited"]


QUEUE_HTML = """<h2>Reading group schedule</h2>
<table>
<tr><th>Date</th><th>Presenter</th><th>Paper</th></tr>
<tr><td>03/05/2024</td><td>Ora Penn</td><td><a href="https://arxiv.org/abs/2403.01111">Flame Height Laws</a></td></tr>
<tr><td>03/12/2024</td><td>Ilo Vant</td><td><a href="https://arxiv.org/abs/2403.02222">Wick Capillarity</a></td></tr>
<tr><td>.</td><td>Rue Hale</td><td>.</td></tr>
<tr><td>202?-??-??</td><td>?Tam Oru</td><td><a href="https://doi.org/10.5555/soot.2019">Soot in Lamps</a></td></tr>
</table>
"""


def test_a_queue_dated_with_dots_or_question_marks_is_no_meeting_its_paper_still_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "schedule.html", QUEUE_HTML)
    assert [(d, who) for d, who, _ in _meetings(path)] == [
        (dt.date(2024, 3, 5), ["Ora Penn"]),  # month first: Tuesdays 5 and 12 March
        (dt.date(2024, 3, 12), ["Ilo Vant"]),
    ]
    papers = paperlab.load(path)
    assert [p.title for p in papers] == ["Flame Height Laws", "Wick Capillarity", "Soot in Lamps"]
    assert papers[-1].doi == "10.5555/soot.2019"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "schedule.md",
            "# Club\n\n| Date | Topic | Presenters |\n|---|---|---|\n"
            "| 10/09/2024 | [Wick Trimming at Scale](https://arxiv.org/abs/2409.01234) | Ora |\n"
            "| 17/09/2024 | tba | |\n| 24/09/2024 | | |\n",
        ),
        (
            "journal_club.csv",
            "Date,Presenter,Paper\n09/10/2024,Ora,Wick Trimming at Scale\n09/17/2024,,TBD\n09/24/2024,,\n",
        ),
        (  # the presenter not known yet, no paper
            "reading_group.md",
            "# Club\n\n| Date | Presenter | Paper |\n|---|---|---|\n"
            "| 2024-09-10 | Ora | Wick Trimming at Scale |\n| 2024-09-17 | TBD | |\n| 2024-09-24 | | |\n",
        ),
    ],
)
def test_a_dated_tba_week_without_presenter_is_a_meeting_a_bare_date_is_not(
    tmp_path: Path, name: str, text: str
) -> None:
    path = _write(tmp_path, name, text)
    assert [(d, who, titles) for d, who, titles in _meetings(path)] == [
        (dt.date(2024, 9, 10), ["Ora"], ["Wick Trimming at Scale"]),
        (dt.date(2024, 9, 17), [], []),
    ]


POOL_MD = """# Reading group on lamps

## About

- **Where:** [zoom](https://example.org/zoom/123)
- [Guidelines for presenters](https://example.org/guidelines)

## Schedule 2024

| Date | Paper | Presenter |
|------|-------|-----------|
| 2024-09-10 | [Wick Trimming at Scale](https://arxiv.org/abs/2409.01234) | Ora |
| 2024-09-17 | [Flame Height Laws](https://example.org/flame.pdf) | Ilo |

## Pool of candidate papers

- [Glass Chimneys Considered Harmful](https://example.org/chimneys.pdf)
- [Lantern Oil Viscosity Revisited](https://doi.org/10.5555/oil.2020)
- [Flame Height Laws](https://example.org/flame.pdf)
- ...
"""


def test_a_table_pages_pool_of_papers_is_read_as_papers_of_no_meeting(tmp_path: Path) -> None:
    path = _write(tmp_path, "README.md", POOL_MD)
    assert len(paperlab.Schedule.from_file(path)) == 2  # the pool adds no meeting
    papers = paperlab.load(path)
    assert [p.title for p in papers] == [
        "Wick Trimming at Scale",
        "Flame Height Laws",
        "Glass Chimneys Considered Harmful",  # under a pool heading: a paper without an id
        "Lantern Oil Viscosity Revisited",
    ]  # the zoom link and the guidelines are no papers; "Flame Height Laws" listed again is read once
    assert papers[3].doi == "10.5555/oil.2020"
    assert "meeting_date" not in papers[2].extra


BULLETS_MD = """# Schedule

* 2024/04/12 [Wick Trimming at Scale](https://arxiv.org/abs/2404.01234) [[slides]](https://example.org/s.pdf)
* 2024/04/05 [Flame Height Laws](https://arxiv.org/abs/2403.05555) [[summary]](https://example.org/summaries/flame.md)

### Other summaries

[Glass Chimneys Considered Harmful](https://arxiv.org/abs/2311.04444) [[summary]](https://example.org/summaries/glass.md)

[Our lab's wiki](https://example.org/wiki)

### Contenders for upcoming meetings

[Lantern Oil Viscosity Revisited](https://arxiv.org/abs/2312.07777)
"""


def test_undated_sections_under_dated_bullets_are_read_and_a_summary_link_is_no_paper(tmp_path: Path) -> None:
    path = _write(tmp_path, "README.md", BULLETS_MD)
    assert _meetings(path) == [
        (dt.date(2024, 4, 12), [], ["Wick Trimming at Scale"]),
        (dt.date(2024, 4, 5), [], ["Flame Height Laws"]),  # its "[[summary]]" link is material, no paper
    ]
    papers = paperlab.load(path)
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Wick Trimming at Scale", "2404.01234"),
        ("Flame Height Laws", "2403.05555"),
        ("Glass Chimneys Considered Harmful", "2311.04444"),
        ("Lantern Oil Viscosity Revisited", "2312.07777"),
    ]


def test_a_reading_linked_to_a_shared_google_deck_is_a_paper_a_slides_link_is_not(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "README.md",
        "# Schedule\n\n"
        "* 2024/04/12 [Wick Trimming at Scale](https://arxiv.org/abs/2404.01234)\n"
        "* 2024/04/05 [Towards Lamps at the Edge](https://docs.google.com/presentation/d/1abc/edit)\n"
        "* 2024/03/29 [Flame Height Laws](https://arxiv.org/abs/2403.05555) [Slides](https://docs.google.com/presentation/d/2x)\n",
    )
    assert [titles for _, _, titles in _meetings(path)] == [
        ["Wick Trimming at Scale"],
        ["Towards Lamps at the Edge"],  # the deck's link names no documentation: its text is the reading's title
        ["Flame Height Laws"],
    ]


HTML_HEADING_POOL = """# Lamp club

| Date | Presenter | Paper |
|---|---|---|
| 2024-09-10 | Ora | [Wick Trimming at Scale](https://arxiv.org/abs/2409.01234) |

<h3>Papers to choose from:</h3>

- [Glass Chimneys Considered Harmful](https://example.org/chimneys.pdf)
- Quill, A., & Renn, B. (2019). Soot in open lamps: a survey. Journal of Wicks, 3(2), 1-10.

## Notes

- Quill, A. (2020). Lamp oils in practice. Some Journal.
- [Our lab's wiki](https://example.org/wiki)
"""


def test_a_pool_under_an_html_heading_and_a_reference_without_link_in_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "README.md", HTML_HEADING_POOL)
    papers = paperlab.load(path)
    assert [(p.title, p.authors) for p in papers] == [
        ("Wick Trimming at Scale", []),
        ("Glass Chimneys Considered Harmful", []),
        ("Soot in open lamps: a survey", ["A. Quill", "B. Renn"]),  # a reference in the pool, its link missing
    ]  # under "Notes", an unlinked reference and a wiki link are no pool's


def test_a_date_bullets_template_title_is_no_title_its_id_still_names_the_paper(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "README.md",
        "# Reading group\n\n"
        "- 2024-03-05: [Wick Trimming at Scale](https://arxiv.org/abs/2403.01234) — Ora Penn\n"
        "- 2024-03-12: [Paper Title 2](https://arxiv.org/abs/2403.05555) — Ilo Vant\n"
        "- 2024-03-19: [Paper Title 3](#) — Rue Hale\n",
    )
    assert [(d, titles) for d, _, titles in _meetings(path)] == [
        (dt.date(2024, 3, 5), ["Wick Trimming at Scale"]),
        (dt.date(2024, 3, 12), ["arXiv:2403.05555"]),  # the link names the paper: titled by its id
        (dt.date(2024, 3, 19), []),  # a template's link to nothing: no paper
    ]
    assert [p.title for p in paperlab.load(path)] == ["Wick Trimming at Scale", "arXiv:2403.05555"]
