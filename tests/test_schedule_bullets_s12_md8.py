"""Reading groups' date bullets and references the session 11 test round read wrong (issue 12; our own pages in
those layouts, made-up text):

* a bullet "Tuesday, 5 Feb 2019, 15:00–16:00. Ada and Bo present: <reference> [arXiv …](…)" kept the whole line as
  the paper's title with the date cut out ("Tuesday, , 15:00–16:00. Ada and Bo present: …"): the weekday and the
  time are no title, "X and Y present:" names the presenters, and a reference written "Authors: Title. Venue" or
  "Family et al., Title, Venue" is read as one (authors, title, venue);
* a bullet whose reference runs onto the next line at the margin (a lazy continuation) lost its paper;
* the "## Suggested papers" list under the dates was no longer read: its references are papers in no meeting;
* an APA reference after a bracketed date ("[30.4.2019] Quill, A., & Renn, B. (2015). Title. Journal, 44(3),
  219–244.") gave an author "A. [ ] Quill" and kept the volume and pages in the venue.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab

GROUP = """---
layout: page
title: Reading Group
---
## Spring 2019

In the widget fairness reading group we discuss current work on widgets.

- Tuesday, 5 Feb 2019, 15:00–16:00. Ada and Bo present: Quill et al., A comparative study of widget-balancing interventions, WID\\* '19 Proceedings of the Conference on Widgets. Pages 1-10. [arxiv:1802.01234](https://arxiv.org/abs/1802.01234)
- Tuesday, 12 Feb 2019, 15:00–16:00. Cai presents: Dara Renn et al.:
Widgets through awareness. Innovations in Widget Science 2012: 214-226. [arXiv 1104:0001](https://arxiv.org/abs/1104.0001)
- Tuesday, 19 Feb 2019, 3pm. Eve presents: Fay B. Lune, Gus Marr: On the (im)possibility of widgets. [arXiv:1609.01234](https://arxiv.org/abs/1609.01234)

## Suggested Papers for Presentation

- Hal J. Oakes, Ivy Penn: Inherent Trade-Offs in Widget Scores. Innovations in Widget Science 2017: 43:1-43:23. [arXiv 1609:05801](https://arxiv.org/abs/1609.05801)
- Jo Quist, Kai Rowe: Equality of Widgets in Supervised Learning
, WIPS'16. [arxiv 1610.01234](https://arxiv.org/abs/1610.01234)
- L. Stone, M. Tull, and N. Umber: Widget-Aware Classifier with a Remover Regularizer, [WIDG 2012](https://link.example.org/chapter/10.1007/978-3-642-00000-3_3) [ResearchGate](https://www.researchgate.net/publication/1_Widget)
- O. Vale, P. West: The Measure of Widgets: A Critical Review of Fair Widget Learning, [arXiv 1898:00001](https://arxiv.org/abs/1808.00001)

## Links

- [Our mailing list](https://lists.example.org/widgets)
"""

APA = """## Readings
The following papers have been or will be discussed in our monthly journal club.

* [30.4.2019] Quill, A., Renn, B., & Lune, C. (2015). An Information Theoretic Approach to Widget Categorization. Journal of Widget Research, 44(3), 219–244. [https://doi.org/10.1080/01234567.2015.1036888](https://doi.org/10.1080/01234567.2015.1036888)
* [23.5.2019] Marr, D. W., & Oakes, E. (2018). Widget Context and Function in Tonal Gadgets. Gadget Theory Spectrum, 40(2), 314–335. [https://doi.org/10.1093/gts/gty021](https://doi.org/10.1093/gts/gty021)
"""


def _load(path: Path) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_date_bullets_with_a_weekday_a_time_and_presenters(tmp_path: Path) -> None:
    path = tmp_path / "readinggroup2019.md"
    path.write_text(GROUP, encoding="utf-8")
    schedule = paperlab.Schedule.from_file(path)
    got = [(m.date, m.presenters, [(p.title, p.arxiv_id, p.authors) for p in m.papers]) for m in schedule.meetings]
    assert got == [
        (
            dt.date(2019, 2, 5),
            ["Ada", "Bo"],
            [("A comparative study of widget-balancing interventions", "1802.01234", ["Quill"])],
        ),
        (dt.date(2019, 2, 12), ["Cai"], [("Widgets through awareness", "1104.0001", ["Dara Renn"])]),
        (
            dt.date(2019, 2, 19),
            ["Eve"],
            [("On the (im)possibility of widgets", "1609.01234", ["Fay B. Lune", "Gus Marr"])],
        ),
    ]
    first, second = schedule.meetings[0].papers[0], schedule.meetings[1].papers[0]
    assert first.journal_ref.startswith("WID* '19 Proceedings of the Conference on Widgets")
    assert first.extra.get("more_authors") and second.extra.get("more_authors")  # "et al."
    assert second.journal_ref == "Innovations in Widget Science 2012: 214-226" and second.published.year == 2012


def test_suggested_papers_under_the_dates_are_papers_in_no_meeting(tmp_path: Path) -> None:
    path = tmp_path / "readinggroup2019.md"
    path.write_text(GROUP, encoding="utf-8")
    papers = _load(path)
    suggested = [p for p in papers if not p.extra.get("meeting_date")]
    assert [(p.title, p.arxiv_id, p.authors, p.journal_ref) for p in suggested] == [
        ("Inherent Trade-Offs in Widget Scores", "1609.05801", ["Hal J. Oakes", "Ivy Penn"],
         "Innovations in Widget Science 2017: 43:1-43:23"),
        ("Equality of Widgets in Supervised Learning", "1610.01234", ["Jo Quist", "Kai Rowe"], "WIPS'16"),
        ("Widget-Aware Classifier with a Remover Regularizer", None, ["L. Stone", "M. Tull", "N. Umber"], "WIDG 2012"),
        ("The Measure of Widgets: A Critical Review of Fair Widget Learning", "1808.00001", ["O. Vale", "P. West"],
         None),
    ]  # fmt: skip
    assert all(p.tags == ["Suggested Papers for Presentation"] for p in suggested)
    assert suggested[2].doi == "10.1007/978-3-642-00000-3_3"
    assert len(papers) == 7  # three meetings' papers, four suggested; the mailing list is no paper
    assert len(paperlab.Schedule.from_file(path).meetings) == 3


def test_apa_reference_after_a_bracketed_date(tmp_path: Path) -> None:
    path = tmp_path / "journal_club.md"
    path.write_text(APA, encoding="utf-8")
    papers = _load(path)
    assert [p.authors for p in papers] == [["A. Quill", "B. Renn", "C. Lune"], ["D. W. Marr", "E. Oakes"]]
    assert [p.journal_ref for p in papers] == ["Journal of Widget Research", "Gadget Theory Spectrum"]
    assert papers[0].extra["csl"] == {"volume": "44", "issue": "3", "page": "219–244"}
    assert [p.extra.get("meeting_date") for p in papers] == ["2019-04-30", "2019-05-23"]
    assert paperlab.Schedule.from_file(path).meetings[0].date == dt.date(2019, 4, 30)
