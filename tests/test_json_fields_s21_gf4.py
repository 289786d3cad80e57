"""Fields of home-made JSON records read wrong in a blind round (session 20): an arXiv Atom feed converted to JSON by
xml2js (ids as abstract URLs with versions, the DOI in ``arxiv:doi`` as ``{"_": doi}``, links as ``{"$": {href}}``)
gave no arXiv id or DOI; a Hugo Blox page's ``authors: ["me"]`` was kept though its BibTeX string names the person;
a byline's closing full stop stayed in the last name; a page's venue line 'ICCBS • 2026' was kept with its bullet and
year. Our own made-up records in the same shapes."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import paperlab

ATOM_AS_JSON = [
    {
        "id": "http://arxiv.org/abs/2505.01234v2",
        "updated": "2025-05-03T17:58:21Z",
        "published": "2025-05-01T17:58:21Z",
        "title": "Widget Routing in\n  Sparse Gadget Graphs",
        "summary": "  We route widgets.\n",
        "author": [{"name": "Ada Quill"}, {"name": "Bo Renn"}],
        "arxiv:doi": {"_": "10.1234/widg.2025.77", "$": {"xmlns:arxiv": "http://arxiv.org/schemas/atom"}},
        "link": [
            {"$": {"title": "doi", "href": "http://dx.doi.org/10.1234/widg.2025.77", "rel": "related"}},
            {"$": {"href": "http://arxiv.org/abs/2505.01234v2", "rel": "alternate", "type": "text/html"}},
        ],
        "arxiv:comment": {"_": "11 pages", "$": {"xmlns:arxiv": "http://arxiv.org/schemas/atom"}},
        "arxiv:primary_category": {"$": {"term": "cs.WG", "scheme": "http://arxiv.org/schemas/atom"}},
    }
]


def _load(tmp_path: Path, name: str, data: object) -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_atom_feed_saved_by_xml2js_gives_ids_and_doi(tmp_path: Path) -> None:
    (paper,) = _load(tmp_path, "arxiv.json", ATOM_AS_JSON)
    assert (paper.arxiv_id, paper.version, paper.doi) == ("2505.01234", 2, "10.1234/widg.2025.77")
    assert paper.title == "Widget Routing in Sparse Gadget Graphs" and paper.authors == ["Ada Quill", "Bo Renn"]


def test_me_as_the_author_is_replaced_by_the_records_bibtex(tmp_path: Path) -> None:
    record = {
        "title": "Period Widgets of Gadget Triangles",
        "authors": ["me"],
        "date": "2026-01-20T00:00:00Z",
        "citation": "@misc{quill2026period,\n  title = {Period Widgets of Gadget Triangles},\n  author = {Quill, Ada},\n"
        "  year = {2026},\n  eprint = {2601.01234},\n  archivePrefix = {arXiv}\n}\n",
    }
    (paper,) = _load(tmp_path, "publication.json", record)
    assert paper.authors == ["Ada Quill"] and paper.arxiv_id == "2601.01234"


def test_closing_full_stop_of_a_byline_and_a_venue_line_with_its_year(tmp_path: Path) -> None:
    records = [
        {
            "title": "Widget Search With Gadgets",
            "authors": "Ada QUILL, Bo RENN, Cleo SATO.",
            "venueLine": "WIDGC • 2026",
        }
    ]
    (paper,) = _load(tmp_path, "papers.json", records)
    assert paper.authors[-1] in ("Cleo SATO", "Cleo Sato")
    assert paper.journal_ref == "WIDGC" and paper.published == dt.date(2026, 1, 1)
