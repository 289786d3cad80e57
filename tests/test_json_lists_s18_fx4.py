"""Home-made JSON lists (session 18, helper FX4): a team page's list ({heading, people, since}) names no paper, so it
is refused as a JSON of unknown shape, while a portfolio that writes its bylines under a key of its own is still read;
an APA reference written as one text keeps the DOI or arXiv link that closes it (it was left in the venue, and the
paper had no DOI). Our own small files."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import ParseError


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _load(path: Path) -> paperlab.Library:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return paperlab.load(str(path))


def test_a_team_list_is_no_paper_list(tmp_path: Path) -> None:
    team = [
        {"heading": "Research Team Members", "people": "Ada Quill, Bo Dale, Cy Renn", "since": "2019"},
        {"heading": "Visiting Students Group", "people": "Di Mole and Ed Finch", "since": "2020"},
        {"heading": "Our Friends From Industry", "members": "Fay Lark, Gil Moss", "since": "2021"},
    ]
    with pytest.raises(ParseError, match="unknown shape"):
        _load(_write(tmp_path, "team.json", team))


def test_a_portfolio_byline_is_still_read(tmp_path: Path) -> None:
    portfolio = [
        {"heading": "Lanterns in the Fog for Moth Navigation", "subheading": "Ada Quill, Bo Dale", "date": "2019"},
        {"heading": "Widget Routing at Scale in Small Networks", "subheading": "Cy Renn and Di Mole", "date": "2020"},
    ]
    lib = _load(_write(tmp_path, "pubs.json", portfolio))
    assert [p.title for p in lib] == [x["heading"] for x in portfolio]
    assert [p.authors for p in lib] == [["Ada Quill", "Bo Dale"], ["Cy Renn", "Di Mole"]]


def test_a_link_closing_an_apa_reference_is_its_doi_or_arxiv_id(tmp_path: Path) -> None:
    refs = [
        {
            "text": "Quill, A. B., & Dale, B. (2018). Widget routing at scale. Journal of Widgets, 3(2), 1–10. "
            "https://doi.org/10.5555/widg.2018.3"
        },
        {
            "text": "Renn, C. (2020). Lanterns in the fog. In Proceedings of the Moth Conference (pp. 5-9). "
            "https://doi.org/10.5555/moth.2020.5"
        },
        {"ref": "Vint, C., & Mole, D. (2021). Moths at the window. Widget Letters, 7, 11-19. doi:10.5555/wl.2021.11"},
        {
            "citation": "Finch, E. (2019). A small study of large moths [Preprint]. arXiv. https://arxiv.org/abs/1905.01234"
        },
        {"text": "Remember to buy milk (2024). https://example.org/milk"},
    ]
    lib = _load(_write(tmp_path, "refs.json", refs))
    assert [p.title for p in lib] == [
        "Widget routing at scale",
        "Lanterns in the fog",
        "Moths at the window",
        "A small study of large moths",
    ]  # "Remember to buy milk (2024). <link>": no author before the year, no DOI: no paper (FX5, RV18's L6)
    assert [p.doi for p in lib][:3] == ["10.5555/widg.2018.3", "10.5555/moth.2020.5", "10.5555/wl.2021.11"]
    assert [p.journal_ref for p in lib][:3] == [
        "Journal of Widgets",  # its numbers kept apart (GF2, session 19)
        "Proceedings of the Moth Conference (pp. 5-9)",
        "Widget Letters",
    ]
    assert [lib[0].extra.get("csl"), lib[2].extra.get("csl")] == [
        {"volume": "3", "issue": "2", "page": "1–10"},
        {"volume": "7", "page": "11-19"},
    ]
    assert lib[3].arxiv_id == "1905.01234"
    assert all("milk" not in str(a) for p in lib for a in p.authors)  # no author made of its title
