"""A paper list's link text that is a whole reference written given name first ("Geoffrey A. Hollinger, Gaurav S.
Sukhatme. Title. IJRR, 2014.") was kept whole as the title (a blind round's awesome list, session 19), or read as
MLA's "Family, Given" and its two persons joined into one ("Bo Dale Ada Quill"). Two given-first names or more
before the title's sentence are the authors. Our own made-up file."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DATA = Path(__file__).parent / "data" / "md_s20_gf3"


def test_given_first_author_lists_before_the_title() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = {p.doi or p.arxiv_id: p for p in paperlab.load(DATA / "awesome_events.md")}
    quill = lib["1607.01234"]
    assert (quill.title, quill.authors, quill.journal_ref) == (
        "Informative Lantern Gathering Algorithms",
        ["Ada Quill", "Bo Dale"],
        "IJLR",
    )
    okafor = lib["10.1234/hedges.2019.1"]
    assert (okafor.title, okafor.authors) == (
        "Counting Hedges from Orbit with Few Labels",
        ["Piet K. Okafor", "Li S. Chen"],
    )
    assert okafor.published is not None and okafor.published.year == 2019
