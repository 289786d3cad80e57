"""Keyless BibTeX entries are named by their line; the lines stay right across many entries and around an e-mail
address's "@" (the key supply counts lines on from the last entry instead of from the top of the file each time)."""

from __future__ import annotations

from paperlab.sources.bibtex.blocks import supply_keys


def test_every_keyless_entry_is_named_by_its_own_line() -> None:
    entries = [f"@misc{{\n  title = {{Paper {i}}},\n  year = 2020\n}}\n\n" for i in range(300)]
    entries.insert(7, "@article{kept,\n  author = {Ada Quill},\n  note = {mail ada@example.org}\n}\n\n")
    text, given = supply_keys("".join(entries))
    lines = [line for _, line in given]
    assert len(given) == 300
    assert lines[:8] == [1, 6, 11, 16, 21, 26, 31, 41]  # the keyed entry (5 lines) and its "@" are skipped
    assert lines[-1] == 5 * 300 + 1 and given[-1][0] == f"keyless-line-{5 * 300 + 1}"
    assert text.count("keyless-line-") == 300 and "@article{kept," in text
