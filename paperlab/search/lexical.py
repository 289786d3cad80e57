"""Lexical ranking: BM25 (the ``bm25s`` library) over stemmed, stopword-free tokens."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

__all__ = ["BM25Ranker", "Tokenizer"]

_WORD = re.compile(r"(?u)\b\w\w+\b")


class Tokenizer:
    """Lowercase word tokens without English stopwords, Snowball-stemmed (PyStemmer) when available.

    ``surface`` keeps, for each stem, the first word seen for it, so explanations can show
    real words ("hallucinations") rather than stems ("hallucin").
    """

    def __init__(self, stem: bool = True) -> None:
        from bm25s.stopwords import STOPWORDS_EN

        self.stopwords = frozenset(STOPWORDS_EN)
        self._stemmer = None
        if stem:
            try:
                import Stemmer

                self._stemmer = Stemmer.Stemmer("english")
            except ImportError:  # stemming is an improvement, not a requirement
                self._stemmer = None
        self._stems: dict[str, str] = {}
        self.surface: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"Tokenizer(stem={self._stemmer is not None})"

    def stem(self, word: str) -> str:
        """Stem of one lowercase word (memoised)."""
        s = self._stems.get(word)
        if s is None:
            s = self._stemmer.stemWord(word) if self._stemmer is not None else word
            self._stems[word] = s
            self.surface.setdefault(s, word)
        return s

    def __call__(self, text: str) -> list[str]:
        stop = self.stopwords
        return [self.stem(w) for w in _WORD.findall(text.lower()) if w not in stop and not w.isdigit()]


class BM25Ranker:
    """BM25 scores of documents for a free-text query.

    Parameters
    ----------
    k1, b : float
        BM25 parameters.
    stem : bool
        Stem words (Snowball English).
    """

    def __init__(self, k1: float = 1.2, b: float = 0.75, stem: bool = True) -> None:
        self.k1 = k1
        self.b = b
        self.stem = stem

    def __repr__(self) -> str:
        return f"BM25Ranker(k1={self.k1}, b={self.b}, stem={self.stem})"

    def fit(self, texts: Sequence[str]) -> BM25Ranker:
        """Index ``texts``; sets ``tokenizer_``, ``bm25_``, ``n_docs_``."""
        import bm25s

        self.tokenizer_ = Tokenizer(stem=self.stem)
        tokens = [self.tokenizer_(t) for t in texts]
        self.bm25_ = bm25s.BM25(k1=self.k1, b=self.b)
        self.bm25_.index(tokens, show_progress=False)
        self.n_docs_ = len(texts)
        return self

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document (0 where no query term occurs)."""
        terms = [t for t in self.tokenizer_(query) if t in self.bm25_.vocab_dict]
        if not terms or self.n_docs_ == 0:
            return np.zeros(self.n_docs_, dtype=np.float32)
        return np.asarray(self.bm25_.get_scores(terms), dtype=np.float32)[: self.n_docs_]

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term (0 when unknown)."""
        tid = self.bm25_.vocab_dict.get(term)
        if tid is None:
            return 0.0
        df = int(np.diff(self.bm25_.scores["indptr"])[tid]) if "indptr" in self.bm25_.scores else 1
        return float(np.log(1 + (self.n_docs_ - df + 0.5) / (df + 0.5)))
