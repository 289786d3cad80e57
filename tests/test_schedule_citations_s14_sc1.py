"""A schedule's reading given as its whole reference in the link's text, the authors' full names first ("Ada
Quill, Bo Renn, Cai Lune. Title, JWID 2020."), is titled by its title alone, with its authors, venue and year
(session 14, helper SC1): an HTML course table with rowspans, and a markdown table."""

from __future__ import annotations

from pathlib import Path

import paperlab
from paperlab.sources import detect_format

HTML = """<h2>Reading group: lamps and wicks, fall 2024</h2>
<table>
<tr><th>Week</th><th>Date</th><th>Reading</th><th>Presenter</th></tr>
<tr><td rowspan="2">1</td><td>09/10/2024</td>
<td rowspan="2">Required Reading: <a href="https://example.org/jwid/2020/quill.pdf">Ada Quill, Bo Renn, Cai Lune.
Widget Networks Revisited for Lamp Makers, JWID 2020.</a></td><td>Ora Penn</td></tr>
<tr><td>09/17/2024</td><td>Ilo Vant</td></tr>
<tr><td>2</td><td>09/24/2024</td>
<td>Required Reading: <a href="https://arxiv.org/pdf/1803.03635.pdf">Frankle, J., &amp; Carbin, M. (2018). The
lottery ticket hypothesis: Finding sparse, trainable neural networks. arXiv preprint arXiv:1803.03635.</a></td>
<td>Rue Hale</td></tr>
</table>
"""


def test_a_citation_as_link_text_gives_its_title_authors_and_venue(tmp_path: Path) -> None:
    path = tmp_path / "schedule.html"
    path.write_text(HTML, encoding="utf-8")
    assert detect_format(path) == "schedule"
    papers = paperlab.load(path)
    quill = papers[0]
    assert quill.title == "Widget Networks Revisited for Lamp Makers"
    assert quill.authors == ["Ada Quill", "Bo Renn", "Cai Lune"]
    assert (quill.journal_ref, quill.published.year if quill.published else None) == ("JWID 2020", 2020)
    assert papers[-1].title == "The lottery ticket hypothesis: Finding sparse, trainable neural networks"
    assert papers[-1].arxiv_id == "1803.03635"


def test_two_names_and_a_title_in_a_markdown_cell(tmp_path: Path) -> None:
    path = tmp_path / "schedule.md"
    path.write_text(
        "# Club\n\n| Date | Presenter | Paper |\n|---|---|---|\n"
        "| 2024-10-01 | Ora | [Ada Quill and Bo Renn. Sparse Wick Routing in Practice. NeurIPS 2021.](https://example.org/w.pdf) |\n"
        "| 2024-10-08 | Ilo | [Deep Lamps, Bright Wicks](https://example.org/d.pdf) |\n",
        encoding="utf-8",
    )
    papers = paperlab.load(path)
    assert [(p.title, p.authors) for p in papers] == [
        ("Sparse Wick Routing in Practice", ["Ada Quill", "Bo Renn"]),
        ("Deep Lamps, Bright Wicks", []),  # a title with a comma, no names before a full stop: kept whole
    ]
