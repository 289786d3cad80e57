"""A page of dated bullets whose pool of candidate papers is grouped under label items (session 15, helper SC3), on
our own small file: "* 2000s:" with nested "- [Quill et al. 2000 (Nature 406)](doi)" items whose quoted, italic
title is on the next line; a citation of the 19th century ("Aitken et al. 1880") is a cited link too; the italic
marks are no part of a title."""

from __future__ import annotations

import warnings
from pathlib import Path

from paperlab.sources.schedule import read_schedule

PAGE = """# Cloud journal club

* 2025-05-21: Ada Quill
  [Aitken et al. 1880 (Nature 23)](https://doi.org/10.1038/023195d0): "_On dust, fogs and clouds_"
* 2025-04-30: Bo Renn
  [Topping et al. 2013 (Nature Geoscience 6)](https://doi.org/10.1038/ngeo1809): "_Droplets enhanced by organic vapours_"

### Papers to choose from:
* 2000s:
    - [Koop et al. 2000 (Nature 406)](https://doi.org/10.1038/35020537)
    "_Water activity as the determinant for ice nucleation_"
    - [Liu & Daum 2002 (Nature 419)](https://doi.org/10.1038/419580a)
    "_Indirect warming effect from dispersion forcing_"
* 1990s:
    - [Slingo 1990 (Nature 343)](https://doi.org/10.1038/343049a0)
    "_Sensitivity of the radiation budget to low clouds_"
"""


def test_a_pool_grouped_by_decade_and_italic_quoted_titles(tmp_path: Path) -> None:
    path = tmp_path / "journal_club.md"
    path.write_text(PAGE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = read_schedule(path)
    assert [(p.title, p.authors, p.published.year if p.published else None) for p in papers] == [
        ("On dust, fogs and clouds", ["Aitken"], 1880),
        ("Droplets enhanced by organic vapours", ["Topping"], 2013),
        ("Water activity as the determinant for ice nucleation", ["Koop"], 2000),
        ("Indirect warming effect from dispersion forcing", ["Liu", "Daum"], 2002),
        ("Sensitivity of the radiation budget to low clouds", ["Slingo"], 1990),
    ]
    assert papers[2].doi == "10.1038/35020537"
