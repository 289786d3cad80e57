"""How far can the feed replay protocol go? Oracle rankers beside the SVM and the shipped ranking, one run.

The replay protocol of ``bench_feed.py`` (recorded DailyArXiv-style READMEs, a group = a keyword section, the first
ten papers by (date, id) saved, every later paper of the section relevant, every other corpus paper from the cut's
day on a candidate) scores a ranking by P@10. This script asks what P@10 the protocol allows at all, on every recorded
history group (all burned: dev), in the same run as the arxiv-sanity SVM and the shipped ranking:

- **perfect**: P@10 = min(10, relevant candidates) / 10 (no ranker can do better);
- **query oracle**: the section's own query — the words of the section's name (all of them, as words), or, where the
  README's generator lists several keywords for a section, any of those phrases — applied as a filter on each
  candidate's title and abstract; the matches first, ranked by the arxiv-sanity SVM or by date (nearest the cut
  first), then the rest by the SVM. It knows what no ranker seeing only the saved papers knows (the query), and it
  reads only the text the corpus holds (titles only for most sections);
- **date-gated** (no oracle, a protocol effect): the shipped ranking with the candidates dated within the saved
  papers' own span (at least 7 days) after the last save put first: the replayed corpus mixes READMEs of different
  years, which a real feed (one day's arrivals) never does, so what this gains the protocol rewards and a user would
  not see;
- **label noise**: candidates that match the query and are not relevant, by why the protocol cannot score them
  as hits: listed only by another README (another time or another generator), listed by the same README after the
  section's last date, or listed by the same README within the section's dates under another section (the
  section's search missed it, or its daily cap left it out).

Usage: python benchmarks/bench_feed_ceiling.py [--realdata PATH] [--min-group 15]
(prints a per-group table, then pooled means with 95% bootstrap intervals over groups; a few minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_feed import load_groups, one_day, vectors_for  # noqa: E402

import paperlab  # noqa: E402
from paperlab.feed.evaluate import evaluate_recommendations, ndcg_at, svm_baseline  # noqa: E402
from paperlab.search.personal import RankingOptions, rank_personal  # noqa: E402

# The keyword lists of the two cv-arxiv-daily generators (their config names several search phrases per section;
# our own transcription of the section -> phrases map, as the READMEs' sections were produced).
CV_ARXIV_DAILY = {
    "SLAM": ["SLAM", "Visual Odometry"],
    "SFM": ["SFM", "Structure from Motion"],
    "Visual Localization": [
        "Visual Localization",
        "Camera Localization",
        "Camera Re-localisation",
        "Loop Closure Detection",
        "visual place recognition",
        "image retrieval",
    ],
    "Keypoint Detection": ["Keypoint Detection", "Feature Descriptor"],
    "Image Matching": ["Image Matching", "Keypoint Matching", "Line Segment Detection", "Local Feature Matching"],
    "NeRF": ["NeRF"],
    "Gaussian Splatting": ["Gaussian Splatting"],
    "Point Cloud Registration": [
        "Point Cloud Registration",
        "3D Registration",
        "LiDAR Registration",
        "Point Cloud Matching",
    ],
    "3D Registration": ["Point Cloud Registration", "3D Registration", "LiDAR Registration", "Point Cloud Matching"],
}
# digital_verification's '###' subsections name a source, not a query: their query is the keyword above them.
SOURCE_SECTIONS = {"DVCon (proceedings archive)", "IEEE (Xplore)", "Semantic Scholar", "arXiv"}


def word_pattern(words: list[str]) -> re.Pattern[str]:
    """The words in order as one phrase (hyphens or spaces between them, a plural 's' allowed)."""
    body = r"[\s\-]+".join(re.escape(w) for w in words)
    return re.compile(rf"\b{body}(?:s|es)?\b", re.IGNORECASE)


def query_of(group: str) -> tuple[str, list[list[re.Pattern[str]]]]:
    """The section's query as alternatives, each a list of patterns that must all match; and its kind."""
    owner, section = group.split(": ", 1)
    if owner in ("Vincentqyw", "Ea510chan") and section in CV_ARXIV_DAILY:
        return "keyword list", [[word_pattern(p.split())] for p in CV_ARXIV_DAILY[section]]
    if owner == "digital" and section in SOURCE_SECTIONS:
        return "parent keyword", [[word_pattern(["verification"])], [word_pattern(["UVM"])]]
    return "section name", [[word_pattern([w]) for w in section.split()]]


def matches(paper: paperlab.Paper, query: list[list[re.Pattern[str]]]) -> bool:
    text = f"{paper.title or ''} {paper.abstract or ''}"
    return any(all(p.search(text) for p in alt) for alt in query)


def listings(realdata: Path) -> dict[str, dict[str, list[tuple[str, Any]]]]:
    """Per README (the group-name prefix): arXiv id -> [(section, listed date)] as that README lists them."""
    files = sorted((realdata / "fixtures/dailyarxiv_readme").glob("*.md")) + [realdata / "seeds/daily-arxiv-readme.md"]
    out: dict[str, dict[str, list[tuple[str, Any]]]] = {}
    for f in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lib = paperlab.load(f)
        ids = out.setdefault(f.name.split("_")[0], {})
        for p in lib:
            for tag in p.tags:
                ids.setdefault(p.id, []).append((tag, p.updated or p.published))
    return out


class Capture:
    """A replay ranker that ranks by the arxiv-sanity SVM and keeps the replay's inputs and the SVM's order."""

    def __init__(self) -> None:
        self.svm = svm_baseline(0.01)
        self.inputs: tuple[Any, Any, Any] | None = None
        self.svm_order: list[str] = []

    def __call__(self, saved: Any, candidates: Any, background: Any) -> list[str]:
        self.inputs = (saved, candidates, background)
        self.svm_order = self.svm(saved, candidates, background)
        return self.svm_order


def date_gated(saved: list[paperlab.Paper], cands: list[paperlab.Paper], order: list[str]) -> list[str]:
    """No oracle, a protocol effect: the candidates dated within the saved papers' own span (at least 7 days) after
    the last save first, each part in ``order``. The replayed corpus mixes READMEs of different years, which a real
    feed (one day's arrivals) never does: what this gains, the protocol rewards and a user would not see."""
    days = [p.published for p in saved]
    last = max(days)
    window = max((last - min(days)).days, 7)
    near = {p.id for p in cands if 0 <= (p.published - last).days <= window}
    return [i for i in order if i in near] + [i for i in order if i not in near]


def oracle_orders(cands: list[paperlab.Paper], svm_order: list[str], query: Any) -> dict[str, list[str]]:
    """The query oracle's two orders: the matches by the SVM, or by date (nearest the cut first), then the rest."""
    hit = {p.id for p in cands if matches(p, query)}
    by_svm = [i for i in svm_order if i in hit]
    rest = [i for i in svm_order if i not in hit]
    by_date = [p.id for p in sorted((p for p in cands if p.id in hit), key=lambda p: (p.published, p.id))]
    return {"query oracle, SVM order": by_svm + rest, "query oracle, date order": by_date + rest}


def noise(group: str, papers: list[paperlab.Paper], extra: list[paperlab.Paper], lists: Any) -> dict[str, int]:
    """Why each matching non-relevant candidate is not a hit (see the module's docstring)."""
    owner, section = group.split(": ", 1)
    own = lists[owner]
    last = max(p.published for p in papers)
    out = {"other README": 0, "same README, after the section": 0, "same README, other section": 0}
    for p in extra:
        if p.id not in own:
            out["other README"] += 1
        elif p.published > last:
            out["same README, after the section"] += 1
        else:
            out["same README, other section"] += 1
    return out


def replay(name: str, papers: list[paperlab.Paper], corpus: list[paperlab.Paper], vectors: Any, lists: Any) -> dict:
    """One group: every system's P@10 and nDCG@10, the query's reach and its label noise."""
    cap = Capture()
    res = evaluate_recommendations(papers, corpus, ranker=cap)
    assert cap.inputs is not None
    saved, cands, background = cap.inputs
    group_ids = {p.id for p in papers}
    relevant = group_ids & {p.id for p in cands}
    kind, query = query_of(name)
    orders = {"arxiv-sanity SVM": cap.svm_order}
    orders["shipped ranking"] = rank_personal(saved, cands, background, RankingOptions(), vectors=vectors).ids
    orders["shipped, date-gated"] = date_gated(list(saved), list(cands), orders["shipped ranking"])
    orders |= oracle_orders(list(cands), cap.svm_order, query)
    hits = [p for p in cands if matches(p, query)]
    extra = [p for p in hits if p.id not in relevant]
    out: dict[str, Any] = {"name": name, "kind": kind, "relevant": len(relevant), "candidates": len(cands)}
    out["p10"] = {s: sum(i in relevant for i in o[:10]) / 10 for s, o in orders.items()}
    out["p10"]["perfect"] = min(10, len(relevant)) / 10
    out["ndcg10"] = {s: ndcg_at(o, relevant, 10) for s, o in orders.items()}
    out["matched"] = len(hits)
    out["matched relevant"] = len(hits) - len(extra)
    out["noise"] = noise(name, papers, extra, lists)
    hit_ids = {p.id for p in hits}
    # A top-10 pick that is no hit but matches the section's own query: on the topic by the README's rule, scored 0.
    out["misses"] = {
        s: noise(name, papers, [p for p in cands if p.id in set(o[:10]) - relevant and p.id in hit_ids], lists)
        | {"no query match": len(set(o[:10]) - relevant - hit_ids)}
        for s, o in orders.items()
        if s in ("arxiv-sanity SVM", "shipped ranking")
    }
    assert abs(out["p10"]["arxiv-sanity SVM"] - res.p10) < 1e-9
    return out


def interval(vals: np.ndarray) -> tuple[float, float, float]:
    draws = np.random.default_rng(0).integers(0, len(vals), size=(2000, len(vals)))
    means = vals[draws].mean(axis=1)
    return float(vals.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def ratio(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    draws = np.random.default_rng(0).integers(0, len(a), size=(2000, len(a)))
    r = a[draws].mean(axis=1) / np.maximum(b[draws].mean(axis=1), 1e-12)
    return float(a.mean() / b.mean()), float(np.percentile(r, 2.5)), float(np.percentile(r, 97.5))


SYSTEMS = (
    "arxiv-sanity SVM",
    "shipped ranking",
    "shipped, date-gated",
    "query oracle, SVM order",
    "query oracle, date order",
    "perfect",
)


def report(rows: list[dict]) -> None:
    short = ["SVM", "shipped", "gated", "q-SVM", "q-date", "perfect"]
    print(
        "\n| group | query | rel | cand | "
        + " | ".join(short)
        + " | matched (rel) | noise: other README / after / other section |"
    )
    print("|---" * (5 + len(short)) + "|")
    for r in rows:
        nz = r["noise"]
        cells = " | ".join(f"{r['p10'][s]:.1f}" for s in SYSTEMS)
        print(
            f"| {r['name']} | {r['kind']} | {r['relevant']} | {r['candidates']} | {cells} | {r['matched']} "
            f"({r['matched relevant']}) | {nz['other README']} / {nz['same README, after the section']} / "
            f"{nz['same README, other section']} |"
        )
    for subset, keep in (
        ("all", lambda r: True),
        ("abstract-bearing", lambda r: r["abstracts"]),
        ("title-only", lambda r: not r["abstracts"]),
    ):
        part = [r for r in rows if keep(r)]
        if not part:
            continue
        print(f"\n{subset}: {len(part)} groups (P@10 / nDCG@10 mean [95% CI]; P@10 / the SVM's)")
        base = np.array([r["p10"]["arxiv-sanity SVM"] for r in part])
        for s in SYSTEMS:
            p = np.array([r["p10"][s] for r in part])
            m, lo, hi = interval(p)
            rr, rlo, rhi = ratio(p, base)
            nd = (
                ""
                if s == "perfect"
                else "nDCG@10 {:.3f} [{:.2f}, {:.2f}]".format(*interval(np.array([r["ndcg10"][s] for r in part])))
            )
            print(f"  {s:26s} P@10 {m:.3f} [{lo:.2f}, {hi:.2f}]  {rr:.2f}x [{rlo:.2f}, {rhi:.2f}]  {nd}")
        for s in ("arxiv-sanity SVM", "shipped ranking"):
            miss = {k: sum(r["misses"][s][k] for r in part) for k in part[0]["misses"][s]}
            print(f"  {s}: its {sum(miss.values())} top-10 misses: " + ", ".join(f"{k} {v}" for k, v in miss.items()))
            matched = np.array(
                [r["p10"][s] + sum(r["misses"][s].values()) / 10 - r["misses"][s]["no query match"] / 10 for r in part]
            )
            print(
                "    P@10 counting its picks that match the query as hits: {:.3f} [{:.2f}, {:.2f}]".format(
                    *interval(matched)
                )
            )
        tot = {k: sum(r["noise"][k] for r in part) for k in part[0]["noise"]}
        matched = sum(r["matched"] for r in part)
        rel = sum(r["relevant"] for r in part)
        mrel = sum(r["matched relevant"] for r in part)
        print(
            f"  query matches {matched} candidates, {mrel} relevant (query precision {mrel / max(matched, 1):.3f}, "
            f"recall of the relevant {mrel / max(rel, 1):.3f}); not relevant: "
            + ", ".join(f"{k} {v}" for k, v in tot.items())
        )


def main() -> None:
    from _data import add_realdata_argument, realdata_or_exit

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_realdata_argument(ap, required=True)
    ap.add_argument("--min-group", type=int, default=15)
    args = ap.parse_args()
    realdata = realdata_or_exit(args.realdata)
    corpus, groups = load_groups(realdata, args.min_group)
    history = {g: ps for g, ps in groups.items() if not one_day(ps)}
    print(f"{len(history)} history groups over {len(corpus)} dated papers (all burned: dev)")
    vectors = vectors_for(corpus)
    lists = listings(realdata)
    rows = []
    t = time.perf_counter()
    for name, papers in history.items():
        r = replay(name, papers, corpus, vectors, lists)
        r["abstracts"] = sum(bool(p.abstract) for p in sorted(papers, key=lambda p: (p.published, p.id))[:10]) >= 5
        rows.append(r)
    print(f"replays: {time.perf_counter() - t:.0f} s")
    report(rows)


if __name__ == "__main__":
    main()
