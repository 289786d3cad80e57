"""Which records paperlab merges, on a folder of real files: papers, merges and doubtful ids per file.

:func:`paperlab.load` reads each file (its format detected) and merges the records of one work
(:func:`paperlab.identity.same_work`). This prints, per file whose outcome is not plain, the papers read, the merges
made (``Library.merges``) and every :class:`~paperlab.errors.DoubtfulIdWarning` (two records giving one arXiv id or
DOI under titles naming different works: kept apart), then the totals. Run it twice -- once with ``PYTHONPATH`` set
to a worktree of an older commit -- to see what a change to the identity rule changes on files nobody tuned it for.

The last line times venue acronym matching inside the merge checks (``identity._signals._acronym_of``, called by
``same_venue`` when a capitalised venue word such as "NeurIPS" may spell the other venue's words): its calls during
the sweep are recorded, then timed again alone against a same-run baseline, the initials check ``same_venue`` makes
first (``_is_subsequence``) on the same arguments, so the line compares two costs measured on one machine at one time.

Usage::

    python benchmarks/bench_identity_corpus.py "$PAPERLAB_REALDATA"
    PYTHONPATH=<worktree of an older commit> python benchmarks/bench_identity_corpus.py "$PAPERLAB_REALDATA"
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path
from typing import Any

import paperlab
from paperlab.identity import _signals

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


def _recording(calls: list[tuple[str, list[str]]]) -> Any:
    """``_acronym_of`` recording each call's arguments in ``calls``."""
    real = _signals._acronym_of

    def recorded(letters: str, words: list[str]) -> bool:
        calls.append((letters, list(words)))
        return real(letters, words)

    return recorded


def acronym_line(calls: list[tuple[str, list[str]]], repeat: int = 200) -> str:
    """The cost of the recorded ``_acronym_of`` calls against the same run's baseline (``_is_subsequence`` of the
    letters in the words' initials, on the same calls), in microseconds a call."""
    if not calls:
        return "venue acronyms (_acronym_of): no call in this sweep"
    pairs = [(letters, "".join(w[0] for w in words if w), words) for letters, words in calls]
    started = time.perf_counter()
    for _ in range(repeat):
        matched = sum(_signals._acronym_of(letters, words) for letters, _, words in pairs)
    acronym = (time.perf_counter() - started) / (repeat * len(pairs)) * 1e6
    started = time.perf_counter()
    for _ in range(repeat):
        sum(_signals._is_subsequence(letters, initials) for letters, initials, _ in pairs)
    baseline = (time.perf_counter() - started) / (repeat * len(pairs)) * 1e6
    return (
        f"venue acronyms (_acronym_of): {len(calls)} calls in the merge checks, {matched} matched; "
        f"{acronym:.2f} µs a call against {baseline:.2f} µs for the initials check (same run, x{repeat})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a folder of files (searched recursively)")
    args = parser.parse_args()
    files = sorted(
        p for p in args.root.rglob("*") if p.is_file() and p.name not in SKIP_NAMES and "hooks" not in p.parts
    )
    papers = merges = refused = doubtful = 0
    calls: list[tuple[str, list[str]]] = []
    real, _signals._acronym_of = _signals._acronym_of, _recording(calls)  # type: ignore[method-assign]
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
    _signals._acronym_of = real  # type: ignore[method-assign]
    print(f"\n{len(files)} files ({refused} refused): {papers} papers, {merges} merges, {doubtful} doubtful ids")
    print(acronym_line(calls))


if __name__ == "__main__":
    main()
