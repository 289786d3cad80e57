"""A paper whose only match is one of its keywords is found (session 17's leftover: ``paperlab search`` and
``Library.search`` read titles and abstracts only, so a BibTeX ``keywords`` word or a Hugging Face keyword found
nothing). Keywords are matched by the ranking's BM25 (not embedded: the vectors stay those of title and abstract)
and, with tags, by the every-word fallback (:meth:`Library.filter` ``text=``).

Our own small BibTeX file (written here), and the recorded corpus when ``PAPERLAB_REALDATA`` is set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from paths import FIXTURES, realdata_missing

from paperlab import Library, Paper, load
from paperlab.cli import main
from paperlab.search import PaperIndex, lexical_text, paper_text

BIB = """@article{ward2021,
  title = {Light-sheet imaging of developing hearts},
  author = {Ward, Ann and Ochoa, Luis},
  journal = {Dev. Biol.},
  year = {2021},
  abstract = {We image heart development in a transparent vertebrate model over three days with a fast
              light-sheet microscope and track every cell.},
  keywords = {zebrafish, cardiogenesis}
}
@article{lin2020,
  title = {Sparse attention for long documents},
  author = {Lin, Mei},
  year = {2020},
  abstract = {We make transformers read long documents with sparse attention patterns.}
}
@article{okafor2019,
  title = {Soil microbes and drought},
  author = {Okafor, Chidi},
  year = {2019},
  abstract = {Drought changes which bacteria live in farm soil.}
}
"""


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "mine.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_the_cli_finds_a_paper_by_a_keyword_of_its_bibtex_entry(bib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zebrafish", "--corpus", str(bib)]) == 0  # was 1: "no paper matches 'zebrafish'"
    out, err = capsys.readouterr()
    assert "ward2021" in out and "Light-sheet imaging" in out and "no paper matches" not in err
    assert out.splitlines()[0].startswith("1 paper holds “zebrafish” (title, abstract, authors or keywords)")
    assert main(["search", "cardiogenesis hearts", "--corpus", str(bib), "--json"]) == 0
    assert [r["shown_id"] for r in json.loads(capsys.readouterr().out)["results"]] == ["ward2021"]
    assert main(["search", "sourdough", "--corpus", str(bib)]) == 1  # no keyword, no word: still nothing


def test_keywords_are_matched_by_bm25_but_not_embedded(bib: Path) -> None:
    lib = load(str(bib))
    ward = next(p for p in lib if p.title.startswith("Light-sheet"))
    assert "zebrafish" not in paper_text(ward)  # the embedded (and cached) text is unchanged
    assert lexical_text(ward).endswith(". zebrafish; cardiogenesis")
    found = PaperIndex(mode="lexical").fit(lib).search("zebrafish", min_score=0)
    assert [p.title for p in found] == ["Light-sheet imaging of developing hearts"]


def test_a_tag_finds_its_papers_when_nothing_is_ranked() -> None:
    lib = Library(
        [
            Paper("Glacier calving from radar", abstract="Ice shelves crack.", tags=["thesis-chapter-2"]),
            Paper("Sparse origami folding", abstract="Few folds suffice.", keywords=["crease patterns"]),
        ]
    )
    assert [p.title for p in lib.filter(text="thesis chapter")] == ["Glacier calving from radar"]
    assert [p.title for p in lib.filter(text="crease")] == ["Sparse origami folding"]
    found = lib.search("thesis-chapter-2", mode="lexical")
    assert [p.title for p in found] == ["Glacier calving from radar"]


@pytest.mark.realdata
def test_a_jabref_entry_is_found_by_its_keyword_alone() -> None:
    if why := realdata_missing():
        pytest.skip(why)
    lib = load(str(FIXTURES / "bibtex" / "jabref_jabref-authors.bib"))
    # 'BPMS' is only among the keywords of 'Process Engine Selection Support' (no abstract): BM25 now holds it
    assert [p.title for p in lib.filter(text="BPMS")] == ["Process Engine Selection Support"]
    found = PaperIndex(mode="lexical").fit(lib).search("BPMS", min_score=0)
    assert found[0].title == "Process Engine Selection Support"
