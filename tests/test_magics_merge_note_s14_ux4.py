"""In a notebook (``%load_ext paperlab``), the records :func:`paperlab.load` merges are said as a readable note,
once per file and calling line, not as a red stderr warning on every re-read (session 13: re-running the cell that
loads a BibTeX file with one work under two keys showed the same red "MergedRecordsWarning" box each time).

Data: a BibTeX file written here (one work under two keys, a title with markup in it).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

import paperlab
from paperlab.errors import MergedRecordsWarning
from paperlab.magics import load_ipython_extension

BIB = """@article{ho2020ddpm,
  title = {Denoising Diffusion <b>Probabilistic</b> Models},
  author = {Ho, Jonathan and Jain, Ajay and Abbeel, Pieter},
  year = {2020},
  eprint = {2006.11239}
}
@inproceedings{ho2020denoising,
  title = {Denoising diffusion <b>probabilistic</b> models},
  author = {Ho, Jonathan and Jain, Ajay and Abbeel, Pieter},
  booktitle = {NeurIPS},
  year = {2020}
}
@article{song2021score,
  title = {Score-Based Generative Modeling through Stochastic Differential Equations},
  author = {Song, Yang and Ermon, Stefano},
  year = {2021},
  eprint = {2011.13456}
}
"""


@pytest.fixture
def ip(tmp_path: Path):  # type: ignore[no-untyped-def]
    shell = InteractiveShell.instance()
    saved = warnings.showwarning
    (tmp_path / "reading.bib").write_text(BIB)
    shell.run_cell("%load_ext paperlab", store_history=False)
    load_ipython_extension(shell)  # what %load_ext does the first time (pytest put warnings.showwarning back since)
    shell.user_ns["bib"] = str(tmp_path / "reading.bib")
    yield shell
    warnings.showwarning = saved


def _run(ip: InteractiveShell, cell: str):  # type: ignore[no-untyped-def]
    with capture_output() as out:
        result = ip.run_cell(cell, store_history=True)
    assert result.success
    return out


def test_a_merge_is_a_note_said_once_per_file_and_line(ip: InteractiveShell) -> None:
    cell = "import paperlab\nlib = paperlab.load(bib)"
    first = _run(ip, cell)
    assert "MergedRecordsWarning" not in first.stderr and "Warning" not in first.stderr
    notes = [o.data for o in first.outputs if "reading.bib" in o.data.get("text/plain", "")]
    assert len(notes) == 1
    text, page = notes[0]["text/plain"], notes[0]["text/html"]
    assert "reading.bib: 1 work listed twice, merged into one paper each (lib.merges lists them)" in text
    assert "keys ho2020ddpm, ho2020denoising" in text and "line 1" in text and "line 7" in text
    assert "<b>" not in page and "&lt;b&gt;" in page  # a title is text, also in HTML
    assert len(ip.user_ns["lib"]) == 2 and len(ip.user_ns["lib"].merges) == 1

    again = _run(ip, cell)  # the same cell re-run: nothing more said
    assert not [o for o in again.outputs if "reading.bib" in o.data.get("text/plain", "")]
    assert "Warning" not in again.stderr
    other = _run(ip, "other = paperlab.load(bib)")  # another call: said there once
    assert len([o for o in other.outputs if "reading.bib" in o.data.get("text/plain", "")]) == 1


NOTE = """# Notes on sampling speed

- DDIM (arXiv:2010.02502) gets 10-50x fewer steps without retraining.
- Progressive distillation (arXiv:2202.00512): 4 steps, FID 3.0 on CIFAR-10.
"""


def test_a_file_read_by_the_paper_finder_is_a_note_said_once(ip: InteractiveShell, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(NOTE)
    ip.user_ns["note"] = str(tmp_path / "note.md")
    cell = "import paperlab\nnotes = paperlab.load(note)"
    first = _run(ip, cell)
    assert "Warning" not in first.stderr
    said = [o.data["text/plain"] for o in first.outputs if "note.md" in o.data.get("text/plain", "")]
    assert len(said) == 1 and "generic paper finder" in said[0] and "2 papers found" in said[0]
    assert str(tmp_path) not in said[0]  # the file's name, not its folder
    assert not [o for o in _run(ip, cell).outputs if "note.md" in o.data.get("text/plain", "")]


def test_the_warning_is_still_raised_to_code_that_records_it(ip: InteractiveShell, tmp_path: Path) -> None:
    with pytest.warns(MergedRecordsWarning, match="ho2020denoising"):
        paperlab.load(tmp_path / "reading.bib")


def test_other_warnings_show_as_before(ip: InteractiveShell) -> None:
    with capture_output() as out, pytest.warns(UserWarning, match="plain note from the user") as caught:
        warnings.showwarning(UserWarning("plain note from the user"), UserWarning, "cell.py", 2)
    assert len(caught) == 1 and not out.outputs  # passed on to the usual showwarning, not made a note


def test_papers_over_the_demo_corpus_names_the_notebooks_own_library(ip: InteractiveShell) -> None:
    """Seen in a researcher's session: `lib = paperlab.load(...)` then `%papers Ho` searched the 325 demo papers."""
    from paperlab.widget import set_active_library

    set_active_library(None)
    _run(ip, "import paperlab\nlib = paperlab.load(bib)")
    out = _run(ip, "%papers Ho")
    said = out.stdout.split("not ", 1)[-1].split(":", 1)[0].split(", ")  # the shell holds earlier tests' too
    assert "this is the bundled demo corpus (325 papers), not " in out.stdout and "lib" in said
    assert "then %papers searches it" in out.stdout
    _run(ip, "lib.cards()")
    again = _run(ip, "%papers Ho")
    assert "demo corpus" not in again.stdout
    set_active_library(None)


HOSTILE = """@article{a1,
  title = {Sampling <script>alert(1)</script> Fast <img src=x onerror=alert(2)>},
  author = {Quill, Ada},
  year = {2021},
  eprint = {2104.00001}
}
@inproceedings{a1conf,
  title = {Sampling <script>alert(1)</script> fast <img src=x onerror=alert(2)>},
  author = {Quill, Ada},
  booktitle = {ICML},
  year = {2021}
}
"""


def test_the_note_shows_hostile_titles_and_file_names_as_text(ip: InteractiveShell, tmp_path: Path) -> None:
    """A title or a file name holding a script or an event handler is shown as text in the note's HTML."""
    path = tmp_path / "<b onmouseover=alert(3)>reading.bib"
    path.write_text(HOSTILE)
    ip.user_ns["hostile"] = str(path)
    out = _run(ip, "import paperlab\nh = paperlab.load(hostile)")
    notes = [o.data for o in out.outputs if "reading.bib" in o.data.get("text/plain", "")]
    assert len(notes) == 1
    page = notes[0]["text/html"]
    for raw in ("<script", "<img", "<b onmouseover"):
        assert raw not in page
    assert "&lt;b onmouseover=alert(3)&gt;reading.bib" in page  # the name, escaped, still readable
    assert "Sampling &lt;script&gt;alert(1)&lt;/script&gt; Fast &lt;img src=x onerror=alert(2)&gt;" in page
    assert "keys a1, a1conf" in notes[0]["text/plain"] and len(ip.user_ns["h"]) == 1
