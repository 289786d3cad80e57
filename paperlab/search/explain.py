"""Why a hit matched: the query's words it contains (rarest first) and the abstract sentence closest to the query.

The sentences of all the hits being explained are encoded in one encoder call (sorted into batches of similar
length, not one model call per hit), and only once: their vectors go to the store's embedding cache, so a search
explaining papers explained before encodes nothing but its query.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import StoreError
from ..paper import Paper
from .encoders import Encoder, embed
from .lexical import BM25Ranker
from .ranking import QUERY_STOP, query_terms

__all__ = ["explain_hits", "sentence_vectors"]

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")


def sentence_vectors(encoder: Encoder, store: Any, sentences: list[str]) -> np.ndarray:
    """Vectors of ``sentences`` in one call, kept in (and read from) ``store``'s embedding cache (None: no cache);
    a cache that cannot be written is skipped."""
    try:
        return embed(encoder, sentences, store=store, batch_size=len(sentences), progress=False)[0]
    except StoreError:
        return embed(encoder, sentences, store=None, batch_size=len(sentences), progress=False)[0]


def explain_hits(
    lexical: BM25Ranker,
    papers: Sequence[Paper],
    texts: Sequence[str],
    query: str,
    qvec: np.ndarray | None,
    encoder: Encoder | None = None,
    store: Any = None,
    shared: bool = False,
) -> list[dict[str, Any]]:
    """Per paper ``{"terms": [...], "sentence": "...", "shared": bool}``: the query's words found in its indexed
    ``texts`` entry (rarest first, at most 6) and its abstract's sentence closest to ``qvec`` by ``encoder`` (without
    vectors: the sentence holding the most query words, by idf)."""
    tok = lexical.tokenizer_
    q_terms = set(query_terms(lexical, query))
    out = []
    for text in texts:
        matched = sorted(
            {t for t in tok(text) if t in q_terms and tok.surface.get(t, t) not in QUERY_STOP},
            key=lambda t: -lexical.idf(t),
        )
        out.append({"terms": [tok.surface.get(t, t) for t in matched[:6]], "sentence": "", "shared": shared})
    sentences = [[s.strip() for s in _SENTENCE.split(p.shown_abstract or "") if len(s.strip()) > 20] for p in papers]
    if qvec is not None and encoder is not None:
        several = [i for i, ss in enumerate(sentences) if len(ss) > 1]
        flat = [s for i in several for s in sentences[i]]
        sims = sentence_vectors(encoder, store, flat) @ qvec if flat else np.zeros(0, dtype=np.float32)
        start = 0
        for i in several:
            n = len(sentences[i])
            out[i]["sentence"] = sentences[i][int(np.argmax(sims[start : start + n]))]
            start += n
        for reason, ss in zip(out, sentences, strict=True):
            if len(ss) == 1:
                reason["sentence"] = ss[0]
        return out
    for reason, ss in zip(out, sentences, strict=True):  # no vectors: the sentence with the most query words
        weights = [sum(lexical.idf(t) for t in set(tok(s)) if t in q_terms) for s in ss]
        reason["sentence"] = ss[int(np.argmax(weights))] if weights and max(weights) > 0 else ""
    return out
