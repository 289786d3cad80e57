"""Meetings written as Liquid includes on a Jekyll page (session 15, helper SC3), on our own small pages: each
``{% include session.html date=d speaker="…" paper="…" paper_link="…" %}`` is a meeting, its date the text captured
last in the variable it is given; captured HTML (supplementary content) and the page's own HTML tables (its
controls) are no meetings; includes that name no meeting (a section header) are none."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

from paperlab.services.sessions import Schedule
from paperlab.sources import detect_format
from paperlab.sources.schedule import read_schedule

PAGE = """---
title: Reading Group
---
{% capture template_content %}
  <section>
    {% include frags/section_header.html title="Reading Group" %}
    <p>Meetings are scheduled every other Thursday.</p>
    <table class="commands"><tbody><tr><td><a>Reverse sessions</a></td><td><a>Collapse all</a></td></tr></tbody></table>
    <div class="container">
      {% capture sessiondate %}
        {{"February 14, 2019" | date: "%b %d, %y" }}
      {% endcapture %}
      {% capture supcontent %}
        <p>See also <a href="https://arxiv.org/abs/1706.03762">the Transformer</a>.</p>
      {% endcapture %}
      {% include reading_group/session.html
          date=sessiondate
          speaker="Ada Quill"
          paper="Sparse Lanterns for Night Vision"
          paper_link="https://arxiv.org/pdf/1810.01234.pdf"
          slides_link="slides/quill.pdf"
          supplementary_content=supcontent
      %}
      {% capture sessiondate %}
        {{"February 28, 2019" | date: "%b %d, %y" }}
      {% endcapture %}
      {% include reading_group/session.html
          date=sessiondate
          speaker='Bo Renn'
          paper="Widget Routing at Scale"
          paper_link="https://example.org/widgets.pdf"
      %}
    </div>
  </section>
{% endcapture %}
{% include frags/template.html template_content=template_content %}
"""


def test_liquid_includes_are_the_meetings(tmp_path: Path) -> None:
    path = tmp_path / "reading_group.html"
    path.write_text(PAGE, encoding="utf-8")
    assert detect_format(path) == "schedule"
    schedule = Schedule.from_file(path)
    assert [(m.date, m.presenters, [p.title for p in m.papers]) for m in schedule.meetings] == [
        (dt.date(2019, 2, 14), ["Ada Quill"], ["Sparse Lanterns for Night Vision"]),
        (dt.date(2019, 2, 28), ["Bo Renn"], ["Widget Routing at Scale"]),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = read_schedule(path)
    assert [p.arxiv_id for p in papers] == ["1810.01234", None]  # the Transformer aside is no session paper
