"""The one data model of paperlab: :class:`Paper`, and its wire format.

``Paper.to_dict()`` is the JSON shape used everywhere (widget traitlets, REST bodies,
clipboard data ``application/vnd.paperlab.paper+json``, notebook metadata);
``js/src/tokens.ts`` mirrors it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, get_args

from ._operations import Operations
from .date_precision import DATE_KEYS, PRECISION_WIDTH, arxiv_id_month, keeps_first_date, partial_date, precision_of
from .dates import as_date, as_datetime
from .errors import ParseError
from .identifiers import is_bare_arxiv_id, normalize_arxiv_id, normalize_doi
from .latex import has_latex, readable
from .paper_fields import as_int, clean_str_list, doubtful_id_map, iso_seconds, titled_from_id, union
from .text import plural
from .urls import shared_location
from .venues import parse_venue

__all__ = [
    "MIME_TYPE",
    "Paper",
    "SourceRecord",
    "match_words",
    "normalize_arxiv_id",
    "normalize_title",
    "shared_location",
]

MIME_TYPE = "application/vnd.paperlab.paper+json"


def match_words(text: str) -> list[str]:
    """The lower-case words of ``text`` that matching compares, accents dropped: text mostly in Latin letters keeps
    its ASCII letters and digits ("Schrödinger Bridges" -> schrodinger, bridges; ids made from them never change);
    text mostly in other scripts keeps its letters ("心理素质对青少年", "Внимание — это всё"), which were all
    dropped before, so two such titles read as the same (empty) title and their works were merged."""
    if not text or text.isascii():  # most titles and names: no marks to drop, no other script
        return re.findall(r"[0-9a-z]+", (text or "").lower())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    letters = sum(c.isalpha() for c in text)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    if 2 * latin >= letters:
        return re.findall(r"[0-9a-z]+", text.lower())
    return re.findall(r"[^\W_]+", text.casefold())


def normalize_title(title: str) -> str:
    """Title reduced to lowercase words (:func:`match_words`), for matching the same paper across sources."""
    return " ".join(match_words(title))


def _is_name(value: object) -> bool:
    """Whether an entry of ``extra["editors"]`` is a name a byline shows (text, not blank)."""
    return isinstance(value, str) and bool(value.strip())


@dataclass
class SourceRecord:
    """Where one record of a paper came from.

    Parameters
    ----------
    name : str
        Source kind: ``"arxiv"``, ``"hf"``, ``"hf_page"``, ``"dailyarxiv"``,
        ``"semantic_scholar"``, ``"bibtex"``, ``"kaggle"``, ``"paperlab"``, ...
    location : str
        File path or URL; serialised as :func:`shared_location` (the file name, or the URL).
    retrieved : datetime.datetime
        When the record was read or fetched (UTC).
    record : str, optional
        Position inside the source (``"line 12"``, an entry key).
    """

    name: str
    location: str = ""
    retrieved: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    record: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict; the location as :func:`shared_location` (never a local directory)."""
        return {
            "name": self.name,
            "location": shared_location(self.location),
            "retrieved": iso_seconds(self.retrieved),
            "record": self.record,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceRecord:
        """Inverse of :meth:`to_dict`."""
        if not isinstance(data, dict) or "name" not in data:
            raise ParseError(f"field 'sources': expected objects with a 'name', got {data!r}")
        return cls(
            name=str(data["name"]),
            location=str(data.get("location") or ""),
            retrieved=as_datetime(
                data.get("retrieved") or dt.datetime.now(dt.timezone.utc), "field 'sources.retrieved'"
            ),
            record=data.get("record"),
        )

    def key(self) -> tuple[str, str, str | None]:
        """What makes two records the same record (as serialised: the same file name, kind and position)."""
        return (self.name, shared_location(self.location), self.record)


#: The :class:`Paper` methods that a layer above the model implements (see :mod:`paperlab._operations`).
PaperOperation = Literal["citations", "references", "timeline", "to_bibtex", "to_csl", "to_html", "to_markdown"]

_LIST_FIELDS = ("authors", "categories", "keywords", "tags")
_INT_FIELDS = ("version", "n_authors", "upvotes", "github_stars")
_DATE_FIELDS = ("published", "updated")
_STR_FIELDS: tuple[str, ...] = ("title", "id", "arxiv_id", "organization", "abstract", "primary_category", "comment")
_STR_FIELDS += ("journal_ref", "doi", "url", "pdf_url", "code_url", "project_url", "ai_summary")


@dataclass(eq=False)
class Paper:
    """A research paper, merged from one or more sources.

    Parameters
    ----------
    title : str
        Title, whitespace-normalised.
    id : str, optional
        Canonical id; computed when omitted: the arXiv id without version when known,
        else ``doi:<DOI>``, else ``title:<hash of the normalised title>``.
    arxiv_id, version
        arXiv id without version, and the version number.
    authors : list of str
        Author names in order.
    n_authors : int, optional
        Number of authors; also set when only a count is known ("6 authors").
    organization : str, optional
        Organisation shown instead of authors (Hugging Face pages).
    abstract, comment, journal_ref, doi, url, pdf_url, code_url, project_url, ai_summary
        Text fields; ``None`` when unknown.
    published, updated : datetime.date, optional
        First and latest version dates; without a first date, a new-style arXiv id gives its month (inferred).
    categories : list of str
        arXiv categories; ``primary_category`` is the main one.
    upvotes, github_stars : int, optional
        Hugging Face upvotes and GitHub stars of the code repository.
    keywords : list of str
        Keywords given by the source (Hugging Face ``ai_keywords``, BibTeX keywords).
    tags : list of str
        The user's or a digest's tags (e.g. DailyArXiv keyword sections).
    sources : list of SourceRecord
        Where each record of this paper came from.
    extra : dict
        Source-specific JSON-safe data (e.g. Semantic Scholar ``paperId``, citation counts); also
        ``date_precision`` ("year" or "month" when the source gave only that much of ``published``) and
        ``date_inferred`` (true when ``published`` was inferred: a year, or the month of a new-style arXiv id).
    external_ids : dict of str to str
        The work's ids in other catalogues besides ``arxiv_id`` and ``doi``: ``s2`` (Semantic Scholar paperId),
        ``corpus``, ``openalex``, ``dblp``, ``acl``, ``openreview``, ``mag``, ``pmid``, ``pmcid``
        (:func:`paperlab.identity.work_ids` adds those a URL or citation record shows).
    title_text, abstract_text : str, optional
        Not parameters: the title and abstract without their LaTeX (:func:`paperlab.latex.readable`), set when
        they hold LaTeX, else None (the wire format's readable forms). Read :attr:`shown_title` and
        :attr:`shown_abstract` in Python.
    """

    title: str
    id: str = ""
    arxiv_id: str | None = None
    version: int | None = None
    authors: list[str] = field(default_factory=list)
    n_authors: int | None = None
    organization: str | None = None
    abstract: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    categories: list[str] = field(default_factory=list)
    primary_category: str | None = None
    comment: str | None = None
    journal_ref: str | None = None
    doi: str | None = None
    url: str | None = None
    pdf_url: str | None = None
    code_url: str | None = None
    project_url: str | None = None
    upvotes: int | None = None
    github_stars: int | None = None
    ai_summary: str | None = None
    keywords: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    external_ids: dict[str, str] = field(default_factory=dict)
    title_text: str | None = field(default=None, init=False)
    abstract_text: str | None = field(default=None, init=False)

    #: Methods implemented by the layers above the model (``to_bibtex``: :mod:`paperlab.sources.bibtex`;
    #: ``to_markdown``, ``to_html``, ``to_csl``: :mod:`paperlab.paper_render`).
    operations: ClassVar[Operations[PaperOperation]] = Operations("Paper", get_args(PaperOperation))

    def __post_init__(self) -> None:
        # Every check has a fast path for values that are already clean (the common case
        # in bulk imports) and falls back to the general conversion, which raises the
        # same ParseError as before for bad values.
        title = self.title
        if type(title) is not str or "  " in title or not title.isprintable() or title != title.strip():
            title = " ".join((title or "").split())
        self.title = title
        if not title:
            raise ParseError("field 'title': expected a non-empty title")
        arxiv_id = self.arxiv_id
        if arxiv_id:
            if type(arxiv_id) is str and is_bare_arxiv_id(arxiv_id):
                # already a bare new-style id: normalize_arxiv_id() would return (arxiv_id, None)
                self.version = self.version or None
            else:
                found = normalize_arxiv_id(arxiv_id)
                if found is None:
                    raise ParseError(f"field 'arxiv_id': expected an arXiv id, got {arxiv_id!r}")
                self.arxiv_id, v = found
                self.version = self.version or v
        if self.doi:
            self.doi = normalize_doi(self.doi)
        # dates: already a date (not a datetime) or None -> nothing to do
        value: Any = self.published
        if value is not None and type(value) is not dt.date:
            self.published = as_date(value, "field 'published'")
        value = self.updated
        if value is not None and type(value) is not dt.date:
            self.updated = as_date(value, "field 'updated'")
        if self.published is None and (inferred := arxiv_id_month(self.arxiv_id)):  # at least the id's month
            self.published, note = inferred
            self.extra = {**self.extra, **note}
        value = self.version
        if value is not None and type(value) is not int:
            self.version = as_int(value, "version")
        value = self.n_authors
        if value is not None and type(value) is not int:
            self.n_authors = as_int(value, "n_authors")
        value = self.upvotes
        if value is not None and type(value) is not int:
            self.upvotes = as_int(value, "upvotes")
        value = self.github_stars
        if value is not None and type(value) is not int:
            self.github_stars = as_int(value, "github_stars")
        # lists: a fresh list of non-empty strings without duplicates, order kept
        self.authors = clean_str_list(self.authors, "authors")
        self.categories = clean_str_list(self.categories, "categories")
        value = self.keywords
        self.keywords = [] if type(value) is list and not value else clean_str_list(value, "keywords")
        value = self.tags
        self.tags = [] if type(value) is list and not value else clean_str_list(value, "tags")
        if self.authors and not self.n_authors:
            self.n_authors = len(self.authors)
        if self.primary_category and self.primary_category not in self.categories:
            self.categories.insert(0, self.primary_category)
        ids = self.external_ids
        if ids and (type(ids) is not dict or any(type(k) is not str or type(v) is not str for k, v in ids.items())):
            raise ParseError(f"field 'external_ids': expected an object of strings, got {self.external_ids!r}")
        if not self.id:
            self.id = self.canonical_id()
        self.title_text = readable(title) if has_latex(title) else None
        self.abstract_text = readable(self.abstract) if has_latex(self.abstract) else None

    # -- identity ---------------------------------------------------------------
    def canonical_id(self) -> str:
        """The id this paper should have given its fields (see class docs)."""
        if self.arxiv_id:
            return self.arxiv_id
        if self.doi:
            return f"doi:{self.doi.lower()}"
        digest = hashlib.sha1(normalize_title(self.title).encode()).hexdigest()[:16]
        return f"title:{digest}"

    def match_keys(self) -> list[str]:
        """Keys under which the same paper from another source can be recognised."""
        keys = []
        if self.arxiv_id:
            keys.append(f"arxiv:{self.arxiv_id}")
        if self.doi:
            keys.append(f"doi:{self.doi.lower()}")
        norm = normalize_title(self.title)
        if len(norm) >= 12:  # very short titles ("Introduction") are not identifying
            keys.append(f"title:{norm}")
        return keys

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Paper):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        year = f", {self.published.year}" if self.published else ""
        return f"Paper({self.id!r}, {self.title[:60]!r}{year})"

    @property
    def year(self) -> int | None:
        """Year of first publication, if known."""
        return self.published.year if self.published else None

    @property
    def shown_title(self) -> str:
        """The title as cards, tables and search show it: its LaTeX decoded (``77\\%`` as ``77%``)."""
        return readable(self.title)

    @property
    def shown_abstract(self) -> str | None:
        """The abstract as cards, tables and search show it: its LaTeX decoded; None when there is none."""
        return readable(self.abstract) if self.abstract else self.abstract

    @property
    def date_precision(self) -> str | None:
        """How much of ``published`` the source gave: "year", "month", "day" (``extra["date_precision"]``); None if no date."""
        return precision_of(self.extra) if self.published is not None else None

    @property
    def date_inferred(self) -> bool:
        """Whether ``published`` was inferred (a page showing "Mar 10"; an arXiv id's month), not given by the source."""
        return self.extra.get("date_inferred") is True

    @property
    def date_text(self) -> str | None:
        """``published`` to the precision the source gave: "2017", "2017-03" or "2017-03-10"; None if unknown."""
        return self.published.isoformat()[: PRECISION_WIDTH[precision_of(self.extra)]] if self.published else None

    #: The ``extra`` entry of a date's precision (:func:`paperlab.date_precision.partial_date`), for readers.
    partial_date = staticmethod(partial_date)

    @property
    def doubtful_ids(self) -> dict[str, str]:
        """The arXiv id (``"arxiv"``) and DOI (``"doi"``) set aside as doubtful because another paper's title holds
        them (``extra["doubtful_ids"]``, :func:`paperlab.identity.set_aside_doubtful_ids`); ``{}`` when none is."""
        return doubtful_id_map(self.extra.get("doubtful_ids"))

    @property
    def own_url(self) -> str | None:
        """``url`` unless it links an id set aside as doubtful (:attr:`doubtful_ids`): that page is the other
        paper's, so exports and cards do not give it as this paper's link."""
        doubts = self.doubtful_ids
        if not self.url or not doubts:
            return self.url
        named = normalize_arxiv_id(self.url) if "arxiv" in doubts else None
        if named is not None and named[0] == doubts["arxiv"]:
            return None
        return None if "doi" in doubts and doubts["doi"].lower() in self.url.lower() else self.url

    @property
    def abs_url(self) -> str | None:
        """Best landing page: the given url (:attr:`own_url`), else the arXiv abstract page, else the DOI."""
        if self.own_url:
            return self.own_url
        if self.arxiv_id:
            return f"https://arxiv.org/abs/{self.arxiv_id}"
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return None

    @property
    def venue(self) -> str | None:
        """Where the paper was published, e.g. "ICLR 2025" (see :func:`paperlab.venues.parse_venue`).

        The journal reference (short form for a known acronym with a year), else a comment such as
        "Accepted at ICLR 2025"; None for a paper only submitted or under review.
        """
        return parse_venue(self.comment, self.journal_ref)

    # -- merging ----------------------------------------------------------------
    def merge(self, other: Paper) -> Paper:
        """Return a new Paper combining this record with another record of the same paper.

        Scalars keep the richer value (the one present; for text, the longer; for
        counts, the larger; for versions and dates of update, the newer), lists are
        united in order, sources are concatenated.
        """
        merged: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            if f.name == "id" or not f.init:
                continue
            if f.name == "sources":
                seen = {s.key(): s for s in a}
                for s in b:
                    seen.setdefault(s.key(), s)
                merged[f.name] = list(seen.values())
            elif f.name in _LIST_FIELDS:
                if f.name == "authors":
                    merged[f.name] = list(a if len(a) >= len(b) else b)
                else:
                    merged[f.name] = union(a, b)
            elif f.name in ("extra", "external_ids"):
                merged[f.name] = {**b, **a}
            elif a is None or a == "":
                merged[f.name] = b
            elif b is None or b == "":
                merged[f.name] = a
            elif f.name in ("upvotes", "github_stars", "version", "n_authors", "updated"):
                merged[f.name] = max(a, b)
            elif f.name == "published":
                merged[f.name] = min(a, b)
            elif isinstance(a, str) and f.name not in ("title", "arxiv_id", "doi", "url"):
                merged[f.name] = a if len(a) >= len(b) else b
            else:
                merged[f.name] = a
        merged["n_authors"] = max(merged["n_authors"] or 0, len(merged["authors"])) or None
        dated = self if keeps_first_date(self.published, self.extra, other.published, other.extra) else other
        merged["published"] = dated.published  # with what its source said of it
        cut = (self if len(self.authors) >= len(other.authors) else other).extra.get("more_authors")  # its "et al."
        merged["extra"] = {k: v for k, v in merged["extra"].items() if k not in (*DATE_KEYS, "more_authors")}
        merged["extra"].update({"more_authors": cut} if cut is not None else {})
        merged["extra"].update((k, dated.extra[k]) for k in DATE_KEYS if k in dated.extra)
        if _made_up_title(self) and not _made_up_title(other):  # "Untitled (arXiv:…)" gives way to the real title
            merged["title"] = other.title
        if merged["extra"].get("title_from") == "id" and not titled_from_id(merged["title"]):
            del merged["extra"]["title_from"]  # the mark goes with the made-up title
        return Paper(**merged)

    # -- wire format ----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON wire format: every field, dates as ISO strings, ``None`` when unknown."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "sources":
                value = [s.to_dict() for s in value]
            elif isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, list):
                value = list(value)
            elif isinstance(value, dict):
                value = dict(value)
            out[f.name] = value
        # The readable forms follow the raw text even when code assigned ``title``/``abstract`` after construction.
        out["title_text"] = readable(self.title) if has_latex(self.title) else None
        out["abstract_text"] = readable(self.abstract) if has_latex(self.abstract) else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Paper:
        """Build a Paper from :meth:`to_dict` output (unknown keys are an error).

        Raises
        ------
        ParseError
            Naming the field that is missing or has the wrong type.
        """
        if not isinstance(data, dict):
            raise ParseError(f"expected a JSON object for a paper, got {type(data).__name__}")
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise ParseError(f"unknown paper field(s) {unknown}; expected only {sorted(names)}")
        if not data.get("title"):
            raise ParseError("field 'title': expected a non-empty string")
        kwargs = {k: v for k, v in data.items() if k not in ("sources", "title_text", "abstract_text")}
        for k in _STR_FIELDS:
            if kwargs.get(k) is not None and not isinstance(kwargs[k], str):
                raise ParseError(f"field {k!r}: expected a string, got {kwargs[k]!r}")
        for k in ("extra", "external_ids"):
            if kwargs.get(k) is not None and not isinstance(kwargs[k], dict):
                raise ParseError(f"field {k!r}: expected an object, got {kwargs[k]!r}")
            kwargs[k] = kwargs.get(k) or {}
        sources = data.get("sources") or []
        if not isinstance(sources, list):
            raise ParseError(f"field 'sources': expected a list, got {sources!r}")
        kwargs["sources"] = [SourceRecord.from_dict(s) for s in sources]
        return cls(**kwargs)

    def to_json(self) -> str:
        """:meth:`to_dict` as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    # -- renderings -------------------------------------------------------------------
    def byline(self) -> str:
        """Authors as shown on a card: up to three names ("et al." if the source cut them: ``extra["more_authors"]``),
        else an edited volume's ``extra["editors"]`` (its names: entries that are not text are left out) marked
        "(ed.)"/"(eds.)", else a count or an organisation. js/src/common/paper.ts ``byline`` is the same."""
        editors = self.extra.get("editors") if not self.authors else None
        names = self.authors or [e for e in (editors if isinstance(editors, list) else []) if _is_name(e)]
        if names:
            more, role = len(names) - 3, "" if self.authors else " (ed.)" if len(names) == 1 else " (eds.)"
            cut = " et al." if self.authors and self.extra.get("more_authors") is True else ""
            return ", ".join(names[:3]) + (f" +{more} more" if more > 0 else cut) + role
        if self.n_authors:
            text = plural(self.n_authors, "author")
            return f"{text} · {self.organization}" if self.organization else text
        return self.organization or ""

    def to_markdown(self) -> str:
        """A markdown card that renders in JupyterLab, nbconvert and GitHub (:mod:`paperlab.paper_render`).

        The paper's JSON rides along in an HTML comment, so :meth:`from_markdown`
        reads the card back without loss.
        """
        return str(Paper.operations.get("to_markdown")(self))

    @classmethod
    def from_markdown(cls, text: str) -> Paper:
        """Read back a card written by :meth:`to_markdown`.

        Raises
        ------
        ParseError
            If the text carries no paperlab paper data.
        """
        m = re.search(r"<!-- " + re.escape(MIME_TYPE) + r" (\{.*?\}) -->", text, re.S)
        if not m:
            raise ParseError("expected a paperlab markdown card (its data comment is missing)")
        try:
            data = json.loads(m.group(1))
        except json.JSONDecodeError as exc:
            raise ParseError(f"paperlab card data is not valid JSON: {exc}") from None
        return cls.from_dict(data)

    def to_html(self) -> str:
        """A self-contained HTML card; every text is escaped (:mod:`paperlab.paper_render`)."""
        return str(Paper.operations.get("to_html")(self))

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {
            "text/plain": repr(self),
            "text/html": self.to_html(),
            "text/markdown": self.to_markdown(),
            MIME_TYPE: self.to_dict(),
        }

    def to_bibtex(self, key: str | None = None) -> str:
        """A BibTeX entry (``@article`` with a journal, else ``@misc`` with arXiv eprint fields)."""
        return str(Paper.operations.get("to_bibtex")(self, key=key))

    def to_csl(self) -> dict[str, Any]:
        """A CSL-JSON item, for Zotero, pandoc and citation processors (:mod:`paperlab.paper_render`)."""
        return dict(Paper.operations.get("to_csl")(self))

    def timeline(self) -> list[dict[str, Any]]:
        """The versions of this work merged into this record, oldest first (:func:`paperlab.identity.timeline`)."""
        return list(Paper.operations.get("timeline")(self))

    def references(self, **kwargs: Any) -> Any:
        """The papers this one cites, a Library (cached in the store; :func:`paperlab.citations.links` options)."""
        return Paper.operations.get("references")(self, **kwargs)

    def citations(self, **kwargs: Any) -> Any:
        """The papers citing this one, a Library (cached in the store; :func:`paperlab.citations.links` options)."""
        return Paper.operations.get("citations")(self, **kwargs)


def _made_up_title(paper: Paper) -> bool:
    """Whether the paper's title is one a reader made from its id because the source gave none ("[No title]")."""
    return paper.extra.get("title_from") == "id" and titled_from_id(paper.title)
