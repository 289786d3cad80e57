"""paperlab.scaleout: precomputed vectors into the embedding cache, the saved scale index and its model check,
and ``paperlab embed`` (the Ray cluster path is in tests/test_scaleout_ray.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from paperlab import Paper
from paperlab.cli import main
from paperlab.errors import NotFound, ParseError
from paperlab.scaleout import (
    ModelMismatchError,
    ScaleIndex,
    build_library_index,
    embed_library,
    import_vectors,
)
from paperlab.search import DEFAULT_MODEL, paper_text, text_hash
from paperlab.store import Store, open_store

MODEL = "example-org/abstract-vectors-8d"  # never loaded: vectors come from the file
DIM = 8


def _papers(n: int) -> list[Paper]:
    return [
        Paper(
            title=f"Study number {i} of sparse attention for long documents",
            abstract=f"We measure variant {i} of the method on benchmark {i % 7}.",
            arxiv_id=f"2401.{10000 + i}",
            doi=f"10.5555/example.{i}" if i % 10 == 0 else None,
        )
        for i in range(n)
    ]


def _vectors(n: int, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, DIM)).astype(np.float32)
    return v * 3.0  # not unit length: the import normalises


def _cached(store: Store, model: str, paper: Paper) -> np.ndarray | None:
    rows = store.get_embedding_rows(model, [text_hash(paper_text(paper))])
    if not rows:
        return None
    ((dim, raw),) = rows.values()
    return np.frombuffer(raw, dtype=np.float16 if len(raw) == 2 * dim else np.float32).astype(np.float32)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "lib.sqlite3")
    s.upsert_papers(_papers(40))
    return s


def test_parquet_import_normalises_ids_reports_bad_rows_and_fills_the_cache(store: Store, tmp_path: Path) -> None:
    papers = _papers(40)
    vectors = _vectors(40)
    ids: list[str | None] = [p.arxiv_id for p in papers]
    ids[1] = f"arXiv:{papers[1].arxiv_id}v3"  # versioned reference
    ids[2] = f"https://arxiv.org/abs/{papers[2].arxiv_id}v1"  # abs URL
    ids[10] = f"https://doi.org/{papers[10].doi}"  # a DOI the store knows (arXiv id 2401.10010 also there)
    rows_vec: list[list[float] | None] = [v.tolist() for v in vectors]
    extra_ids = ["not an id at all", "2409.99999", "2401.10003", None]
    extra_vecs: list[list[float] | None] = [vectors[0].tolist(), vectors[0].tolist(), [1.0, 2.0], vectors[0].tolist()]
    ids[3] = "2401.10003"
    rows_vec[3] = None  # a null vector for a known paper
    table = pa.table({"arxiv_id": ids + extra_ids, "embedding": rows_vec + extra_vecs})
    path = tmp_path / "vectors.parquet"
    pq.write_table(table, path)

    report = import_vectors(path, MODEL, store=store)

    assert (report.model, report.dim, report.rows) == (MODEL, DIM, 44)
    assert report.not_in_store == 1 and report.not_in_store_examples == ["2409.99999"]
    messages = [str(p) for p in report.problems]
    assert report.bad == 4, messages
    assert any("row 4" in m and "no vector" in m for m in messages)
    assert any("row 41" in m and "'not an id at all' is not an arXiv id or DOI" in m for m in messages)
    assert any("row 43" in m and "2 values, expected 8" in m for m in messages)
    assert any("row 44" in m and "None" in m for m in messages)
    assert report.imported == 39
    for i in (0, 1, 2, 10, 39):
        got = _cached(store, MODEL, papers[i])
        assert got is not None, i
        want = vectors[i] / np.linalg.norm(vectors[i])
        assert np.allclose(got, want, atol=2e-3), i
    assert _cached(store, MODEL, papers[3]) is None
    assert _cached(store, DEFAULT_MODEL, papers[0]) is None  # recorded under its own model only


def test_npy_import_with_ids_file_and_a_dimension_that_disagrees_with_the_cache(store: Store, tmp_path: Path) -> None:
    papers = _papers(40)
    np.save(tmp_path / "v.npy", _vectors(5, seed=1))
    (tmp_path / "ids.txt").write_text("\n".join(p.arxiv_id or "" for p in papers[:5]) + "\n", encoding="utf-8")
    report = import_vectors(tmp_path / "v.npy", MODEL, ids=tmp_path / "ids.txt", store=store)
    assert (report.imported, report.bad, report.dim) == (5, 0, DIM)

    with pytest.raises(ParseError, match="needs its ids"):
        import_vectors(tmp_path / "v.npy", MODEL, store=store)
    np.save(tmp_path / "wide.npy", np.ones((5, 16), dtype=np.float32))
    with pytest.raises(ModelMismatchError, match="16-d vectors, but the embedding cache already holds 8-d"):
        import_vectors(tmp_path / "wide.npy", MODEL, ids=tmp_path / "ids.txt", store=store)
    with pytest.raises(ModelMismatchError, match="makes 384-d vectors"):
        import_vectors(tmp_path / "v.npy", "all-MiniLM-L6-v2", ids=tmp_path / "ids.txt", store=store)


def test_parquet_without_known_columns_or_good_rows_is_a_parse_error(store: Store, tmp_path: Path) -> None:
    pq.write_table(pa.table({"key": ["2401.10000"], "values": [[1.0] * DIM]}), tmp_path / "odd.parquet")
    with pytest.raises(
        ParseError, match=r"odd\.parquet: no id column: expected one of arxiv_id.*columns are key, values"
    ):
        import_vectors(tmp_path / "odd.parquet", MODEL, store=store)
    report = import_vectors(tmp_path / "odd.parquet", MODEL, store=store, id_column="key", vector_column="values")
    assert report.imported == 1
    pq.write_table(pa.table({"id": ["x", "y"], "vector": [[1.0] * DIM, [1.0] * DIM]}), tmp_path / "bad.parquet")
    with pytest.raises(ParseError, match="no usable row"):
        import_vectors(tmp_path / "bad.parquet", MODEL, store=store)
    (tmp_path / "junk.parquet").write_text("id,vector\n", encoding="utf-8")
    with pytest.raises(ParseError, match="not a readable parquet file"):
        import_vectors(tmp_path / "junk.parquet", MODEL, store=store)


def test_scale_index_finds_each_paper_and_refuses_another_model(store: Store, tmp_path: Path) -> None:
    papers = _papers(40)
    vectors = _vectors(40, seed=3)
    pq.write_table(
        pa.table({"id": [p.arxiv_id for p in papers[:30]], "vector": vectors[:30].tolist()}), tmp_path / "v.parquet"
    )
    import_vectors(tmp_path / "v.parquet", MODEL, store=store)

    with pytest.raises(NotFound, match="no paper has a cached vector"):
        build_library_index(model="another-org/model", store=store, folder=tmp_path / "none")
    built = build_library_index(model=MODEL, store=store, folder=tmp_path / "idx")
    assert (built.indexed, built.missing) == (30, 10)
    index = ScaleIndex.load(tmp_path / "idx")
    assert (index.model, index.n, index.dim) == (MODEL, 30, DIM)
    for i in range(30):
        ids, sims = index.search_vector(vectors[i], k=3)
        assert ids[0] == papers[i].id and sims[0] == pytest.approx(1.0, abs=2e-3)
    with pytest.raises(ModelMismatchError, match="query vector has 4 dimensions"):
        index.search_vector(np.ones(4), k=3)
    with pytest.raises(ModelMismatchError, match=f"holds vectors of '{MODEL}'; a query encoded with '{DEFAULT_MODEL}'"):
        index.search("sparse attention", encoder="all-MiniLM-L6-v2")


def test_embed_cli_import_index_and_query_with_the_wrong_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    papers = _papers(12)
    open_store().upsert_papers(papers)
    ids = [p.arxiv_id for p in papers] + ["bogus"]
    vectors = _vectors(13, seed=5).tolist()
    pq.write_table(pa.table({"arxiv_id": ids, "vector": vectors}), tmp_path / "v.parquet")

    assert main(["embed", "--import", str(tmp_path / "v.parquet"), "--model", MODEL, "--index"]) == 0
    out, err = capsys.readouterr()
    assert (
        "13 rows of 8-d vectors for example-org/abstract-vectors-8d: 12 imported, 0 not in your library, 1 bad" in out
    )
    assert "indexed 12 papers" in out
    assert "row 13: id 'bogus' is not an arXiv id or DOI" in err

    assert main(["embed", "--import", str(tmp_path / "v.parquet")]) == 2  # a usage error
    assert "--import needs --model NAME" in capsys.readouterr().err
    from paperlab.scaleout import default_index_dir

    folder = str(default_index_dir(MODEL))
    assert main(["embed", "--query", "sparse attention", "--index-dir", folder, "--model", "all-MiniLM-L6-v2"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("paperlab: error: ") and f"holds vectors of '{MODEL}'" in err and len(err.splitlines()) == 1


def test_local_embedding_of_the_demo_corpus_is_resumable(tmp_path: Path) -> None:
    """The local path: demo papers get their shipped vectors, a second run embeds nothing."""
    from paperlab.data import demo_library

    store = Store(tmp_path / "demo.sqlite3")
    demo = demo_library()[:20]
    store.upsert_papers(demo)
    first = embed_library(store=store, progress=False)
    assert (first.papers, first.cached, first.embedded, first.shipped) == (20, 0, 0, 20)
    again = embed_library(store=store, progress=False)
    assert (again.cached, again.embedded, again.shipped) == (20, 0, 0)
    assert all(_cached(store, DEFAULT_MODEL, p) is not None for p in demo)


@pytest.mark.slow
def test_embed_index_and_query_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """The user path on 60 demo papers: embed (their shipped vectors), build the index, query it by meaning."""
    from paperlab.data import demo_library

    demo = demo_library()[:60]
    open_store().upsert_papers(demo)
    assert main(["embed", "--index", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "60 papers, 60 distinct texts: 0 already embedded, 60 copied from the vectors shipped" in out
    assert "indexed 60 papers with sentence-transformers/all-MiniLM-L6-v2" in out
    target = demo[17]
    # "torch": the same model on sentence-transformers (its vectors are the packaged model's)
    assert main(["embed", "--query", target.shown_title, "-k", "3", "--model", "torch"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert target.id in first and target.shown_title in first


@pytest.mark.parametrize(
    ("spec", "message"),
    [("local:two", "expected local:N with N a number of workers"), ("cluster", "expected auto, local:N or ray://")],
)
def test_a_wrong_ray_address_is_a_usage_error_before_anything_starts(spec: str, message: str) -> None:
    from paperlab.errors import UsageError
    from paperlab.scaleout import ray_session

    ray = pytest.importorskip("ray")
    assert not ray.is_initialized()
    with pytest.raises(UsageError, match=message), ray_session(spec):
        pass
    assert not ray.is_initialized()


def test_a_large_index_projects_its_graph_rows_and_re_scores_on_the_full_rows(tmp_path: Path) -> None:
    """Above LARGE_ABOVE rows the graph holds rows projected on their principal axes; answers are exact cosines."""
    from paperlab.scaleout import INDEX_SETTINGS, LARGE_ABOVE, LARGE_INDEX_SETTINGS, build_index, settings_for

    assert settings_for(LARGE_ABOVE) == INDEX_SETTINGS and settings_for(LARGE_ABOVE + 1) == LARGE_INDEX_SETTINGS
    assert LARGE_INDEX_SETTINGS["connectivity"] > INDEX_SETTINGS["connectivity"]
    rng = np.random.default_rng(11)
    centres = rng.standard_normal((40, 48)).astype(np.float32)  # clustered rows, like abstracts by topic
    rows = centres[rng.integers(0, 40, 12_000)] + 0.6 * rng.standard_normal((12_000, 48)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)  # 12,000 rows: more than are ever scored exhaustively
    build_index(tmp_path / "big", rows, [f"row{i}" for i in range(len(rows))], MODEL, settings={"reduce": 24})
    index = ScaleIndex.load(tmp_path / "big")
    assert index.axes is not None and index.axes.shape == (48, 24) and index.meta["settings"]["reduce"] == 24
    assert np.allclose(index.axes.T @ index.axes, np.eye(24), atol=1e-4)  # orthonormal axes
    queries = centres[rng.integers(0, 40, 50)] + 0.6 * rng.standard_normal((50, 48)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    exact = np.argsort(-(queries @ rows.astype(np.float16).astype(np.float32).T), axis=1)[:, :10]
    found = [index.search_rows(q, 10) for q in queries]
    recall = np.mean([len(set(f.tolist()) & set(t.tolist())) / 10 for (f, _), t in zip(found, exact, strict=True)])
    assert recall >= 0.95
    rows16 = rows.astype(np.float16).astype(np.float32)
    for q, (keys, sims) in zip(queries, found, strict=True):  # full-dimension cosines, best first
        assert np.allclose(sims, rows16[keys] @ q, atol=1e-5) and np.all(np.diff(sims) <= 0)
    ids, sims = index.search_vector(rows[123] * 5, k=1)  # any length
    assert ids == ["row123"] and sims[0] == pytest.approx(1.0, abs=2e-3)
    small = build_index(tmp_path / "small", rows[:500], [f"r{i}" for i in range(500)], MODEL)
    assert ScaleIndex.load(small).axes is None and not (small / "projection.npy").exists()
