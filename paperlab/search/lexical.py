"""Lexical ranking: BM25 (the ``bm25s`` library) over stemmed, stopword-free tokens."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..text import fold

__all__ = ["BM25Ranker", "Tokenizer", "american"]

_WORD = re.compile(r"(?u)\b\w\w+\b")

# British spellings written the American way before stemming, so "optimisation" finds "optimization" and back
# (Snowball stems them apart: "optimis" / "optim"). Documents and queries go through the same map, so it can only
# join a word with its other spelling, never part two words that matched before.
_BRITISH_ENDINGS = re.compile(
    r"^(?P<stem>\w{2,}?)(?:"
    r"is(?P<ize>ation|ations|e|es|ed|ing|er|ers)"  # optimisation, normalised, tokeniser
    r"|ys(?P<yze>e|es|ed|ing|er|ers)"  # analyse, catalysed
    r"|(?<=\w{3})our(?P<our>s|ed|ing|ful|less|able|ably|ite|ites|hood|hoods|al|ally|ism|ist|ists)?"  # colour(s)
    r"|(?P<tre>[tb])re(?P<tre_end>s|d)?"  # centre(d), fibre
    r"|ogue(?P<ogue>s)?"  # catalogue, dialogue
    r")$"
)
_BRITISH_WORDS = {"defence": "defense", "offence": "offense", "licence": "license", "ageing": "aging"}
_NOT_BRITISH = frozenset({"contour", "contours", "devour", "detour", "detours", "velour", "flour", "amour"})


def american(word: str) -> str:
    """A folded word in American spelling when it is a British one: "optimisation" -> "optimization",
    "colours" -> "colors", "analysed" -> "analyzed", "centred" -> "centered", "catalogue" -> "catalog"; other
    words unchanged."""
    if word in _BRITISH_WORDS:
        return _BRITISH_WORDS[word]
    m = _BRITISH_ENDINGS.match(word)
    if m is None or word in _NOT_BRITISH:
        return word
    stem = m.group("stem")
    if m.group("ize") is not None:
        return f"{stem}iz{m.group('ize')}"
    if m.group("yze") is not None:
        return f"{stem}yz{m.group('yze')}"
    if m.group("tre") is not None:
        end = {"s": "s", "d": "ed"}.get(m.group("tre_end") or "", "")
        return f"{stem}{m.group('tre')}er{end}"
    if word.endswith(("ogue", "ogues")):
        return f"{stem}og{m.group('ogue') or ''}"
    return f"{stem}or{m.group('our') or ''}"


class Tokenizer:
    """Word tokens, accents and case folded (:func:`paperlab.text.fold`: "Hübotter" and "Hubotter" are one token),
    without English stopwords, British spellings made American (:func:`american`), Snowball-stemmed (PyStemmer)
    when available.

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
        """Stem of one folded word (memoised)."""
        s = self._stems.get(word)
        if s is None:
            us = american(word)
            s = self._stemmer.stemWord(us) if self._stemmer is not None else us
            self._stems[word] = s
            self.surface.setdefault(s, word)
        return s

    def __call__(self, text: str) -> list[str]:
        stop = self.stopwords
        return [self.stem(w) for w in _WORD.findall(fold(text)) if w not in stop and not w.isdigit()]

    def token_ids(self, texts: Sequence[str]) -> tuple[list[list[int]], dict[str, int]]:
        """Every text as stem ids (same tokens as calling the tokenizer), and the stem -> id vocabulary.

        Each distinct word is looked up (stopword, digits, stem) once; per token there is
        one dict lookup, which makes this several times faster than tokenising text by text.
        """
        stop = self.stopwords
        vocab: dict[str, int] = {}
        word_id: dict[str, int] = {}
        docs = []
        for text in texts:
            words = _WORD.findall(fold(text))
            new = set(words).difference(word_id)
            for w in dict.fromkeys(w for w in words if w in new) if new else ():  # in text order, for surface
                word_id[w] = -1 if w in stop or w.isdigit() else vocab.setdefault(self.stem(w), len(vocab))
            ids = [word_id[w] for w in words]
            docs.append([i for i in ids if i >= 0])
        return docs, vocab


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
        from bm25s.tokenization import Tokenized

        bm25s = _bm25s()

        self.tokenizer_ = Tokenizer(stem=self.stem)
        ids, vocab = self.tokenizer_.token_ids(texts)
        self.bm25_ = bm25s.BM25(k1=self.k1, b=self.b)
        if vocab:
            self.bm25_.index(Tokenized(ids=ids, vocab=vocab), show_progress=False)
        else:  # bm25s cannot index an empty vocabulary: no document has a searchable word
            self.bm25_.vocab_dict = {}
        self.n_docs_ = len(texts)
        return self

    def save(self, folder: str | Path) -> None:
        """Write the index to ``folder`` (bm25s's own files, plus the stem -> word map for explanations)."""
        folder = Path(folder)
        self.bm25_.save(str(folder), show_progress=False)
        (folder / "paperlab-lexical.json").write_text(
            json.dumps(
                {
                    "k1": self.k1,
                    "b": self.b,
                    "stem": self.stem,
                    "n_docs": self.n_docs_,
                    "surface": self.tokenizer_.surface,
                }
            ),
            encoding="utf-8",
        )

    @classmethod
    def load(cls, folder: str | Path, mmap: bool = True) -> BM25Ranker:
        """An index written by :meth:`save` (score arrays memory-mapped by default)."""
        bm25s = _bm25s()

        folder = Path(folder)
        meta = json.loads((folder / "paperlab-lexical.json").read_text(encoding="utf-8"))
        self = cls(k1=meta["k1"], b=meta["b"], stem=meta["stem"])
        self.tokenizer_ = Tokenizer(stem=self.stem)
        self.tokenizer_.surface.update(meta["surface"])
        self.bm25_ = bm25s.BM25.load(str(folder), mmap=mmap, show_progress=False)
        self.n_docs_ = int(meta["n_docs"])
        return self

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document (0 where no query term occurs)."""
        return self.term_scores(self.tokenizer_(query))

    def has_term(self, term: str) -> bool:
        """Whether a stemmed term (as :attr:`tokenizer_` makes them) occurs in some document."""
        return term in self.bm25_.vocab_dict

    def term_scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every document for stemmed ``terms`` (terms no document has count for nothing)."""
        known = [t for t in terms if t in self.bm25_.vocab_dict]
        if not known or self.n_docs_ == 0:
            return np.zeros(self.n_docs_, dtype=np.float32)
        return np.asarray(self.bm25_.get_scores(known), dtype=np.float32)[: self.n_docs_]

    def term_weights(self) -> tuple[Any, list[str]]:
        """Every document's BM25 weight of every term (a CSR matrix, documents x terms; no columns when no
        document has a searchable word) and each term's readable word, by column."""
        from scipy import sparse

        scores = getattr(self.bm25_, "scores", None)
        if not self.bm25_.vocab_dict or scores is None:
            return sparse.csr_matrix((self.n_docs_, 0), dtype=np.float32), []
        n_terms = len(scores["indptr"]) - 1
        shape = (self.n_docs_, n_terms)
        matrix = sparse.csc_matrix((scores["data"], scores["indices"], scores["indptr"]), shape=shape).tocsr()
        words = [""] * n_terms
        for stem, i in self.bm25_.vocab_dict.items():
            if i < n_terms:
                words[i] = self.tokenizer_.surface.get(stem, stem)
        return matrix, words

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term (0 when unknown)."""
        tid = self.bm25_.vocab_dict.get(term)
        if tid is None:
            return 0.0
        df = int(np.diff(self.bm25_.scores["indptr"])[tid]) if "indptr" in self.bm25_.scores else 1
        return float(np.log(1 + (self.n_docs_ - df + 0.5) / (df + 0.5)))


def _bm25s() -> Any:
    """The bm25s module, its logger kept at WARNING: bm25s sets it to DEBUG, so any logging handler a notebook or
    a library installs would print "Building index from IDs" on every index."""
    import logging

    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s
