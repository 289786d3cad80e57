"""Recommendations (a per-user linear SVM, as in arxiv-sanity), topic maps and near-duplicates."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

from ..library import Library
from ..paper import Paper
from ..text import plural
from .index import PaperIndex, paper_text
from .results import SearchResults

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Recommendations", "Topics", "near_duplicates", "recommend", "tfidf_vectorizer", "topics"]


def tfidf_vectorizer(**overrides: Any) -> Any:
    """arxiv-sanity's tf-idf settings: word 1-2 grams, 20k features, sublinear tf, English stopwords."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    params: dict[str, Any] = dict(
        ngram_range=(1, 2),
        max_features=20_000,
        sublinear_tf=True,
        stop_words="english",
        strip_accents="unicode",
        lowercase=True,
        min_df=1,
        max_df=0.9,
        token_pattern=r"(?u)\b[a-zA-Z_][a-zA-Z0-9_-]+\b",
        dtype=np.float32,
    )
    params.update(overrides)
    return TfidfVectorizer(**params)


class Recommendations(SearchResults):
    """Recommended papers (a :class:`SearchResults`) plus the words that drove the model.

    Attributes
    ----------
    features : list of (str, float)
        The terms with the largest positive weights in the classifier: what it learned
        the saved papers are about.
    """

    def __init__(self, *args: Any, features: list[tuple[str, float]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.features = list(features or [])

    def __repr__(self) -> str:
        words = ", ".join(w for w, _ in self.features[:5])
        return f"<Recommendations: {plural(len(self), 'paper')}; driven by {words}>"

    def _repr_html_(self) -> str:
        words = ", ".join(html.escape(w) for w, _ in self.features[:10])
        return f"<div>Learned from your papers: <i>{words}</i></div>" + super()._repr_html_()


def _positive_papers(index: PaperIndex, papers: Iterable[Paper | str]) -> list[Paper]:
    if isinstance(papers, (str, Paper)):
        papers = [papers]
    out: list[Paper] = []
    for item in papers:
        if isinstance(item, Paper):
            out.append(item)
        else:
            out.append(index._resolve(item)[0])
    return out


def recommend(index: PaperIndex, papers: Iterable[Paper | str], k: int = 10, C: float = 0.1) -> Recommendations:
    """Papers of the index like the saved ``papers``, from a linear SVM trained on them.

    As in arxiv-sanity, the saved papers are the positives and every other paper of the
    library a negative; features are tf-idf terms (1-2 grams) joined with the
    embeddings. Papers are ranked by the SVM's decision value; the saved papers are left out.

    Parameters
    ----------
    index : PaperIndex
        A fitted index of the library to recommend from.
    papers : iterable of Paper or id
        What the user saved (a reading list, a Library, ids).
    k : int
        Number of recommendations.
    C : float
        SVM regularisation (arxiv-sanity uses 0.01-0.1).
    """
    index._check_fitted()
    index._ensure_vectors()
    positives = _positive_papers(index, papers)
    if not positives:
        raise ValueError("recommend needs at least one saved paper")
    pos_rows = {index.rows_[p.id] for p in positives if p.id in index.rows_}
    outside = [p for p in positives if p.id not in index.rows_]
    if len(pos_rows) >= len(index.papers_):
        raise ValueError("every paper of the library is among the saved papers: nothing left to recommend")
    vec = tfidf_vectorizer()
    tf_lib = vec.fit_transform(index.texts_)
    X = _svm_features(index, vec, tf_lib, outside)
    n_lib = len(index.papers_)
    y = np.zeros(X.shape[0], dtype=np.int8)
    y[list(pos_rows)] = 1
    y[n_lib:] = 1
    coef, scores = _fit_svm(X, y, n_lib, C)
    scores[list(pos_rows)] = -np.inf
    order = np.argsort(-scores, kind="stable")[:k]
    order = order[np.isfinite(scores[order])]
    terms = vec.get_feature_names_out()
    tf_coef = coef[: len(terms)]
    top_terms = np.argsort(-tf_coef)[:20]
    features = [(str(terms[i]), float(tf_coef[i])) for i in top_terms if tf_coef[i] > 0]
    return Recommendations(
        [index.papers_[r] for r in order],
        scores[order].tolist(),
        query=f"like {plural(len(positives), 'saved paper')}",
        mode="recommend",
        explain=_explainer(index, tf_lib, terms, tf_coef),
        features=features,
    )


def _svm_features(index: PaperIndex, vec: Any, tf_lib: Any, outside: list[Paper]) -> Any:
    """tf-idf terms joined with embeddings: the library's rows, then those of saved papers outside it."""
    from scipy import sparse

    tf_all, emb_all = tf_lib, index.embeddings_
    if outside:
        assert index.encoder_ is not None
        texts = [paper_text(p) for p in outside]
        tf_all = sparse.vstack([tf_lib, vec.transform(texts)]).tocsr()
        emb_all = np.vstack([emb_all, index.encoder_.encode(texts)])
    return sparse.hstack([tf_all, sparse.csr_matrix(emb_all)]).tocsr()


def _fit_svm(X: Any, y: np.ndarray, n_lib: int, C: float) -> tuple[np.ndarray, np.ndarray]:
    """Train the balanced linear SVM; its weights and the decision values of the first ``n_lib`` rows."""
    from sklearn.svm import LinearSVC

    clf = LinearSVC(class_weight="balanced", C=C, max_iter=10_000, tol=1e-5)
    clf.fit(X, y)
    return clf.coef_[0], clf.decision_function(X[:n_lib])


def _explainer(index: PaperIndex, tf_lib: Any, terms: np.ndarray, tf_coef: np.ndarray) -> Callable[[Paper], str]:
    """Why a paper was recommended: its terms that pushed the SVM's score up the most."""

    def explain(p: Paper) -> str:
        row = tf_lib[index.rows_[p.id]]
        contrib = row.multiply(tf_coef[None, :]).tocoo()
        best = sorted(zip(contrib.col.tolist(), contrib.data.tolist(), strict=True), key=lambda t: -t[1])
        words = [str(terms[c]) for c, v in best[:6] if v > 0]
        return "driven by: " + ", ".join(words) if words else "close in embedding space"

    return explain


class Topics:
    """Clusters of a library with readable labels and a 2-D map.

    Attributes
    ----------
    labels : dict of int to str
        Topic number -> label made of the cluster's most distinctive terms.
    assignments : dict of str to int
        Paper id -> topic number.
    coords : numpy.ndarray
        ``(n, 2)`` map coordinates, one row per paper (order of ``papers``).
    papers : list of Paper
    """

    def __init__(
        self,
        papers: list[Paper],
        assignments: np.ndarray,
        labels: dict[int, str],
        terms: dict[int, list[str]],
        coords: np.ndarray,
    ) -> None:
        self.papers = papers
        self._topic = assignments
        self.labels = labels
        self.terms = terms
        self.coords = coords
        self.assignments = {p.id: int(t) for p, t in zip(papers, assignments, strict=True)}

    def __len__(self) -> int:
        return len(self.labels)

    def __repr__(self) -> str:
        sizes = np.bincount(self._topic, minlength=len(self.labels))
        lines = [f"{t:>3} ({sizes[t]:>4}) {label}" for t, label in self.labels.items()]
        return f"<Topics: {plural(len(self.labels), 'topic')} over {plural(len(self.papers), 'paper')}>\n" + "\n".join(
            lines
        )

    def library(self, topic: int) -> Library:
        """The papers of one topic."""
        if topic not in self.labels:
            raise KeyError(f"no topic {topic}: expected one of {sorted(self.labels)}")
        return Library(
            (p for p, t in zip(self.papers, self._topic, strict=True) if t == topic), name=self.labels[topic]
        )

    def to_dataframe(self) -> pd.DataFrame:
        """One row per paper: id, title, topic, label, x, y."""
        import pandas as pd

        return pd.DataFrame(
            {
                "id": [p.id for p in self.papers],
                "title": [p.title for p in self.papers],
                "topic": self._topic.astype(int),
                "label": [self.labels[int(t)] for t in self._topic],
                "x": self.coords[:, 0],
                "y": self.coords[:, 1],
            }
        )

    def plot(self, ax: Any = None, annotate: bool = True) -> Any:
        """Scatter plot of the map coloured by topic, labels at the topic centres (matplotlib)."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(9, 7))
        cmap = plt.get_cmap("tab20")
        for t, label in self.labels.items():
            pts = self.coords[self._topic == t]
            ax.scatter(pts[:, 0], pts[:, 1], s=14, color=cmap(t % 20), label=f"{t}: {label}", alpha=0.8)
            if annotate and len(pts):
                cx, cy = pts.mean(axis=0)
                ax.annotate(
                    label, (cx, cy), fontsize=8, ha="center", bbox=dict(boxstyle="round,pad=0.2", fc="white", alpha=0.7)
                )
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(f"{plural(len(self.papers), 'paper')}, {plural(len(self.labels), 'topic')}")
        return ax


#: Up to this many papers the map's k-means and t-SNE run on one OpenMP thread (see :func:`_few_threads`).
ONE_THREAD_UP_TO = 2000


def _few_threads(n_papers: int) -> Any:
    """One OpenMP thread for the clustering and the t-SNE of a map of up to :data:`ONE_THREAD_UP_TO` papers.

    scikit-learn's Barnes-Hut t-SNE runs 1,000 short parallel steps; when the cores are busy (the embedding
    job of the same kernel, other programs) its threads wait on each other at every step: 16 papers took 9.7 s
    of t-SNE, 0.2 s on one thread, same coordinates (benchmarks/README.md, "Session 14, helper UX4"). Larger maps
    keep every thread, where the steps are long enough to gain from them.
    """
    from contextlib import nullcontext

    if n_papers > ONE_THREAD_UP_TO:
        return nullcontext()
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="openmp")


def topics(index: PaperIndex, n: int | None = None, random_state: int = 0) -> Topics:
    """Cluster the papers of a fitted index (k-means on embeddings) and label each cluster.

    Labels are the three terms whose tf-idf weight is highest in the cluster relative to
    the whole library. The map is a t-SNE of the embeddings (PCA beyond 5,000 papers).

    Parameters
    ----------
    index : PaperIndex
    n : int, optional
        Number of topics; by default about sqrt(n_papers / 2), between 2 and 20.
    random_state : int
    """
    from sklearn.cluster import KMeans

    index._check_fitted()
    index._ensure_vectors()
    X = index.embeddings_
    n_papers = X.shape[0]
    if n_papers < 3:
        raise ValueError(f"topics need at least 3 papers, the library has {n_papers}")
    if n is None:
        n = int(np.clip(round(np.sqrt(n_papers / 2)), 2, 20))
    if not 1 <= n <= n_papers:
        raise ValueError(f"n must be between 1 and the number of papers ({n_papers}), got {n}")
    with _few_threads(n_papers):
        assign = KMeans(n_clusters=n, n_init=4, random_state=random_state).fit_predict(X)
    vec = tfidf_vectorizer(min_df=2 if n_papers > 50 else 1, max_df=0.5 if n_papers > 20 else 1.0)
    tf = vec.fit_transform(index.texts_)
    terms = vec.get_feature_names_out()
    overall = np.asarray(tf.mean(axis=0)).ravel()
    labels: dict[int, str] = {}
    top_terms: dict[int, list[str]] = {}
    for t in range(n):
        rows = np.flatnonzero(assign == t)
        inside = np.asarray(tf[rows].mean(axis=0)).ravel() if len(rows) else overall
        distinct = inside - overall
        chosen: list[str] = []
        for i in np.argsort(-distinct):
            word = str(terms[i])
            # skip a unigram already covered by a chosen bigram, and vice versa
            if any(word in c or c in word for c in chosen):
                continue
            chosen.append(word)
            if len(chosen) == 8:
                break
        top_terms[t] = chosen
        labels[t] = " / ".join(chosen[:3])
    if n_papers > 5000:
        from sklearn.decomposition import PCA

        coords = PCA(n_components=2, random_state=random_state).fit_transform(X)
    else:
        from sklearn.manifold import TSNE

        with _few_threads(n_papers):
            coords = TSNE(
                n_components=2, perplexity=min(30.0, (n_papers - 1) / 3), init="pca", random_state=random_state
            ).fit_transform(X)
    return Topics(index.papers_, assign, labels, top_terms, np.asarray(coords, dtype=np.float32))


def near_duplicates(
    library: Library | Iterable[Paper], threshold: float = 0.9, across_sources: bool = False
) -> pd.DataFrame:
    """Pairs of distinct records that are probably the same paper (tf-idf cosine of title and abstract).

    The Library already merges records sharing an arXiv id, DOI or normalised title;
    this finds what that misses (a retitled version, a page without ids, a truncated abstract).

    Parameters
    ----------
    library : Library or iterable of Paper
    threshold : float
        Minimum cosine similarity (0-1).
    across_sources : bool
        Keep only pairs whose records come from different sources (source kind or file).

    Returns
    -------
    pandas.DataFrame
        Columns ``id_a, id_b, similarity, title_a, title_b, sources_a, sources_b``, most similar first.
    """
    import pandas as pd

    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    papers = list(library)
    cols = ["id_a", "id_b", "similarity", "title_a", "title_b", "sources_a", "sources_b"]
    if len(papers) < 2:
        return pd.DataFrame(columns=cols)
    vec = tfidf_vectorizer(max_df=1.0, max_features=200_000)
    tf = vec.fit_transform([paper_text(p) for p in papers]).tocsr()
    rows = []
    chunk = 2000
    for start in range(0, len(papers), chunk):
        sims = (tf[start : start + chunk] @ tf.T).tocoo()
        for i, j, s in zip(sims.row.tolist(), sims.col.tolist(), sims.data.tolist(), strict=True):
            a = start + i
            if j <= a or s < threshold:
                continue
            pa, pb = papers[a], papers[j]
            sa = sorted({s_.name for s_ in pa.sources})
            sb = sorted({s_.name for s_ in pb.sources})
            if across_sources and {(x.name, x.location) for x in pa.sources} == {
                (x.name, x.location) for x in pb.sources
            }:
                continue
            rows.append((pa.id, pb.id, float(s), pa.title, pb.title, sa, sb))
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values("similarity", ascending=False, ignore_index=True)
