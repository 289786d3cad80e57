"""Where the benchmarks get their inputs.

By default every benchmark runs on data inside the repository (the bundled demo corpus,
``paperlab/data/demo.jsonl``). Benchmarks that need the recorded real corpus (a folder holding
``fixtures/`` and ``seeds/``) take ``--realdata PATH``, defaulting to ``$PAPERLAB_REALDATA``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def add_realdata_argument(ap: argparse.ArgumentParser, required: bool) -> None:
    """Add ``--realdata PATH`` (default: ``$PAPERLAB_REALDATA``)."""
    env = os.environ.get("PAPERLAB_REALDATA") or None
    need = " (required: this benchmark measures on the real corpus)" if required else ""
    ap.add_argument(
        "--realdata",
        type=Path,
        default=Path(env) if env else None,
        help=f"the recorded real corpus, a folder with fixtures/ and seeds/ (default: $PAPERLAB_REALDATA){need}",
    )


def realdata_or_exit(path: Path | None) -> Path:
    """The real-corpus folder, or exit with a message saying what is missing."""
    if path is None:
        sys.exit("error: this benchmark needs the recorded real corpus: pass --realdata PATH or set PAPERLAB_REALDATA")
    for name in ("fixtures", "seeds"):
        if not (path / name).is_dir():
            sys.exit(f"error: --realdata {path}: no {name}/ folder there (expected the recorded real corpus)")
    return path


def kaggle_records_from_demo() -> list[dict]:
    """The bundled demo corpus as Kaggle ``arxiv-metadata-oai-snapshot`` records (only papers with an arXiv id)."""
    from paperlab.data import demo_library

    records = []
    for p in demo_library():
        if not p.arxiv_id:
            continue
        names = list(p.authors)
        records.append(
            {
                "id": p.arxiv_id,
                "submitter": names[0] if names else None,
                "authors": ", ".join(names),
                "title": p.title,
                "comments": p.comment,
                "journal-ref": None,
                "doi": p.doi,
                "categories": " ".join(p.categories),
                "abstract": p.abstract or "",
                "versions": [{"version": "v1", "created": "Mon, 1 Jan 2024 00:00:00 GMT"}],
                "update_date": p.published.isoformat() if p.published else None,
                "authors_parsed": [[n.split()[-1], " ".join(n.split()[:-1]), ""] for n in names if n.split()],
            }
        )
    return records
