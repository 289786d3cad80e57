"""The topic map's "Open" goes to an arXiv paper's current abstract page over https (R5's finding 17: it opened the
``http://arxiv.org/abs/…v1`` the arXiv listing gave, the first version over http). Data: the bundled demo corpus
(arXiv papers) and our own paper with only a DOI."""

from __future__ import annotations

import re

from paperlab import Library, Paper
from paperlab.data import demo_library


def test_open_is_the_unversioned_https_abstract_page() -> None:
    demo = demo_library()
    given = [p for p in demo if p.url and p.arxiv_id]
    assert any(re.search(r"v\d+$", p.url or "") or (p.url or "").startswith("http://") for p in given)
    own = Paper("Folding widgets by their DOI", doi="10.1234/fold.5", published="2020-01-01")
    lib = Library([*list(demo)[:40], own])
    points = {pt["id"]: pt for pt in lib.topic_map(n=4).points}
    for p in list(demo)[:40]:
        if p.arxiv_id:
            assert points[p.id]["url"] == f"https://arxiv.org/abs/{p.arxiv_id}", points[p.id]["url"]
    assert points[own.id]["url"] == "https://doi.org/10.1234/fold.5"
