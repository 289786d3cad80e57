"""Rebuild paperlab/data/demo.jsonl from the recorded real corpus with paperlab's own importers.

Usage: python scripts/build_demo_corpus.py REALDATA
(REALDATA: the folder holding fixtures/ and seeds/; defaults to $PAPERLAB_REALDATA.)
"""

from __future__ import annotations

import argparse
import json
import os
import warnings
from pathlib import Path

import paperlab

ROOT = Path(__file__).resolve().parents[1]

FILES = [
    ("seeds/hf-papers-contrastive.txt", {"reference_date": "2025-10-20"}),
    ("seeds/hf-papers-ood-hallucination.txt", {"reference_date": "2025-10-20"}),
    ("seeds/daily-arxiv-readme.md", {}),
    ("fixtures/dailyarxiv_readme/hengxt_DailyArXiv_fork_README_2026-08-21_c125e64.md", {}),
    ("fixtures/hf_daily_papers/sotawhat_daily_papers_2026-06_30items.json", {}),
    ("fixtures/hf_daily_papers/hf-daily-paper-newsletter-chinese_daily_papers_2025-10-15.json", {}),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    env = os.environ.get("PAPERLAB_REALDATA")
    ap.add_argument("realdata", nargs="?" if env else None, default=env, help="folder with fixtures/ and seeds/")
    args = ap.parse_args()
    shared = Path(args.realdata)
    if not (shared / "seeds").is_dir():
        ap.error(f"{shared} has no seeds/ folder: pass the recorded real corpus (fixtures/ and seeds/)")
    lib = paperlab.Library(name="demo")
    for rel, options in FILES:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            part = paperlab.load(shared / rel, **options)
        for w in caught:
            print(f"  note: {w.message}")
        print(f"{rel}: {len(part)} papers")
        lib.extend(part)
    # Newest first, as a researcher scans a feed; undated papers (saved pages without dates) last.
    lib = lib.sort("published", descending=True)
    for p in lib:  # locations inside the build machine mean nothing to users
        for s in p.sources:
            s.location = Path(s.location).name
    out = ROOT / "paperlab" / "data" / "demo.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for p in lib:
            fh.write(json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(lib)} papers to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
