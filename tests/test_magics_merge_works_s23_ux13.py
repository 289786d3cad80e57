"""The note of a BibTeX file's merged entries counts works, not merges (session 23, UX12's leftover: '2 works listed
twice'). A work listed under three keys is two merges of two records: the note said '3 works listed twice' for a file
holding two works, one of them under three keys, and gave that work two lines. Now: 'refs.bib: 2 works listed more
than once, …', one line per work with all its keys and lines ('keys a1, a2, a3 (line 1, line 8 and line 15)').

Data: BibTeX written here (made-up papers).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from paperlab.magics import load_ipython_extension

LANTERNS = """@article{{{key},
  title = {{Lanterns in the Fog: Calibrating Small Language Models}},
  author = {{Quill, Ada and Moreno, Tess}},
  year = {{2021}},
  eprint = {{2101.99901}},
  archiveprefix = {{arXiv}}
}}
"""
TIDES = """@article{{{key},
  title = {{Tides of Tokens: Retrieval for Long Documents}},
  author = {{Ferro, Lin}},
  year = {{2023}},
  doi = {{10.5555/tides.2023}}
}}
"""


@pytest.fixture
def ip(tmp_path: Path):  # type: ignore[no-untyped-def]
    shell = InteractiveShell.instance()
    saved = warnings.showwarning
    three = "\n".join(LANTERNS.format(key=k) for k in ("a1", "a2", "a3"))
    (tmp_path / "refs.bib").write_text(three + "\n" + "\n".join(TIDES.format(key=k) for k in ("b1", "b2")))
    (tmp_path / "pairs.bib").write_text(
        "\n".join([*(LANTERNS.format(key=k) for k in ("a1", "a2")), *(TIDES.format(key=k) for k in ("b1", "b2"))])
    )
    shell.run_cell("%load_ext paperlab", store_history=False)
    load_ipython_extension(shell)
    shell.user_ns["folder"] = str(tmp_path)
    yield shell
    warnings.showwarning = saved
    for name in ("refs", "pairs", "folder"):  # the shell is shared: the other magics tests see its names
        shell.user_ns.pop(name, None)


def _note(ip: InteractiveShell, cell: str) -> str:
    with capture_output() as out:
        assert ip.run_cell(cell, store_history=True).success
    (note,) = [o.data["text/plain"] for o in out.outputs if "merged into one paper" in o.data.get("text/plain", "")]
    return note


def test_a_work_under_three_keys_is_one_work_in_the_note(ip: InteractiveShell) -> None:
    note = _note(ip, "import paperlab\nrefs = paperlab.load(folder + '/refs.bib')")
    assert ip.user_ns["refs"].__len__() == 2
    head, *lines = note.splitlines()
    assert head == "ℹ refs.bib: 2 works listed more than once, merged into one paper each (lib.merges lists them):"
    assert len(lines) == 2, note
    assert lines[0].endswith(
        "Lanterns in the Fog: Calibrating Small Language Models — keys a1, a2, a3 (line 1, line 9 and line 17)"
    ), note
    assert lines[1].endswith("Tides of Tokens: Retrieval for Long Documents — keys b1, b2 (line 25 and line 32)"), note


def test_two_works_each_listed_twice(ip: InteractiveShell) -> None:
    note = _note(ip, "import paperlab\npairs = paperlab.load(folder + '/pairs.bib')")
    assert note.startswith("ℹ pairs.bib: 2 works listed twice each, merged into one paper each"), note
    assert len(note.splitlines()) == 3
