"""A record whose source gave no title is kept as "Untitled (doi:…)" and exported as "[No title]" (session 18, FX4).
Once the paper has a real title — the same paper read with its title from another file and merged, or a title the
user sets — the exports write that title, never the placeholder: the mark ``extra["title_from"] == "id"`` stays on
the paper, so the exports look at the title itself (session 18, review RV18). Our own small files."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

UNTITLED = """@misc{quill2020,
  title = {[No title]},
  author = {Quill, Ada},
  year = {2020},
  eprint = {2001.01234},
  archivePrefix = {arXiv}
}
"""

TITLED = """@misc{quill2020gadgets,
  title = {Counting Gadgets Without Labels},
  author = {Quill, Ada},
  year = {2020},
  eprint = {2001.01234},
  archivePrefix = {arXiv}
}
"""


def _load(*paths: Path) -> paperlab.Library:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(*[str(p) for p in paths])


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _exported_titles(paper: paperlab.Paper) -> list[str]:
    bib = [line.strip() for line in paper.to_bibtex().splitlines() if line.strip().startswith("title")]
    ris = [line for line in paperlab.Library([paper]).to_ris().splitlines() if line.startswith("TI  -")]
    return [*bib, *ris, paper.to_csl()["title"], paper.to_markdown().splitlines()[0]]


def test_a_merged_paper_exports_the_title_its_other_record_gives(tmp_path: Path) -> None:
    lib = _load(_write(tmp_path, "titled.bib", TITLED), _write(tmp_path, "untitled.bib", UNTITLED))
    assert [p.title for p in lib] == ["Counting Gadgets Without Labels"]
    assert _exported_titles(lib[0]) == [
        "title = {Counting Gadgets Without Labels},",
        "TI  - Counting Gadgets Without Labels",
        "Counting Gadgets Without Labels",
        "### [Counting Gadgets Without Labels](https://arxiv.org/abs/2001.01234)",
    ]


def test_a_title_the_user_sets_is_exported(tmp_path: Path) -> None:
    paper = _load(_write(tmp_path, "untitled.bib", UNTITLED))[0]
    assert paper.title == "Untitled (arXiv:2001.01234)"
    assert "[No title]" in paper.to_bibtex()  # FX4's placeholder while the title is still the made-up one
    paper.title = "Counting Gadgets Without Labels"
    assert "[No title]" not in " ".join(_exported_titles(paper))
    assert paper.to_csl()["title"] == "Counting Gadgets Without Labels"


def test_a_made_up_title_gives_way_to_the_real_one_whichever_record_comes_first(tmp_path: Path) -> None:
    untitled, titled = _write(tmp_path, "untitled.bib", UNTITLED), _write(tmp_path, "titled.bib", TITLED)
    for files in ((untitled, titled), (titled, untitled)):
        lib = _load(*files)
        assert [p.title for p in lib] == ["Counting Gadgets Without Labels"], files
        assert "title_from" not in lib[0].extra  # the mark goes with the made-up title
        assert "Counting Gadgets Without Labels" in lib[0].to_bibtex()


def test_the_store_keeps_the_real_title_of_a_record_added_after_the_untitled_one(tmp_path: Path) -> None:
    from paperlab.store import open_store

    store = open_store(str(tmp_path / "papers.sqlite3"))
    store.upsert_papers(_load(_write(tmp_path, "untitled.bib", UNTITLED)))
    store.upsert_papers(_load(_write(tmp_path, "titled.bib", TITLED)))
    assert [p.title for p in store.papers()] == ["Counting Gadgets Without Labels"]
