"""``paperlab show`` in an 80-column terminal (a researcher's morning, session 15): the abstract never splits a
hyphenated word across lines ("zero-\\nshot" read as two words), and a long field (a consortium's author list,
many keywords) is wrapped under its value instead of running past the terminal's edge.

Paper: our own BibTeX entry written for this test.
"""

from __future__ import annotations

from itertools import takewhile
from pathlib import Path

import pytest

from paperlab.cli import main

# fifteen distinct made-up people (digits glued to a name are footnote marks, dropped on import: no "Author1")
PEOPLE = [
    ("Okafor", "Ada"),
    ("Bello", "Tunde"),
    ("Eze", "Chiamaka"),
    ("Lima", "Ana"),
    ("Quill", "Dele"),
    ("Dupont", "Jean"),
    ("Lund", "Sigrid"),
    ("Sato", "Haruki"),
    ("Mensah", "Kofi"),
    ("Novak", "Petra"),
    ("Haddad", "Rania"),
    ("Silva", "Rui"),
    ("Kowalska", "Marta"),
    ("Nguyen", "Linh"),
    ("Adeyemi", "Bisi"),
]
AUTHORS = " and ".join(f"{family}, {given}" for family, given in PEOPLE)
ENTRY = (
    "@inproceedings{okafor2022whisper, title = {Whispering Across Dialects: Robust ASR for Yoruba and Igbo},\n"
    f"  author = {{{AUTHORS}}}, year = {{2022}}, booktitle = {{Interspeech}},\n"
    "  doi = {10.21437/Interspeech.2022-999},\n"
    "  abstract = {We collect 120 hours of dialectal speech. Fine-tuning a multilingual model gives a WER of 18.3 "
    "on Yoruba and 21.7 on Igbo, a relative gain of 22\\% over the zero-shot baseline.}}\n"
)


def test_show_wraps_at_80_columns_with_words_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    bib = tmp_path / "asr.bib"
    bib.write_text(ENTRY, encoding="utf-8")
    assert main(["show", "okafor2022whisper", "--corpus", str(bib)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80, out
    assert any("zero-shot" in line for line in lines), out  # never "zero-" / "shot"
    assert not any(line.endswith("-") for line in lines), out
    authors = [i for i, line in enumerate(lines) if line.startswith("authors: Ada Okafor, Tunde Bello, ")]
    assert authors and lines[authors[0] + 1].startswith(" " * 9), out  # wrapped under the value
    names = {f"{given} {family}" for family, given in PEOPLE}
    rows = [lines[authors[0]].removeprefix("authors: ")]
    rows += [line[9:] for line in takewhile(lambda line: line.startswith(" " * 9), lines[authors[0] + 1 :])]
    listed = [name.strip() for row in rows for name in row.split(",") if name.strip()]
    assert listed == [f"{given} {family}" for family, given in PEOPLE] and set(listed) == names, out  # none split
    assert "doi.org/10.21437/Interspeech.2022-999" in out  # the URL whole
