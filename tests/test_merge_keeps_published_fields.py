"""Merging two records of one work keeps the bibliographic details of both (UI review R6: a Zotero export of the
arXiv preprint, `@article ... publisher = {arXiv}`, merged with a Google Scholar `@inproceedings` of the NeurIPS
paper was exported as `@article{..., journal = {NeurIPS}, publisher = {arXiv}}` with no volume and no pages).
Our own made-up entries."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import paperlab
from paperlab.errors import MergedRecordsWarning

PREPRINT_AND_PROCEEDINGS = r"""
@article{quill_folding_2020,
  title = {Folding {Paper} {Cranes} with {Diffusion}},
  url = {http://arxiv.org/abs/2006.01234},
  doi = {10.48550/arXiv.2006.01234},
  publisher = {arXiv},
  author = {Quill, Ada and Pike, Jonas},
  month = dec,
  year = {2020},
  note = {arXiv:2006.01234 [cs]},
}

@inproceedings{quill2020folding,
  title={Folding paper cranes with diffusion},
  author={Quill, Ada and Pike, Jonas},
  booktitle={Advances in Neural Folding Systems},
  volume={33},
  pages={6840--6851},
  year={2020}
}
"""

TWO_JOURNAL_RECORDS = r"""
@article{dale2019widgets,
  title = {Widget Tension in Folded Sheets},
  author = {Dale, Omar},
  journal = {Annals of Widgetry},
  year = {2019},
  doi = {10.5555/aw.2019.7},
}

@article{Dale2019,
  title = {Widget tension in folded sheets},
  author = {Dale, O.},
  journal = {Annals of Widgetry},
  year = {2019},
  volume = {12},
  number = {3},
  pages = {101--117},
  doi = {10.5555/AW.2019.7},
}
"""


def _load(tmp_path: Path, text: str) -> paperlab.Library:
    path = tmp_path / "refs.bib"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergedRecordsWarning)
        return paperlab.load(path)


def _entry(text: str, key: str) -> str:
    match = re.search(rf"@(\w+)\{{{key},\n(.*?)\n\}}", text, re.S)
    assert match, text
    return match.group(0)


def test_a_preprint_merged_with_its_proceedings_paper_is_exported_as_the_published_paper(tmp_path: Path) -> None:
    lib = _load(tmp_path, PREPRINT_AND_PROCEEDINGS)
    assert len(lib) == 1
    entry = _entry(lib.to_bibtex(), "quill_folding_2020")
    assert entry.startswith("@inproceedings{quill_folding_2020,")
    for field in ("booktitle = {Advances in Neural Folding Systems}", "volume = {33}", "pages = {6840--6851}"):
        assert field in entry, entry
    assert "publisher = {arXiv}" not in entry and "journal" not in entry
    assert "eprint = {2006.01234}" in entry and "ids = {quill2020folding}" in entry  # the e-print and both keys
    again = _load(tmp_path, lib.to_bibtex())  # and it reads back as one paper of the same kind
    assert len(again) == 1 and again[0].extra["entry_type"] == "inproceedings" and again[0].arxiv_id == "2006.01234"


def test_fields_only_the_second_record_gives_are_kept(tmp_path: Path) -> None:
    lib = _load(tmp_path, TWO_JOURNAL_RECORDS)
    assert len(lib) == 1
    entry = _entry(lib.to_bibtex(), "dale2019widgets")
    assert entry.startswith("@article{dale2019widgets,")
    for field in ("volume = {12}", "number = {3}", "pages = {101--117}", "journal = {Annals of Widgetry}"):
        assert field in entry, entry
