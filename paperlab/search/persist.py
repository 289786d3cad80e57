"""Built indexes kept on disk, so re-opening a large library loads instead of rebuilding.

A fitted :class:`~paperlab.search.PaperIndex` of at least ``persist_above`` papers is saved
under ``$PAPERLAB_HOME/indexes/<key>/``, where ``key`` hashes the library's texts (in order),
the encoder's name and the index settings:

* ``embeddings.npy``: the vectors as float16 (loaded into float32 for exact search,
  memory-mapped for ANN re-scoring);
* ``ann.usearch``: the usearch HNSW graph, memory-mapped (``Index.restore(view=True)``);
* ``lexical/``: the BM25 index (``bm25s`` save/load, score arrays memory-mapped);
* ``meta.json``: what was saved, written last (a folder without it is incomplete).

Any change to any paper's title or abstract, to their order, or to the model changes the
key, so a stale index is never loaded. Only the :data:`KEEP` most recently used indexes are kept.
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

__all__ = ["KEEP", "FORMAT", "default_root", "index_key", "prune", "texts_fingerprint"]

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


def index_key(fingerprint: str, encoder: str, settings: dict[str, Any]) -> str:
    """Folder name of a saved index: a hash of the texts' fingerprint, the encoder and the settings."""
    blob = json.dumps(
        {"format": FORMAT, "texts": fingerprint, "encoder": encoder, "settings": settings}, sort_keys=True
    )
    return hashlib.sha1(blob.encode()).hexdigest()[:24]


def complete(folder: Path) -> bool:
    """Whether ``folder`` holds a fully written index."""
    return (folder / "meta.json").is_file()


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
