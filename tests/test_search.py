"""Similarity search (paperlab.search).

Every test runs on the bundled demo corpus (``paperlab.data.demo_library()``, which ships with its vectors in
paperlab/data/demo-embeddings.npz) and, when ``$PAPERLAB_REALDATA`` is set, again on the recorded real files
(``@pytest.mark.realdata`` parameters):
- ``$PAPERLAB_REALDATA/seeds/daily-arxiv-readme.md`` (DailyArXiv keyword sections, 78 papers); the demo variant is
  the demo papers read from that README (the same 78 papers),
- ``$PAPERLAB_REALDATA/seeds/hf-papers-contrastive.txt`` (saved Hugging Face search page "contrastive"),
- ``$PAPERLAB_REALDATA/fixtures/dailyarxiv_readme/zezhishao_DailyArXiv_README_2024-07-19_187aa20.md`` ("Time Series"
  section); the demo corpus has no time-series papers, its third topic group is "DOA" (direction of arrival).
Tests marked slow load the packaged all-MiniLM-L6-v2 and embed at most 36 texts (the demo variant: the queries
and at most 12 revised texts).
"""

from __future__ import annotations

import logging
import re

import numpy as np
import pytest
from paths import FIXTURES, SEEDS

import paperlab
from paperlab import Library, Paper, SourceRecord
from paperlab.search import (
    AnnVectorIndex,
    EncoderError,
    ExactVectorIndex,
    PaperIndex,
    SearchResults,
    get_encoder,
    index_for,
)

DAILY = SEEDS / "daily-arxiv-readme.md"
HF_CONTRASTIVE = SEEDS / "hf-papers-contrastive.txt"
ZEZHISHAO = FIXTURES / "dailyarxiv_readme" / "zezhishao_DailyArXiv_README_2024-07-19_187aa20.md"


CORPORA = ["demo", pytest.param("real", marks=pytest.mark.realdata)]
# the third topic group of ``small`` and a query that should find it
THIRD_GROUP = {
    "time series": "predicting tomorrow's values of sensor readings",
    "direction of arrival": "estimating the angle at which a radio or sound wave reaches an antenna array",
}


def _demo_from(file_name: str) -> list[Paper]:
    """The demo papers read from the real file ``file_name`` (the demo corpus records where each came from)."""
    from paperlab.data import demo_library

    return [p for p in demo_library() if any(s.location.endswith(file_name) for s in p.sources)]


def _hf_contrastive(corpus: str) -> list[Paper]:
    return _demo_from(HF_CONTRASTIVE.name) if corpus == "demo" else list(paperlab.load(HF_CONTRASTIVE))


@pytest.fixture(scope="module", params=CORPORA)
def daily(request: pytest.FixtureRequest) -> Library:
    if request.param == "demo":
        lib = Library(_demo_from(DAILY.name))
        assert len(lib) == 78
        return lib
    return paperlab.load(DAILY)


@pytest.fixture(scope="module", params=CORPORA)
def small(request: pytest.FixtureRequest) -> tuple[Library, dict[str, set[str]]]:
    """36 papers in three topic groups of 12."""
    if request.param == "demo":
        halluc = [p for p in _demo_from(DAILY.name) if p.tags == ["Hallucination"]][:12]
        contrastive = [p for p in _demo_from(HF_CONTRASTIVE.name) if "ontrastive" in p.title][:12]
        third = [p for p in _demo_from("README_2026-08-21_c125e64.md") if p.tags == ["DOA"]][:12]
        third_name = "direction of arrival"
    else:
        halluc = [p for p in paperlab.load(DAILY) if p.tags == ["Hallucination"]][:12]
        contrastive = [p for p in paperlab.load(HF_CONTRASTIVE) if "ontrastive" in p.title][:12]
        third = [p for p in paperlab.load(ZEZHISHAO) if p.tags == ["Time Series"]][:12]
        third_name = "time series"
    lib = Library(halluc + contrastive + third)
    groups = {
        "hallucination": {p.id for p in halluc},
        "contrastive": {p.id for p in contrastive},
        third_name: {p.id for p in third},
    }
    assert len(lib) == 36
    return lib, groups


# a query that should find only hallucination papers, by corpus (named by its third group): on the demo set the
# real corpus' query also finds a cross-modal contrastive retrieval paper among the top 3
HALLUCINATION_QUERY = {
    "time series": "vision-language assistants that mention things missing from the picture",
    "direction of arrival": "language models that make up facts and objects that are not there",
}


def _third_group(groups: dict[str, set[str]]) -> tuple[str, str]:
    [(name, query)] = [(g, q) for g, q in THIRD_GROUP.items() if g in groups]
    return name, query


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, small):
    """One embedding cache per corpus (``small`` is parametrized), so no corpus finds the other's vectors."""
    from paperlab.store import Store

    return Store(tmp_path_factory.mktemp("search_store") / "paperlab.sqlite3")


@pytest.fixture(scope="module")
def fitted(small, store) -> PaperIndex:
    lib, _ = small
    return PaperIndex(store=store).fit(lib)


def _not_shipped(lib: Library) -> int:
    """Papers of ``lib`` whose vectors do not ship with paperlab (paperlab/data/demo-embeddings.npz)."""
    from paperlab.search import packaged_vectors, paper_text, text_hash

    return sum(text_hash(paper_text(p)) not in packaged_vectors() for p in lib)


# -- lexical (no model) ---------------------------------------------------------------------------
def test_lexical_search_ranks_the_obvious_paper_first_and_explains(daily: Library) -> None:
    res = daily.search("multi-frequency perturbations against object hallucinations", k=5, mode="lexical")
    assert isinstance(res, SearchResults) and isinstance(res, Library)
    assert res[0].id == "2503.14895"  # Mitigating Object Hallucinations in MLLMs via Multi-Frequency Perturbations
    df = res.to_dataframe()
    assert list(df.columns[:4]) == ["title", "year", "authors", "score"] and df.index[0] == "2503.14895"
    assert list(res.to_dataframe(full=True).columns[:2]) == ["score", "why"]
    assert df["score"].is_monotonic_decreasing
    why = res.explain("2503.14895")
    assert why.startswith("matched: ") and "perturbations" in why and "hallucinations" in why
    assert "Multi-Frequency Perturbations" in why  # the best-matching sentence of the abstract is quoted


def test_lexical_search_returns_only_papers_containing_a_query_word(daily: Library) -> None:
    res = daily.search("reward", k=50, mode="lexical")
    assert 0 < len(res) < len(daily)
    assert all("reward" in (p.title + " " + (p.abstract or "")).lower() for p in res)
    assert len(daily.search("zzzyzzx", mode="lexical")) == 0


def test_search_results_html_escapes_untrusted_text() -> None:
    lib = Library(
        [Paper("Robust <script>alert(1)</script> retrieval", abstract="Retrieval of <b>things</b> that matter.")]
    )
    html = lib.search("retrieval", mode="lexical")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_clear_errors(daily: Library) -> None:
    with pytest.raises(ValueError, match="hybrid, semantic, lexical"):
        daily.search("anything", mode="fuzzy")
    with pytest.raises(ValueError, match="non-empty query"):
        daily.search("   ", mode="lexical")
    with pytest.raises(KeyError, match="9999.99999"):
        daily.similar("9999.99999", mode="lexical")
    with pytest.raises(RuntimeError, match="not fitted"):
        PaperIndex().search("x")
    with pytest.raises(ValueError, match="fusion"):
        PaperIndex(fusion="max").fit(daily)
    with pytest.raises(TypeError, match="encoder"):
        get_encoder(42)  # type: ignore[arg-type]


def test_lexical_similar_excludes_the_paper_itself(daily: Library) -> None:
    res = daily.similar("2503.14895", k=5, mode="lexical")
    assert "2503.14895" not in res.ids and len(res) == 5
    assert res.query == "similar to 2503.14895"


@pytest.mark.parametrize("corpus", CORPORA)
def test_near_duplicates_finds_a_retitled_record_from_another_source(corpus: str) -> None:
    hf = _hf_contrastive(corpus)
    original = next(p for p in hf if p.title == "Decoupled Contrastive Learning")
    # the same paper as a BibTeX export with the published title and the last abstract sentence dropped
    sentences = re.split(r"(?<=\.)\s+", original.abstract)
    retitled = Paper(
        "Decoupled Contrastive Learning for Self-Supervised Representations",
        abstract=" ".join(sentences[:-1]),
        sources=[SourceRecord("bibtex", "refs.bib")],
    )
    lib = Library(hf + [retitled])
    assert len(lib) == len(hf) + 1  # ids and titles differ: the Library does not merge them
    dups = lib.near_duplicates(threshold=0.8)
    assert len(dups) == 1
    row = dups.iloc[0]
    assert {row.id_a, row.id_b} == {original.id, retitled.id}
    assert row.similarity > 0.8 and {row.sources_a[0], row.sources_b[0]} == {"hf_page", "bibtex"}
    assert len(lib.near_duplicates(threshold=0.8, across_sources=True)) == 1
    with pytest.raises(ValueError, match="threshold"):
        lib.near_duplicates(threshold=1.5)


def test_exact_and_ann_vector_indexes_agree_on_real_like_vectors() -> None:
    rng = np.random.default_rng(0)
    centers = rng.normal(size=(20, 64))
    X = centers[rng.integers(0, 20, 3000)] + 0.5 * rng.normal(size=(3000, 64))
    X = (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)
    exact, ann = ExactVectorIndex().fit(X), AnnVectorIndex().fit(X)
    recall = np.mean(
        [len(set(exact.search(X[i], 10)[0]) & set(ann.search(X[i], 10)[0])) / 10 for i in range(0, 3000, 30)]
    )
    assert recall >= 0.95


def test_import_paperlab_stays_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import paperlab; "
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules, 'sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "False"]  # its time is measured in benchmarks/bench_cold_start.py


# -- with the packaged MiniLM ------------------------------------------------------------------------
@pytest.mark.slow
def test_query_ranks_its_obvious_paper_first(fitted: PaperIndex, small) -> None:
    query = "an LLM says it is certain even when wrong; make its stated doubt match its real doubt"
    res = fitted.search(query, k=5)
    assert res[0].title == "Calibrating Verbal Uncertainty as a Linear Feature to Reduce Hallucinations"
    assert fitted.search(query, k=1, mode="semantic")[0].id == res[0].id
    name, third_query = _third_group(small[1])
    top3 = fitted.search(third_query, k=3, mode="semantic")
    assert set(top3.ids) <= small[1][name]
    why = res.explain(res[0])
    assert "“" in why  # the best-matching abstract sentence


@pytest.mark.slow
def test_similar_returns_the_topic_group_first(fitted: PaperIndex, small) -> None:
    lib, groups = small
    for group, ids in groups.items():
        source = sorted(ids)[0]
        res = fitted.similar(source, k=5)
        assert source not in res.ids
        assert sum(i in ids for i in res.ids) >= 4, (group, [p.title for p in res])


@pytest.mark.slow
def test_second_fit_embeds_nothing(fitted: PaperIndex, small, store) -> None:
    lib, _ = small
    # 0 if another test filled the module store first; papers also in the demo corpus come with shipped vectors
    assert fitted.n_embedded_ in (0, _not_shipped(lib))
    encoder = get_encoder(None)
    before = encoder.texts_embedded
    again = PaperIndex(store=store).fit(Library(list(lib)))  # a re-opened library: new objects, same texts
    assert again.n_embedded_ == 0 and encoder.texts_embedded == before
    np.testing.assert_allclose(again.embeddings_, fitted.embeddings_, atol=1e-6)


@pytest.mark.slow
def test_interrupted_embedding_keeps_finished_batches(small, store) -> None:
    from paperlab.store import Store

    lib, _ = small
    if _not_shipped(lib) <= 10:  # the demo papers ship with their vectors: give the last 12 a new text
        papers = list(lib)
        papers[24:] = [Paper(p.title, abstract=f"{p.abstract} (revised)", arxiv_id=p.arxiv_id) for p in papers[24:]]
        lib = Library(papers)
    real = get_encoder(None)

    class InterruptAfterOneBatch:
        name = real.name
        texts_embedded = 0

        def encode(self, texts):
            if self.texts_embedded:
                raise KeyboardInterrupt
            self.texts_embedded += len(texts)
            return real.encode(texts)

    fresh = Store(store.path.parent / "interrupted.sqlite3")
    with pytest.raises(KeyboardInterrupt):
        PaperIndex(encoder=InterruptAfterOneBatch(), store=fresh, batch_size=10, progress=False).fit(lib)
    resumed = PaperIndex(store=fresh, batch_size=10, progress=False).fit(lib)
    assert _not_shipped(lib) > 10 and resumed.n_embedded_ == _not_shipped(lib) - 10  # the first batch was kept


@pytest.mark.slow
def test_ann_takes_over_above_threshold(small, store, fitted: PaperIndex) -> None:
    lib, _ = small
    ann = PaperIndex(store=store, ann_threshold=30).fit(lib)
    exact = PaperIndex(store=store, ann_threshold=37).fit(lib)
    assert ann.uses_ann_ and isinstance(ann.vectors_, AnnVectorIndex)
    assert not exact.uses_ann_ and isinstance(exact.vectors_, ExactVectorIndex)
    q = "contrastive representation learning with positive and negative pairs"
    assert ann.search(q, k=5, mode="semantic").ids == exact.search(q, k=5, mode="semantic").ids


@pytest.mark.slow
def test_recommend_learns_from_saved_papers(fitted: PaperIndex, small) -> None:
    from paperlab.search import paper_text, recommend

    lib, groups = small
    saved = sorted(groups["contrastive"])[:4]
    rec = recommend(fitted, saved, k=5)
    assert not set(saved) & set(rec.ids)
    assert sum(i in groups["contrastive"] for i in rec.ids) >= 4
    saved_text = " ".join(paper_text(lib[i]) for i in saved).lower()
    assert len(rec.features) >= 5 and all(w in saved_text for w, _ in rec.features[:5])
    assert rec.explain(rec[0]).startswith("driven by: ")
    with pytest.raises(ValueError, match="at least one"):
        recommend(fitted, [])


@pytest.mark.slow
def test_topics_have_readable_labels_and_a_map(fitted: PaperIndex, small) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from paperlab.search import topics

    lib, groups = small
    t = topics(fitted, n=3)
    assert len(t) == 3
    df = t.to_dataframe()
    assert df.shape == (36, 6) and np.isfinite(df[["x", "y"]].to_numpy()).all()
    for group, word in (("contrastive", "contrastive"), ("hallucination", "hallucination")):
        topic = df.set_index("id").loc[sorted(groups[group])[0], "topic"]
        assert word in t.labels[topic], t.labels
    ax = t.plot()
    assert len(ax.collections) == 3


@pytest.mark.slow
def test_library_methods_delegate_and_reuse_the_index(small) -> None:
    lib, groups = small
    res = lib.search(HALLUCINATION_QUERY[_third_group(groups)[0]], k=3)
    assert res.mode == "hybrid" and set(res.ids) <= groups["hallucination"]
    fitted = index_for(lib, None, mode="hybrid")  # the index the search fitted (from the library's cache)
    lib.similar(res[0], k=3)
    assert index_for(lib, None, mode="hybrid") is fitted  # the fitted index is reused, not fitted again
    assert len(lib.recommend([res[0]], k=3)) == 3


@pytest.mark.slow
def test_unknown_model_offline_says_how_to_use_the_packaged_one(small, monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    lib, _ = small
    with pytest.raises(EncoderError, match="all-MiniLM-L6-v2"):
        lib.search("anything", encoder="no-such-org/no-such-model")


def test_bm25_built_from_token_ids_matches_the_tokenizer_and_survives_save_load(daily: Library, tmp_path) -> None:
    from paperlab.search import paper_text
    from paperlab.search.lexical import BM25Ranker, Tokenizer

    texts = [paper_text(p) for p in daily]
    tok = Tokenizer()
    ids, vocab = Tokenizer().token_ids(texts)
    words = {i: w for w, i in vocab.items()}
    assert [[words[i] for i in doc] for doc in ids] == [tok(t) for t in texts]
    ranker = BM25Ranker().fit(texts)
    ranker.save(tmp_path / "bm25")
    loaded = BM25Ranker.load(tmp_path / "bm25")
    query = "multi-frequency perturbations against object hallucinations"
    np.testing.assert_allclose(loaded.scores(query), ranker.scores(query))
    assert int(np.argmax(loaded.scores(query))) == daily.ids.index("2503.14895")
    assert loaded.tokenizer_.surface["hallucin"] == ranker.tokenizer_.surface["hallucin"]


# -- with the packaged MiniLM ------------------------------------------------------------------------
@pytest.mark.slow
def test_demo_library_search_embeds_only_the_query() -> None:
    """paperlab/data/demo-embeddings.npz seeds the (empty, per-test) cache: no demo paper is embedded."""
    from paperlab.data import demo_library
    from paperlab.search import packaged_vectors, paper_text, text_hash

    lib = demo_library()
    assert len(lib) == 325 and all(text_hash(paper_text(p)) in packaged_vectors() for p in lib)
    encoder = get_encoder(None)
    before = encoder.texts_embedded
    res = lib.search("making a language model express verbal uncertainty that matches its real uncertainty", k=5)
    assert encoder.texts_embedded - before == 1  # the query
    assert res[0].title == "Calibrating Verbal Uncertainty as a Linear Feature to Reduce Hallucinations"
    again = PaperIndex().fit(demo_library())  # the cache now holds the demo vectors
    assert again.n_embedded_ == 0 and encoder.texts_embedded - before == 1


@pytest.mark.slow
@pytest.mark.parametrize("ann_threshold", [1000, 30])
def test_refit_loads_the_saved_index_until_a_text_changes(small, store, tmp_path, ann_threshold) -> None:
    lib, _ = small
    params = dict(store=store, index_dir=tmp_path / "indexes", persist_above=30, ann_threshold=ann_threshold)
    first = PaperIndex(**params).fit(lib)
    assert first.loaded_from_ is None and len(list((tmp_path / "indexes").iterdir())) == 1
    encoder = get_encoder(None)
    before = encoder.texts_embedded
    reopened = PaperIndex(**{**params, "store": None}).fit(Library(list(lib)))  # no cache: must load from disk
    assert reopened.loaded_from_ is not None and reopened.n_embedded_ == 0 and encoder.texts_embedded == before
    assert isinstance(reopened.vectors_, AnnVectorIndex) == (ann_threshold == 30)
    q = "contrastive representation learning with positive and negative pairs"
    assert reopened.search(q, k=5).ids == first.search(q, k=5).ids
    assert reopened.search(q, k=5, mode="lexical").ids == first.search(q, k=5, mode="lexical").ids
    papers = list(lib)
    papers[0] = Paper(
        papers[0].title, abstract=papers[0].abstract + f" Revised ({ann_threshold}).", arxiv_id=papers[0].arxiv_id
    )
    changed = PaperIndex(**params).fit(Library(papers))
    assert changed.loaded_from_ is None and changed.n_embedded_ == 1  # one text changed: only it is embedded


def test_an_ann_index_then_the_onnx_encoder_in_one_process() -> None:
    """Building an ANN index (usearch) and then encoding a query with onnxruntime must not crash the process."""
    import subprocess
    import sys

    code = (
        "import numpy as np\n"
        "from paperlab.search.vectors import AnnVectorIndex\n"
        "rows = np.random.default_rng(0).normal(size=(50, 8)).astype(np.float32)\n"
        "rows /= np.linalg.norm(rows, axis=1, keepdims=True)\n"
        "AnnVectorIndex().fit(rows)\n"
        "import onnxruntime\n"
        "print('ok', onnxruntime.get_device())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("ok CPU")


def test_indexing_prints_no_bm25s_debug_lines_under_a_logging_handler(caplog: pytest.LogCaptureFixture) -> None:
    """bm25s sets its own logger to DEBUG: with any handler installed (a notebook's, a library's), every index
    would print "Building index from IDs"."""
    from paperlab.search.lexical import BM25Ranker

    with caplog.at_level(logging.DEBUG):
        BM25Ranker().fit(["a first text about graphs", "a second text about proteins"])
    assert not [r for r in caplog.records if r.name.startswith("bm25s")]
