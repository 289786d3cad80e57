"""A closing superscript number is a footnote's only after a word (session 15, review RV15): a unit's or a formula's
exponent closing a title stays, in BibTeX ("500 km$^2$", "in L$^2$", "Sobolev Spaces H\\textsuperscript{1}") and in
CSL-JSON rich text ("500 km<sup>2</sup>"), while a footnote number after a word ("Ice Models$^{1}$",
"Ice models<sup>1</sup>") is still dropped. Our own small files, written in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import paperlab
from paperlab.sources.bibtex import read_bibtex

_BIB = r"""@article{km, title={Glacier Loss Over 500 km$^2$}, author={Quill, Ada}, year={2020}}
@article{l2, title={Regularised Estimators in L$^{2}$}, author={Renn, Bo}, year={2021}}
@article{h1, title={Traces in Sobolev Spaces H\textsuperscript{1}}, author={Sato, Kei}, year={2019}}
@article{fn, title={{Ice} {Models}$^{1}$}, author={Moss, Ann}, year={2018}}
@article{tx, title={Firn Density Laws\textsuperscript{2}}, author={Moss, Ann}, year={2017}}
"""


def test_bibtex_closing_exponent_of_a_unit_or_symbol_stays(tmp_path: Path) -> None:
    path = tmp_path / "exponents.bib"
    path.write_text(_BIB, encoding="utf-8")
    titles = sorted(p.title for p in read_bibtex(path))
    assert titles == [
        "Firn Density Laws",
        "Glacier Loss Over 500 km²",
        "Ice Models",
        "Regularised Estimators in L²",
        "Traces in Sobolev Spaces H1",
    ]


def test_csl_closing_exponent_of_a_unit_or_symbol_stays(tmp_path: Path) -> None:
    items = [
        {
            "id": "km",
            "type": "article-journal",
            "title": "Glacier loss over 500 km<sup>2</sup>",
            "issued": {"date-parts": [[2020]]},
        },
        {
            "id": "l2",
            "type": "article-journal",
            "title": "Estimators in L<sup>2</sup>",
            "issued": {"date-parts": [[2021]]},
        },
        {"id": "fn", "type": "article-journal", "title": "Ice models<sup>1</sup>", "issued": {"date-parts": [[2018]]}},
    ]
    path = tmp_path / "exponents.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    titles = sorted(p.title for p in paperlab.load(path))
    assert titles == ["Estimators in L2", "Glacier loss over 500 km2", "Ice models"]


def test_a_search_algorithms_star_closing_a_title_stays(tmp_path: Path) -> None:
    """A star glued to a capital or to "Theta" names a search algorithm ("IDA*", "ARA*", "Lazy Theta*"): kept, in
    RIS and BibTeX (since 5c59d5a it was dropped as a footnote mark); a spaced or lower-case word's star still goes."""
    ris = tmp_path / "stars.ris"
    ris.write_bytes(
        b"TY  - JOUR\r\nTI  - Parallel IDA*\r\nAU  - Quill, Ada\r\nPY  - 2019\r\nER  - \r\n"
        b"TY  - JOUR\r\nTI  - Lazy Theta*\r\nAU  - Renn, Bo\r\nPY  - 2010\r\nER  - \r\n"
        b"TY  - JOUR\r\nTI  - Grid Planning with Anytime ARA *\r\nAU  - Moss, Ann\r\nPY  - 2012\r\nER  - \r\n"
        b"TY  - JOUR\r\nTI  - Graph Networks*\r\nAU  - Sato, Kei\r\nPY  - 2021\r\nER  - \r\n"
    )
    bib = tmp_path / "stars.bib"
    bib.write_text("@article{s, title={Multi-Agent Paths with ARA*}, author={Quill, Ada}, year={2013}}\n")
    assert sorted(p.title for p in paperlab.load(ris)) == [
        "Graph Networks",
        "Grid Planning with Anytime ARA",
        "Lazy Theta*",
        "Parallel IDA*",
    ]
    assert [p.title for p in read_bibtex(bib)] == ["Multi-Agent Paths with ARA*"]
