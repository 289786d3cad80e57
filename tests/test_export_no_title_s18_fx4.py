"""A record whose source gave no title ("[No title]") but a DOI or an arXiv id is kept under a title paperlab makes
from the id, "Untitled (doi:…)" (session 17). That title is ours, not the source's: the exports (BibTeX, RIS,
CSL-JSON, the markdown card) write the placeholder "[No title]" again, so a user's bibliography never prints a
made-up title, and every reader keeps the record with its id on the way back (session 18, helper FX4). Our own
small files."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import paperlab

BIB = """@article{widg2021,
  title = {[No title]},
  author = {Quill, Ada and Dale, Bo},
  journal = {Widget Letters},
  year = {2021},
  doi = {10.5555/widg.2021.7}
}
@misc{lamp2020, title = {[Untitled]}, eprint = {2001.01234}, archiveprefix = {arXiv}, year = 2020}
@article{moth2019, title = {Moths at the window}, author = {Vint, Cora}, journal = {Widget Letters}, year = 2019}
"""


def _load(path: Path) -> paperlab.Library:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(str(path))


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_exports_write_no_made_up_title(tmp_path: Path) -> None:
    lib = _load(_write(tmp_path, "refs.bib", BIB))
    assert [p.extra.get("title_from") for p in lib] == ["id", "id", None]
    csl = json.dumps(lib.to_csl())
    shown = "".join(p.to_markdown().split("<!--")[0] for p in lib)  # cards as they render (not their data comment)
    for text in (lib.to_bibtex(), lib.to_ris(), csl, shown):
        assert "Untitled (" not in text
        assert "Moths at the window" in text
    assert "title = {[No title]}" in lib.to_bibtex()
    assert "TI  - [No title]" in lib.to_ris()
    assert [item["title"] for item in lib.to_csl()] == ["[No title]", "[No title]", "Moths at the window"]
    card = lib[0].to_markdown().splitlines()[0]
    assert card.startswith("### [") and "No title" in card and "10.5555/widg.2021.7" in card


def test_each_export_reads_back_with_its_id(tmp_path: Path) -> None:
    lib = _load(_write(tmp_path, "refs.bib", BIB))
    for name, text in (
        ("back.bib", lib.to_bibtex()),
        ("back.ris", lib.to_ris()),
        ("back.json", json.dumps(lib.to_csl())),
    ):
        back = _load(_write(tmp_path, name, text))
        assert len(back) == 3, name
        assert back[0].doi == "10.5555/widg.2021.7" and back[0].extra.get("title_from") == "id", name
        assert back[1].arxiv_id == "2001.01234" and back[1].extra.get("title_from") == "id", name
        assert back[0].title == "Untitled (doi:10.5555/widg.2021.7)", name
    assert paperlab.Paper.from_markdown(lib[0].to_markdown()).title == lib[0].title  # the card's data keeps it
