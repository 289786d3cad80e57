"""A list's defining phrases: the words and two-word phrases nearly all of its papers share and the other papers
rarely hold — what a DailyArXiv user writes as a keyword filter.

Each term (word or bigram, English stopwords dropped) is scored by how unlikely it is that so many of the saved
papers *hold* it (document coverage, not counts) if they held it as often as all papers do: a one-sided binomial
test against the term's background coverage, as in the word-list comparisons of Monroe, Colaresi & Quinn (2008,
"Fightin' Words"), on document frequencies. Generic words ("find", "studies") occur in many background papers too
and score low; a phrase every saved paper holds and few others do scores high, and a rare pair two saved papers
happen to share scores below a phrase nearly all of them hold (measured against the log-odds z-score on the dev
groups of benchmarks/bench_feed.py: level in the ranking, better words). A candidate's score is a soft boolean "holds the defining phrases": the sum of
the weights of the terms it contains, a term in its title counting ``1 + title_weight`` times.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..paper import Paper

__all__ = ["PhraseIndex", "defining_terms", "fold_words", "term_text"]

TOKEN_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z0-9-]+\b"
# A link or an address: a URL (with or without its scheme: "github.com/x/y"), an e-mail address.
_END = r"[^\s.,;:!?()\[\]'\"]"  # a link ends before the punctuation that follows it
_LINK = re.compile(
    rf"(?:https?://|ftp://|www\.)(?:\S*{_END})?"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ai|edu|co|dev|me|ac\.\w\w)\b(?:/(?:\S*{_END})?)?",
    re.IGNORECASE,
)
_MARK = "\x00"
# A sentence that had a link and says what is to be found there ("Code is available at <link>.", "Project page:
# <link>"): boilerplate, dropped whole, so "code available" and "project page" never become a list's phrases.
_WHERE = re.compile(
    r"\b(?:available|released?|open[- ]?sourced?|project page|home ?page|web ?site|repository|code|codes|demo)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def term_text(text: str) -> str:
    """``text`` without links, e-mail addresses and the sentences that only say where code or data are: the text
    words and phrases are drawn from (a list's defining phrases, a feed's reasons), so "https github", "com" and
    "code available" never become one. Text without a link is returned as it is."""
    if not _LINK.search(text):
        return text
    marked = _LINK.sub(_MARK, text)
    kept = [s for s in _SENTENCE.split(marked) if _MARK not in s or not _WHERE.search(s)]
    return " ".join(" ".join(kept).replace(_MARK, " ").split())


@dataclass
class PhraseIndex:
    """Which rows hold which terms (anywhere, and in the title), and each term's share of rows holding it.

    Attributes
    ----------
    text, title : scipy.sparse.csr_matrix
        Rows x terms, 1 where the row's title + abstract (``text``) or title holds the term.
    terms : numpy.ndarray of str
    share : numpy.ndarray
        Share of rows whose text holds the term.
    """

    text: Any
    title: Any
    terms: np.ndarray
    share: np.ndarray

    @classmethod
    def of(cls, papers: Sequence[Paper]) -> PhraseIndex:
        """Index the titles and abstracts of ``papers`` (terms held by at least two rows)."""
        from sklearn.feature_extraction.text import CountVectorizer

        texts = [term_text(f"{p.shown_title}. {p.shown_abstract or ''}") for p in papers]
        vec = CountVectorizer(
            binary=True,
            ngram_range=(1, 2),
            stop_words="english",
            strip_accents="unicode",
            lowercase=True,
            token_pattern=TOKEN_PATTERN,
            min_df=2 if len(papers) > 2 else 1,
            dtype=np.float32,
        )
        try:
            text = vec.fit_transform(texts).tocsr()
        except ValueError:  # no term at all (empty texts, or only stopwords)
            from scipy import sparse

            empty = sparse.csr_matrix((len(papers), 0), dtype=np.float32)
            return cls(empty, empty, np.array([], dtype=str), np.zeros(0))
        title = vec.transform([p.shown_title for p in papers]).tocsr()
        share = np.asarray(text.mean(axis=0)).ravel()
        return cls(text, title, vec.get_feature_names_out(), share)

    def scores(self, weights: np.ndarray, rows: int | None = None, title_weight: float = 1.0) -> np.ndarray:
        """Each of the first ``rows`` rows' soft boolean match of the weighted terms (a title hit counts
        ``1 + title_weight`` times)."""
        n = self.text.shape[0] if rows is None else rows
        if not weights.size or not weights.any():
            return np.zeros(n)
        hits = self.text[:n] @ weights + title_weight * (self.title[:n] @ weights)
        return np.asarray(hits).ravel()

    def matched(self, row: int, weights: np.ndarray) -> list[str]:
        """The weighted terms row ``row`` holds, heaviest first (a word a heavier phrase holds left out)."""
        cols = self.text[row].indices
        held = [(float(weights[c]), str(self.terms[c])) for c in cols if weights[c] > 0]
        return [t for t, _ in fold_words([(t, w) for w, t in sorted(held, key=lambda x: -x[0])])]

    def profile(self, weights: np.ndarray, n: int = 20) -> list[tuple[str, float]]:
        """The ``n`` heaviest weighted terms with their weights."""
        top = [i for i in np.argsort(-weights, kind="stable")[:n] if weights[i] > 0]
        return [(str(self.terms[i]), round(float(weights[i]), 4)) for i in top]


def fold_words(terms: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """``terms`` (heaviest first) without the single words that a heavier two-word phrase holds: "time series,
    series, time" reads "time series"."""
    out: list[tuple[str, float]] = []
    covered: set[str] = set()
    for term, weight in terms:
        words = term.split()
        if len(words) == 1 and term in covered:
            continue
        covered.update(words if len(words) > 1 else ())
        out.append((term, weight))
    return out


def defining_terms(
    index: PhraseIndex,
    positives: Sequence[int],
    weight: np.ndarray | None = None,
    n_terms: int = 30,
) -> np.ndarray:
    """Term weights (one per column of ``index``): for the ``n_terms`` terms the ``positives`` rows hold most
    unexpectedly, ``-log P(at least k of the n positives hold it)`` when each row held it with the term's coverage
    among all rows (a one-sided binomial test); 0 elsewhere and for terms fewer than two positives hold.

    Parameters
    ----------
    index : PhraseIndex
    positives : sequence of int
        Rows of the saved papers.
    weight : numpy.ndarray, optional
        Each positive's weight (a thumbs up may count for several saves).
    n_terms : int
    """
    from scipy.special import betainc

    out = np.zeros(len(index.terms))
    pos = list(positives)
    if not len(out) or not pos:
        return out
    w = np.ones(len(pos)) if weight is None else np.asarray(weight, dtype=float)
    present = index.text[pos]
    k = np.asarray(present.T @ w).ravel()
    n = float(w.sum())
    n_rows = index.text.shape[0]
    q = np.clip(index.share, 0.5 / n_rows, 1.0 - 0.5 / n_rows)
    held = k > 0
    tail = np.ones(len(k))  # P(X >= k) for X ~ Binomial(n, q): the regularised incomplete beta I_q(k, n - k + 1)
    tail[held] = betainc(k[held], np.maximum(n - k[held], 0.0) + 1.0, q[held])
    score = -np.log(np.maximum(tail, 1e-300))
    held_by = np.asarray((present > 0).sum(axis=0)).ravel()
    score[held_by < min(2, len(pos))] = 0.0
    top = np.argsort(-score, kind="stable")[:n_terms]
    out[top] = np.maximum(score[top], 0.0)
    return out
