"""The note of a work listed twice in one BibTeX file names the file once (session 22, a researcher's own file:
'… — keys tanaka2023diffusion, tanaka_dup (mine.bib, tanaka2023diffusion, line 19 and mine.bib, tanaka_dup,
line 29)' said the file twice and each key a second time). Now: '… — keys tanaka2023diffusion, tanaka_dup (line 19
and line 29)' under the heading 'mine.bib: 1 work listed twice …'. A work merged across two files keeps its places
whole (each names its file).

Data: BibTeX written here (made-up papers).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from paperlab.magics import load_ipython_extension

MINE = """@inproceedings{tanaka2023diffusion,
  title = {Diffusion Priors for Array Calibration},
  author = {Tanaka, Yui and Okafor, Chidi},
  booktitle = {Proceedings of the Pretend Conference on Arrays},
  year = {2023},
  eprint = {2303.99901},
  archiveprefix = {arXiv}
}

@misc{tanaka_dup,
  title = {Diffusion priors for array calibration},
  author = {Tanaka, Y. and Okafor, C.},
  year = {2023},
  eprint = {2303.99901},
  archiveprefix = {arXiv}
}
"""

THEIRS = """@article{okafor_arrays,
  title = {Diffusion Priors for Array Calibration},
  author = {Tanaka, Yui and Okafor, Chidi},
  year = {2023},
  eprint = {2303.99901}
}
"""


@pytest.fixture
def ip(tmp_path: Path):  # type: ignore[no-untyped-def]
    shell = InteractiveShell.instance()
    saved = warnings.showwarning
    (tmp_path / "mine.bib").write_text(MINE)
    (tmp_path / "theirs.bib").write_text(THEIRS)
    shell.run_cell("%load_ext paperlab", store_history=False)
    load_ipython_extension(shell)
    shell.user_ns["folder"] = str(tmp_path)
    yield shell
    warnings.showwarning = saved
    for name in ("mine", "both", "folder"):  # the shell is shared: the other magics tests see its names
        shell.user_ns.pop(name, None)


def _notes(ip: InteractiveShell, cell: str) -> list[str]:
    with capture_output() as out:
        assert ip.run_cell(cell, store_history=True).success
    return [o.data["text/plain"] for o in out.outputs if "merged into one paper" in o.data.get("text/plain", "")]


def test_the_merge_note_names_the_file_once_and_each_key_once(ip: InteractiveShell) -> None:
    (note,) = _notes(ip, "import paperlab\nmine = paperlab.load(folder + '/mine.bib')")
    assert note.startswith("ℹ mine.bib: 1 work listed twice, merged into one paper each (lib.merges lists them)")
    line = note.splitlines()[1]
    assert line.endswith(
        "Diffusion Priors for Array Calibration — keys tanaka2023diffusion, tanaka_dup (line 1 and line 10)"
    )
    assert note.count("mine.bib") == 1 and note.count("tanaka_dup") == 1


def test_a_work_merged_across_two_files_keeps_each_place_whole(ip: InteractiveShell) -> None:
    (note,) = _notes(ip, "import paperlab\nboth = paperlab.load(folder + '/theirs.bib', folder + '/mine.bib')")
    # since s23 (UX13) the work's two merges are one line under 'mine.bib: 1 work listed 3 times' (it said '2 works
    # listed twice', one line per merge, for this one work); each place still names its file
    assert note.startswith("ℹ mine.bib: 1 work listed 3 times, merged into one paper each"), note
    assert (
        "(theirs.bib, okafor_arrays, line 1 and mine.bib, tanaka2023diffusion, line 1 and mine.bib, tanaka_dup, line 10)"
        in note
    )
