"""An arXiv preprint cited as Nature cites it, with the year and full stop closing the reference ("Preprint at
https://arxiv.org/abs/2001.08361 (2020)."), in a BibTeX note or a CSL note gives its arXiv id (session 15, review
RV15): 1c9dd62 read the form without them only. A note citing another work ("see arXiv:… (2021)") still gives none.
Our own small files, written in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import paperlab
from paperlab.sources.bibtex import read_bibtex

_BIB = r"""@article{a, title={Widget Scaling Laws}, author={Quill, Ada}, year={2020}, journal={Nature},
  note={Preprint at https://arxiv.org/abs/2001.08361 (2020).}}
@misc{b, title={Widget Lanterns}, author={Renn, Bo}, year={2021}, note={Preprint at https://arxiv.org/abs/2101.00006v2.}}
@misc{c, title={Widget Kernels}, author={Sato, Kei}, year={2021}, note={see arXiv:2101.00007 (2021)}}
"""


def test_a_nature_style_preprint_note_gives_the_arxiv_id(tmp_path: Path) -> None:
    bib = tmp_path / "nature.bib"
    bib.write_text(_BIB, encoding="utf-8")
    got = {p.title: (p.arxiv_id, p.version) for p in read_bibtex(bib)}
    assert got == {
        "Widget Scaling Laws": ("2001.08361", None),
        "Widget Lanterns": ("2101.00006", 2),
        "Widget Kernels": (None, None),
    }
    csl = tmp_path / "nature.json"
    item = {"id": "q", "type": "article-journal", "title": "Widget Optics", "issued": {"date-parts": [[2020]]}}
    csl.write_text(json.dumps([{**item, "note": "Preprint at https://arxiv.org/abs/2002.01234 (2020)."}]))
    assert [p.arxiv_id for p in paperlab.load(csl)] == ["2002.01234"]
