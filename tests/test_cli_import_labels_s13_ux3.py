"""``paperlab import`` says what it read in a reader's terms (R5, session 12: a one-paper note came out as
"(dailyarxiv)", the name of the table reader that read it): a markdown paper list, a reading-group schedule, a paper
table, notes, BibTeX, never the internal reader's name. Files: our own small hand-written ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import READ_AS, main
from paperlab.sources import FORMATS

FILES = {
    "list.md": (
        "# Reading list\n\n1. [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
        "2. [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)\n",
        "imported 2 papers (markdown paper list)",
    ),
    "schedule.md": (
        "| Date | Presenter | Paper |\n|------|-----------|-------|\n"
        "| 2026-01-08 | Ada | [Attention Is All You Need](https://arxiv.org/abs/1706.03762) |\n"
        "| 2026-01-15 | Bob | [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980) |\n",
        "imported 2 papers (reading-group schedule)",
    ),
    "digest.md": (
        "## Diffusion\n\n| **Title** | **Date** | **Abstract** | **Comment** |\n| --- | --- | --- | --- |\n"
        "| **[Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)** | 2020-06-19 | "
        "<details><summary>Show</summary><p>We present image synthesis results.</p></details> |  |\n",
        "imported 1 paper (markdown paper table)",
    ),
    "note.md": (
        "# Notes on Adam\n\nRead [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980) "
        "for Thursday.\nThe bias correction matters early in training.\n",
        "imported 1 paper (papers found in markdown)",
    ),
    "refs.bib": (
        "@article{adam, title={Adam: A Method for Stochastic Optimization}, author={Kingma, Diederik and Ba, Jimmy},"
        " year={2014}, eprint={1412.6980}, archivePrefix={arXiv}}\n",
        "imported 1 paper (BibTeX)",
    ),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_import_names_what_it_read_in_a_readers_terms(name: str, tmp_path: Path, capsys) -> None:
    text, said = FILES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: {said}\n" in out, out
    assert not any(f"({fmt}" in out for fmt in FORMATS if fmt not in ("ris", "csv")), out


def test_every_format_has_a_readers_name() -> None:
    assert set(READ_AS) == set(FORMATS)
    assert all(label != fmt or fmt == "ris" for fmt, label in READ_AS.items())
