"""Every source a paper can come from has one human label (walkthrough #11: the cards' chip read "ris (7)" beside
"BibTeX" and "DailyArXiv"): ``paperlab.schema.SOURCE_LABELS``, rendered into ``js/src/common/wire.ts`` for the
cards and the panel (``sourceLabel`` in common/paper.ts) and used by ``paperlab show``."""

from __future__ import annotations

import re
from pathlib import Path

from paths import ROOT

import paperlab
from paperlab.cli import main
from paperlab.schema import SOURCE_LABELS, render_typescript, source_label

# how the importers name their records: SourceRecord("ris", ...) or SOURCE_KIND = "dailyarxiv"
_NAMED = re.compile(r"""SourceRecord\(\s*"(\w+)"|^SOURCE_KIND = "(\w+)"$""", re.M)

RIS = """TY  - JOUR
TI  - Counting Examples With Fewer Labels
AU  - Example, Ada
PY  - 2021
JO  - Journal of Examples
ER  -
"""


def _importer_names() -> set[str]:
    names = set()
    for path in (ROOT / "paperlab").rglob("*.py"):
        for own, kind in _NAMED.findall(path.read_text(encoding="utf-8")):
            names.add(own or kind)
    return names


def test_every_source_an_importer_writes_has_a_label() -> None:
    names = _importer_names()
    assert {"ris", "csl", "openalex", "semantic_scholar", "arxiv", "hf", "bibtex", "dailyarxiv"} <= names
    assert sorted(names - SOURCE_LABELS.keys()) == []
    assert all(label and label != name for name, label in SOURCE_LABELS.items() if name != "paperlab")


def test_labels_are_the_ones_readers_know() -> None:
    assert [source_label(n) for n in ("ris", "csl", "openalex", "semantic_scholar", "hf", "wos")] == [
        "RIS",
        "CSL-JSON",
        "OpenAlex",
        "Semantic Scholar",
        "Hugging Face",
        "Web of Science",
    ]
    assert source_label("something_new") == "something_new"


def test_the_cards_read_the_same_labels() -> None:
    ts = render_typescript()
    assert "export const SOURCE_LABELS: Readonly<Record<string, string>> = {" in ts
    assert "  ris: 'RIS',\n" in ts and "  semantic_scholar: 'Semantic Scholar',\n" in ts
    common = (ROOT / "js" / "src" / "common" / "paper.ts").read_text(encoding="utf-8")
    assert "import { SOURCE_LABELS } from './wire';" in common
    # no other copy of the labels in the front end
    for path in (ROOT / "js" / "src").rglob("*.ts"):
        if path.name != "wire.ts":
            assert "'Semantic Scholar'" not in path.read_text(encoding="utf-8"), path


def test_show_names_the_source(tmp_path: Path, capsys) -> None:
    path = tmp_path / "one.ris"
    path.write_text(RIS, encoding="utf-8")
    (paper,) = paperlab.load(path)
    assert [s.name for s in paper.sources] == ["ris"]
    assert main(["show", paper.id, "--corpus", str(path)]) == 0
    assert "sources: RIS" in capsys.readouterr().out
