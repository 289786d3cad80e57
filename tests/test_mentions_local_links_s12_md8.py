"""A reading library's README whose papers are folders of notes beside it, named for the paper ("./topics/Widgets/
[MICRO 2026] Widget-Routing/", "./topics/attention/[Arxiv] 1706.03762/README.md"), and whose topic tables link each
topic's own README: the session 11 round read 8 "papers" for 6 (topic rows and a description cell) and none of the
named ones. A file or folder named by a paper's arXiv id, or by its venue and year in brackets, names that paper;
a table row linking a folder's README is a topic's index, no paper (issue 12; our own page, made-up names)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

PAGE = """# Paper Reading · 个人文献阅读库

## 最近更新

### 2026-08-19 · Widget Benchmark

新增两篇核心批读。

- [From Widgets to Gadgets](./topics/WidgetBenchmark/%5BMICRO%202026%5D%20From-Widgets-to-Gadgets/)
- [EAGLET](./topics/WidgetBenchmark/%5BNat%20Commun%202026%5D%20EAGLET/)

## 研究地图

| Topic | 论文 | 研究重点 |
|---|---:|---|
| [Widget Slide Image Analysis](./topics/Widget-Slide-Image-Analysis/README.md) | 18 | 空间推理与可信评测 |
| [Blind Inverse Problems with Generative Widgets](./topics/Blind-Inverse-Widgets/README.md) | 13 | 盲算子与联合后验采样 |
| [Attention](./topics/attention/%5BArxiv%5D%201706.03762/README.md) | 1 | Attention 机制的基础原理 |
"""


def test_folders_named_for_papers_and_topic_indexes(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(PAGE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("From Widgets to Gadgets", None),
        ("EAGLET", None),
        ("Attention", "1706.03762"),
    ]
