"""The interest profile: plain data (a dict, or a JSON file) saying what the feed reads and how it ranks.

Everything the feed uses to rank is here and nowhere else, so a user can read it, edit it and keep it
under version control: the reading lists whose papers are the positives, the arXiv categories and
Hugging Face daily papers to read, keyword/author boosts and mutes, the decay of old saves, recency
and popularity weights, and whether papers shown on earlier days may come back.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..errors import ParseError
from ..search.personal import DEFAULT_NEIGHBOURS, DEFAULT_WEIGHTS, RankingOptions

__all__ = ["InterestProfile", "default_profile_path"]


def default_profile_path() -> Path:
    """``$PAPERLAB_FEED_PROFILE``, else ``feed-profile.json`` in ``$PAPERLAB_HOME`` (default ``~/.paperlab``)."""
    env = os.environ.get("PAPERLAB_FEED_PROFILE")
    if env:
        return Path(env)
    return Path(os.environ.get("PAPERLAB_HOME") or Path.home() / ".paperlab") / "feed-profile.json"


@dataclass
class InterestProfile:
    """What the feed reads and how it ranks it.

    Parameters
    ----------
    lists : list of str
        Reading lists whose papers are "what I read" (newest addition weighs most); ``"*"`` (the default): every
        reading list in the store, so a list made for a project counts as soon as papers are saved to it.
    categories : list of str
        arXiv categories whose daily listings are read (new and cross-listed papers).
    hf_daily : bool
        Also read Hugging Face daily papers.
    boosts : dict of str to float
        Keyword or ``author:Name`` -> amount added to the score (z-score units; negative demotes).
    mutes : list of str
        Keywords or ``author:Name`` whose papers are never shown.
    decay : bool
        Let the ``decay`` weight weigh recent saves more (zotero-arxiv-daily's decay); false moves that weight to
        ``knn``, which weighs every save the same. The measured default weight of ``decay`` is 0 (it did not beat
        kNN on the dev topic groups, see benchmarks/README.md): give it a weight to use it.
    recency, popularity : float
        Extra weight for newer papers and for Hugging Face upvotes / GitHub stars (0: off).
    citations : float
        Extra weight for papers cited with, or citing the same works as, your saved papers (from the citation
        cache that ``Library.fetch_citations`` fills; 0: off).
    weights : dict of str to float
        Fusion weights of the ranking signals (``svm``, ``decay``, ``knn``, ``profile``: the keyword profile
        learned from the saved papers, ``phrases``: their defining phrases), measured defaults; a signal the
        file leaves out gets its default weight (write 0 to turn it off).
    neighbours : float
        Weight of the arrivals' own neighbourhoods (z-score units, like a signal): a paper among several close,
        well-ranked arrivals rises ("near other top picks: ..." in its reason); a number >= 0, 0 turns it off;
        the measured default is 1.
    include_replaced : bool
        Also show papers arXiv re-announced as a new version.
    repeats : bool
        Show again papers the feed showed on an earlier day.
    k : int
        Papers in a feed.
    arxiv_listing_url, hf_url : str, optional
        Other addresses of the arXiv listing feeds and the Hugging Face Hub (a mirror; default: the real ones).
    """

    lists: list[str] = field(default_factory=lambda: ["*"])
    categories: list[str] = field(default_factory=lambda: ["cs.LG"])
    hf_daily: bool = True
    boosts: dict[str, float] = field(default_factory=dict)
    mutes: list[str] = field(default_factory=list)
    decay: bool = True
    recency: float = 0.0
    popularity: float = 0.0
    citations: float = 0.0
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    neighbours: float = DEFAULT_NEIGHBOURS
    include_replaced: bool = False
    repeats: bool = False
    k: int = 20
    arxiv_listing_url: str | None = None
    hf_url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The profile as plain data."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "<dict>") -> InterestProfile:
        """A profile from plain data; unknown keys or wrong types raise :class:`ParseError` naming the field."""
        if not isinstance(data, dict):
            raise ParseError(f"{source}: expected a JSON object (the interest profile), got {type(data).__name__}")
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ParseError(f"{source}: unknown field {unknown[0]!r}; expected some of {sorted(known)}")
        profile = cls(**data)
        profile._check(source)
        return profile

    def _check(self, source: str) -> None:
        expect: dict[str, Any] = {
            "lists": list,
            "categories": list,
            "hf_daily": bool,
            "boosts": dict,
            "mutes": list,
            "decay": bool,
            "recency": (int, float),
            "popularity": (int, float),
            "citations": (int, float),
            "weights": dict,
            "neighbours": (int, float),
            "include_replaced": bool,
            "repeats": bool,
            "k": int,
            "arxiv_listing_url": (str, type(None)),
            "hf_url": (str, type(None)),
        }
        for name, typ in expect.items():
            value = getattr(self, name)
            if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
                raise ParseError(f"{source}: field {name!r}: expected {_type_name(typ)}, got {value!r}")
        for name in ("boosts", "weights"):
            for key, amount in getattr(self, name).items():
                if not isinstance(amount, (int, float)) or isinstance(amount, bool):
                    raise ParseError(f"{source}: field {name!r}: {key!r} must map to a number, got {amount!r}")
        if isinstance(self.neighbours, bool) or not math.isfinite(self.neighbours) or self.neighbours < 0:
            raise ParseError(
                f"{source}: field 'neighbours': expected a number >= 0 (the weight of the arrivals' neighbourhoods; "
                f"0 turns them off), got {self.neighbours!r}"
            )

    @classmethod
    def load(cls, path: str | Path | None = None) -> InterestProfile:
        """Read a profile JSON file (default :func:`default_profile_path`); a missing file gives the defaults."""
        path = Path(path) if path else default_profile_path()
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ParseError(f"{path}: line {exc.lineno}: not JSON: {exc.msg}") from None
        return cls.from_dict(data, source=str(path))

    def save(self, path: str | Path | None = None) -> Path:
        """Write the profile as indented JSON; returns the path."""
        path = Path(path) if path else default_profile_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return path

    def ranking_options(self) -> RankingOptions:
        """The ranking options this profile stands for (without feedback papers)."""
        weights = DEFAULT_WEIGHTS | self.weights  # a signal the file leaves out keeps its measured default
        if not self.decay:
            weights["knn"] = weights.get("knn", 0.0) + weights.pop("decay", 0.0)
        return RankingOptions(
            weights=weights,
            boosts=dict(self.boosts),
            mutes=list(self.mutes),
            recency=float(self.recency),
            popularity=float(self.popularity),
            citations=float(self.citations),
            neighbours=float(self.neighbours),
        )


def _type_name(typ: Any) -> str:
    if isinstance(typ, tuple):
        return "a URL or null" if str in typ else "a number"
    return {list: "a list", dict: "an object", bool: "true or false", int: "an integer"}.get(typ, typ.__name__)
