"""A Jekyll page listing its reads in the front matter (session 15, helper SC3), on our own small page: a tab left
after a value (a hand edit) does not make the YAML unreadable, and a session showing a recording ("[Video] …") or
hosting a guest's lecture names no paper, its link no paper's either."""

from __future__ import annotations

import warnings
from pathlib import Path

from paperlab.services.sessions import Schedule
from paperlab.sources.schedule import read_schedule

PAGE = (
    "---\n"
    "layout: page\n"
    "title: Reading Group\n"
    "reads:\n"
    '    - date: "12/10"\n'
    '      presenter: "-"\n'
    '      paper: "[Video] Selected Works from the Lantern Orals"\n'
    '      url: "https://www.youtube.com/channel/abc"\n'
    '    - date: "05/10"\n'
    '      presenter: "Ada Quill"\n'
    '      paper: "Sparse Lanterns for Night Vision"\n'
    '      slides: "https://example.org/slides.pdf"\t\n'
    '    - date: "21/09"\n'
    '      presenter: "-"\n'
    '      paper: "GUEST LECTURE by Bo Renn, Lead Designer of Widgets"\n'
    '    - date: "14/09"\n'
    '      presenter: "Cara Diaz"\n'
    '      paper: "Widget Routing at Scale with Folded Kernels"\n'
    "---\n"
    "\n"
    "## Reading Group Schedule\n"
)


def test_front_matter_reads_with_a_stray_tab_and_sessions_without_papers(tmp_path: Path) -> None:
    path = tmp_path / "readinggroup.md"
    path.write_text(PAGE, encoding="utf-8")
    schedule = Schedule.from_file(path)
    assert [m.presenters for m in schedule.meetings] == [[], ["Ada Quill"], [], ["Cara Diaz"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = read_schedule(path)
    assert [p.title for p in papers] == [
        "Sparse Lanterns for Night Vision",
        "Widget Routing at Scale with Folded Kernels",
    ]
