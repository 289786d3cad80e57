"""Search quality on five labelled collections built from the recorded real corpus (``--realdata PATH``, default
``$PAPERLAB_REALDATA``), tuned on dev queries only and reported on held-out test queries.

Collections (``benchmarks/data/search_collections.json``, which names ``search_queries.json`` for the first):
- dailyarxiv-abstracts: three DailyArXiv READMEs and two saved Hugging Face search pages (titles + abstracts),
- 3d-vision-titles: two 3D-vision DailyArXiv READMEs (titles only),
- kaggle-arxiv: the Kaggle arXiv metadata slice, groups = arXiv archives (physics and mathematics),
- fresh in session 5 (``search_collections_fresh.json``, queries committed before any run on them):
  s2-turing-citations (the papers citing Turing 1950 with an abstract, groups = Semantic Scholar fields of study)
  and reading-lists (ten unrelated real reference lists and saved searches, group = the file).
Text queries describe a group without its keywords; paper-as-query asks for papers like one of a group. Every
query is dev or test by a hash of its text (see the JSON's description). Short keyword-free paraphrases ("pulling
similar examples close and pushing dissimilar ones away" for contrastive learning) join the dev queries when their
hash says dev; the others form a separate held-out paraphrase set, reported for the cut-off only. Off-topic queries (everyday topics, and
the queries of a different field's collection) measure the relevance cut-off: nothing should be listed for them.

Tuning (dev only): the hybrid blend weight and pseudo-relevance feedback (a grid; the shipped ones are kept unless
another setting is better on dev by more than 0.005 P@10), and a model of "relevant" over the hit features of
``paperlab/search/ranking.py``, fitted on the candidates of the dev queries and of the dev off-topic queries (all
negatives, as unrelated queries are part of real use): a logistic model on every candidate, one on each query's
best 100 candidates with the collections weighted equally, or the first refined by coordinate ascent on dev P@10
(then re-scaled by one logistic fit, so scores stay probabilities). Fitted variants are compared by their dev P@10
with the scored collection left out of the fit (the calibrated score, and the ranking when that beats the blend), then the lowest cut-off at which 80% of the off-topic dev queries list nothing (none when no cut-off below the
score of a perfect hit reaches that). ``--write-calibration`` stores the result in ``paperlab/search/calibration.json``;
without it the shipped calibration is evaluated. Test figures: P@10 and nDCG@10 (mean over queries, every
collection weighted equally), bootstrap 95% CIs (queries resampled within each collection, 2,000 draws), ratios
to tf-idf with arxiv-sanity's settings, BM25 and plain MiniLM, all in the same run.

With ``--write-calibration`` the calibration shipped before the run is a baseline row too (P@10 and the cut-off).

Usage: python benchmarks/bench_search_quality.py [--realdata PATH] [--write-calibration] [--static] [--dev-only]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from _data import add_realdata_argument, realdata_or_exit  # noqa: E402

import paperlab  # noqa: E402
from paperlab.search import PaperIndex, paper_text, tfidf_vectorizer  # noqa: E402
from paperlab.search.ranking import (  # noqa: E402
    CALIBRATION_FILE,
    FEATURES,
    Calibration,
    ModeCalibration,
    load_calibration,
)

K = 10
OFF_TOPIC_QUIET = 0.8  # share of off-topic dev queries that must list nothing at the cut-off
DEV_NOISE = 0.005
GRID = [(w, f) for w in (0.6, 0.7, 0.8, 0.9) for f in (5, 10)]  # weight 0.5 and feedback 0 lost on dev (session 5)
TOP_FIT = 100  # the "top fit" score model sees each dev query's best candidates by the blend only  # dev P@10 differences smaller than this do not move the shipped weight and feedback
DATA = ROOT / "benchmarks" / "data"
MODEL = "all-MiniLM-L6-v2"
FRESH = set(json.loads((DATA / "search_collections_fresh.json").read_text(encoding="utf-8"))["collections"])


def split_of(collection: str, key: str) -> str:
    """'dev' or 'test', fixed by a hash of the collection and the query (or paper id)."""
    return "dev" if hashlib.sha1(f"{collection}\t{key}".encode()).digest()[0] % 2 == 0 else "test"


@dataclass
class Collection:
    name: str
    lib: paperlab.Library
    groups: dict[str, set[str]]
    queries: list[tuple[str, str]]  # (query, group)
    offtopic: list[str] = field(default_factory=list)
    paraphrases: list[tuple[str, str]] = field(default_factory=list)  # held out: never tuned on, not in "test"
    max_paper_queries: int | None = None  # paper-as-query per split, the first in sha1 order of the paper id

    def text(self, split: str) -> list[tuple[str, set[str]]]:
        if split == "paraphrase":
            return [(q, self.groups[g]) for q, g in self.paraphrases]
        return [(q, self.groups[g]) for q, g in self.queries if split_of(self.name, q) == split]

    def papers(self, split: str) -> list[tuple[str, set[str]]]:
        member = {pid: {g for g, ids in self.groups.items() if pid in ids} for pid in self.lib.ids}
        out = []
        for pid in self.lib.ids:
            if split_of(self.name, pid) == split and any(len(self.groups[g]) >= 10 for g in member[pid]):
                out.append((pid, set().union(*(self.groups[g] for g in member[pid])) - {pid}))
        if self.max_paper_queries is not None:
            out = sorted(out, key=lambda x: hashlib.sha1(x[0].encode()).hexdigest())[: self.max_paper_queries]
        return out

    def off(self, split: str) -> list[str]:
        return [q for q in self.offtopic if split_of(self.name, q) == split]


def _group_ids(lib: paperlab.Library, spec: dict[str, Any], fields: dict[str, set[str]]) -> set[str]:
    if "s2_field" in spec:  # Semantic Scholar's field of study of the paper's S2 record
        return {p.id for p in lib if spec["s2_field"] in fields.get(str(p.extra.get("paperId")), set())}
    if "tag" in spec or "tags" in spec:
        tags = set(spec.get("tags", [spec.get("tag")]))
        return {p.id for p in lib if tags & set(p.tags)}
    if "archive" in spec:
        return {p.id for p in lib if p.categories and p.categories[0].split(".")[0] == spec["archive"]}
    return {p.id for p in lib if any(s.location.endswith(spec["source_file"]) for s in p.sources)}


def _s2_citations(path: Path, with_abstract: bool) -> tuple[list[paperlab.Paper], dict[str, set[str]]]:
    """The papers citing a recorded S2 paper (``citations`` of a full-details response), and each one's fields of
    study (``s2FieldsOfStudy`` categories) by S2 paper id."""
    from paperlab.sources.semantic_scholar import parse_semantic_scholar

    cited = [
        c for c in json.loads(path.read_text(encoding="utf-8"))["citations"] if c.get("abstract") or not with_abstract
    ]
    fields = {c["paperId"]: {f["category"] for f in c.get("s2FieldsOfStudy") or []} for c in cited}
    return parse_semantic_scholar(cited, str(path)), fields


def _corpus(realdata: Path, entries: list[Any]) -> tuple[paperlab.Library, dict[str, set[str]]]:
    """A collection's library (files read with paperlab.load; ``{"s2_citations_of": file}``: the citing papers)."""
    files = [realdata / f for f in entries if isinstance(f, str)]
    lib, fields = paperlab.load(*files) if files else paperlab.Library(), {}
    for e in (e for e in entries if isinstance(e, dict)):
        papers, found = _s2_citations(realdata / e["s2_citations_of"], bool(e.get("with_abstract")))
        lib.extend(papers)
        fields.update(found)
    return lib, fields


def load_collections(realdata: Path) -> list[Collection]:
    spec = json.loads((DATA / "search_collections.json").read_text(encoding="utf-8"))
    fresh = json.loads((DATA / "search_collections_fresh.json").read_text(encoding="utf-8"))  # session 5
    specs = {}
    for name, c in {**spec["collections"], **fresh["collections"]}.items():
        specs[name] = {**json.loads((DATA / c["from"]).read_text(encoding="utf-8")), **c} if "from" in c else c
    out = []
    for name, c in specs.items():
        lib, fields = _corpus(realdata, c["corpus"])
        groups = {g: _group_ids(lib, gs, fields) for g, gs in c["groups"].items()}
        for q in [*c["queries"], *c.get("paraphrases", [])]:
            for word in c["groups"][q["group"]]["forbidden"]:
                assert word not in q["query"].lower(), f"{name}: query for {q['group']} uses {word!r}: {q['query']!r}"
        borrowed = [q["query"] for other in c.get("offtopic_from", []) for q in specs[other]["queries"]]
        queries = [(q["query"], q["group"]) for q in c["queries"]]
        para = [(q["query"], q["group"]) for q in c.get("paraphrases", [])]
        queries += [q for q in para if split_of(name, q[0]) == "dev"]  # the test-side ones are held out apart
        held_out = [q for q in para if split_of(name, q[0]) == "test"]
        off = list(spec["offtopic"]) + borrowed
        out.append(Collection(name, lib, groups, queries, off, held_out, c.get("max_paper_queries")))
    return out


def precision_ndcg(ranked: list[str], relevant: set[str]) -> tuple[float, float]:
    hits = [1.0 if r in relevant else 0.0 for r in ranked[:K]]
    dcg = sum(h / np.log2(i + 2) for i, h in enumerate(hits))
    ideal = sum(1 / np.log2(i + 2) for i in range(min(K, len(relevant))))
    return sum(hits) / K, (dcg / ideal if ideal else 0.0)


class BlendOrder(PaperIndex):
    """The hybrid search before calibration: ranked by the min-max blend (weight 0.7, feedback 10)."""

    def calibration_(self, mode: str) -> ModeCalibration:
        m = super().calibration_(mode)
        return ModeCalibration(m.weights, m.bias, 0.0, "native")


class TfidfBaseline:
    """arxiv-sanity: tf-idf (1-2 grams, 20k features, sublinear tf), cosine similarity."""

    def fit(self, lib: paperlab.Library) -> TfidfBaseline:
        self.ids = lib.ids
        self.vec = tfidf_vectorizer()
        self.X = self.vec.fit_transform([paper_text(p) for p in lib])
        return self

    def search(self, query: str) -> list[str]:
        s = (self.X @ self.vec.transform([query]).T).toarray().ravel()
        return [self.ids[i] for i in np.argsort(-s, kind="stable")[:K]]

    def similar(self, pid: str) -> list[str]:
        row = self.ids.index(pid)
        s = (self.X @ self.X[row].T).toarray().ravel()
        s[row] = -np.inf
        return [self.ids[i] for i in np.argsort(-s, kind="stable")[:K]]


# -- tuning on dev ------------------------------------------------------------------------------------
def dev_features(
    index: PaperIndex, items: list[tuple[str, set[str]]], mode: str
) -> list[tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]]:
    """Per dev query: candidate rows, their features and 0/1 labels."""
    out = []
    for query, rel in items:
        qvec = index.encoder_.encode([query])[0] if mode != "lexical" else None
        cand, feats = index.hit_features(query, qvec, mode, depth=min(len(index.papers_), 100))
        labels = np.array([index.papers_[r].id in rel for r in cand], dtype=np.int8)
        out.append((cand, feats, labels))
    return out


def fit_logistic(
    samples: list[tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]], mode: str, weights: list[float] | None = None
) -> ModeCalibration:
    """Logistic model over the mode's features, pooled dev candidates (``weights``: one per query, spread over its
    candidates); features with a negative weight are dropped."""
    from sklearn.linear_model import LogisticRegression

    names = list(FEATURES[mode])
    y = np.concatenate([s[2] for s in samples])
    sw = (
        None
        if weights is None
        else np.concatenate([np.full(len(s[2]), w) for s, w in zip(samples, weights, strict=True)])
    )
    while True:
        X = np.column_stack([np.concatenate([s[1][n] for s in samples]) for n in names])
        clf = LogisticRegression(C=1.0, max_iter=2000).fit(X, y, sample_weight=sw)
        coef = clf.coef_[0]
        if (coef >= 0).all() or len(names) == 1:
            return ModeCalibration(dict(zip(names, coef.tolist(), strict=True)), float(clf.intercept_[0]))
        names.pop(int(np.argmin(coef)))


def top_candidates(samples: list[Any], n: int = TOP_FIT) -> list[Any]:
    """Each query's ``n`` best candidates by the blend: the ones a ranking of the top 10 has to order."""
    out = []
    for cand, feats, labels in samples:
        o = np.argsort(-np.asarray(feats["blend"], dtype=np.float64), kind="stable")[:n]
        out.append((cand[o], {k: np.asarray(v)[o] for k, v in feats.items()}, labels[o]))
    return out


# one collection's dev samples: (on-topic queries, off-topic queries), each (candidates, features, 0/1 labels)
ColSamples = tuple[list[Any], list[Any]]
VARIANTS = ("probability", "probability, top fit", "probability, ascent")


def label_p10(samples: list[Any], order: Callable[[dict[str, np.ndarray]], np.ndarray]) -> float:
    """Mean P@10 of on-topic dev queries ranked by ``order`` (labels mark the relevant candidates)."""
    out = []
    for _, feats, labels in samples:
        o = np.argsort(-np.asarray(order(feats), dtype=np.float64), kind="stable")[:K]
        out.append(labels[o].sum() / K)
    return float(np.mean(out)) if out else float("nan")


def mean_p10(per_col: list[ColSamples], order: Callable[[dict[str, np.ndarray]], np.ndarray]) -> float:
    """Dev P@10, every collection weighted equally."""
    return float(np.nanmean([label_p10(on, order) for on, _ in per_col]))


def fit_variant(name: str, per_col: list[ColSamples]) -> ModeCalibration:
    """A hybrid score model fitted on ``per_col``: logistic on every candidate ("probability"), on each query's best
    candidates with every collection weighing the same ("top fit"), or the first refined by coordinate ascent on
    P@10 and re-scaled to probabilities ("ascent")."""
    pooled = [s for on, off in per_col for s in on + off]
    if name == "probability, top fit":
        sizes = [len(on) + len(off) for on, off in per_col]
        weights = [len(pooled) / len(per_col) / n for n in sizes for _ in range(n)]  # mean 1
        return fit_logistic(top_candidates(pooled), "hybrid", weights)
    model = fit_logistic(pooled, "hybrid")
    return ascend(model, per_col, pooled) if name == "probability, ascent" else model


def ascend(start: ModeCalibration, per_col: list[ColSamples], pooled: list[Any]) -> ModeCalibration:
    """Coordinate ascent on dev P@10 over the non-negative feature weights (strict gains only), then one logistic
    fit of the resulting score, so the shown probability stays calibrated."""
    from sklearn.linear_model import LogisticRegression

    names = list(FEATURES["hybrid"])
    w = np.array([start.weights.get(n, 0.0) for n in names], dtype=np.float64)
    step = float(max(np.abs(w).max(), 1.0))
    mats = [[(np.column_stack([f[n] for n in names]), lab) for _, f, lab in on] for on, _ in per_col]

    def objective(v: np.ndarray) -> float:
        cols = [[lab[np.argsort(-(X @ v), kind="stable")[:K]].sum() / K for X, lab in col] for col in mats if col]
        return float(np.mean([np.mean(c) for c in cols]))

    best = objective(w)
    for _ in range(3):
        moved = False
        for j in range(len(names)):
            for value in (0.0, w[j] * 0.5, w[j] * 0.8, w[j] * 1.25, w[j] * 2, w[j] + 0.1 * step, w[j] + 0.5 * step):
                trial = w.copy()
                trial[j] = value
                got = objective(trial)
                if got > best + 1e-9:
                    best, w, moved = got, trial, True
        if not moved:
            break
    z = np.concatenate([np.column_stack([f[n] for n in names]) @ w for _, f, _ in pooled])
    y = np.concatenate([lab for _, _, lab in pooled])
    clf = LogisticRegression(C=1.0, max_iter=2000).fit(z[:, None], y)
    a = float(clf.coef_[0][0])
    if a <= 0:
        return start
    return ModeCalibration({n: a * v for n, v in zip(names, w, strict=True) if v}, float(clf.intercept_[0]))


def cross_validated(name: str, per_col: list[ColSamples]) -> float:
    """Dev P@10 of a variant fitted without the collection it is scored on (leave one collection out)."""
    out = []
    for h, (on, _) in enumerate(per_col):
        if on:
            model = fit_variant(name, [c for i, c in enumerate(per_col) if i != h])
            out.append(label_p10(on, model.logit))
    return float(np.mean(out))


def tune_hybrid(indexes: dict[str, PaperIndex], cols: list[Collection]) -> tuple[float, int, ModeCalibration, str]:
    """Pick (semantic_weight, feedback, model, rank_by) maximising dev P@10 (collections weighted equally); among
    settings within ``DEV_NOISE`` of the best, the shipped weight and feedback are kept (a smaller dev gain is noise)."""
    shipped = PaperIndex()
    results: list[tuple[float, tuple[float, int, ModeCalibration, str]]] = []
    print(
        "\n| dev: weight | feedback | blend order | "
        + " | ".join(f"{v} (fit / left-out collection)" for v in VARIANTS)
        + " |"
    )
    print("| --- | --- | --- |" + " --- |" * len(VARIANTS))
    for w, f in GRID:
        per_col = []
        for c in cols:
            ix = indexes[c.name]
            ix.semantic_weight, ix.feedback = w, f
            on = dev_features(ix, c.text("dev"), "hybrid")
            per_col.append((on, dev_features(ix, [(q, set()) for q in c.off("dev")], "hybrid")))
        row = [f"{mean_p10(per_col, lambda x: x['blend']):.3f}"]
        results.append((mean_p10(per_col, lambda x: x["blend"]), (w, f, fit_variant("probability", per_col), "native")))
        for v in VARIANTS:
            model, cv = fit_variant(v, per_col), cross_validated(v, per_col)
            row.append(f"{mean_p10(per_col, model.logit):.3f} / {cv:.3f}")
            results.append((cv, (w, f, model, v)))
        print(f"| {w} | {f} | " + " | ".join(row) + " |")
    top = max(p for p, _ in results)
    near = [r for r in results if r[0] >= top - DEV_NOISE]
    kept = [r for r in near if r[1][:2] == (shipped.semantic_weight, shipped.feedback)]
    best = max(kept or near, key=lambda r: r[0])
    w, f, model, variant = best[1]
    print(f"picked on dev: weight {w}, feedback {f}, order by {variant} (dev P@10 {best[0]:.3f}; best {top:.3f})")
    return w, f, model, variant.split(",")[0]


def _ids(index: PaperIndex) -> Callable[[np.ndarray], list[str]]:
    return lambda rows: [index.papers_[r].id for r in rows]


def pick_cutoff(index_of: dict[str, PaperIndex], cols: list[Collection], mode: str, model: ModeCalibration) -> float:
    """The lowest probability threshold at which at least ``OFF_TOPIC_QUIET`` of the dev off-topic queries list
    nothing (the on-topic dev queries' listed F1 is printed alongside). It stays below the score of a hit whose
    every feature is at its best, so such a hit is always listed."""
    on: list[tuple[np.ndarray, np.ndarray]] = []  # top-10 scores, and which of them are relevant
    off: list[np.ndarray] = []
    for c in cols:
        ix = index_of[c.name]
        for query, rel in c.text("dev"):
            res = ix.search(query, k=K, mode=mode, min_score=0.0)
            on.append((np.array([res.scores[p.id] for p in res]), np.array([p.id in rel for p in res], dtype=bool)))
        for query in c.off("dev"):
            res = ix.search(query, k=K, mode=mode, min_score=0.0)
            off.append(np.array([res.scores[p.id] for p in res]))
    cap = float(model.probability({n: np.ones(1) for n in FEATURES[mode]})[0]) - 0.02
    for t in np.round(np.arange(0.0, 0.99, 0.02), 2):
        quiet = float(np.mean([not (s >= t).any() for s in off]))
        if quiet >= OFF_TOPIC_QUIET or t >= cap:
            break
    t = float(t) if quiet >= OFF_TOPIC_QUIET else 0.0  # out of reach: no cut-off beyond the mode's own
    f1 = float(np.mean([_listed_f1(s >= t, f) for s, f in on]))
    print(f"cut-off ({mode}) picked on dev: {t:.2f} (off-topic quiet {quiet:.0%}, on-topic listed F1 {f1:.3f})")
    return t


def _listed_f1(listed: np.ndarray, flags: np.ndarray) -> float:
    tp, n_listed, n_rel = int((flags & listed).sum()), int(listed.sum()), int(flags.sum())
    return 2 * tp / (n_listed + n_rel) if n_listed + n_rel else 1.0


# -- test figures --------------------------------------------------------------------------------------
def evaluate(system: Any, c: Collection, split: str) -> tuple[np.ndarray, np.ndarray]:
    """(text, paper) arrays of per-query (P@10, nDCG@10) on ``split``."""
    text, papers = [], []
    for query, rel in c.text(split):
        ranked = (
            system.search(query, k=K, min_score=0.0).ids if isinstance(system, PaperIndex) else system.search(query)
        )
        text.append(precision_ndcg(ranked, rel))
    for pid, rel in c.papers(split):
        ranked = system.similar(pid, k=K).ids if isinstance(system, PaperIndex) else system.similar(pid)
        papers.append(precision_ndcg(ranked, rel))
    return np.array(text).reshape(-1, 2), np.array(papers).reshape(-1, 2)


def bootstrap(per_col: list[np.ndarray], base: list[np.ndarray], reps: int = 2000) -> dict[str, tuple[float, ...]]:
    """Mean over collections of per-query metrics, with 95% CIs (queries resampled within each collection), and
    the P@10 ratio to ``base`` (paired: the same draws)."""
    rng = np.random.default_rng(20261129)

    def stat(arrs: list[np.ndarray], idx: list[np.ndarray]) -> np.ndarray:
        return np.mean([a[i].mean(axis=0) for a, i in zip(arrs, idx, strict=True) if len(a)], axis=0)

    point = stat(per_col, [np.arange(len(a)) for a in per_col])
    bpoint = stat(base, [np.arange(len(a)) for a in base])
    draws, ratios = [], []
    for _ in range(reps):
        idx = [rng.integers(0, len(a), len(a)) if len(a) else np.zeros(0, int) for a in per_col]
        m, b = stat(per_col, idx), stat(base, idx)
        draws.append(m)
        ratios.append(m[0] / b[0] if b[0] else np.nan)
    lo, hi = np.percentile(draws, [2.5, 97.5], axis=0)
    rlo, rhi = np.nanpercentile(ratios, [2.5, 97.5])
    ratio = point[0] / bpoint[0] if bpoint[0] else float("nan")
    return {"p": (point[0], lo[0], hi[0]), "ndcg": (point[1], lo[1], hi[1]), "ratio": (ratio, rlo, rhi)}


def cutoff_report(index_of: dict[str, PaperIndex], cols: list[Collection], split: str, label: str = "") -> None:
    """How many hits the default search lists for on-topic and off-topic queries of ``split``, and how many are
    right ("kept": the share of the relevant papers among the 10 best that the cut-off still lists)."""
    on_n, on_prec, on_rec, off_n, off_none, off_held = [], [], [], [], [], []
    for c in cols:
        ix = index_of[c.name]
        held = paperlab.Library(ix.papers_)  # what search_library lists when nothing passes: every word held
        for query, rel in c.text(split):
            res = ix.search(query, k=K)
            on_n.append(len(res))
            on_prec.append(np.mean([p.id in rel for p in res]) if len(res) else 0.0)
            top = ix.search(query, k=K, min_score=0.0)
            n_rel = sum(p.id in rel for p in top)
            on_rec.append(sum(p.id in rel for p in res) / n_rel if n_rel else 1.0)
        for query in c.off(split):
            n = len(ix.search(query, k=K))
            off_n.append(n)
            off_none.append(n == 0)
            off_held.append(n == 0 and len(held.filter(text=query)) > 0)
    print(
        f"\n| cut-off{label} on {split} queries | mean listed (of 10) | precision of listed | kept of the relevant top-10 |"
    )
    print("| --- | --- | --- | --- |")
    print(f"| on-topic ({len(on_n)}) | {np.mean(on_n):.1f} | {np.mean(on_prec):.3f} | {np.mean(on_rec):.3f} |")
    if off_n:
        held_note = f"; the every-word fallback lists papers for {np.mean(off_held):.0%}"
        print(
            f"| off-topic ({len(off_n)}) | {np.mean(off_n):.1f} | – | nothing listed for {np.mean(off_none):.0%}{held_note} |"
        )


def fixed_calibration(index: PaperIndex, calibration: Calibration) -> PaperIndex:
    """``index``, scoring with ``calibration`` instead of the shipped file (the baseline of a re-tuning run)."""
    index.calibration_ = lambda mode: calibration.for_mode(MODEL, mode)  # type: ignore[method-assign]
    return index


def fmt(ci: tuple[float, ...], ratio: bool = False) -> str:
    unit = "x" if ratio else ""
    return f"{ci[0]:.3f}{unit} [{ci[1]:.3f}–{ci[2]:.3f}]" if not ratio else f"{ci[0]:.2f}x [{ci[1]:.2f}–{ci[2]:.2f}]"


def report(rows: dict[str, dict[str, list[np.ndarray]]], cols: list[Collection], split: str) -> None:
    base = rows["tf-idf (arxiv-sanity baseline)"]
    print(f"\n### {split} queries: mean over {len(cols)} collections, 95% bootstrap CIs")
    counts = ", ".join(f"{c.name} {len(c.text(split))} text / {len(c.papers(split))} paper" for c in cols)
    print(f"({counts})\n")
    print("| system | text P@10 | text nDCG@10 | P@10 vs tf-idf | paper P@10 | paper nDCG@10 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, r in rows.items():
        t, p = bootstrap(r["text"], base["text"]), bootstrap(r["paper"], base["paper"])
        print(
            f"| {name} | {fmt(t['p'])} | {fmt(t['ndcg'])} | {fmt(t['ratio'], True)} | {fmt(p['p'])} | {fmt(p['ndcg'])} |"
        )
    print("\n| system | " + " | ".join(f"{c.name} text P@10" for c in cols) + " |")
    print("| --- |" + " --- |" * len(cols))
    for name, r in rows.items():
        print(f"| {name} | " + " | ".join(f"{a[:, 0].mean():.3f}" if len(a) else "–" for a in r["text"]) + " |")


def report_subsets(rows: dict[str, dict[str, list[np.ndarray]]], cols: list[Collection], split: str) -> None:
    """The same tables over the three earlier collections and over the fresh ones of session 5 alone."""
    fresh = [i for i, c in enumerate(cols) if c.name in FRESH]
    for label, keep in (
        ("the three earlier collections", [i for i in range(len(cols)) if i not in fresh]),
        ("the fresh collections (session 5)", fresh),
    ):
        if 0 < len(keep) < len(cols):
            print(f"\n#### {split}, {label}")
            sub = {n: {k: [v[i] for i in keep] for k, v in r.items()} for n, r in rows.items()}
            report(sub, [cols[i] for i in keep], split)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_realdata_argument(ap, required=True)
    ap.add_argument("--write-calibration", action="store_true", help=f"tune on dev and write {CALIBRATION_FILE.name}")
    ap.add_argument("--static", action="store_true", help="also rows for the model2vec static encoder")
    ap.add_argument("--dev-only", action="store_true", help="development runs: report the dev split only, no test")
    ap.add_argument("--compare-calibration", metavar="FILE", help="a baseline row scored with this calibration.json")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    cols = load_collections(realdata_or_exit(args.realdata))
    for c in cols:
        print(f"{c.name}: {len(c.lib)} papers, {len(c.groups)} groups, {len(c.queries)} text queries")
    t0 = time.perf_counter()
    before, before_ix = load_calibration(), PaperIndex()  # shipped at the start: a baseline when re-tuning
    hybrid = {c.name: PaperIndex(encoder=MODEL, mode="hybrid").fit(c.lib) for c in cols}
    print(f"fitted MiniLM indexes in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    if args.write_calibration:
        write_calibration(hybrid, cols)
    shipped = PaperIndex()
    for name, ix in hybrid.items():  # after tuning: the tuned weight and feedback, which should become the defaults
        if (ix.semantic_weight, ix.feedback) != (shipped.semantic_weight, shipped.feedback):
            print(f"note: {name} evaluated with the tuned semantic_weight={ix.semantic_weight}, feedback={ix.feedback}")
    systems: dict[str, Callable[[Collection], Any]] = {
        "tf-idf (arxiv-sanity baseline)": lambda c: TfidfBaseline().fit(c.lib),
        "lexical (BM25)": lambda c: PaperIndex(encoder=MODEL, mode="lexical").fit(c.lib),
        "semantic (plain MiniLM)": lambda c: PaperIndex(encoder=MODEL, mode="semantic").fit(c.lib),
        "hybrid before (blend order, weight 0.7, feedback 10)": lambda c: BlendOrder(
            encoder=MODEL, semantic_weight=0.7, feedback=10
        ).fit(c.lib),
        "**hybrid = default** (calibrated)": lambda c: hybrid[c.name],
    }
    old_ix = compare_row(args, before, before_ix, cols, systems)
    if args.static:
        systems["hybrid, model2vec static encoder"] = lambda c: PaperIndex(encoder="static").fit(c.lib)
    for split in ("dev",) if args.dev_only else ("dev", "test"):
        rows = {}
        for name, make in systems.items():
            per = [evaluate(make(c), c, split) for c in cols]
            rows[name] = {"text": [t for t, _ in per], "paper": [p for _, p in per]}
        report(rows, cols, split)
        report_subsets(rows, cols, split)
        cutoff_report(hybrid, cols, split)
        if old_ix:
            cutoff_report(old_ix, cols, split, " of the baseline calibration")
    if args.dev_only:
        return
    print("\nHeld-out paraphrases (short everyday descriptions of a group; never tuned on, not in the test split):")
    cutoff_report(hybrid, cols, "paraphrase")
    if old_ix:
        cutoff_report(old_ix, cols, "paraphrase", " of the baseline calibration")
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")


def compare_row(
    args: argparse.Namespace,
    before: Calibration,
    before_ix: PaperIndex,
    cols: list[Collection],
    systems: dict[str, Callable[[Collection], Any]],
) -> dict[str, PaperIndex]:
    """A row scored with the calibration shipped before a re-tuning run, or with ``--compare-calibration``."""
    if args.compare_calibration:
        before = Calibration.from_json(Path(args.compare_calibration).read_text(encoding="utf-8"))
    elif not args.write_calibration:
        return {}
    w, f = before_ix.semantic_weight, before_ix.feedback
    what = (
        f"calibration {Path(args.compare_calibration).name}"
        if args.compare_calibration
        else "calibration shipped before this run"
    )
    name = f"hybrid, {what} (weight {w}, feedback {f})"
    systems[name] = lambda c: fixed_calibration(
        PaperIndex(encoder=MODEL, semantic_weight=w, feedback=f).fit(c.lib), before
    )
    return {c.name: systems[name](c) for c in cols}


def write_calibration(hybrid: dict[str, PaperIndex], cols: list[Collection]) -> None:
    """Tune on dev (hybrid weight, feedback, score models, cut-offs) and write calibration.json."""
    w, f, model, rank_by = tune_hybrid(hybrid, cols)
    for ix in hybrid.values():
        ix.semantic_weight, ix.feedback = w, f
    models = {"hybrid": ModeCalibration(model.weights, model.bias, 0.0, rank_by)}
    for mode in ("semantic", "lexical"):
        items = [(c, [*c.text("dev"), *((q, set()) for q in c.off("dev"))]) for c in cols]
        samples = [s for c, its in items for s in dev_features(hybrid[c.name], its, mode)]
        fitted = fit_logistic(samples, mode)  # these modes keep their own order (cosine, BM25): only the score
        models[mode] = ModeCalibration(fitted.weights, fitted.bias, 0.0, "native")
    _save(models)
    cut = {mode: pick_cutoff(hybrid, cols, mode, m) for mode, m in models.items()}
    _save({mode: ModeCalibration(m.weights, m.bias, cut[mode], m.rank_by) for mode, m in models.items()})
    print(
        f"wrote {CALIBRATION_FILE}; set PaperIndex(semantic_weight={w}, feedback={f}) as the defaults if they changed"
    )


def _save(models: dict[str, ModeCalibration]) -> None:
    CALIBRATION_FILE.write_text(Calibration({MODEL: models}).to_json(), encoding="utf-8")
    load_calibration.cache_clear()


if __name__ == "__main__":
    main()
