"""A BibTeX name list joined by French "et" or German "und" throughout is read in time linear in its length
(session 15, review RV15): the brace-depth count behind the "und"/"et" separators of 5c59d5a/90f4ac5 went over the
whole field again at every separator, so a hostile or generated field of 16,000 names took over a minute (6,000:
about 20 s). Our own file, written in a temporary folder."""

from __future__ import annotations

import time
from pathlib import Path

from paperlab.sources.bibtex import read_bibtex


def test_a_long_et_list_is_read_quickly(tmp_path: Path) -> None:
    names = " et ".join(
        f"Dupont{chr(65 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}, Jean" for i in range(6000)
    )
    path = tmp_path / "census.bib"
    path.write_text(f"@article{{a, title={{Widget Census}}, author={{{names}}}, year={{2020}}}}\n", encoding="utf-8")
    start = time.process_time()
    papers = read_bibtex(path)
    assert time.process_time() - start < 5  # about 0.4 s here; over 20 s before
    assert len(papers[0].authors) == 6000 and papers[0].authors[0] == "Jean DupontAaa"


def test_one_word_either_side_of_und_or_et_is_no_two_people(tmp_path: Path) -> None:
    """ "Ernst und Young", "Arts et Métiers" name a firm or a school, not two persons called "Ernst" and "Young"
    (read so since 5c59d5a); "Jean Dupont et Marie Curie" and "Dupont, Jean et Martin, Paul" are still two."""
    path = tmp_path / "firms.bib"
    path.write_text(
        "@techreport{a, title={Widget Audit}, author={Ernst und Young}, year={2019}}\n"
        "@misc{b, title={Widget Lathes}, author={Arts et M{\\'e}tiers}, year={2018}}\n"
        "@article{c, title={Widget Clocks}, author={Jean Dupont et Marie Curie}, year={2017}}\n",
        encoding="utf-8",
    )
    got = {p.title: len(p.authors) for p in read_bibtex(path)}
    assert got == {"Widget Audit": 1, "Widget Lathes": 1, "Widget Clocks": 2}
