"""Every source a paper can come from has one human label (walkthrough #11: the cards' chip read "ris (7)" beside
"BibTeX" and "DailyArXiv"): ``paperlab.schema.SOURCE_LABELS``, rendered into ``js/src/common/wire.ts`` for the
cards and the panel (``sourceLabel`` in common/paper.ts) and used by ``paperlab show``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from paths import DATA, ROOT

import paperlab
from paperlab.cli import main
from paperlab.schema import SOURCE_LABELS, render_typescript, source_label

# how the importers name their records: SourceRecord("ris", ...), SOURCE_KIND = "dailyarxiv", or by keyword,
# SourceRecord(name="...") or dataclasses.replace(record, name="zotero") (renaming the records of a reader reused)
_NAMED = re.compile(
    r'SourceRecord\(\s*"(\w+)"|^SOURCE_KIND = "(\w+)"$|(?:SourceRecord|replace)\([^()]*?\bname\s*=\s*"(\w+)"',
    re.M,
)

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
        for found in _NAMED.findall(path.read_text(encoding="utf-8")):
            names.add(next(name for name in found if name))
    return names


def test_every_source_an_importer_writes_has_a_label() -> None:
    names = _importer_names()
    assert {"ris", "csl", "openalex", "semantic_scholar", "arxiv", "hf", "bibtex", "dailyarxiv", "zotero"} <= names
    assert sorted(names - SOURCE_LABELS.keys()) == []
    assert all(label and label != name for name, label in SOURCE_LABELS.items() if name != "paperlab")


def test_labels_are_the_ones_readers_know() -> None:
    assert [source_label(n) for n in ("ris", "csl", "openalex", "semantic_scholar", "hf", "wos", "zotero")] == [
        "RIS",
        "CSL-JSON",
        "OpenAlex",
        "Semantic Scholar",
        "Hugging Face",
        "Web of Science",
        "Zotero",
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


@pytest.mark.filterwarnings("ignore::paperlab.errors.PartialImportWarning")  # the export's one untitled item
def test_show_names_a_zotero_export(capsys) -> None:
    path = DATA / "zotero" / "bbt-export.json"  # ours: read by the CSL-JSON reader, its records renamed "zotero"
    paper = paperlab.load(path)[0]
    assert [s.name for s in paper.sources] == ["zotero"]
    assert main(["show", paper.id, "--corpus", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # the label column is as wide as the longest label shown ("keywords:"), so the value sits after padding
    assert any(line.split() == ["sources:", "Zotero"] for line in lines)
