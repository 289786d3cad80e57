"""PubMed's dates and names in RIS files written from PubMed records (session 17, helper IM13): the MEDLINE ``DP``
date ("2019 Mar 12", "2019 Spring", "2019 Mar-Apr") read at the precision it gives, and ``AU`` names in PubMed's
"Family INITIALS" read so even where their capitals or particles would look otherwise. Our own small files."""

from __future__ import annotations

import datetime as dt

import pytest

from paperlab.dates import medline_date
from paperlab.sources.ris import parse_ris


def _record(dp: str, *, db: str = "PubMed", authors: tuple[str, ...] = ("Quill A",), extra: str = "") -> str:
    lines = ["TY  - JOUR", "TI  - Tidal gardens at night."] + [f"AU  - {a}" for a in authors]
    lines += [
        "JO  - Journal of quiet places",
        f"DP  - {dp}" if dp else "",
        extra,
        f"DB  - {db}" if db else "",
        "ER  - ",
    ]
    return "\n".join(line for line in lines if line) + "\n"


@pytest.mark.parametrize(
    ("dp", "date", "precision"),
    [
        ("2026", dt.date(2026, 1, 1), "year"),
        ("2026 Feb 15", dt.date(2026, 2, 15), "day"),
        ("2019 Mar", dt.date(2019, 3, 1), "month"),
        ("2019 Mar 12-18", dt.date(2019, 3, 1), "month"),
        ("2019 Mar-Apr", dt.date(2019, 1, 1), "year"),
        ("2019 Spring", dt.date(2019, 1, 1), "year"),
        ("2018 Dec-2019 Jan", dt.date(2018, 1, 1), "year"),
    ],
)
def test_medline_dp_dates_keep_their_precision(dp: str, date: dt.date, precision: str) -> None:
    (paper,) = parse_ris(_record(dp), source="pubmed.ris")
    assert paper.published == date
    assert paper.extra.get("date_precision", "day") == precision


def test_dp_as_a_database_provider_is_no_date() -> None:
    (paper,) = parse_ris(_record("NLM", db=""), source="x.ris")
    assert paper.published is None


def test_dp_beside_py_agrees_on_the_year_and_gives_the_day() -> None:
    (paper,) = parse_ris(_record("2020 Jun 3", extra="PY  - 2020"), source="x.ris")
    assert paper.published == dt.date(2020, 6, 3)


def test_pubmed_names_with_particles_and_vowel_initials_are_vancouver() -> None:
    names = ("Prates JDS", "Hansel LA", "Cavalcanti ACD", "de Almeida Neto OP", "do Nascimento Ceratti R", "Brum ID")
    (paper,) = parse_ris(_record("2026 Jan 16", authors=names), source="pubmed.ris")
    assert paper.authors == [
        "JDS Prates",
        "LA Hansel",
        "ACD Cavalcanti",
        "OP de Almeida Neto",
        "R do Nascimento Ceratti",
        "ID Brum",
    ]


def test_names_of_a_record_not_from_pubmed_keep_the_evidence_rule() -> None:
    (paper,) = parse_ris(_record("", db="", authors=("Jun ZHU", "Wei ZHANG"), extra="PY  - 2020"), source="x.ris")
    assert paper.authors == ["Jun ZHU", "Wei ZHANG"]  # given name first, as written (not turned round)


def test_pubmed_comma_names_unchanged() -> None:
    (paper,) = parse_ris(_record("2009 Jul 15", authors=("Li, Heng", "Durbin, Richard")), source="pubmed.ris")
    assert paper.authors == ["Heng Li", "Richard Durbin"]


def test_medline_date_parts() -> None:
    assert medline_date("2019 Mar 30-Apr 5") == (2019, None, None)
    assert medline_date("2019 Feb 30") == (2019, 2, None)
    assert medline_date("Spring") is None and medline_date("") is None
