"""A physics collaboration in an author list is an organisation, kept as written: "LIGO Scientific Collaboration"
was turned round to "Scientific Collaboration LIGO" (the capitals-first family-name rule of 34c41a3 read "LIGO" as a
family name; found by review RV18), and "ATLAS Collaboration" became "Collaboration ATLAS"."""

from __future__ import annotations

import paperlab
from paperlab.names import names_organisation


def test_a_collaboration_is_an_organisation():
    assert names_organisation("LIGO Scientific Collaboration")
    assert names_organisation("Virgo Collaboration") and names_organisation("CMS Collaborations")
    assert not names_organisation("Ada Quill")


def test_collaboration_bylines_keep_their_order(tmp_path):
    bib = tmp_path / "gw.bib"
    bib.write_text(
        "@article{gw,\n title={Observation of Waves from a Merger},\n"
        " author={LIGO Scientific Collaboration and Virgo Collaboration and Abbott, B. P.},\n"
        " journal={Phys. Rev. Lett.}, year={2016}}\n"
        "@article{atl, title={Observation of a New Boson}, author={ATLAS Collaboration}, year={2012}}\n"
    )
    gw, atl = paperlab.load(bib)
    assert gw.authors == ["LIGO Scientific Collaboration", "Virgo Collaboration", "B. P. Abbott"]
    assert atl.authors == ["ATLAS Collaboration"]
