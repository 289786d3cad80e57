"""BibTeX entries written without a citation key are read under a generated key, not refused with the whole file
(session 17, helper IM13). Each file below is our own, varying the producer's spelling of a keyless entry."""

from __future__ import annotations

import warnings

import pytest

from paperlab.errors import PartialImportWarning
from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex

STUDENT_REPORT = """@ONLINE{
\tauthor={Ada Quill, Bo Dale, Cora Vint},
\ttitle={A study of tidal gardens},
\tyear={Oct 15, 2017},
\thowpublished={https://example.org/tidal},
}

@article{dale2019,
  title = {Kelp under glass},
  author = {Dale, Bo},
  year = {2019},
}

@BOOK{
\ttitle={Computervision},
\tauthor={Cora Vint},
\tyear={2021},
}
"""

EMPTY_KEY = """@article{,
  title = {Salt marsh acoustics},
  author = {Quill, Ada and Vint, Cora},
  journal = {Journal of Quiet Places},
  year = 2020
}
@misc( title = "Reed beds at night", author = "Eli Moss", year = "2018" )
"""

WITH_STRINGS = """@string{jqp = {Journal of Quiet Places}}
@preamble{"\\newcommand{\\noop}[1]{}"}
% contact: ada@example{dot}org
@inproceedings{  author = {Moss, Eli}, title = {Ferns and fog}, booktitle = jqp, year = {2022}}
"""


def _read(text: str) -> tuple[list, list[PartialImportWarning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = parse_bibtex(text, source="refs.bib")
    return papers, [w.message for w in caught if isinstance(w.message, PartialImportWarning)]


def test_keyless_online_entries_beside_keyed_ones_are_all_read() -> None:
    papers, warned = _read(STUDENT_REPORT)
    assert [p.title for p in papers] == ["A study of tidal gardens", "Kelp under glass", "Computervision"]
    assert papers[0].authors == ["Ada Quill", "Bo Dale", "Cora Vint"]
    assert [p.extra["bibtex_key"] for p in papers] == ["keyless-line-1", "dale2019", "keyless-line-14"]
    assert papers[0].extra["bibtex_key_generated"] is True and "bibtex_key_generated" not in papers[1].extra
    assert len(warned) == 1
    text = str(warned[0])
    assert "refs.bib" in text and "line 1:" in text and "line 14:" in text and "without a citation key" in text
    assert all(not p.skipped for p in warned[0].problems)  # kept, not skipped


def test_empty_key_and_parenthesised_keyless_entries() -> None:
    papers, warned = _read(EMPTY_KEY)
    assert [p.title for p in papers] == ["Salt marsh acoustics", "Reed beds at night"]
    assert papers[0].authors == ["Ada Quill", "Cora Vint"] and papers[0].journal_ref == "Journal of Quiet Places"
    assert papers[1].authors == ["Eli Moss"] and papers[1].published is not None and papers[1].published.year == 2018
    assert [p.extra["bibtex_key"] for p in papers] == ["keyless-line-1", "keyless-line-7"]
    assert warned and "line 7" in str(warned[0])


def test_string_preamble_and_at_signs_in_comments_are_left_alone() -> None:
    papers, _ = _read(WITH_STRINGS)
    assert [p.title for p in papers] == ["Ferns and fog"]
    assert papers[0].journal_ref == "Journal of Quiet Places"  # the @string macro still resolves
    assert papers[0].extra["bibtex_key"] == "keyless-line-4"


def test_keyed_file_is_unchanged_and_warns_nothing() -> None:
    text = "@article{a1, title = {Moss}, author = {Moss, Eli}, year = 2001}\n"
    papers, warned = _read(text)
    assert [p.extra["bibtex_key"] for p in papers] == ["a1"] and not warned


def test_generated_key_survives_export_and_reimport() -> None:
    papers, _ = _read(STUDENT_REPORT)
    from paperlab import Library

    again, warned = _read(library_to_bibtex(Library(papers)))
    assert [p.extra["bibtex_key"] for p in again] == ["keyless-line-1", "dale2019", "keyless-line-14"]
    assert not warned


@pytest.mark.parametrize("text", ["@ONLINE{\n", "@article{,", "@misc(  title = ", "@book{ ,\n,", "@{ title = {x}}"])
def test_broken_keyless_fragments_raise_parse_error_or_read(text: str) -> None:
    """A fragment with no entry to read is refused with the file and line named (RV17: this test once accepted any
    outcome but a crash)."""
    from paperlab.errors import ParseError

    with pytest.raises(ParseError, match=r"^refs\.bib, (?:entry '[^']+', )?line 1: no usable BibTeX entries"):
        _read(text)
