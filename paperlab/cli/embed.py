"""``paperlab embed``: embed the library (here or on a Ray cluster), import precomputed vectors, build and
query the scale index (see docs/whole-arxiv.md)."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any

from ..errors import UsageError
from ..library import Library
from ..text import plural
from .search import positive_int
from .table import ExamplesHelpFormatter

__all__ = ["add_embed_parser", "cmd_embed"]


def _papers(store: Any, list_name: str | None) -> Library | None:
    """The papers of reading list ``list_name``, or None for the whole library."""
    if list_name:
        if list_name not in store.lists():
            raise UsageError(f"no reading list named {list_name!r}")
        return store.reading_list(list_name).to_library()  # type: ignore[no-any-return]
    return None


def _query(args: argparse.Namespace) -> int:
    """``paperlab embed --query TEXT``: the built scale index searched, one paper a line."""
    from ..scaleout import open_library_index
    from ..store import open_store

    if args.import_file or args.ray or args.index:
        raise UsageError("--query searches a built index: use it without --import, --ray or --index")
    try:
        index = open_library_index(args.model, args.index_dir)
    except FileNotFoundError as exc:  # asked before any index was built: say how to build it
        folder = str(exc).partition(": ")[0]
        raise UsageError(
            f"no scale index to search in {folder}: build it first with `paperlab embed --index` (it embeds "
            "your library, then builds the index; add --model NAME for another model)"
        ) from None
    store = open_store()
    for paper_id, score in index.search(args.query, k=args.k, encoder=args.model):
        found = store.get_paper(paper_id)
        print(f"{score:6.3f}  {paper_id:<18} {found.shown_title if found else ''}")
    return 0


def cmd_embed(args: argparse.Namespace) -> int:
    """Run ``paperlab embed`` (one of: embed, --import, --query; --index after embedding or importing)."""
    from ..scaleout import build_library_index, embed_library, import_vectors
    from ..store import open_store

    if args.query is not None:
        return _query(args)
    store = open_store()
    if args.import_file:
        if not args.model:
            raise UsageError("--import needs --model NAME: the model that made the vectors (queries must use it)")
        if args.ray:
            raise UsageError("--import reads vectors that exist; --ray is for embedding")
        report = import_vectors(
            args.import_file,
            args.model,
            ids=args.ids,
            store=store,
            id_column=args.id_column,
            vector_column=args.vector_column,
        )
        for problem in report.problems:
            print(f"paperlab: skipped {problem}", file=sys.stderr)
        if report.bad > len(report.problems):
            print(f"paperlab: ... and {plural(report.bad - len(report.problems), 'more bad row')}", file=sys.stderr)
        if report.not_in_store:
            shown = ", ".join(report.not_in_store_examples[:5])
            print(
                f"paperlab: {plural(report.not_in_store, 'id')} {'is' if report.not_in_store == 1 else 'are'} not in your "
                f"library (e.g. {shown}): "
                "import their metadata first to use them",
                file=sys.stderr,
            )
        print(report)
    else:
        progress = False if args.no_progress else None
        report_e = embed_library(
            _papers(store, args.list),
            model=args.model,
            store=store,
            ray=args.ray,
            batch_size=args.batch_size,
            progress=progress,
        )
        print(report_e)
    if args.index:
        papers = _papers(store, args.list)
        built = build_library_index(papers, model=args.model, store=store, folder=args.index_dir)
        print(built)
    return 0


def add_embed_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paperlab embed``: register the subcommand."""
    p = sub.add_parser(
        "embed",
        help="embed your library (locally or on a Ray cluster), import precomputed vectors, build a scale index",
        description="Embed the papers of your library into the store's embedding cache, skipping those "
        "already embedded (a killed run resumes). With --import, read precomputed vectors instead. "
        "--index then builds a saved approximate index (int8 HNSW) for searching millions of papers.",
        formatter_class=ExamplesHelpFormatter,
        epilog=textwrap.dedent("""\
            examples:
              paperlab embed                                 # on this machine
              paperlab embed --ray local:4 --batch-size 128  # 4 local Ray workers
              paperlab embed --ray ray://head:10001 --index  # a Ray cluster, then the index
              paperlab embed --import arxiv-minilm.parquet --model all-MiniLM-L6-v2 --index
              paperlab embed --import vecs.npy --ids ids.txt --model my-org/my-model
              paperlab embed --query "diffusion models for video" -k 5"""),
    )
    p.add_argument("--model", metavar="NAME", help="model name (default: the packaged all-MiniLM-L6-v2)")
    p.add_argument("--ray", metavar="auto|local:N|ray://HOST:PORT", help="embed as Ray tasks on this cluster")
    p.add_argument("--batch-size", type=int, default=64, help="texts per batch / Ray task (default 64)")
    p.add_argument("--list", metavar="NAME", help="only the papers of this reading list")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--import", dest="import_file", metavar="FILE", help="precomputed vectors: .parquet or .npy")
    p.add_argument("--ids", metavar="FILE", help="with a .npy --import: the ids, one per line (.txt) or .npy")
    p.add_argument("--id-column", metavar="NAME", help="parquet id column (default: arxiv_id, id, paper_id...)")
    p.add_argument("--vector-column", metavar="NAME", help="parquet vector column (default: vector, embedding...)")
    p.add_argument("--index", action="store_true", help="then build the saved scale index of the model")
    p.add_argument("--index-dir", metavar="DIR", help="where the scale index is (default $PAPERLAB_HOME/scale-indexes)")
    p.add_argument("--query", metavar="TEXT", help="search the built scale index (with the index's model)")
    p.add_argument("-k", type=positive_int, default=10, help="results of --query (default 10, at least 1)")
    p.set_defaults(func=cmd_embed)
