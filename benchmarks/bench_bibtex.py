"""Benchmark: BibTeX import speed, entries per second, on entries with abstracts.

A ``.bib`` of ``--n`` entries (default 5,000) is generated from the bundled demo corpus
(``paperlab/data/demo.jsonl``: real titles and abstracts), written as reference managers export them:
braced titles, ``Last, First and ...`` authors, ``month = aug``, a DOI, an arXiv eprint, keywords and the
abstract. Every tenth entry carries LaTeX (accents in names, ``$...$`` math and ``\\emph{}`` in the
abstract), as real files do. Then it is read three ways, each timed by CPU and wall clock:

* ``bibtexparser``: ``bibtexparser.parse_string`` with paperlab's middleware stack (splitting,
  ``@String`` and ``#`` resolution, month names, co-author splitting), the baseline: no conversion to
  Paper objects at all;
* ``paperlab, LaTeX decoded in every field``: :func:`paperlab.sources.bibtex.parse_bibtex` with the
  fast path switched off (every text field goes through pylatexenc, as before issue 13);
* ``paperlab``: :func:`paperlab.sources.bibtex.parse_bibtex` as shipped (pylatexenc only for a field
  holding ``\\``, ``{``, ``}``, ``$``, ``~`` or ``%``).

Each is repeated ``--repeat`` times; the median CPU time is shown, with the range of rates.

Usage::

    python benchmarks/bench_bibtex.py              # 5,000 entries, 3 repeats
    python benchmarks/bench_bibtex.py --n 1000 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import bibtexparser

from paperlab.paper import Paper
from paperlab.sources.bibtex import parse_bibtex, read
from paperlab.sources.bibtex import text as bibtex_text
from paperlab.sources.bibtex.stack import parse_stack

DEMO = Path(__file__).resolve().parent.parent / "paperlab" / "data" / "demo.jsonl"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _escape(text: str) -> str:
    return text.replace("\\", "").replace("{", "").replace("}", "").replace("%", "\\%").replace("&", "\\&")


def generate(n: int) -> str:
    """A BibTeX file of ``n`` entries with abstracts (every tenth with LaTeX in names and abstract)."""
    papers = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    papers = [p for p in papers if p.get("abstract")]
    out = []
    for i in range(n):
        p = papers[i % len(papers)]
        latex = i % 10 == 0
        authors = p.get("authors") or ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
        names = []
        for a in authors[:8]:
            first, _, last = a.rpartition(" ")
            names.append(f"{last}, {first}" if first else last)
        if latex:
            names.append('G{\\"o}del, Kurt')
        abstract = _escape(p["abstract"])
        if latex:
            abstract += " We bound the error by $O(n^{-1/2})$ and call it \\emph{tight}."
        published = p.get("published") or "2024-01-01"
        year, month = published[:4], MONTHS[int(published[5:7]) - 1]
        arxiv = p.get("arxiv_id") or f"2401.{i:05d}"
        out.append(
            f"@article{{key{i},\n"
            f"  title = {{{{{_escape(p['title'])} (copy {i})}}}},\n"
            f"  author = {{{' and '.join(names)}}},\n"
            f"  journal = {{Journal of Benchmarks}},\n"
            f"  year = {{{year}}},\n"
            f"  month = {month},\n"
            f"  doi = {{10.1234/bench.{i}}},\n"
            f"  eprint = {{{arxiv}}},\n"
            f"  archiveprefix = {{arXiv}},\n"
            f"  primaryclass = {{cs.LG}},\n"
            f"  keywords = {{benchmarks, bibtex, import speed}},\n"
            f"  abstract = {{{abstract}}},\n"
            "}\n"
        )
    return "\n".join(out)


def _time(fn: Callable[[], object], repeat: int) -> tuple[float, float, list[float]]:
    """(median CPU seconds, wall seconds of that run, all CPU seconds)."""
    runs = []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.process_time() - c0, time.perf_counter() - w0))
    cpus = [c for c, _ in runs]
    median = statistics.median_low(cpus)
    return median, dict(runs)[median], cpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--n", type=int, default=5000, help="entries in the generated file")
    ap.add_argument("--repeat", type=int, default=3, help="runs per row; the median CPU run is shown")
    args = ap.parse_args()
    text = generate(args.n)
    fast = read._latex_to_text

    def baseline() -> object:
        return bibtexparser.parse_string(text, parse_stack=parse_stack())

    def slow() -> list[Paper]:
        # pylatexenc on every whole value, as before issue 13 (clean() and clean_block() call latex_to_text)
        read._latex_to_text = bibtex_text.latex_to_text = bibtex_text._decode
        try:
            return parse_bibtex(text, source="bench.bib")
        finally:
            read._latex_to_text = bibtex_text.latex_to_text = fast

    def shipped() -> list[Paper]:
        return parse_bibtex(text, source="bench.bib")

    assert len(shipped()) == args.n  # also warms up pylatexenc's tables

    def fields(papers: list[Paper]) -> list[dict[str, object]]:
        return [{k: v for k, v in p.to_dict().items() if k != "sources"} for p in papers]

    assert fields(slow()) == fields(shipped()), "the fast path must give the same papers"
    print(f"BibTeX import, {args.n} entries with abstracts ({len(text) / 1e6:.1f} MB), median of {args.repeat}")
    print(f"{'reader':<42} {'entries/s (CPU)':>16} {'range':>16} {'entries/s (wall)':>17}")
    for label, fn in (
        ("bibtexparser alone (baseline)", baseline),
        ("paperlab, LaTeX decoded in every field", slow),
        ("paperlab", shipped),
    ):
        cpu, wall, cpus = _time(fn, args.repeat)
        lo, hi = args.n / max(cpus), args.n / min(cpus)
        print(f"{label:<42} {args.n / cpu:>16,.0f} {f'{lo:,.0f}-{hi:,.0f}':>16} {args.n / wall:>17,.0f}")


if __name__ == "__main__":
    main()
