"""Why a hit matched: the query's words it contains (rarest first) and the abstract sentence closest to the query;
why a paper is like another: the distinctive terms both hold (:class:`PairTerms`).

The sentences of all the hits being explained are encoded in one encoder call (sorted into batches of similar
length, not one model call per hit), and only once: their vectors go to the store's embedding cache, so a search
explaining papers explained before encodes nothing but its query.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..errors import StoreError
from ..paper import Paper
from ..text import fold
from .encoders import Encoder, embed
from .lexical import BM25Ranker
from .phrases import term_text
from .ranking import QUERY_STOP, query_terms

__all__ = ["OPENING_MARGIN", "PairTerms", "best_sentence", "explain_hits", "sentence_vectors"]

#: The words of a term as the lexical tokenizer splits them: "on-policy" is "on" and "policy", as in a query.
_WORD = re.compile(r"\w+")

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")


_WORDS = re.compile(r"\b[a-z][a-z0-9-]+\b")
_STOP = QUERY_STOP | frozenset(
    "a an the of and or nor in on at by for to with into onto via as not no this that these it than then there".split()
)  # the query's function words and the articles, prepositions and conjunctions it leaves to the tokenizer
_CLAUSE = re.compile(r"[.,;:!?()\[\]{}\"]")


def _terms_of(text: str) -> set[str]:
    """The words and two-word phrases of ``text`` (lowercase, accents dropped, stopwords left out, and links, e-mail
    addresses and "code is available at" sentences too, by :func:`.phrases.term_text`; a phrase never spans
    punctuation)."""
    plain = fold(term_text(text))
    out: set[str] = set()
    for clause in _CLAUSE.split(plain):
        words = [w for w in _WORDS.findall(clause) if w not in _STOP]
        out.update(words)
        out.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return out


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
    MAX_TERMS = 30_000  # the most widely held terms kept (memory: a 384-d sum per term; the rarest weigh least)

    def __init__(self, texts: Sequence[str], embeddings: np.ndarray) -> None:
        from scipy import sparse

        held = [_terms_of(t) for t in texts]
        df_of = Counter(t for terms in held for t in terms)
        least = 2 if len(texts) > 2 else 1
        kept = sorted((t for t, k in df_of.items() if k >= least), key=lambda t: (-df_of[t], t))[: self.MAX_TERMS]
        self.terms = np.array(sorted(kept), dtype=object)
        self.vocabulary_ = {str(t): i for i, t in enumerate(self.terms)}
        rows = [i for i, terms in enumerate(held) for t in terms if t in self.vocabulary_]
        cols = [self.vocabulary_[t] for terms in held for t in terms if t in self.vocabulary_]
        self.held = sparse.csr_matrix(
            (np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(texts), len(self.terms))
        )
        self.held.sort_indices()
        emb = np.array(embeddings, dtype=np.float32)
        emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
        n = len(emb)
        mean = emb.mean(axis=0)
        c0 = (n * n * float(mean @ mean) - n) / max(n * (n - 1), 1)
        df = np.asarray(self.held.sum(axis=0)).ravel()
        sums = np.asarray(self.held.T @ emb)
        ct = ((sums * sums).sum(axis=1) - df) / np.maximum(df * (df - 1), 1)
        excess = np.where(df > 1, ct - c0, 0.0)
        vocab = self.vocabulary_
        topical = np.array(
            [all(w in vocab and excess[vocab[w]] >= self.MIN_EXCESS for w in str(t).split()) for t in self.terms]
        )
        self.df, self.unit, self.sums = df, emb.astype(np.float32), sums.astype(np.float32)  # for related()
        self._stems: list[tuple[str, ...]] | None = None
        self.weight = np.where(topical, np.log(n / np.maximum(df, 1)) * excess * (df - 1) / (df + 1), 0.0)

    def shared(self, text: str, rows: Sequence[int | None], n: int = 5) -> list[list[str]]:
        """For each row of the corpus (None: not in it, no terms), the ``n`` heaviest topical terms it and ``text``
        both hold, phrases before the words they hold."""
        mine = {self.vocabulary_[t] for t in _terms_of(text) if t in self.vocabulary_}
        out = []
        for row in rows:
            both = [] if row is None else [c for c in self.held[row].indices.tolist() if c in mine]
            ranked = sorted(((str(self.terms[c]), float(self.weight[c])) for c in both), key=lambda t: -t[1])
            best = ranked[0][1] if ranked else 0.0
            out.append(_readable([(t, w) for t, w in ranked if w > 0 and w >= 0.25 * best], n))
        return out

    def related(
        self,
        row: int | None,
        qvec: np.ndarray,
        matched: set[str],
        stem: Callable[[str], str],
        n: int = 3,
        pool: int = 12,
    ) -> list[str]:
        """When the query words row ``row`` holds (their stems ``matched``, by ``stem``) are weak — none as topical as
        the middle one of its own terms — its own topical terms that say more about the query: of its ``pool``
        heaviest topical terms held by at least three papers and not made of matched words only, the ``n`` whose
        other holders' mean vector is closest to ``qvec`` (shrunk for few holders), closer than the paper itself and
        than every matched word ("hallucinatory" for "why do language models make things up" on a paper that
        matched only "language, model")."""
        if row is None:
            return []
        if self._stems is None:  # each term's word stems, once
            self._stems = [tuple(stem(w) for w in _WORD.findall(str(t))) for t in self.terms]
        stems = self._stems
        held = self.held[row].indices
        said = [c for c in held.tolist() if len(stems[c]) == 1 and stems[c][0] in matched]
        order = held[np.argsort(-self.weight[held], kind="stable")]
        cols = [
            c
            for c in order.tolist()
            if self.weight[c] > 0 and self.df[c] >= 3 and not all(s in matched for s in stems[c])
        ][:pool]
        if not cols or float(self.weight[said].max(initial=0.0)) >= float(np.median(self.weight[cols])):
            return []  # a matched word is as topical as the paper's own middle term: the overlap is not weak
        cos = self._closeness(row, cols + said, qvec)
        itself = float(self.unit[row] @ qvec) / (float(np.linalg.norm(qvec)) or 1.0)
        bar = max(float(cos[len(cols) :].max(initial=-1.0)), itself)
        shrink = (self.df - 1) / (self.df + 1)  # a mean over few other holders is a noisy one
        ranked = sorted(
            ((c, float(x * shrink[c])) for c, x in zip(cols, cos[: len(cols)], strict=True) if x > bar),
            key=lambda t: -t[1],
        )
        return _unrepeated([(str(self.terms[c]), stems[c]) for c, _ in ranked], matched, n)

    def _closeness(self, row: int, cols: list[int], qvec: np.ndarray) -> np.ndarray:
        """Cosine between ``qvec`` and the mean vector of each term's holders other than ``row``."""
        others = self.sums[cols] - self.unit[row]  # every one of ``cols`` is held by ``row``
        norms = np.linalg.norm(others, axis=1) * (float(np.linalg.norm(qvec)) or 1.0)
        return np.asarray(others @ qvec / np.maximum(norms, 1e-12))


def _unrepeated(terms: list[tuple[str, tuple[str, ...]]], said: set[str], n: int) -> list[str]:
    """The first ``n`` of ``terms`` (each with its words' stems, best first) that repeat no word of ``said`` (stems)
    nor of a term chosen before it: "positive, negative pairs, positive pairs" beside "paired" reads "positive,
    negative"; "hallucinations, hallucinatory" reads "hallucinations" (:func:`_same_word`)."""
    seen = set(said)
    out: list[str] = []
    for term, stems in terms:
        if any(_same_word(s, t) for s in stems for t in seen):
            continue
        out.append(term)
        seen.update(stems)
        if len(out) == n:
            break
    return out


def _same_word(a: str, b: str) -> bool:
    """Whether two word stems name one word to a reader: equal, or one a prefix of the other when both have at least
    five letters (the Snowball stems "hallucin" and "hallucinatori")."""
    return a == b or (min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)))


def _readable(ranked: list[tuple[str, float]], n: int) -> list[str]:
    """The first ``n`` of ``ranked`` terms (heaviest first), a word a chosen phrase holds and the plural or singular
    of a chosen term left out."""
    from .phrases import fold_words

    words: list[str] = []
    seen: set[str] = set()  # singular forms of the chosen terms and of their words
    for term, _ in fold_words(ranked):
        if term.rstrip("s") in seen:
            continue
        words.append(term)
        seen.update([term.rstrip("s"), *(w.rstrip("s") for w in term.split())])
    return words[:n]


def sentence_vectors(encoder: Encoder, store: Any, sentences: list[str]) -> np.ndarray:
    """Vectors of ``sentences`` in one call, kept in (and read from) ``store``'s embedding cache (None: no cache);
    a cache that cannot be written is skipped."""
    try:
        return embed(encoder, sentences, store=store, batch_size=len(sentences), progress=False)[0]
    except StoreError:
        return embed(encoder, sentences, store=None, batch_size=len(sentences), progress=False)[0]


OPENING_MARGIN = 0.0  # see best_sentence; no margin tried did better on the dev queries of bench_explanations.py


def best_sentence(sims: np.ndarray, margin: float | None = None) -> int:
    """The index of the sentence closest to the query (``sims``: cosines, in abstract order), except that the opening
    sentence — often the field's generic setting, "Recent advances in large language models ..." — gives way to the
    best later sentence when that one is within ``margin`` (default :data:`OPENING_MARGIN`) of it."""
    best = int(np.argmax(sims))
    if best == 0 and len(sims) > 1:
        later = 1 + int(np.argmax(sims[1:]))
        if sims[later] >= sims[0] - (OPENING_MARGIN if margin is None else margin):
            return later
    return best


def explain_hits(
    lexical: BM25Ranker,
    papers: Sequence[Paper],
    texts: Sequence[str],
    query: str,
    qvec: np.ndarray | None,
    encoder: Encoder | None = None,
    store: Any = None,
    shared: bool = False,
    pairs: PairTerms | None = None,
    rows: Sequence[int | None] | None = None,
) -> list[dict[str, Any]]:
    """Per paper ``{"terms": [...], "sentence": "...", "shared": bool}``: the query's words found in its indexed
    ``texts`` entry (rarest first, at most 6) and its abstract's sentence closest to ``qvec`` by ``encoder`` (without
    vectors: the sentence holding the most query words, by idf). With ``pairs`` (the corpus's topical terms) and the
    papers' ``rows`` in it, a hit whose matched words are none of its topical terms gets ``"related"``: its topical
    terms closest to the query (:meth:`PairTerms.related`)."""
    tok = lexical.tokenizer_
    q_terms = set(query_terms(lexical, query))
    out: list[dict[str, Any]] = []
    for text in texts:
        matched = sorted(
            {t for t in tok(text) if t in q_terms and tok.surface.get(t, t) not in QUERY_STOP},
            key=lambda t: -lexical.idf(t),
        )
        out.append({"terms": [tok.surface.get(t, t) for t in matched[:6]], "sentence": "", "shared": shared})
    if pairs is not None and rows is not None and qvec is not None and not shared:
        for reason, row in zip(out, rows, strict=True):
            related = pairs.related(row, qvec, q_terms, tok.stem)
            if related:
                reason["related"] = related
    sentences = [[s.strip() for s in _SENTENCE.split(p.shown_abstract or "") if len(s.strip()) > 20] for p in papers]
    if qvec is not None and encoder is not None:
        several = [i for i, ss in enumerate(sentences) if len(ss) > 1]
        flat = [s for i in several for s in sentences[i]]
        sims = sentence_vectors(encoder, store, flat) @ qvec if flat else np.zeros(0, dtype=np.float32)
        start = 0
        for i in several:
            n = len(sentences[i])
            out[i]["sentence"] = sentences[i][best_sentence(sims[start : start + n])]
            start += n
        for reason, ss in zip(out, sentences, strict=True):
            if len(ss) == 1:
                reason["sentence"] = ss[0]
        return out
    for reason, ss in zip(out, sentences, strict=True):  # no vectors: the sentence with the most query words
        weights = [sum(lexical.idf(t) for t in set(tok(s)) if t in q_terms) for s in ss]
        reason["sentence"] = ss[int(np.argmax(weights))] if weights and max(weights) > 0 else ""
    return out
