"""Functions short enough to read on one screen (issue 11), and the steps long functions were split into.

Every function body in ``paperlab/`` (docstring not counted) is at most 60 lines. The split steps of ``embed`` (cache look-up, shipped
vectors, batched encoding) and of ``HttpClient.request`` (cache key) keep their behaviour.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from paperlab.search import encoders
from paperlab.search.encoders import embed, text_hash
from paperlab.sources import _http

PACKAGE = Path(__file__).resolve().parents[1] / "paperlab"
MAX_BODY = 60


def _body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    body = node.body
    first = body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        body = body[1:]
    if not body:
        return 0
    end = body[-1].end_lineno or body[-1].lineno
    return end - body[0].lineno + 1


def _long_functions() -> list[tuple[str, str, int]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _body_lines(node) > MAX_BODY:
                found.append((path.relative_to(PACKAGE).as_posix(), node.name, _body_lines(node)))
    return found


MAX_MODULE = 600


def test_every_module_is_under_600_lines() -> None:
    """Modules along their seams: none grows past what a newcomer reads in one sitting."""
    big = {
        path.relative_to(PACKAGE).as_posix(): n
        for path in sorted(PACKAGE.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) >= MAX_MODULE
    }
    assert not big, f"modules of {MAX_MODULE} lines or more: {big}"


JS_SOURCES = Path(__file__).resolve().parents[1] / "js" / "src"


def test_every_typescript_module_is_under_600_lines() -> None:
    """The front end keeps the same rule: the panel, the cards and the views split along their seams."""
    ts = sorted(JS_SOURCES.rglob("*.ts"))
    assert len(ts) > 20, f"no TypeScript sources found under {JS_SOURCES}"
    big = {
        path.relative_to(JS_SOURCES).as_posix(): n
        for path in ts
        if (n := len(path.read_text(encoding="utf-8").splitlines())) >= MAX_MODULE
    }
    assert not big, f"TypeScript modules of {MAX_MODULE} lines or more: {big}"


def test_function_bodies_fit_on_one_screen() -> None:
    too_long = [f"{mod}:{name} ({n} lines)" for mod, name, n in _long_functions()]
    assert not too_long, f"function bodies over {MAX_BODY} lines: {too_long}"


@pytest.mark.parametrize(
    ("module", "name"),
    [("search/encoders.py", "embed"), ("search/analysis.py", "recommend"), ("sources/_http.py", "request")],
)
def test_the_split_functions_fit_on_one_screen_with_their_docstring(module: str, name: str) -> None:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    (node,) = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == name]
    assert (node.end_lineno or 0) - node.lineno + 1 <= MAX_BODY


# -- embed, step by step, with a counting encoder and an in-memory cache ------------------------------------------


class CountingEncoder:
    def __init__(self, name: str = "test/counting", dim: int = 4) -> None:
        self.name = name
        self.dim = dim
        self.texts_embedded = 0
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        self.texts_embedded += len(texts)
        rows = [np.full(self.dim, (len(t) % 7) + 1, dtype=np.float32) for t in texts]
        out = np.vstack(rows)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


class DictStore:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], tuple[int, bytes]] = {}
        self.lookups = 0
        self.writes: list[int] = []

    def get_embedding_rows(self, model: str, hashes: Sequence[str]) -> dict[str, tuple[int, bytes]]:
        self.lookups += 1
        return {h: self.rows[(model, h)] for h in hashes if (model, h) in self.rows}

    def put_embeddings(self, model: str, rows: dict[str, tuple[int, bytes]]) -> None:
        self.writes.append(len(rows))
        self.rows.update({(model, h): v for h, v in rows.items()})


def test_embed_encodes_each_distinct_text_once_in_batches_and_caches_every_batch() -> None:
    enc, store = CountingEncoder(), DictStore()
    texts = ["a", "bb", "a", "ccc", "dddd", "bb"]
    vectors, n = embed(enc, texts, store=store, batch_size=2, progress=False)
    assert n == 4 and enc.calls == [["a", "bb"], ["ccc", "dddd"]] and store.writes == [2, 2]
    assert vectors.shape == (6, 4) and vectors.dtype == np.float32
    assert np.array_equal(vectors[0], vectors[2]) and np.array_equal(vectors[1], vectors[5])
    # fresh vectors are rounded to float16 like cached ones, so a second call gives the same numbers
    again, n_again = embed(enc, texts, store=store, batch_size=2, progress=False)
    assert n_again == 0 and len(enc.calls) == 2 and np.array_equal(again, vectors)


def test_embed_without_a_store_and_with_nothing_to_embed() -> None:
    enc = CountingEncoder()
    vectors, n = embed(enc, [], store=None)
    assert vectors.shape == (0, 0) and n == 0 and enc.calls == []
    vectors, n = embed(enc, ["x", "y"], store=None, progress=False)
    assert n == 2 and vectors.shape == (2, 4)


def test_embed_reads_float32_rows_of_earlier_versions_from_the_cache() -> None:
    enc, store = CountingEncoder(), DictStore()
    old = np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32)
    store.rows[(enc.name, text_hash("old"))] = (4, old.tobytes())
    vectors, n = embed(enc, ["old", "new"], store=store, progress=False)
    assert n == 1 and enc.calls == [["new"]] and np.array_equal(vectors[0], old)


def test_embed_seeds_the_default_model_from_shipped_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = np.array([0.5, 0.5, 0.5, 0.5], dtype=np.float16)
    monkeypatch.setattr(encoders, "packaged_vectors", lambda: {text_hash("shipped"): shipped})
    enc, store = CountingEncoder(name=encoders.DEFAULT_MODEL), DictStore()
    vectors, n = embed(enc, ["shipped", "fresh"], store=store, progress=False)
    assert n == 1 and enc.calls == [["fresh"]]
    assert np.array_equal(vectors[0], shipped.astype(np.float32))
    assert (enc.name, text_hash("shipped")) in store.rows  # seeded into the cache too
    # another model never takes the shipped vectors
    other = CountingEncoder(name="test/other")
    _, n_other = embed(other, ["shipped"], store=None, progress=False)
    assert n_other == 1 and other.calls == [["shipped"]]


# -- HttpClient.request: the cache key ----------------------------------------------------------------------------


def test_get_keeps_the_bare_url_as_cache_key_and_other_requests_add_method_and_body() -> None:
    assert _http._cache_key("GET", "https://h/p?a=1", None) == "https://h/p?a=1"
    assert _http._cache_key("POST", "https://h/p", b'{"ids":[1]}') == 'POST https://h/p\n{"ids":[1]}'
    assert _http._cache_key("POST", "https://h/p", None) == "POST https://h/p\n"
    body_a = _http._json_dumps({"b": 1, "a": [2]}).encode()
    body_b = _http._json_dumps({"a": [2], "b": 1}).encode()
    assert _http._cache_key("POST", "u", body_a) == _http._cache_key("POST", "u", body_b)
