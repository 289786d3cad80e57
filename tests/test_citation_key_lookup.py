"""A paper imported from BibTeX is found by its citation key (and by the keys of records merged into it): in a
Library (``lib["merity2017pointer"]``), in the store (``paperlab.paper("merity2017pointer")``, ``%paper``), and by
``paperlab show``, which prints the keys. A key's LIKE wildcards match only themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlab
from paperlab import Library, Paper
from paperlab.cli import main
from paperlab.services.resolve import paper as resolve_paper
from paperlab.store import Store, open_store

# our own two entries; the second is the same work as the first under another key (merged, both keys kept)
BIB = r"""
@inproceedings{sentinel2017mixture,
  title = {Sentinel Mixtures for Counting Examples},
  author = {Ada Example and Bo Sample},
  booktitle = {Proceedings of the Workshop on Made-Up Results},
  year = {2017}
}
@misc{sample16sentinel,
  title = {Sentinel Mixtures for Counting Examples},
  author = {Ada Example},
  year = {2017},
  doi = {10.5555/sentinel.misc},
  note = {the same work, another key}
}
@article{other_key,
  title = {A Second Unrelated Paper on Tables},
  author = {Cy Third},
  journal = {Journal of Examples},
  year = {2020}
}
"""


def _bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_a_library_finds_a_paper_by_its_citation_keys(tmp_path: Path) -> None:
    lib = paperlab.load(_bib(tmp_path))
    assert len(lib) == 2
    paper = lib["sentinel2017mixture"]
    assert paper.title == "Sentinel Mixtures for Counting Examples" and paper.doi == "10.5555/sentinel.misc"
    assert lib["sample16sentinel"] is paper and lib.get(" sentinel2017mixture ") is paper  # merged key; spaces
    assert "other_key" in lib and "otherxkey" not in lib
    with pytest.raises(KeyError, match="no paper with id 'no-such-key'"):
        lib["no-such-key"]
    # ids, arXiv ids and DOIs still come first
    lib.add(Paper("Keyed Like an Id", arxiv_id="1706.03762", extra={"bibtex_key": "other_key2"}))
    assert lib["1706.03762"].title == "Keyed Like an Id" and lib["other_key2"].arxiv_id == "1706.03762"


def test_a_split_record_keeps_only_its_own_key(tmp_path: Path) -> None:
    lib = paperlab.load(_bib(tmp_path))
    first, second = lib.split("sentinel2017mixture")
    assert lib["sentinel2017mixture"].id == first.id and lib["sample16sentinel"].id == second.id


def test_the_store_and_paperlab_paper_find_a_citation_key(store_location, tmp_path: Path) -> None:
    store = Store(store_location)
    store.upsert_papers(list(paperlab.load(_bib(tmp_path))))
    found = store.get_paper("sample16sentinel")
    assert found is not None and found.title == "Sentinel Mixtures for Counting Examples"
    assert store.get_paper("sentinel2017mixture") == found and "other_key" in store
    assert resolve_paper("other_key", store=store).title == "A Second Unrelated Paper on Tables"
    # a key's '_' and '%' are no LIKE wildcards; a near key, a quoted key and an unknown one find nothing
    assert [store.get_paper(k) for k in ("otherxkey", "other%", "%", '"other_key"', "sentinel")] == [None] * 5


def test_paperlab_paper_and_show_by_key(store_backend: str, tmp_path: Path, capsys) -> None:
    open_store().upsert_papers(list(paperlab.load(_bib(tmp_path))))
    assert paperlab.paper("sample16sentinel").title == "Sentinel Mixtures for Counting Examples"
    capsys.readouterr()
    assert main(["show", "sample16sentinel", "--corpus", "store"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Sentinel Mixtures for Counting Examples"
    assert "key:     sentinel2017mixture, sample16sentinel" in out


def test_show_by_key_in_a_file_and_a_clear_miss(tmp_path: Path, capsys) -> None:
    path = _bib(tmp_path)
    assert main(["show", "other_key", "--corpus", str(path)]) == 0
    assert "key:     other_key" in capsys.readouterr().out
    assert main(["show", "otherkey", "--corpus", str(path)]) != 0
    err = capsys.readouterr().err  # the miss names what was tried: ids, and citation keys of every kind
    assert "no paper 'otherkey'" in err and "citation key" in err and "a BibTeX key" in err


def test_keys_are_kept_through_the_library_of_a_store(store_location, tmp_path: Path) -> None:
    store = Store(store_location)
    store.upsert_papers(list(paperlab.load(_bib(tmp_path))))
    lib: Library = store.papers()
    assert lib["sample16sentinel"].title == "Sentinel Mixtures for Counting Examples"
