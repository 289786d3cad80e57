"""A BibTeX file on whose one entry the reading fails (a bug of bibtexparser's or of paperlab's middlewares on an
odd entry: session 19's blind round met "list index out of range") loses that entry, named by key and line, not the
whole file: every other entry is read, the @string abbreviations still resolve. The fault is injected into one
middleware for one key; the reading around it is the real one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from paperlab.errors import ParseError, PartialImportWarning
from paperlab.sources import load
from paperlab.sources.bibtex import fields, parse_bibtex

BIB = """@string{wj = "Journal of Widgets"}

@article{quill2021,
  title = {Sparse Widget Routing},
  author = {Quill, Ada and Stone, Bo},
  journal = wj,
  year = {2021},
}

@article{odd2022,
  title = {An Entry the Reader Trips On},
  author = {Root, Cy},
  year = {2022},
}

@inproceedings{dale2023,
  title = {Dense Lanterns},
  author = {Dale, Eve},
  booktitle = {Proceedings of the Lantern Workshop},
  year = {2023},
}
"""


@pytest.fixture
def trips_on_odd(monkeypatch: pytest.MonkeyPatch) -> None:
    real = fields.UnbraceCodeValues.transform_entry

    def transform_entry(self: Any, entry: Any, library: Any) -> Any:
        if entry.key == "odd2022":
            return [][0]  # what a middleware's bug on an odd entry raises
        return real(self, entry, library)

    monkeypatch.setattr(fields.UnbraceCodeValues, "transform_entry", transform_entry)


@pytest.mark.usefixtures("trips_on_odd")
def test_the_entry_the_reader_fails_on_is_skipped_and_named_the_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    with pytest.warns(PartialImportWarning) as caught:
        papers = list(load(path))
    assert [(p.title, p.extra["bibtex_key"]) for p in papers] == [
        ("Sparse Widget Routing", "quill2021"),
        ("Dense Lanterns", "dale2023"),
    ]
    assert papers[0].journal_ref == "Journal of Widgets"  # the @string still resolves
    assert [str(a) for a in papers[0].authors] == ["Ada Quill", "Bo Stone"]
    message = str(caught[0].message)
    assert "refs.bib" in message and "entry 'odd2022', line 10" in message and "IndexError" in message


@pytest.mark.usefixtures("trips_on_odd")
def test_a_file_of_only_that_entry_is_a_parse_error_naming_it() -> None:
    with pytest.raises(ParseError, match="odd2022"):
        parse_bibtex(BIB[BIB.index("@article{odd2022") : BIB.index("@inproceedings")], source="odd.bib")


def test_without_the_fault_every_entry_is_read() -> None:
    assert [p.extra["bibtex_key"] for p in parse_bibtex(BIB, source="refs.bib")] == ["quill2021", "odd2022", "dale2023"]
