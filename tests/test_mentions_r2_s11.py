"""Reviewer R2's findings of session 11 on the generic paper finder and markdown paper lists (our own small files):
bare proceedings addresses under an italic title line, prose bullets, awesome-list material sections, day dates."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab
from paperlab.sources._mentions import find_papers

_BARE = """# Sprocket Reading Circle

## Programme

__Week 1 (Jan 9)__
<br>
__Topic: Sprockets__

*Sparse Sprocket Transport: Gears without Tears*
<br>
Ivo Brandt, Lena Moss
<br>
https://openreview.net/forum?id=xYz987Q

__Week 3 (Jan 23)__

**Cogwheel Fields for Uneven Streams**
<br>
Mira Holt
<br>
https://proceedings.neurips.cc/paper/2021/hash/fedcba9876543210fedcba9876543210-Abstract.html

__Week 5 (Feb 6)__
<br>
_Ratchet Processes in Deep Gear Models_
<br>
http://proceedings.mlr.press/v40/holt15b

*Lever Nets Read the Room*
<br>
https://arxiv.org/abs/2203.04567
"""


def test_bare_proceedings_addresses_under_an_italic_title_are_papers(tmp_path: Path) -> None:
    papers, problems = find_papers(_BARE, "circle.md")
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Sparse Sprocket Transport: Gears without Tears", None),
        ("Cogwheel Fields for Uneven Streams", None),
        ("Ratchet Processes in Deep Gear Models", None),
        ("Lever Nets Read the Room", "2203.04567"),
    ]
    assert [p.url.split("/")[2] for p in papers[:3] if p.url] == [
        "openreview.net",
        "proceedings.neurips.cc",
        "proceedings.mlr.press",
    ]
    assert problems == []
    assert [p.authors for p in papers] == [["Ivo Brandt", "Lena Moss"], ["Mira Holt"], [], []]  # the byline above
    path = tmp_path / "circle.md"
    path.write_text(_BARE, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = paperlab.load(path)
    assert len(list(loaded)) == 4
    assert all("none skipped" in str(w.message) for w in caught if "generic paper finder" in str(w.message))


def test_a_label_line_in_bold_does_not_title_a_bare_address() -> None:
    text = "# Circle\n\n__Week 2 (Feb 3)__\n<br>\n__Topic: Sprockets__\n<br>\nhttps://openreview.net/forum?id=abc123\n"
    papers, problems = find_papers(text, "circle.md")
    assert all(p.title not in ("Week 2 (Feb 3)", "Topic: Sprockets") for p in papers)


_PROSE = """# Sprocket Reading Circle

## How we work
* Two members lead each theme. They pick the readings and steer the talk.
* We gather Thursdays 09:30-11:00 in odd weeks.
* The room is the Lever hall, east wing ([plan](https://example.org/plan?hall=lever)).

## Notes for leaders
* Choose a reading you expect the circle to enjoy. A few hints:
  * The reading should advance sprocket theory, not only use known sprockets.
  * Check the reading is sound. Go through it first and weigh it yourself.
* Mail a link to the reading to the list one week ahead.

## Programme
__Week 2__
*Sparse Sprocket Transport without Tears*
https://arxiv.org/abs/2203.04567
"""


def test_prose_bullets_are_no_papers() -> None:
    papers, _ = find_papers(_PROSE, "circle.md")
    assert [(p.title, p.arxiv_id) for p in papers] == [("Sparse Sprocket Transport without Tears", "2203.04567")]


def test_id_less_titles_and_citations_ending_in_a_full_stop_stay_papers() -> None:
    text = (
        "# Reading list\n\n"
        "- Sparse Sprocket Transport without Tears\n"
        "- Cogwheel Fields for Uneven Streams\n"
        "- Holt, M. (2019). Ratchet processes in deep gear models. Gear Journal.\n"
    )
    papers, _ = find_papers(text, "list.md")
    assert len(papers) == 3


_AWESOME = """# Awesome Sprockets

## Papers

### Models

* Lever Nets: Constant-Time Gear Reading [[paper](https://arxiv.org/abs/2311.00011)] [[code](https://github.com/example/lever)] (2023.11.14)
* Ratchet Mixtures for Gear Models [[paper](https://arxiv.org/abs/2402.00022)] (2024.03.02)
* Cog Priors Revisited [[paper](https://arxiv.org/abs/2405.00033)] (2023.01.05)

## Learning

### Videos

* Lever Nets in Fifteen Minutes Flat [[URL](https://www.youtube.com/watch?v=zyxwvutsrqp)]

### Codes

* lever-tiny: a one-file implementation of Lever Nets. [[URL](https://github.com/example/lever-tiny)]

### Blogs

* Understanding Ratchet Mixtures Step by Step [[URL](https://example.org/blog/ratchets)]

### Other Awesome Gear Lists

* [Awesome-Gears: Collected works on gears](https://github.com/example/awesome-gears)
"""


def test_awesome_list_material_sections_give_no_papers_and_day_dates_win(tmp_path: Path) -> None:
    path = tmp_path / "awesome.md"
    path.write_text(_AWESOME, encoding="utf-8")
    papers = list(paperlab.load(path))
    assert [p.arxiv_id for p in papers] == ["2311.00011", "2402.00022", "2405.00033"]
    # the item's day, when in the id's month or later; a day before the id's month is not the paper's
    assert [p.published for p in papers] == [dt.date(2023, 11, 14), dt.date(2024, 3, 2), dt.date(2024, 5, 1)]


_DIGEST = """<b><u>#Sprockets</u></b>
• <a href="http://arxiv.org/abs/2205.01111v1"><em>Sparse Sprocket Transport &amp; Gears</em></a> <a href="http://arxiv.org/pdf/2205.01111v1"><em>[PDF]</em></a>
• <a href="http://arxiv.org/abs/2205.02222v2"><em>Cogwheel Fields for Uneven Streams</em></a> <a href="http://arxiv.org/pdf/2205.02222v2"><em>[PDF]</em></a> <a href="https://github.com/example/cogs"><em>[Code]</em></a>

<b><u>#Ratchets</u></b>
• <a href="http://arxiv.org/abs/2205.03333v1"><em>Ratchet Processes in Deep Gear Models</em></a> <a href="http://arxiv.org/pdf/2205.03333v1"><em>[PDF]</em></a>

<b><u>#Levers</u></b>
• <a href="http://arxiv.org/abs/2205.01111v1"><em>Sparse Sprocket Transport &amp; Gears</em></a> <a href="http://arxiv.org/pdf/2205.01111v1"><em>[PDF]</em></a>
• <a href="http://arxiv.org/abs/2205.04444v1"><em>Lever Nets Read the Room</em></a> <a href="http://arxiv.org/pdf/2205.04444v1"><em>[PDF]</em></a>
"""


def test_a_saved_html_digest_of_anchors_is_read_as_html_or_as_md(tmp_path: Path) -> None:
    """A daily-papers bot's page: every section kept, ids from the abs/pdf anchors, no '[PDF] [Code]' in titles."""
    for name in ("digest.html", "digest.md"):
        path = tmp_path / name
        path.write_text(_DIGEST, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            papers = list(paperlab.load(path))
        assert [(p.title, p.arxiv_id) for p in papers] == [
            ("Sparse Sprocket Transport & Gears", "2205.01111"),
            ("Cogwheel Fields for Uneven Streams", "2205.02222"),
            ("Ratchet Processes in Deep Gear Models", "2205.03333"),
            ("Lever Nets Read the Room", "2205.04444"),
        ], name
        assert papers[0].sources[0].record == "line 2"


def test_markdown_links_beside_an_anchor_are_read_as_before() -> None:
    text = (
        '# Reading\n\n- [Lever Nets Read the Room](https://arxiv.org/abs/2205.04444) <a href="https://x.org">home</a>\n'
    )
    (paper,), _ = find_papers(text, "list.md")
    assert (paper.title, paper.arxiv_id) == ("Lever Nets Read the Room", "2205.04444")
