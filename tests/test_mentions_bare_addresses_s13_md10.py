"""A list of papers given only by their addresses, one bare address per bullet or numbered line, with no title near
any of them (issue 12; our own files, made-up addresses): refused before ("no title near it"), now each address is
its paper, named by what the address says (its arXiv id, DOI, ACL Anthology or OpenReview id, PDF's file name)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

RUSSIAN = """Статьи, которые стоит прочитать
* https://arxiv.org/pdf/2101.00033.pdf
* https://arxiv.org/abs/2102.01234v2
* https://aclanthology.org/2021.widget-long.12.pdf
* https://openreview.net/pdf?id=Hk3xWidgeT
"""

NUMBERED = """# Zu lesen

1. <https://doi.org/10.1234/widget.2020.77>
2. https://www.aclweb.org/anthology/P19-1042.pdf
3. https://example.org/papers/sparse_widget_routing.pdf
"""

# an address under a bullet that titles it stays that bullet's paper, named by the bullet
TITLED = """- Sparse Widget Routing at Scale
  - https://arxiv.org/abs/2101.00033
- https://arxiv.org/abs/2102.01234
"""


def _load(tmp_path: Path, name: str, text: str) -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(path)


def test_bullets_of_bare_addresses_are_papers_named_by_their_ids(tmp_path: Path) -> None:
    papers = _load(tmp_path, "README.md", RUSSIAN)
    assert [p.title for p in papers] == [
        "arXiv:2101.00033",
        "arXiv:2102.01234",
        "ACL Anthology 2021.widget-long.12",
        "OpenReview Hk3xWidgeT",
    ]
    assert [p.arxiv_id for p in papers][:2] == ["2101.00033", "2102.01234"]


def test_numbered_bare_addresses_with_a_doi_and_a_pdf(tmp_path: Path) -> None:
    papers = _load(tmp_path, "reading.md", NUMBERED)
    assert [p.title for p in papers] == [
        "doi:10.1234/widget.2020.77",
        "ACL Anthology P19-1042",
        "sparse widget routing",
    ]
    assert papers[0].doi == "10.1234/widget.2020.77"


def test_an_address_under_its_title_keeps_the_title(tmp_path: Path) -> None:
    papers = _load(tmp_path, "list.md", TITLED)
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Sparse Widget Routing at Scale", "2101.00033"),
        ("arXiv:2102.01234", "2102.01234"),
    ]
