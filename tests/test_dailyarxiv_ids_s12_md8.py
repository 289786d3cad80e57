"""Paper tables naming their papers' arXiv ids where the session 11 test round did not look (issue 12; our own
tables, made-up titles and ids):

* a Japanese daily page "| 論文 | 一言 |" whose short names link the group's own notes, files named by the paper's
  id ("papers/2604.01234-widget-routing.md"): refused before ("no paper table found"), 0 of its ids read;
* Chinese topic tables "| 论文 | 会议 | 方法特点 |" whose venue cell is "arXiv 2507.01234" and whose links go to
  folders "[Arxiv 2505.01234] Name": the id sat in the venue and in the folder's name (1 of 13 read), and a title
  cell with a mark before its link ("⭐ [Survey](…)") kept the markdown as the title.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

DAILY_JA = """# arXiv AI Papers

## 2026-04-14 注目論文

### 📚 cs.IR（情報検索）

| 論文 | 一言 |
|------|------|
| [Widget Routing](papers/2604.01234-widget-routing-for-retrieval.md) | SIGIR 2026採択、検索目的を再定義 |
| [GadgetRank](papers/2604.05678-gadgetrank-document-ranking.md) | ACL 2026、順序感度を低減 |

### 🧠 cs.LG（機械学習）

| 論文 | 一言 |
|------|------|
| [SafeWidget](papers/2604.04321v2-safewidget-policy-updates.md) | 安全RLの保証付き方策更新 |
"""

TOPICS_ZH = """# Paper Reading 📚

## 课题列表

### 📊 Widget Compression

| 论文 | 会议 | 方法特点 |
|------|------|----------|
| ⭐ [Survey](./Widget-Compression/%5BArxiv%202507.01234%5D%20Survey-Widget/) | arXiv 2507.01234 | **综述** - 50+ 方法 |
| [FastWidget](./Widget-Compression/%5BECCV%202024%5D%20FastWidget/) | ECCV 2024 | 第 2 层后固定剪枝 |
| [WScan](./Widget-Compression/%5BArxiv%202505.01234%5D%20WScan/) | TMLR 2026 | 两阶段 Scan |
| [ShortWidget](./Widget-Compression/%5BNeurIPS%202025%5D%20ShortWidget/) | arXiv 2403.01234 | Bypass 范式 |
"""


def _load(tmp_path: Path, name: str, text: str) -> list[paperlab.Paper]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_notes_named_by_the_papers_arxiv_id(tmp_path: Path) -> None:
    papers = _load(tmp_path, "index.md", DAILY_JA)
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Widget Routing", "2604.01234"),
        ("GadgetRank", "2604.05678"),
        ("SafeWidget", "2604.04321"),
    ]
    assert papers[2].version == 2  # "2604.04321v2-…"
    assert papers[0].comment == "SIGIR 2026採択、検索目的を再定義"  # the one-line remark column


def test_ids_in_venue_cells_and_folder_names(tmp_path: Path) -> None:
    papers = _load(tmp_path, "README.md", TOPICS_ZH)
    got = [(p.title, p.arxiv_id, p.journal_ref) for p in papers]
    assert got == [
        ("Survey", "2507.01234", None),
        ("FastWidget", None, "ECCV 2024"),
        ("WScan", "2505.01234", "TMLR 2026"),
        ("ShortWidget", "2403.01234", None),  # the venue cell names the id: no venue
    ]


def test_a_venue_cell_with_a_year_dates_a_paper_without_id(tmp_path: Path) -> None:
    """A row with no date column and no arXiv id is dated by its venue's year ("ECCV 2024"), at year precision;
    an arXiv id's month stands where there is one."""
    papers = _load(tmp_path, "README.md", TOPICS_ZH)
    got = [(p.published.isoformat() if p.published else None, p.extra.get("date_precision")) for p in papers]
    assert got == [("2025-07-01", "month"), ("2024-01-01", "year"), ("2025-05-01", "month"), ("2024-03-01", "month")]
