"""In a notebook, a partial import is a readable warning box, not one long red stderr line (session 20: loading a
BibTeX file with a broken entry, a CSL-JSON file with a record without a title and a schedule with an impossible
date printed "/tmp/ipykernel_…/….py:2: PartialImportWarning: refs/refs.bib: kept 3 records, skipped 2 bad ones:
refs/refs.bib, entry …; refs/refs.bib, entry …" then the calling line, every problem on one line and the file named
twice each time, and nothing said what to do). Now: the file's name once, one line per bad record (where, what was
wrong), and what to do; the warning itself is still raised to code that records it.

Data: made-up files written here (a BibTeX file with an unclosed brace, a CSL-JSON record whose id holds markup).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

import paperlab
from paperlab.errors import PartialImportWarning
from paperlab.magics import load_ipython_extension

BIB = """@article{quill2023tides,
  title = {Tidal Forecasting with Graph Networks},
  author = {Quill, Ada},
  year = {2023}
}

@article{broken2021,
  title = {An entry whose title brace is never closed,
  author = {Nobody, Nemo},
  year = {2021}

@misc{renn2022buoys,
  title = {Buoy Arrays as Sensors},
  author = {Renn, Bo},
  year = {2022}
}
"""

#: shown as a notebook shows it (the test configuration turns it into an error)
pytestmark = pytest.mark.filterwarnings("always::paperlab.errors.PartialImportWarning")

CSL = [
    {"id": "wave-1", "type": "article-journal", "title": "Wave height nowcasting", "issued": {"date-parts": [[2024]]}},
    {"id": "<b>item-2</b>", "type": "article", "issued": {"date-parts": [[2020]]}},
]


@pytest.fixture
def ip(tmp_path: Path):  # type: ignore[no-untyped-def]
    shell = InteractiveShell.instance()
    saved = warnings.showwarning
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "refs.bib").write_text(BIB)
    (folder / "library.json").write_text(json.dumps(CSL))
    shell.run_cell("%load_ext paperlab", store_history=False)
    load_ipython_extension(shell)  # what %load_ext does the first time (pytest put warnings.showwarning back since)
    shell.user_ns["files"] = [str(folder / "refs.bib"), str(folder / "library.json")]
    yield shell
    warnings.showwarning = saved


def _boxes(ip: InteractiveShell, cell: str) -> tuple[list[dict[str, str]], str]:
    with capture_output() as out:
        result = ip.run_cell(cell, store_history=True)
    assert result.success
    return [o.data for o in out.outputs if o.data.get("text/plain", "").startswith("⚠")], out.stderr


def test_a_partial_import_is_one_readable_box_per_file(ip: InteractiveShell, tmp_path: Path) -> None:
    boxes, stderr = _boxes(ip, "import paperlab\nlib = paperlab.load(files)")
    assert "PartialImportWarning" not in stderr and "kept" not in stderr  # no red wall
    assert len(boxes) == 2
    bib = next(b["text/plain"] for b in boxes if "refs.bib" in b["text/plain"])
    lines = bib.splitlines()
    assert lines[0] == "⚠ refs.bib: kept 2 records, skipped 1:"  # the file's name once, not its folder
    assert str(tmp_path) not in bib
    assert lines[1].startswith("  • skipped — entry 'broken2021', line 7: malformed BibTeX entry")
    assert lines[-1] == "To keep the skipped ones, correct them in refs.bib and load it again."
    csl = next(b for b in boxes if "library.json" in b["text/plain"])
    assert "skipped — record 2 ('<b>item-2</b>'): expected a 'title'" in csl["text/plain"]
    assert "<b>item-2</b>" not in csl["text/html"] and "&lt;b&gt;item-2&lt;/b&gt;" in csl["text/html"]
    assert len(ip.user_ns["lib"]) == 3


def test_a_file_that_cannot_be_read_says_to_fix_the_path(ip: InteractiveShell) -> None:
    boxes, _ = _boxes(ip, "import paperlab\nlib = paperlab.load(files[0], 'no-such-file.bib')")
    text = next(b["text/plain"] for b in boxes if b["text/plain"].startswith("⚠ paperlab.load of 2 files"))
    assert "  • skipped — no-such-file.bib: file not found" in text
    assert text.splitlines()[-1] == "To read them, fix the paths or files named and load again."


def test_the_warning_is_still_raised_to_code_that_records_it(ip: InteractiveShell) -> None:
    with pytest.warns(PartialImportWarning, match="broken2021"):
        paperlab.load(ip.user_ns["files"][0])


def test_a_feed_made_offline_is_a_warning_box(ip: InteractiveShell) -> None:
    """``f = paperlab.feed()`` offline printed the same long red line: a box now, the message whole."""
    said = "arXiv listing: offline and not in the cache; Hugging Face daily papers: offline: no new papers to rank"
    ip.user_ns["said"] = said
    cell = (
        "import warnings\nfrom paperlab.errors import SourcesUnreachableWarning as W\nwarnings.warn(W(said, ['arXiv']))"
    )
    boxes, stderr = _boxes(ip, cell)
    assert stderr == "" and [b["text/plain"] for b in boxes] == [f"⚠ {said}"]
