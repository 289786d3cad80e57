"""Awesome lists whose papers are nested bullets: a bullet titles the paper, one sub-bullet gives its authors and
another its address (R4's finding 3: papers linked to bioRxiv, Nature or IEEE Xplore were lost, no author was
read, papers were titled by their "doi:" line, by the "or" between two addresses or by the section heading). Our
own made-up list."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab.errors import PartialImportWarning

NESTED = """# Awesome Widget Ecology

## Papers

### Reviews
* A review of widget ecology in the wild
  * Ada Quill, Bo Dale, Cy Moss
  * https://www.biorxiv.org/content/early/2021/02/03/345678
* Sorting widgets on the seabed. WIDGCONF 2017 MTS/IEEE Springfield, WCF 2017.
  * Rowe, D., & Fox, E. (2017).
  * doi:10.5555/widgconf.2017.12

### Detection
* Counting widgets with convolutions
  * Gu Ng, Fa Lin
  * https://arxiv.org/abs/2102.00033 or http://www.widget-journal.org/content/1/2/3
* Widget detection with fast networks
  * Ida Park, Jo Kim
  * https://ieeexplore.ieee.org/document/7654321/
* A survey of gadget colonies from the air
  * Eve Tam, Hal Ode
  * https://www.nature.com/articles/s41598-019-12345-x
  * Code: https://github.com/example/gadgets

## Software
* Annotation tools
  * Widget Annotator (WA)
    * https://github.com/example/widget-annotator
* Analysis tools
  * Tracking: Quill, A., & Dale, B. (2019). Tracking every widget, (Protocol 1).
  * doi:10.5555/widget.tracking.7
"""


def _load(tmp_path: Path) -> tuple[list[paperlab.Paper], list[warnings.WarningMessage]]:
    path = tmp_path / "README.md"
    path.write_text(NESTED, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = list(paperlab.load(path))
    return papers, caught


def test_every_nested_paper_is_kept_titled_by_its_bullet(tmp_path: Path) -> None:
    papers, _ = _load(tmp_path)
    assert [p.title for p in papers] == [
        "A review of widget ecology in the wild",
        "Sorting widgets on the seabed",
        "Counting widgets with convolutions",
        "Widget detection with fast networks",
        "A survey of gadget colonies from the air",
    ]
    by_title = {p.title: p for p in papers}
    assert by_title["A review of widget ecology in the wild"].url.startswith("https://www.biorxiv.org/")
    assert by_title["Widget detection with fast networks"].url == "https://ieeexplore.ieee.org/document/7654321/"
    assert by_title["A survey of gadget colonies from the air"].url.startswith("https://www.nature.com/articles/")
    assert by_title["Counting widgets with convolutions"].arxiv_id == "2102.00033"
    seabed = by_title["Sorting widgets on the seabed"]
    assert seabed.doi == "10.5555/widgconf.2017.12"
    assert seabed.journal_ref == "WIDGCONF 2017 MTS/IEEE Springfield, WCF 2017"  # the venue, not the title's
    assert [p.tags for p in papers] == [["Reviews"]] * 2 + [["Detection"]] * 3  # the section each is listed under


def test_authors_come_from_the_sub_bullet(tmp_path: Path) -> None:
    by_title = {p.title: p for p in _load(tmp_path)[0]}
    assert by_title["A review of widget ecology in the wild"].authors == ["Ada Quill", "Bo Dale", "Cy Moss"]
    assert by_title["Counting widgets with convolutions"].authors == ["Gu Ng", "Fa Lin"]
    seabed = by_title["Sorting widgets on the seabed"]
    assert seabed.authors == ["D. Rowe", "E. Fox"]  # written the APA way, with the year
    assert seabed.published is not None and seabed.published.year == 2017
    assert seabed.extra.get("date_precision") == "year"
    counting = by_title["Counting widgets with convolutions"]
    assert counting.published is not None and counting.published.month == 2  # the arXiv id's month stands


def test_no_paper_titled_by_an_address_a_connective_a_heading_or_a_tool(tmp_path: Path) -> None:
    titles = {p.title for p in _load(tmp_path)[0]}
    for wrong in ("or", "Reviews", "Detection", "Software", "Analysis tools", "Widget Annotator (WA)"):
        assert wrong not in titles
    assert not any(t.startswith(("doi:", "http")) for t in titles)


def test_an_address_no_bullet_titles_is_reported(tmp_path: Path) -> None:
    _, caught = _load(tmp_path)
    partial = [w.message for w in caught if isinstance(w.message, PartialImportWarning)]
    assert len(partial) == 1
    assert any("10.5555/widget.tracking.7" in p.message for p in partial[0].problems)
