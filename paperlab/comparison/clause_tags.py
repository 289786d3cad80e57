"""Part-of-speech tags and chunks of a sentence, as features of a (number, metric phrase) pair.

The learned metric step (:mod:`.metric_reviser`) chooses, for each kept number, among the rules' name, the candidate
phrases of :func:`.metric_ranker.candidates` and "no metric". Besides the ranker's word-level features it sees the
clause's structure as a rule-based tagger reads it: the Brill-style tagger and chunker that textblob bundles (pattern's
English lexicon, context and morphology rules — plain text files installed with textblob, no download, no NLTK data).
Features: the tags of the phrase's head and first word, whether it ends a noun chunk, the preposition of the
prepositional phrase holding it (and the number's), verb and noun chunks between phrase and number, the chunk next to
the phrase toward the number, whether the phrase is the sentence's first noun chunk, the subject or the object of the
verb before the number. No word of a metric name is a feature.

textblob's package ``__init__`` imports NLTK (two seconds); its tagger does not need it, so the tagger's module is
loaded from textblob's installed files on its own, once. Without textblob (or if loading fails) :func:`tagged` returns
None and the metric step keeps the rules' and the ranker's names.
"""

from __future__ import annotations

import importlib.util
import os
import warnings
from functools import lru_cache
from typing import Any, NamedTuple

__all__ = ["Tok", "tag_features", "tagged"]

_WARM_UP = "Zorbliant Inc. reported a 5% gain in F1 on Mars."  # loads every lexicon file once


class Tok(NamedTuple):
    start: int
    end: int
    word: str
    pos: str
    chunk: int  # chunk id, -1 outside any chunk
    ctype: str  # NP, VP, PP, ADJP, ... or O
    pnp: int  # id of the prepositional noun phrase, -1 outside


def _pattern_parser(folder: str) -> Any:
    """textblob's bundled pattern parser for English, built from its files in ``folder`` without importing NLTK."""
    spec = importlib.util.spec_from_file_location("paperlab_pattern_text", os.path.join(folder, "_text.py"))
    if spec is None or spec.loader is None:
        raise ImportError("textblob's tagger module is missing")
    text = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(text)
    en = os.path.join(folder, "en")
    lexicon = text.Lexicon(
        path=os.path.join(en, "en-lexicon.txt"),
        morphology=os.path.join(en, "en-morphology.txt"),
        context=os.path.join(en, "en-context.txt"),
        entities=os.path.join(en, "en-entities.txt"),
        language="en",
    )
    return text.Parser(lexicon=lexicon, default=("NN", "NNP", "CD"), language="en")


@lru_cache(maxsize=1)
def _parse() -> Any:
    """A function text -> pattern's tagged string, or None when textblob is not installed or its tagger fails."""
    try:
        spec = importlib.util.find_spec("textblob")
        folders = list(spec.submodule_search_locations or []) if spec is not None else []
        if not folders:
            return None
        with warnings.catch_warnings():  # pattern reads its lexicon files without closing them
            warnings.simplefilter("ignore", ResourceWarning)
            parser = _pattern_parser(folders[0])
            parser.parse(_WARM_UP, tokenize=True, tags=True, chunks=True, relations=False, lemmata=False)
    except Exception:  # noqa: BLE001 - an optional dependency in an unexpected state: extraction keeps its rules
        return None
    return lambda text: parser.parse(text, tokenize=True, tags=True, chunks=True, relations=False, lemmata=False)


@lru_cache(maxsize=2048)
def tagged(text: str) -> tuple[Tok, ...] | None:
    """The tokens of ``text`` with their tags and chunks, each placed at its characters; None without the tagger."""
    parse = _parse()
    if parse is None:
        return None
    try:
        lines = str(parse(text)).split("\n")
    except Exception:  # noqa: BLE001 - a sentence the tagger cannot read: no features for it
        return None
    out: list[Tok] = []
    cur, chunk, pnp = 0, -1, -1
    for item in (item for line in lines for item in line.split(" ")):
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
        out.append(Tok(at, at + len(word), word, parts[1], chunk if ch != "O" else -1, ctype, pnp if pn != "O" else -1))
        cur = at + len(word)
    return tuple(out)


def _prep(toks: tuple[Tok, ...], pnp: int) -> str:
    first = next((t for t in toks if t.pnp == pnp), None)
    return first.word.lower() if first is not None and first.pos in ("IN", "TO") else "P"


def _verb_roles(toks: tuple[Tok, ...], head: Tok, s: int) -> dict[str, float]:
    """Whether the phrase is the object or the subject of the last verb chunk before the number."""
    verbs = [t for t in toks if t.ctype == "VP" and t.end <= s]
    if not verbs:
        return {}
    v = verbs[-1]
    f = {}
    after = [t for t in toks if t.start >= v.end and t.chunk != v.chunk]
    if after and after[0].ctype == "NP" and after[0].chunk == head.chunk:
        f["obj_np"] = 1.0
    v_start = next(t.start for t in toks if t.chunk == v.chunk)
    before = [t for t in toks if t.end <= v_start]
    if before and before[-1].ctype == "NP" and before[-1].chunk == head.chunk:
        f["subj_np"] = 1.0
    return f


def tag_features(toks: tuple[Tok, ...], s: int, e: int, cs: int, ce: int) -> dict[str, float]:
    """Tag and chunk features of the phrase at ``cs:ce`` for the number at ``s:e`` (``toks``: :func:`tagged`)."""
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
    if head.chunk == next((t.chunk for t in toks if t.ctype == "NP"), None):
        f["first_np"] = 1.0
    f.update(_verb_roles(toks, head, s))
    return f
