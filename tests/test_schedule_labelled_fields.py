"""A reading group's dated bullets whose readings are labelled fields (the session 11 test round: a 2018 group's
"**Paper:** …", "**Moderator:** …", "**Room:** …" under each date were read as papers titled "Paper:",
"Moderator:", "Room:", and the weekday left of the date as a paper "Wed"). Our own page, in that layout: tab-indented
fields, "TBA" for what is not known yet, a written-out reference whose title is its link."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab

PAGE = """# Widget Learning Reading Group

We meet weekly; the moderator reads the paper, everyone else skims it.

### Upcoming meetings

* **Wed 12 Dec 2018**

\t - **Paper:** TBA
\t - **Moderator:** TBA
\t - **Room:** TBA

* **Wed 05 Dec 2018**

\t- **Paper:** Quill, Dale and Renn (2018), [Gadget Networks for Widget Routing](https://arxiv.org/pdf/1805.01234.pdf), In WCL
\t- **Moderator:** Carol
\t- **Room:** COM-G25

* **Wed 28 Nov 2018**

\t- **Paper:** , Ada Quill and Bo Renn (2018), [Sparse Sprockets Revisited](https://example.org/sprockets.pdf), In WAAI
\t- **Moderator:** Makis
\t- **Room:** TBA
"""


def test_labelled_fields_under_date_bullets(tmp_path: Path) -> None:
    path = tmp_path / "group.md"
    path.write_text(PAGE, encoding="utf-8")
    papers = list(paperlab.load(path))
    got = [(p.title, p.arxiv_id, p.extra.get("presenters"), p.extra.get("meeting_date"), p.authors) for p in papers]
    assert got == [
        ("Gadget Networks for Widget Routing", "1805.01234", ["Carol"], "2018-12-05", ["Quill", "Dale", "Renn"]),
        ("Sparse Sprockets Revisited", None, ["Makis"], "2018-11-28", ["Ada Quill", "Bo Renn"]),
    ]
    assert all(p.published is None or p.published.year == 2018 for p in papers)
    from paperlab.sources.schedule import read_meetings

    meetings, problems, _ = read_meetings(path)
    assert [m.date for m in meetings] == [dt.date(2018, 12, 12), dt.date(2018, 12, 5), dt.date(2018, 11, 28)]
    assert [len(m.papers) for m in meetings] == [0, 1, 1]
