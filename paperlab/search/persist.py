"""Built indexes kept on disk, so re-opening a large library loads instead of rebuilding.

A fitted :class:`~paperlab.search.PaperIndex` of at least ``persist_above`` papers is saved
under ``$PAPERLAB_HOME/indexes/<key>/``, where ``key`` hashes the library's texts (in order: the
title and abstract each paper's vector embeds), the encoder's name and the index settings:

* ``embeddings.npy``: the vectors as float16 (loaded into float32 for exact search,
  memory-mapped for ANN re-scoring);
* ``ann.usearch``: the usearch HNSW graph, memory-mapped (``Index.restore(view=True)``);
* ``lexical/``: the BM25 index (``bm25s`` save/load, score arrays memory-mapped);
* ``meta.json``: what was saved, written last (a folder without it is incomplete), with
  ``lexical``: the :func:`lexical_fingerprint` of what the saved BM25 index holds.

Any change to any paper's title or abstract, to their order, or to the model changes the
key, so stale vectors are never loaded. BM25 also matches each paper's keywords: a saved BM25 whose
``lexical`` fingerprint is not the library's is rebuilt and saved again, the vectors kept (a keyword
edit re-embeds nothing). A folder saved before BM25 read keywords (no ``lexical`` in its meta) was
named by the texts BM25 read, keywords included; :func:`adopt` renames it to its key of today.
Only the :data:`KEEP` most recently used indexes are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "KEEP",
    "FORMAT",
    "adopt",
    "default_root",
    "index_key",
    "lexical_fingerprint",
    "prune",
    "read_meta",
    "texts_fingerprint",
    "update_meta",
]

#: Saved indexes kept (least recently used ones are deleted beyond this).
KEEP = 8
#: Version of the folder layout and of the lexical tokens (part of every key): 2 = accents folded, 3 = British
#: spellings made American.
FORMAT = 3


def default_root() -> Path:
    """``$PAPERLAB_HOME/indexes`` (read at call time)."""
    from ..store import default_store_path

    return default_store_path().parent / "indexes"


def texts_fingerprint(texts: Sequence[str]) -> str:
    """SHA-1 of the texts in order (with their count), hex."""
    h = hashlib.sha1(f"{len(texts)}\n".encode())
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def lexical_fingerprint(texts_fingerprint: str, keywords: Sequence[Sequence[str]]) -> str:
    """Fingerprint of what BM25 indexes: the texts (by their :func:`texts_fingerprint`) and each paper's keywords
    in order; the texts' own fingerprint when no paper has any (BM25 of the texts alone)."""
    joined = ["; ".join(words) for words in keywords]
    if not any(joined):
        return texts_fingerprint
    h = hashlib.sha1(texts_fingerprint.encode())
    for words in joined:
        h.update(words.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def index_key(fingerprint: str, encoder: str, settings: dict[str, Any]) -> str:
    """Folder name of a saved index: a hash of the texts' fingerprint, the encoder and the settings."""
    blob = json.dumps(
        {"format": FORMAT, "texts": fingerprint, "encoder": encoder, "settings": settings}, sort_keys=True
    )
    return hashlib.sha1(blob.encode()).hexdigest()[:24]


def complete(folder: Path) -> bool:
    """Whether ``folder`` holds a fully written index."""
    return (folder / "meta.json").is_file()


def read_meta(folder: Path) -> dict[str, Any]:
    """The ``meta.json`` of a saved index ({} when it cannot be read)."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def update_meta(folder: Path, **values: Any) -> None:
    """Set ``values`` in a complete saved index's ``meta.json``, replaced whole (a reader never sees half of it)."""
    meta = read_meta(folder)
    if not meta:
        return
    tmp = folder / f".meta-{os.getpid()}-{time.monotonic_ns()}.json"
    tmp.write_text(json.dumps({**meta, **values}), encoding="utf-8")
    os.replace(tmp, folder / "meta.json")


def adopt(old: Path, new: Path, lexical: str) -> Path:
    """Rename ``old``, an index saved under the key of the texts BM25 read (before vectors and BM25 were
    fingerprinted apart), to ``new``, its key of today, recording ``lexical`` as the fingerprint of its BM25 (if it
    holds one); ``old`` itself when it cannot be renamed (``new`` taken, a file held open)."""
    try:
        if new.exists():
            return old
        old.rename(new)
        update_meta(new, lexical=lexical if (new / "lexical").is_dir() else None)
    except OSError:
        return old if old.exists() else new
    return new


def touch(folder: Path) -> None:
    """Mark ``folder`` as just used (for :func:`prune`)."""
    try:
        os.utime(folder / "meta.json")
    except OSError:
        pass


def new_folder(root: Path, key: str) -> Path:
    """A private folder to write an index into before :func:`publish` renames it to ``root/key``."""
    tmp = root / f".tmp-{key}-{os.getpid()}-{time.monotonic_ns()}"
    tmp.mkdir(parents=True)
    return tmp


def publish(tmp: Path, root: Path, key: str, meta: dict[str, Any]) -> Path:
    """Write ``meta.json`` into ``tmp`` and move it to ``root/key`` (another process may have won)."""
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    final = root / key
    try:
        if final.exists() and not complete(final):
            shutil.rmtree(final, ignore_errors=True)
        tmp.rename(final)
    except OSError:  # already published by someone else
        shutil.rmtree(tmp, ignore_errors=True)
    prune(root)
    return final


def prune(root: Path, keep: int = KEEP) -> None:
    """Delete all but the ``keep`` most recently used indexes under ``root`` (and stale temporary folders)."""
    if not root.is_dir():
        return
    now = time.time()
    done = []
    for d in root.iterdir():
        if not d.is_dir():
            continue
        if d.name.startswith(".tmp-"):
            if now - d.stat().st_mtime > 24 * 3600:
                shutil.rmtree(d, ignore_errors=True)
        elif complete(d):
            done.append((d.joinpath("meta.json").stat().st_mtime, d))
    for _, d in sorted(done, reverse=True)[keep:]:
        shutil.rmtree(d, ignore_errors=True)
