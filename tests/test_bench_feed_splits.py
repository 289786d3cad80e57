"""bench_feed's splits: burned groups (every group scored as test before) join dev, and a fresh folder's groups are
all test, scored only when asked for. The README files written here are our own."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_feed  # noqa: E402

TOPICS = ("Graph Pruning", "Tiny Robots", "Sparse Audio", "Quiet Lasers")


def _readme(path: Path, topics: tuple[str, ...], first_id: int) -> Path:
    """A DailyArXiv-style README: one section per topic, four papers each over four days."""
    lines = ["## Updated on 2024.01.09", ""]
    for t, topic in enumerate(topics):
        lines += [f"## {topic}", "", "|Publish Date|Title|PDF|", "|---|---|---|"]
        for i in range(4):
            n = first_id + 10 * t + i
            lines.append(f"|2024-01-0{i + 1}|Our {topic.lower()} study number {n}|2401.{n:05d}|")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _args(realdata: Path, **kw: object) -> argparse.Namespace:
    base = dict(realdata=realdata, min_group=3, extra=None, fresh=None, test=False, one_day=False, burned_as_dev=False)
    return argparse.Namespace(**(base | kw))


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    real = tmp_path / "real"
    (real / "fixtures/dailyarxiv_readme").mkdir(parents=True)
    (real / "seeds").mkdir()
    _readme(real / "fixtures/dailyarxiv_readme/ours_readme.md", TOPICS, 100)
    _readme(real / "seeds/daily-arxiv-readme.md", ("Slow Clocks",), 900)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    _readme(fresh / "held_out.md", ("Warm Glass", "Cold Ink"), 500)
    return real, fresh


def test_burned_groups_join_dev_and_the_fresh_groups_are_all_test(tmp_path):
    real, fresh = _corpus(tmp_path)
    recorded = {f"ours: {t}" for t in TOPICS} | {"daily-arxiv-readme.md: Slow Clocks"}
    assert {bench_feed.split(g) for g in recorded} == {"dev", "test"}  # both hash halves are present

    before, _ = bench_feed.splits(_args(real, test=True))
    assert set(before) == {"dev", "test"}
    assert set(before["dev"][0]) | set(before["test"][0]) == recorded and set(before["test"][0])

    parts, every = bench_feed.splits(_args(real, test=True, fresh=fresh))
    assert set(parts) == {"dev", "fresh test"}  # the recorded test groups are burned: no "test" part
    assert set(parts["dev"][0]) == recorded
    groups, papers = parts["fresh test"]
    assert set(groups) == {"held_out:Warm Glass", "held_out:Cold Ink"}  # no hash split
    assert {p.id for p in papers} == {p.id for ps in groups.values() for p in ps}  # the fresh files' own union
    assert len(every) == len(recorded) * 4 + 8


def test_the_fresh_groups_are_not_scored_without_test_and_burned_as_dev_alone(tmp_path):
    real, fresh = _corpus(tmp_path)
    parts, _ = bench_feed.splits(_args(real, fresh=fresh))
    assert set(parts) == {"dev"}
    parts, _ = bench_feed.splits(_args(real, burned_as_dev=True, test=True))
    assert set(parts) == {"dev"} and len(parts["dev"][0]) == len(TOPICS) + 1


def test_extra_folders_repeat_each_against_its_own_papers_and_all_join_dev_when_burned(tmp_path):
    real, fresh = _corpus(tmp_path)
    later = tmp_path / "later"
    later.mkdir()
    _readme(later / "next_year.md", ("Soft Gears", "Loud Moths"), 700)
    parts, every = bench_feed.splits(_args(real, burned_as_dev=True, extra=[fresh, later]))
    assert set(parts) == {"dev", "new-dev", "new2-dev"}
    assert set(parts["new-dev"][0]) == {"held_out:Warm Glass", "held_out:Cold Ink"}
    assert set(parts["new2-dev"][0]) == {"next_year:Soft Gears", "next_year:Loud Moths"}
    assert {p.id for p in parts["new2-dev"][1]} == {p.id for ps in parts["new2-dev"][0].values() for p in ps}
    assert len(every) == (len(TOPICS) + 1) * 4 + 8 + 8
