"""Why a hit matched: the query's words it contains (rarest first) and the abstract sentence closest to the query;
why a paper is like another: the distinctive terms both hold (:class:`PairTerms`).

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

__all__ = ["PairTerms", "explain_hits", "sentence_vectors"]

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")
_URL = re.compile(r"\S*(?:https?://|www\.|github\.com)\S*|\S+\.(?:com|org|io)\S*")


class PairTerms:
    """The terms (words and two-word phrases, English stopwords dropped) that say what two papers of a corpus share.

    A term counts when both papers hold it and it is *topical* in the corpus: the papers holding it are closer to each
    other in embedding space than papers drawn at random (the mean pairwise cosine of its holders' vectors, ``ct``,
    above the corpus-wide mean ``c0``). Generic words of academic prose ("issue", "indicate", "propose") are spread
    over unrelated papers and fail this, however rare; so does a two-word phrase one of whose words does. Terms are
    ranked by ``idf * (ct - c0)``, shrunk by ``(df - 1) / (df + 1)`` (two holders agreeing by chance is weak
    evidence), a word a chosen phrase or a plural of a chosen word holds left out.
    """

    MIN_EXCESS = 0.1  # a word's holders must be this much closer than random papers (cosine)

    def __init__(self, texts: Sequence[str], embeddings: np.ndarray) -> None:
        from sklearn.feature_extraction.text import CountVectorizer

        from .phrases import TOKEN_PATTERN

        self.vec = CountVectorizer(
            binary=True,
            ngram_range=(1, 2),
            stop_words="english",
            strip_accents="unicode",
            lowercase=True,
            token_pattern=TOKEN_PATTERN,
            preprocessor=lambda t: _URL.sub(" ", t.lower()),
            min_df=2 if len(texts) > 2 else 1,
            dtype=np.float32,
        )
        self.held = self.vec.fit_transform(texts).tocsr()
        self.terms = self.vec.get_feature_names_out()
        emb = np.asarray(embeddings, dtype=np.float64)
        emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
        n = len(emb)
        mean = emb.mean(axis=0)
        c0 = (n * n * float(mean @ mean) - n) / max(n * (n - 1), 1)
        df = np.asarray(self.held.sum(axis=0)).ravel()
        sums = np.asarray(self.held.T @ emb)
        ct = ((sums * sums).sum(axis=1) - df) / np.maximum(df * (df - 1), 1)
        excess = np.where(df > 1, ct - c0, 0.0)
        vocab = {str(t): i for i, t in enumerate(self.terms)}
        topical = np.array(
            [all(w in vocab and excess[vocab[w]] >= self.MIN_EXCESS for w in str(t).split()) for t in self.terms]
        )
        self.weight = np.where(topical, np.log(n / np.maximum(df, 1)) * excess * (df - 1) / (df + 1), 0.0)

    def shared(self, text: str, rows: Sequence[int | None], n: int = 5) -> list[list[str]]:
        """For each row of the corpus (None: not in it, no terms), the ``n`` heaviest topical terms it and ``text``
        both hold, phrases before the words they hold."""
        from .phrases import fold_words

        mine = set(self.vec.transform([text]).indices.tolist())
        out = []
        for row in rows:
            both = [] if row is None else [c for c in self.held[row].indices.tolist() if c in mine]
            ranked = sorted(((str(self.terms[c]), float(self.weight[c])) for c in both), key=lambda t: -t[1])
            best = ranked[0][1] if ranked else 0.0
            kept = fold_words([(t, w) for t, w in ranked if w > 0 and w >= 0.25 * best])
            words: list[str] = []
            seen: set[str] = set()  # singular forms of the chosen terms and of their words
            for term, _ in kept:
                if term.rstrip("s") in seen:
                    continue
                words.append(term)
                seen.update([term.rstrip("s"), *(w.rstrip("s") for w in term.split())])
            out.append(words[:n])
        return out


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
