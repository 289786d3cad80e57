"""Library: an ordered, de-duplicated collection of :class:`~paperlab.paper.Paper`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal, get_args, overload

from ._library_display import library_html, papers_frame
from ._library_filter import paper_filter
from ._operations import Operations
from .errors import warn_partial
from .identifiers import normalize_doi, parse_reference
from .identity import (
    Merge,
    citation_keys,
    disambiguated_id,
    merge_papers,
    outside_splits,
    same_work,
    set_aside_doubtful_ids,
    split_merged,
)
from .paper import Paper
from .text import plural

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Library", "LibraryOperation"]


#: The :class:`Library` methods that a layer above the model implements (see :mod:`paperlab._operations`):
#: search (:mod:`paperlab.search`), exports (:mod:`paperlab.sources`), cards (:mod:`paperlab.widget`).
LibraryOperation = Literal[
    "cards",
    "compare",
    "embed",
    "fetch_citations",
    "gaps",
    "graph",
    "graph_view",
    "near_duplicates",
    "recommend",
    "results",
    "save",
    "search",
    "similar",
    "to_bibtex",
    "to_dailyarxiv",
    "to_ris",
    "topic_map",
    "topics",
]
_OPERATION_NAMES: tuple[LibraryOperation, ...] = get_args(LibraryOperation)
_CITE = "cite:"  # the lookup key of a citation key (no match key of Paper.match_keys starts so)


class Library:
    """An ordered collection of papers in which each paper appears once.

    Adding a paper that is already present (same arXiv id or DOI, or the same normalised title with
    nothing -- year, first author, kind of work, venue -- telling them apart) merges the two records:
    the richer fields win, tags and citation keys are united, and the merge is logged in :attr:`merges`
    (``str(merge)`` names both titles and where each was read). A record giving the arXiv id or DOI of a
    paper whose title names another work (a link copied to the wrong row) is not merged: both papers are
    kept, the id stays with the first, and a :class:`~paperlab.errors.DoubtfulIdWarning` names both.

    Parameters
    ----------
    papers : iterable of Paper, optional
        Initial papers, merged in order.
    name : str, optional
        A label shown in reprs and exports.

    Examples
    --------
    >>> lib = Library([Paper("Attention Is All You Need", arxiv_id="1706.03762")])
    >>> len(lib), lib["1706.03762"].title
    (1, 'Attention Is All You Need')
    """

    #: Implementations of the methods the layers above provide (search, exports, cards).
    operations: ClassVar[Operations[LibraryOperation]] = Operations("Library", _OPERATION_NAMES)

    def __init__(self, papers: Iterable[Paper] = (), name: str | None = None) -> None:
        self.name = name
        self._papers: dict[str, Paper] = {}  # canonical id -> paper, insertion ordered
        self._keys: dict[str, list[str]] = {}  # match key -> ids of the records having it
        #: Every merge of two records, in order (see :class:`paperlab.identity.Merge`).
        self.merges: list[Merge] = []
        self.extend(papers)

    # -- building ----------------------------------------------------------------------
    def add(self, paper: Paper) -> Paper:
        """Add one paper, merging with an existing record of the same work (:func:`paperlab.identity.same_work`);
        return the stored record. Merges are logged in :attr:`merges`."""
        if not isinstance(paper, Paper):
            raise TypeError(f"Library holds Paper objects, not {type(paper).__name__}")
        candidates = [paper.id, *(pid for k in paper.match_keys() for pid in self._keys.get(k, ()))]
        existing_ids = [pid for pid in dict.fromkeys(candidates) if pid in self._papers]
        if any("distinct_from" in self._papers[pid].extra for pid in existing_ids):  # the user split some
            paper = outside_splits(paper, [self._papers[pid] for pid in existing_ids])
        if existing_ids and (paper.arxiv_id or paper.doi):  # an id two different works give stays with one
            paper, doubts = set_aside_doubtful_ids(paper, [self._papers[pid] for pid in existing_ids])
            for doubt in doubts:
                warn_partial(doubt)
        existing_ids = [pid for pid in existing_ids if same_work(self._papers[pid], paper)]
        if not existing_ids:
            if paper.id in self._papers:  # another work with the same title-derived id
                paper = dataclasses.replace(paper, id=disambiguated_id(paper))
            self._store(paper, None)
            return paper
        merged = self._papers[existing_ids[0]]
        self.merges.append(Merge.of(merged, paper))
        merged = merge_papers(merged, paper)
        for other_id in existing_ids[1:]:  # the new record may join two we had separately
            if same_work(merged, self._papers[other_id]):
                other = self._papers.pop(other_id)
                self.merges.append(Merge.of(merged, other))
                merged = merge_papers(merged, other)
        self._store(merged, existing_ids[0])
        return merged

    def _store(self, paper: Paper, replaces: str | None) -> None:
        if replaces is not None and replaces != paper.id:
            # keep the position of the record being replaced
            items = [(paper.id, paper) if k == replaces else (k, v) for k, v in self._papers.items()]
            self._papers = dict(items)
        else:
            self._papers[paper.id] = paper
        for key in [*paper.match_keys(), *(_CITE + k for k in citation_keys(paper))]:
            ids = self._keys.setdefault(key, [])
            if paper.id not in ids:
                ids.append(paper.id)
        if replaces is not None:
            self._keys = {k: kept for k, v in self._keys.items() if (kept := [i for i in v if i in self._papers])}

    def split(self, key: str) -> list[Paper]:
        """Undo a wrong merge: the paper ``key`` becomes the records merged into it again, kept apart from
        each other from now on, here and in the store (:func:`paperlab.identity.split_merged`); returns them.
        Saving the parts in a store that holds the merged paper (``store.upsert_papers(parts)``) splits it there
        too, as :meth:`Store.split_paper <paperlab.store.Store.split_paper>` does.

        Raises
        ------
        KeyError
            No such paper. :class:`~paperlab.errors.UsageError` when it is not a merge.
        """
        paper = self[key]
        parts = split_merged(paper)
        del self._papers[paper.id]
        self._keys = {k: kept for k, v in self._keys.items() if (kept := [i for i in v if i != paper.id])}
        for i, part in enumerate(parts):
            if part.id in self._papers:  # another work took this title-derived id meanwhile
                parts[i] = part = dataclasses.replace(part, id=disambiguated_id(part))
            self._store(part, None)
        return parts

    def extend(self, papers: Iterable[Paper]) -> Library:
        """Add many papers; return self."""
        for p in papers:
            self.add(p)
        return self

    def __add__(self, other: Library | Iterable[Paper]) -> Library:
        result = Library(self, name=self.name)
        result.extend(other)
        return result

    def __iadd__(self, other: Iterable[Paper]) -> Library:
        return self.extend(other)

    # -- access ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._papers)

    def __iter__(self) -> Iterator[Paper]:
        return iter(list(self._papers.values()))

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Paper):
            if item.id in self._papers and same_work(self._papers[item.id], item):
                return True
            return any(same_work(self._papers[i], item) for k in item.match_keys() for i in self._keys.get(k, ()))
        return isinstance(item, str) and self.get(item) is not None

    @overload
    def __getitem__(self, key: int | str) -> Paper: ...
    @overload
    def __getitem__(self, key: slice) -> Library: ...
    def __getitem__(self, key: int | str | slice) -> Paper | Library:
        if isinstance(key, slice):
            return Library(list(self._papers.values())[key], name=self.name)
        if isinstance(key, int):
            return list(self._papers.values())[key]
        found = self.get(key)
        if found is None:
            raise KeyError(f"no paper with id {key!r} in this library")
        return found

    def get(self, key: str, default: Paper | None = None) -> Paper | None:
        """Look a paper up by canonical id, arXiv id (with or without version) or URL, DOI or DOI URL, or a
        BibTeX citation key it was imported under (``"merity2017pointer"``, also of a record merged into it).

        References are read by :func:`paperlab.identifiers.parse_reference`, as the store reads them.
        """
        if key in self._papers:
            return self._papers[key]
        ref = parse_reference(key)
        # a DOI field need not look like a DOI: "doi:<anything>" still names it
        for match_key in [*ref.match_keys(), f"doi:{normalize_doi(key).lower()}", _CITE + key.strip()]:
            if match_key in self._keys:
                return self._papers[self._keys[match_key][0]]
        return default

    @property
    def ids(self) -> list[str]:
        """Canonical ids in order."""
        return list(self._papers)

    def __repr__(self) -> str:
        label = f" {self.name!r}" if self.name else ""
        return f"<Library{label}: {plural(len(self), 'paper')}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Library):
            return NotImplemented
        return list(self) == list(other)

    # -- filters -----------------------------------------------------------------------
    def filter(
        self,
        predicate: Callable[[Paper], bool] | None = None,
        *,
        text: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        tag: str | None = None,
        category: str | None = None,
        source: str | None = None,
    ) -> Library:
        """Papers matching every given condition, in order.

        Parameters
        ----------
        predicate : callable, optional
            Any test on a Paper.
        text : str, optional
            Words of title, abstract, authors, keywords or tags, case and accents ignored: every word must start a
            word there
            ("hubotter" finds "Hübotter", "transf" finds "Transformers", "ho" does not find "show").
        since, until : date or ISO str, optional
            Inclusive bounds on ``published``; papers without a date are excluded.
        tag : str, optional
            A tag or keyword (case-insensitive).
        category : str, optional
            An arXiv category, or a prefix such as ``"cs"``.
        source : str, optional
            A source kind, e.g. ``"arxiv"`` or ``"hf_page"``.
        """
        keep = paper_filter(predicate, text=text, since=since, until=until, tag=tag, category=category, source=source)
        return Library((p for p in self if keep(p)), name=self.name)

    def sort(self, by: str = "published", descending: bool = True) -> Library:
        """A new Library sorted by a field (missing values last)."""
        present = [p for p in self if getattr(p, by) is not None]
        missing = [p for p in self if getattr(p, by) is None]
        present.sort(key=lambda p: getattr(p, by), reverse=descending)
        return Library(present + missing, name=self.name)

    # -- search (implemented by paperlab.search, imported on first use) -------------------------
    def search(
        self, query: str, k: int = 10, mode: str = "hybrid", encoder: Any = None, min_score: float | None = None
    ) -> Any:
        """Papers best matching ``query``, best first, with scores and explanations.

        Parameters
        ----------
        query : str
            Words or a natural-language description.
        k : int
            Most results (at least 1).
        mode : {"hybrid", "semantic", "lexical"}
            Embeddings and BM25 fused (default), embeddings only, or BM25 only.
        encoder : str, optional
            Sentence-transformers model (default: the packaged all-MiniLM-L6-v2).
        min_score : float, optional
            Leave out hits scored below this (scores are calibrated chances, 0-1, that a hit is about
            the query). Default: the fitted relevance cut-off; 0 lists the ``k`` best whatever they score.

        Returns
        -------
        paperlab.search.SearchResults
            A Library of the hits with ``scores``, ``reasons`` and ``explanations``.
        """
        return self.operations.get("search")(self, query, k=k, mode=mode, encoder=encoder, min_score=min_score)

    def similar(
        self,
        paper: Paper | str,
        k: int = 10,
        mode: str = "hybrid",
        encoder: Any = None,
        citations: bool | float = False,
    ) -> Any:
        """Papers most like ``paper`` (a Paper or the id of one in this library), itself excluded.

        Parameters
        ----------
        citations : bool or float
            Also rank by co-citation and bibliographic coupling (cited together, citing the same papers), from
            the citation cache of the default store (fetch first with :meth:`fetch_citations`): ``True`` adds
            them with weight 0.5 to the text similarity scaled to [0, 1], a number with that weight.

        Returns
        -------
        paperlab.search.SearchResults
        """
        extra = {}
        if citations:
            extra = {"signals": {"citations": 0.5 if citations is True else float(citations)}}
        return self.operations.get("similar")(self, paper, k=k, mode=mode, encoder=encoder, **extra)

    def recommend(self, papers: Iterable[Paper | str], k: int = 10, encoder: Any = None) -> Any:
        """Papers of this library like the saved ``papers`` (a reading list, a Library or ids).

        The feed's personal ranking (:mod:`paperlab.search.personal`): a linear SVM learns from the saved
        papers against the rest of the library, as arxiv-sanity does, fused with the similarity to the
        closest saved papers; ``.features`` shows the words that drove it, ``.explain(p)`` why each was picked.

        Returns
        -------
        paperlab.search.Recommendations
        """
        return self.operations.get("recommend")(self, papers, k=k, encoder=encoder)

    def topics(self, n: int | None = None, encoder: Any = None) -> Any:
        """Clusters of this library with readable labels and a 2-D map (``.plot()``, ``.to_dataframe()``).

        Returns
        -------
        paperlab.search.Topics
        """
        return self.operations.get("topics")(self, n=n, encoder=encoder)

    def embed(self, encoder: Any = None, background: bool = True, **kwargs: Any) -> Any:
        """Embed the papers for semantic search, in a background thread by default.

        While it runs, :meth:`search` answers at once (papers not embedded yet are ranked by a fast
        static model and BM25); finished batches stay in the store's cache, also after ``cancel()``.

        Returns
        -------
        paperlab.search.EmbeddingJob
            ``.progress`` (``{"done", "total", "state"}``), ``.cancel()``, ``.wait()``.
        """
        return self.operations.get("embed")(self, encoder=encoder, background=background, **kwargs)

    def topic_map(self, n: int | None = None, encoder: Any = None, height: int = 480, **kwargs: Any) -> Any:
        """The interactive topic map of this library: hover for a card, click or lasso to select; a clicked
        paper's card adds it to ``reading_list`` (default "default") of ``store`` (default: the default store).

        Returns
        -------
        paperlab.mapview.TopicMap
            An anywidget; ``.selected`` is the library of the papers selected on the map.
        """
        return self.operations.get("topic_map")(self, n=n, encoder=encoder, height=height, **kwargs)

    def fetch_citations(self, hops: int = 1, **kwargs: Any) -> Any:
        """Fetch the references and citations of every paper (``hops`` deep) into the store's citation cache.

        Semantic Scholar, paged, paced and retried (OpenAlex too with ``sources=("semantic_scholar", "openalex")``);
        returns a :class:`paperlab.citations.FetchReport`. Options: :func:`paperlab.citations.fetch_citations`.
        """
        return self.operations.get("fetch_citations")(self, hops, **kwargs)

    def graph(self, **kwargs: Any) -> Any:
        """The citation graph of this library and its one-hop neighbours, from the cache (a networkx DiGraph;
        :func:`paperlab.citations.citation_graph`)."""
        return self.operations.get("graph")(self, **kwargs)

    def graph_view(self, **kwargs: Any) -> Any:
        """The citation graph widget: hover for a card, click to open it and add to a reading list
        (:class:`paperlab.graphview.GraphView`; from the cache, so fetch first with :meth:`fetch_citations`)."""
        return self.operations.get("graph_view")(self, **kwargs)

    def gaps(self, min_cited_by: int = 2, **kwargs: Any) -> pd.DataFrame:
        """Papers cited by at least ``min_cited_by`` papers of this library but not in it, ranked."""
        frame: pd.DataFrame = self.operations.get("gaps")(self, min_cited_by, **kwargs)
        return frame

    def near_duplicates(self, threshold: float = 0.9, across_sources: bool = False) -> pd.DataFrame:
        """Pairs of records that are probably the same paper (text similarity >= ``threshold``).

        Returns
        -------
        pandas.DataFrame
            ``id_a, id_b, similarity, title_a, title_b, sources_a, sources_b``.
        """
        frame: pd.DataFrame = self.operations.get("near_duplicates")(
            self, threshold=threshold, across_sources=across_sources
        )
        return frame

    # -- export ------------------------------------------------------------------------
    def to_dicts(self) -> list[dict[str, Any]]:
        """Every paper's wire-format dict."""
        return [p.to_dict() for p in self]

    def to_dataframe(self) -> pd.DataFrame:
        """One row per paper with typed columns, indexed by paper id (``reset_index()`` gives the ``id`` column).

        ``year`` is the year of ``published`` (nullable ``Int64``, as in search hits' frames). Dates are
        ``datetime64`` (``date_precision`` says how much of ``published`` the source gave, ``date_inferred``
        whether it was inferred), counts nullable ``Int64``, lists stay lists,
        ``sources`` is the list of source kinds; ``title`` and ``abstract`` are readable (LaTeX decoded).
        """
        return papers_frame(self)

    def to_bibtex(self) -> str:
        """All papers as one BibTeX file (unique keys)."""
        return str(self.operations.get("to_bibtex")(self))

    def to_csl(self) -> list[dict[str, Any]]:
        """All papers as CSL-JSON items."""
        return [p.to_csl() for p in self]

    def to_ris(self) -> str:
        """All papers as one RIS file (what :func:`paperlab.load` reads back: titles, authors, dates, DOIs, arXiv
        ids, keywords and tags as ``KW``, notes as ``N1``); see :func:`paperlab.sources.ris.write_ris`."""
        return str(self.operations.get("to_ris")(self))

    def to_markdown(self) -> str:
        """All papers as markdown cards, one after another."""
        return "\n".join(p.to_markdown() for p in self)

    def to_dailyarxiv(
        self,
        path: str | None = None,
        last_update: dt.date | str | None = None,
        sections: Any = None,
        title: str = "Daily Papers",
    ) -> str:
        """The library as a DailyArXiv-style README (one ``##`` section per tag), written to ``path`` if given.

        Parameters
        ----------
        path : str, optional
            Write the README here (UTF-8).
        last_update : date or ISO str, optional
            The ``Last update:`` date (default: today).
        sections : mapping or sequence, optional
            Keyword -> ids, or the tags to write in order (default: every tag, in order of first use).
        title : str
            The top-level heading.

        Returns
        -------
        str
            The markdown, which :func:`paperlab.sources.dailyarxiv.read_dailyarxiv` reads back.
        """
        to_markdown = self.operations.get("to_dailyarxiv")
        text: str = to_markdown(self, last_update=last_update, sections=sections, title=title)
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        return text

    def save(self, path: str, format: str | None = None) -> None:
        """Write the library to ``path``; format from the extension (json, jsonl, csv, bib, md)."""
        self.operations.get("save")(self, path, format=format)

    def cards(self, **kwargs: Any) -> Any:
        """These papers as an interactive :class:`~paperlab.widget.PaperCards` widget.

        Keyword arguments go to :class:`~paperlab.widget.PaperCards` (``reading_list``,
        ``search_mode``, ``height``...).
        """
        return self.operations.get("cards")(self, **kwargs)

    def compare(self, fields: Sequence[str] | None = None, results: Sequence[Any] | None = None) -> Any:
        """These papers side by side as a DataFrame: :func:`paperlab.compare` (``lib.search(...).compare()``)."""
        return self.operations.get("compare")(self, fields=fields, results=results)

    def results(self, metric: str | None = None, dataset: str | None = None) -> Any:
        """Every result read from these papers, one row each (``lib.results(metric="speedup")``): a DataFrame, see
        :func:`paperlab.comparison.library_results.results_of`."""
        return self.operations.get("results")(self, metric=metric, dataset=dataset)

    def _repr_html_(self) -> str:
        return library_html(list(self), self.merges)
