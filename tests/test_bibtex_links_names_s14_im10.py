"""Session 14 (helper IM10): two BibTeX kinds a validation round showed, read as the formats define them.

1. A DOI given only as a link (``url``, ``howpublished``, a ``note`` that is the link alone): a resolver's address
   (``http://dx.doi.org/10.…``, ``https://doi.org/10.…``, ``doi.org/10.…``, percent-encoded, closed by a full stop
   or a brace) or a publisher's ``/doi/`` path is the paper's DOI, the link kept as its URL; a link holding "doi" in
   another sense, or a note citing another work's link, gives none.
2. Generational suffixes, as BibTeX's name grammar has them (``von Last, Jr, First``): "Methot, Jr., Richard D.",
   the given-name-first "Martin Luther King, Jr." (not a person called "Jr."), a person braced whole with a suffix,
   "III"/"IV"; shown "Richard D. Methot Jr." and written back in the three-part form.

Our own small files ``tests/data/*_im10.bib`` (LF and CRLF line ends, braced and ``\\url`` values).
"""

from __future__ import annotations

from pathlib import Path

from paperlab.names import name_parts
from paperlab.paper import Paper
from paperlab.sources.bibtex import library_to_bibtex, paper_to_bibtex, parse_bibtex, read_bibtex

DATA = Path(__file__).parent / "data"


def _by_key(papers: list) -> dict:
    return {p.extra["bibtex_key"]: p for p in papers}


def test_a_doi_given_only_as_a_link_is_the_papers_doi_and_the_link_is_kept() -> None:
    papers = _by_key(read_bibtex(DATA / "doi_links_im10.bib"))
    assert papers["quill2013stock"].doi == "10.1016/j.fnr.2012.10.012"
    assert papers["quill2013stock"].url == "http://dx.doi.org/10.1016/j.fnr.2012.10.012"
    assert papers["marrow2019web"].doi == "10.5555/night.2019.7"  # percent-encoded slash, in howpublished's \url
    assert papers["marrow2019web"].url == "https://doi.org/10.5555%2Fnight.2019.7"
    assert papers["penhallow2020note"].doi == "10.5555/report-42"  # the note's full stop is no part of it
    assert papers["ashdown2018acm"].doi == "10.1145/3292500.3330701"
    assert papers["vexley1998sici"].doi == "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"
    assert papers["dale2019query"].doi == "10.5555/jns.2019.1612345"  # the publisher's query is no part of it
    crlf = read_bibtex(DATA / "doi_links_crlf_im10.bib")
    assert [p.doi for p in crlf] == ["10.5555/crlf.2021.3"]  # a stray closing brace after the link


def test_a_link_holding_doi_in_another_sense_gives_no_doi() -> None:
    papers = _by_key(read_bibtex(DATA / "doi_links_not_im10.bib"))
    assert papers["gorse2017path"].doi is None  # a publisher's "/doi/abs/" path without a "10." DOI
    assert papers["thackeray2016see"].doi is None  # another work's link cited in a note
    assert papers["vexley2015own"].doi == "10.5555/own.1"  # the entry's own doi field is read first


def test_a_link_doi_is_written_back_as_a_doi_field_and_read_again_the_same() -> None:
    papers = read_bibtex(DATA / "doi_links_im10.bib")
    again = parse_bibtex(library_to_bibtex(papers))
    assert [p.doi for p in again] == [p.doi for p in papers]
    assert "doi = {10.1016/j.fnr.2012.10.012}" in paper_to_bibtex(papers[0])


def test_generational_suffixes_are_read_as_bibtex_names_define_them() -> None:
    papers = _by_key(read_bibtex(DATA / "name_suffixes_im10.bib"))
    assert papers["methot2013three"].authors == ["Richard D. Methot Jr.", "Harry B. Hunt III", "Ada Quill IV"]
    assert papers["king1963given"].authors == [
        "Martin Luther King Jr.",  # was "Jr. Martin Luther King": BibTeX's given name "Jr."
        "Harry B. Hunt III",
        "Ludwig van Beethoven Jr",
    ]
    assert papers["methot2013braced"].authors == ["Richard D. Methot Jr.", "Tobias Marrow Sr."]
    assert papers["ford1925ris"].authors == ["Henry Ford Jr.", "Ada Quill"]
    # a family name braced with its suffix (was "H. B. Hunt, III", "Ada Quill, Jr.")
    assert papers["hunt1993braced"].authors == ["H. B. Hunt III", "Ada Quill Jr.", "Tobias Marrow"]
    assert "names_whole" not in papers["methot2013braced"].extra
    # a family name alone before its suffix (was "Jr. Methot"); "Ii" in lowercase letters is a given name
    assert papers["methot2014alone"].authors == ["Methot Jr.", "Ii Quill", "Marrow III"]


def test_suffixes_are_written_back_in_the_three_part_form() -> None:
    papers = _by_key(read_bibtex(DATA / "name_suffixes_im10.bib"))
    text = paper_to_bibtex(papers["king1963given"])
    assert "author = {King, Jr., Martin Luther and Hunt, III, Harry B. and van Beethoven, Jr, Ludwig}" in text
    assert "Methot, Jr., Richard D." in paper_to_bibtex(papers["methot2013braced"])
    assert "author = {Hunt, III, H. B. and Quill, Jr., Ada and Tobias Marrow}" in paper_to_bibtex(
        papers["hunt1993braced"]
    )
    again = parse_bibtex(library_to_bibtex(list(papers.values())))
    assert [p.authors for p in again] == [p.authors for p in papers.values()]
    # a name another source wrote with its suffix after a comma is written so too
    assert "author = {Methot, Jr., Richard D.}" in paper_to_bibtex(Paper(title="X", authors=["Richard D. Methot, Jr."]))


def test_name_parts_reads_a_suffix_set_apart_by_a_comma() -> None:
    assert name_parts("Richard D. Methot, Jr.") == ("Methot", "Richard D.", "Jr.")
    assert name_parts("Martin Luther King, Jr.") == ("King", "Martin Luther", "Jr.")
    assert name_parts("Harry B. Hunt III") == ("Hunt", "Harry B.", "III")


def test_a_made_key_names_the_family_not_the_suffix() -> None:
    papers = [
        Paper(title="Stock Synthesis", authors=["Richard D. Methot Jr."]),
        Paper(title="Strength to Love", authors=["Martin Luther King, Jr."]),
        Paper(title="Mixing Rules", authors=["Harry B. Hunt III"]),
    ]
    keys = [text.split("{", 1)[1].split(",", 1)[0] for text in library_to_bibtex(papers).split("\n@")]
    assert keys == ["methotstock", "kingstrength", "huntmixing"]  # was "jrstock", "jrstrength", "iiimixing"
