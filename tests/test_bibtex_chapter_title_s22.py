"""An ``@incollection`` with no ``title`` whose ``chapter`` names the chapter (``chapter = {Type Systems}``) is that
chapter, titled by it, its book as its venue (session 22, lead, from SW14's blind round, now dev); before, it was read
as the whole book, titled by its ``booktitle``. A numbered chapter (``chapter = {3}``) names no part: the whole book is
cited, as tests/test_bibtex_whole_book_s12_im6.py expects. The export writes the entry as it was. Our own file."""

from __future__ import annotations

from pathlib import Path

from paperlab import Library
from paperlab.sources.bibtex import parse_bibtex

BIB = """
@incollection{quill1997,
  author = {Ada Quill},
  booktitle = {The Handbook of Pebble Counting},
  publisher = {Slope Press},
  year = {1997},
  chapter = {Counting by Weight}
}
@incollection{renn2001,
  author = {Bo Renn},
  booktitle = {The Handbook of Tides},
  year = {2001},
  chapter = {3}
}
@inbook{moss2004,
  author = {Cy Moss},
  booktitle = {Lantern Studies},
  year = {2004},
  chapter = {Chapter 2.1}
}
"""


def _papers(tmp_path: Path) -> dict[str, object]:
    path = tmp_path / "chapters.bib"
    path.write_text(BIB, encoding="utf-8")
    return {p.extra["bibtex_key"]: p for p in parse_bibtex(path.read_text(encoding="utf-8"))}


def test_a_chapter_named_in_its_chapter_field_is_titled_by_it(tmp_path: Path) -> None:
    papers = _papers(tmp_path)
    chapter = papers["quill1997"]
    assert (chapter.title, chapter.journal_ref, chapter.authors) == (
        "Counting by Weight",
        "The Handbook of Pebble Counting",
        ["Ada Quill"],
    )
    assert chapter.extra["title_from"] == "chapter"


def test_a_numbered_chapter_still_cites_the_whole_book(tmp_path: Path) -> None:
    papers = _papers(tmp_path)
    assert [(papers[k].title, papers[k].extra.get("title_from")) for k in ("renn2001", "moss2004")] == [
        ("The Handbook of Tides", "booktitle"),
        ("Lantern Studies", "booktitle"),
    ]


def test_the_export_writes_the_chapter_entry_as_it_was(tmp_path: Path) -> None:
    papers = list(_papers(tmp_path).values())
    text = Library(papers).to_bibtex()
    entry = text[text.index("@incollection{quill1997,") :].split("\n}\n")[0]
    assert "title =" not in entry.replace("booktitle =", "") and "chapter = {Counting by Weight}" in entry
    again = {p.extra["bibtex_key"]: p for p in parse_bibtex(text)}
    assert (again["quill1997"].title, again["quill1997"].journal_ref) == (
        "Counting by Weight",
        "The Handbook of Pebble Counting",
    )
