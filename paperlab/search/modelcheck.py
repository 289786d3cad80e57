"""Queries and documents must come from the same model: refuse to re-embed papers whose vectors were imported.

Precomputed vectors (``paperlab embed --import``, :func:`paperlab.scaleout.import_vectors`) land in the
store's embedding cache under their model's name, and the store remembers the model as imported. A search
that would encode the papers with *another* model would silently re-embed them (hours for a large library)
and ignore the imported vectors; :func:`refuse_other_model` raises
:class:`~paperlab.errors.ModelMismatchError` instead, naming both models and how to search with the right one,
unless the user asked to re-embed them: ``Library.embed(encoder=...)`` or ``paperlab embed --model ...`` first,
after which the vectors of the new model are in the cache and nothing is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import ModelMismatchError

__all__ = ["refuse_other_model"]

_CHUNK = 5000


def _cached(store: Any, model: str, hashes: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(hashes), _CHUNK):
        found.update(store.get_embeddings(model, hashes[start : start + _CHUNK]))
    return found


def refuse_other_model(model: str, missing: Sequence[str], total: int, store: Any) -> None:
    """Raise :class:`ModelMismatchError` if most texts ``model`` would have to embed have imported vectors.

    Called by :func:`~paperlab.search.encoders.embed` (``refuse_imported=True``, as
    :class:`~paperlab.search.PaperIndex` asks) once it knows which texts its cache lacks: no text is hashed
    or looked up a second time for the check.

    Parameters
    ----------
    model : str
        The model about to encode the texts (and the queries).
    missing : sequence of str
        :func:`~paperlab.text.text_hash` of each distinct text ``model`` has no cached vector for.
    total : int
        How many distinct texts were asked for (named in the message).
    store : Store or None
        The embedding cache; a cache that does not record imports (or None) refuses nothing.
    """
    imported = getattr(store, "imported_models", None)
    others = [m for m in (imported() if imported is not None else {}) if m != model]
    if not others or not missing:
        return
    covered, other = max((len(_cached(store, m, missing)), m) for m in others)
    if 2 * covered < len(missing):  # a few stray matches: these papers were not imported for that model
        return
    raise ModelMismatchError(
        f"{covered} of these {total} papers have vectors imported for {other!r}, not for {model!r}: a query "
        f"encoded with {model!r} cannot be compared with them, and re-embedding them was not asked for. Search with "
        f"encoder={other!r} (library.search(query, encoder={other!r})), or re-embed them with {model!r} first: "
        f"library.embed(encoder={model!r}) or `paperlab embed --model {model}`."
    )
