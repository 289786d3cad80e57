"""Embed a library's papers into the store's embedding cache, here or on a Ray cluster.

:func:`embed_library` finds the papers whose text has no cached vector of the model yet and embeds only
those, so a run that was killed resumes where it stopped: every finished batch is written to the cache at
once. Locally it is :func:`paperlab.search.embed` (the path a search takes); with ``ray=`` each batch is a
Ray task (one model load per worker process) and the driver writes each result as it arrives, in the same
format (float16 rows keyed by model name and text hash), so searches afterwards embed nothing.

Ray was chosen over Dask: Ray is the declared ``cluster`` extra, its task API reuses worker processes (the
model loads once per worker) and ``ray://`` reaches a remote cluster or GPUs with the same code; Dask is
not installed here, so no measurement was made against it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import UsageError
from ..library import Library
from ..paper import Paper
from ..search import DEFAULT_MODEL, Encoder, embed, get_encoder, packaged_vectors, paper_text, text_hash
from ..search.encoders import document_vectors
from ..text import plural

__all__ = ["EmbedReport", "embed_library", "encode_batch", "missing_texts", "ray_session"]

_LOOKUP = 5000  # hashes per cache lookup


@dataclass(frozen=True)
class EmbedReport:
    """What :func:`embed_library` did.

    Attributes
    ----------
    model : str
        The cache key of the vectors (the encoder's name).
    papers : int
        Papers considered.
    texts : int
        Distinct texts among them.
    cached : int
        Texts that already had a vector (skipped).
    embedded : int
        Texts embedded by this run.
    where : str
        ``"local"`` or the Ray cluster used.
    seconds : float
    shipped : int
        Texts of the bundled demo corpus whose vectors ship with paperlab (copied, not embedded).
    """

    model: str
    papers: int
    texts: int
    cached: int
    embedded: int
    where: str
    seconds: float
    shipped: int = 0

    def __str__(self) -> str:
        shipped = f", {self.shipped} copied from the vectors shipped with paperlab" if self.shipped else ""
        return (
            f"{plural(self.papers, 'paper')}, {plural(self.texts, 'distinct text')}: {self.cached} already embedded{shipped}, "
            f"{self.embedded} embedded now with {self.model} ({self.where}, {self.seconds:.1f} s)"
        )


def missing_texts(encoder: Encoder, texts: Sequence[str], store: Any) -> dict[str, str]:
    """``{text hash: text}`` of the distinct ``texts`` with no cached vector of ``encoder`` in ``store``."""
    wanted = {text_hash(t): t for t in texts}
    keys = list(wanted)
    for start in range(0, len(keys), _LOOKUP):
        for h in store.get_embedding_rows(encoder.name, keys[start : start + _LOOKUP]):
            wanted.pop(h, None)
    return wanted


def encode_batch(model: str | Encoder | None, texts: list[str]) -> np.ndarray:
    """Float16 unit vectors of ``texts`` by the encoder ``model`` names (what a Ray task runs).

    Documents' vectors, as the local path computes them (:func:`~paperlab.search.encoders.document_vectors`:
    the packaged model's int8 graph). The encoder is loaded once per process (:func:`paperlab.search.get_encoder`
    keeps it).
    """
    return document_vectors(get_encoder(model), texts).astype(np.float16)


@contextlib.contextmanager
def ray_session(spec: str | bool) -> Iterator[str]:
    """Connect to Ray for the duration of the block; yields a description of the cluster.

    ``spec``: ``True`` (use the Ray already initialised in this process, else start a local one),
    ``"auto"`` (the running cluster this machine belongs to), ``"local:N"`` (start a local cluster of N
    worker CPUs) or ``"ray://host:port"`` (Ray Client). A cluster started here is shut down at the end.
    """
    try:
        import ray
    except ImportError as exc:
        raise UsageError("embedding on a Ray cluster needs Ray: pip install 'jupyterlab-paperlab[cluster]'") from exc
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
        if spec is True:
            ray.init(**kwargs)
        elif isinstance(spec, str) and spec.startswith("local:"):
            try:
                n = int(spec.split(":", 1)[1])
            except ValueError:
                raise UsageError(f"--ray {spec}: expected local:N with N a number of workers, e.g. local:2") from None
            ray.init(num_cpus=n, **kwargs)
        elif spec == "auto" or (isinstance(spec, str) and spec.startswith("ray://")):
            ray.init(address=spec, log_to_driver=False)
        else:
            raise UsageError(f"--ray {spec!r}: expected auto, local:N or ray://host:port")
        started = True
    try:
        cpus = int(ray.cluster_resources().get("CPU", 0))
        yield f"ray, {cpus} CPU(s)"
    finally:
        if started:
            ray.shutdown()


def _embed_on_ray(
    spec: str | Encoder | None, encoder: Encoder, missing: dict[str, str], store: Any, batch_size: int, progress: bool
) -> int:
    """Embed ``missing`` as Ray tasks of ``batch_size`` texts, caching each result as it arrives.

    The tasks get ``spec`` (the model name as given, or the encoder object itself), so each worker
    builds the same encoder.
    """
    import ray
    from tqdm.auto import tqdm

    task = ray.remote(num_cpus=1)(encode_batch)
    items = list(missing.items())
    batches = [items[i : i + batch_size] for i in range(0, len(items), batch_size)]
    in_flight_max = max(2, 2 * int(ray.cluster_resources().get("CPU", 1)))
    pending: dict[Any, list[tuple[str, str]]] = {}
    done = 0
    with tqdm(total=len(items), desc=f"embedding on ray ({encoder.name})", unit="text", disable=not progress) as bar:
        try:
            while batches or pending:
                while batches and len(pending) < in_flight_max:
                    batch = batches.pop(0)
                    pending[task.remote(spec, [t for _, t in batch])] = batch
                ready, _ = ray.wait(list(pending), num_returns=1)
                for ref in ready:
                    batch = pending.pop(ref)
                    vectors = ray.get(ref)
                    dim = vectors.shape[1]
                    store.put_embeddings(
                        encoder.name, {h: (dim, vectors[i].tobytes()) for i, (h, _) in enumerate(batch)}
                    )
                    done += len(batch)
                    bar.update(len(batch))
        finally:
            for ref in pending:  # interrupted: finished batches are cached already
                ray.cancel(ref)
    return done


def embed_library(
    papers: Library | Sequence[Paper] | None = None,
    model: str | Encoder | None = None,
    store: Any = None,
    ray: str | bool | None = None,
    batch_size: int = 64,
    progress: bool | None = None,
) -> EmbedReport:
    """Embed papers into the store's embedding cache, skipping those already embedded.

    Parameters
    ----------
    papers : Library or sequence of Paper, optional
        Default: every paper in the store.
    model : str or Encoder, optional
        Any name :func:`paperlab.search.get_encoder` accepts (default: the packaged all-MiniLM-L6-v2).
    store : Store, optional
        Default :func:`paperlab.store.open_store`.
    ray : str or bool, optional
        None/False: embed in this process. Otherwise a Ray cluster (see :func:`ray_session`):
        ``"local:2"``, ``"auto"``, ``"ray://host:10001"`` or True.
    batch_size : int
        Texts per batch (per Ray task); each batch is cached as soon as it is done.
    progress : bool, optional
        Show a tqdm progress bar (default: when there is more than one batch to embed).

    Returns
    -------
    EmbedReport
    """
    if batch_size < 1:
        raise UsageError(f"batch size must be at least 1, got {batch_size}")
    started = time.perf_counter()
    if store is None:
        from ..store import open_store

        store = open_store()
    papers = store.papers() if papers is None else papers
    texts = list(dict.fromkeys(paper_text(p) for p in papers))
    encoder = get_encoder(model)
    missing = missing_texts(encoder, texts, store)
    cached = len(texts) - len(missing)
    show = progress if progress is not None else len(missing) > batch_size
    if not ray:
        _, embedded = embed(encoder, list(missing.values()), store=store, batch_size=batch_size, progress=show)
        shipped = len(missing) - embedded
        return EmbedReport(encoder.name, len(papers), len(texts), cached, embedded, "local", _since(started), shipped)
    seeded: dict[str, np.ndarray] = {}
    if encoder.name == DEFAULT_MODEL:  # the vectors shipped for the demo corpus, as the local path uses them
        vectors = packaged_vectors()
        seeded = {h: vectors[h] for h in missing if h in vectors}
        if seeded:
            store.put_embeddings(encoder.name, {h: (v.shape[0], v.tobytes()) for h, v in seeded.items()})
            missing = {h: t for h, t in missing.items() if h not in seeded}
    if not missing:  # nothing left to embed: no cluster needed
        return EmbedReport(
            encoder.name, len(papers), len(texts), cached, 0, "ray, not started", _since(started), len(seeded)
        )
    with ray_session(ray) as where:
        embedded = _embed_on_ray(model, encoder, missing, store, batch_size, show)
    return EmbedReport(encoder.name, len(papers), len(texts), cached, embedded, where, _since(started), len(seeded))


def _since(start: float) -> float:
    return time.perf_counter() - start
