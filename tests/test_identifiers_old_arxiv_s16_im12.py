"""Old-style arXiv ids (archive/YYMMNNN, 1991 to March 2007: ``hep-ph/9901234``, ``math.AG/0601001``,
``cs/0112017``) recognised wherever new-style ids are (session 16, helper IM12): a value that is only an id, the
month an id dates an undated paper to, and every importer's fields (BibTeX ``eprint``/``journal``/``note``/``url``,
RIS ``UR``/``N1``, CSL ``note``/``URL``) on our own small files in tests/data/import_s16_im12/.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.date_precision import arxiv_id_month
from paperlab.identifiers import (
    arxiv_alone,
    arxiv_id_value,
    is_bare_arxiv_id,
    lone_arxiv_id,
    normalize_arxiv_id,
    parse_reference,
)

DATA = Path(__file__).parent / "data" / "import_s16_im12"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("hep-ph/9901234", ("hep-ph/9901234", None)),
        ("arXiv:math.AG/0601001", ("math.AG/0601001", None)),
        ("cs/0112017v2", ("cs/0112017", 2)),
        ("https://arxiv.org/abs/hep-th/9711200", ("hep-th/9711200", None)),
        ("arXiv:math-ph/0512079 [math-ph]", ("math-ph/0512079", None)),
    ],
)
def test_old_style_ids_are_read_like_new_style_ones(text: str, found: tuple[str, int | None]) -> None:
    assert normalize_arxiv_id(text) == found
    assert parse_reference(text).arxiv_id == found[0]
    assert arxiv_id_value("see hep-ph/9901234 there") is None


def test_a_value_that_is_only_an_old_style_id() -> None:
    assert arxiv_id_value(" arXiv:hep-ph/9901234v2 ") == "hep-ph/9901234v2"
    assert arxiv_id_value("q-bio.NC/0401001") == "q-bio.NC/0401001"
    assert lone_arxiv_id("cond-mat/0410550") == ("cond-mat/0410550", None)
    assert arxiv_alone("arXiv preprint arXiv:hep-th/9901001.") == ("hep-th/9901001", None)
    assert is_bare_arxiv_id("astro-ph/0601001") and is_bare_arxiv_id("2401.01234")
    assert not is_bare_arxiv_id("astro-ph/0601001v2")


def test_an_old_style_id_dates_to_its_month() -> None:
    month = arxiv_id_month("hep-th/9901001")
    assert month is not None and month[0] == dt.date(1999, 1, 1) and month[1]["date_precision"] == "month"
    assert arxiv_id_month("cs/0112017")[0] == dt.date(2001, 12, 1)  # type: ignore[index]
    assert arxiv_id_month("math/0703001")[0] == dt.date(2007, 3, 1)  # type: ignore[index]
    assert arxiv_id_month("cs/0712001") is None  # old style ended in March 2007
    assert arxiv_id_month("hep-th/9105001") is None  # arXiv began in August 1991


@pytest.mark.parametrize("name", ["old_arxiv_ids.bib", "old_arxiv_ids.ris", "old_arxiv_ids_csl.json"])
def test_every_importer_reads_old_style_ids(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        papers = paperlab.load(DATA / name)
    expected = {
        "old_arxiv_ids.bib": {"hep-ph/9901234", "math.AG/0601001", "cs/0112017", "hep-th/9711200"},
        "old_arxiv_ids.ris": {"cond-mat/0410550", "math-ph/0512079"},
        "old_arxiv_ids_csl.json": {"astro-ph/0601001", "hep-lat/9801001"},
    }[name]
    assert {p.arxiv_id for p in papers} == expected
