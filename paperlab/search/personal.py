"""Personal ranking of papers from what a user saved: the engine of the feed and of ``Library.recommend``.

Five signals, each z-scored over the candidates and fused with weights measured on dev topic groups
(``benchmarks/bench_feed.py``):

- ``svm``: a per-list linear SVM in the arxiv-sanity spirit (saved papers positive, every other paper
  negative; tf-idf 1-2 grams joined with sentence embeddings);
- ``decay``: zotero-arxiv-daily's time-decayed similarity (cosine to every saved paper, the newest save
  weighing most: weight ``1 / (1 + log10(rank + 1))``);
- ``knn``: the mean similarity to the closest saved papers;
- ``profile``: a learned keyword profile (the terms most saved papers share, weighted by how often they occur
  in the saved papers times their rarity in all papers) scored with BM25 (``bm25s``), like the keyword filters
  DailyArXiv users write by hand;
- ``phrases``: the list's defining words and two-word phrases (held by nearly all saved papers and rarely by the
  others: a binomial test of coverage against the background, :mod:`paperlab.search.phrases`), scored as a soft
  boolean "holds the defining phrases" (a title hit counts twice, a phrase weighs its score squared). These
  phrases are the ``profile`` a ranking shows and the "words" of each pick's reason.

Pseudo-relevance feedback re-learns the classifier, the profile and the phrases with the first pass's top candidates.
Then the candidates' own neighbourhoods count (``neighbours``, :mod:`paperlab.search.arrivals`): each candidate's
fused score is joined by the mean fused score of its nearest other candidates, so a paper that arrives among several
close, well-ranked papers rises ("near other top picks: …" in its reason).

Thumbs down push a candidate down by its similarity to disliked papers; keyword/author boosts add to the
fused score; mutes drop a paper; recency and popularity are optional extra terms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..paper import Paper
from ..text import plural
from .analysis import Recommendations, tfidf_vectorizer
from .arrivals import POOL, neighbour_signal
from .encoders import Encoder, embed, get_encoder
from .index import paper_text
from .lexical import BM25Ranker
from .personal_results import PersonalRanking, Reason
from .phrases import PhraseIndex, defining_terms, fold_words, term_text
from .user_terms import extra_terms, term_matcher, zscore

__all__ = ["DEFAULT_WEIGHTS", "PersonalRanking", "RankingOptions", "Reason", "rank_personal", "recommend_personal"]

# Chosen on the dev topic groups of benchmarks/bench_feed.py (see benchmarks/README.md). The decay (recent
# saves count more) scored level with kNN on dev (nDCG@10 0.802 with decay 1 / kNN 0.5 vs 0.798 without) and
# lost on a dev topic replayed in a smaller corpus, so it stays an option (``weights["decay"]``), off by default.
# The defining phrases joined at 0.5: the best dev setting that keeps every signal (dev replays at 5/10/20 saves).
DEFAULT_WEIGHTS: dict[str, float] = {"svm": 1.0, "decay": 0.0, "knn": 1.0, "profile": 1.0, "phrases": 0.5}
DEFAULT_FEEDBACK = 5
DEFAULT_PROFILE_TERMS = 30
# Measured on 178 dev groups, weight chosen on each half and scored on the other (benchmarks/README.md, session 10).
DEFAULT_NEIGHBOURS = 1.0
SIGNALS = ("svm", "decay", "knn", "profile", "phrases")


@dataclass
class RankingOptions:
    """How to rank: signal weights, boosts, mutes, feedback and optional recency/popularity terms.

    Parameters
    ----------
    weights : dict of str to float
        Weight of each signal (``svm``, ``decay``, ``knn``, ``profile``, ``phrases``) in the fused score; a signal
        left out weighs 0 here (the interest profile fills in the defaults).
    boosts : dict of str to float
        Keyword or ``author:Name`` -> amount added (in z-score units) when a paper matches.
    mutes : list of str
        Keywords or ``author:Name``: matching papers are left out.
    recency, popularity : float
        Weight of the publication date and of log(upvotes + stars) (0: off).
    C : float
        SVM regularisation.
    liked, disliked : list of Paper
        Thumbs up (extra positives) and thumbs down (negatives; similar papers pushed down).
    dislike_weight : float
        How hard a thumbs down pushes similar papers down.
    like_weight : float
        How many saves a thumbs up counts for in the classifier.
    feedback : int
        Pseudo-relevance feedback: the top ``feedback`` candidates of a first pass join the
        positives of a second pass (0: one pass).
    neighbours : float
        Weight of the candidates' neighbourhoods (z-score units, like a signal): the mean fused score of each
        candidate's nearest other candidates (0: off).
    neighbour_pool : int or None
        How many of the best candidates the neighbourhoods re-rank (the rest keep their order below them; exact up
        to this many plus :data:`paperlab.search.arrivals.SAMPLE` candidates); None: every candidate, all pairs.
    citations : float
        Weight of co-citation and bibliographic coupling with the saved papers, from the citation cache
        (the ``"citations"`` similarity signal, in [0, 1], times this weight in z-score units; 0: off).
    profile_terms : int
        How many terms the learned keyword profile and the defining phrases keep.
    """

    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    boosts: dict[str, float] = field(default_factory=dict)
    mutes: list[str] = field(default_factory=list)
    recency: float = 0.0
    popularity: float = 0.0
    C: float = 0.1
    liked: list[Paper] = field(default_factory=list)
    disliked: list[Paper] = field(default_factory=list)
    dislike_weight: float = 1.0
    like_weight: float = 3.0
    feedback: int = DEFAULT_FEEDBACK
    neighbours: float = DEFAULT_NEIGHBOURS
    neighbour_pool: int | None = POOL
    citations: float = 0.0
    profile_terms: int = DEFAULT_PROFILE_TERMS


def decay_weights(n: int) -> np.ndarray:
    """zotero-arxiv-daily's weights for saved papers ordered newest first (sum 1)."""
    w = 1.0 / (1.0 + np.log10(np.arange(n) + 1.0))
    return np.asarray(w / w.sum())


def _vectors(papers: Sequence[Paper], encoder: Encoder, vectors: Mapping[str, np.ndarray] | None) -> np.ndarray:
    """Embeddings of ``papers``: looked up in ``vectors`` by id when given, else encoded (store-cached)."""
    if vectors is not None and all(p.id in vectors for p in papers):
        return np.vstack([vectors[p.id] for p in papers]).astype(np.float32)
    out, _ = embed(encoder, [paper_text(p) for p in papers], store=None, progress=False)
    return out


def _svm_scores(
    rows: _Rows, y: np.ndarray, n_cand: int, C: float, weight: np.ndarray | None = None
) -> tuple[np.ndarray, Any, np.ndarray, np.ndarray]:
    """Decision values of the first ``n_cand`` rows, the tf-idf matrix, terms and term weights."""
    from scipy import sparse
    from sklearn.svm import LinearSVC

    tf, terms, emb = rows.tf, rows.terms, rows.emb
    if len(set(y.tolist())) < 2:  # nothing to contrast (every row saved or liked): the classifier has no say
        return np.zeros(n_cand), tf[:n_cand], terms, np.zeros(len(terms))
    X = sparse.hstack([tf, sparse.csr_matrix(emb)]).tocsr()
    clf = LinearSVC(class_weight="balanced", C=C, max_iter=10_000, tol=1e-5, random_state=0)
    clf.fit(X, y, sample_weight=weight)
    coef = clf.coef_[0][: len(terms)]
    return clf.decision_function(X[:n_cand]), tf[:n_cand], terms, coef


@dataclass
class _Rows:
    """What a ranking computes once from its rows' texts (both passes of pseudo-relevance feedback use it)."""

    tf: Any
    terms: np.ndarray
    emb: np.ndarray
    lex: _Lexicon
    phrases: PhraseIndex

    @classmethod
    def of(cls, rows: Sequence[Paper], encoder: Encoder, vectors: Mapping[str, np.ndarray] | None) -> _Rows:
        texts = [term_text(paper_text(p)) for p in rows]  # no link pieces ("https github") among the reasons' words
        vec = tfidf_vectorizer()
        tf = vec.fit_transform(texts)
        emb = _vectors(rows, encoder, vectors)
        return cls(tf, vec.get_feature_names_out(), emb, _lexicon(texts), PhraseIndex.of(rows))


@dataclass
class _Lexicon:
    """Every row's BM25 term weights (``bm25s``), which rows hold each term, and each term's readable word."""

    bm25: Any
    present: Any
    share: np.ndarray
    words: list[str]


def _lexicon(texts: list[str]) -> _Lexicon:
    bm25, words = BM25Ranker().fit(texts).term_weights()
    present = (bm25 > 0).astype(np.float32)
    return _Lexicon(bm25, present, np.asarray(present.mean(axis=0)).ravel() if words else np.zeros(0), words)


def _keyword_profile(lex: _Lexicon, pos_idx: list[int], pos_weight: np.ndarray, n_terms: int) -> np.ndarray:
    """Term weights of the learned profile: the (weighted) share of positives holding the term x its idf over
    all rows, for terms at least two positives share (one when there is a single positive), the best ``n_terms``."""
    weights = np.zeros(len(lex.share))
    if not len(weights) or not pos_idx:
        return weights
    present = lex.present[pos_idx]
    count = np.asarray(present.sum(axis=0)).ravel()
    share = np.asarray(present.T @ pos_weight).ravel() / float(pos_weight.sum())
    w = share * np.log(1.0 / np.maximum(lex.share, 1e-9))
    w[count < min(2, len(pos_idx))] = 0.0
    top = np.argsort(-w, kind="stable")[:n_terms]
    weights[top] = np.maximum(w[top], 0.0)
    return weights


def _driving_words(row: int, parts: _Parts, n: int = 5) -> list[str]:
    """The defining phrases the paper holds (heaviest first), then the classifier's words; a single word that an
    earlier phrase holds is left out ("time series", not "time series, series, time"). Only words the saved (or
    liked) papers hold too: a word the classifier likes because no negative has it ("curation" in a memory paper
    picked for action-recognition saves) does not connect the pick to them, and is not shown."""
    words = parts.phrases.matched(row, parts.phrase_w * parts.saved_phrases)
    contrib = parts.tf[row].multiply(parts.coef[None, :]).tocoo()
    best = sorted(zip(contrib.col.tolist(), contrib.data.tolist(), strict=True), key=lambda t: -t[1])
    words += [str(parts.terms[c]) for c, v in best if v > 0 and parts.saved_terms[c]]
    return [w for w, _ in fold_words([(w, 0.0) for w in dict.fromkeys(words)])][:n]


def _positives(
    saved: Sequence[Paper], cands: Sequence[Paper], liked: Sequence[Paper]
) -> tuple[list[Paper], list[Paper], list[int]]:
    """Liked and saved papers outside the candidates (newest first), and the rows of liked candidates."""
    row = {p.id: i for i, p in enumerate(cands)}
    liked_rows = [row[p.id] for p in liked if p.id in row]
    return [p for p in liked if p.id not in row], [p for p in saved if p.id not in row], liked_rows


@dataclass
class _Parts:
    """What a ranking pass learned, kept to explain the picks."""

    tf: Any
    terms: np.ndarray
    coef: np.ndarray
    phrases: PhraseIndex
    phrase_w: np.ndarray
    saved_terms: np.ndarray  # per classifier term: held by a saved or liked paper (the reasons' words are)
    saved_phrases: np.ndarray  # per phrase term: 1.0 when a saved or liked paper holds it, else 0.0


def _held(matrix: Any, rows: list[int]) -> np.ndarray:
    """Per column of ``matrix``: whether any of ``rows`` holds the term."""
    if not rows:
        return np.zeros(matrix.shape[1], dtype=bool)
    return np.asarray((matrix[rows] > 0).sum(axis=0)).ravel() > 0


def _signals(
    saved: Sequence[Paper],
    cands: Sequence[Paper],
    background: Sequence[Paper],
    opts: RankingOptions,
    encoder: Encoder,
    vectors: Mapping[str, np.ndarray] | None,
    pseudo: Sequence[int] = (),
    cache: dict[str, _Rows] | None = None,
) -> tuple[dict[str, np.ndarray], np.ndarray, list[Paper], _Parts]:
    """Each raw signal over the candidates, the candidate x positive cosines, the positives, the learned parts.

    A liked candidate is a positive row of its own (never also a negative); liked papers count as the
    newest saves; ``pseudo`` candidate rows (pseudo-relevance feedback) count as the oldest.
    """
    liked_out, saved_out, liked_rows = _positives(saved, cands, opts.liked)
    outside = liked_out + saved_out
    n = len(cands)
    rows = list(cands) + outside + list(background)
    cache = {} if cache is None else cache
    if "rows" not in cache:  # the rows are the same in both passes: only the positives change
        cache["rows"] = _Rows.of(rows, encoder, vectors)
    computed = cache["rows"]
    emb, lex = computed.emb, computed.lex
    pos_idx = liked_rows + list(range(n, n + len(outside))) + [i for i in pseudo if i not in liked_rows]
    y = np.zeros(len(rows), dtype=np.int8)
    y[pos_idx] = 1
    weight = np.ones(len(rows))
    weight[liked_rows + list(range(n, n + len(liked_out)))] = opts.like_weight
    svm, tf, terms, coef = _svm_scores(computed, y, n, opts.C, weight)
    sims = emb[:n] @ emb[pos_idx].T
    decay = sims @ decay_weights(len(pos_idx))
    top = min(3, len(pos_idx))
    knn = np.sort(sims, axis=1)[:, -top:].mean(axis=1)
    profile = _keyword_profile(lex, pos_idx, weight[pos_idx], opts.profile_terms)
    keywords = np.asarray(lex.bm25[:n] @ profile).ravel() if profile.size else np.zeros(n)
    phrase_w = defining_terms(computed.phrases, pos_idx, weight[pos_idx], opts.profile_terms)
    phrases = computed.phrases.scores(phrase_w**2, n, title_weight=1.0)
    signals = {"svm": svm, "decay": decay, "knn": knn, "profile": keywords, "phrases": phrases}
    if opts.disliked:
        signals["dislike"] = (emb[:n] @ _vectors(opts.disliked, encoder, vectors).T).max(axis=1)
    real = liked_rows + list(range(n, n + len(outside)))  # not the pseudo-relevance rows: words must be the user's
    held = (_held(computed.tf, real), _held(computed.phrases.text, real).astype(float))
    return signals, sims, [rows[i] for i in pos_idx], _Parts(tf, terms, coef, computed.phrases, phrase_w, *held)


def _cited_with(saved: Sequence[Paper], cands: Sequence[Paper]) -> np.ndarray:
    """Per candidate, its strongest citation link (co-citation or coupling, in [0, 1]) to any saved paper."""
    from ..library import Library
    from .signals import get_signal

    signal = get_signal("citations")  # loads paperlab.citations on first use (signals.PROVIDERS)
    pool = Library(cands)
    row = {p.id: i for i, p in enumerate(cands)}
    best = np.zeros(len(cands))
    for paper in saved:
        for pid, score in signal(pool, paper).items():
            i = row.get(pid)
            if i is not None:
                best[i] = max(best[i], float(score))
    return best


def _fuse(
    signals: dict[str, np.ndarray], opts: RankingOptions, vectors: np.ndarray | None = None
) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Each signal's z-scores and their weighted mean (minus the thumbs-down penalty): one z-score unit of the
    fused score is one of a signal's, whatever the number of signals, so boosts keep their meaning. Given the
    candidates' ``vectors``, the neighbour scores (the mean fused score of each one's nearest other candidates)
    join the mean at weight ``opts.neighbours``; also returned: those nearest candidates (rows; none without)."""
    z = {name: zscore(s) for name, s in signals.items()}
    n = len(next(iter(signals.values())))
    total = sum(abs(opts.weights.get(name, 0.0)) for name in SIGNALS) or 1.0
    fused = sum((opts.weights.get(name, 0.0) * z[name] for name in SIGNALS), np.zeros(n)) / total
    near = np.zeros((n, 0), dtype=np.int64)
    if vectors is not None and opts.neighbours:
        z["neighbours"], near = neighbour_signal(fused, vectors, pool=opts.neighbour_pool)
        fused = (total * fused + opts.neighbours * z["neighbours"]) / (total + abs(opts.neighbours))
    if "dislike" in signals:
        fused = fused - opts.dislike_weight * np.maximum(signals["dislike"] - 0.5, 0.0) * 10
    return z, fused, near


def rank_personal(
    saved: Sequence[Paper],
    candidates: Sequence[Paper],
    background: Sequence[Paper] = (),
    options: RankingOptions | None = None,
    encoder: str | Encoder | None = None,
    vectors: Mapping[str, np.ndarray] | None = None,
) -> PersonalRanking:
    """Rank ``candidates`` for a user who saved ``saved`` (newest save first), all of them best first.

    Parameters
    ----------
    saved : sequence of Paper
        The user's saved papers, most recently saved first (the decay weighs the first most).
    candidates : sequence of Paper
        Papers to rank (new arrivals).
    background : sequence of Paper
        Other known papers the user did not save (extra negatives for the classifier).
    options : RankingOptions, optional
    encoder : str or Encoder, optional
        Sentence encoder (default: the packaged all-MiniLM-L6-v2).
    vectors : mapping of id to numpy.ndarray, optional
        Precomputed unit embeddings by paper id (skips encoding).
    """
    opts = options or RankingOptions()
    if not saved and not opts.liked:
        raise ValueError("ranking needs at least one saved or liked paper")
    mutes = [term_matcher(t) for t in opts.mutes]
    flags = [any(m(p) for m in mutes) for p in candidates]
    kept = [p for p, f in zip(candidates, flags, strict=True) if not f]
    muted = [p for p, f in zip(candidates, flags, strict=True) if f]
    if not kept:
        return PersonalRanking([], [], {}, [], muted)
    enc = get_encoder(encoder)
    cache: dict[str, _Rows] = {}
    signals, sims, pos, parts = _signals(saved, kept, background, opts, enc, vectors, cache=cache)
    _, fused, _ = _fuse(signals, opts)
    extra, matched = extra_terms(kept, opts.boosts, opts.recency, opts.popularity)
    if opts.citations:
        cited = _cited_with(list(saved) + list(opts.liked), kept)
        extra = extra + opts.citations * cited
        for i in np.flatnonzero(cited):
            matched[i].append(f"citations {cited[i]:.2f}")
    n_pseudo = min(opts.feedback, (len(kept) - 1) // 4)  # a few top candidates, never most of them
    if n_pseudo > 0:
        top = np.argsort(-(fused + extra), kind="stable")[:n_pseudo].tolist()
        signals, _, _, parts = _signals(saved, kept, background, opts, enc, vectors, pseudo=top, cache=cache)
    z, fused, near = _fuse(signals, opts, cache["rows"].emb[: len(kept)])  # the last pass, with the neighbours
    return _ranking(kept, muted, fused + extra, z, sims, pos, parts, matched, near)


def _ranking(
    kept: list[Paper],
    muted: list[Paper],
    fused: np.ndarray,
    z: dict[str, np.ndarray],
    sims: np.ndarray,
    pos: list[Paper],
    parts: _Parts,
    matched: list[list[str]],
    near: np.ndarray,
) -> PersonalRanking:
    """The candidates best first, each with the saved papers it is closest to, the words that drove it and, when
    its neighbours lifted it (their mean score a standard deviation above the others'), the best-ranked of them."""
    order = np.argsort(-fused, kind="stable")
    lifted = z.get("neighbours", np.zeros(len(kept))) >= 1.0
    reasons = []
    for i in order:
        nearest = np.argsort(-sims[i], kind="stable")[:2]
        closest = [(pos[j].id, pos[j].shown_title, float(sims[i, j])) for j in nearest]
        lifting = [max(near[i].tolist(), key=lambda j: fused[j])] if lifted[i] else []
        beside = [(kept[j].id, kept[j].shown_title) for j in lifting]
        reasons.append(Reason(closest, _driving_words(int(i), parts), matched[i], beside=beside))
    best = np.argsort(-parts.coef)[:20]
    return PersonalRanking(
        [kept[i] for i in order],
        [float(fused[i]) for i in order],
        {name: z[name][order] for name in z},
        reasons,
        muted,
        [(str(parts.terms[i]), float(parts.coef[i])) for i in best if parts.coef[i] > 0],
        parts.phrases.profile(parts.phrase_w),
    )


def recommend_personal(index: Any, papers: Iterable[Paper | str], k: int = 10) -> Recommendations:
    """``Library.recommend``: the library's other papers ranked for the saved ``papers`` (newest first).

    Parameters
    ----------
    index : PaperIndex
        A fitted index of the library (its embeddings are reused).
    papers : iterable of Paper or id
        The saved papers; when all have a ``published`` date the newest counts most, else the first given.
    k : int
    """
    index._check_fitted()
    index._ensure_vectors()
    items = [papers] if isinstance(papers, (str, Paper)) else list(papers)
    saved = [p if isinstance(p, Paper) else index._resolve(p)[0] for p in items]
    if not saved:
        raise ValueError("recommend needs at least one saved paper")
    if all(p.published for p in saved):
        saved.sort(key=lambda p: p.published or dt.date.min, reverse=True)
    saved_ids = {p.id for p in saved}
    candidates = [p for p in index.papers_ if p.id not in saved_ids]
    if not candidates:
        raise ValueError("every paper of the library is among the saved papers: nothing left to recommend")
    vectors = {p.id: index.embeddings_[i] for i, p in enumerate(index.papers_)}
    ranking = rank_personal(saved, candidates, encoder=index.encoder_, vectors=vectors)
    why = {p.id: str(r) for p, r in zip(ranking.papers, ranking.reasons, strict=True)}
    return Recommendations(
        ranking.papers[:k],
        ranking.scores[:k],
        query=f"like {plural(len(saved), 'saved paper')}",
        mode="recommend",
        explain=lambda p: why.get(p.id, ""),
        features=ranking.features,
    )
