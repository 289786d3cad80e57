"""Names and identity (session 18, helper FX4): initials glued together ("D.P. Kingma") and abbreviated given names
("Arampatzis, Th.") are one person with the full name; a BibTeX list keeps the abbreviation's full stop; the same
paper under two citation keys, one naming its venue by an acronym made of words' starts ("NeurIPS") and the other by
its full name, is one work (merged, both keys kept), while a different venue still keeps them apart. Our own small
files."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab
from paperlab.errors import MergedRecordsWarning
from paperlab.names import same_person
from paperlab.sources.bibtex import parse_bibtex


def test_glued_initials_and_abbreviations_are_one_person() -> None:
    assert same_person("D.P. Kingma", "Kingma, Diederik P")
    assert same_person("Kingma, D.P.", "Diederik P. Kingma")
    assert same_person("DP Kingma", "Diederik Kingma")  # initials written without stops (no vowel: no name)
    assert same_person("Arampatzis, Th.", "Theodoros Arampatzis")
    assert same_person("J.-P. Müller", "Jean-Pierre Muller")
    assert not same_person("D.P. Kingma", "Max Kingma")
    assert not same_person("Th. Arampatzis", "Avi Arampatzis")
    assert not same_person("Th Arampatzis", "Theodoros Arampatzis")  # "Th" without its stop is a name of its own
    assert not same_person("Li Chen", "Lin Chen") and not same_person("L. Chen", "Wei Chen")


def test_a_bibtex_abbreviated_given_name_keeps_its_stop() -> None:
    (paper,) = parse_bibtex(
        "@article{a1, title = {Lanterns and moths}, author = {Arampatzis, Th. and Quill, A. and Renn, Chr.}, year = 2020}"
    )
    assert paper.authors == ["Th. Arampatzis", "A. Quill", "Chr. Renn"]
    (closed,) = parse_bibtex("@article{a2, title = {Moths}, author = {Ada Quill and Abanoub R. Wadie.}, year = 2020}")
    assert closed.authors == ["Ada Quill", "Abanoub R. Wadie"]  # the stop closing the field is no abbreviation's


BIB = """@inproceedings{chen2022flash,
  title = {Flash Routing for Mixture-of-Experts},
  author = {Chen, Li and Okafor, Ada},
  booktitle = {NeurIPS},
  year = {2022}
}
@inproceedings{chen2022flash_dup,
  title = {Flash routing for mixture-of-experts},
  author = {L. Chen and A. Okafor},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2022},
  pages = {101--112}
}
@inproceedings{chen2022flash_icml,
  title = {Flash Routing for Mixture-of-Experts},
  author = {Chen, Li and Okafor, Ada},
  booktitle = {International Conference on Machine Learning},
  year = {2022}
}
"""


def test_a_venue_acronym_of_word_starts_is_the_same_venue(tmp_path: Path) -> None:
    path = tmp_path / "mine.bib"
    path.write_text(BIB, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(str(path))
    merged = [str(w.message) for w in caught if isinstance(w.message, MergedRecordsWarning)]
    assert len(lib) == 2  # the NeurIPS entry and its full-name duplicate merged; ICML kept apart
    first = lib[0]
    assert {s.record.split(",")[0] for s in first.sources if s.record} == {"chen2022flash", "chen2022flash_dup"}
    assert "chen2022flash_dup" in first.to_bibtex()  # both keys still resolve after export
    assert len(merged) == 1 and "chen2022flash_dup" in merged[0]
    assert lib[1].journal_ref == "International Conference on Machine Learning"


def test_den_is_a_particle_of_a_family_name() -> None:
    """One list of family-name particles for every reader (it lacked "den"): a name in capitals is set "van den
    Berg", and a PubMed name "den Hartog JA" is Family INITIALS like "de Almeida Neto OP"."""
    from paperlab.names import FAMILY_PARTICLES, name_case
    from paperlab.sources.ris import parse_ris

    assert "den" in FAMILY_PARTICLES
    assert name_case("VAN DEN BERG", "JAN") == ("van den Berg", "Jan")
    ris = (
        "TY  - JOUR\nTI  - Moths at the window\nAU  - den Hartog JA\nAU  - Quill AB\nPY  - 2019\nDB  - PubMed\nER  - \n"
    )
    (paper,) = parse_ris(ris, "pubmed.ris")
    assert paper.authors == ["JA den Hartog", "AB Quill"]
