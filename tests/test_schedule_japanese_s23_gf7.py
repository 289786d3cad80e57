"""A Japanese journal club's table (日時 | 発表者 | 論文名 | スライド等) with days written 'YYYY年M月D日(土)' is a
schedule: each meeting dated, its presenter and its paper kept, the '(KDD2016)' written after a linked title its
venue and year, not part of the title. Our own made-up file in the shape of a lab's paper-reading page (session
22's blind round, now dev)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import paperlab
from paperlab.sources import detect_format

PAGE = """---
layout: page
title: 論文読み会
---

#### これまでの内容

| 日時 | 発表者 | 論文名 | スライド等 |
|------|------|------|------|
| 2016年7月16日(土) 13:00~ | 野沢 | [Widget rings for gadget graphs](http://arxiv.org/abs/1601.01705) (KDD2016) | [資料](http://example.org/s1) |
| 2016年8月8日(月) | 福田 | [Sparse gadget attacks on widgets](http://example.org/p2.pdf) (NAACL 2016) | |
"""


def test_japanese_dates_presenters_and_papers(tmp_path: Path) -> None:
    path = tmp_path / "journal_club.md"
    path.write_text(PAGE, encoding="utf-8")
    assert detect_format(path) == "schedule"
    meetings = list(paperlab.Schedule.from_file(path))
    assert [m.date for m in meetings] == [dt.date(2016, 7, 16), dt.date(2016, 8, 8)]
    assert [m.presenters for m in meetings] == [["野沢"], ["福田"]]
    papers = [p for m in meetings for p in m.papers]
    assert [p.title for p in papers] == ["Widget rings for gadget graphs", "Sparse gadget attacks on widgets"]
    assert [p.venue for p in papers] == ["KDD", "NAACL"]
    assert papers[0].arxiv_id == "1601.01705"
