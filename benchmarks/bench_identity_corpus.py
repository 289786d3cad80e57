"""Which records paperlab merges, on a folder of real files: papers, merges and doubtful ids per file.

:func:`paperlab.load` reads each file (its format detected) and merges the records of one work
(:func:`paperlab.identity.same_work`). This prints, per file whose outcome is not plain, the papers read, the merges
made (``Library.merges``) and every :class:`~paperlab.errors.DoubtfulIdWarning` (two records giving one arXiv id or
DOI under titles naming different works: kept apart), then the totals. Run it twice -- once with ``PYTHONPATH`` set
to a worktree of an older commit -- to see what a change to the identity rule changes on files nobody tuned it for.

Usage::

    python benchmarks/bench_identity_corpus.py "$PAPERLAB_REALDATA"
    PYTHONPATH=<worktree of an older commit> python benchmarks/bench_identity_corpus.py "$PAPERLAB_REALDATA"
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import paperlab

SKIP_NAMES = {"README.md", "DESIGN.md", "TOOLCHAIN.md", "PROVENANCE.md", "PROVENANCE-2.md"}


def measure(path: Path) -> tuple[int, int, list[str]] | str:
    """(papers, merges, doubtful-id messages) of one file, or the name of the error that refused it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            lib = paperlab.load(path)
        except Exception as exc:  # a refused file is counted, not fatal to the sweep
            return type(exc).__name__
    doubts = [str(w.message) for w in caught if type(w.message).__name__ == "DoubtfulIdWarning"]
    return len(lib), len(lib.merges), doubts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a folder of files (searched recursively)")
    args = parser.parse_args()
    files = sorted(
        p for p in args.root.rglob("*") if p.is_file() and p.name not in SKIP_NAMES and "hooks" not in p.parts
    )
    papers = merges = refused = doubtful = 0
    print(f"{'file':<60} {'papers':>7} {'merges':>7}  doubtful ids")
    for path in files:
        found = measure(path)
        if isinstance(found, str):
            refused += 1
            continue
        n, m, doubts = found
        papers, merges, doubtful = papers + n, merges + m, doubtful + len(doubts)
        if m or doubts:
            print(f"{str(path.relative_to(args.root))[-60:]:<60} {n:>7} {m:>7}  {len(doubts)}")
            for message in doubts:
                print(f"    {message[:160]}")
    print(f"\n{len(files)} files ({refused} refused): {papers} papers, {merges} merges, {doubtful} doubtful ids")


if __name__ == "__main__":
    main()
