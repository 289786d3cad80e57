"""Session 18 (FX5): a full stop closing a BibTeX author field after a short given name is no abbreviation's
("Wang, Fei." is Fei Wang, as at the session's start), while an abbreviated given name keeps its stop ("Th.",
"Chr.", "Jas.": FX4's fix)."""

from __future__ import annotations

import warnings
from pathlib import Path

import paperlab

_BIB = """@article{a1, title={Sparse Widget Routing at Scale}, author={Quill, Ada and Wang, Fei.}, year={2021}}
@article{a2, title={Counting Gadgets Without Labels}, author={Dale, Bo and Li, Hui.}, year={2021}}
@article{a3, title={Lanterns in the Fog of Sprockets}, author={Renn, Cy and Arampatzis, Th.}, year={2021}}
@article{a4, title={Moths at the Window Revisited}, author={Vint, Cora and Ng, Yi.}, year={2021}}
@article{a5, title={Recursive Widgets for Gadget Maps}, author={Mole, Di and Renn, Chr.}, year={2020}}
@article{a6, title={A Treatise on Sprocket Trains}, author={Finch, Jas.}, year={1901}}
"""


def test_a_field_closing_stop_after_a_short_given_name_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "stops.bib"
    path.write_text(_BIB, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        papers = list(paperlab.load(path))
    assert [[str(a) for a in p.authors] for p in papers] == [
        ["Ada Quill", "Fei Wang"],
        ["Bo Dale", "Hui Li"],
        ["Cy Renn", "Th. Arampatzis"],
        ["Cora Vint", "Yi Ng"],
        ["Di Mole", "Chr. Renn"],
        ["Jas. Finch"],
    ]
