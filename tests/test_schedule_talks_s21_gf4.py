"""Schedules of talks that name no paper, refused whole in a blind round (session 20): a study group's pipe table
headed in Chinese (speaker, topic, time, status, recording) with 'YYYY/MM/DD HH:MM' times and '待定' (to be decided)
rows, and a user group's header-less TSV where a 'YYYY-MM-DD<TAB>place' line opens each meeting and
'title<TAB>speaker' lines follow. Both are schedules of meetings now: the talks are the meetings' topics, the speakers
their presenters, and ``load()`` says the schedule names no paper. Our own made-up files in the same shapes."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import paperlab
from paperlab import Schedule
from paperlab.errors import MeetingsOnlyWarning
from paperlab.sources import detect_format

TALK_TABLE = """## 日程表

|  演讲者   |   主题   |   时间   | 状态 | 录屏 |
| :-------: | :------: | :------: | :--: | :--: |
| QuillAda |  缓存 失效  | 2022/03/04 20:00 |  ✅   |      |
|   RennBo   |  路由与状态    | 2022/03/11 20:00 |  ✅   |  [路由](https://video.example.org/v/123)  |
| QuillAda | 组件测试 | 待定 |  ❌   |      |
| 待定 | 构建工具对比 | 待定 |  ❌   |      |
"""

GROUPED_TSV = (
    "2019-05-16\tHall B\n"
    "Widget routing at scale\tAda Quill\n"
    "Sprockets, gears and caches\tBo Renn\n"
    "2019-02-21\tThe Old Library\n"
    "Testing legacy widgets\tCleo Sato\n"
    "A primer on gadgets\tAda Quill\n"
    "Why we stopped mocking\tDan van Moss\n"
)


def test_talk_table_without_papers_is_a_schedule_of_meetings(tmp_path: Path) -> None:
    path = tmp_path / "schedule.md"
    path.write_text(TALK_TABLE, encoding="utf-8")
    assert detect_format(path) == "schedule"
    meetings = Schedule.from_file(path).meetings
    assert [(m.date, m.presenters, m.note) for m in meetings] == [
        (dt.date(2022, 3, 4), ["QuillAda"], "缓存 失效"),
        (dt.date(2022, 3, 11), ["RennBo"], "路由与状态"),
        (None, ["QuillAda"], "组件测试"),
        (None, [], "构建工具对比"),  # "待定": nobody named yet
    ]
    assert all(m.papers == [] and not m.skipped for m in meetings)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(paperlab.load(path)) == 0
    assert any(issubclass(w.category, MeetingsOnlyWarning) and "4 meetings" in str(w.message) for w in caught)


def test_headerless_tsv_of_dated_groups_of_talks_is_one_meeting_per_group(tmp_path: Path) -> None:
    path = tmp_path / "meetings.tsv"
    path.write_text(GROUPED_TSV, encoding="utf-8")
    meetings = Schedule.from_file(path).meetings
    assert [(m.date, m.presenters) for m in meetings] == [
        (dt.date(2019, 5, 16), ["Ada Quill", "Bo Renn"]),
        (dt.date(2019, 2, 21), ["Cleo Sato", "Ada Quill", "Dan van Moss"]),
    ]
    assert meetings[0].note == "Widget routing at scale; Sprockets, gears and caches"
    assert meetings[1].extra.get("Place") == "The Old Library"
    assert all(m.papers == [] for m in meetings)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(paperlab.load(path)) == 0
    assert any(issubclass(w.category, MeetingsOnlyWarning) for w in caught)


def test_headerless_tsv_without_speakers_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.tsv"
    path.write_text("2019-05-16\t12\n3.5\t4.1\n2019-05-17\t13\n3.6\t4.0\n", encoding="utf-8")
    try:
        Schedule.from_file(path)
    except paperlab.errors.ParseError as exc:
        assert "expected a schedule" in str(exc)
    else:
        raise AssertionError("a log of numbers read as meetings")


READING_GROUP = """## 读书会安排

| 日期 | 主讲人 | 主题 |
| --- | --- | --- |
| 2024-03-01 | 张三 | Widget Routing Is All You Need |
| 2024-03-08 | 李四 | Deep Residual Gadgets for Sprocket Recognition |
"""


def test_reading_group_table_headed_in_chinese_names_its_papers(tmp_path: Path) -> None:
    path = tmp_path / "schedule.md"  # '主讲人' is a presenter (as 'Presenter'), not a seminar's speaker
    path.write_text(READING_GROUP, encoding="utf-8")
    meetings = Schedule.from_file(path).meetings
    assert [(m.presenters, [p.title for p in m.papers]) for m in meetings] == [
        (["张三"], ["Widget Routing Is All You Need"]),
        (["李四"], ["Deep Residual Gadgets for Sprocket Recognition"]),
    ]
