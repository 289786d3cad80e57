"""Feed ranking on replayed histories over real topic groups (``--realdata PATH``, default ``$PAPERLAB_REALDATA``).

Topic groups are the keyword sections of the recorded DailyArXiv-style READMEs (every section with at least
``--min-group`` dated papers, 15 by default; a paper's date is the one its README lists). For each group the
papers are put in (date, id) order and the user "saved" the first ten; the rankers see every paper published
before that day and rank every other paper of the corpus published on or after it; the group's papers after the
cut are the relevant ones (paperlab.evaluate_recommendations). Sections whose papers all carry one date have no
history to replay and are reported apart (``--one-day``).

Groups are split deterministically into dev and test by a hash of their name. The fusion weights are chosen on
dev only (the default run), where each dev group is also replayed after its 5th and its 20th paper (more dev
evidence from the same groups; test keeps the one cut after the 10th); ``--no-tune --test`` scores the shipped
defaults on test, once. The table reports the plain arxiv-sanity SVM (tf-idf, LinearSVC C=0.01),
zotero-arxiv-daily's time-decayed similarity, our ranking as the two previous sessions shipped it and ours, all in
the same run.

``--extra DIR`` adds further history files (any file paperlab.load reads, e.g. other DailyArXiv-style READMEs):
each file's sections with at least ``--min-group`` dated papers become groups "<file>:<section>", split dev/test by
the same hash rule ("new-dev", "new-test"), replayed against the union of the extra files' papers (the recorded
groups keep their own corpus); "pooled" rows put the recorded and the extra groups of a split together. The dev
grid then runs over both dev parts; the extra test groups are scored only with ``--test``. ``--extra`` may be given
more than once: each folder is replayed against its own union ("new-dev", then "new2-dev", ...).

``--burned-as-dev`` (implied by ``--fresh``): every group scored as test before (the recorded test groups and the
``--extra`` test groups) is burned and joins dev: "dev" holds all the recorded history groups, "new-dev" (and
"new2-dev", ...) all the extra ones: e.g. ``--burned-as-dev --extra <session 6's folder> --extra <session 7's fresh
folder>`` scores every group scored so far as dev.

``--fresh DIR``: a held-out set never scored before: each file's sections with at least ``--min-group`` dated papers
become groups "<file>:<section>", ALL of them test (no hash split), replayed against the union of the fresh files'
papers; scored only with ``--test`` ("fresh test" rows), which then means this set alone.

Usage: python benchmarks/bench_feed.py [--realdata PATH] [--min-group 15] [--no-tune] [--test] [--one-day]
       [--extra DIR]... [--burned-as-dev] [--fresh DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from _data import add_realdata_argument, realdata_or_exit  # noqa: E402

import paperlab  # noqa: E402
from paperlab.feed.evaluate import (  # noqa: E402
    ReplayError,
    evaluate_recommendations,
    personal_ranker,
    svm_baseline,
    zotero_baseline,
)
from paperlab.search import embed, get_encoder, paper_text  # noqa: E402
from paperlab.search.personal import RankingOptions  # noqa: E402

N_SAVED = 10


def load_files(
    files: list[Path], min_group: int, name_of: Any
) -> tuple[list[paperlab.Paper], dict[str, list[paperlab.Paper]]]:
    """Every dated paper of the files, and their topic groups (``name_of(file, section)``, at least ``min_group``
    papers). A paper's date is the one its file lists (``published``, else the ``updated`` date some layouts show).
    """
    corpus: dict[str, paperlab.Paper] = {}
    groups: dict[str, list[paperlab.Paper]] = {}
    for f in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lib = paperlab.load(f)
        for p in lib:
            if listed_date(p) != p.published:
                p = dataclasses.replace(p, published=listed_date(p))
            if p.published is None:
                continue
            known = corpus.setdefault(p.id, p)
            for tag in p.tags:
                groups.setdefault(name_of(f, tag), []).append(known)
    groups = {g: ps for g, ps in groups.items() if len(ps) >= min_group}
    return list(corpus.values()), groups


def listed_date(p: paperlab.Paper) -> Any:
    """The day the file lists for a paper: ``published``, else the ``updated`` date some layouts show (also when
    ``published`` is only inferred or partial, e.g. the month of a new-style arXiv id)."""
    partial = p.extra.get("date_inferred") or p.extra.get("date_precision")
    return p.updated if p.updated is not None and (p.published is None or partial) else p.published


def load_groups(realdata: Path, min_group: int) -> tuple[list[paperlab.Paper], dict[str, list[paperlab.Paper]]]:
    """The recorded DailyArXiv READMEs: groups named "<repo owner>: <section>"."""
    files = sorted((realdata / "fixtures/dailyarxiv_readme").glob("*.md")) + [realdata / "seeds/daily-arxiv-readme.md"]
    return load_files(files, min_group, lambda f, tag: f"{f.name.split('_')[0]}: {tag}")


def load_extra(folder: Path, min_group: int) -> tuple[list[paperlab.Paper], dict[str, list[paperlab.Paper]]]:
    """Extra history files (``--extra DIR``: every file there that paperlab.load reads), groups "<file>:<section>".

    Their background and candidates are the union of the extra files' papers, apart from the recorded corpus:
    the same protocol as the recorded READMEs (every other topic's papers are the distractors), while the
    recorded groups keep exactly the corpus they were scored on before.
    """
    files = sorted(f for f in folder.iterdir() if f.is_file() and not f.name.startswith("."))
    return load_files(files, min_group, lambda f, tag: f"{f.stem}:{tag}")


def one_day(papers: list[paperlab.Paper]) -> bool:
    """A section whose papers all carry one date: no history to replay (in the recorded READMEs these are
    failed keyword queries listing the day's newest arXiv papers, the same off-topic titles in many sections)."""
    return len({p.published for p in papers}) == 1


def split(name: str) -> str:
    """dev for about 40% of the groups, test for the rest, by a stable hash of the name."""
    return "dev" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 5 < 2 else "test"


def vectors_for(corpus: list[paperlab.Paper]) -> dict[str, np.ndarray]:
    cache = Path(os.environ.get("PAPERLAB_BENCH_CACHE", Path.home() / ".cache/paperlab-bench"))
    cache.mkdir(parents=True, exist_ok=True)
    from paperlab.store import Store

    with Store(cache / "embeddings.sqlite3") as store:
        vecs, n_new = embed(get_encoder(None), [paper_text(p) for p in corpus], store=store, progress=False)
    print(f"embeddings: {len(corpus)} papers, {n_new} newly encoded (MiniLM)")
    return {p.id: v for p, v in zip(corpus, vecs, strict=True)}


def replay_all(groups: dict[str, list[Any]], corpus: list[Any], ranker: Any, n_saved: int = N_SAVED) -> dict[str, Any]:
    out = {}
    for name, papers in groups.items():
        try:
            out[name] = evaluate_recommendations(papers, corpus, n_saved=n_saved, ranker=ranker)
        except ReplayError:
            continue
    return out


def mean(results: dict[str, Any], names: list[str], attr: str) -> float:
    vals = [getattr(results[n], attr) for n in names if n in results]
    return float(np.mean(vals)) if vals else float("nan")


# Weights of the defining phrases tried on dev (svm 1, knn 1, profile 1, decay 0): the neighbourhood that a
# cheaper search over cached per-group signals of the dev replays found best among settings keeping every signal,
# re-measured here with the real ranker (pseudo-relevance feedback included).
GRID = (0.0, 0.5, 1.0)
DEV_CUTS = (5, 10, 20)


def tune(dev: list[tuple[dict[str, list[Any]], list[Any]]], vectors: dict[str, np.ndarray]) -> RankingOptions:
    """The fusion weights with the best mean nDCG@10 over the dev replays (every dev group, each against its own
    corpus, cut after its 5th, 10th and 20th paper)."""
    best: tuple[float, RankingOptions] | None = None
    for w_phrases in GRID:
        weights = {"svm": 1.0, "decay": 0.0, "knn": 1.0, "profile": 1.0, "phrases": w_phrases}
        opts = RankingOptions(weights=weights)
        scores = []
        for cut in DEV_CUTS:
            res = {}
            for groups, corpus in dev:
                res |= replay_all(groups, corpus, personal_ranker(opts, vectors=vectors), n_saved=cut)
            scores += [r.ndcg10 for r in res.values()]
            print(f"  dev phrases={w_phrases} cut {cut}: nDCG@10 {mean(res, list(res), 'ndcg10'):.3f}", flush=True)
        score = float(np.mean(scores))
        print(f"  dev phrases={w_phrases}: nDCG@10 {score:.3f} over {len(scores)} replays", flush=True)
        if best is None or score > best[0]:
            best = (score, opts)
    assert best is not None
    return best[1]


def row(name: str, label: str, res: dict[str, Any], secs: float | None = None) -> str:
    """One table row: mean nDCG@10, P@10 and recall@50 with their 95% bootstrap intervals over groups."""
    cells = []
    for attr in ("ndcg10", "p10", "recall50"):
        m, lo, hi = mean_interval(res, attr)
        cells.append(f"{m:.3f} [{lo:.2f}, {hi:.2f}]")
    tail = f" {secs:.1f} |" if secs is not None else " |"
    return f"| {name} | {label} | {len(res)} | " + " | ".join(cells) + " |" + tail


def table(
    systems: dict[str, Any], parts: dict[str, tuple[dict[str, list[Any]], list[Any]]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """Print the table (each part against its own corpus); return every system's per-group results by
    (system, split)."""
    out = {}
    print(
        "\n| system | split | groups | nDCG@10 [95% CI] | P@10 [95% CI] | recall@50 [95% CI] | seconds |"
        "\n|---|---|---|---|---|---|---|"
    )
    for name, ranker in systems.items():
        for label, (part, corpus) in parts.items():
            t = time.perf_counter()
            res = replay_all(part, corpus, ranker)
            out[(name, label)] = res
            print(row(name, label, res, time.perf_counter() - t), flush=True)
    return out


def pooled(results: dict[tuple[str, str], dict[str, Any]], systems: list[str], labels: list[str]) -> None:
    """Add and print "pooled" rows: recorded and extra groups of one split together (names never collide)."""
    for split_name in ("dev", "test"):
        members = [lb for lb in labels if lb == split_name or (lb.startswith("new") and lb.endswith(f"-{split_name}"))]
        if len(members) < 2:
            continue
        for name in systems:
            res = {g: r for lb in members for g, r in results[(name, lb)].items()}
            results[(name, f"pooled {split_name}")] = res
            print(row(name, f"pooled {split_name}", res))


def mean_interval(res: dict[str, Any], attr: str) -> tuple[float, float, float]:
    """Mean of ``attr`` over the groups with a 95% bootstrap interval over groups."""
    vals = np.array([getattr(r, attr) for r in res.values()])
    if not len(vals):
        return float("nan"), float("nan"), float("nan")
    draws = np.random.default_rng(0).integers(0, len(vals), size=(2000, len(vals)))
    means = vals[draws].mean(axis=1)
    return float(vals.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def ratio_interval(ours: dict[str, Any], base: dict[str, Any], attr: str = "p10") -> tuple[float, float, float]:
    """Ratio of mean ``attr`` (ours / base) over the groups both scored, with a 95% bootstrap interval over groups."""
    names = sorted(set(ours) & set(base))
    a = np.array([getattr(ours[n], attr) for n in names])
    b = np.array([getattr(base[n], attr) for n in names])
    rng = np.random.default_rng(0)
    draws = rng.integers(0, len(names), size=(2000, len(names)))
    ratios = a[draws].mean(axis=1) / np.maximum(b[draws].mean(axis=1), 1e-12)
    return float(a.mean() / b.mean()), float(np.percentile(ratios, 2.5)), float(np.percentile(ratios, 97.5))


def arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_realdata_argument(ap, required=True)
    ap.add_argument("--min-group", type=int, default=15)
    ap.add_argument("--no-tune", action="store_true", help="skip the dev grid; use the shipped defaults")
    ap.add_argument("--one-day", action="store_true", help="also score the one-day sections (all of them)")
    ap.add_argument("--test", action="store_true", help="also score the test groups (once, with final defaults)")
    ap.add_argument(
        "--extra",
        type=Path,
        action="append",
        help="a folder of further history files (DailyArXiv-style READMEs...): their sections become groups, "
        "split dev/test by the same rule, scored against the union of these files; repeatable (each folder keeps "
        "its own corpus: parts 'new-', 'new2-', ...)",
    )
    ap.add_argument(
        "--burned-as-dev",
        action="store_true",
        help="every group scored as test before (recorded and --extra) joins dev (implied by --fresh)",
    )
    ap.add_argument(
        "--fresh",
        type=Path,
        help="a folder of held-out history files: every section is a test group ('fresh test', scored with --test "
        "only, against the union of these files); the earlier test groups become dev",
    )
    return ap.parse_args()


def splits(
    args: argparse.Namespace,
) -> tuple[dict[str, tuple[dict[str, list[Any]], list[Any]]], list[Any]]:
    """The parts to score ("dev", "test", "one-day", "new-dev", "new-test"; test parts only with ``--test``),
    each with its corpus, and every paper (for the embeddings)."""
    corpus, groups = load_groups(realdata_or_exit(args.realdata), args.min_group)
    sources = [("", corpus, groups)]
    for i, folder in enumerate(extra_folders(args)):
        sources.append((f"new{i + 1 if i else ''}-", *load_extra(folder, args.min_group)))
    burned = args.burned_as_dev or args.fresh is not None
    parts: dict[str, tuple[dict[str, list[Any]], list[Any]]] = {}
    for prefix, papers, found in sources:
        history = {g: ps for g, ps in found.items() if not one_day(ps)}
        for label in ("dev", "test"):
            part = {g: ps for g, ps in history.items() if (burned and label == "dev") or split(g) == label}
            note = " (burned: scored in dev)" if burned and label == "test" else ""
            print(f"{prefix}{label}: {len(part)} groups over {len(papers)} dated papers{note}", flush=True)
            if label == "dev" or (args.test and not burned):
                parts[prefix + label] = (part, papers)
        if args.one_day:
            parts[prefix + "one-day"] = ({g: ps for g, ps in found.items() if one_day(ps)}, papers)
    if args.fresh is not None:
        papers, found = load_extra(args.fresh, args.min_group)
        sources.append(("fresh ", papers, found))
        part = {g: ps for g, ps in found.items() if not one_day(ps)}
        print(f"fresh test: {len(part)} groups over {len(papers)} dated papers", flush=True)
        if args.test:
            parts["fresh test"] = (part, papers)
    every = list({p.id: p for _, papers, _ in sources for p in papers}.values())
    return parts, every


def extra_folders(args: argparse.Namespace) -> list[Path]:
    """The ``--extra`` folders, in the order given (one folder or none also accepted)."""
    extra = args.extra or []
    return [extra] if isinstance(extra, Path) else list(extra)


# Session 6's shipped weights, shipped until session 9 (no neighbour scores; the package default is RankingOptions()).
SESSION6 = {"svm": 1.0, "decay": 0.0, "knn": 1.0, "profile": 1.0, "phrases": 0.5}


def baselines(vectors: dict[str, np.ndarray], fresh: bool) -> dict[str, Any]:
    """The systems every run scores: the arxiv-sanity SVM (first: the ratios' base), zotero-arxiv-daily, earlier
    sessions' rankings (session 4's left out of a ``--fresh`` run, for time) and the package defaults."""
    older = RankingOptions(
        weights={"svm": 1.0, "decay": 0.0, "knn": 1.0, "profile": 0.0, "phrases": 0.0}, neighbours=0.0
    )
    previous = RankingOptions(
        weights={"svm": 1.0, "decay": 0.0, "knn": 1.0, "profile": 1.0, "phrases": 0.0}, neighbours=0.0
    )
    session6 = RankingOptions(weights=dict(SESSION6), neighbours=0.0)
    systems = {
        "arxiv-sanity SVM (tf-idf, C=0.01)": svm_baseline(0.01),
        "zotero-arxiv-daily (decayed MiniLM sim)": zotero_baseline(vectors=vectors),
        "paperlab session 3 (SVM + kNN)": personal_ranker(older, vectors=vectors),
        "paperlab session 4 (+ keyword profile)": personal_ranker(previous, vectors=vectors),
        "paperlab session 6-9 (shipped then)": personal_ranker(session6, vectors=vectors),
        "paperlab defaults (shipped)": personal_ranker(RankingOptions(), vectors=vectors),
    }
    if fresh:
        del systems["paperlab session 4 (+ keyword profile)"]
    if RankingOptions() == session6:  # nothing changed since: one row
        del systems["paperlab session 6-9 (shipped then)"]
    return systems


def main() -> None:
    args = arguments()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    parts, every = splits(args)
    vectors = vectors_for(every)
    dev = [parts[lb] for lb in parts if lb == "dev" or (lb.startswith("new") and lb.endswith("-dev"))]
    tuned = RankingOptions() if args.no_tune else tune(dev, vectors)
    print(
        f"chosen on dev: weights {tuned.weights}, C={tuned.C}, feedback={tuned.feedback}, terms={tuned.profile_terms}"
    )
    systems = baselines(vectors, fresh=args.fresh is not None)
    if not args.no_tune:
        systems["paperlab tuned on dev"] = personal_ranker(tuned, vectors=vectors)
    results = table(systems, parts)
    pooled(results, list(systems), list(parts))
    base = next(iter(systems))
    print(f"\nP@10 relative to {base} (95% bootstrap interval over groups):")
    labels = sorted({lb for _, lb in results}, key=lambda lb: (lb.startswith("pooled"), lb))
    for name in list(systems)[1:]:
        for label in labels:
            r, lo, hi = ratio_interval(results[(name, label)], results[(base, label)])
            print(f"  {name} | {label}: {r:.2f}x [{lo:.2f}, {hi:.2f}]")


if __name__ == "__main__":
    main()
