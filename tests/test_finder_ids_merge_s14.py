"""A note that cites a paper by its id in prose ("QL (arXiv:2401.00001) dims lamps 3x faster") and the user's
BibTeX giving that paper are one paper, whichever file is read first: the generic paper finder's title is only the
text beside the id, so it never puts the id in doubt and gives way to the BibTeX title (UX4, session 14: the note's
sentence became a 16th paper with no id and its own topic on the map). ``paperlab.load`` also takes a list of paths.
Files: our own, written here."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import DoubtfulIdWarning

BIB = r"""@article{quill2024lamps,
  title = {Quiet Lamps: Dimming Rooms by Learning},
  author = {Quill, Ada and Dale, Bo},
  journal = {Journal of Night Studies},
  year = {2024},
  eprint = {2401.00001},
  archivePrefix = {arXiv}
}
@inproceedings{renn2023chairs,
  title = {Chairs That Count Their Sits},
  author = {Renn, Cy},
  booktitle = {Furniture Conference},
  year = {2023},
  eprint = {2305.01234},
  archivePrefix = {arXiv}
}
"""
NOTE = """# Notes on quiet rooms

- QL (arXiv:2401.00001) dims lamps 3x faster without retraining.
- Chair counting (https://arxiv.org/abs/2305.01234): 3 of 50 sits missed.
- Ask whether the lamps work in winter.
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    bib, note = tmp_path / "refs.bib", tmp_path / "notes.md"
    bib.write_text(BIB, encoding="utf-8")
    note.write_text(NOTE, encoding="utf-8")
    return bib, note


@pytest.mark.parametrize("first", ["bib", "note"])
def test_a_note_citing_ids_in_prose_merges_into_the_bibtex_papers(files, first):
    bib, note = files
    order = (bib, note) if first == "bib" else (note, bib)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(*order)
    assert not [w for w in caught if issubclass(w.category, DoubtfulIdWarning)]
    assert len(lib) == 2
    lamps = lib.get("2401.00001")
    assert lamps is not None and lamps.title == "Quiet Lamps: Dimming Rooms by Learning"
    assert lamps.authors == ["Ada Quill", "Bo Dale"] and "found_by" not in lamps.extra
    assert lib.get("2305.01234").title == "Chairs That Count Their Sits"


def test_two_catalogue_records_sharing_an_id_under_other_titles_stay_in_doubt(tmp_path):
    wrong = BIB.replace("Chairs That Count Their Sits", "A Survey of Garden Hoses").replace("2305.01234", "2401.00001")
    (tmp_path / "a.bib").write_text(wrong, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = paperlab.load(tmp_path / "a.bib")
    assert len(lib) == 2  # a copied link in a bibliography still keeps both works
    assert [w for w in caught if issubclass(w.category, DoubtfulIdWarning)]


def test_load_takes_a_list_of_paths_and_refuses_other_things_clearly(files):
    bib, note = files
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(paperlab.load([str(bib), note])) == len(paperlab.load(bib, note)) == 2
        assert len(paperlab.load((bib,))) == 2
    with pytest.raises(TypeError, match="needs at least one path"):
        paperlab.load([])
    with pytest.raises(TypeError, match=r"takes file paths \(str or Path\), not int: 3"):
        paperlab.load([bib, 3])
