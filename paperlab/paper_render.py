"""How a :class:`~paperlab.paper.Paper` is shown: a markdown card, an HTML card, a CSL-JSON item.

``Paper.to_markdown``, ``Paper.to_html`` and ``Paper.to_csl`` are implemented here and registered
through :mod:`paperlab._operations` (the model does not import its renderings). Every text of a
paper is escaped, and only absolute http(s) URLs become links (:mod:`paperlab.urls`).
"""

from __future__ import annotations

import html
import re
from typing import Any

from .paper import MIME_TYPE, Paper
from .text import md_escape, md_link_text, md_quote, shown_text
from .urls import html_link, md_url, safe_url

__all__ = ["paper_to_csl", "paper_to_html", "paper_to_markdown"]

_CHIP_STYLE = (
    "border:1px solid var(--jp-border-color2,#ccc);border-radius:8px;padding:0 6px;margin-right:4px;font-size:85%"
)
_CARD_STYLE = "border:1px solid var(--jp-border-color2,#ddd);border-radius:6px;padding:8px 12px;margin:4px 0"


_BACKTICKS = re.compile(r"`+")


def _code_span(text: str) -> str:
    """``text`` as one markdown code span: on one line (a line break would end the span and let what follows
    render as markdown and HTML), fenced by more backticks than any run inside it; ``""`` for blank text."""
    text = " ".join(shown_text(text).split())
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _card_json(paper: Paper) -> str:
    """The paper's JSON for the card's HTML comment: nothing in it can end the comment or open a tag."""
    return paper.to_json().replace("--", "-\\u002d").replace(">", "\\u003e").replace("<", "\\u003c")


def _meta(paper: Paper) -> list[str]:
    """Byline, date and venue, the parts present."""
    date = paper.published.isoformat() if paper.published else None
    return [m for m in (paper.byline(), date, paper.venue) if m]


def _links(paper: Paper) -> list[tuple[str, str | None]]:
    return [("PDF", paper.pdf_url), ("code", paper.code_url), ("project", paper.project_url)]


def _stats(paper: Paper) -> list[str]:
    """Upvotes and stars, the ones known."""
    stats = [f"▲ {paper.upvotes}"] if paper.upvotes is not None else []
    return stats + ([f"★ {paper.github_stars}"] if paper.github_stars is not None else [])


def paper_to_markdown(paper: Paper) -> str:
    """A markdown card that renders in JupyterLab, nbconvert and GitHub.

    The paper's JSON rides along in an HTML comment, so :meth:`Paper.from_markdown`
    reads the card back without loss.
    """
    link = md_url(paper.abs_url)
    lines = [f"### [{md_link_text(paper.title)}]({link})" if link else f"### {md_escape(paper.title)}"]
    meta = _meta(paper)
    if meta:
        lines.append("*" + md_escape(" · ".join(meta)) + "*")
    badges = [f"arXiv:{md_escape(paper.arxiv_id)}"] if paper.arxiv_id else []
    badges += _stats(paper)
    links = [f"[{name}]({url})" for name, url in ((n, md_url(u)) for n, u in _links(paper)) if url]
    tags = [span for span in map(_code_span, (paper.categories + paper.tags)[:8]) if span]
    extra_line = " · ".join(badges + links + tags)
    if extra_line:
        lines.append(extra_line)
    if paper.abstract:
        lines += ["", md_quote(paper.abstract)]
    lines += ["", f"<!-- {MIME_TYPE} {_card_json(paper)} -->"]
    return "\n".join(lines) + "\n"


def paper_to_html(paper: Paper) -> str:
    """A self-contained HTML card; every text is escaped, control characters and bidirectional overrides dropped."""

    def e(text: str) -> str:
        return html.escape(shown_text(text))

    head = html_link(paper.abs_url, e(paper.title))
    meta = " · ".join(e(m) for m in _meta(paper))
    chips = "".join(f'<span style="{_CHIP_STYLE}">{e(c)}</span>' for c in (paper.categories + paper.tags)[:8])
    stats = " ".join(_stats(paper))
    links = " ".join(html_link(url, name) for name, url in _links(paper) if safe_url(url))
    abstract = f"<details><summary>Abstract</summary><p>{e(paper.abstract)}</p></details>" if paper.abstract else ""
    return (
        f'<div class="paperlab-card" style="{_CARD_STYLE}">'
        f'<div style="font-weight:600">{head}</div>'
        f'<div style="color:var(--jp-ui-font-color2,#666)">{meta}</div>'
        f"<div>{chips} {e(stats)} {links}</div>{abstract}</div>"
    )


def paper_to_csl(paper: Paper) -> dict[str, Any]:
    """A CSL-JSON item (for Zotero, pandoc and citation processors)."""
    item: dict[str, Any] = {
        "id": paper.id,
        "type": "article-journal" if paper.journal_ref else "article",
        "title": paper.title,
    }
    if paper.authors:
        item["author"] = [_csl_name(a) for a in paper.authors]
    if paper.published:
        item["issued"] = {"date-parts": [[paper.published.year, paper.published.month, paper.published.day]]}
    for key, value in (
        ("abstract", paper.abstract),
        ("DOI", paper.doi),
        ("URL", paper.abs_url),
        ("container-title", paper.journal_ref),
        ("note", paper.comment),
    ):
        if value:
            item[key] = value
    if paper.arxiv_id:
        item["number"] = f"arXiv:{paper.arxiv_id}"
        item["publisher"] = "arXiv"
    if paper.keywords or paper.tags:
        item["keyword"] = ", ".join(paper.keywords + paper.tags)
    return item


def _csl_name(name: str) -> dict[str, str]:
    if "," in name:
        family, given = (s.strip() for s in name.split(",", 1))
    else:
        parts = name.split()
        family, given = parts[-1], " ".join(parts[:-1])
    return {"family": family, "given": given} if given else {"literal": family}


# The model's renderings implemented here (``Paper.to_markdown``, ``Paper.to_html``, ``Paper.to_csl``).
Paper.operations.register("to_markdown", paper_to_markdown)
Paper.operations.register("to_html", paper_to_html)
Paper.operations.register("to_csl", paper_to_csl)
