"""A record whose title is a tool's placeholder ("[No title]", "(no title)", "[Untitled]") but which names its paper
by a DOI or an arXiv id is kept, titled from the id and marked (session 17, helper IM13); without an id it is still
skipped and reported. Our own small files in BibTeX, RIS, CSL-JSON and a home-made JSON list."""

from __future__ import annotations

import warnings

from paperlab.errors import PartialImportWarning
from paperlab.sources.bibtex import parse_bibtex
from paperlab.sources.csl import parse_csl
from paperlab.sources.json_list import parse_json_list
from paperlab.sources.ris import parse_ris

BIB = """@misc{p1, title = "[No title]", doi = {10.1234/lantern.2016.7}, year = 2016}
@misc{p2, title = {[Untitled]}, eprint = {2101.00001}, archiveprefix = {arXiv}}
@misc{p3, title = "[No title]", howpublished = "\\url{http://example.org/lanterns.pdf}"}
@misc{p4, title = {Lanterns in the fog}, author = {Quill, Ada}, year = 2016}
"""

RIS = (
    "\n".join(
        [
            "TY  - JOUR",
            "TI  - (no title)",
            "DO  - 10.1234/moth.9",
            "PY  - 2019",
            "ER  - ",
            "TY  - JOUR",
            "TI  - (no title)",
            "PY  - 2019",
            "ER  - ",
            "TY  - JOUR",
            "TI  - Moths at the window",
            "AU  - Dale, Bo",
            "ER  - ",
        ]
    )
    + "\n"
)


def _quiet(read, *args):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        papers = read(*args)
    return papers, [w.message for w in caught if isinstance(w.message, PartialImportWarning)]


def test_bibtex_placeholder_titles_with_ids_are_kept_and_marked() -> None:
    papers, warned = _quiet(parse_bibtex, BIB, "refs.bib")
    assert [p.title for p in papers] == [
        "Untitled (doi:10.1234/lantern.2016.7)",
        "Untitled (arXiv:2101.00001)",
        "Lanterns in the fog",
    ]
    assert [p.extra.get("title_from") for p in papers] == ["id", "id", None]
    assert papers[0].doi == "10.1234/lantern.2016.7" and papers[1].arxiv_id == "2101.00001"
    assert len(warned) == 1 and "p3" in str(warned[0]) and "placeholder for no title" in str(warned[0])


def test_ris_placeholder_title_with_a_doi_is_kept() -> None:
    papers, warned = _quiet(parse_ris, RIS, "refs.ris")
    assert [p.title for p in papers] == ["Untitled (doi:10.1234/moth.9)", "Moths at the window"]
    assert papers[0].extra["title_from"] == "id" and papers[0].doi == "10.1234/moth.9"
    assert len(warned) == 1 and "record 2" in str(warned[0])


def test_csl_and_json_placeholder_titles_with_ids() -> None:
    csl, _ = _quiet(parse_csl, [{"type": "article", "title": "[Untitled]", "DOI": "10.1234/river.3"}], "c.json")
    assert [p.title for p in csl] == ["Untitled (doi:10.1234/river.3)"] and csl[0].extra["title_from"] == "id"
    items = [
        {"title": "[No title]", "arxiv": "2203.01234", "year": 2022},
        {"title": "[No title]", "year": 2022},
        {"title": "Rivers that change their beds", "authors": "Cora Vint", "year": 2020},
    ]
    listed, warned = _quiet(parse_json_list, items, "papers.json")
    assert [p.title for p in listed] == ["Untitled (arXiv:2203.01234)", "Rivers that change their beds"]
    assert listed[0].arxiv_id == "2203.01234" and listed[0].extra["title_from"] == "id"
    assert len(warned) == 1
