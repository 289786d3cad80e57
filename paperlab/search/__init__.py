"""Similarity search over a Library: semantic (sentence embeddings), lexical (BM25) and hybrid.

Nothing heavy is imported here: torch and sentence-transformers load only when a model
is first needed. The ``Library`` methods ``search``, ``similar``, ``recommend``,
``topics`` and ``near_duplicates`` delegate to this package; :func:`index_for` keeps one
fitted :class:`PaperIndex` per library and encoder, refitted when the library changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..library import Library
from .analysis import Recommendations, Topics, near_duplicates, recommend, tfidf_vectorizer, topics
from .background import EmbeddingJob, embed_library, running_job
from .encoders import (
    DEFAULT_MODEL,
    PACKAGED_EMBEDDINGS,
    Encoder,
    EncoderError,
    SentenceEncoder,
    StaticEncoder,
    embed,
    get_encoder,
    packaged_vectors,
    text_hash,
)
from .index import MODES, PaperIndex, lexical_text, paper_text
from .lexical import BM25Ranker
from .results import SearchResults
from .vectors import AnnVectorIndex, ExactVectorIndex

if TYPE_CHECKING:
    from ..paper import Paper

__all__ = [
    "AnnVectorIndex",
    "BM25Ranker",
    "DEFAULT_MODEL",
    "EmbeddingJob",
    "Encoder",
    "EncoderError",
    "ExactVectorIndex",
    "MODES",
    "PACKAGED_EMBEDDINGS",
    "PaperIndex",
    "Recommendations",
    "SearchResults",
    "SentenceEncoder",
    "StaticEncoder",
    "Topics",
    "embed",
    "embed_library",
    "get_encoder",
    "index_for",
    "library_topics",
    "near_duplicates",
    "packaged_vectors",
    "lexical_text",
    "paper_text",
    "recommend",
    "recommend_papers",
    "search_library",
    "similar_papers",
    "text_hash",
    "tfidf_vectorizer",
    "topics",
]

_CACHE_ATTR = "_paperlab_search_indexes"


def _fingerprint(library: Library) -> str:
    h = hashlib.sha1()
    for p in library:
        h.update(p.id.encode())
        h.update(b"\0")
        h.update(paper_text(p).encode())
        h.update(b"\1")
    return h.hexdigest()


def index_for(library: Library, encoder: str | Encoder | None = None, **params: Any) -> PaperIndex:
    """A fitted :class:`PaperIndex` of ``library``, reused while the library's papers do not change.

    Parameters
    ----------
    library : Library
    encoder : str or Encoder, optional
        See :class:`PaperIndex`.
    **params
        Other :class:`PaperIndex` parameters (``ann_threshold``, ``fusion``, ``store``...).
    """
    key = (encoder if isinstance(encoder, (str, type(None))) else id(encoder), tuple(sorted(params.items())))
    cache: dict[Any, tuple[str, PaperIndex]] = library.__dict__.setdefault(_CACHE_ATTR, {})
    fp = _fingerprint(library)
    hit = cache.get(key)
    if hit is not None and hit[0] == fp:
        return hit[1]
    index = PaperIndex(encoder=encoder, **params).fit(library)
    cache[key] = (fp, index)
    return index


def search_library(
    library: Library,
    query: str,
    k: int = 10,
    mode: str = "hybrid",
    encoder: str | Encoder | None = None,
    min_score: float | None = None,
) -> SearchResults:
    """Search ``library`` for ``query`` (the engine behind ``Library.search`` and ``paperlab search``).

    Parameters
    ----------
    library : Library
    query : str
    k : int
        Number of results.
    mode : {"hybrid", "semantic", "lexical"}
    encoder : str or Encoder, optional
        Model for semantic and hybrid modes (default: packaged all-MiniLM-L6-v2).
    min_score : float, optional
        See :meth:`PaperIndex.search` (default: the fitted relevance cut-off).

    Returns
    -------
    SearchResults
        The hits past the cut-off, best first; when none passed it, the papers (at most ``k``, in library order)
        whose title, abstract, authors, keywords or tags hold every word of the query, accents and case ignored
        (:meth:`Library.filter` ``text=``), marked :attr:`SearchResults.holding_every_word`: the ranking reads
        titles, abstracts and keywords only, so an author's name ("Hubotter") or a tag still finds its papers.
    """
    if mode not in MODES:
        raise ValueError(f"unknown search mode {mode!r}: expected one of {', '.join(MODES)}")
    if not len(library):  # nothing to rank (the encoder is not even loaded)
        return _searched_in(SearchResults(query=query, mode=mode), library)
    job = running_job(library, encoder) if mode != "lexical" else None
    if job is not None:  # being embedded in the background: answer now from what is ready
        results = job.search(query, k=k, mode=mode, min_score=min_score)
    else:
        index_mode = "lexical" if mode == "lexical" else "hybrid"
        results = index_for(library, encoder, mode=index_mode).search(query, k=k, mode=mode, min_score=min_score)
    _searched_in(results, library)
    if len(results):
        return results
    holding = library.filter(text=query)
    if not len(holding):
        return results
    held = SearchResults.holding_every_word_of(_whole_words_first(holding, query)[:k], query, mode)
    held.partial = results.partial  # made while the library was being embedded: a refined search follows
    return _searched_in(held, library)


def _whole_words_first(papers: Library, query: str) -> list[Paper]:
    """``papers`` (each holding every query word at a word's start) with those holding each as a whole word first,
    else in library order: "Ho" lists Jonathan Ho's papers before those that only say "however"."""
    import re

    from ..text import fold

    whole = [re.compile(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])") for w in fold(query).split()]

    def partly(p: Paper) -> bool:
        hay = fold(" ".join([p.title, p.abstract or "", " ".join(p.authors), " ".join(p.keywords + p.tags)]))
        return not all(w.search(hay) for w in whole)

    return sorted(papers, key=partly)


def _searched_in(results: SearchResults, library: Library) -> SearchResults:
    """``results`` saying which library they searched, and how many papers it holds (the cards' status line)."""
    results.searched, results.searched_from = len(library), library
    return results


def similar_papers(
    library: Library,
    paper: Paper | str,
    k: int = 10,
    mode: str = "hybrid",
    encoder: str | Encoder | None = None,
    signals: dict[str, float] | None = None,
) -> SearchResults:
    """Papers of ``library`` most like ``paper`` (engine of ``Library.similar``); ``signals`` blends in extra
    similarity signals by weight (:mod:`paperlab.search.signals`, e.g. ``{"citations": 0.5}``)."""
    index_mode = "lexical" if mode == "lexical" else "hybrid"
    if signals:
        from .signals import blend_similar

        found = blend_similar(index_for(library, encoder, mode=index_mode), library, paper, k, mode, signals)
    else:
        found = index_for(library, encoder, mode=index_mode).similar(paper, k=k, mode=mode)
    found.target = library.get(paper) if isinstance(paper, str) else paper  # the display names it by title
    return found


def recommend_papers(
    library: Library, papers: Iterable[Paper | str], k: int = 10, encoder: str | Encoder | None = None
) -> Recommendations:
    """Recommendations from ``library`` for the saved ``papers`` (engine of ``Library.recommend``): the feed's
    personal ranking (:func:`paperlab.search.personal.recommend_personal`)."""
    from .personal import recommend_personal

    return recommend_personal(index_for(library, encoder), papers, k=k)


def library_topics(library: Library, n: int | None = None, encoder: str | Encoder | None = None) -> Topics:
    """Topics of ``library`` (engine of ``Library.topics``)."""
    return topics(index_for(library, encoder), n=n)


# ``Library.search``, ``.similar``, ``.recommend``, ``.topics`` and ``.near_duplicates`` are implemented here.
Library.operations.register("search", search_library)
Library.operations.register("similar", similar_papers)
Library.operations.register("recommend", recommend_papers)
Library.operations.register("topics", library_topics)
Library.operations.register("near_duplicates", near_duplicates)
Library.operations.register("embed", embed_library)
