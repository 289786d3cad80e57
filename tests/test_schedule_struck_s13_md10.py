"""Reading-group schedules with sessions struck from them, bylines after a bold title, and readings given as
reference-style links (issue 12; our own files, made-up papers):

* a date bullet struck through as a whole ("<strike>…</strike>", "~~…~~", "<del>…</del>") is no meeting: before, its
  paper was added to the meeting above it, with "<strike>21-10-2020" as an author; a table row whose topic is struck
  and says "Postponed" is no meeting either (it was counted);
* "**Title** by Ada Quill and Bo Renn; speaker: Cai Lune." gives the authors and the presenter (before: all of it
  the paper's venue, no presenter);
* "| 02/20 | Ada | Topic | [2101.00033] |" with "[2101.00033]: https://arxiv.org/abs/2101.00033" below the table:
  the row's paper (before: a note "[2101.00033]", the meeting without papers).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

BULLETS = """## Journal club

 - 17-02-2021: **Sparse widget routing for gadget data** by Ada Quill et al.; speaker: Cai Lune.
 - <strike>10-02-2021: **Widget embeddings for gadget prediction** by Bo Renn and Dan Moss; speaker: Eve Stone.</strike>
 - 13-01-2021: **Widget embeddings for gadget prediction** by Bo Renn and Dan Moss; speaker: Eve Stone.
 - ~~06-01-2021: **Gadget folding with widgets** by Finn Ray; speaker: Cai Lune.~~
 - 02-12-2020: **Gadget folding with widgets** by Finn Ray & Gus Hale; presenter: Cai Lune
"""

NUMBERED = """# Lesekreis

1. 2024-05-02: **Widget flows** by Ada Quill; speaker: Bo Renn.
2. <del>2024-05-09: **Gadget flows** by Cai Lune; speaker: Dan Moss.</del>
3. 2024-05-16: **Gadget flows** by Cai Lune; speaker: Dan Moss.
"""

TABLE = """### Winter 2020 Schedule ###

| Date  | Speaker     | Topic                                     | Readings                 |
|-------|-------------|-------------------------------------------|--------------------------|
| 01/30 | Ada Quill   | Sparse Routing of Widgets in Deep Gadgets | [2001.00017]             |
| 02/06 | Bo Renn     | Intro to Widgets                          | [2001.00018], [1901.01190] |
| 02/13 | Cai Lune    | ~~Widget Shockwaves, etc~~ Postponed      | [2001.00019]             |
| 02/20 | Dan Moss    | Widget Shockwaves                          | [2001.00019]             |

[2001.00017]: https://arxiv.org/abs/2001.00017
[2001.00018]: https://arxiv.org/abs/2001.00018
[1901.01190]: https://arxiv.org/abs/1901.01190
[2001.00019]: <https://arxiv.org/abs/2001.00019>
"""


def _schedule(tmp_path: Path, name: str, text: str) -> paperlab.Schedule:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.Schedule.from_file(path)


def test_struck_date_bullets_are_no_meetings(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "journal-club.md", BULLETS)
    assert [m.date.isoformat() for m in schedule if m.date] == ["2021-02-17", "2021-01-13", "2020-12-02"]
    assert [[p.title for p in m.papers] for m in schedule] == [
        ["Sparse widget routing for gadget data"],
        ["Widget embeddings for gadget prediction"],
        ["Gadget folding with widgets"],
    ]


def test_by_authors_and_speaker_after_a_bold_title(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "journal-club.md", BULLETS)
    assert [m.presenters for m in schedule] == [["Cai Lune"], ["Eve Stone"], ["Cai Lune"]]
    papers = [m.papers[0] for m in schedule]
    assert [p.authors for p in papers] == [["Ada Quill"], ["Bo Renn", "Dan Moss"], ["Finn Ray", "Gus Hale"]]
    assert all(p.journal_ref is None for p in papers)


def test_a_numbered_list_with_a_deleted_session(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "lesekreis.md", NUMBERED)
    assert [(m.date.isoformat(), m.presenters) for m in schedule if m.date] == [
        ("2024-05-02", ["Bo Renn"]),
        ("2024-05-16", ["Dan Moss"]),
    ]


def test_reference_links_in_a_table_and_a_postponed_row(tmp_path: Path) -> None:
    schedule = _schedule(tmp_path, "jc.md", TABLE)
    assert [m.presenters for m in schedule] == [["Ada Quill"], ["Bo Renn"], ["Dan Moss"]]
    assert [[p.arxiv_id for p in m.papers] for m in schedule] == [
        ["2001.00017"],
        ["2001.00018", "1901.01190"],
        ["2001.00019"],
    ]
    titles = [p.title for m in schedule for p in m.papers]
    # one reading shown by its id beside a topic that reads as a title: the topic; a talk's topic over two: the ids
    assert titles[0] == "Sparse Routing of Widgets in Deep Gadgets"
    assert titles[1:3] == ["arXiv:2001.00018", "arXiv:1901.01190"]
