"""``paperlab show`` lines its values up in one column whatever labels the paper has (session 19's CLI day: the
label column was sized for "authors:", so "keywords: …" started one column later than the other values and its
wrapped lines one column before its first one; "presented:" two).

Paper: our own BibTeX entry written for this test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main

ENTRY = (
    "@article{quill2024draft, title = {Draft-and-Verify: Speculative Decoding with Tiny Drafters},\n"
    "  author = {Quill, Ada and Bello, Tunde}, year = {2024}, journal = {Journal of Pretend Machine Learning},\n"
    "  keywords = {speculative decoding, large language models, inference acceleration, drafting, verification,"
    " token trees, parallel decoding},\n"
    "  abstract = {A tiny drafter proposes tokens and the target model verifies them.}}\n"
)


def _value_columns(lines: list[str]) -> set[int]:
    """Where each labelled line's value starts, and where each wrapped line's text starts."""
    starts = set()
    for line in lines:
        if line.startswith(" "):
            starts.add(len(line) - len(line.lstrip(" ")))
        elif ": " in line and line.split(":", 1)[0].isalpha():
            label, rest = line.split(":", 1)
            starts.add(len(label) + 1 + len(rest) - len(rest.lstrip(" ")))
    return starts


def test_every_value_of_show_starts_in_one_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    bib = tmp_path / "draft.bib"
    bib.write_text(ENTRY, encoding="utf-8")
    assert main(["show", "quill2024draft", "--corpus", str(bib)]) == 0
    out = capsys.readouterr().out
    head = out.split("\n\n")[1].splitlines()  # the labelled fields, between the title and the abstract
    assert head[0].startswith("id:") and any(line.startswith("keywords: ") for line in head), out
    assert any(line.startswith(" ") for line in head), out  # the keywords wrapped at 60 columns
    assert _value_columns(head) == {10}, out
    assert "date:     2024\n" in out and "keywords: speculative decoding, " in out
