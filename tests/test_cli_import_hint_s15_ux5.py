"""``paperlab import`` of a file no reader recognises (a researcher's morning, session 15): the error ended with
the Python API's advice "pass format= to choose a reader", which a shell user cannot follow. Now it says the
command's own option ("pass --format FORMAT (see --help) to choose a reader"), alone or among other files, with
the same exit status (1).

File: bytes of our own written here (no paper format); no network is asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlab.cli import main

BIB = "@article{c1, title = {Tone-Aware Tokenization for Vietnamese Speech Recognition}, year = {2026}}\n"


def test_unrecognised_file_points_to_the_format_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "scan.dat"
    odd.write_bytes(b"\x7fELF\x02\x01\x01\x00 not a list of papers \x00\x01")
    assert main(["import", str(odd)]) == 1
    err = capsys.readouterr().err
    assert "unrecognised file format" in err and "pass --format FORMAT (see --help) to choose a reader" in err
    assert "format=" not in err and len(err.strip().splitlines()) == 1
    good = tmp_path / "asr.bib"
    good.write_text(BIB, encoding="utf-8")
    assert main(["import", str(odd), str(good)]) == 1  # the good file is still imported
    out, err = capsys.readouterr()
    assert "pass --format FORMAT (see --help) to choose a reader (not imported)" in err and "format=" not in err
    assert "asr.bib: imported 1 paper" in out
