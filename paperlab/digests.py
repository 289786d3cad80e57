"""Keyword digests: DailyArXiv-style READMEs from arXiv and Hugging Face Daily Papers.

A digest is described by a small TOML file (:class:`DigestConfig`)::

    keywords = ["testing", "software testing"]
    categories = ["cs", "stat"]      # optional filter
    sources = ["arxiv", "hf"]        # default ["arxiv"]
    max_per_keyword = 100            # per source, as DailyArXiv

    [hf]
    days = 1                         # the daily lists of the last N days

:func:`digest` fetches it and returns a :class:`Digest`: the README text in the layout of
zezhishao/DailyArXiv, the papers as a :class:`~paperlab.library.Library` (each paper once, with one
tag per keyword it matched), the papers new since the previous digest, and a report of what failed.

Query semantics follow zezhishao/DailyArXiv ``utils.py`` (``request_paper_with_arXiv_api`` and
``filter_tags``, commit 079f0ad): for each keyword, ``search_query=ti:"KEYWORD" OR abs:"KEYWORD"``,
``sortBy=lastUpdatedDate`` (newest first), ``max_results=100``; the category filter is applied to
the results afterwards (``"cs"`` keeps every ``cs.*`` paper). Hugging Face Daily Papers of a date
range are matched the same way: the keyword as a phrase in the title or abstract, case-insensitively.

Reproducibility: every response is cached with its retrieval time (``cache_dir``). A run with
``offline=True`` reads only the cache, and the ``Last update`` date comes from the cached retrieval
time (or an explicit ``date``), so re-running offline rebuilds the same README byte for byte.

"New since last digest" state is a small JSON sidecar next to the output
(``README.digest.json`` for ``README.md``): the digest date and the ids listed under each keyword,
plus the same for the digest before it (so re-running a day's digest compares with the day before).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
import sys
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from .errors import FetchError, ImportProblem, ParseError, PartialImportWarning
from .library import Library
from .paper import Paper
from .sources._http import HttpClient, Response

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Digest", "DigestConfig", "digest", "load_config", "state_path_for"]

ARXIV_URL = "https://export.arxiv.org/api/query"
HF_URL = "https://huggingface.co"
STATE_VERSION = 1
_SOURCES = ("arxiv", "hf")
INTRO = (
    "Papers from arXiv whose title or abstract contains each keyword (newest first){hf}, "
    "collected by paperlab.\n\n"
    "Each `##` heading is a search keyword; a paper matching several keywords is listed under each."
)


# -- configuration ------------------------------------------------------------------------------


def _date(value: Any, name: str, source: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ParseError(f"{name!r}: expected a date YYYY-MM-DD, got {value!r}", source=source) from None


@dataclass
class DigestConfig:
    """What a digest asks for (read from TOML by :func:`load_config`).

    Parameters
    ----------
    keywords : list of str
        Search keywords; each becomes a ``##`` section.
    categories : list of str
        Keep only papers with a category equal to, or under, one of these (``"cs"`` keeps
        ``cs.LG``); empty keeps everything. Hugging Face papers carry no categories and are
        kept unless they are also arXiv results.
    sources : list of {"arxiv", "hf"}
        Where to look.
    max_per_keyword : int
        Papers per keyword and source (DailyArXiv keeps 100).
    title : str
        The README's top heading.
    date : datetime.date, optional
        Fixed ``Last update`` date and reference day for ``hf.days`` (default: the retrieval date).
    since : datetime.date, optional
        Keep only papers dated (last update) on or after this day; also the first Hugging Face day
        when ``hf_since`` is not given.
    arxiv_url, hf_url : str
        Service addresses (tests use a local fake server).
    arxiv_delay, arxiv_retries, arxiv_backoff : float, int, float
        Politeness: seconds between arXiv requests (arXiv asks for 3), retries, first retry wait.
    hf_days : int
        Hugging Face daily lists of this many days, ending at the digest date.
    hf_since, hf_until : datetime.date, optional
        An explicit Hugging Face date range instead of ``hf_days``.
    hf_section : str, optional
        When set, a section of this name lists every Hugging Face paper of the range, most upvoted first.
    hf_min_upvotes : int
        Hugging Face papers with fewer upvotes are left out.
    hf_delay, hf_retries, hf_backoff : float, int, float
        Politeness for Hugging Face.
    timeout : float
        Seconds per request.
    cache_dir, state, output : Path, optional
        Response cache, "new since last" state file and README path (relative paths in a TOML
        file are relative to that file).
    source : str
        Where the configuration came from (for messages).
    """

    keywords: list[str]
    categories: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=lambda: ["arxiv"])
    max_per_keyword: int = 100
    title: str = "Daily Papers"
    date: dt.date | None = None
    since: dt.date | None = None
    arxiv_url: str = ARXIV_URL
    arxiv_delay: float = 3.0
    arxiv_retries: int = 4
    arxiv_backoff: float = 3.0
    hf_url: str = HF_URL
    hf_days: int = 1
    hf_since: dt.date | None = None
    hf_until: dt.date | None = None
    hf_section: str | None = None
    hf_min_upvotes: int = 0
    hf_delay: float = 0.5
    hf_retries: int = 4
    hf_backoff: float = 2.0
    timeout: float = 30.0
    cache_dir: Path | None = None
    state: Path | None = None
    output: Path | None = None
    source: str = "<config>"

    def __post_init__(self) -> None:
        src = self.source
        if isinstance(self.keywords, str):
            self.keywords = [self.keywords]
        if not isinstance(self.keywords, (list, tuple)) or not all(isinstance(k, str) for k in self.keywords):
            raise ParseError(f"'keywords': expected a list of strings, got {self.keywords!r}", source=src)
        self.keywords = list(dict.fromkeys(" ".join(k.split()) for k in self.keywords if k.strip()))
        if not self.keywords and not (self.hf_section and "hf" in self.sources):
            raise ParseError("'keywords': expected at least one keyword", source=src)
        for name in ("categories", "sources"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ParseError(f"{name!r}: expected a list of strings, got {value!r}", source=src)
            setattr(self, name, [v.strip() for v in value if v.strip()])
        unknown = [s for s in self.sources if s not in _SOURCES]
        if unknown or not self.sources:
            raise ParseError(f"'sources': expected some of {list(_SOURCES)}, got {self.sources!r}", source=src)
        for name in ("max_per_keyword", "hf_days", "arxiv_retries", "hf_retries", "hf_min_upvotes"):
            value = getattr(self, name)
            if (
                not isinstance(value, int)
                or isinstance(value, bool)
                or value < (1 if name in ("max_per_keyword", "hf_days") else 0)
            ):
                raise ParseError(
                    f"{name!r}: expected a whole number{' >= 1' if name in ('max_per_keyword', 'hf_days') else ' >= 0'}, "
                    f"got {value!r}",
                    source=src,
                )
        for name in ("arxiv_delay", "arxiv_backoff", "hf_delay", "hf_backoff", "timeout"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise ParseError(f"{name!r}: expected a number of seconds >= 0, got {value!r}", source=src)
            setattr(self, name, float(value))
        for name in ("date", "since", "hf_since", "hf_until"):
            setattr(self, name, _date(getattr(self, name), name, src))
        for name in ("cache_dir", "state", "output"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, Path(value))

    def __repr__(self) -> str:
        return (
            f"DigestConfig(keywords={self.keywords!r}, categories={self.categories!r}, "
            f"sources={self.sources!r}, max_per_keyword={self.max_per_keyword})"
        )

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], base: str | Path | None = None, source: str = "<config>"
    ) -> DigestConfig:
        """Build a config from the TOML layout (top-level keys plus ``[arxiv]`` and ``[hf]`` tables).

        Parameters
        ----------
        data : mapping
            E.g. ``{"keywords": [...], "arxiv": {"delay": 3}, "hf": {"days": 2}}``.
        base : path, optional
            Directory that relative ``cache_dir``, ``state`` and ``output`` paths are relative to.
        source : str
            Name used in error messages.

        Raises
        ------
        ParseError
            On an unknown key or a value of the wrong type, naming the key.
        """
        data = dict(data)
        flat: dict[str, Any] = {}
        top = {
            "keywords",
            "categories",
            "sources",
            "max_per_keyword",
            "title",
            "date",
            "since",
            "timeout",
            "cache_dir",
            "state",
            "output",
        }
        tables = {
            "arxiv": {"url", "delay", "retries", "backoff"},
            "hf": {"url", "days", "since", "until", "section", "min_upvotes", "delay", "retries", "backoff"},
        }
        for key, value in data.items():
            if key in tables:
                if not isinstance(value, Mapping):
                    raise ParseError(f"[{key}]: expected a table, got {value!r}", source=source)
                for sub, v in value.items():
                    if sub not in tables[key]:
                        raise ParseError(
                            f"unknown key '{key}.{sub}'; expected one of {sorted(tables[key])}", source=source
                        )
                    flat[f"{key}_{sub}"] = v
            elif key in top:
                flat[key] = value
            else:
                raise ParseError(f"unknown key {key!r}; expected one of {sorted(top | set(tables))}", source=source)
        if "keywords" not in flat:
            raise ParseError("missing 'keywords': expected a list of search keywords", source=source)
        for name in ("cache_dir", "state", "output"):
            if flat.get(name) is not None and base is not None:
                flat[name] = Path(base) / Path(flat[name]).expanduser()
        try:
            return cls(**flat, source=source)
        except TypeError as exc:  # pragma: no cover - keys are checked above
            raise ParseError(str(exc), source=source) from None


def load_config(path: str | Path) -> DigestConfig:
    """Read a digest configuration from a TOML file.

    Raises
    ------
    ParseError
        If the file cannot be read, is not TOML (with line and column), or has a bad key.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror}", source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ParseError(f"expected UTF-8 text, got undecodable byte at offset {exc.start}", source=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ParseError(f"expected a TOML digest configuration: {exc}", source=str(path)) from None
    return DigestConfig.from_dict(data, base=path.parent, source=str(path))


def state_path_for(output: str | Path) -> Path:
    """Default state file of a digest written to ``output``: ``README.md`` -> ``README.digest.json``."""
    output = Path(output)
    return output.with_name(output.stem + ".digest.json")


# -- fetching -----------------------------------------------------------------------------------


class _RecordingHttp(HttpClient):
    """HttpClient that keeps every response it returns, and refetches (while still caching) when live."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.responses: list[Response] = []

    def request(self, method: str, url: str, params: dict[str, Any] | None = None, **kw: Any) -> Response:
        # Live runs always ask the service (a digest wants today's papers) and overwrite the cache;
        # offline runs read only the cache.
        kw["use_cache"] = self.offline
        resp = super().request(method, url, params, **kw)
        self.responses.append(resp)
        return resp


def _phrase(keyword: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in keyword.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _arxiv_search(keyword: str) -> str:
    # zezhishao/DailyArXiv utils.py: search_query=ti:"KEYWORD" OR abs:"KEYWORD"
    phrase = keyword.replace('"', " ").strip()
    return f'ti:"{phrase}" OR abs:"{phrase}"'


def _in_categories(paper: Paper, categories: Sequence[str]) -> bool:
    return any(c == want or c.startswith(want + ".") for c in paper.categories for want in categories)


def _shown_date(paper: Paper) -> dt.date | None:
    return paper.updated or paper.published


def _newest_first(papers: Iterable[Paper]) -> list[Paper]:
    papers = list(papers)
    dated = [p for p in papers if _shown_date(p) is not None]
    undated = [p for p in papers if _shown_date(p) is None]
    return sorted(dated, key=lambda p: _shown_date(p), reverse=True) + undated  # type: ignore[arg-type,return-value]


def _collect_warnings(caught: list[warnings.WarningMessage], where: str, problems: list[ImportProblem]) -> None:
    for w in caught:
        if isinstance(w.message, PartialImportWarning):
            for p in w.message.problems:
                problems.append(ImportProblem(p.source, f"{where}, {p.where}", f"skipped: {p.message}"))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


# -- state ----------------------------------------------------------------------------------------


def _read_state(path: Path | None) -> dict[str, Any] | None:
    if path is None or not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("paperlab_digest_state") != STATE_VERSION:
            raise ValueError("not a paperlab digest state")
        _date(data["date"], "date", str(path))
        if not isinstance(data.get("keywords"), dict):
            raise ValueError("'keywords' is not an object")
    except (ValueError, KeyError, ParseError) as exc:
        raise ParseError(
            f"expected a paperlab digest state file (JSON with 'date' and 'keywords'): {exc}", source=str(path)
        ) from None
    return data


def _state_core(data: Mapping[str, Any]) -> dict[str, Any]:
    return {"date": data["date"], "keywords": {k: list(v) for k, v in data["keywords"].items()}}


def _baseline(state: Mapping[str, Any] | None, today: dt.date) -> dict[str, Any] | None:
    """The latest recorded digest strictly before ``today`` (re-running a day compares with the day before)."""
    if not state:
        return None
    candidates = [_state_core(state)]
    if isinstance(state.get("previous"), dict):
        candidates.append(_state_core(state["previous"]))
    earlier = [c for c in candidates if dt.date.fromisoformat(c["date"]) < today]
    return max(earlier, key=lambda c: c["date"]) if earlier else None


# -- result -----------------------------------------------------------------------------------


@dataclass
class Digest:
    """A fetched digest: its papers, sections, what is new, what failed, and its README.

    Attributes
    ----------
    config : DigestConfig
    last_update : datetime.date
        The ``Last update`` date (explicit, else the latest retrieval time of the responses used).
    library : Library
        Every paper once, tagged with each keyword it was found under; Hugging Face upvotes
        merged into the arXiv records.
    sections : dict of str to list of str
        Section heading -> paper ids, newest first.
    new : list of str
        Ids not listed in the previous digest (every id on a first digest).
    baseline_date : datetime.date or None
        Date of the digest compared with; None on a first digest.
    problems : list of ImportProblem
        What failed (a keyword whose query failed, a Hugging Face day that could not be fetched,
        records that were skipped). Empty for a complete digest.
    failed : list of str
        Sections whose arXiv query failed (their rows come from the previous README when there is one).
    markdown : str
        The README text.
    """

    config: DigestConfig
    last_update: dt.date
    library: Library
    sections: dict[str, list[str]]
    new: list[str] = field(default_factory=list)
    baseline_date: dt.date | None = None
    problems: list[ImportProblem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    markdown: str = ""
    state: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        status = "complete" if self.complete else f"partial, {len(self.problems)} problem(s)"
        return (
            f"<Digest {self.last_update.isoformat()}: {len(self.library)} papers in "
            f"{len(self.sections)} sections, {len(self.new)} new, {status}>"
        )

    @property
    def complete(self) -> bool:
        """True when every source answered for every keyword."""
        return not self.problems

    @property
    def new_papers(self) -> Library:
        """The papers new since the previous digest."""
        return Library((self.library[i] for i in self.new), name=f"new since {self.baseline_date or 'first digest'}")

    def section(self, name: str) -> Library:
        """The papers of one section, in README order."""
        return Library((self.library[i] for i in self.sections[name]), name=name)

    def to_markdown(self) -> str:
        """The README (same as :attr:`markdown`)."""
        return self.markdown

    def to_dataframe(self) -> Any:
        """:meth:`Library.to_dataframe` plus a boolean ``new`` column."""
        df = self.library.to_dataframe()
        df["new"] = df["id"].isin(set(self.new))
        return df

    def write(self, path: str | Path, state: str | Path | None = None) -> Path:
        """Write the README to ``path`` and the "new since last" state next to it (or to ``state``)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(self.markdown)
        state_path = Path(state) if state is not None else state_path_for(path)
        with open(state_path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(json.dumps(self.state, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        return path

    def _repr_html_(self) -> str:
        e = html.escape
        head = (
            f"<div><b>Digest</b> · last update {self.last_update.isoformat()} · "
            f"{len(self.library)} papers · {len(self.new)} new</div>"
        )
        report = ""
        if self.problems:
            items = "".join(f"<li>{e(str(p))}</li>" for p in self.problems)
            report = f"<div><b>Report</b> (partial digest)<ul>{items}</ul></div>"
        return head + report + self.library._repr_html_()


# -- markdown ------------------------------------------------------------------------------------


def _md_text(text: str) -> str:
    text = html.escape(" ".join(text.split()), quote=False)
    return text.replace("|", "&#124;").replace("[", "&#91;").replace("]", "&#93;").replace("`", "&#96;")


def _md_url(url: str | None) -> str:
    if not url or not re.match(r"https?://", url):
        return ""
    return re.sub(r"[\s()<>|]", lambda m: f"%{ord(m.group(0)):02X}", url)


def _section_tables(name: str, papers: list[Paper], last_update: dt.date, note: str | None) -> str:
    from .sources.dailyarxiv import to_dailyarxiv_markdown

    text = to_dailyarxiv_markdown(papers, last_update=last_update, sections={name: [p.id for p in papers]})
    table = text.split("\n", 4)[4]  # drop "# title", "", "Last update: ...", ""
    if note:
        heading, rest = table.split("\n", 1)
        table = f"{heading}\n{note}\n\n{rest}"
    return table


def _render(
    config: DigestConfig,
    last_update: dt.date,
    library: Library,
    sections: dict[str, list[str]],
    notes: dict[str, str],
    new: list[str],
    baseline: dict[str, Any] | None,
    stateful: bool,
    problems: list[ImportProblem],
) -> str:
    hf = " and Hugging Face Daily Papers with the keyword in the title or abstract" if "hf" in config.sources else ""
    intro = INTRO.format(hf=hf)
    if config.hf_section and "hf" in config.sources:
        intro += (
            f' The section "{_md_text(config.hf_section)}" lists every Hugging Face daily paper of the '
            "period, most upvoted first."
        )
    out = [f"# {' '.join(config.title.split())}", intro, "", f"Last update: {last_update.isoformat()}", ""]
    if stateful:
        if baseline is None:
            out += [
                "### New since the last digest",
                "",
                f"First digest: no earlier digest to compare with; all {len(new)} papers are new.",
                "",
            ]
        else:
            out += [f"### New since the last digest ({baseline['date']})", ""]
            if not new:
                out.append("No new papers.")
            for pid in new:
                p = library[pid]
                url = _md_url(p.abs_url)
                title = f"[{_md_text(p.title)}]({url})" if url else _md_text(p.title)
                bits = [title]
                if _shown_date(p):
                    bits.append(_shown_date(p).isoformat())  # type: ignore[union-attr]
                if p.upvotes is not None:
                    bits.append(f"▲ {p.upvotes}")
                kws = [k for k in sections if pid in sections[k]]
                bits.append(", ".join(_md_text(k) for k in kws))
                out.append("- " + " · ".join(bits))
            out.append("")
    if problems:
        out += ["### Report", "", f"This digest is partial: {len(problems)} problem(s).", ""]
        out += [f"- {_md_text(str(p))}" for p in problems]
        out.append("")
    for name, ids in sections.items():
        out.append(_section_tables(name, [library[i] for i in ids], last_update, notes.get(name)))
    return "\n".join(out).rstrip("\n") + "\n"


# -- the digest ---------------------------------------------------------------------------------


def _previous_sections(path: Path | None) -> dict[str, list[Paper]]:
    if path is None or not path.exists():
        return {}
    from .sources.dailyarxiv import parse_dailyarxiv

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PartialImportWarning)
            old = parse_dailyarxiv(path.read_text(encoding="utf-8"), source=str(path))
    except (ParseError, OSError, UnicodeDecodeError):
        return {}
    by_id = {p.id: p for p in old.papers}
    return {k: [by_id[i] for i in ids if i in by_id] for k, ids in old.sections.items()}


def _hf_days(config: DigestConfig, reference: dt.date | None) -> list[dt.date]:
    until = config.hf_until
    since = config.hf_since or config.since
    if until is None:
        if reference is None:
            raise ParseError(
                "an offline digest with Hugging Face needs a date: give date=/--date, "
                "[hf] until, or run it once online so the state file records one",
                source=config.source,
            )
        until = reference
    if since is None:
        since = until - dt.timedelta(days=config.hf_days - 1)
    if since > until:
        raise ParseError(f"Hugging Face range is empty: since {since} is after until {until}", source=config.source)
    return [since + dt.timedelta(days=i) for i in range((until - since).days + 1)]


def digest(
    config: DigestConfig | Mapping[str, Any] | str | Path,
    *,
    out: str | Path | None = None,
    since: dt.date | str | None = None,
    date: dt.date | str | None = None,
    offline: bool = False,
    cache_dir: str | Path | None = None,
    state: str | Path | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Digest:
    """Fetch a keyword digest and (with ``out``) write its README and state.

    Parameters
    ----------
    config : DigestConfig, mapping or path
        The configuration, a dict in the TOML layout, or a TOML file.
    out : path, optional
        Write the README here (default: the config's ``output``; nothing is written when neither is set).
    since : date or ISO str, optional
        Keep papers dated on or after this day (overrides the config).
    date : date or ISO str, optional
        The ``Last update`` date and Hugging Face reference day (overrides the config).
    offline : bool
        Read responses only from the cache; the README is then rebuilt byte for byte.
    cache_dir : path, optional
        Response cache (overrides the config).
    state : path, optional
        "New since last" state file (default: ``<out stem>.digest.json`` next to the README).
    transport : httpx.BaseTransport, optional
        For tests.

    Returns
    -------
    Digest

    Raises
    ------
    ParseError
        For a bad configuration.
    FetchError
        When no source answered at all (nothing is written then).

    Warns
    -----
    PartialImportWarning
        When some keyword or day failed: the digest is partial, the rest is kept, and
        :attr:`Digest.problems` (also the README's "Report" section) says what failed.
    """
    if isinstance(config, (str, Path)):
        config = load_config(config)
    elif isinstance(config, Mapping):
        config = DigestConfig.from_dict(config)
    changes: dict[str, Any] = {}
    if since is not None:
        changes["since"] = since
    if date is not None:
        changes["date"] = date
    if cache_dir is not None:
        changes["cache_dir"] = cache_dir
    if out is not None:
        changes["output"] = out
    if state is not None:
        changes["state"] = state
    if changes:
        config = dataclasses.replace(config, **changes)
    out_path = config.output
    state_file = config.state or (state_path_for(out_path) if out_path is not None else None)
    old_state = _read_state(state_file)

    hosts: dict[str, float] = {}
    for name, url, delay in (("arxiv", config.arxiv_url, config.arxiv_delay), ("hf", config.hf_url, config.hf_delay)):
        if name in config.sources:
            host = urlsplit(url).netloc
            hosts[host] = max(hosts.get(host, 0.0), delay)
    http = _RecordingHttp(
        min_interval=hosts,
        retries=max(config.arxiv_retries, config.hf_retries),
        backoff=config.arxiv_backoff,
        timeout=config.timeout,
        cache_dir=config.cache_dir,
        offline=offline,
        transport=transport,
    )
    problems: list[ImportProblem] = []
    found: dict[str, list[Paper]] = {k: [] for k in config.keywords}
    failed: list[str] = []
    answered = 0
    try:
        if "arxiv" in config.sources:
            from .sources.arxiv import ArxivClient, ArxivQuery

            http.retries, http.backoff = config.arxiv_retries, config.arxiv_backoff
            client = ArxivClient(
                base_url=config.arxiv_url,
                page_size=min(100, config.max_per_keyword),
                delay=config.arxiv_delay,
                retries=config.arxiv_retries,
                http=http,
            )
            for keyword in config.keywords:
                query = ArxivQuery(
                    _arxiv_search(keyword),
                    sort_by="lastUpdatedDate",
                    sort_order="descending",
                    max_results=config.max_per_keyword,
                )
                where = f"arXiv, keyword {keyword!r}"
                try:
                    with warnings.catch_warnings(record=True) as caught:
                        warnings.simplefilter("always", PartialImportWarning)
                        papers = list(client.results(query))
                except FetchError as exc:
                    problems.append(ImportProblem(where, "", f"query failed: {exc}"))
                    failed.append(keyword)
                    continue
                _collect_warnings(caught, where, problems)
                answered += 1
                if not papers:
                    problems.append(
                        ImportProblem(
                            where,
                            "",
                            "arXiv returned no papers (it sometimes answers an "
                            "empty page under load; a rare keyword may truly have none)",
                        )
                    )
                    failed.append(keyword)
                if config.categories:
                    papers = [p for p in papers if _in_categories(p, config.categories)]
                found[keyword].extend(papers)

        hf_papers: list[Paper] = []
        if "hf" in config.sources:
            from .sources.hf import HfDailyPapersClient

            reference = config.date
            if reference is None:
                if offline:
                    reference = _date(old_state["date"], "date", str(state_file)) if old_state else None
                else:
                    reference = dt.datetime.now(dt.timezone.utc).date()
            http.retries, http.backoff = config.hf_retries, config.hf_backoff
            hf = HfDailyPapersClient(base_url=config.hf_url, http=http)
            for day in _hf_days(config, reference):
                where = f"Hugging Face, daily papers of {day.isoformat()}"
                try:
                    with warnings.catch_warnings(record=True) as caught:
                        warnings.simplefilter("always", PartialImportWarning)
                        got = hf.daily(day)
                except (FetchError, ParseError) as exc:
                    problems.append(ImportProblem(where, "", f"failed: {exc}"))
                    continue
                _collect_warnings(caught, where, problems)
                answered += 1
                hf_papers.extend(p for p in got if (p.upvotes or 0) >= config.hf_min_upvotes)
            for keyword in config.keywords:
                pattern = _phrase(keyword)
                matched = [p for p in hf_papers if pattern.search(p.title) or pattern.search(p.abstract or "")]
                found[keyword].extend(matched[: config.max_per_keyword])
    finally:
        http.close()

    if answered == 0:
        raise FetchError("no source answered; nothing written: " + "; ".join(str(p) for p in problems))

    last_update = config.date
    if last_update is None:
        last_update = max(r.retrieved for r in http.responses).astimezone(dt.timezone.utc).date()

    # One Library: each paper once, arXiv records first so HF upvotes merge into them.
    library = Library(name=f"digest {last_update.isoformat()}")
    previous = _previous_sections(out_path) if failed else {}
    notes: dict[str, str] = {}
    section_papers: dict[str, list[Paper]] = {}
    for keyword in config.keywords:
        papers = found[keyword]
        if keyword in failed and previous.get(keyword):
            papers = papers + previous[keyword]
            notes[keyword] = (
                "_Not updated: the arXiv query for this keyword failed (see the Report above); "
                "the rows from the previous digest are kept._"
            )
        elif keyword in failed:
            notes[keyword] = (
                "_Not updated: the arXiv query for this keyword failed or found nothing (see the Report above)._"
            )
        section_papers[keyword] = papers
    if config.hf_section and "hf" in config.sources:
        ranked = sorted(hf_papers, key=lambda p: -(p.upvotes or 0))
        section_papers[config.hf_section] = ranked
    if config.since:
        section_papers = {
            k: [p for p in v if (_shown_date(p) or dt.date.min) >= config.since] for k, v in section_papers.items()
        }
    for name, papers in section_papers.items():
        for p in papers:
            library.add(dataclasses.replace(p, tags=[*p.tags, name]))
    sections: dict[str, list[str]] = {}
    for name, papers in section_papers.items():
        ids = list(dict.fromkeys(library.get(p.id).id for p in papers))  # type: ignore[union-attr]
        if name != config.hf_section:
            ids = [p.id for p in _newest_first(library[i] for i in ids)]
        sections[name] = ids

    baseline = _baseline(old_state, last_update)
    seen: set[str] = set()
    if baseline is not None:
        for ids in baseline["keywords"].values():
            seen.update(ids)
    all_ids = list(dict.fromkeys(i for ids in sections.values() for i in ids))
    new = [i for i in all_ids if i not in seen]
    kept = {k: list(v) for k, v in sections.items()}
    for keyword in failed:  # papers of a failed query are not "new" next time
        if baseline is not None:
            kept[keyword] = list(dict.fromkeys(kept.get(keyword, []) + baseline["keywords"].get(keyword, [])))
    new_state: dict[str, Any] = {
        "paperlab_digest_state": STATE_VERSION,
        "date": last_update.isoformat(),
        "keywords": kept,
    }
    if baseline is not None:
        new_state["previous"] = baseline

    markdown = _render(
        config, last_update, library, sections, notes, new, baseline, stateful=state_file is not None, problems=problems
    )
    result = Digest(
        config=config,
        last_update=last_update,
        library=library,
        sections=sections,
        new=new,
        baseline_date=dt.date.fromisoformat(baseline["date"]) if baseline else None,
        problems=problems,
        failed=failed,
        markdown=markdown,
        state=new_state,
    )
    if out_path is not None:
        result.write(out_path, state=state_file)
    if problems:
        warnings.warn(PartialImportWarning(str(out_path or config.source), problems, len(library)), stacklevel=2)
    return result
