"""Session 19 (RF19): a saved index's vectors are fingerprinted by the texts they embed (title and abstract) and its
BM25 by those texts with the keywords, apart. A keyword edit rebuilds BM25 only (it re-embedded the whole library),
and an index saved by paperlab 4609f69 (named by the texts with their keywords, no BM25 fingerprint in its
meta.json) loads without re-embedding and is renamed to its key of today, so a later keyword edit re-embeds nothing
either. Real vectors (the packaged MiniLM, counting what it embeds), real BM25, real files; no cache."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from paperlab import Library, Paper
from paperlab.search import PaperIndex, get_encoder, lexical_text, persist
from paperlab.search.fitting import index_settings

_TOPICS = ["sparse widget routing", "lantern placement in fog", "pebble counting robots", "folded paper cranes"]


def _library(extra_keyword: str | None = None) -> Library:
    papers = []
    for i in range(36):
        topic = _TOPICS[i % len(_TOPICS)]
        keywords = ["benchmark", topic.split()[0]] if i % 3 == 0 else []
        if i == 7 and extra_keyword:
            keywords = [extra_keyword]
        abstract = f"We study {topic} in setting number {i}, with a small made-up experiment and its results."
        papers.append(Paper(f"On {topic}, part {i}", abstract=abstract, keywords=keywords, id=f"paper-{i}"))
    return Library(papers)


def _index(tmp_path: Path) -> PaperIndex:
    return PaperIndex(encoder=None, store=None, index_dir=tmp_path / "indexes", persist_above=30)


def test_a_keyword_edit_rebuilds_bm25_only_and_the_next_open_reads_it_saved(tmp_path: Path) -> None:
    encoder = get_encoder(None)
    first = _index(tmp_path).fit(_library())
    assert first.loaded_from_ is None and first.n_embedded_ == 36
    before = encoder.texts_embedded
    edited = _index(tmp_path).fit(_library(extra_keyword="zebrafish"))  # one paper gains a keyword
    assert edited.loaded_from_ is not None and edited.n_embedded_ == 0 and encoder.texts_embedded == before
    assert edited.search("zebrafish", k=3, mode="lexical").ids[:1] == ["paper-7"]
    again = _index(tmp_path).fit(_library(extra_keyword="zebrafish"))
    assert again.loaded_from_ == edited.loaded_from_ and encoder.texts_embedded == before
    assert again.search("zebrafish", k=3, mode="lexical").ids[:1] == ["paper-7"]
    assert len([d for d in (tmp_path / "indexes").iterdir() if not d.name.startswith(".")]) == 1


def _as_saved_by_4609f69(root: Path, library: Library) -> Path:
    """The one saved index under ``root`` moved to where paperlab 4609f69 saved it: a folder named by the
    fingerprint of the texts with their keywords, its meta.json without a BM25 fingerprint."""
    (folder,) = [d for d in root.iterdir() if not d.name.startswith(".")]
    texts = [lexical_text(p) for p in library]
    old = root / persist.index_key(persist.texts_fingerprint(texts), get_encoder(None).name, index_settings(False))
    shutil.move(folder, old)
    meta = json.loads((old / "meta.json").read_text(encoding="utf-8"))
    (old / "meta.json").write_text(json.dumps({k: v for k, v in meta.items() if k != "lexical"}), encoding="utf-8")
    return old


def test_an_index_saved_by_4609f69_loads_without_re_embedding_and_a_keyword_edit_then_re_embeds_nothing(
    tmp_path: Path,
) -> None:
    encoder = get_encoder(None)
    _index(tmp_path).fit(_library())
    old = _as_saved_by_4609f69(tmp_path / "indexes", _library())
    before = encoder.texts_embedded
    upgraded = _index(tmp_path).fit(_library())
    assert upgraded.loaded_from_ is not None and upgraded.n_embedded_ == 0 and encoder.texts_embedded == before
    found = upgraded.search("benchmark pebble", k=3, mode="lexical").ids  # its saved BM25 read the keywords
    assert sorted(found) == ["paper-18", "paper-30", "paper-6"]
    edited = _index(tmp_path).fit(_library(extra_keyword="zebrafish"))
    assert edited.n_embedded_ == 0 and encoder.texts_embedded == before
    assert edited.search("zebrafish", k=3, mode="lexical").ids[:1] == ["paper-7"]
    assert not old.exists()  # renamed to today's key, read from there
