"""Several academic titles before a name ("Prof. Dr. Laubenheimer", "Prof. Dr.-Ing. Ada Quill", "Dr. rer. nat.
Eli Moss") are no part of it, in a BibTeX entry and a JSON byline alike (session 17, helper IM13; our own entries)."""

from __future__ import annotations

from paperlab.names import strip_name_marks
from paperlab.sources.bibtex import parse_bibtex
from paperlab.sources.json_list import parse_json_list


def test_chains_of_titles_are_dropped() -> None:
    assert strip_name_marks("Prof. Dr. Laubenheimer") == "Laubenheimer"
    assert strip_name_marks("Prof. Dr.-Ing. Ada Quill") == "Ada Quill"
    assert strip_name_marks("Quill, Prof. Dr. Ada") == "Quill, Ada"
    assert strip_name_marks("Dr. Who") == "Who" and strip_name_marks("Drew Moss") == "Drew Moss"


def test_titled_names_in_bibtex_and_json() -> None:
    entry = "@book{a, author={Prof. Dr. Cora Vint and Dr. rer. nat. Eli Moss}, title={Reed beds}, year=2020}"
    assert parse_bibtex(entry)[0].authors == ["Cora Vint", "Eli Moss"]
    listed = parse_json_list([{"title": "Reed beds", "authors": "Prof. Dr. Cora Vint, Bo Dale"}])
    assert listed[0].authors == ["Cora Vint", "Bo Dale"]


def test_initials_with_their_fuller_form_as_catalogues_write_them() -> None:
    entry = "@book{a, author={ Marcus, G. J. (Geoffrey Jules) and Quill, A. B. (Ada Beatrix) }, title={Oak}, year=1975}"
    assert parse_bibtex(entry)[0].authors == ["Geoffrey Jules Marcus", "Ada Beatrix Quill"]
    from paperlab.sources.ris import parse_ris

    record = "TY  - BOOK\nTI  - Heart of oak\nAU  - Marcus, G. J. (Geoffrey Jules)\nER  - \n"
    assert parse_ris(record)[0].authors == ["Geoffrey Jules Marcus"]
    assert strip_name_marks("Quill, A. (Bo)") == "Quill, A. (Bo)"  # not the fuller form of its initials: as written
