"""PaperIndex: semantic, lexical and hybrid search over a Library (scikit-learn estimator style)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..library import Library
from ..paper import Paper
from ..text import plural
from . import persist
from .encoders import Encoder, embed, get_encoder
from .explain import PairTerms, explain_hits
from .fitting import (
    Background,
    add_lexical,
    choose_encoder,
    index_root,
    index_settings,
    load_fitted,
    save_fitted,
    store_of,
)
from .lexical import BM25Ranker
from .ranking import (
    ModeCalibration,
    expansion_terms,
    load_calibration,
    neighbourhood,
    query_match,
)
from .results import SearchResults, weaker_floor
from .scorearrays import falling, minmax, top_k
from .vectors import AnnVectorIndex, ExactVectorIndex

__all__ = ["MODES", "PAIR_TERMS_MAX_PAPERS", "PaperIndex", "lexical_text", "paper_text"]

MODES = ("hybrid", "semantic", "lexical")
#: Largest corpus whose topical terms explain similar() pairs and related query terms (:class:`.explain.PairTerms`).
PAIR_TERMS_MAX_PAPERS = 3_000  # building them takes ~1 s per 1,500 papers on 2 cores (10k: 7.7 s, 300 MB)


def paper_text(paper: Paper) -> str:
    """The text embedded and indexed for a paper: title, then abstract."""
    return f"{paper.shown_title}. {paper.shown_abstract}" if paper.abstract else paper.shown_title  # LaTeX decoded


def lexical_text(paper: Paper) -> str:
    """The text a paper's words are matched in (BM25): :func:`paper_text`, then the keywords its source gives
    (Hugging Face ``ai_keywords``, BibTeX ``keywords``), so a paper found only by a keyword is found; they are not
    embedded (the vectors of a paper stay those of its title and abstract, cached and shipped by that text)."""
    return _with_keywords(paper_text(paper), paper.keywords)


def _with_keywords(text: str, keywords: Sequence[str]) -> str:
    return f"{text}. {'; '.join(keywords)}" if keywords else text


def _check_mode(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"unknown search mode {mode!r}: expected one of {', '.join(MODES)}")
    return mode


class PaperIndex:
    """Search a library by meaning (embeddings), by words (BM25), or both (hybrid).

    Parameters
    ----------
    encoder : str or Encoder, optional
        ``None`` (default, "auto"): the packaged all-MiniLM-L6-v2, unless more than
        ``static_above`` texts would have to be embedded, then the fast model2vec
        ``"static"`` encoder; or any name accepted by :func:`~paperlab.search.get_encoder`.
    mode : {"hybrid", "semantic", "lexical"}
        Default mode of :meth:`search` and :meth:`similar`.
    ann_threshold : int
        From this many papers on, an approximate (usearch HNSW) index replaces exact search
        (exact search of 100k 256-d vectors takes ~10 ms; building the graph takes longer than that saves).
        The embeddings are then kept as float16.
    fusion : {"blend", "rrf"}
        How hybrid mode combines the two rankings: a weighted blend of min-max normalised
        scores (default) or reciprocal rank fusion. Each hit's shown score is the calibrated
        probability of :mod:`paperlab.search.ranking` (the blend is one of its features), never
        rising down the list; hits are listed by it where that ranked better on dev (the shipped
        calibration's ``rank_by``), else by the blend.
    semantic_weight : float
        Weight of the embedding score in the blend (BM25 gets the rest); 0.8 and ``feedback=10``
        were picked on the dev queries of ``benchmarks/bench_search_quality.py``.
    feedback : int
        Hybrid mode: move the query vector towards the mean of its top ``feedback``
        first-pass hits and rank again (pseudo-relevance feedback); 0 disables it. Applied only
        from ``20 * feedback`` papers on, where the top hits are a small, focused part of the library.
    store : "default", Store or None
        Embedding cache; ``"default"`` is :func:`paperlab.store.open_store`, None disables caching.
    static_above : int
        See ``encoder``.
    batch_size : int
        Texts encoded (and cached) per batch.
    progress : bool, optional
        Show a progress bar while embedding (default: when there is more than one batch).
    index_dir : "default", path or None
        Where fitted indexes of at least ``persist_above`` papers are saved and looked up
        (vectors, BM25 index and ANN graph; see :mod:`paperlab.search.persist`), so fitting
        the same texts again loads them instead of reading the embedding cache and rebuilding.
        ``"default"``: ``indexes/`` beside the store (``$PAPERLAB_HOME/indexes``); None: never saved.
    persist_above : int
        See ``index_dir``.

    Attributes
    ----------
    papers_ : list of Paper
    encoder_ : Encoder or None
        The encoder used (None in lexical-only use).
    embeddings_ : numpy.ndarray
        ``(n, dim)`` unit vectors.
    vectors_ : ExactVectorIndex or AnnVectorIndex
    lexical_ : BM25Ranker
    n_embedded_ : int
        Texts embedded by the last :meth:`fit` (0 when all came from the cache).
    uses_ann_ : bool
    loaded_from_ : pathlib.Path or None
        The saved index the last :meth:`fit` loaded, if any.

    Examples
    --------
    >>> index = PaperIndex(mode="hybrid").fit(library)  # doctest: +SKIP
    >>> index.search("making language models say when they are unsure", k=5)  # doctest: +SKIP
    """

    def __init__(
        self,
        encoder: str | Encoder | None = None,
        mode: str = "hybrid",
        ann_threshold: int = 200_000,
        fusion: str = "blend",
        semantic_weight: float = 0.8,
        feedback: int = 10,
        store: Any = "default",
        static_above: int = 2_000,
        batch_size: int = 256,
        progress: bool | None = None,
        index_dir: str | Path | None = "default",
        persist_above: int = 5_000,
    ) -> None:
        self.encoder = encoder
        self.mode = mode
        self.ann_threshold = ann_threshold
        self.fusion = fusion
        self.semantic_weight = semantic_weight
        self.feedback = feedback
        self.store = store
        self.static_above = static_above
        self.batch_size = batch_size
        self.progress = progress
        self.index_dir = index_dir
        self.persist_above = persist_above

    def __repr__(self) -> str:
        enc = self.encoder if isinstance(self.encoder, (str, type(None))) else getattr(self.encoder, "name", "?")
        fitted = f", fitted on {plural(len(self.papers_), 'paper')}" if hasattr(self, "papers_") else ""
        return (
            f"PaperIndex(encoder={enc!r}, mode={self.mode!r}, ann_threshold={self.ann_threshold}, "
            f"fusion={self.fusion!r}, feedback={self.feedback}{fitted})"
        )

    # -- fitting ---------------------------------------------------------------------------
    def fit(self, library: Library | Sequence[Paper]) -> PaperIndex:
        """Index the papers of ``library`` (embedding only texts not in the cache)."""
        if self.fusion not in ("rrf", "blend"):
            raise ValueError(f"unknown fusion {self.fusion!r}: expected 'blend' or 'rrf'")
        if not 0 <= self.semantic_weight <= 1:
            raise ValueError(f"semantic_weight must be between 0 and 1, got {self.semantic_weight}")
        _check_mode(self.mode)
        self.papers_ = list(library)
        self.rows_ = {p.id: i for i, p in enumerate(self.papers_)}
        self.texts_ = [paper_text(p) for p in self.papers_]  # BM25's texts add the keywords, built when read
        self._pair_terms: PairTerms | None = None  # built on the first similar() explained
        self._lexical: BM25Ranker | None = None  # built on first use (see lexical_)
        self.n_embedded_ = 0
        self.encoder_: Encoder | None = None
        if self.mode != "lexical":
            self._fit_vectors()
        return self

    def _fit_vectors(self) -> None:
        self.uses_ann_ = len(self.texts_) >= self.ann_threshold
        self.loaded_from_: Path | None = None
        root = index_root(self.index_dir, self.store, len(self.texts_), self.persist_above)
        if root is not None:
            texts_fp = persist.texts_fingerprint(self.texts_)  # the vectors' texts; BM25's adds the keywords
            self._fingerprints = texts_fp, persist.lexical_fingerprint(texts_fp, [p.keywords for p in self.papers_])
            if self._load_saved(root):
                return
        store = store_of(self.store)
        self.encoder_ = choose_encoder(self.encoder, self.texts_, store, self.static_above)
        lexical = None
        if self.mode == "hybrid" and self._lexical is None and len(self.texts_) >= self.persist_above:
            # build BM25 (Python, holds the GIL) while the encoder runs (native code, mostly releases it)
            lexical = Background(lambda: BM25Ranker().fit(self._lexical_texts()))
        self.embeddings_, self.n_embedded_ = embed(
            self.encoder_,
            self.texts_,
            store=store,
            batch_size=self.batch_size,
            progress=self.progress,
            refuse_imported=True,  # papers whose vectors were imported for another model: search with that model
        )
        if self.uses_ann_:
            self.embeddings_ = self.embeddings_.astype(np.float16)  # re-scoring needs no more; half the memory
            self.vectors_: ExactVectorIndex | AnnVectorIndex = AnnVectorIndex().fit(self.embeddings_)
        else:
            self.vectors_ = ExactVectorIndex().fit(self.embeddings_)
        if lexical is not None:
            self._lexical = lexical.result()
        if root is not None:
            texts_fp, lexical_fp = self._fingerprints
            key = persist.index_key(texts_fp, self.encoder_.name, index_settings(self.uses_ann_))
            save_fitted(root, key, self.encoder_, self.embeddings_, self.vectors_, self._lexical, lexical_fp)

    def _load_saved(self, root: Path) -> bool:
        """Load the index saved for these texts under ``root``, else one saved by paperlab before vectors and BM25
        were fingerprinted apart (named by the texts with their keywords; renamed to today's key): True if loaded."""
        texts_fp, lexical_fp = self._fingerprints
        settings = index_settings(self.uses_ann_)
        before: str | None = None  # the key's fingerprint before vectors and BM25 were told apart (texts + keywords)
        for name in [self.encoder] if self.encoder is not None else [None, "static"]:
            encoder = get_encoder(name)
            folder = root / persist.index_key(texts_fp, encoder.name, settings)
            if persist.complete(folder) and self._load(folder, encoder, unrecorded=texts_fp):
                return True
            if lexical_fp == texts_fp:  # no keywords: the key was the same before
                continue
            before = before or persist.texts_fingerprint(self._lexical_texts())  # once, not once per encoder
            old = root / persist.index_key(before, encoder.name, settings)
            if persist.complete(old) and "lexical" not in persist.read_meta(old):
                if self._load(old, encoder, unrecorded=lexical_fp):  # its BM25 read these keywords
                    self.loaded_from_ = persist.adopt(old, folder, lexical_fp)
                    return True
        return False

    def _load(self, folder: Path, encoder: Encoder, unrecorded: str) -> bool:
        """Use the index saved in ``folder`` (its BM25 rebuilt if saved for other keywords, ``unrecorded`` the
        fingerprint of a BM25 saved without one); False when it cannot be read (it is then rebuilt)."""
        lexical_fp = self._fingerprints[1]
        saved = load_fitted(folder, len(self.texts_), self.uses_ann_, lexical_fp, unrecorded)
        if saved is None:
            return False
        self.embeddings_, self.vectors_, lexical = saved
        self.encoder_, self.n_embedded_, self.loaded_from_ = encoder, 0, folder
        self._lexical = self._lexical or lexical
        if self._lexical is None and self.mode == "hybrid":  # saved by a semantic-only fit, or for other keywords
            self._lexical = add_lexical(folder, self._lexical_texts(), lexical_fp)
        return True

    def _lexical_texts(self) -> list[str]:
        """What BM25 matches, built when read (not kept: only the keywords differ from ``texts_``)."""
        return [_with_keywords(t, p.keywords) for t, p in zip(self.texts_, self.papers_, strict=True)]

    @property
    def lexical_(self) -> BM25Ranker:
        """The BM25 index of the papers, built on first use (re-opening a large library stays fast)."""
        self._check_fitted()
        if self._lexical is None:
            self._lexical = BM25Ranker().fit(self._lexical_texts())
        return self._lexical

    def _check_fitted(self) -> None:
        if not hasattr(self, "papers_"):
            raise RuntimeError("this PaperIndex is not fitted yet: call fit(library) first")

    def _ensure_vectors(self) -> None:
        if self.encoder_ is None:
            self._fit_vectors()

    # -- ranking ---------------------------------------------------------------------------
    def _semantic_candidates(self, qvec: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows near ``qvec`` (every row for exact search) and their cosine."""
        if isinstance(self.vectors_, ExactVectorIndex):
            return np.arange(len(self.papers_)), self.vectors_.similarities(qvec)
        rows, _ = self.vectors_.search(qvec, depth)
        return rows, np.asarray(self.embeddings_[rows], dtype=np.float32) @ qvec

    def _cosines(self, qvec: np.ndarray, cand: np.ndarray) -> np.ndarray:
        if isinstance(self.vectors_, ExactVectorIndex) and len(cand) == len(self.papers_):
            return self.vectors_.similarities(qvec)
        return np.asarray(self.embeddings_[cand], dtype=np.float32) @ qvec

    def _blend(self, cos: np.ndarray, lex_c: np.ndarray) -> np.ndarray:
        """The query-relative fusion of cosine and BM25 (weighted min-max blend, or reciprocal rank fusion)."""
        if self.fusion == "rrf":
            sem_rank = np.empty(len(cos))
            sem_rank[np.argsort(-cos, kind="stable")] = np.arange(len(cos))
            lex_rank = np.empty(len(cos))
            lex_rank[np.argsort(-lex_c, kind="stable")] = np.arange(len(cos))
            return 1.0 / (60 + sem_rank + 1) + np.where(lex_c > 0, 1.0 / (60 + lex_rank + 1), 0.0)
        w = self.semantic_weight
        return w * minmax(cos) + (1 - w) * lex_c / (float(lex_c.max(initial=0.0)) or 1.0)

    def hit_features(
        self, query_text: str, qvec: np.ndarray | None, mode: str, depth: int, exclude: int | None = None
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Candidate rows of a query and their features (:data:`paperlab.search.ranking.FEATURES` of ``mode``)."""
        if mode == "semantic":
            assert qvec is not None
            cand, cos = self._semantic_candidates(qvec, depth)
            return cand, {"cos": cos, "sem_rel": minmax(cos)}
        lex, coverage = query_match(self.lexical_, query_text)
        lex_rows = top_k(lex, depth)
        lex_rows = lex_rows[lex[lex_rows] > 0]
        if mode == "lexical":
            lex_c = lex[lex_rows]
            return lex_rows, {"coverage": coverage[lex_rows], "lex_rel": lex_c / (float(lex_c.max(initial=0)) or 1.0)}
        assert qvec is not None
        sem_rows, cos = self._semantic_candidates(qvec, depth)
        cand = sem_rows if len(sem_rows) == len(self.papers_) else np.union1d(sem_rows, lex_rows)
        if len(cand) != len(sem_rows):
            cos = self._cosines(qvec, cand)
        q2 = qvec
        if self.feedback and len(self.papers_) >= 20 * self.feedback:  # in a tiny library the top hits are a big share
            # pseudo-relevance feedback: move the query towards its best first-pass hits
            first = cand[top_k(self._blend(cos, lex[cand]), self.feedback)]
            first = first[first != exclude] if exclude is not None else first
            q2 = qvec + np.asarray(self.embeddings_[first], dtype=np.float32).mean(axis=0)
            q2 = (q2 / (np.linalg.norm(q2) or 1.0)).astype(np.float32)
            if len(cand) != len(self.papers_):
                more, _ = self._semantic_candidates(q2, depth)
                cand = np.union1d(cand, more)
                cos = self._cosines(qvec, cand)
        cos_prf = self._cosines(q2, cand) if q2 is not qvec else cos
        lex_c = lex[cand]
        blend = self._blend(cos_prf, lex_c)
        features = {
            "cos": cos,
            "cos_prf": cos_prf,
            "coverage": coverage[cand],
            "lex_rel": lex_c / (float(lex_c.max(initial=0.0)) or 1.0),
            "sem_rel": minmax(cos_prf),
            "blend": blend,
        }
        features.update(self._feedback_features(query_text, cand, blend))
        return cand, features

    def _feedback_features(self, query_text: str, cand: np.ndarray, blend: np.ndarray) -> dict[str, np.ndarray]:
        """Lexical pseudo-relevance feedback and kNN smoothing (see :mod:`paperlab.search.ranking`)."""
        top = cand[top_k(blend, 10)]
        terms = expansion_terms(
            self.lexical_, query_text, [_with_keywords(self.texts_[r], self.papers_[r].keywords) for r in top]
        )
        extra = np.zeros(len(cand), dtype=np.float32)
        if terms:
            extra = self.lexical_.term_scores(terms)[cand]
        vectors = self.embeddings_ if len(cand) == len(self.papers_) else self.embeddings_[cand]
        return {
            "lex_prf_rel": extra / (float(extra.max(initial=0.0)) or 1.0),
            "nbr": neighbourhood(vectors, blend.astype(np.float32)),
        }

    def calibration_(self, mode: str) -> ModeCalibration:
        """The fitted score model of ``mode`` for this index's encoder (see :mod:`paperlab.search.ranking`)."""
        name = self.encoder_.name if self.encoder_ is not None else None
        return load_calibration().for_mode(name, mode)

    def _rank(
        self,
        query_text: str,
        qvec: np.ndarray | None,
        k: int,
        mode: str,
        exclude: int | None = None,
        min_score: float = 0.0,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The best ``k`` rows and their calibrated scores (at least ``min_score``)."""
        want = k + (1 if exclude is not None else 0)
        depth = min(len(self.papers_), max(100, 10 * want))
        cand, features = self.hit_features(query_text, qvec, mode, depth, exclude)
        model = self.calibration_(mode)
        prob = model.probability(features)
        native = {"hybrid": "blend", "semantic": "cos", "lexical": "lex_rel"}[mode]
        order = prob if model.rank_by == "probability" else features[native]
        best = top_k(np.asarray(order, dtype=np.float64), want)
        rows, scores = cand[best], prob[best]
        if model.rank_by != "probability":  # shown scores fall down the list, so the cut-off ends it
            scores = falling(scores, np.asarray(order, dtype=np.float64)[best])
        keep = scores >= min_score
        if exclude is not None:
            keep &= rows != exclude
        return rows[keep][:k], scores[keep][:k]

    def search(self, query: str, k: int = 10, mode: str | None = None, min_score: float | None = None) -> SearchResults:
        """Papers best matching a free-text query, with scores comparable across queries.

        Parameters
        ----------
        query : str
            Words or a natural-language description.
        k : int
            Most results (at least 1).
        mode : {"hybrid", "semantic", "lexical"}, optional
            Overrides the index's default mode.
        min_score : float, optional
            Leave out hits scored below this (0-1). Default: the cut-off fitted with the scores
            (:mod:`paperlab.search.ranking`), so papers unrelated to the query are not listed; 0 lists
            the ``k`` best whatever they score.

        Returns
        -------
        SearchResults
            Scores are calibrated probabilities that a hit is about what was asked (the top hit of a
            vague or off-topic query scores low); ``below_cutoff``: how many of the ``k`` best were left out
            under ``min_score`` but above ``floor`` (:func:`.results.weaker_floor`: under it, noise), ``cutoff``: the
            fitted cut-off (see :attr:`SearchResults.weaker_ids`).
        """
        self._check_fitted()
        mode = _check_mode(mode or self.mode)
        if not isinstance(query, str) or not query.strip():
            raise ValueError("search needs a non-empty query string")
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
            raise ValueError(f"k must be a whole number of at least 1, got {k!r}")
        qvec = None
        if mode != "lexical":
            self._ensure_vectors()
            assert self.encoder_ is not None
            qvec = self.encoder_.encode([query])[0]
        fitted = self.calibration_(mode).cutoff
        cutoff = fitted if min_score is None else float(min_score)
        rows, scores = self._rank(query, qvec, int(k), mode)  # the k best: those under the cut-off are counted
        keep = scores >= cutoff
        results = SearchResults(
            [self.papers_[r] for r in rows[keep]],
            scores[keep].tolist(),
            query=query,
            mode=mode,
            explain=lambda p: self._explain(p, query, qvec, mode),
            explain_many=lambda ps: self._explain_many(ps, query, qvec, mode),
        )
        results.cutoff, results.floor = float(fitted), weaker_floor(scores.tolist())  # under the floor: noise
        results.below_cutoff = int(((~keep) & (scores >= results.floor)).sum())
        return results

    def _resolve(self, paper: Paper | str) -> tuple[Paper, int | None]:
        if isinstance(paper, Paper):
            row = self.rows_.get(paper.id)
            return paper, row
        if not isinstance(paper, str):
            raise TypeError(f"expected a Paper or a paper id, got {type(paper).__name__}")
        if paper in self.rows_:
            return self.papers_[self.rows_[paper]], self.rows_[paper]
        found = Library(self.papers_).get(paper)
        if found is None:
            raise KeyError(f"no paper with id {paper!r} in this index")
        return found, self.rows_[found.id]

    def vector_of(self, paper: Paper | str) -> np.ndarray:
        """The embedding of a paper of the index (or of any Paper, embedded now)."""
        self._check_fitted()
        self._ensure_vectors()
        p, row = self._resolve(paper)
        if row is not None:
            return np.asarray(self.embeddings_[row], dtype=np.float32)
        assert self.encoder_ is not None
        return self.encoder_.encode([paper_text(p)])[0]

    def similar(self, paper: Paper | str, k: int = 10, mode: str | None = None) -> SearchResults:
        """Papers most like ``paper`` (a Paper, or the id of a paper in the index), itself excluded."""
        self._check_fitted()
        mode = _check_mode(mode or self.mode)
        p, row = self._resolve(paper)
        text = paper_text(p)
        qvec = self.vector_of(p) if mode != "lexical" else None
        rows, scores = self._rank(text, qvec, k, mode, exclude=row)
        hits = [self.papers_[r] for r in rows if self.papers_[r].id != p.id]
        return SearchResults(
            hits,
            scores.tolist(),
            query=f"similar to {p.id}",
            mode=mode,
            explain=lambda h: self._explain_pair(p, [h], text, qvec, mode)[0],
            explain_many=lambda hs: self._explain_pair(p, hs, text, qvec, mode),
        )

    def _explain_pair(
        self, paper: Paper, hits: Sequence[Paper], text: str, qvec: np.ndarray | None, mode: str
    ) -> list[dict[str, Any]]:
        """Reasons of ``hits`` like ``paper``: the topical terms both hold (:class:`.explain.PairTerms`; the shared
        query words without vectors) and each hit's sentence closest to ``paper``."""
        out = self._explain_many(hits, text, qvec, mode, shared=True)
        if qvec is None or (pairs := self._pairs()) is None:
            return out  # the shared query words
        terms = pairs.shared(text, [self.rows_.get(h.id) for h in hits])
        for reason, shared in zip(out, terms, strict=True):
            reason["terms"] = shared
        return out

    # -- explanations ------------------------------------------------------------------------
    def _explain(
        self, paper: Paper, query: str, qvec: np.ndarray | None, mode: str, shared: bool = False
    ) -> dict[str, Any]:
        """``{"terms": [...], "sentence": "...", "shared": bool}`` of one paper (:func:`.explain.explain_hits`)."""
        return self._explain_many([paper], query, qvec, mode, shared)[0]

    def _explain_many(
        self, papers: Sequence[Paper], query: str, qvec: np.ndarray | None, mode: str, shared: bool = False
    ) -> list[dict[str, Any]]:
        """The reasons of several papers, their sentences encoded in one call (:func:`.explain.explain_hits`)."""
        store = store_of(self.store) if qvec is not None and self.encoder_ is not None else None
        texts = [paper_text(p) for p in papers]
        pairs = self._pairs() if qvec is not None and not shared else None
        rows = [self.rows_.get(p.id) for p in papers]
        return explain_hits(self.lexical_, papers, texts, query, qvec, self.encoder_, store, shared, pairs, rows)

    def _pairs(self) -> PairTerms | None:
        """The corpus's topical terms (:class:`.explain.PairTerms`), built on first use; None above
        :data:`PAIR_TERMS_MAX_PAPERS` papers (seconds and memory for every term of the corpus: plain reasons there)."""
        if getattr(self, "_pair_terms", None) is None and len(self.texts_) <= PAIR_TERMS_MAX_PAPERS:
            self._pair_terms = PairTerms(self.texts_, self.embeddings_)
        return getattr(self, "_pair_terms", None)
