"""paperlab: a literature workbench for JupyterLab.

Import papers from arXiv, Hugging Face, Semantic Scholar, BibTeX and DailyArXiv
digests, keep them in a local library and reading lists, search and compare them.
"""

from __future__ import annotations

from typing import Any

from ._version import __version__
from .compare import compare, leaderboard  # eager: the functions must shadow the submodule's name
from .errors import (
    DoubtfulIdWarning,
    FetchError,
    FoundByFinderWarning,
    MergedRecordsWarning,
    PaperlabError,
    ParseError,
    PartialImportWarning,
    StoreError,
)
from .library import Library
from .paper import MIME_TYPE, Paper, SourceRecord
from .sources import load
from .sources import provide_format as _provide_format
from .store import set_default_resolver as _set_default_resolver

# Names resolved on first use, so `import paperlab` stays light.
_LAZY = {
    "demo": "paperlab.data",
    "PaperIndex": "paperlab.search",
    "SearchResults": "paperlab.search",
    "Store": "paperlab.store",
    "ReadingList": "paperlab.store",
    "ListEntry": "paperlab.store",
    "reading_list": "paperlab.store",
    "open_store": "paperlab.store",
    "digest": "paperlab.digests",
    "evaluate_recommendations": "paperlab.feed",
    "InterestProfile": "paperlab.feed",
    "Session": "paperlab.services.sessions",
    "Schedule": "paperlab.services.sessions",
    "PaperCards": "paperlab.widget",
    "TopicMap": "paperlab.mapview",
}

__all__ = sorted(
    [
        "DoubtfulIdWarning",
        "FetchError",
        "FoundByFinderWarning",
        "Library",
        "ListEntry",
        "MIME_TYPE",
        "MergedRecordsWarning",
        "Paper",
        "PaperCards",
        "PaperIndex",
        "PaperlabError",
        "ParseError",
        "PartialImportWarning",
        "ReadingList",
        "Schedule",
        "Session",
        "SearchResults",
        "SourceRecord",
        "Store",
        "StoreError",
        "TopicMap",
        "__version__",
        "demo",
        "digest",
        "evaluate_recommendations",
        "feed",
        "InterestProfile",
        "compare",
        "leaderboard",
        "load",
        "open_store",
        "paper",
        "reading_list",
    ]
)


from . import feed as _feed_package  # noqa: E402,F401  (the package first: the function below owns the name)


def feed(since: Any = "yesterday", **options: Any) -> Any:
    """Today's feed: the newest arXiv and Hugging Face papers ranked by what you saved, each with its reasons.

    See :func:`paperlab.feed.core.feed` for the options (``profile``, ``store``, ``offline``, ``today``...).

    Returns
    -------
    paperlab.feed.Feed
        Ranked items; ``.rate(paper, 1 / -1)`` stores a thumb and re-ranks at once.
    """
    from .feed.core import feed as _feed

    return _feed(since, **options)


def paper(ref: str) -> Paper:
    """The paper with this id, arXiv id or URL, DOI, or Hugging Face papers URL.

    Returns the stored record, or fetches it from its source (arXiv, Semantic Scholar)
    and stores it. This is the call that pasted cards carry: ``paperlab.paper("2503.14895")``.

    Raises
    ------
    StoreError, FetchError
        If the reference is not understood or cannot be fetched.
    """
    # A function, not a lazy name: ``paperlab.paper`` would otherwise be the submodule.
    from .services.resolve import paper as _paper

    return _paper(ref)


def _fetch_on_miss(ref: str) -> Paper:
    """The store's default resolver (:meth:`Store.paper <paperlab.store.Store.paper>` on a miss): the services layer."""
    from .services.resolve import fetch

    return fetch(ref)


# -- the layers above the model implement some model methods (paperlab._operations) ----------------
# Each loader imports the layer that registers the operations, on the first call of one of them.
def _load_bibtex() -> None:
    from .sources import bibtex  # noqa: F401  (registers Paper.to_bibtex and Library.to_bibtex)


def _load_ris() -> None:
    from .sources.ris import ris_text

    Library.operations.register("to_ris", ris_text)


def _load_paper_render() -> None:
    from . import paper_render  # noqa: F401  (registers Paper.to_markdown, to_html and to_csl)


def _load_native() -> None:
    from .sources import native  # noqa: F401  (registers Library.save)


def _load_dailyarxiv() -> None:
    from .sources import dailyarxiv  # noqa: F401  (registers Library.to_dailyarxiv)


def _load_search() -> None:
    from . import search  # noqa: F401  (registers Library.search, similar, recommend, topics, near_duplicates, embed)


def _load_topic_map() -> None:
    from .mapview import topic_map

    Library.operations.register("topic_map", topic_map)


def _load_library_results() -> None:
    from .comparison.library_results import results_of

    Library.operations.register("results", results_of)


def _load_citations() -> None:
    from . import citations  # noqa: F401  (registers Paper.references/citations, Library.fetch_citations/graph/gaps)


def _load_graph_view() -> None:
    from .graphview import graph_view

    Library.operations.register("graph_view", graph_view)


def _load_cards() -> None:
    from .widget import PaperCards

    Library.operations.register("cards", PaperCards)


def _load_session_format() -> tuple[Any, Any]:
    from .services.sessions.model import session_papers
    from .services.sessions.reading import looks_like_transcript

    return looks_like_transcript, session_papers  # (the test of a text, the reader)


def _load_feed_cards() -> None:
    from .widget import FeedCards

    _feed_package.operations.register("cards", FeedCards)


Paper.operations.provide(["to_bibtex"], _load_bibtex)
Library.operations.provide(["to_bibtex"], _load_bibtex)
Library.operations.provide(["to_ris"], _load_ris)
Paper.operations.provide(["to_csl", "to_html", "to_markdown"], _load_paper_render)
Library.operations.provide(["save"], _load_native)
Library.operations.provide(["to_dailyarxiv"], _load_dailyarxiv)
Library.operations.provide(["search", "similar", "recommend", "topics", "near_duplicates", "embed"], _load_search)
Library.operations.provide(["cards"], _load_cards)
Library.operations.register("compare", compare)  # imported above: paperlab.compare
Library.operations.provide(["results"], _load_library_results)
Paper.operations.provide(["references", "citations"], _load_citations)
Library.operations.provide(["fetch_citations", "graph", "gaps"], _load_citations)
Library.operations.provide(["graph_view"], _load_graph_view)
Library.operations.provide(["topic_map"], _load_topic_map)
_feed_package.operations.provide(["cards"], _load_feed_cards)
_provide_format("session", _load_session_format)  # paperlab.load reads session transcripts with the Session reader
_set_default_resolver(_fetch_on_miss)  # the store fetches unknown papers through the services layer


def _notes_in_a_notebook() -> None:
    """In a Jupyter kernel, what :func:`load` reports to inform (merges, the paper finder) shows as a note, with or
    without ``%load_ext paperlab`` (:func:`paperlab.magics.show_merges_as_notes`)."""
    import sys

    if "ipykernel" in sys.modules:
        from .magics import show_merges_as_notes

        show_merges_as_notes()


_notes_in_a_notebook()


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'paperlab' has no attribute {name!r}")


def load_ipython_extension(ipython: Any) -> None:
    """`%load_ext paperlab`: register the paperlab magics."""
    from .magics import load_ipython_extension as _load

    _load(ipython)


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "jupyterlab-paperlab"}]


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "paperlab.server"}]
