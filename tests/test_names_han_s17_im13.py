"""Short names in Han script (two or three characters, written whole or "Family, Given") are never turned round nor
split, in any importer or export (session 17, helper IM13); our own small files."""

from __future__ import annotations

from paperlab import Library
from paperlab.sources.bibtex import library_to_bibtex, parse_bibtex
from paperlab.sources.csl import parse_csl
from paperlab.sources.json_list import parse_json_list
from paperlab.sources.ris import parse_ris, ris_text

EVIDENCE_ELSEWHERE = """@article{e1, author={张, 伟 and 李, 明}, title={Tidal gardens}, year=2020}
@article{e2, author={伟, A. and 明, B.}, title={Kelp under glass}, year=2020}
@article{e3, author={王, 张 and 赵, 李}, title={Reed beds}, year=2021}
"""


def test_han_comma_names_are_not_turned_round_by_other_entries() -> None:
    papers = {p.extra["bibtex_key"]: p.authors for p in parse_bibtex(EVIDENCE_ELSEWHERE, source="han.bib")}
    assert papers["e1"] == ["张伟", "李明"] and papers["e3"] == ["王张", "赵李"]


def test_latin_names_are_still_turned_round_on_evidence() -> None:
    text = """@article{m1, author={Fabien, Collas and Ekhine, Irurozki}, title={A}, year=2020}
@article{m2, author={Irurozki, E. and Collas, F.}, title={B}, year=2020}
@article{m3, author={Irurozki, Ekhine and Dale, Fabien}, title={C}, year=2021}
"""
    papers = {p.extra["bibtex_key"]: p.authors for p in parse_bibtex(text, source="m.bib")}
    assert papers["m1"] == ["Fabien Collas", "Ekhine Irurozki"]  # turned round: "Irurozki, E." elsewhere


def test_whole_han_names_survive_bibtex_and_ris_round_trips() -> None:
    papers = parse_bibtex("@article{a, author={张伟 and 王小明 and 欧阳娜娜 and 李 明}, title={X}, year=2020}")
    assert papers[0].authors == ["张伟", "王小明", "欧阳娜娜", "李明"]
    assert parse_bibtex(library_to_bibtex(Library(papers)))[0].authors == ["张伟", "王小明", "欧阳娜娜", "李明"]
    assert parse_ris(ris_text(papers))[0].authors == ["张伟", "王小明", "欧阳娜娜", "李明"]


def test_han_names_in_ris_csl_and_json_lists() -> None:
    assert parse_ris("TY  - JOUR\nTI  - T\nAU  - 张伟\nAU  - 王, 小明\nER  - \n")[0].authors == ["张伟", "王小明"]
    csl = [{"type": "article", "title": "T", "author": [{"literal": "张伟"}, {"family": "王", "given": "小明"}]}]
    assert parse_csl(csl)[0].authors == ["张伟", "王小明"]
    listed = parse_json_list([{"title": "T", "authors": "张伟, 王小明"}, {"title": "U", "authors": ["李明"]}])
    assert [p.authors for p in listed] == [["张伟", "王小明"], ["李明"]]
