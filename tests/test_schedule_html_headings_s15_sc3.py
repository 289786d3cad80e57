"""A journal club page written in HTML headings (session 15, helper SC3), on our own small page: each session an
``<h4>Title by Author</h4>``, ``<h5>Moderated by Name</h5>`` and ``<h6>Month D, YYYY</h6>`` block; a session whose
paper is still to come ("Soon new paper") names none; lines of HTML tags are no notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from paperlab.services.sessions import Schedule
from paperlab.sources import detect_format

PAGE = """---
---
<style>
.card:hover { color: red; }
</style>
<div class="container">
  <h2>Journal Club</h2>
  <h4>Learning together about lanterns, one paper each month.</h4>
</div>
<div>
<h2>Recordings of past sessions</h2>
<div>
    <h4> Sparse Lanterns for Night Vision by  Ada Quill </h4>
    <h5> Moderated by Bo Renn </h5>
    <h6> April 3, 2021 </h6>
    <iframe src="https://www.youtube.com/embed/abc"></iframe>
</div>
<div>
    <h4>Widget routing in folded kernels by Cara Diaz and Dan Moss</h4>
    <h5> Moderated  by Eli Sato </h5>
    <h6>May 8, 2021 </h6>
</div>
<div>
    <h4>Soon new paper </h4>
    <h5> Moderated  searching for a volunteer </h5>
    <h6>June 5, 2021 </h6>
</div>
</div>
"""


def test_html_heading_sessions(tmp_path: Path) -> None:
    path = tmp_path / "journalclub.md"
    path.write_text(PAGE, encoding="utf-8")
    assert detect_format(path) == "schedule"
    schedule = Schedule.from_file(path)
    assert [(m.date, m.presenters, [(p.title, p.authors) for p in m.papers], m.note) for m in schedule] == [
        (dt.date(2021, 4, 3), ["Bo Renn"], [("Sparse Lanterns for Night Vision", ["Ada Quill"])], None),
        (dt.date(2021, 5, 8), ["Eli Sato"], [("Widget routing in folded kernels", ["Cara Diaz", "Dan Moss"])], None),
        (dt.date(2021, 6, 5), [], [], None),
    ]
