"""``paperlab list | head`` (walkthrough #7): a reader that closes standard output early ends the command quietly
(no "paperlab: error: [Errno 32] Broken pipe", no traceback), with the shell's status for a broken pipe.

The store holds 2,000 papers made up here (more output than a pipe buffers), imported from our own JSONL file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from paperlab import Library, Paper
from paperlab.cli import main


def test_a_reader_that_hangs_up_ends_the_listing_quietly(tmp_path: Path) -> None:
    papers = [
        Paper(f"Folding schedule number {i} for sparse origami sheets", arxiv_id=f"2401.{i:05d}") for i in range(2000)
    ]
    Library(papers).save(str(tmp_path / "many.jsonl"))
    assert main(["import", str(tmp_path / "many.jsonl")]) == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "paperlab.cli", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert first.strip(), "the listing started"
    assert err == "", err
    assert code == 141  # 128 + SIGPIPE, as `cat` killed by the broken pipe
