"""Leave one fresh fold out: does the clause's structure help choose a result's metric? (session 12, not shipped)

The learned metric step (:mod:`paperlab.comparison.metric_reviser`'s conditional logit over each kept number's options:
the rules' name, every candidate phrase of :func:`~paperlab.comparison.metric_ranker.candidates`, "no metric") is
refitted with extra features and scored end to end, leaving each of the thirteen fresh dev folds out (v8-dev, v8-test,
v9a, v9b, v10a, v10b, v11a, v11b, v12b, v13a, v13b, v14a, v14b; v12a has no texts). Variants:

- ``S``: the shipped extractor (reviser off); ``H``: the reviser's hand features, refitted on the other folds;
- ``A`` / ``B``: H plus contextual token features of the packaged all-MiniLM-L6-v2 — its last hidden state over the
  sentence, the mean vector of the option's tokens ``c``, of the number's tokens ``n`` and ``c*n`` (1152-d),
  standardised and reduced by PCA fitted on the training folds' options only to 16 (A) or 32 (B) dimensions;
  ``C``: B, revising only rows the lexicon did not name;
- ``T1``: H plus part-of-speech and chunk features of textblob's bundled pattern tagger (the option's head and first
  tag, whether it ends a noun chunk, the preposition of its prepositional phrase, verb and noun chunks between it and
  the number, subject / object of the verb before the number); ``T2``: T1 revising every row (also those a shape or
  structural rule named, with a flag); ``T3``: T2 plus the 16 PCA dimensions.

In each left-out run the results classifier (as ``train_result_classifier.py --fold-lofo``), the PCA and the weights
are fitted without the fold. Needs torch and transformers (token vectors, the packaged checkpoint) and textblob (T*):
``pip install textblob``. About 40 min for all variants on 2 shared cores.

A variant name ending in ``+`` (``H+``, ``B+``, ``T2+``) also trains on the committed dev sets (v1 ... v7-dev).

Run: ``python benchmarks/train_metric_context.py --texts TEXTS_DIR --texts L9/abstracts.jsonl --texts
L10/abstracts.jsonl [--variants S H T1]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from bench_extraction import _per_labeller  # noqa: E402
from train_metric_ranker import fit_groups, sentences  # noqa: E402
from train_metric_ranker import use as use_model  # noqa: E402
from train_metric_reviser import NO_VALUE, _targets  # noqa: E402
from train_result_classifier import DEV_SETS, FRESH_SETS, TEXT_FOLDS, _counts, examples, fit_examples, text_folds  # noqa: E402

from paperlab.compare import use_metric_reviser  # noqa: E402
from paperlab.comparison import metric_reviser, result_classifier  # noqa: E402
from paperlab.comparison.lexicons import METRICS  # noqa: E402
from paperlab.comparison.metric_ranker import _model as ranker_model  # noqa: E402
from paperlab.comparison.metric_ranker import candidates, metric_key, tidy_metric  # noqa: E402
from paperlab.comparison.sentences import _results_in_sentence, _sentences, flat_sentence  # noqa: E402

FOLDS = ["v8-dev", "v8-test", "v9a", "v9b", "v10a", "v10b", "v11a", "v11b", "v12b", "v13a", "v13b", "v14a", "v14b"]
# variant: (PCA dimensions, POS features, revise every row, only rows the lexicon did not name)
VARIANTS = {
    "H": (0, False, False, False),
    "A": (16, False, False, False),
    "B": (32, False, False, False),
    "C": (32, False, False, True),
    "T1": (0, True, False, False),
    "T2": (0, True, True, False),
    "T3": (16, True, True, False),
}
TOKENS: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # flat sentence -> (token offsets, last hidden state)
OPTIONS: dict[tuple, list] = {}


def encode_tokens(texts: list[str]) -> None:
    """The last hidden state (384-d per token) and character offsets of each text, in ``TOKENS``."""
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    from paperlab.search._models import packaged_minilm_path

    path = packaged_minilm_path()
    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.enable_truncation(256)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    model = AutoModel.from_pretrained(str(path)).eval()
    todo = [t for t in dict.fromkeys(texts) if t not in TOKENS]
    for i in range(0, len(todo), 32):
        batch = todo[i : i + 32]
        enc = tok.encode_batch(batch)
        inputs = {
            "input_ids": torch.tensor([e.ids for e in enc]),
            "attention_mask": torch.tensor([e.attention_mask for e in enc]),
            "token_type_ids": torch.tensor([e.type_ids for e in enc]),
        }
        with torch.no_grad():
            hidden = model(**inputs).last_hidden_state.numpy()
        for text, e, h in zip(batch, enc, hidden, strict=True):
            n = sum(e.attention_mask)
            TOKENS[text] = (np.array(e.offsets[:n], dtype=np.int32), h[:n].astype(np.float32))


def span_vector(text: str, s: int, e: int) -> np.ndarray | None:
    """Mean token vector over ``text[s:e]`` (special tokens aside); None past the truncation."""
    offsets, h = TOKENS[text]
    sel = (offsets[:, 1] > offsets[:, 0]) & (offsets[:, 0] < e) & (offsets[:, 1] > s)
    return h[sel].mean(axis=0) if sel.any() else None


class Tok(NamedTuple):
    start: int
    end: int
    word: str
    pos: str
    chunk: int  # chunk id, -1 outside any chunk
    ctype: str  # NP, VP, PP, ... or O
    pnp: int  # prepositional noun phrase id, -1 outside


@lru_cache(maxsize=8192)
def tagged(text: str) -> tuple[Tok, ...]:
    """textblob's pattern tags and chunks of ``text``, each token placed at its characters."""
    from textblob.en import parse  # type: ignore[import-not-found]

    out: list[Tok] = []
    cur, chunk, pnp = 0, -1, -1
    for line in parse(text, tokenize=True, tags=True, chunks=True, relations=False, lemmata=False).split("\n"):
        for item in line.split(" "):
            parts = item.split("/")
            if len(parts) < 4:
                continue
            word = parts[0].replace("&slash;", "/")
            at = text.find(word, cur)
            gap = text[cur:at] if at >= 0 else ""
            if at < 0 or at > cur + 3 + len(gap) - len(gap.lstrip()):
                continue  # a token the tagger rewrote: left out
            ch, pn = parts[2], parts[3]
            if ch.startswith("B-") or (ch.startswith("I-") and (not out or out[-1].ctype != ch[2:])):
                chunk += 1
            pnp += pn == "B-PNP"
            ctype = ch[2:] if ch != "O" else "O"
            out.append(
                Tok(at, at + len(word), word, parts[1], chunk if ch != "O" else -1, ctype, pnp if pn != "O" else -1)
            )
            cur = at + len(word)
    return tuple(out)


def _prep(toks: tuple[Tok, ...], pnp: int) -> str:
    first = next((t for t in toks if t.pnp == pnp), None)
    return first.word.lower() if first is not None and first.pos in ("IN", "TO") else "P"


def pos_features(text: str, s: int, e: int, cs: int, ce: int) -> dict[str, float]:
    """Tag and chunk features of the option at ``cs:ce`` for the number at ``s:e``."""
    toks = tagged(text)
    side = "L" if ce <= s else "R"
    inside = [t for t in toks if t.start < ce and t.end > cs]
    if not inside:
        return {"pos_none": 1.0}
    head = inside[-1]
    f = {f"ph={head.pos}|{side}": 1.0, f"pf={inside[0].pos}": 1.0}
    nxt = [t for t in toks if t.start >= ce]
    if head.ctype == "NP" and (not nxt or nxt[0].chunk != head.chunk):
        f["np_end"] = 1.0
    if head.ctype != "NP":
        f[f"head_chunk={head.ctype}"] = 1.0
    if head.pnp >= 0:
        f[f"pnp={_prep(toks, head.pnp)}|{side}"] = 1.0
    num = [t for t in toks if t.start < e and t.end > s]
    if num and num[0].pnp >= 0:
        f[f"num_pnp={_prep(toks, num[0].pnp)}|{side}"] = 1.0
    lo, hi = (ce, s) if side == "L" else (e, cs)
    between = [t for t in toks if t.start >= lo and t.end <= hi]
    chunks = {(t.chunk, t.ctype) for t in between if t.chunk >= 0 and t.chunk != head.chunk}
    vps, nps = sum(c == "VP" for _, c in chunks), sum(c == "NP" for _, c in chunks)
    f[f"vp_btw={min(vps, 2)}|{side}"] = f[f"np_btw={min(nps, 3)}|{side}"] = 1.0
    adj = (between[0] if side == "L" else between[-1]) if between else None
    f[f"adj={adj.ctype if adj else '-'}|{side}"] = 1.0
    first_np = next((t.chunk for t in toks if t.ctype == "NP"), None)
    if head.chunk == first_np:
        f["first_np"] = 1.0
    verbs = [t for t in toks if t.ctype == "VP" and t.end <= s]
    if verbs:
        v = verbs[-1]
        after = [t for t in toks if t.start >= v.end and t.chunk != v.chunk]
        if after and after[0].ctype == "NP" and after[0].chunk == head.chunk:
            f["obj_np"] = 1.0
        v_start = next(t.start for t in toks if t.chunk == v.chunk)
        before = [t for t in toks if t.end <= v_start]
        if before and before[-1].ctype == "NP" and before[-1].chunk == head.chunk:
            f["subj_np"] = 1.0
    return f


def options(text: str, r: dict, span: tuple[int, int], hits: list, pos: bool) -> list:
    """(name, hand features, option vector, number vector, POS features) of each option of a kept row."""
    key = (text, span, r["unit"], r["kind"], r["metric"], pos)
    if key in OPTIONS:
        return OPTIONS[key]
    s, e = span
    cs = candidates(text, s, e, r["unit"] or "", r["kind"], hits)
    phrases = [n for n, _ in METRICS] + [c.name for c in cs] + ([r["metric"]] if isinstance(r["metric"], str) else [])
    if not metric_reviser._embed(phrases):
        sys.exit("error: the phrase encoder is missing (the packaged all-MiniLM-L6-v2)")
    opts = metric_reviser.option_features(r["metric"], cs, r["unit"] or "", r["kind"], ranker_model()["weights"])
    nvec = span_vector(text, s, e)
    out = []
    for i, (name, f) in enumerate(opts):
        real = i < len(cs)
        cvec = span_vector(text, cs[i].start, cs[i].end) if real else None
        out.append((name, f, cvec, nvec, pos_features(text, s, e, cs[i].start, cs[i].end) if real and pos else {}))
    OPTIONS[key] = out
    return out


def items_of(sents: list[dict]) -> list[tuple[dict, list]]:
    """Each gold sentence with the items (flat text, kept rows, spans, metric hits) of its sentences, reviser off."""
    out = []
    for s in sents:
        parts = enumerate(_sentences(s["text"]), start=1)
        out.append((s, [_results_in_sentence(sent, None, "<text>", f"sentence {n}") for n, (_, sent) in parts]))
    return out


def lexicon_named(r: dict, hits: list) -> bool:
    return r["metric"] is not None and r["metric"] in {h[2] for h in hits}


def groups_of(pairs: list, every: bool, pos: bool) -> list:
    """(options, gold metric, row fixed by a rule, named by the lexicon) of every kept row with a gold value."""
    out = []
    for s, its in pairs:
        rows = [r for _, rs, _, _ in its for r in rs]
        targets = dict(zip(map(id, rows), _targets(rows, s["tuples"]), strict=True))
        for text, rs, spans, hits in its:
            for r, sp in zip(rs, spans, strict=True):
                target, fixed = targets[id(r)], bool(r.get("_fixed"))
                if target != NO_VALUE and (every or not fixed):
                    out.append((options(text, r, sp, hits, pos), target, fixed, lexicon_named(r, hits)))
    return out


class Dense:
    """Standardised [c, n, c*n] reduced by PCA (fitted on a sample of the training options), then standardised."""

    def __init__(self, groups: list, k: int) -> None:
        rows = [(c, n) for g in groups for (_, _, c, n, _) in g[0] if c is not None and n is not None]
        pick = np.random.default_rng(0).choice(len(rows), size=min(len(rows), 20000), replace=False)
        x = np.stack([np.concatenate([rows[i][0], rows[i][1], rows[i][0] * rows[i][1]]) for i in pick])
        self.mu, self.sd = x.mean(0), x.std(0) + 1e-6
        z = (x - self.mu) / self.sd
        self.w = np.linalg.svd(z - z.mean(0), full_matrices=False)[2][:k].T
        p = z @ self.w
        self.pm, self.ps = p.mean(0), p.std(0) + 1e-6

    def features(self, c: np.ndarray | None, n: np.ndarray | None) -> dict[str, float]:
        if c is None or n is None:
            return {"nospan": 1.0}
        p = (((np.concatenate([c, n, c * n]) - self.mu) / self.sd) @ self.w - self.pm) / self.ps
        return {f"d{i}": float(v) for i, v in enumerate(p)}


def option_dicts(opts: list, dense: Dense | None, fixed: bool) -> list[dict[str, float]]:
    out = []
    for _, f, c, n, pf in opts:
        g = {**f, **pf, **(dense.features(c, n) if dense is not None else {})}
        if fixed and g.get("cur"):
            g["cur_fixed"] = 1.0  # the rules' name came from a shape or a structural rule
        out.append(g)
    return out


def labelled(groups: list, dense: Dense | None, lexicon_too: bool) -> list:
    out = []
    for opts, target, fixed, lexicon in groups:
        if lexicon and not lexicon_too:
            continue
        labels = [int(metric_key(name) == target) if name is not None else int(target is None) for name, *_ in opts]
        if any(labels) and not all(labels):
            out.append((option_dicts(opts, dense, fixed), labels))
    return out


def predict(pairs: list, model: tuple | None, variant: tuple) -> tuple[list, list]:
    """Gold tuples and predicted rows of ``pairs``, each revisable row's metric the best-scored option's."""
    _, pos, every, no_lexicon = variant
    gold, pred = [], []
    for s, its in pairs:
        gold += s["tuples"]
        for text, rs, spans, hits in its:
            for r, sp in zip(rs, spans, strict=True):
                row, fixed = dict(r), bool(r.get("_fixed"))
                if model is not None and (every or not fixed) and not (no_lexicon and lexicon_named(r, hits)):
                    weights, dense = model
                    opts = options(text, r, sp, hits, pos)
                    z = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in option_dicts(opts, dense, fixed)]
                    row["metric"] = tidy_metric(opts[int(np.argmax(z))][0])
                pred.append(row)
    return gold, pred


def classifier_examples(folds: dict[str, list[dict]]) -> tuple[tuple[list, list], dict[str, tuple[list, list]]]:
    """The results classifier's examples: the committed dev sets and each fresh fold (from its text when given)."""
    committed = json.loads((ROOT / "benchmarks/data/result_features_fresh.json").read_text(encoding="utf-8"))["sets"]
    per_fold: dict[str, tuple[list, list]] = {}
    for f in FRESH_SETS:
        rows = committed[f]["examples"]
        per_fold[f] = examples(folds[f]) if f in folds else ([r[0] for r in rows], [r[1] for r in rows])
    return examples(sentences(DEV_SETS)), per_fold


def run(folds: dict[str, list[dict]], variants: list[str], c: float) -> dict[tuple[str, str], tuple[int, ...]]:
    (xs, ys), per_fold = classifier_examples(folds)
    shipped = json.loads(result_classifier.MODEL_PATH.read_text(encoding="utf-8"))
    settings = (shipped["C"], shipped["threshold"], shipped["bare_threshold"])
    shipped_pairs = {f: items_of(folds[f]) for f in FOLDS}
    committed = items_of(sentences(DEV_SETS)) if any(v.endswith("+") for v in variants) else []
    table = {}
    with tempfile.TemporaryDirectory() as tmp:
        for held in FOLDS:
            fx = [x for f in FRESH_SETS if f != held for x in per_fold[f][0]]
            fy = [y for f in FRESH_SETS if f != held for y in per_fold[f][1]]
            use_model(fit_examples(xs + fx, ys + fy, *settings), Path(tmp), result_classifier)
            pairs = items_of(folds[held])
            for v in variants:
                model = None
                if v != "S":
                    k, pos, every, no_lexicon = VARIANTS[v.rstrip("+")]
                    train = [g for f in FOLDS if f != held for g in groups_of(shipped_pairs[f], every, pos)]
                    train += groups_of(committed, every, pos) if v.endswith("+") else []
                    dense = Dense(train, k) if k else None
                    model = (fit_groups(labelled(train, dense, not no_lexicon), c)["weights"], dense)
                variant = VARIANTS.get(v.rstrip("+"), (0, False, False, False))
                table[(held, v)] = _counts(*predict(pairs, model, variant))
                n, p, val, m = table[(held, v)]
                print(f"{held:<8} {v:<3} value P {val / p:.3f} R {val / n:.3f}  metric R {m / n:.3f} ({val} / {m})")
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, action="append", required=True, help="abstracts JSONL files or folders")
    ap.add_argument("--variants", nargs="+", default=["S", "H", "A", "B", "C", "T1", "T2", "T3"])
    ap.add_argument("--C", type=float, default=0.1, help="L2 strength of the logit (the shipped reviser's)")
    args = ap.parse_args()
    metric_reviser.MODEL_PATH = Path("/nonexistent/metric_reviser.json")  # the rows before revision
    metric_reviser._model.cache_clear()
    use_metric_reviser(True)  # the phrase encoder of the reviser's lexicon similarity
    folds = text_folds(args.texts, TEXT_FOLDS)
    folds.update(_per_labeller("v14", args.texts))
    missing = [f for f in FOLDS if f not in folds]
    if missing:
        sys.exit(f"error: --texts holds no abstract of {', '.join(missing)}")
    every = [s for f in FOLDS for s in folds[f]] + (
        sentences(DEV_SETS) if any(v.endswith("+") for v in args.variants) else []
    )
    encode_tokens([flat_sentence(t) for s in every for _, t in _sentences(s["text"])])
    table: Any = run(folds, args.variants, args.C)
    for v in args.variants:
        for name, fs in (("pooled", FOLDS), ("v14 pair", ["v14a", "v14b"])):
            n, p, val, m = (sum(table[(f, v)][i] for f in fs) for i in range(4))
            print(f"{name:<9} {v:<3} value P {val / p:.3f} R {val / n:.3f}  metric R {m / n:.3f} ({val} / {m})")


if __name__ == "__main__":
    main()
