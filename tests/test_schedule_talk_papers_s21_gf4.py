"""A seminar's past talks whose material link is the paper the talk presents ('recording:
https://arxiv.org/pdf/2507.01234', a PDF filed under '/papers/') named no paper in a blind round (session 20): the
talks are papers now, with their arXiv ids; a talk linking a code repository or a deck of slides still names none.
Our own made-up file in the same shape."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab import Schedule

PAST_TALKS = """- type: "Past Talks"
  members:
    - speaker: "Ada Quill"
      date: "July 31, 2025"
      title: "Widget-Eval: A Benchmark for Routing Widgets"
      recording: "https://github.com/example/widget-eval"
      affiliation: ""
    - speaker: "Bo Renn"
      date: ""
      title: "An End-To-End Gadget Benchmark Suite"
      recording: "https://arxiv.org/pdf/2507.01234"
      affiliation: "Widget University"
    - speaker: "Cleo Sato"
      date: ""
      title: "The Importance of Sprockets in Widget Systems"
      recording: "https://people.example.edu/sato/papers/2024.sprockets.pdf"
      affiliation: "Gadget Institute"
    - speaker: "Dan Moss"
      date: ""
      title: "Lessons From a Year of Widgets"
      recording: "https://people.example.edu/moss/slides/widgets-year.pdf"
      affiliation: "Gadget Institute"
"""


def test_talks_linking_their_paper_are_papers(tmp_path: Path) -> None:
    path = tmp_path / "past_talks.yml"
    path.write_text(PAST_TALKS, encoding="utf-8")
    meetings = Schedule.from_file(path).meetings
    assert [len(m.papers) for m in meetings] == [0, 1, 1, 0]
    assert meetings[1].papers[0].arxiv_id == "2507.01234"
    assert meetings[2].papers[0].title == "The Importance of Sprockets in Widget Systems"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = paperlab.load(path)
    assert sorted(p.title for p in lib) == [
        "An End-To-End Gadget Benchmark Suite",
        "The Importance of Sprockets in Widget Systems",
    ]
