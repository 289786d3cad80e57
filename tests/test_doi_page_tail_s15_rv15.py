"""A publisher's page below a DOI's own is no part of the DOI (session 15, review RV15): Wiley's older
".../doi/10.1111/…x/abstract" and ".../full" (was read as DOI ".../abstract" since before session 15), Frontiers'
".../full" and Springer's ".../figures/1" (read since the any-page rule of 139282d) give the DOI alone, in BibTeX and
RIS; a DOI with slashes of its own keeps them. Our own small files, written in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.identifiers import doi_of_link
from paperlab.sources.bibtex import read_bibtex
from paperlab.sources.ris import read_ris


@pytest.mark.parametrize(
    ("link", "doi"),
    [
        (
            "http://onlinelibrary.wiley.com/doi/10.1111/j.1365-2745.2010.01234.x/abstract",
            "10.1111/j.1365-2745.2010.01234.x",
        ),
        ("https://onlinelibrary.wiley.com/doi/10.1002/anie.202001234/full", "10.1002/anie.202001234"),
        ("https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full", "10.3389/fpsyg.2020.01234"),
        ("https://link.springer.com/article/10.1007/s00123-020-01234-5/figures/1", "10.1007/s00123-020-01234-5"),
        ("https://dl.acm.org/doi/10.1145/3292500.3330701/references", "10.1145/3292500.3330701"),
        ("https://academic.oup.com/mnras/article/10.1093/mnras/stab123", "10.1093/mnras/stab123"),
        (
            "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
            "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
        ),
    ],
)
def test_doi_of_link_leaves_the_page_below_the_doi(link: str, doi: str) -> None:
    assert (doi_of_link(link) or "").lower() == doi.lower()


def test_bibtex_and_ris_read_the_doi_of_an_abstract_page(tmp_path: Path) -> None:
    bib = tmp_path / "pages.bib"
    bib.write_text(
        "@article{w, title={Seed Banks of Old Meadows}, author={Quill, Ada}, year={2010},\n"
        "  url={http://onlinelibrary.wiley.com/doi/10.1111/j.1365-2745.2010.01234.x/abstract}}\n",
        encoding="utf-8",
    )
    ris = tmp_path / "pages.ris"
    ris.write_bytes(
        b"TY  - JOUR\r\nTI  - Moss Cover in Alpine Fens\r\nAU  - Renn, Bo\r\nPY  - 2021\r\n"
        b"UR  - https://link.springer.com/article/10.1007/s00123-020-01234-5/figures/1\r\nER  - \r\n"
    )
    assert [p.doi for p in read_bibtex(bib)] == ["10.1111/j.1365-2745.2010.01234.x"]
    assert [p.doi for p in read_ris(ris)] == ["10.1007/s00123-020-01234-5"]
