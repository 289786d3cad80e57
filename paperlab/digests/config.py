"""A digest's configuration: :class:`DigestConfig`, read from TOML by :func:`load_config`."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import as_date
from ..errors import ParseError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["ARXIV_URL", "HF_URL", "DigestConfig", "load_config", "parse_date", "state_path_for"]

ARXIV_URL = "https://export.arxiv.org/api/query"
HF_URL = "https://huggingface.co"
_SOURCES = ("arxiv", "hf")
# the TOML layout: top-level keys, and the keys of the [arxiv] and [hf] tables
_TOP_KEYS = frozenset(
    {"keywords", "categories", "sources", "max_per_keyword", "title", "date", "since", "timeout", "cache_dir"}
    | {"state", "output"}
)
_TABLE_KEYS = {
    "arxiv": frozenset({"url", "delay", "retries", "backoff"}),
    "hf": frozenset({"url", "days", "since", "until", "section", "min_upvotes", "delay", "retries", "backoff"}),
}


def parse_date(value: Any, name: str, source: str) -> dt.date | None:
    """:func:`paperlab.dates.as_date` of the setting ``name`` read from ``source``."""
    return as_date(value, repr(name), source=source)


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
            setattr(self, name, parse_date(getattr(self, name), name, src))
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
        top, tables = _TOP_KEYS, _TABLE_KEYS
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
