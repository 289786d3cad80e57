"""Old-style arXiv ids are arXiv's archives of 1991-2007 only (session 17, helper IM13): "hep-th/9901001",
"math.GT/0309136v2", "cs/0112017" are ids; "patent/1234567", "report/0401008", "hep-th/1201001" (no old-style id
after March 2007) are not. Mendeley's ``arxivId`` field is read, old style and with an ``arXiv:`` prefix."""

from __future__ import annotations

import pytest

from paperlab.identifiers import arxiv_id_value, is_bare_arxiv_id, lone_arxiv_id, normalize_arxiv_id
from paperlab.sources.bibtex import parse_bibtex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hep-th/9901001", ("hep-th/9901001", None)),
        ("arXiv:hep-ph/0211317v1", ("hep-ph/0211317", 1)),
        ("math.GT/0309136v2", ("math.GT/0309136", 2)),
        ("math-ph/0101001", ("math-ph/0101001", None)),
        ("see https://arxiv.org/abs/quant-ph/0201082v3 for details", ("quant-ph/0201082", 3)),
        ("cond-mat/0703001", ("cond-mat/0703001", None)),
    ],
)
def test_real_old_style_ids_are_read(text: str, expected: tuple[str, int | None]) -> None:
    assert normalize_arxiv_id(text) == expected


@pytest.mark.parametrize(
    "text", ["patent/1234567", "report/0401008", "hep-th/1201001", "widgets/9901001", "order no. abc/0101001"]
)
def test_other_word_slash_numbers_are_no_arxiv_ids(text: str) -> None:
    assert normalize_arxiv_id(text) is None
    assert lone_arxiv_id(text) is None and arxiv_id_value(text) is None and not is_bare_arxiv_id(text)


MENDELEY = """@article{Bennett2004,
arxivId = {hep-ex/0401008},
author = {Bennett, G W and Bousquet, B},
journal = {Physical Review Letters},
title = {{Measurement of the negative muon anomalous magnetic moment}},
year = {2004}
}
@inproceedings{Stratmann2003,
arxivId = {arXiv:hep-ph/0211317v1},
author = {Stratmann, Marco},
title = {{Spin physics at RHIC}},
year = {2003}
}
@article{Quill2019,
arxivId = {1905.01234},
author = {Quill, Ada},
title = {{Tidal gardens}},
year = {2019}
}
@article{Dale2020,
arxivId = {patent/1234567},
author = {Dale, Bo},
title = {{Kelp under glass}},
year = {2020}
}
"""


def test_mendeley_arxivid_old_style_new_style_and_prefixed() -> None:
    papers = parse_bibtex(MENDELEY, source="mendeley.bib")
    assert [(p.arxiv_id, p.version) for p in papers] == [
        ("hep-ex/0401008", None),
        ("hep-ph/0211317", 1),
        ("1905.01234", None),
        (None, None),
    ]
