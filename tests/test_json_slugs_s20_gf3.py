"""A library of essays keyed its authors by slugs ("satoshi-nakamoto", "w-scott-stornetta") and its papers' own
addresses by "external": the slugs were kept as names and the address lost (a blind round's file, session 19). A
list whose every author is a slug gives the names they spell. Our own made-up file in the same shape."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "json_s20_gf3"


def test_author_slugs_read_as_names_and_external_as_the_address(tmp_path: Path) -> None:
    lib = {p.title: p for p in paperlab.load(DATA / "essays.json")}
    money = lib["Lantern Money: A Peer-to-Peer Light Exchange"]
    assert money.authors == ["Ada Quill"]
    assert money.url == "https://lanterns.example.org/lantern-money.pdf"
    assert money.published == dt.date(2008, 10, 31)
    assert lib["How to Time-Stamp a Widget"].authors == ["Bo Dale", "W. Piet Okafor"]

    path = tmp_path / "list.json"  # a list naming persons as names too: every name as written
    path.write_text('[{"title": "Sparse Widgets", "authors": ["ada-quill", "Bo Dale"]}]', encoding="utf-8")
    assert next(iter(paperlab.load(path))).authors == ["ada-quill", "Bo Dale"]
