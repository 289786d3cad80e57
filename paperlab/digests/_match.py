"""How a digest matches, filters and orders papers (DailyArXiv's rules)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from ..paper import Paper


def phrase(keyword: str) -> re.Pattern[str]:
    """The keyword as a phrase, case-insensitively, on word boundaries (whitespace between words may vary)."""
    words = [re.escape(w) for w in keyword.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def arxiv_search(keyword: str) -> str:
    """The arXiv ``search_query`` of a keyword."""
    # zezhishao/DailyArXiv utils.py: search_query=ti:"KEYWORD" OR abs:"KEYWORD"
    text = keyword.replace('"', " ").strip()
    return f'ti:"{text}" OR abs:"{text}"'


def in_categories(paper: Paper, categories: Sequence[str]) -> bool:
    """True when a category of ``paper`` equals, or is under, one of ``categories`` (``"cs"`` keeps ``cs.LG``)."""
    return any(c == want or c.startswith(want + ".") for c in paper.categories for want in categories)


def shown_date(paper: Paper) -> dt.date | None:
    """The date a digest shows and filters on: last update, else first publication."""
    return paper.updated or paper.published


def newest_first(papers: Iterable[Paper]) -> list[Paper]:
    """Dated papers newest first, then the undated ones in their order."""
    papers = list(papers)
    dated = [p for p in papers if shown_date(p) is not None]
    undated = [p for p in papers if shown_date(p) is None]
    return sorted(dated, key=lambda p: shown_date(p), reverse=True) + undated  # type: ignore[arg-type,return-value]
