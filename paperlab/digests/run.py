"""The digest run: configuration in, :class:`~paperlab.digests.result.Digest` out (and the README written)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx

from ..errors import FetchError, ParseError, PartialImportWarning, UsageError, warn_partial
from ..library import Library
from ..paper import Paper
from ._match import newest_first, shown_date
from .config import DigestConfig, load_config, state_path_for
from .fetch import Fetched, fetch, reference_day
from .render import render
from .result import Digest
from .state import baseline, next_state, read_state

__all__ = ["digest"]

_NOTE_KEPT = (
    "_Not updated: the arXiv query for this keyword failed (see the Report above); "
    "the rows from the previous digest are kept._"
)
_NOTE_FAILED = "_Not updated: the arXiv query for this keyword failed or found nothing (see the Report above)._"


def _previous_sections(path: Path | None) -> dict[str, list[Paper]]:
    """Papers per section of the README at ``path`` ({} when there is none or it cannot be read)."""
    if path is None or not path.exists():
        return {}
    from ..sources.dailyarxiv import parse_dailyarxiv

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PartialImportWarning)
            old = parse_dailyarxiv(path.read_text(encoding="utf-8"), source=str(path))
    except (ParseError, OSError, UnicodeDecodeError):
        return {}
    by_id = {p.id: p for p in old.papers}
    return {k: [by_id[i] for i in ids if i in by_id] for k, ids in old.sections.items()}


def _configure(config: DigestConfig | Mapping[str, Any] | str | Path, **overrides: Any) -> DigestConfig:
    """The configuration, with the keyword arguments of :func:`digest` that were given applied."""
    if isinstance(config, (str, Path)):
        config = load_config(config)
    elif isinstance(config, Mapping):
        config = DigestConfig.from_dict(config)
    changes = {k: v for k, v in overrides.items() if v is not None}
    return dataclasses.replace(config, **changes) if changes else config


def _section_papers(config: DigestConfig, fetched: Fetched) -> tuple[dict[str, list[Paper]], dict[str, str]]:
    """Papers per section (a failed keyword keeps the previous README's rows) and the notes under headings."""
    previous = _previous_sections(config.output) if fetched.failed else {}
    notes: dict[str, str] = {}
    section_papers: dict[str, list[Paper]] = {}
    for keyword in config.keywords:
        papers = fetched.found[keyword]
        if keyword in fetched.failed and previous.get(keyword):
            papers = papers + previous[keyword]
            notes[keyword] = _NOTE_KEPT
        elif keyword in fetched.failed:
            notes[keyword] = _NOTE_FAILED
        section_papers[keyword] = papers
    if config.hf_section and "hf" in config.sources:
        section_papers[config.hf_section] = sorted(fetched.hf_papers, key=lambda p: -(p.upvotes or 0))
    if config.since:
        since = config.since
        section_papers = {
            k: [p for p in v if (shown_date(p) or dt.date.min) >= since] for k, v in section_papers.items()
        }
    return section_papers, notes


def _assemble(
    config: DigestConfig, section_papers: dict[str, list[Paper]], last_update: dt.date
) -> tuple[Library, dict[str, list[str]]]:
    """One Library (each paper once, tagged with its sections; arXiv records first so HF upvotes merge
    into them) and the ids of each section, newest first (the Hugging Face section by upvotes)."""
    library = Library(name=f"digest {last_update.isoformat()}")
    for name, papers in section_papers.items():
        for p in papers:
            library.add(dataclasses.replace(p, tags=[*p.tags, name]))
    sections: dict[str, list[str]] = {}
    for name, papers in section_papers.items():
        ids = list(dict.fromkeys(library.get(p.id).id for p in papers))  # type: ignore[union-attr]
        if name != config.hf_section:
            ids = [p.id for p in newest_first(library[i] for i in ids)]
        sections[name] = ids
    return library, sections


def _nothing_answered(fetched: Fetched) -> str:
    """Why no source answered: the unreachable services by name and host (as the citation fetch says it), else
    each problem."""
    down = fetched.unreachable
    if not down:
        return "no source answered; nothing written: " + "; ".join(str(p) for p in fetched.problems)
    reasons = [exc.reason for exc in down.values()]
    others = [str(p) for p in fetched.problems if not str(p).endswith(tuple(reasons))]
    also = f" Also: {'; '.join(others)}." if others else ""
    verb = "is" if len(down) == 1 else "are"
    return f"{' and '.join(down)} {verb} unreachable: {'; '.join(reasons)}. Nothing written.{also}"


def _check_offline(config: DigestConfig, offline: bool) -> None:
    """Offline, a digest is rebuilt from its response cache: refused at once when no cache is set."""
    if offline and config.cache_dir is None:
        raise UsageError(
            "offline, a digest is rebuilt from its response cache, and none is set: give cache_dir in the "
            "configuration (or --cache-dir DIR; cache_dir= in Python); a run online with it caches every answer"
        )


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
    UsageError
        ``offline`` without a response cache (``cache_dir``).

    Warns
    -----
    PartialImportWarning
        When some keyword or day failed: the digest is partial, the rest is kept, and
        :attr:`Digest.problems` (also the README's "Report" section) says what failed.
    """
    config = _configure(config, since=since, date=date, cache_dir=cache_dir, output=out, state=state)
    _check_offline(config, offline)
    out_path = config.output
    state_file = config.state or (state_path_for(out_path) if out_path is not None else None)
    old_state = read_state(state_file)
    reference = reference_day(config, old_state, offline, str(state_file))
    fetched = fetch(config, offline=offline, reference=reference, transport=transport)
    if fetched.answered == 0:
        empty = f" — the cache ({config.cache_dir}) holds none of these answers: run the digest online once with it"
        raise FetchError(_nothing_answered(fetched) + (empty if offline else ""))
    last_update = config.date
    if last_update is None:
        last_update = max(r.retrieved for r in fetched.responses).astimezone(dt.timezone.utc).date()
    section_papers, notes = _section_papers(config, fetched)
    library, sections = _assemble(config, section_papers, last_update)
    base = baseline(old_state, last_update)
    new, new_state = next_state(sections, fetched.failed, base, last_update)
    markdown = render(
        config,
        last_update,
        library,
        sections,
        notes,
        new,
        base,
        stateful=state_file is not None,
        problems=fetched.problems,
    )
    result = Digest(
        config=config,
        last_update=last_update,
        library=library,
        sections=sections,
        new=new,
        baseline_date=dt.date.fromisoformat(base["date"]) if base else None,
        problems=fetched.problems,
        failed=fetched.failed,
        markdown=markdown,
        state=new_state,
    )
    if out_path is not None:
        result.write(out_path, state=state_file)
    if fetched.problems:
        warn_partial(PartialImportWarning(str(out_path or config.source), fetched.problems, len(library)))
    return result
